#include "itemmodels/tensorvaluesmodel.h"

#include <QCoreApplication>

#include <algorithm>
#include <climits>
#include <cmath>

namespace torchscope {

TensorValuesModel::TensorValuesModel(QObject *parent) : QAbstractTableModel(parent) {}

namespace {
// A grid reads a few elements a row, rows apart: no read-ahead around each while it shows a tensor;
// the default again for whoever reads it next (a histogram streams it).
void adviseBrowsing(const TensorInfo &tensor, bool browsing)
{
    if (!tensor.storage || tensor.numel() == 0 || !tensor.isContiguous())
        return;
    const qint64 offset = dtypeStorageBytes(tensor.dtype, tensor.storageOffset);
    if (browsing)
        tensor.storage->adviseRandom(offset, tensor.byteSize());
    else
        tensor.storage->adviseNormal(offset, tensor.byteSize());
}
} // namespace

TensorValuesModel::~TensorValuesModel()
{
    if (m_hasTensor)
        adviseBrowsing(m_tensor, false);
}

void TensorValuesModel::setTensor(const TensorInfo &tensor)
{
    beginResetModel();
    if (m_hasTensor)
        adviseBrowsing(m_tensor, false);
    m_tensor = tensor;
    m_hasTensor = true;
    const int rank = int(tensor.shape.size());
    m_rowAxis = rank >= 2 ? rank - 2 : (rank == 1 ? 0 : -1);
    m_columnAxis = rank >= 2 ? rank - 1 : -1;
    m_fixed = QVector<qint64>(rank, 0);
    m_hasHeatRange = false;
    adviseBrowsing(m_tensor, true);
    endResetModel();
    Q_EMIT planeChanged();
}

void TensorValuesModel::clear()
{
    beginResetModel();
    if (m_hasTensor)
        adviseBrowsing(m_tensor, false);
    m_tensor = TensorInfo();
    m_hasTensor = false;
    m_rowAxis = m_columnAxis = -1;
    m_fixed.clear();
    m_hasHeatRange = false;
    endResetModel();
    Q_EMIT planeChanged();
}

void TensorValuesModel::setAxes(int rowAxis, int columnAxis)
{
    const int rank = int(m_tensor.shape.size());
    if (rank < 2 || rowAxis == columnAxis || rowAxis < 0 || columnAxis < 0 || rowAxis >= rank ||
        columnAxis >= rank || (rowAxis == m_rowAxis && columnAxis == m_columnAxis))
        return;
    beginResetModel();
    m_rowAxis = rowAxis;
    m_columnAxis = columnAxis;
    endResetModel();
    Q_EMIT planeChanged();
}

void TensorValuesModel::setFixedIndex(int axis, qint64 index)
{
    if (axis < 0 || axis >= m_fixed.size() || axis == m_rowAxis || axis == m_columnAxis || index < 0 ||
        index >= m_tensor.shape[axis] || m_fixed[axis] == index)
        return;
    m_fixed[axis] = index;
    // Same shape, other values: the views repaint what they show.
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(this->index(0, 0), this->index(rowCount() - 1, columnCount() - 1));
    Q_EMIT planeChanged();
}

qint64 TensorValuesModel::extent(int axis) const
{
    return axis < 0 ? 1 : m_tensor.shape[axis];
}

bool TensorValuesModel::isTruncated() const
{
    return m_hasTensor && (extent(m_rowAxis) > INT_MAX || extent(m_columnAxis) > INT_MAX);
}

QVector<qint64> TensorValuesModel::elementIndex(int row, int column) const
{
    QVector<qint64> index = m_fixed;
    if (m_rowAxis >= 0)
        index[m_rowAxis] = row;
    if (m_columnAxis >= 0)
        index[m_columnAxis] = column;
    return index;
}

QModelIndex TensorValuesModel::cellOf(const QVector<qint64> &index, bool movePlane)
{
    if (!m_hasTensor || index.size() != m_fixed.size())
        return QModelIndex();
    for (int axis = 0; axis < index.size(); ++axis) {
        if (axis == m_rowAxis || axis == m_columnAxis || index[axis] == m_fixed[axis])
            continue;
        if (!movePlane)
            return QModelIndex();
        setFixedIndex(axis, index[axis]);
    }
    const qint64 row = m_rowAxis >= 0 ? index[m_rowAxis] : 0;
    const qint64 column = m_columnAxis >= 0 ? index[m_columnAxis] : 0;
    if (row > INT_MAX || column > INT_MAX)
        return QModelIndex();
    return this->index(int(row), int(column));
}

ElementValue TensorValuesModel::element(const QModelIndex &cell) const
{
    if (!m_hasTensor || !cell.isValid() || !m_tensor.storage)
        return ElementValue();
    return readElement(m_tensor, elementIndex(cell.row(), cell.column()));
}

void TensorValuesModel::setHeatMap(bool on)
{
    if (m_heatMap == on)
        return;
    m_heatMap = on;
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::BackgroundRole});
}

void TensorValuesModel::setHeatRange(double low, double high)
{
    m_hasHeatRange = std::isfinite(low) && std::isfinite(high) && low <= high;
    m_heatLow = low;
    m_heatHigh = high;
    if (m_heatMap && rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::BackgroundRole});
}

QColor TensorValuesModel::heatColor(double value) const
{
    if (std::isnan(value))
        return QColor(200, 200, 200);
    const auto mix = [](const QColor &a, const QColor &b, double t) {
        t = std::clamp(t, 0.0, 1.0);
        return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                                float(a.greenF() + (b.greenF() - a.greenF()) * t),
                                float(a.blueF() + (b.blueF() - a.blueF()) * t));
    };
    const QColor blue(59, 76, 192), white(247, 247, 247), red(180, 4, 38);
    if (m_heatLow < 0 && m_heatHigh > 0) {
        // Zero is white; each side scaled by the larger magnitude, so equal magnitudes look equal.
        const double reach = std::max(-m_heatLow, m_heatHigh);
        return value < 0 ? mix(white, blue, -value / reach) : mix(white, red, value / reach);
    }
    const double span = m_heatHigh - m_heatLow;
    return mix(white, red, span > 0 ? (value - m_heatLow) / span : 0.5);
}

int TensorValuesModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_hasTensor)
        return 0;
    return int(std::min<qint64>(extent(m_rowAxis), INT_MAX));
}

int TensorValuesModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_hasTensor)
        return 0;
    return int(std::min<qint64>(extent(m_columnAxis), INT_MAX));
}

QVariant TensorValuesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_tensor.storage)
        return QVariant();
    switch (role) {
    case Qt::DisplayRole:
        return element(index).text();
    case RoundTripRole:
        return element(index).roundTrip();
    case ValueRole:
        return element(index).value;
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (m_heatMap && m_hasHeatRange)
            return heatColor(element(index).value);
        return QVariant();
    case Qt::ToolTipRole: {
        const ElementValue value = element(index);
        QStringList position;
        for (qint64 i : elementIndex(index.row(), index.column()))
            position << QString::number(i);
        QString tip = QCoreApplication::translate("TensorValuesModel", "[%1]  %2\nexact: %3\nbits: %4")
                          .arg(position.join(QStringLiteral(", ")), value.roundTrip(), value.exactDecimal(),
                               value.bitPattern());
        if (dtypeIsQuantized(value.dtype))
            tip +=
                QCoreApplication::translate("TensorValuesModel", "\nstored integer: %1").arg(value.integer);
        if (dtypeIsComplex(value.dtype))
            tip += QCoreApplication::translate("TensorValuesModel", "\nimaginary part: %1")
                       .arg(value.imag, 0, 'g', 17);
        return tip;
    }
    default:
        return QVariant();
    }
}

QVariant TensorValuesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const int axis = orientation == Qt::Horizontal ? m_columnAxis : m_rowAxis;
    if (axis < 0)
        return QString();
    return QString::number(section);
}

} // namespace torchscope
