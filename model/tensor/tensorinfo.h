#pragma once

#include "tensor/dtype.h"

#include <QString>
#include <QVector>

#include <cstring>
#include <memory>

namespace torchscope {

// Bytes of one storage, however they are held (a LibTorch tensor, a mapped file, a buffer).
// Storages are immutable once built, so any thread may read them.
class TensorStorage
{
public:
    virtual ~TensorStorage() = default;
    virtual const char *data() const = 0;
    virtual qint64 size() const = 0;
    // For long reads of mapped files: read ahead (the bytes will be read in order), and give back
    // pages once read so a pass over a whole model does not evict the rest of the page cache.
    // Ranges are in bytes from data(). Nothing to do for bytes held in memory.
    virtual void adviseSequential(qint64 /*offset*/, qint64 /*length*/) const {}
    virtual void releasePages(qint64 /*offset*/, qint64 /*length*/) const {}
    // For browsing: a few scattered elements at a time, so reading ahead would only waste memory.
    virtual void adviseRandom(qint64 /*offset*/, qint64 /*length*/) const {}
    // Back to the kernel's default read-ahead.
    virtual void adviseNormal(qint64 /*offset*/, qint64 /*length*/) const {}
    // Whether a long copy should go through read() rather than data(): true for a file, whose pread
    // copies out of the page cache through the kernel's large-page map, several times faster than
    // touching the mapping a 4 KB page at a time (a fault and TLB misses per page). Bytes already in
    // memory are used in place.
    virtual bool prefersRead() const { return false; }
    // Copies bytes [offset, offset + length) into `buffer`.
    virtual bool read(qint64 offset, char *buffer, qint64 length) const
    {
        std::memcpy(buffer, data() + offset, size_t(length));
        return true;
    }
    // The CRC-32 of all the storage's bytes where its container recorded one (a zip record), so a
    // writer copying them unchanged need not read them to compute it again.
    virtual bool recordedCrc32(quint32 * /*crc*/) const { return false; }
};

// A storage that keeps its bytes alive through an owner of any type.
class OwnedTensorStorage final : public TensorStorage
{
public:
    OwnedTensorStorage(std::shared_ptr<const void> owner, const char *data, qint64 size)
        : m_owner(std::move(owner)), m_data(data), m_size(size)
    {
    }
    const char *data() const override { return m_data; }
    qint64 size() const override { return m_size; }

private:
    std::shared_ptr<const void> m_owner;
    const char *m_data;
    qint64 m_size;
};

enum class TensorKind { Parameter, Buffer, Tensor };

// How a quantized tensor's stored integers q map to real values, as PyTorch's quantizers do:
// affine schemes give (q - zero_point) * scale, per tensor or per channel along `axis`; the
// float-qparams scheme (quantized embeddings) has floating-point zero points.
struct Quantization
{
    enum class Scheme { PerTensorAffine, PerChannelAffine, PerChannelAffineFloatQParams };
    Scheme scheme = Scheme::PerTensorAffine;
    QVector<double> scales;     // one, or one per index along `axis`
    QVector<double> zeroPoints; // integers except for the float-qparams scheme
    int axis = -1;              // per-channel schemes only

    // PyTorch's name of the scheme: "per_tensor_affine", "per_channel_affine"...
    QString schemeName() const;
    // The real value of stored integer q in channel c (c is ignored per tensor), as
    // torch.dequantize computes it in float32.
    float dequantize(qint64 q, qint64 channel) const;
    // One line for people: "scale 0.05, zero point 3", or "per channel, axis 0, 64 scales".
    QString describe() const;
};

QString tensorKindName(TensorKind kind);

// The most elements a tensor or storage may have (8 TiB of bytes, more than any model has): a bound
// that keeps every element count times element size (at most 16 bytes) far from overflow.
constexpr qint64 kMaxTensorElements = qint64(1) << 40;

// A piece of a tensor split over files (a DCP checkpoint's box): where it sits in the whole tensor
// (offsets and sizes per dimension) and where its bytes are (the file, relative to the checkpoint's
// folder, and the byte range of the item holding them).
struct TensorChunk
{
    QVector<qint64> offsets;
    QVector<qint64> sizes;
    QString file;
    qint64 byteOffset = 0;
    qint64 byteLength = 0;
    bool zstd = false; // the item's bytes are a zstd stream of the archive (DCP's stream.zstd transform)
};

// One named tensor of a checkpoint: metadata plus a view (offset, strides in elements) on a storage.
struct TensorInfo
{
    QString name;
    TensorKind kind = TensorKind::Tensor;
    DType dtype = DType::Invalid;
    QVector<qint64> shape;
    QVector<qint64> strides;
    qint64 storageOffset = 0;
    std::shared_ptr<const TensorStorage> storage;
    // Whether the file stores a requires_grad flag for this tensor (parameters of entire-model files).
    bool hasRequiresGrad = false;
    bool requiresGrad = false;
    // Index of the first tensor this one is tied to (same storage and view), or -1.
    int tiedTo = -1;
    // Set for quantized dtypes only.
    std::shared_ptr<const Quantization> quantization;
    // A meta tensor (torch.device('meta')): shape, strides and dtype, no storage and no values.
    bool meta = false;
    // Where the file stores the tensor in an encoding of its own that reading decodes to dtype (a GGUF
    // ggml type: "Q8_0", or "F16" for one read in place): its name, its bytes in the file and where they
    // start (GGUF: from the data section). Empty for other formats.
    QString storedEncoding;
    qint64 storedBytes = 0;
    qint64 storedOffset = 0;
    // Set where the file keeps the tensor in pieces (DCP): each piece's place, in the file's order.
    std::shared_ptr<const QVector<TensorChunk>> chunks;

    qint64 numel() const;
    qint64 byteSize() const { return dtypeStorageBytes(dtype, numel()); }
    bool isContiguous() const;
    // Pointer to element (0,...,0); only valid when the view was checked against the storage.
    const char *firstElement() const;
    // The tensor's elements in row-major order, as torch.Tensor.contiguous() lays them out (for a
    // quantized tensor, its int_repr()).
    QByteArray contiguousBytes() const;
    // Checks the view lies inside the storage; gives a one-line reason otherwise.
    bool validateView(QString *error) const;

    static QVector<qint64> contiguousStrides(const QVector<qint64> &shape);
};

QString shapeToString(const QVector<qint64> &shape);

} // namespace torchscope
