#include "inspect/tensorslice.h"

#include <QCoreApplication>

#include <algorithm>
#include <memory>

namespace torchscope {

namespace {

bool parseInteger(QStringView text, qint64 *value)
{
    bool ok = false;
    *value = text.trimmed().toLongLong(&ok);
    return ok;
}

} // namespace

bool TensorSlice::parse(const QString &text, TensorSlice *slice, QString *error)
{
    slice->m_items.clear();
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return true;
    const auto bad = [&](QStringView part) {
        *error = QCoreApplication::translate("TensorSlice",
                                             "bad slice item '%1' in '%2' (use integers and start:stop:step)")
                     .arg(part.toString(), text);
        return false;
    };
    for (QStringView part : QStringView(trimmed).split(u',')) {
        Item item;
        const QList<QStringView> bounds = part.split(u':');
        if (bounds.size() == 1) {
            item.isIndex = true;
            if (!parseInteger(part, &item.index))
                return bad(part);
        } else if (bounds.size() <= 3) {
            if (!bounds[0].trimmed().isEmpty()) {
                item.hasStart = true;
                if (!parseInteger(bounds[0], &item.start))
                    return bad(part);
            }
            if (!bounds[1].trimmed().isEmpty()) {
                item.hasStop = true;
                if (!parseInteger(bounds[1], &item.stop))
                    return bad(part);
            }
            if (bounds.size() == 3 && !bounds[2].trimmed().isEmpty()) {
                if (!parseInteger(bounds[2], &item.step))
                    return bad(part);
                if (item.step == 0) {
                    *error = QCoreApplication::translate("TensorSlice", "slice step cannot be zero in '%1'")
                                 .arg(text);
                    return false;
                }
            }
        } else {
            return bad(part);
        }
        slice->m_items.append(item);
    }
    return true;
}

bool TensorSlice::apply(const TensorInfo &tensor, TensorInfo *view, QString *error) const
{
    if (m_items.size() > tensor.shape.size()) {
        *error = QCoreApplication::translate("TensorSlice", "%1 has %n axes; the slice names more", nullptr,
                                             int(tensor.shape.size()))
                     .arg(tensor.name);
        return false;
    }
    *view = tensor;
    view->shape.clear();
    view->strides.clear();
    qint64 offset = tensor.storageOffset;
    // A per-channel quantizer follows its axis: renumbered past dropped axes, its scales sliced.
    const Quantization *quantizer = tensor.quantization.get();
    const int channelAxis =
        quantizer && quantizer->scheme != Quantization::Scheme::PerTensorAffine ? quantizer->axis : -1;
    std::shared_ptr<Quantization> sliced;
    const auto sliceChannels = [&](qint64 first, qint64 step, qint64 length, int newAxis) {
        sliced = std::make_shared<Quantization>(*quantizer);
        sliced->scales.clear();
        sliced->zeroPoints.clear();
        for (qint64 k = 0; k < length; ++k) {
            const qint64 c = first + k * step;
            sliced->scales.append(quantizer->scales.value(c, quantizer->scales.value(0)));
            sliced->zeroPoints.append(quantizer->zeroPoints.value(c, quantizer->zeroPoints.value(0)));
        }
        sliced->axis = newAxis;
    };
    for (int axis = 0; axis < tensor.shape.size(); ++axis) {
        const qint64 size = tensor.shape[axis];
        const qint64 stride = tensor.strides[axis];
        if (axis >= m_items.size()) {
            if (axis == channelAxis)
                sliceChannels(0, 1, size, int(view->shape.size()));
            view->shape.append(size);
            view->strides.append(stride);
            continue;
        }
        const Item &item = m_items[axis];
        if (item.isIndex) {
            const qint64 index = item.index < 0 ? item.index + size : item.index;
            if (index < 0 || index >= size) {
                *error = QCoreApplication::translate("TensorSlice",
                                                     "index %1 is out of range for axis %2 of size %3")
                             .arg(item.index)
                             .arg(axis)
                             .arg(size);
                return false;
            }
            offset += index * stride;
            if (axis == channelAxis)
                sliceChannels(index, 1, 1, -1);
            continue;
        }
        // Python's slice.indices(): bounds clipped to the axis, defaults by the step's sign.
        const qint64 step = item.step;
        const auto clip = [&](qint64 bound, qint64 lowest, qint64 highest) {
            if (bound < 0)
                bound += size;
            return std::clamp(bound, lowest, highest);
        };
        qint64 start, stop;
        if (step > 0) {
            start = item.hasStart ? clip(item.start, 0, size) : 0;
            stop = item.hasStop ? clip(item.stop, 0, size) : size;
        } else {
            start = item.hasStart ? clip(item.start, -1, size - 1) : size - 1;
            stop = item.hasStop ? clip(item.stop, -1, size - 1) : -1;
        }
        const qint64 length = step > 0 ? std::max<qint64>(0, (stop - start + step - 1) / step)
                                       : std::max<qint64>(0, (start - stop + (-step) - 1) / (-step));
        if (length > 0)
            offset += start * stride;
        if (axis == channelAxis)
            sliceChannels(start, step, length, int(view->shape.size()));
        view->shape.append(length);
        view->strides.append(stride * step);
    }
    if (sliced)
        view->quantization = std::move(sliced);
    view->storageOffset = offset;
    // A slice with negative strides or none of the storage left can still be read element by element.
    return true;
}

QString TensorSlice::toString() const
{
    QStringList parts;
    for (const Item &item : m_items) {
        if (item.isIndex) {
            parts << QString::number(item.index);
            continue;
        }
        QString part = (item.hasStart ? QString::number(item.start) : QString()) + u':' +
                       (item.hasStop ? QString::number(item.stop) : QString());
        if (item.step != 1)
            part += u':' + QString::number(item.step);
        parts << part;
    }
    return parts.join(u',');
}

} // namespace torchscope
