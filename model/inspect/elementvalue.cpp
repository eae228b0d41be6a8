#include "inspect/elementvalue.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <complex>
#include <cstdio>
#include <cstring>

namespace torchscope {

namespace {

template <typename T> T load(const char *p)
{
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

QString specialText(double v)
{
    if (std::isnan(v))
        return QStringLiteral("nan");
    return v < 0 ? QStringLiteral("-inf") : QStringLiteral("inf");
}

// Shortest decimal that reads back as the same value in the element's own precision.
QString shortest(double v, DType dtype)
{
    if (!std::isfinite(v))
        return specialText(v);
    char buffer[64];
    std::to_chars_result r;
    if (dtype == DType::Float64 || dtype == DType::Complex128)
        r = std::to_chars(buffer, buffer + sizeof buffer, v);
    else
        r = std::to_chars(buffer, buffer + sizeof buffer, float(v));
    return QString::fromLatin1(buffer, int(r.ptr - buffer));
}

// Exponent and fraction widths of the floating-point types.
bool floatLayout(DType dtype, int *exponentBits, int *fractionBits)
{
    switch (dtype) {
    case DType::Float32:
    case DType::Complex64:
        *exponentBits = 8, *fractionBits = 23;
        return true;
    case DType::Float64:
    case DType::Complex128:
        *exponentBits = 11, *fractionBits = 52;
        return true;
    case DType::Float16:
        *exponentBits = 5, *fractionBits = 10;
        return true;
    case DType::BFloat16:
        *exponentBits = 8, *fractionBits = 7;
        return true;
    case DType::Float8E4M3:
        *exponentBits = 4, *fractionBits = 3;
        return true;
    case DType::Float8E5M2:
    case DType::Float8E5M2FNUZ:
        *exponentBits = 5, *fractionBits = 2;
        return true;
    case DType::Float8E4M3FNUZ:
        *exponentBits = 4, *fractionBits = 3;
        return true;
    case DType::Float8E8M0FNU:
        *exponentBits = 8, *fractionBits = 0;
        return true;
    case DType::Complex32:
        *exponentBits = 5, *fractionBits = 10;
        return true;
    default:
        return false;
    }
}

} // namespace

bool ElementValue::isNaN() const
{
    return std::isnan(value) || std::isnan(imag);
}

bool ElementValue::isInf() const
{
    return std::isinf(value) || std::isinf(imag);
}

QString ElementValue::text() const
{
    if (dtype == DType::Bool)
        return integer ? QStringLiteral("True") : QStringLiteral("False");
    if (dtypeIsComplex(dtype)) {
        const QString re = std::isfinite(value) ? QString::number(value, 'g', 6) : specialText(value);
        const QString im =
            std::isfinite(imag) ? QString::number(std::abs(imag), 'g', 6) : specialText(std::abs(imag));
        return re + (std::signbit(imag) ? u'-' : u'+') + im + u'j';
    }
    if (!dtypeIsFloatingPoint(dtype) && !dtypeIsQuantized(dtype)) {
        if (dtype == DType::UInt64)
            return QString::number(bits);
        return QString::number(integer);
    }
    return std::isfinite(value) ? QString::number(value, 'g', 6) : specialText(value);
}

QString ElementValue::roundTrip() const
{
    if (dtype == DType::Bool ||
        (!dtypeIsFloatingPoint(dtype) && !dtypeIsQuantized(dtype) && !dtypeIsComplex(dtype)))
        return text();
    if (dtypeIsComplex(dtype)) {
        const QString im = shortest(std::abs(imag), dtype);
        return shortest(value, dtype) + (std::signbit(imag) ? u'-' : u'+') + im + u'j';
    }
    return shortest(value, dtypeIsQuantized(dtype) ? DType::Float32 : dtype);
}

QString ElementValue::exactDecimal() const
{
    if (!std::isfinite(value) ||
        (!dtypeIsFloatingPoint(dtype) && !dtypeIsQuantized(dtype) && !dtypeIsComplex(dtype)))
        return roundTrip();
    // glibc prints the exact expansion of a binary value given enough digits (at most 767 for a
    // double); trailing zeros are trimmed.
    char buffer[1100];
    std::snprintf(buffer, sizeof buffer, "%.1074f", value);
    QString s = QString::fromLatin1(buffer);
    if (s.contains(u'.')) {
        while (s.endsWith(u'0'))
            s.chop(1);
        if (s.endsWith(u'.'))
            s.chop(1);
    }
    return s;
}

QString ElementValue::bitPattern() const
{
    const int bytes =
        dtypeIsComplex(dtype) ? dtypeElementSize(dtype) / 2 : std::max(1, dtypeElementSize(dtype));
    QString hex = QStringLiteral("0x%1").arg(bits, bytes * 2, 16, QLatin1Char('0'));
    int exponentBits = 0, fractionBits = 0;
    if (!floatLayout(dtype, &exponentBits, &fractionBits))
        return hex;
    const QString binary =
        QStringLiteral("%1").arg(bits, 1 + exponentBits + fractionBits, 2, QLatin1Char('0'));
    return QStringLiteral("%1 (%2 %3 %4)")
        .arg(hex, binary.left(1), binary.mid(1, exponentBits), binary.mid(1 + exponentBits));
}

ElementValue readElementAt(const TensorInfo &tensor, qint64 offset, qint64 channel)
{
    ElementValue e;
    e.dtype = tensor.dtype;
    if (!tensor.storage)
        return e;
    const int size = dtypeElementSize(tensor.dtype);
    if (tensor.dtype == DType::QUInt4x2) {
        const qint64 element = tensor.storageOffset + offset;
        const quint8 byte = quint8(tensor.storage->data()[element / 2]);
        e.integer = (byte >> (element % 2 * 4)) & 0xf;
        e.bits = quint64(e.integer);
        e.value =
            tensor.quantization ? tensor.quantization->dequantize(e.integer, channel) : double(e.integer);
        return e;
    }
    const char *p = tensor.firstElement() + offset * size;
    switch (tensor.dtype) {
    case DType::Float32:
        e.bits = load<quint32>(p);
        e.value = load<float>(p);
        break;
    case DType::Float64:
        e.bits = load<quint64>(p);
        e.value = load<double>(p);
        break;
    case DType::Float16:
        e.bits = load<quint16>(p);
        e.value = halfToFloat(quint16(e.bits));
        break;
    case DType::BFloat16:
        e.bits = load<quint16>(p);
        e.value = bfloat16ToFloat(quint16(e.bits));
        break;
    case DType::Float8E4M3:
        e.bits = quint8(*p);
        e.value = float8E4M3ToFloat(quint8(e.bits));
        break;
    case DType::Float8E5M2:
        e.bits = quint8(*p);
        e.value = float8E5M2ToFloat(quint8(e.bits));
        break;
    case DType::Float8E4M3FNUZ:
        e.bits = quint8(*p);
        e.value = float8E4M3FNUZToFloat(quint8(e.bits));
        break;
    case DType::Float8E5M2FNUZ:
        e.bits = quint8(*p);
        e.value = float8E5M2FNUZToFloat(quint8(e.bits));
        break;
    case DType::Float8E8M0FNU:
        e.bits = quint8(*p);
        e.value = float8E8M0ToFloat(quint8(e.bits));
        break;
    case DType::Complex32:
        e.bits = load<quint16>(p);
        e.value = halfToFloat(load<quint16>(p));
        e.imag = halfToFloat(load<quint16>(p + 2));
        break;
    case DType::Float4E2M1FNx2:
    case DType::Bits8:
    case DType::Bits1x8:
    case DType::Bits2x4:
    case DType::Bits4x2:
        e.integer = load<quint8>(p);
        e.bits = quint64(e.integer);
        break;
    case DType::Bits16:
        e.integer = load<quint16>(p);
        e.bits = quint64(e.integer);
        break;
    case DType::Complex64:
        e.bits = load<quint32>(p);
        e.value = load<float>(p);
        e.imag = load<float>(p + 4);
        break;
    case DType::Complex128:
        e.bits = load<quint64>(p);
        e.value = load<double>(p);
        e.imag = load<double>(p + 8);
        break;
    case DType::Int8:
    case DType::QInt8:
        e.bits = load<quint8>(p);
        e.integer = e.bits < 128 ? qint64(e.bits) : qint64(e.bits) - 256; // two's complement byte
        break;
    case DType::UInt8:
    case DType::QUInt8:
    case DType::Bool:
        e.integer = load<quint8>(p);
        e.bits = quint64(e.integer);
        break;
    case DType::Int16:
        e.integer = load<qint16>(p);
        e.bits = quint16(e.integer);
        break;
    case DType::UInt16:
        e.integer = load<quint16>(p);
        e.bits = quint64(e.integer);
        break;
    case DType::Int32:
    case DType::QInt32:
        e.integer = load<qint32>(p);
        e.bits = quint32(e.integer);
        break;
    case DType::UInt32:
        e.integer = load<quint32>(p);
        e.bits = quint64(e.integer);
        break;
    case DType::Int64:
        e.integer = load<qint64>(p);
        e.bits = quint64(e.integer);
        break;
    case DType::UInt64:
        e.bits = load<quint64>(p);
        e.integer = qint64(e.bits);
        e.value = double(e.bits);
        return e;
    case DType::QUInt4x2:
    case DType::Invalid:
        return e;
    }
    if (dtypeIsQuantized(tensor.dtype))
        e.value =
            tensor.quantization ? tensor.quantization->dequantize(e.integer, channel) : double(e.integer);
    else if (!dtypeIsFloatingPoint(tensor.dtype) && !dtypeIsComplex(tensor.dtype))
        e.value = double(e.integer);
    return e;
}

ElementValue readElement(const TensorInfo &tensor, const QVector<qint64> &index)
{
    qint64 offset = 0;
    for (int d = 0; d < index.size() && d < tensor.strides.size(); ++d)
        offset += index[d] * tensor.strides[d];
    qint64 channel = 0;
    if (const Quantization *q = tensor.quantization.get();
        q && q->scheme != Quantization::Scheme::PerTensorAffine && q->axis >= 0 && q->axis < index.size())
        channel = index[q->axis];
    return readElementAt(tensor, offset, channel);
}

} // namespace torchscope
