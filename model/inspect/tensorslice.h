#pragma once

#include "tensor/tensorinfo.h"

#include <QString>
#include <QVector>

namespace torchscope {

// A NumPy basic index of a tensor: one item per leading axis, each an integer (the axis is dropped)
// or a range start:stop:step (kept); axes not named are taken whole. "0,:,2:5", "-1", ":,::2".
class TensorSlice
{
public:
    struct Item
    {
        bool isIndex = false;
        qint64 index = 0;
        // A range's bounds as written; absent bounds take NumPy's defaults for the step's sign.
        bool hasStart = false, hasStop = false;
        qint64 start = 0, stop = 0, step = 1;
    };

    // An empty text is the whole tensor. On failure: false with a one-line reason.
    static bool parse(const QString &text, TensorSlice *slice, QString *error);
    static TensorSlice whole() { return TensorSlice(); }

    // The view this slice selects: same storage, shape, strides and offset as NumPy computes them
    // (negative indices count from the end, ranges are clipped). Fails for an index out of range or
    // more items than axes.
    bool apply(const TensorInfo &tensor, TensorInfo *view, QString *error) const;

    const QVector<Item> &items() const { return m_items; }
    QString toString() const;

private:
    QVector<Item> m_items;
};

} // namespace torchscope
