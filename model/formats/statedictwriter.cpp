#include "formats/statedictwriter.h"

#include "formats/dtypeconversion.h"
#include "formats/pickle/picklewriter.h"
#include "formats/zip/zipwriter.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <functional>
#include <memory>

namespace torchscope {

bool StateDictWriter::Entry::forEachChunk(const std::function<bool(const char *, qint64)> &sink) const
{
    const qint64 total = byteSize();
    if (total == 0)
        return true;
    if (dtype() == tensor.dtype && tensor.isContiguous()) {
        // Long runs from a file pass through a small buffer read with pread (TensorStorage::read), which
        // stays in the cache while it is written out; bytes in memory go as they are.
        constexpr qint64 kCopyBytes = qint64(256) << 10;
        if (total <= kCopyBytes || !tensor.storage || !tensor.storage->prefersRead())
            return sink(tensor.firstElement(), total);
        // From the view, not from data(): a storage assembled from pieces (DCP) is read, never assembled.
        const qint64 begin = dtypeStorageBytes(tensor.dtype, tensor.storageOffset);
        QByteArray buffer(kCopyBytes, Qt::Uninitialized);
        for (qint64 done = 0; done < total;) {
            const qint64 n = std::min(kCopyBytes, total - done);
            if (!tensor.storage->read(begin + done, buffer.data(), n) || !sink(buffer.constData(), n))
                return false;
            done += n;
        }
        return true;
    }
    if (dtypeElementSize(dtype()) * tensor.numel() != total) { // sub-byte quantized types (never converted)
        const QByteArray whole = tensor.contiguousBytes();
        return sink(whole.constData(), total);
    }
    constexpr qint64 kChunkBytes = qint64(4) << 20;
    const int size = dtypeElementSize(dtype());
    const qint64 perChunk = std::max<qint64>(1, kChunkBytes / size);
    QByteArray buffer(qsizetype(perChunk * size), Qt::Uninitialized);
    const qint64 n = tensor.numel();
    for (qint64 begin = 0; begin < n; begin += perChunk) {
        const qint64 end = std::min(n, begin + perChunk);
        DTypeConversion::convertRange(tensor, dtype(), begin, end, buffer.data());
        if (!sink(buffer.constData(), (end - begin) * size))
            return false;
    }
    return true;
}

std::optional<quint32> StateDictWriter::Entry::recordedCrc32() const
{
    quint32 crc = 0;
    if (dtype() == tensor.dtype && tensor.storage && tensor.storageOffset == 0 && tensor.isContiguous() &&
        byteSize() == tensor.storage->size() && tensor.storage->recordedCrc32(&crc))
        return crc;
    return std::nullopt;
}

bool StateDictWriter::write(const std::vector<Entry> &entries, QIODevice *device, const Progress &progress,
                            QString *error)
{
    return writePickled(entries, false, device, progress, error);
}

bool StateDictWriter::writeTensor(const Entry &entry, QIODevice *device, const Progress &progress,
                                  QString *error)
{
    return writePickled({entry}, true, device, progress, error);
}

bool StateDictWriter::writePickled(const std::vector<Entry> &entries, bool singleTensor, QIODevice *device,
                                   const Progress &progress, QString *error)
{
    PickleWriter pickle;
    if (!singleTensor) {
        pickle.global("collections", "OrderedDict");
        pickle.emptyTuple();
        pickle.reduce();
        pickle.memoize();
    }

    // Storage key of each entry; tied entries reuse the key of the first in their group.
    std::vector<int> storageKey(entries.size());
    std::vector<size_t> storageOwner;
    QHash<int, int> keyOfGroup;
    for (size_t i = 0; i < entries.size(); ++i) {
        const Entry &entry = entries[i];
        if (entry.dtype() == DType::Invalid) {
            *error = QCoreApplication::translate("StateDictWriter", "%1: cannot save this element type")
                         .arg(entry.key);
            return false;
        }
        if (entry.storageGroup >= 0 && keyOfGroup.contains(entry.storageGroup)) {
            storageKey[i] = keyOfGroup.value(entry.storageGroup);
            continue;
        }
        storageKey[i] = int(storageOwner.size());
        if (entry.storageGroup >= 0)
            keyOfGroup.insert(entry.storageGroup, storageKey[i]);
        storageOwner.push_back(i);
    }

    // rebuild((storage, torch.<Storage>, key, 'cpu', numel), 0, shape, strides[, quantizer], False,
    // OrderedDict()), the call torch.save writes for a contiguous tensor.
    // PyTorch 2.x's types: _rebuild_tensor_v3(untyped storage counted in bytes, 0, shape, strides, False,
    // OrderedDict(), torch.<dtype>), as torch.save writes them.
    auto tensorCall = [&](const char *rebuild, DType dtype, int key, qint64 storageNumel,
                          const QVector<qint64> &shape, const std::function<void()> &quantizer) {
        const bool untyped = dtypeNeedsUntypedStorage(dtype);
        pickle.global("torch._utils", untyped ? "_rebuild_tensor_v3" : rebuild);
        pickle.mark();
        pickle.storage(dtype, QString::number(key), QStringLiteral("cpu"),
                       untyped ? storageNumel * dtypeElementSize(dtype) : storageNumel);
        pickle.integer(0);
        pickle.intTuple(shape);
        pickle.intTuple(TensorInfo::contiguousStrides(shape));
        if (quantizer)
            quantizer();
        pickle.boolean(false);
        pickle.emptyOrderedDict();
        if (untyped)
            pickle.global("torch", dtypeName(dtype).toLatin1().constData());
        pickle.tuple();
        pickle.memoize();
        pickle.reduce();
        pickle.memoize();
    };

    // Per-channel quantization parameters are small tensors of their own, stored after the entries'.
    std::vector<QByteArray> parameterRecords;
    auto parameterTensor = [&](DType dtype, const QVector<double> &values) {
        QByteArray bytes;
        for (const double v : values) {
            if (dtype == DType::Float64) {
                bytes.append(reinterpret_cast<const char *>(&v), sizeof v);
            } else if (dtype == DType::Float32) {
                const float f = float(v);
                bytes.append(reinterpret_cast<const char *>(&f), sizeof f);
            } else {
                const qint64 i = qint64(v);
                bytes.append(reinterpret_cast<const char *>(&i), sizeof i);
            }
        }
        const int key = int(storageOwner.size() + parameterRecords.size());
        parameterRecords.push_back(bytes);
        tensorCall("_rebuild_tensor_v2", dtype, key, values.size(), {values.size()}, {});
    };
    // The quantizer as _rebuild_qtensor takes it: (scheme, scale, zero_point) or (scheme, scales,
    // zero_points, axis), scales float64 and zero points int64 (both float32 for the float-qparams
    // scheme). PyTorch names both per-channel schemes per_channel_affine; the zero points' dtype tells.
    auto writeQuantizer = [&](const Quantization &quantization) {
        pickle.mark();
        if (quantization.scheme == Quantization::Scheme::PerTensorAffine) {
            pickle.global("torch", "per_tensor_affine");
            pickle.real(quantization.scales.value(0));
            pickle.integer(qint64(quantization.zeroPoints.value(0)));
        } else {
            pickle.global("torch", "per_channel_affine");
            const bool floatParams =
                quantization.scheme == Quantization::Scheme::PerChannelAffineFloatQParams;
            parameterTensor(floatParams ? DType::Float32 : DType::Float64, quantization.scales);
            parameterTensor(floatParams ? DType::Float32 : DType::Int64, quantization.zeroPoints);
            pickle.integer(quantization.axis);
        }
        pickle.tuple();
    };

    constexpr size_t kBatch = 1000; // as CPython batches SETITEMS
    for (size_t start = 0; start < entries.size(); start += kBatch) {
        if (!singleTensor)
            pickle.mark();
        for (size_t i = start; i < std::min(entries.size(), start + kBatch); ++i) {
            const Entry &entry = entries[i];
            const TensorInfo &tensor = entry.tensor;
            if (!singleTensor)
                pickle.string(entry.key);
            const Quantization *quantization = tensor.quantization.get();
            tensorCall(quantization ? "_rebuild_qtensor" : "_rebuild_tensor_v2", entry.dtype(), storageKey[i],
                       entry.byteSize() / dtypeElementSize(entry.dtype()), // quint4x2 storages count bytes
                       tensor.shape,
                       quantization ? std::function<void()>([&] { writeQuantizer(*quantization); })
                                    : std::function<void()>());
        }
        if (!singleTensor)
            pickle.setItems();
    }
    std::vector<Entry> storages;
    storages.reserve(storageOwner.size() + parameterRecords.size());
    for (size_t key = 0; key < storageOwner.size(); ++key) {
        storages.push_back(entries[storageOwner[key]]);
        storages.back().key = QString::number(key);
    }
    for (size_t i = 0; i < parameterRecords.size(); ++i) {
        auto bytes = std::make_shared<QByteArray>(parameterRecords[i]);
        TensorInfo record;
        record.dtype = DType::UInt8;
        record.shape = {bytes->size()};
        record.strides = {1};
        record.storage = std::make_shared<OwnedTensorStorage>(bytes, bytes->constData(), bytes->size());
        storages.push_back({QString::number(storageOwner.size() + i), record});
    }
    return writeArchive(pickle.finish(), storages, device, progress, error);
}

bool StateDictWriter::writeArchive(const QByteArray &pickle, const std::vector<Entry> &storages,
                                   QIODevice *device, const Progress &progress, QString *error)
{
    ZipWriter zip(device, QStringLiteral("archive"));
    auto zipFailed = [&] {
        // A sink that did not fail means the source's bytes could not be read.
        *error = zip.errorString().isEmpty()
                     ? QCoreApplication::translate("StateDictWriter", "cannot read the tensors' bytes")
                     : zip.errorString();
        return false;
    };
    if (!zip.addRecord(QStringLiteral("data.pkl"), pickle.constData(), pickle.size()))
        return zipFailed();
    static const QByteArray kByteOrder("little");
    if (!zip.addRecord(QStringLiteral("byteorder"), kByteOrder.constData(), kByteOrder.size()))
        return zipFailed();
    qint64 totalBytes = 0, written = 0;
    for (const Entry &storage : storages)
        totalBytes += storage.byteSize();
    for (const Entry &storage : storages) {
        if (progress.isCanceled()) {
            *error = QCoreApplication::translate("StateDictWriter", "canceled");
            return false;
        }
        // Bytes stream through small buffers (Entry::forEachChunk); a record copied unchanged from a
        // source zip takes the CRC the source recorded.
        if (!zip.beginRecord(QStringLiteral("data/") + storage.key, storage.byteSize(),
                             storage.recordedCrc32()) ||
            !storage.forEachChunk(
                [&zip](const char *data, qint64 size) { return zip.writeRecordData(data, size); }) ||
            !zip.endRecord())
            return zipFailed();
        written += storage.byteSize();
        progress.set(written, totalBytes);
    }
    static const QByteArray kVersion("3\n");
    if (!zip.addRecord(QStringLiteral("version"), kVersion.constData(), kVersion.size()) || !zip.finish())
        return zipFailed();
    return true;
}

} // namespace torchscope
