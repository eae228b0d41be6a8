#include "formats/checkpointreader.h"

#include "formats/barepicklereader.h"
#include "formats/legacyreader.h"
#include "formats/modelfolder.h"
#include "formats/safetensorsreader.h"
#include "formats/shardedreader.h"
#include "formats/torchzipreader.h"
#include "formats/zip/ziparchivereader.h"
#include "tensor/mappedfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace torchscope {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("CheckpointReader", text);
}

bool withPath(const QString &path, QString *error)
{
    *error = QStringLiteral("%1: %2").arg(path, *error);
    return false;
}

bool looksLikeJson(const char *data, qint64 size)
{
    for (qint64 i = 0; i < std::min<qint64>(size, 64); ++i) {
        if (data[i] == '{')
            return true;
        if (!QChar::isSpace(uchar(data[i])))
            return false;
    }
    return false;
}

} // namespace

bool readSingleFileCheckpoint(const std::shared_ptr<MappedFile> &file, CheckpointContent *out, QString *error)
{
    if (ZipArchiveReader::looksLikeZip(file->data(), file->size()))
        return readTorchZipCheckpoint(file, out, error);
    if (looksLikeLegacyCheckpoint(file->data(), file->size()))
        return readLegacyCheckpoint(file, out, error);
    if (SafetensorsReader::looksLikeSafetensors(file->data(), file->size()))
        return SafetensorsReader::read(file, out, error);
    if (looksLikeBarePickle(file->data(), file->size()))
        return readBarePickle(file, out, error);
    *error = tr("not a PyTorch checkpoint (unrecognised content)");
    return false;
}

bool readCheckpoint(const QString &requestedPath, const Progress &progress, CheckpointContent *out,
                    QString *error)
{
    // A model folder opens the checkpoint it holds.
    const QString path =
        QFileInfo(requestedPath).isDir() ? findCheckpointInFolder(requestedPath, error) : requestedPath;
    if (path.isEmpty())
        return false;
    std::shared_ptr<MappedFile> file = MappedFile::open(path, error);
    if (!file)
        return false;
    if (file->size() == 0) {
        *error = tr("%1: empty file").arg(path);
        return false;
    }
    progress.set(0, 0);
    out->filePath = path;
    const bool ok = looksLikeJson(file->data(), file->size())
                        ? readShardedCheckpoint(path, file, progress, out, error)
                        : readSingleFileCheckpoint(file, out, error);
    if (!ok)
        return withPath(path, error);
    if (progress.isCanceled()) {
        *error = tr("canceled");
        return false;
    }
    // Hugging Face keeps the architecture beside the weights, in config.json.
    if (!isEntireModelFormat(out->format))
        readModelConfig(QFileInfo(path).absolutePath(), &out->config, &out->warnings);
    return true;
}

bool readCheckpointBytes(const QByteArray &bytes, CheckpointContent *out, QString *error)
{
    const std::shared_ptr<MappedFile> file = MappedFile::fromBuffer(bytes);
    return readSingleFileCheckpoint(file, out, error);
}

bool readShardIndexBytes(const QByteArray &bytes, const QString &folder, CheckpointContent *out,
                         QString *error)
{
    return readShardedCheckpoint(QDir(folder).filePath(QStringLiteral("index.json")),
                                 MappedFile::fromBuffer(bytes), Progress(), out, error);
}

} // namespace torchscope
