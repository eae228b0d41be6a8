#include "formats/shardedreader.h"

#include "formats/checkpointreader.h"
#include "tensor/mappedfile.h"
#include "tensor/naturalorder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace torchscope {

namespace {
// lupdate sees the strings of this file under the context CheckpointReader.
struct CheckpointReaderText
{
    Q_DECLARE_TR_FUNCTIONS(CheckpointReader)
};
} // namespace

bool readShardedCheckpoint(const QString &path, const std::shared_ptr<MappedFile> &file,
                           const Progress &progress, CheckpointContent *out, QString *error)
{
    if (file->size() > (qint64(256) << 20)) {
        *error = CheckpointReaderText::tr("index file too large");
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument index =
        QJsonDocument::fromJson(QByteArray::fromRawData(file->data(), qsizetype(file->size())), &parseError);
    const QJsonObject weightMap = index.object().value(QStringLiteral("weight_map")).toObject();
    if (parseError.error != QJsonParseError::NoError || weightMap.isEmpty()) {
        *error = CheckpointReaderText::tr("not a sharded checkpoint index (no weight_map)");
        return false;
    }
    out->format = CheckpointFormat::Sharded;
    QStringList shards;
    for (auto it = weightMap.begin(); it != weightMap.end(); ++it) {
        const QString shard = it.value().toString();
        // Shards live beside the index; a name that climbs out of that folder is refused.
        if (shard.isEmpty() || shard.contains(QLatin1Char('/')) || shard.contains(QLatin1Char('\\')) ||
            shard == QLatin1String("..")) {
            *error = CheckpointReaderText::tr("bad shard name \"%1\"").arg(shard);
            return false;
        }
        if (!shards.contains(shard))
            shards << shard;
    }
    const QDir dir = QFileInfo(path).dir();
    QHash<QString, QString> shardOf;
    for (auto it = weightMap.begin(); it != weightMap.end(); ++it)
        shardOf.insert(it.key(), it.value().toString());
    for (int i = 0; i < shards.size(); ++i) {
        if (progress.isCanceled()) {
            *error = CheckpointReaderText::tr("canceled");
            return false;
        }
        progress.set(i, shards.size());
        const QString shardPath = dir.filePath(shards[i]);
        std::shared_ptr<MappedFile> shardFile = MappedFile::open(shardPath, error);
        if (!shardFile)
            return false;
        CheckpointContent shard;
        if (!readSingleFileCheckpoint(shardFile, &shard, error)) {
            *error = QStringLiteral("%1: %2").arg(shards[i], *error);
            return false;
        }
        for (TensorInfo &tensor : shard.tensors) {
            if (shardOf.value(tensor.name) != shards[i]) {
                out->warnings << CheckpointReaderText::tr("%1 holds %2, which the index does not list there")
                                     .arg(shards[i], tensor.name);
                continue;
            }
            if (tensor.tiedTo >= 0)
                tensor.tiedTo = -1; // indices are per shard; ties across the merged list are not tracked
            shardOf.remove(tensor.name);
            out->tensors.push_back(std::move(tensor));
        }
        out->warnings += shard.warnings;
        out->metadata += shard.metadata;
    }
    progress.set(shards.size(), shards.size());
    // One model from many files: the index maps names in string order, which says nothing of the
    // model's; listed in natural order, as ModuleList counts blocks.
    std::stable_sort(out->tensors.begin(), out->tensors.end(),
                     [](const TensorInfo &a, const TensorInfo &b) { return naturalLess(a.name, b.name); });
    if (!shardOf.isEmpty()) {
        *error =
            CheckpointReaderText::tr("%n tensors listed in the index are missing from their shards (e.g. %1)",
                                     nullptr, int(shardOf.size()))
                .arg(shardOf.begin().key());
        return false;
    }
    return true;
}

} // namespace torchscope
