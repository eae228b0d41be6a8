#include "itemmodels/moduletreemodel.h"

#include "document/checkpointdocument.h"
#include "itemmodels/displayformat.h"

#include <QSet>

#include <algorithm>
#include <utility>

namespace torchscope {

CheckpointDocument *ModuleTreeModel::document() const
{
    return m_document;
}

QString ModuleTreeModel::countTooltip(qint64 count, qint64 bytes)
{
    return tr("%1 parameters (%2)").arg(DisplayFormat::count(count), DisplayFormat::bytes(bytes));
}

ModuleTreeModel::ModuleTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

void ModuleTreeModel::setDocument(CheckpointDocument *document)
{
    beginResetModel();
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &CheckpointDocument::requiresGradChanged, this,
                &ModuleTreeModel::onRequiresGradChanged);
    endResetModel();
}

ModuleNode *ModuleTreeModel::moduleAt(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<ModuleNode *>(index.internalPointer()) : nullptr;
}

QModelIndex ModuleTreeModel::indexOf(const ModuleNode *module, int column) const
{
    if (!module || !m_document)
        return QModelIndex();
    return createIndex(module->row(), column, const_cast<ModuleNode *>(module));
}

QModelIndex ModuleTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return QModelIndex();
    if (!parent.isValid())
        return createIndex(row, column, m_document->root());
    return createIndex(row, column, moduleAt(parent)->child(row));
}

QModelIndex ModuleTreeModel::parent(const QModelIndex &child) const
{
    ModuleNode *node = moduleAt(child);
    if (!node || !node->parent())
        return QModelIndex();
    return createIndex(node->parent()->row(), 0, node->parent());
}

int ModuleTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_document)
        return 0;
    if (!parent.isValid())
        return 1; // the root module itself is a row, so the whole model can be selected and checked
    if (parent.column() != 0)
        return 0;
    return moduleAt(parent)->childCount();
}

int ModuleTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ModuleTreeModel::data(const QModelIndex &index, int role) const
{
    const ModuleNode *node = moduleAt(index);
    if (!node)
        return QVariant();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return node->treeName();
        case TypeColumn:
            return node->shortTypeName();
        case ParametersColumn:
            return DisplayFormat::compactCount(node->parameterCount());
        case TrainableColumn:
            return DisplayFormat::compactCount(node->trainableCount());
        case FrozenColumn:
            return DisplayFormat::compactCount(node->frozenCount());
        }
        break;
    case SortRole:
        switch (index.column()) {
        case ParametersColumn:
            return node->parameterCount();
        case TrainableColumn:
            return node->trainableCount();
        case FrozenColumn:
            return node->frozenCount();
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (index.column() == TypeColumn && !node->typeName().isEmpty())
            return node->typeName();
        if (index.column() == NameColumn)
            return node->displayTitle();
        if (index.column() == ParametersColumn)
            return countTooltip(node->parameterCount(), node->parameterBytes());
        if (index.column() == TrainableColumn)
            return countTooltip(node->trainableCount(), node->trainableBytes());
        if (index.column() == FrozenColumn)
            return countTooltip(node->frozenCount(), node->parameterBytes() - node->trainableBytes());
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= ParametersColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::CheckStateRole:
        if (index.column() == NameColumn && m_document->storesRequiresGrad() && node->parameterCount() > 0) {
            if (node->trainableCount() == 0)
                return Qt::Unchecked;
            return node->trainableCount() == node->parameterCount() ? Qt::Checked : Qt::PartiallyChecked;
        }
        break;
    case ModulePathRole:
        return node->path();
    }
    return QVariant();
}

bool ModuleTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    ModuleNode *node = moduleAt(index);
    if (!node || role != Qt::CheckStateRole || index.column() != NameColumn ||
        !(flags(index) & Qt::ItemIsUserCheckable))
        return false;
    const bool train = value.value<Qt::CheckState>() != Qt::Unchecked;
    m_document->setModuleRequiresGrad(node, train);
    return true;
}

Qt::ItemFlags ModuleTreeModel::flags(const QModelIndex &index) const
{
    const ModuleNode *node = moduleAt(index);
    if (!node)
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == NameColumn && m_document->storesRequiresGrad() && node->parameterCount() > 0)
        result |= Qt::ItemIsUserCheckable;
    return result;
}

QVariant ModuleTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case NameColumn:
        return tr("Module");
    case TypeColumn:
        return tr("Type");
    case ParametersColumn:
        return tr("Parameters");
    case TrainableColumn:
        return tr("Trainable");
    case FrozenColumn:
        return tr("Frozen");
    }
    return QVariant();
}

void ModuleTreeModel::onRequiresGradChanged(const QVector<int> &tensorIndices)
{
    // Counts change on the owning modules and all their ancestors; repaint exactly those rows.
    QSet<const ModuleNode *> touched;
    for (int index : tensorIndices) {
        for (const ModuleNode *node = m_document->moduleOfTensor(index); node; node = node->parent()) {
            if (touched.contains(node))
                break;
            touched.insert(node);
        }
    }
    // One signal per run of sibling rows rather than one per module: freezing the root of a
    // 10,000-module model touches every row.
    QHash<const ModuleNode *, std::pair<int, int>> rowsByParent;
    for (const ModuleNode *node : std::as_const(touched)) {
        auto it = rowsByParent.find(node->parent());
        if (it == rowsByParent.end())
            rowsByParent.insert(node->parent(), {node->row(), node->row()});
        else
            *it = {std::min(it->first, node->row()), std::max(it->second, node->row())};
    }
    for (auto it = rowsByParent.cbegin(); it != rowsByParent.cend(); ++it) {
        const ModuleNode *parent = it.key();
        const ModuleNode *first = parent ? parent->child(it->first) : m_document->root();
        const ModuleNode *last = parent ? parent->child(it->second) : m_document->root();
        Q_EMIT dataChanged(indexOf(first, NameColumn), indexOf(last, ColumnCount - 1),
                           {Qt::DisplayRole, Qt::CheckStateRole, SortRole});
    }
}

} // namespace torchscope
