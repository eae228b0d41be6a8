#include "document/examplemodel.h"

#include "formats/checkpointreader.h"

#include <QCoreApplication>
#include <QFile>

namespace torchscope {

QByteArray exampleModelArchive()
{
    QFile file(QStringLiteral(":/example/example.pt"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool readExampleModel(CheckpointContent *out, QString *error)
{
    const QByteArray archive = exampleModelArchive();
    if (archive.isEmpty()) {
        *error = QCoreApplication::translate("ExampleModel", "the example model is missing from this build");
        return false;
    }
    if (!readCheckpointBytes(archive, out, error))
        return false;
    out->filePath.clear();
    out->sourceBytes = archive;
    return true;
}

} // namespace torchscope
