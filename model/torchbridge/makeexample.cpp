// Build-time tool: writes the built-in example model with the LibTorch bridge, for embedding.
//   torchscope_make_example OUT

#include "torchbridge/torchbridge.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    if (argc != 2) {
        err << "usage: torchscope_make_example OUT\n";
        return 2;
    }
    QString error;
    torchscope::TorchBridge *bridge = torchscope::torchBridge(&error);
    QSaveFile file(QString::fromLocal8Bit(argv[1]));
    if (!bridge || !file.open(QIODevice::WriteOnly) || !bridge->writeExampleModel(&file, &error) ||
        !file.commit()) {
        err << "torchscope_make_example: " << (error.isEmpty() ? file.errorString() : error) << "\n";
        return 1;
    }
    return 0;
}
