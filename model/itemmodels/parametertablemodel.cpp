#include "itemmodels/parametertablemodel.h"

#include "document/checkpointdocument.h"
#include "itemmodels/displayformat.h"

#include <algorithm>

namespace torchscope {

ParameterTableModel::ParameterTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ParameterTableModel::setDocument(CheckpointDocument *document)
{
    beginResetModel();
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_module = document ? document->root() : nullptr;
    if (m_document)
        connect(m_document, &CheckpointDocument::requiresGradChanged, this,
                &ParameterTableModel::onRequiresGradChanged);
    rebuildRows();
    endResetModel();
}

void ParameterTableModel::setModule(const ModuleNode *module)
{
    if (!m_document)
        return;
    module = module ? module : m_document->root();
    if (module == m_module)
        return; // already shown: no reset, the view keeps its scroll position and selection
    beginResetModel();
    m_module = module;
    rebuildRows();
    endResetModel();
}

void ParameterTableModel::rebuildRows()
{
    m_rows.clear();
    m_rowOfTensor.clear();
    if (!m_document)
        return;
    m_rows = m_document->tensorsInSubtree(m_module);
    m_rowOfTensor.fill(-1, m_document->tensorCount());
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowOfTensor[m_rows[row]] = row;
}

int ParameterTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ParameterTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ParameterTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_document)
        return QVariant();
    const int tensorIndex = m_rows[index.row()];
    const TensorInfo &tensor = m_document->tensor(tensorIndex);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return m_document->relativeName(tensorIndex, m_module);
        case KindColumn: {
            // The words of the user's language; tensorKindName() is the JSON's.
            const QString kind = tensor.kind == TensorKind::Parameter ? tr("parameter")
                                 : tensor.kind == TensorKind::Buffer  ? tr("buffer")
                                                                      : tr("tensor");
            if (tensor.tiedTo >= 0)
                return tr("%1 (tied to %2)").arg(kind, m_document->tensor(tensor.tiedTo).name);
            return kind;
        }
        case ShapeColumn:
            return shapeToString(tensor.shape);
        case DTypeColumn:
            if (tensor.quantization)
                return tr("%1 (%2)").arg(dtypeName(tensor.dtype), tensor.quantization->describe());
            return dtypeName(tensor.dtype);
        case NumelColumn:
            return DisplayFormat::compactCount(tensor.numel());
        case BytesColumn:
            return DisplayFormat::bytes(tensor.byteSize());
        case RequiresGradColumn:
            // A check says it all (a flag of the file, or of the plan); the rest say why there is none.
            if (m_document->isEditable(tensorIndex))
                return QVariant();
            return tensor.kind == TensorKind::Buffer ? tr("buffer") : QStringLiteral("—");
        }
        break;
    case SortRole:
        switch (index.column()) {
        case NumelColumn:
        case BytesColumn:
            return index.column() == NumelColumn ? tensor.numel() : tensor.byteSize();
        case ShapeColumn:
            return QVariant::fromValue(tensor.numel());
        case RequiresGradColumn:
            return m_document->isEditable(tensorIndex) ? int(m_document->requiresGrad(tensorIndex)) : -1;
        case NameColumn:
            return tensorIndex; // state_dict order
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::CheckStateRole:
        if (index.column() == RequiresGradColumn && m_document->isEditable(tensorIndex))
            return m_document->requiresGrad(tensorIndex) ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ToolTipRole:
        // Every column that can be cut short says all of it here.
        if (index.column() == NameColumn)
            return tensor.name;
        if (index.column() == KindColumn || index.column() == ShapeColumn || index.column() == DTypeColumn)
            return data(index, Qt::DisplayRole);
        if (index.column() == NumelColumn)
            return tr("%1 elements", nullptr, DisplayFormat::pluralCount(tensor.numel()))
                .arg(DisplayFormat::count(tensor.numel()));
        if (index.column() == BytesColumn)
            return tr("%1 bytes", nullptr, DisplayFormat::pluralCount(tensor.byteSize()))
                .arg(DisplayFormat::count(tensor.byteSize()));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == NumelColumn || index.column() == BytesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case TensorIndexRole:
        return tensorIndex;
    case FullNameRole:
        return tensor.name;
    }
    return QVariant();
}

bool ParameterTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != RequiresGradColumn ||
        !(flags(index) & Qt::ItemIsUserCheckable))
        return false;
    const bool train = value.value<Qt::CheckState>() == Qt::Checked;
    m_document->setRequiresGrad({m_rows[index.row()]}, train);
    return true;
}

Qt::ItemFlags ParameterTableModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_document)
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == RequiresGradColumn && m_document->isEditable(m_rows[index.row()]))
        result |= Qt::ItemIsUserCheckable;
    return result;
}

QVariant ParameterTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case ShapeColumn:
        return tr("Shape");
    case DTypeColumn:
        return tr("DType");
    case NumelColumn:
        return tr("Elements");
    case BytesColumn:
        return tr("Size");
    case RequiresGradColumn:
        return tr("requires_grad");
    }
    return QVariant();
}

void ParameterTableModel::onRequiresGradChanged(const QVector<int> &tensorIndices)
{
    int first = INT_MAX;
    int last = -1;
    for (int tensorIndex : tensorIndices) {
        const int row = m_rowOfTensor.value(tensorIndex, -1);
        if (row < 0)
            continue;
        first = std::min(first, row);
        last = std::max(last, row);
    }
    if (last >= 0)
        Q_EMIT dataChanged(index(first, RequiresGradColumn), index(last, RequiresGradColumn),
                           {Qt::CheckStateRole, SortRole});
}

} // namespace torchscope
