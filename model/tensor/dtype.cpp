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
           type == DType::BFloat16 || type == DType::Float8E4M3 || type == DType::Float8E5M2;
}

bool dtypeIsComplex(DType type)
{
    return type == DType::Complex64 || type == DType::Complex128;
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
