#include "formats/checkpointreader.h"

#include "formats/barepicklereader.h"
#include "formats/dcpreader.h"
#include "formats/deepspeedreader.h"
#include "formats/ggufreader.h"
#include "formats/legacyreader.h"
#include "formats/modelfolder.h"
#include "formats/safetensorsreader.h"
#include "formats/shardedreader.h"
#include "formats/torchzipreader.h"
#include "formats/trainerfolder.h"
#include "formats/zip/ziparchivereader.h"
#include "tensor/mappedfile.h"
#include "training/checkpointparts.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace torchscope {

namespace {
// lupdate sees the strings of this file under the context CheckpointReader.
struct CheckpointReaderText
{
    Q_DECLARE_TR_FUNCTIONS(CheckpointReader)
};

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

const QStringList &checkpointFilePatterns()
{
    // torch.save's own (.pt, .pth, .bin, Lightning's .ckpt), TorchScript archives (.zip), safetensors,
    // a sharded checkpoint's index (.json), a legacy tar checkpoint (model_best.pth.tar), bare pickles and
    // llama.cpp's GGUF.
    static const QStringList patterns{
        QStringLiteral("*.pt"),     QStringLiteral("*.pth"), QStringLiteral("*.bin"),
        QStringLiteral("*.ckpt"),   QStringLiteral("*.zip"), QStringLiteral("*.safetensors"),
        QStringLiteral("*.json"),   QStringLiteral("*.tar"), QStringLiteral("*.pkl"),
        QStringLiteral("*.pickle"), QStringLiteral("*.gguf")};
    return patterns;
}

QString unrecognisedContentReason(const char *data, qint64 size)
{
    if (size >= 16 && QByteArrayView(data, 8) == QByteArrayView("PYTORCH1")) {
        quint64 version = 0;
        std::memcpy(&version, data + 8, sizeof version);
        return CheckpointReaderText::tr(
                   "a TorchScript model in the 'PYTORCH1' container (version %1) of the PyTorch 1.0 "
                   "previews of 2018, which no released PyTorch reads; re-export it with PyTorch 1.0 "
                   "or later")
            .arg(qFromLittleEndian(version));
    }
    const QByteArray head(data, qsizetype(std::min<qint64>(size, 8)));
    QString shown;
    for (const char c : head)
        shown += c >= 0x20 && c < 0x7f ? QLatin1Char(c) : QLatin1Char('.');
    return CheckpointReaderText::tr(
               "not a PyTorch checkpoint: %1 bytes beginning \"%2\" (%3), the start of no zip archive, "
               "pickle, legacy checkpoint or safetensors file")
        .arg(size)
        .arg(shown, QString::fromLatin1(head.toHex(' ')));
}

bool readSingleFileCheckpoint(const std::shared_ptr<MappedFile> &file, CheckpointContent *out, QString *error)
{
    if (ZipArchiveReader::looksLikeZip(file->data(), file->size()))
        return readTorchZipCheckpoint(file, out, error);
    if (looksLikeLegacyCheckpoint(file->data(), file->size()))
        return readLegacyCheckpoint(file, out, error);
    if (SafetensorsReader::looksLikeSafetensors(file->data(), file->size()))
        return SafetensorsReader::read(file, out, error);
    if (looksLikeGguf(file->data(), file->size()))
        return readGguf(file, out, error);
    if (looksLikeBarePickle(file->data(), file->size()))
        return readBarePickle(file, out, error);
    *error = unrecognisedContentReason(file->data(), file->size());
    return false;
}

bool readCheckpoint(const QString &requestedPath, const Progress &progress, CheckpointContent *out,
                    QString *error)
{
    // A distributed checkpoint is a folder of pieces, opened from its .metadata.
    if (QFileInfo(requestedPath).isDir() && isDcpFolder(requestedPath)) {
        if (!readDcpFolder(requestedPath, out, error))
            return false;
        markRecognisedBuffers(out);
        return true;
    }
    // A DeepSpeed ZeRO checkpoint is a folder of per-rank partitions, joined into one model.
    if (QFileInfo(requestedPath).isDir() && isDeepSpeedFolder(requestedPath)) {
        if (!readDeepSpeedFolder(requestedPath, out, error))
            return false;
        markRecognisedBuffers(out);
        return true;
    }
    // A model folder opens the checkpoint it holds.
    const QString path =
        QFileInfo(requestedPath).isDir() ? findCheckpointInFolder(requestedPath, error) : requestedPath;
    if (path.isEmpty())
        return false;
    std::shared_ptr<MappedFile> file = MappedFile::open(path, error);
    if (!file)
        return false;
    if (file->size() == 0) {
        *error = CheckpointReaderText::tr("%1: empty file").arg(path);
        return false;
    }
    progress.set(0, 0);
    out->filePath = path;
    out->openedPath = QFileInfo(requestedPath).isDir() ? requestedPath : path;
    const bool ok = looksLikeJson(file->data(), file->size())
                        ? readShardedCheckpoint(path, file, progress, out, error)
                        : readSingleFileCheckpoint(file, out, error);
    if (!ok)
        return withPath(path, error);
    markRecognisedBuffers(out);
    if (progress.isCanceled()) {
        *error = CheckpointReaderText::tr("canceled");
        return false;
    }
    // Hugging Face keeps the architecture beside the weights, in config.json.
    if (!isEntireModelFormat(out->format))
        readModelConfig(QFileInfo(path).absolutePath(), &out->config, &out->warnings);
    // A Trainer's checkpoint-N/ folder holds the training state beside the model.
    if (QFileInfo(requestedPath).isDir() && isTrainerCheckpointFolder(requestedPath))
        readTrainerFolderParts(requestedPath, out);
    return true;
}

bool readCheckpointBytes(const QByteArray &bytes, CheckpointContent *out, QString *error)
{
    const std::shared_ptr<MappedFile> file = MappedFile::fromBuffer(bytes);
    if (!readSingleFileCheckpoint(file, out, error))
        return false;
    markRecognisedBuffers(out);
    return true;
}

bool readShardIndexBytes(const QByteArray &bytes, const QString &folder, CheckpointContent *out,
                         QString *error)
{
    return readShardedCheckpoint(QDir(folder).filePath(QStringLiteral("index.json")),
                                 MappedFile::fromBuffer(bytes), Progress(), out, error);
}

} // namespace torchscope
