#include "tensor/tensorinfo.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cstring>
#include <limits>

namespace torchscope {

QString tensorKindName(TensorKind kind)
{
    switch (kind) {
    case TensorKind::Parameter:
        return QStringLiteral("parameter");
    case TensorKind::Buffer:
        return QStringLiteral("buffer");
    case TensorKind::Tensor:
        break;
    }
    return QStringLiteral("tensor");
}

QString Quantization::schemeName() const
{
    switch (scheme) {
    case Scheme::PerTensorAffine:
        break;
    case Scheme::PerChannelAffine:
        return QStringLiteral("per_channel_affine");
    case Scheme::PerChannelAffineFloatQParams:
        return QStringLiteral("per_channel_affine_float_qparams");
    }
    return QStringLiteral("per_tensor_affine");
}

float Quantization::dequantize(qint64 q, qint64 channel) const
{
    const qsizetype i = scheme == Scheme::PerTensorAffine ? 0 : qsizetype(channel);
    if (i < 0 || i >= scales.size() || i >= zeroPoints.size())
        return 0.0f;
    if (scheme == Scheme::PerChannelAffineFloatQParams)
        return (float(q) - float(zeroPoints[i])) * float(scales[i]);
    // ATen's per-channel kernel multiplies by the float64 scale and rounds once; per tensor, the scale
    // is a float.
    if (scheme == Scheme::PerChannelAffine)
        return float(double(q - qint64(zeroPoints[i])) * scales[i]);
    return float(scales[i]) * float(q - qint64(zeroPoints[i]));
}

QString Quantization::describe() const
{
    if (scheme == Scheme::PerTensorAffine && scales.size() == 1 && zeroPoints.size() == 1)
        return QCoreApplication::translate("TensorInfo", "scale %1, zero point %2")
            .arg(scales[0], 0, 'g', 6)
            .arg(zeroPoints[0]);
    return QCoreApplication::translate("TensorInfo", "per channel, axis %1, %2 scales")
        .arg(axis)
        .arg(scales.size());
}

qint64 TensorInfo::numel() const
{
    qint64 n = 1;
    for (qint64 d : shape)
        n *= d;
    return n;
}

QVector<qint64> TensorInfo::contiguousStrides(const QVector<qint64> &shape)
{
    QVector<qint64> strides(shape.size());
    qint64 step = 1;
    for (int i = shape.size() - 1; i >= 0; --i) {
        strides[i] = step;
        step *= std::max<qint64>(shape[i], 1);
    }
    return strides;
}

bool TensorInfo::isContiguous() const
{
    qint64 expected = 1;
    for (int i = shape.size() - 1; i >= 0; --i) {
        if (shape[i] != 1 && strides[i] != expected)
            return false;
        expected *= shape[i];
    }
    return true;
}

const char *TensorInfo::firstElement() const
{
    return storage ? storage->data() + dtypeStorageBytes(dtype, storageOffset) : nullptr;
}

bool TensorInfo::validateView(QString *error) const
{
    const int elementSize = dtypeElementSize(dtype);
    if (elementSize == 0) {
        *error = QCoreApplication::translate("TensorInfo", "%1: unknown element type").arg(name);
        return false;
    }
    if (shape.size() != strides.size()) {
        *error = QCoreApplication::translate("TensorInfo", "%1: shape and stride ranks differ").arg(name);
        return false;
    }
    qint64 count = 1;
    bool empty = false;
    for (int i = 0; i < shape.size(); ++i) {
        if (shape[i] < 0 || strides[i] < 0) {
            *error = QCoreApplication::translate("TensorInfo", "%1: negative size or stride").arg(name);
            return false;
        }
        if (shape[i] == 0)
            empty = true;
        if (shape[i] > 0 && count > kMaxTensorElements / shape[i]) {
            *error = QCoreApplication::translate("TensorInfo", "%1: more than 2^40 elements").arg(name);
            return false;
        }
        count *= shape[i];
    }
    if (storageOffset < 0) {
        *error = QCoreApplication::translate("TensorInfo", "%1: negative storage offset").arg(name);
        return false;
    }
    if (empty || meta)
        return true;
    const qint64 storageElements = !storage                   ? 0
                                   : dtype == DType::QUInt4x2 ? storage->size() * 2
                                                              : storage->size() / elementSize;
    // The view's last element, storageOffset + sum (shape - 1) * stride, must lie inside the storage;
    // each step is checked against what is left, so no offset, shape or stride can make it wrap.
    bool inside = storageOffset < storageElements;
    qint64 lastOffset = storageOffset;
    for (int i = 0; i < shape.size() && inside; ++i) {
        const qint64 room = storageElements - 1 - lastOffset; // >= 0 while inside
        if (shape[i] > 1 && strides[i] > 0) {
            inside = strides[i] <= room && shape[i] - 1 <= room / strides[i];
            if (inside)
                lastOffset += (shape[i] - 1) * strides[i];
        }
    }
    if (dtype == DType::QUInt4x2 && (storageOffset % 2 != 0 || !isContiguous())) {
        *error = QCoreApplication::translate("TensorInfo", "%1: a quint4x2 view must start on a byte and be "
                                                           "contiguous")
                     .arg(name);
        return false;
    }
    if (!inside) {
        *error = QCoreApplication::translate("TensorInfo", "%1: view reaches past the end of its storage")
                     .arg(name);
        return false;
    }
    return true;
}

QByteArray TensorInfo::contiguousBytes() const
{
    const qint64 total = byteSize();
    if (total == 0 || !storage)
        return QByteArray();
    const char *base = firstElement();
    if (isContiguous())
        return QByteArray(base, total);

    const int elementSize = dtypeElementSize(dtype);
    QByteArray out(total, Qt::Uninitialized);
    char *dst = out.data();
    const int rank = shape.size();
    QVector<qint64> index(rank, 0);
    const qint64 n = numel();
    qint64 offset = 0;
    for (qint64 k = 0; k < n; ++k) {
        std::memcpy(dst, base + offset * elementSize, elementSize);
        dst += elementSize;
        for (int d = rank - 1; d >= 0; --d) {
            if (++index[d] < shape[d]) {
                offset += strides[d];
                break;
            }
            offset -= (shape[d] - 1) * strides[d];
            index[d] = 0;
        }
    }
    return out;
}

QString shapeToString(const QVector<qint64> &shape)
{
    QStringList parts;
    for (qint64 d : shape)
        parts << QString::number(d);
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

} // namespace torchscope
