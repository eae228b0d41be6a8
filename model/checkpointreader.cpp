#include "checkpointreader.h"

#include "mappedfile.h"
#include "picklecheckpoint.h"
#include "safeunpickler.h"
#include "safetensorsreader.h"
#include "torchbridge.h"
#include "ziparchivereader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>
#include <tuple>

namespace torchscope {

namespace {
constexpr qint64 kMaxPickle = qint64(1) << 31;
constexpr qint64 kMaxSource = qint64(64) << 20;

QString tr(const char *text)
{
    return QCoreApplication::translate("CheckpointReader", text);
}

bool withPath(const QString &path, QString *error)
{
    *error = QStringLiteral("%1: %2").arg(path, *error);
    return false;
}

// Refusals become warnings; a file that yields nothing but refusals is an error.
bool finish(const QStringList &refusals, CheckpointContent *out, QString *error)
{
    out->warnings = refusals + out->warnings;
    if (out->tensors.empty() && !refusals.isEmpty()) {
        *error = refusals.first();
        return false;
    }
    return true;
}

bool readZipCheckpoint(const std::shared_ptr<MappedFile> &file, CheckpointContent *out, QString *error)
{
    ZipArchiveReader zip;
    if (!zip.open(file, error))
        return false;
    const ZipArchiveReader::Entry *pickleEntry = zip.findRecord(QStringLiteral("data.pkl"));
    if (!pickleEntry) {
        *error = tr("a zip archive, but not a PyTorch checkpoint (no data.pkl)");
        return false;
    }
    if (const ZipArchiveReader::Entry *order = zip.findRecord(QStringLiteral("byteorder"))) {
        QByteArray byteOrder;
        if (!zip.read(*order, &byteOrder, error, 64))
            return false;
        if (byteOrder.trimmed() != "little") {
            *error = tr("big-endian checkpoints are not supported");
            return false;
        }
    }
    // TorchScript declares which attributes are parameters and buffers in its class sources.
    ScriptClassTable classes;
    const bool torchScript = zip.findRecord(QStringLiteral("constants.pkl")) != nullptr;
    if (torchScript) {
        const QString codePrefix = zip.rootFolder() + QStringLiteral("/code/");
        for (const ZipArchiveReader::Entry &entry : zip.entries()) {
            if (!entry.name.startsWith(codePrefix) || !entry.name.endsWith(QLatin1String(".py")))
                continue;
            QByteArray source;
            if (!zip.read(entry, &source, error, kMaxSource))
                return false;
            QString qualified = entry.name.mid(codePrefix.size());
            qualified.chop(3);
            qualified.replace(QLatin1Char('/'), QLatin1Char('.'));
            parseScriptClasses(qualified, QString::fromUtf8(source), &classes);
        }
    }
    QByteArray pickle;
    if (!zip.read(*pickleEntry, &pickle, error, kMaxPickle))
        return false;
    SafeUnpickler unpickler(pickle.constData(), pickle.size());
    if (!unpickler.run(0, error))
        return false;

    const std::vector<StorageRef> &storages = unpickler.storages();
    auto resolver = [&](int index, QString *reason) -> std::shared_ptr<const TensorStorage> {
        const StorageRef &ref = storages[size_t(index)];
        const ZipArchiveReader::Entry *entry = zip.findRecord(QStringLiteral("data/") + ref.key);
        if (!entry) {
            *reason = tr("storage %1 is missing from the archive").arg(ref.key);
            return nullptr;
        }
        const qint64 expected = ref.numel * dtypeElementSize(ref.dtype);
        if (ref.numel > (qint64(1) << 40) || entry->uncompressedSize != expected) {
            *reason = tr("storage %1 holds %2 bytes, the pickle says %3 elements of %4")
                          .arg(ref.key).arg(entry->uncompressedSize).arg(ref.numel).arg(dtypeName(ref.dtype));
            return nullptr;
        }
        if (entry->method == 0)
            return std::make_shared<MappedFileRange>(zip.file(), entry->dataOffset, entry->uncompressedSize);
        auto bytes = std::make_shared<QByteArray>();
        if (!zip.read(*entry, bytes.get(), reason))
            return nullptr;
        return std::make_shared<OwnedTensorStorage>(bytes, bytes->constData(), bytes->size());
    };
    PickleCheckpoint checkpoint(storages, resolver);
    if (!checkpoint.interpret(unpickler.result(), torchScript ? &classes : nullptr, out, error))
        return false;
    return finish(unpickler.refusals(), out, error);
}

bool looksLikeLegacy(const char *data, qint64 size)
{
    static const char kMagic[] = "\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19";
    return size >= 14 && std::memcmp(data, kMagic, 14) == 0;
}

bool readLegacyCheckpoint(const std::shared_ptr<MappedFile> &file, CheckpointContent *out, QString *error)
{
    const char *data = file->data();
    const qint64 size = file->size();
    qint64 pos = 0;
    PickleValuePtr header[3];
    for (PickleValuePtr &value : header) {
        SafeUnpickler unpickler(data, size);
        if (!unpickler.run(pos, error))
            return false;
        value = unpickler.result();
        pos = unpickler.endOffset();
    }
    if (header[1]->type != PickleValue::Type::Int || header[1]->integer != 1001) {
        *error = tr("unsupported legacy protocol version");
        return false;
    }
    if (PickleValuePtr littleEndian = header[2]->get(QStringLiteral("little_endian"));
        littleEndian && littleEndian->type == PickleValue::Type::Bool && !littleEndian->boolean) {
        *error = tr("big-endian checkpoints are not supported");
        return false;
    }
    SafeUnpickler objectPickle(data, size);
    if (!objectPickle.run(pos, error))
        return false;
    SafeUnpickler keysPickle(data, size);
    if (!keysPickle.run(objectPickle.endOffset(), error))
        return false;
    const PickleValuePtr keys = keysPickle.result();
    if (keys->type != PickleValue::Type::List) {
        *error = tr("legacy checkpoint: storage key list missing");
        return false;
    }
    // After the pickles: for each key, an int64 element count and the storage's raw bytes.
    QHash<QString, int> storageByKey;
    const std::vector<StorageRef> &storages = objectPickle.storages();
    for (size_t i = 0; i < storages.size(); ++i)
        storageByKey.insert(storages[i].key, int(i));
    std::vector<std::pair<qint64, qint64>> ranges(storages.size(), {-1, 0});
    pos = keysPickle.endOffset();
    for (const PickleValuePtr &key : keys->items) {
        const QString name = key->type == PickleValue::Type::String ? key->text : QString::number(key->integer);
        const int index = storageByKey.value(name, -1);
        if (index < 0 || pos + 8 > size) {
            *error = tr("legacy checkpoint: storage %1 is missing or truncated").arg(name);
            return false;
        }
        qint64 count = 0;
        std::memcpy(&count, data + pos, 8);
        pos += 8;
        const StorageRef &ref = storages[size_t(index)];
        const qint64 elementSize = dtypeElementSize(ref.dtype);
        if (count != ref.numel || count < 0 || count > (size - pos) / elementSize) {
            *error = tr("legacy checkpoint: storage %1 claims %2 elements; the pickle says %3 and the file has room for fewer")
                         .arg(name).arg(count).arg(ref.numel);
            return false;
        }
        ranges[size_t(index)] = {pos, count * elementSize};
        pos += count * elementSize;
    }
    if (pos != size) {
        *error = tr("legacy checkpoint: %1 unexpected bytes at the end").arg(size - pos);
        return false;
    }
    auto resolver = [&](int index, QString *reason) -> std::shared_ptr<const TensorStorage> {
        const auto &[offset, length] = ranges[size_t(index)];
        if (offset < 0) {
            *reason = tr("storage %1 has no data").arg(storages[size_t(index)].key);
            return nullptr;
        }
        return std::make_shared<MappedFileRange>(file, offset, length);
    };
    PickleCheckpoint checkpoint(storages, resolver);
    if (!checkpoint.interpret(objectPickle.result(), nullptr, out, error))
        return false;
    if (out->format == CheckpointFormat::StateDict)
        out->format = CheckpointFormat::StateDictLegacy;
    return finish(objectPickle.refusals(), out, error);
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

bool readSingleFile(const QString &path, const std::shared_ptr<MappedFile> &file, CheckpointContent *out, QString *error)
{
    if (ZipArchiveReader::looksLikeZip(file->data(), file->size()))
        return readZipCheckpoint(file, out, error);
    if (looksLikeLegacy(file->data(), file->size()))
        return readLegacyCheckpoint(file, out, error);
    if (SafetensorsReader::looksLikeSafetensors(file->data(), file->size()))
        return SafetensorsReader::read(file, out, error);
    *error = tr("not a PyTorch checkpoint (unrecognised content)");
    return false;
}

bool readShardedCheckpoint(const QString &path, const std::shared_ptr<MappedFile> &file, const Progress &progress,
                           CheckpointContent *out, QString *error)
{
    if (file->size() > (qint64(256) << 20)) {
        *error = tr("index file too large");
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument index = QJsonDocument::fromJson(QByteArray::fromRawData(file->data(), qsizetype(file->size())), &parseError);
    const QJsonObject weightMap = index.object().value(QStringLiteral("weight_map")).toObject();
    if (parseError.error != QJsonParseError::NoError || weightMap.isEmpty()) {
        *error = tr("not a sharded checkpoint index (no weight_map)");
        return false;
    }
    out->format = CheckpointFormat::Sharded;
    QStringList shards;
    for (auto it = weightMap.begin(); it != weightMap.end(); ++it) {
        const QString shard = it.value().toString();
        // Shards live beside the index; a name that climbs out of that folder is refused.
        if (shard.isEmpty() || shard.contains(QLatin1Char('/')) || shard.contains(QLatin1Char('\\')) || shard == QLatin1String("..")) {
            *error = tr("bad shard name \"%1\"").arg(shard);
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
            *error = tr("canceled");
            return false;
        }
        progress.set(i, shards.size());
        const QString shardPath = dir.filePath(shards[i]);
        std::shared_ptr<MappedFile> shardFile = MappedFile::open(shardPath, error);
        if (!shardFile)
            return false;
        CheckpointContent shard;
        if (!readSingleFile(shardPath, shardFile, &shard, error)) {
            *error = QStringLiteral("%1: %2").arg(shards[i], *error);
            return false;
        }
        for (TensorInfo &tensor : shard.tensors) {
            if (shardOf.value(tensor.name) != shards[i]) {
                out->warnings << tr("%1 holds %2, which the index does not list there").arg(shards[i], tensor.name);
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
    // One model from many files: listed by name, as the index lists them.
    std::stable_sort(out->tensors.begin(), out->tensors.end(),
                     [](const TensorInfo &a, const TensorInfo &b) { return a.name < b.name; });
    if (!shardOf.isEmpty()) {
        *error = tr("%1 tensors listed in the index are missing from their shards (e.g. %2)")
                     .arg(shardOf.size()).arg(shardOf.begin().key());
        return false;
    }
    return true;
}

bool contentFromBridge(BridgeModel &model, CheckpointFormat format, const QString &path, CheckpointContent *out)
{
    out->format = format;
    out->filePath = path;
    out->scriptModule = std::move(model.scriptModule);
    out->warnings = model.warnings;
    for (const BridgeModuleEntry &module : std::as_const(model.modules))
        out->modules.append({module.path, module.typeName});
    using ViewKey = std::tuple<quintptr, qint64, QVector<qint64>, QVector<qint64>, int>;
    std::map<ViewKey, int> firstWithView;
    out->tensors.reserve(size_t(model.tensors.size()));
    for (BridgeTensor &source : model.tensors) {
        TensorInfo tensor;
        tensor.name = source.name;
        tensor.kind = source.isParameter ? TensorKind::Parameter : TensorKind::Buffer;
        tensor.dtype = source.dtype;
        tensor.shape = source.shape;
        tensor.strides = TensorInfo::contiguousStrides(source.shape);
        tensor.storage = std::make_shared<OwnedTensorStorage>(std::move(source.owner), source.data, source.byteSize);
        tensor.hasRequiresGrad = source.isParameter;
        tensor.requiresGrad = source.isParameter && source.requiresGrad;
        const ViewKey key{source.storageId, source.storageOffset, source.shape, source.storageStrides, int(source.dtype)};
        const auto found = firstWithView.find(key);
        if (found != firstWithView.end() && tensor.numel() > 0)
            tensor.tiedTo = found->second;
        else
            firstWithView.emplace(key, int(out->tensors.size()));
        out->tensors.push_back(std::move(tensor));
    }
    return true;
}
} // namespace

bool readCheckpoint(const QString &path, const Progress &progress, CheckpointContent *out, QString *error)
{
    std::shared_ptr<MappedFile> file = MappedFile::open(path, error);
    if (!file)
        return false;
    if (file->size() == 0) {
        *error = tr("%1: empty file").arg(path);
        return false;
    }
    progress.set(0, 0);
    out->filePath = path;
    const bool ok = looksLikeJson(file->data(), file->size()) ? readShardedCheckpoint(path, file, progress, out, error)
                                                              : readSingleFile(path, file, out, error);
    if (!ok)
        return withPath(path, error);
    if (progress.isCanceled()) {
        *error = tr("canceled");
        return false;
    }
    return true;
}

bool readCheckpointBytes(const QByteArray &bytes, CheckpointContent *out, QString *error)
{
    const std::shared_ptr<MappedFile> file = MappedFile::fromBuffer(bytes);
    return readSingleFile(QString(), file, out, error);
}

bool readShardIndexBytes(const QByteArray &bytes, const QString &folder, CheckpointContent *out, QString *error)
{
    return readShardedCheckpoint(QDir(folder).filePath(QStringLiteral("index.json")), MappedFile::fromBuffer(bytes),
                                 Progress(), out, error);
}

bool readExampleModel(CheckpointContent *out, QString *error)
{
    TorchBridge *bridge = torchBridge(error);
    if (!bridge)
        return false;
    BridgeModel model;
    if (!bridge->buildExampleModel(&model, error))
        return false;
    return contentFromBridge(model, CheckpointFormat::TorchScript, QString(), out);
}

} // namespace torchscope
