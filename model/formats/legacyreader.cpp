#include "formats/legacyreader.h"

#include "formats/pickle/picklecheckpoint.h"
#include "formats/pickle/safeunpickler.h"
#include "formats/pickle/weightsonly.h"
#include "tensor/bytes.h"
#include "tensor/mappedfile.h"

#include <QCoreApplication>
#include <QHash>

#include <cstring>
#include <vector>

namespace torchscope {

namespace {
// lupdate sees the strings of this file under the context CheckpointReader.
struct CheckpointReaderText
{
    Q_DECLARE_TR_FUNCTIONS(CheckpointReader)
};
} // namespace

bool looksLikeLegacyCheckpoint(const char *data, qint64 size)
{
    static const char kMagic[] = "\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19";
    return size >= 14 && std::memcmp(data, kMagic, 14) == 0;
}

bool readLegacyCheckpoint(const std::shared_ptr<MappedFile> &file, CheckpointContent *out, QString *error)
{
    const char *data = file->data();
    const qint64 size = file->size();
    qint64 pos = 0;
    // One arena for the five pickles: their values outlive each unpickler.
    const auto arena = std::make_shared<PickleArena>();
    PickleValuePtr header[3];
    // Calls hidden in any of the five pickles would run on torch.load: each is kept as found.
    for (PickleValuePtr &value : header) {
        SafeUnpickler unpickler(data, size, arena);
        if (!unpickler.run(pos, error))
            return false;
        addRefusedCalls(unpickler, QString(), out);
        value = unpickler.result();
        pos = unpickler.endOffset();
    }
    if (header[1]->type != PickleValue::Type::Int || header[1]->integer != 1001) {
        *error = CheckpointReaderText::tr("unsupported legacy protocol version");
        return false;
    }
    if (PickleValuePtr littleEndian = header[2]->get(QStringLiteral("little_endian"));
        littleEndian && littleEndian->type == PickleValue::Type::Bool && !littleEndian->boolean) {
        *error = CheckpointReaderText::tr("big-endian checkpoints are not supported");
        return false;
    }
    SafeUnpickler objectPickle(data, size, arena);
    if (!objectPickle.run(pos, error))
        return false;
    SafeUnpickler keysPickle(data, size, arena);
    if (!keysPickle.run(objectPickle.endOffset(), error))
        return false;
    addRefusedCalls(keysPickle, QString(), out);
    const PickleValuePtr keys = keysPickle.result();
    if (keys->type != PickleValue::Type::List) {
        *error = CheckpointReaderText::tr("legacy checkpoint: storage key list missing");
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
        const QString name =
            key->type == PickleValue::Type::String ? key->text() : QString::number(key->integer);
        const int index = storageByKey.value(name, -1);
        if (index < 0 || !rangeInside(pos, 8, size)) {
            *error =
                CheckpointReaderText::tr("legacy checkpoint: storage %1 is missing or truncated").arg(name);
            return false;
        }
        const qint64 count = loadLittleEndian<qint64>(data + pos);
        pos += 8;
        const StorageRef &ref = storages[size_t(index)];
        const qint64 elementSize = dtypeElementSize(ref.dtype);
        // count * elementSize cannot wrap: the pickle's numel is bounded by 2^40 and elements by 16 bytes.
        if (count != ref.numel || count < 0 || !rangeInside(pos, count * elementSize, size)) {
            *error = CheckpointReaderText::tr(
                         "legacy checkpoint: storage %1 claims %2 elements; the pickle says %3 and the file "
                         "has room for fewer")
                         .arg(name)
                         .arg(count)
                         .arg(ref.numel);
            return false;
        }
        ranges[size_t(index)] = {pos, count * elementSize};
        pos += count * elementSize;
    }
    if (pos != size) {
        *error =
            CheckpointReaderText::tr("legacy checkpoint: %1 unexpected bytes at the end").arg(size - pos);
        return false;
    }
    auto resolver = [&](int index, QString *reason) -> std::shared_ptr<const TensorStorage> {
        const auto &[offset, length] = ranges[size_t(index)];
        if (offset < 0) {
            *reason = CheckpointReaderText::tr("storage %1 has no data").arg(storages[size_t(index)].key);
            return nullptr;
        }
        return std::make_shared<MappedFileRange>(file, offset, length);
    };
    PickleCheckpoint checkpoint(storages, resolver);
    if (!checkpoint.interpret(objectPickle.result(), nullptr, out, error, arena))
        return false;
    if (out->format == CheckpointFormat::StateDict)
        out->format = CheckpointFormat::StateDictLegacy;
    out->weightsOnlyBlockers =
        weightsOnlyBlockers(objectPickle.globalsRead(),
                            out->format == CheckpointFormat::PickleModule ? nullptr : objectPickle.result());
    return applyRefusals(objectPickle, QString(), out, error);
}

} // namespace torchscope
