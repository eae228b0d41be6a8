#include "tensor/dtype.h"

#include <cmath>
#include <cstring>
#include <limits>

namespace torchscope {

namespace {
struct DTypeRow
{
    DType type;
    const char *name;
    int size;
};

constexpr DTypeRow kRows[] = {
    {DType::Float32, "float32", 4},
    {DType::Float64, "float64", 8},
    {DType::Float16, "float16", 2},
    {DType::BFloat16, "bfloat16", 2},
    {DType::Int8, "int8", 1},
    {DType::Int16, "int16", 2},
    {DType::Int32, "int32", 4},
    {DType::Int64, "int64", 8},
    {DType::UInt8, "uint8", 1},
    {DType::Bool, "bool", 1},
    {DType::Complex64, "complex64", 8},
    {DType::Complex128, "complex128", 16},
    {DType::UInt16, "uint16", 2},
    {DType::UInt32, "uint32", 4},
    {DType::UInt64, "uint64", 8},
    {DType::Float8E4M3, "float8_e4m3fn", 1},
    {DType::Float8E5M2, "float8_e5m2", 1},
    {DType::QInt8, "qint8", 1},
    {DType::QUInt8, "quint8", 1},
    {DType::QInt32, "qint32", 4},
    {DType::QUInt4x2, "quint4x2", 1},
    {DType::Float8E4M3FNUZ, "float8_e4m3fnuz", 1},
    {DType::Float8E5M2FNUZ, "float8_e5m2fnuz", 1},
    {DType::Float8E8M0FNU, "float8_e8m0fnu", 1},
    {DType::Complex32, "complex32", 4},
    {DType::Float4E2M1FNx2, "float4_e2m1fn_x2", 1},
    {DType::Bits8, "bits8", 1},
    {DType::Bits16, "bits16", 2},
    {DType::Bits1x8, "bits1x8", 1},
    {DType::Bits2x4, "bits2x4", 1},
    {DType::Bits4x2, "bits4x2", 1},
};

const DTypeRow *rowFor(DType type)
{
    for (const DTypeRow &row : kRows) {
        if (row.type == type)
            return &row;
    }
    return nullptr;
}

template <typename T> T load(const char *p)
{
    T value;
    std::memcpy(&value, p, sizeof(T));
    return value;
}
} // namespace

QString dtypeName(DType type)
{
    const DTypeRow *row = rowFor(type);
    return row ? QString::fromLatin1(row->name) : QStringLiteral("invalid");
}

int dtypeElementSize(DType type)
{
    const DTypeRow *row = rowFor(type);
    return row ? row->size : 0;
}

qint64 dtypeStorageBytes(DType type, qint64 elements)
{
    return type == DType::QUInt4x2 ? (elements + 1) / 2 : elements * dtypeElementSize(type);
}

bool dtypeIsQuantized(DType type)
{
    return type == DType::QInt8 || type == DType::QUInt8 || type == DType::QInt32 || type == DType::QUInt4x2;
}

bool dtypeIsFloatingPoint(DType type)
{
    return type == DType::Float32 || type == DType::Float64 || type == DType::Float16 ||
           type == DType::BFloat16 || type == DType::Float8E4M3 || type == DType::Float8E5M2 ||
           type == DType::Float8E4M3FNUZ || type == DType::Float8E5M2FNUZ || type == DType::Float8E8M0FNU;
}

bool dtypeIsComplex(DType type)
{
    return type == DType::Complex64 || type == DType::Complex128 || type == DType::Complex32;
}

bool dtypeIsRawBits(DType type)
{
    return type == DType::Float4E2M1FNx2 || type == DType::Bits8 || type == DType::Bits16 ||
           type == DType::Bits1x8 || type == DType::Bits2x4 || type == DType::Bits4x2;
}

bool dtypeNeedsUntypedStorage(DType type)
{
    return type != DType::Invalid && !dtypeStorageClass(type);
}

DType dtypeFromName(QStringView name)
{
    for (const DTypeRow &row : kRows) {
        if (name == QLatin1String(row.name))
            return row.type;
    }
    return DType::Invalid;
}

float halfToFloat(quint16 bits)
{
    const quint32 sign = quint32(bits & 0x8000u) << 16;
    quint32 exponent = (bits >> 10) & 0x1fu;
    quint32 mantissa = bits & 0x3ffu;
    quint32 out;
    if (exponent == 0x1f) {
        out = sign | 0x7f800000u | (mantissa << 13);
    } else if (exponent == 0) {
        if (mantissa == 0) {
            out = sign;
        } else {
            // Subnormal half: renormalise into a normal float.
            exponent = 127 - 15 + 1;
            while ((mantissa & 0x400u) == 0) {
                mantissa <<= 1;
                --exponent;
            }
            mantissa &= 0x3ffu;
            out = sign | (exponent << 23) | (mantissa << 13);
        }
    } else {
        out = sign | ((exponent + 127 - 15) << 23) | (mantissa << 13);
    }
    float value;
    std::memcpy(&value, &out, sizeof value);
    return value;
}

float bfloat16ToFloat(quint16 bits)
{
    const quint32 out = quint32(bits) << 16;
    float value;
    std::memcpy(&value, &out, sizeof value);
    return value;
}

float float8E5M2ToFloat(quint8 bits)
{
    // e5m2 is the upper byte of an IEEE half.
    return halfToFloat(quint16(bits) << 8);
}

float float8E4M3ToFloat(quint8 bits)
{
    // e4m3fn: bias 7, no infinities, S.1111.111 is NaN.
    const bool negative = bits & 0x80;
    const int exponent = (bits >> 3) & 0xf;
    const int mantissa = bits & 0x7;
    float value;
    if (exponent == 0xf && mantissa == 0x7)
        value = std::numeric_limits<float>::quiet_NaN();
    else if (exponent == 0)
        value = std::ldexp(float(mantissa) / 8.0f, -6);
    else
        value = std::ldexp(1.0f + float(mantissa) / 8.0f, exponent - 7);
    return negative ? -value : value;
}

float float8E4M3FNUZToFloat(quint8 bits)
{
    // e4m3fnuz: bias 8, no infinities, no negative zero: 0x80 alone is NaN.
    if (bits == 0x80)
        return std::numeric_limits<float>::quiet_NaN();
    const int exponent = (bits >> 3) & 0xf;
    const int mantissa = bits & 0x7;
    const float value = exponent == 0 ? std::ldexp(float(mantissa) / 8.0f, -7)
                                      : std::ldexp(1.0f + float(mantissa) / 8.0f, exponent - 8);
    return (bits & 0x80) ? -value : value;
}

float float8E5M2FNUZToFloat(quint8 bits)
{
    // e5m2fnuz: bias 16, no infinities, no negative zero: 0x80 alone is NaN.
    if (bits == 0x80)
        return std::numeric_limits<float>::quiet_NaN();
    const int exponent = (bits >> 2) & 0x1f;
    const int mantissa = bits & 0x3;
    const float value = exponent == 0 ? std::ldexp(float(mantissa) / 4.0f, -15)
                                      : std::ldexp(1.0f + float(mantissa) / 4.0f, exponent - 16);
    return (bits & 0x80) ? -value : value;
}

float float8E8M0ToFloat(quint8 bits)
{
    // e8m0fnu: an exponent alone, 2^(bits - 127); no sign, no zero, 0xff is NaN.
    return bits == 0xff ? std::numeric_limits<float>::quiet_NaN() : std::ldexp(1.0f, int(bits) - 127);
}

double dtypeElementToDouble(DType type, const char *p)
{
    switch (type) {
    case DType::Float32:
    case DType::Complex64:
        return load<float>(p);
    case DType::Float64:
    case DType::Complex128:
        return load<double>(p);
    case DType::Float16:
        return halfToFloat(load<quint16>(p));
    case DType::BFloat16:
        return bfloat16ToFloat(load<quint16>(p));
    case DType::Int8:
    case DType::QInt8:
        return load<qint8>(p);
    case DType::Int16:
        return load<qint16>(p);
    case DType::Int32:
    case DType::QInt32:
        return load<qint32>(p);
    case DType::Int64:
        return double(load<qint64>(p));
    case DType::UInt8:
    case DType::QUInt8:
        return load<quint8>(p);
    case DType::QUInt4x2: // the low nibble: the element at an even index
        return load<quint8>(p) & 0xf;
    case DType::Bool:
        return load<quint8>(p) != 0 ? 1.0 : 0.0;
    case DType::UInt16:
        return load<quint16>(p);
    case DType::UInt32:
        return load<quint32>(p);
    case DType::UInt64:
        return double(load<quint64>(p));
    case DType::Float8E4M3:
        return float8E4M3ToFloat(load<quint8>(p));
    case DType::Float8E5M2:
        return float8E5M2ToFloat(load<quint8>(p));
    case DType::Float8E4M3FNUZ:
        return float8E4M3FNUZToFloat(load<quint8>(p));
    case DType::Float8E5M2FNUZ:
        return float8E5M2FNUZToFloat(load<quint8>(p));
    case DType::Float8E8M0FNU:
        return float8E8M0ToFloat(load<quint8>(p));
    case DType::Complex32:
        return halfToFloat(load<quint16>(p));
    case DType::Float4E2M1FNx2:
    case DType::Bits8:
    case DType::Bits1x8:
    case DType::Bits2x4:
    case DType::Bits4x2:
        return load<quint8>(p);
    case DType::Bits16:
        return load<quint16>(p);
    case DType::Invalid:
        break;
    }
    return 0.0;
}

namespace {
// PyTorch's typed storage classes: the one table both the unpickler and the writer use.
struct StorageClass
{
    DType dtype;
    const char *name;
};
constexpr StorageClass kStorageClasses[] = {
    {DType::Float32, "FloatStorage"},
    {DType::Float64, "DoubleStorage"},
    {DType::Float16, "HalfStorage"},
    {DType::BFloat16, "BFloat16Storage"},
    {DType::Int8, "CharStorage"},
    {DType::Int16, "ShortStorage"},
    {DType::Int32, "IntStorage"},
    {DType::Int64, "LongStorage"},
    {DType::UInt8, "ByteStorage"},
    {DType::Bool, "BoolStorage"},
    {DType::Complex64, "ComplexFloatStorage"},
    {DType::Complex128, "ComplexDoubleStorage"},
    {DType::QInt8, "QInt8Storage"},
    {DType::QUInt8, "QUInt8Storage"},
    {DType::QInt32, "QInt32Storage"},
    {DType::QUInt4x2, "QUInt4x2Storage"},
};
} // namespace

const char *dtypeStorageClass(DType type)
{
    for (const StorageClass &storage : kStorageClasses) {
        if (storage.dtype == type)
            return storage.name;
    }
    return nullptr;
}

DType dtypeFromStorageClass(QStringView className)
{
    for (const StorageClass &storage : kStorageClasses) {
        if (className == QLatin1String(storage.name))
            return storage.dtype;
    }
    return DType::Invalid;
}

} // namespace torchscope
