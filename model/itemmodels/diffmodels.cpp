#include "itemmodels/diffmodels.h"

#include "itemmodels/displayformat.h"

#include <QLocale>

#include <cmath>

namespace torchscope {

QString diffNumber(double value, int digits)
{
    if (std::isnan(value))
        return QStringLiteral("—");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("∞") : QStringLiteral("-∞");
    return QLocale().toString(value, 'g', digits);
}

QString diffCosine(double cosine, int decimals)
{
    return std::isnan(cosine) ? diffNumber(cosine) : QLocale().toString(cosine, 'f', decimals);
}

namespace {
QString number(double value)
{
    return diffNumber(value, 4);
}

const TensorInfo *tensorA(const ComparisonResult &r, const TensorDiff &d)
{
    return d.indexA >= 0 ? &r.a->tensors[size_t(d.indexA)] : nullptr;
}

const TensorInfo *tensorB(const ComparisonResult &r, const TensorDiff &d)
{
    return d.indexB >= 0 ? &r.b->tensors[size_t(d.indexB)] : nullptr;
}

// Two sides' values as one cell: "float32" when equal, "float32 → float16" when not.
QString pair(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return a.isEmpty() ? b : a;
    return a == b ? a : QStringLiteral("%1 → %2").arg(a, b);
}
} // namespace

QColor diffStatusColor(DiffStatus status)
{
    // By DiffStatus: grey, orange, red, blue, purple, teal.
    static const QRgb colors[] = {0x9e9e9e, 0xe67e22, 0xc0392b, 0x2980b9, 0x8e44ad, 0x16a085};
    return QColor(colors[int(status)]);
}

QString diffStatusText(DiffStatus status)
{
    static const char *const texts[] = {
        QT_TRANSLATE_NOOP("torchscope::DiffTableModel", "identical"),
        QT_TRANSLATE_NOOP("torchscope::DiffTableModel", "changed"),
        QT_TRANSLATE_NOOP("torchscope::DiffTableModel", "only in A"),
        QT_TRANSLATE_NOOP("torchscope::DiffTableModel", "only in B"),
        QT_TRANSLATE_NOOP("torchscope::DiffTableModel", "shape differs"),
        QT_TRANSLATE_NOOP("torchscope::DiffTableModel", "converted (dtype differs)")};
    return DiffTableModel::tr(texts[int(status)]);
}

// --- tree ---------------------------------------------------------------------------------

DiffTreeModel::DiffTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

void DiffTreeModel::setResult(std::shared_ptr<const ComparisonResult> result)
{
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
}

const DiffModule *DiffTreeModel::module(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<const DiffModule *>(index.internalPointer()) : nullptr;
}

QModelIndex DiffTreeModel::indexOf(const DiffModule *module) const
{
    return module ? createIndex(module->row(), 0, const_cast<DiffModule *>(module)) : QModelIndex();
}

QModelIndex DiffTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!m_result || !m_result->tree || row < 0 || column < 0 || column >= ColumnCount)
        return QModelIndex();
    if (!parent.isValid())
        return row == 0 ? createIndex(0, column, const_cast<DiffModule *>(m_result->tree->root()))
                        : QModelIndex();
    const DiffModule *owner = module(parent);
    if (row >= int(owner->children.size()))
        return QModelIndex();
    return createIndex(row, column, owner->children[size_t(row)].get());
}

QModelIndex DiffTreeModel::parent(const QModelIndex &child) const
{
    const DiffModule *m = module(child);
    return m && m->parent ? indexOf(m->parent) : QModelIndex();
}

int DiffTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_result || !m_result->tree)
        return 0;
    if (!parent.isValid())
        return 1;
    if (parent.column() != 0)
        return 0;
    return int(module(parent)->children.size());
}

int DiffTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant DiffTreeModel::data(const QModelIndex &index, int role) const
{
    const DiffModule *m = module(index);
    if (!m)
        return QVariant();
    const DiffStatus status = m->status();
    if (role == PathRole)
        return m->path;
    if (role == Qt::DecorationRole && index.column() == NameColumn)
        return diffStatusColor(status);
    if (role == Qt::ForegroundRole && status == DiffStatus::Identical)
        return QColor(Qt::gray);
    if (role == Qt::ToolTipRole) {
        QStringList parts;
        for (int s = 0; s < kDiffStatusCount; ++s)
            if (m->statusCounts[s] > 0)
                parts << QStringLiteral("%1 %2").arg(m->statusCounts[s]).arg(diffStatusText(DiffStatus(s)));
        return parts.join(QStringLiteral(", "));
    }
    if (role == Qt::TextAlignmentRole && index.column() >= DifferentColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
    case NameColumn:
        return m->parent ? m->name : tr("(model)");
    case TypeColumn:
        return m->typeName.section(QLatin1Char('.'), -1);
    case StatusColumn:
        return diffStatusText(status);
    case DifferentColumn:
        return tr("%1 of %2").arg(m->differentTensors).arg(m->tensorCount);
    case LargestChangeColumn:
        return m->elements > 0 ? number(m->largestRelL2) : QString();
    default:
        return QVariant();
    }
}

QVariant DiffTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case NameColumn:
        return tr("Module");
    case TypeColumn:
        return tr("Type");
    case StatusColumn:
        return tr("Status");
    case DifferentColumn:
        return tr("Differ");
    case LargestChangeColumn:
        return tr("Largest rel. change");
    default:
        return QVariant();
    }
}

// --- table --------------------------------------------------------------------------------

DiffTableModel::DiffTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void DiffTableModel::setResult(std::shared_ptr<const ComparisonResult> result)
{
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
}

int DiffTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_result ? 0 : int(m_result->comparison.tensors.size());
}

int DiffTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiffTableModel::data(const QModelIndex &index, int role) const
{
    if (!m_result || !index.isValid() || index.row() >= rowCount())
        return QVariant();
    const TensorDiff &d = m_result->comparison.tensors[index.row()];
    const TensorInfo *a = tensorA(*m_result, d);
    const TensorInfo *b = tensorB(*m_result, d);
    switch (role) {
    case DiffIndexRole:
        return index.row();
    case NameRole:
        return d.name;
    case DifferentRole:
        return !d.isEqual() || d.status != DiffStatus::Identical;
    case Qt::DecorationRole:
        return index.column() == StatusColumn ? QVariant(diffStatusColor(d.status)) : QVariant();
    case Qt::ForegroundRole:
        return d.status == DiffStatus::Identical && !d.requiresGradDiffers() ? QVariant(QColor(Qt::gray))
                                                                             : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() >= MaxAbsColumn && index.column() <= CosineColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && d.hasStatistics)
            return d.bitIdentical
                       ? tr("Identical bit for bit")
                       : tr("%1 of %2 elements differ", nullptr, DisplayFormat::pluralCount(d.elements))
                             .arg(d.changedElements)
                             .arg(d.elements);
        if (index.column() == NameColumn && a && b && a->name != b->name)
            return tr("A: %1\nB: %2").arg(a->name, b->name);
        return QVariant();
    default:
        break;
    }
    const bool stats = d.hasStatistics;
    if (role == SortRole) {
        auto value = [stats](double v) { return stats && !std::isnan(v) ? QVariant(v) : QVariant(-1.0); };
        switch (index.column()) {
        case StatusColumn:
            return int(d.status);
        case MaxAbsColumn:
            return value(d.maxAbs);
        case MeanAbsColumn:
            return value(d.meanAbs);
        case RelL2Column:
            return value(d.relL2);
        case ChangedColumn:
            return value(d.changedFraction());
        case CosineColumn:
            return value(d.cosine);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
    case NameColumn:
        return d.name;
    case StatusColumn:
        return d.bitIdentical ? tr("identical (bits)") : diffStatusText(d.status);
    case DTypeColumn:
        return pair(a ? dtypeName(a->dtype) : QString(), b ? dtypeName(b->dtype) : QString());
    case ShapeColumn:
        return pair(a ? shapeToString(a->shape) : QString(), b ? shapeToString(b->shape) : QString());
    case MaxAbsColumn:
        return stats ? number(d.maxAbs) : QString();
    case MeanAbsColumn:
        return stats ? number(d.meanAbs) : QString();
    case RelL2Column:
        return stats ? number(d.relL2) : QString();
    case ChangedColumn:
        return stats ? QStringLiteral("%1%").arg(QLocale().toString(100.0 * d.changedFraction(), 'f', 2))
                     : QString();
    case CosineColumn:
        return stats ? diffCosine(d.cosine, 6) : QString();
    case RequiresGradColumn:
        if (!d.requiresGradCompared)
            return QString();
        return d.requiresGradDiffers() ? tr("%1 → %2").arg(d.requiresGradA ? tr("True") : tr("False"),
                                                           d.requiresGradB ? tr("True") : tr("False"))
                                       : (d.requiresGradA ? tr("True") : tr("False"));
    default:
        return QVariant();
    }
}

QVariant DiffTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QVariant();
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RelL2Column:
            return tr("||a − b|| / ||a||");
        case ChangedColumn:
            return tr("Fraction of elements beyond the tolerances");
        case CosineColumn:
            return tr("a·b / (||a|| ||b||)");
        default:
            return QVariant();
        }
    }
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case DTypeColumn:
        return tr("Dtype");
    case ShapeColumn:
        return tr("Shape");
    case MaxAbsColumn:
        return tr("Max |a−b|");
    case MeanAbsColumn:
        return tr("Mean |a−b|");
    case RelL2Column:
        return tr("Rel. L2");
    case ChangedColumn:
        return tr("Changed");
    case CosineColumn:
        return tr("Cosine");
    case RequiresGradColumn:
        return tr("requires_grad");
    default:
        return QVariant();
    }
}

// --- filter -------------------------------------------------------------------------------

DiffFilterModel::DiffFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(DiffTableModel::SortRole);
}

void DiffFilterModel::setOnlyDifferent(bool only)
{
    if (only == m_onlyDifferent)
        return;
    m_onlyDifferent = only;
    invalidateFilter();
}

void DiffFilterModel::setModulePath(const QString &path)
{
    if (path == m_modulePath)
        return;
    m_modulePath = path;
    invalidateFilter();
}

bool DiffFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_onlyDifferent && !index.data(DiffTableModel::DifferentRole).toBool())
        return false;
    if (m_modulePath.isEmpty())
        return true;
    const QString name = index.data(DiffTableModel::NameRole).toString();
    return name.startsWith(m_modulePath) && name.size() > m_modulePath.size() &&
           name.at(m_modulePath.size()) == QLatin1Char('.');
}

} // namespace torchscope
