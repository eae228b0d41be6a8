#pragma once

#include <QString>

namespace torchscope {

// Element types as PyTorch names them.
enum class DType : int {
    Invalid = 0,
    Float32,
    Float64,
    Float16,
    BFloat16,
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    Bool,
    Complex64,
    Complex128,
    UInt16,
    UInt32,
    UInt64,
    Float8E4M3,
    Float8E5M2,
    // Quantized integers (PyTorch's qint8, quint8, qint32, quint4x2): the stored values are integers,
    // the real values (q - zero_point) * scale with a TensorInfo's Quantization.
    QInt8,
    QUInt8,
    QInt32,
    QUInt4x2, // two 4-bit values a byte, the first in the low nibble
    // Types of PyTorch 2.x, saved through _rebuild_tensor_v3 and an untyped storage.
    Float8E4M3FNUZ,
    Float8E5M2FNUZ,
    Float8E8M0FNU,
    Complex32, // two float16: real, imaginary
    // Types whose elements PyTorch cannot convert to numbers: shown as their raw bytes (unsigned integers
    // of the element's width), and said to be so.
    Float4E2M1FNx2, // two float4 e2m1 a byte
    Bits8,
    Bits16,
    Bits1x8,
    Bits2x4,
    Bits4x2,
};

// PyTorch's spelling without "torch.", e.g. "float32", "bfloat16".
QString dtypeName(DType type);
// Bytes of one element as PyTorch's element_size() gives them (1 for quint4x2, which packs two).
int dtypeElementSize(DType type);
// Bytes that `elements` consecutive elements take in a storage (half a byte each for quint4x2).
qint64 dtypeStorageBytes(DType type, qint64 elements);
bool dtypeIsQuantized(DType type);
// The typed storage class PyTorch pickles for this element type ("FloatStorage"), or nullptr where
// PyTorch 1.13 has none; and back, from the class name without "torch." (Invalid if unknown).
const char *dtypeStorageClass(DType type);
DType dtypeFromStorageClass(QStringView className);
bool dtypeIsFloatingPoint(DType type);
bool dtypeIsComplex(DType type);
// Types shown as raw bytes (bits types, packed float4): no value PyTorch could compute from them.
bool dtypeIsRawBits(DType type);
// Types only PyTorch 2.x has: written with _rebuild_tensor_v3 on an untyped storage, which 1.13 cannot load.
bool dtypeNeedsUntypedStorage(DType type);
// From PyTorch's name without "torch." ("float8_e4m3fn"); Invalid if unknown.
DType dtypeFromName(QStringView name);

// Reads one element as double; complex types give their real part.
double dtypeElementToDouble(DType type, const char *element);

// IEEE half and bfloat16 decoding shared by statistics and histograms.
float halfToFloat(quint16 bits);
float bfloat16ToFloat(quint16 bits);
float float8E4M3ToFloat(quint8 bits);
float float8E5M2ToFloat(quint8 bits);
float float8E4M3FNUZToFloat(quint8 bits);
float float8E5M2FNUZToFloat(quint8 bits);
float float8E8M0ToFloat(quint8 bits);

} // namespace torchscope
