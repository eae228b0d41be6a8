#pragma once

#include "inspect/elementvalue.h"
#include "tensor/tensorinfo.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QVector>

namespace torchscope {

// The values of one tensor as a table: a 2-D plane of an N-D tensor, two chosen axes as rows and
// columns and a fixed index on every other axis. Virtual: a cell is decoded from the tensor's
// storage (the mapped file) only when a view asks for it, so the size of the tensor does not matter.
// A 1-D tensor is one column; a 0-D tensor one cell.
class TensorValuesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        ValueRole = Qt::UserRole + 1, // double (complex: the real part)
        RoundTripRole,                // the text that reads back as the same stored value
    };

    explicit TensorValuesModel(QObject *parent = nullptr);
    ~TensorValuesModel() override;

    void setTensor(const TensorInfo &tensor);
    void clear();
    const TensorInfo &tensor() const { return m_tensor; }
    bool hasTensor() const { return m_hasTensor; }

    // Axes shown as rows and columns (-1: none, for 0-D and 1-D tensors). Must differ.
    int rowAxis() const { return m_rowAxis; }
    int columnAxis() const { return m_columnAxis; }
    void setAxes(int rowAxis, int columnAxis);
    // The index on an axis that is neither rows nor columns.
    qint64 fixedIndex(int axis) const { return m_fixed.value(axis); }
    void setFixedIndex(int axis, qint64 index);

    // The full index (one entry per axis) of a cell.
    QVector<qint64> elementIndex(int row, int column) const;
    // The cell showing an element, after moving the plane there if `movePlane`; invalid if the
    // element is not in the plane.
    QModelIndex cellOf(const QVector<qint64> &index, bool movePlane);
    ElementValue element(const QModelIndex &cell) const;
    // Rows or columns beyond what a view can count (2^31 - 1) are cut off; true when that happened.
    bool isTruncated() const;

    // Colours cells by value over [low, high]: a diverging blue-white-red scale when the range
    // spans zero, white to red otherwise; NaN grey.
    void setHeatMap(bool on);
    bool heatMap() const { return m_heatMap; }
    void setHeatRange(double low, double high);
    bool hasHeatRange() const { return m_hasHeatRange; }
    double heatLow() const { return m_heatLow; }
    double heatHigh() const { return m_heatHigh; }
    QColor heatColor(double value) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void planeChanged();

private:
    qint64 extent(int axis) const;

    TensorInfo m_tensor;
    bool m_hasTensor = false;
    int m_rowAxis = -1;
    int m_columnAxis = -1;
    QVector<qint64> m_fixed;
    bool m_heatMap = false;
    bool m_hasHeatRange = false;
    double m_heatLow = 0;
    double m_heatHigh = 0;
};

} // namespace torchscope
