#include "formats/torchzipreader.h"

#include "formats/pickle/picklecheckpoint.h"
#include "formats/pickle/safeunpickler.h"
#include "formats/pickle/weightsonly.h"
#include "formats/zip/ziparchivereader.h"
#include "tensor/allocationhint.h"
#include "tensor/mappedfile.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <vector>

namespace torchscope {

namespace {
// Reverses the bytes of each `unit`-byte element of data in place.
void swapEachElement(char *data, qint64 size, int unit)
{
    for (qint64 at = 0; unit > 1 && at + unit <= size; at += unit)
        std::reverse(data + at, data + at + unit);
}
} // namespace

namespace {
constexpr qint64 kMaxPickle = qint64(1) << 31;
constexpr qint64 kMaxSource = qint64(64) << 20;

// lupdate sees the strings of this file under the context CheckpointReader.
struct CheckpointReaderText
{
    Q_DECLARE_TR_FUNCTIONS(CheckpointReader)
};
} // namespace

bool readTorchZipCheckpoint(const std::shared_ptr<MappedFile> &file, CheckpointContent *out, QString *error)
{
    ZipArchiveReader zip;
    if (!zip.open(file, error))
        return false;
    const ZipArchiveReader::Entry *pickleEntry = zip.findRecord(QStringLiteral("data.pkl"));
    if (!pickleEntry) {
        // TorchScript before PyTorch 1.2 kept the model in model.json (torch.proto as JSON).
        QByteArray json;
        if (const ZipArchiveReader::Entry *model = zip.findRecord(QStringLiteral("model.json"));
            model && zip.read(*model, &json, error, qint64(64) << 20)) {
            const QJsonObject root = QJsonDocument::fromJson(json).object();
            const QString producer = root.value(QStringLiteral("producerVersion")).toString();
            *error =
                CheckpointReaderText::tr(
                    "a TorchScript archive in the model.json format of PyTorch 1.0 and 1.1 (proto version "
                    "%1, written by %2 %3), which PyTorch 1.2 replaced; re-export it with PyTorch 1.2 or "
                    "later")
                    .arg(root.value(QStringLiteral("protoVersion")).toVariant().toString(),
                         root.value(QStringLiteral("producerName")).toString(QStringLiteral("pytorch")),
                         producer.isEmpty() ? CheckpointReaderText::tr("an unknown version") : producer);
            return false;
        }
        *error = CheckpointReaderText::tr("a zip archive, but not a PyTorch checkpoint (no data.pkl)");
        return false;
    }
    // PyTorch writes its host's byte order (absent: little) and swaps on load where it differs.
    bool bigEndian = false;
    if (const ZipArchiveReader::Entry *order = zip.findRecord(QStringLiteral("byteorder"))) {
        QByteArray byteOrder;
        if (!zip.read(*order, &byteOrder, error, 64))
            return false;
        bigEndian = byteOrder.trimmed() == "big";
        if (!bigEndian && byteOrder.trimmed() != "little") {
            *error = CheckpointReaderText::tr("unknown byte order '%1'")
                         .arg(QString::fromLatin1(byteOrder.trimmed()));
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
    // The pickle is read where it lies in the mapped file (a module-heavy model's is tens of MB).
    const char *pickle = nullptr;
    QByteArray inflatedPickle;
    if (!zip.view(*pickleEntry, &pickle, &inflatedPickle, error, kMaxPickle))
        return false;
    // A module-heavy pickle makes about twenty times its size in values and names: have the heap
    // ready for them.
    hintAllocations(size_t(pickleEntry->uncompressedSize) * 20);
    SafeUnpickler unpickler(pickle, pickleEntry->uncompressedSize);
    if (!unpickler.run(0, error))
        return false;

    const std::vector<StorageRef> &storages = unpickler.storages();
    auto resolver = [&](int index, QString *reason) -> std::shared_ptr<const TensorStorage> {
        const StorageRef &ref = storages[size_t(index)];
        const ZipArchiveReader::Entry *entry = zip.findRecord(QStringLiteral("data/") + ref.key);
        if (!entry) {
            *reason = CheckpointReaderText::tr("storage %1 is missing from the archive").arg(ref.key);
            return nullptr;
        }
        // The unpickler bounds numel by kMaxTensorElements, so the product cannot wrap.
        const qint64 expected = ref.numel * dtypeElementSize(ref.dtype);
        if (entry->uncompressedSize != expected) {
            *reason = CheckpointReaderText::tr("storage %1 holds %2 bytes, the pickle says %3 elements of %4")
                          .arg(ref.key)
                          .arg(entry->uncompressedSize)
                          .arg(ref.numel)
                          .arg(dtypeName(ref.dtype));
            return nullptr;
        }
        if (bigEndian) {
            // Swapped as torch.load swaps: by the storage's element size, complex numbers by their halves,
            // an untyped storage (bytes) not at all.
            auto bytes = std::make_shared<QByteArray>();
            if (!zip.read(*entry, bytes.get(), reason))
                return nullptr;
            const int unit =
                dtypeIsComplex(ref.dtype) ? dtypeElementSize(ref.dtype) / 2 : dtypeElementSize(ref.dtype);
            swapEachElement(bytes->data(), bytes->size(), unit);
            return std::make_shared<OwnedTensorStorage>(bytes, bytes->constData(), bytes->size());
        }
        if (entry->method == 0 && !zip.crcsRecorded())
            return std::make_shared<MappedFileRange>(zip.file(), entry->dataOffset, entry->uncompressedSize);
        if (entry->method == 0)
            return std::make_shared<MappedFileRange>(zip.file(), entry->dataOffset, entry->uncompressedSize,
                                                     entry->crc32);
        auto bytes = std::make_shared<QByteArray>();
        if (!zip.read(*entry, bytes.get(), reason))
            return nullptr;
        return std::make_shared<OwnedTensorStorage>(bytes, bytes->constData(), bytes->size());
    };
    PickleCheckpoint checkpoint(storages, resolver);
    if (!checkpoint.interpret(unpickler.result(), torchScript ? &classes : nullptr, out, error,
                              unpickler.arena()))
        return false;
    if (!torchScript) // torch.jit.load reads TorchScript; torch.load the rest
        out->weightsOnlyBlockers =
            weightsOnlyBlockers(unpickler.globalsRead(),
                                out->format == CheckpointFormat::PickleModule ? nullptr : unpickler.result());
    return applyRefusals(unpickler, pickleEntry->name, out, error);
}

} // namespace torchscope
