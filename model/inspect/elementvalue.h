#pragma once

#include "tensor/tensorinfo.h"

#include <QString>
#include <QVector>

namespace torchscope {

// One element of a tensor, read straight from its storage: the number, its stored bits, and for
// quantized tensors the stored integer beside the real value.
struct ElementValue
{
    DType dtype = DType::Invalid;
    double value = 0; // real part for complex types; the dequantized value for quantized ones
    double imag = 0;
    qint64 integer = 0; // integer types exactly (uint64 above 2^63 wraps; see bits); quantized: q
    quint64 bits = 0;   // the stored bits, dtypeElementSize(dtype) bytes (complex: the real part's)

    bool isNaN() const;
    bool isInf() const;
    // "0.1", "-inf", "nan", "12", "True", "1+2j": short, at most 6 significant digits.
    QString text() const;
    // Enough digits to give back the same stored value ("0.1" for float32 0.1f)...
    QString roundTrip() const;
    // ...and the exact decimal of the binary value ("0.100000001490116119384765625").
    QString exactDecimal() const;
    // "0x3dcccccd (0 01111011 10011001100110011001101)": sign, exponent and fraction apart.
    QString bitPattern() const;
};

// The element at `index` (one entry per axis, each within the shape) of a view checked with
// TensorInfo::validateView().
ElementValue readElement(const TensorInfo &tensor, const QVector<qint64> &index);
// The same by offset in elements from the first element; `channel` is the index along a per-channel
// quantizer's axis.
ElementValue readElementAt(const TensorInfo &tensor, qint64 offset, qint64 channel = 0);

} // namespace torchscope
