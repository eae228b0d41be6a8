#include "itemmodels/moduletreemodel.h"

#include "document/checkpointdocument.h"
#include "itemmodels/displayformat.h"

#include <QSet>

#include <algorithm>
#include <utility>

namespace torchscope {

// One row of the view: a module, or a run of identical blocks standing in for them.
struct ModuleTreeModel::Row
{
    ModuleNode *module = nullptr; // for a group: the module holding the blocks
    bool isGroup = false;
    int firstChild = 0; // group: the module's children it stands for
    int count = 0;
    Row *parent = nullptr;
    int row = 0;
    std::vector<Row *> children;
};

ModuleTreeModel::ModuleTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

QString ModuleTreeModel::countTooltip(qint64 count, qint64 bytes)
{
    return tr("%1 parameters (%2)", nullptr, DisplayFormat::pluralCount(count))
        .arg(DisplayFormat::count(count), DisplayFormat::bytes(bytes));
}

ModuleTreeModel::~ModuleTreeModel() = default;

CheckpointDocument *ModuleTreeModel::document() const
{
    return m_document;
}

void ModuleTreeModel::setDocument(CheckpointDocument *document)
{
    beginResetModel();
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &CheckpointDocument::requiresGradChanged, this,
                &ModuleTreeModel::onRequiresGradChanged);
    rebuild();
    endResetModel();
}

void ModuleTreeModel::setFoldRepeatedBlocks(bool fold)
{
    if (fold == m_fold)
        return;
    beginResetModel();
    m_fold = fold;
    rebuild();
    endResetModel();
}

void ModuleTreeModel::rebuild()
{
    m_rows.clear();
    m_rowOfModule.clear();
    if (!m_document)
        return;
    const auto addRow = [this](ModuleNode *module, Row *parent) {
        m_rows.push_back(std::make_unique<Row>());
        Row *row = m_rows.back().get();
        row->module = module;
        row->parent = parent;
        if (parent) {
            row->row = int(parent->children.size());
            parent->children.push_back(row);
        }
        return row;
    };
    // Iterative: a weights-only file's dotted names can nest thousands of levels deep.
    std::vector<Row *> pending{addRow(m_document->root(), nullptr)};
    while (!pending.empty()) {
        Row *row = pending.back();
        pending.pop_back();
        if (row->isGroup)
            continue;
        m_rowOfModule.insert(row->module, row);
        const ModuleNode *module = row->module;
        const QVector<BlockRun> runs = m_fold ? m_document->repeatedBlocks(module) : QVector<BlockRun>();
        int next = 0;
        for (int child = 0; child < module->childCount(); ++child) {
            Row *parent = row;
            if (next < runs.size() && runs[next].firstRow <= child) {
                if (runs[next].firstRow == child) {
                    Row *group = addRow(row->module, row);
                    group->isGroup = true;
                    group->firstChild = child;
                    group->count = runs[next].count;
                }
                parent = row->children.back();
                if (child == runs[next].lastRow())
                    ++next;
            }
            pending.push_back(addRow(module->child(child), parent));
        }
    }
}

ModuleTreeModel::Row *ModuleTreeModel::rowAt(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Row *>(index.internalPointer()) : nullptr;
}

ModuleNode *ModuleTreeModel::moduleAt(const QModelIndex &index) const
{
    const Row *row = rowAt(index);
    return row ? row->module : nullptr;
}

bool ModuleTreeModel::isBlockGroup(const QModelIndex &index) const
{
    const Row *row = rowAt(index);
    return row && row->isGroup;
}

QModelIndex ModuleTreeModel::indexOf(const ModuleNode *module, int column) const
{
    Row *row = module && m_document ? m_rowOfModule.value(module) : nullptr;
    return row ? createIndex(row->row, column, row) : QModelIndex();
}

QModelIndex ModuleTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return QModelIndex();
    if (!parent.isValid())
        return createIndex(row, column, m_rows.front().get());
    return createIndex(row, column, rowAt(parent)->children[size_t(row)]);
}

QModelIndex ModuleTreeModel::parent(const QModelIndex &child) const
{
    const Row *row = rowAt(child);
    if (!row || !row->parent)
        return QModelIndex();
    return createIndex(row->parent->row, 0, row->parent);
}

int ModuleTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_document || m_rows.empty())
        return 0;
    if (!parent.isValid())
        return 1; // the root module itself is a row, so the whole model can be selected and checked
    if (parent.column() != 0)
        return 0;
    return int(rowAt(parent)->children.size());
}

int ModuleTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

ModuleTreeModel::Counts ModuleTreeModel::countsOf(const Row *row) const
{
    const auto add = [](Counts *counts, const ModuleNode *node) {
        counts->parameters += node->parameterCount();
        counts->trainable += node->trainableCount();
        counts->parameterBytes += node->parameterBytes();
        counts->trainableBytes += node->trainableBytes();
    };
    Counts counts;
    if (!row->isGroup)
        add(&counts, row->module);
    for (int i = 0; row->isGroup && i < row->count; ++i)
        add(&counts, row->module->child(row->firstChild + i));
    return counts;
}

QString ModuleTreeModel::groupName(const Row *row) const
{
    return tr("%1–%2: %3 identical blocks")
        .arg(row->module->child(row->firstChild)->name(),
             row->module->child(row->firstChild + row->count - 1)->name())
        .arg(row->count);
}

QVariant ModuleTreeModel::data(const QModelIndex &index, int role) const
{
    const Row *row = rowAt(index);
    if (!row)
        return QVariant();
    // A group row speaks for its first block where one block stands for all (the type).
    const ModuleNode *node = row->isGroup ? row->module->child(row->firstChild) : row->module;
    const Counts counts = countsOf(row);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return row->isGroup ? groupName(row) : node->treeName();
        case TypeColumn:
            return node->shortTypeName();
        case ParametersColumn:
            return DisplayFormat::compactCount(counts.parameters);
        case TrainableColumn:
            return DisplayFormat::compactCount(counts.trainable);
        case FrozenColumn:
            return DisplayFormat::compactCount(counts.parameters - counts.trainable);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case ParametersColumn:
            return counts.parameters;
        case TrainableColumn:
            return counts.trainable;
        case FrozenColumn:
            return counts.parameters - counts.trainable;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (index.column() == TypeColumn && !node->typeName().isEmpty())
            return node->typeName();
        if (index.column() == NameColumn && row->isGroup)
            return tr("%1: %2 blocks with the same parameter names, shapes and dtypes")
                .arg(data(index, ModulePathRole).toString())
                .arg(row->count);
        if (index.column() == NameColumn)
            return node->displayTitle();
        if (index.column() == ParametersColumn)
            return countTooltip(counts.parameters, counts.parameterBytes);
        if (index.column() == TrainableColumn)
            return countTooltip(counts.trainable, counts.trainableBytes);
        if (index.column() == FrozenColumn)
            return countTooltip(counts.parameters - counts.trainable,
                                counts.parameterBytes - counts.trainableBytes);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= ParametersColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::CheckStateRole:
        if (index.column() == NameColumn && counts.parameters > 0) {
            if (counts.trainable == 0)
                return Qt::Unchecked;
            return counts.trainable == counts.parameters ? Qt::Checked : Qt::PartiallyChecked;
        }
        break;
    case ModulePathRole:
        if (row->isGroup) {
            const QString prefix =
                row->module->path().isEmpty() ? QString() : row->module->path() + QLatin1Char('.');
            return QString(prefix + row->module->child(row->firstChild)->name() + QStringLiteral("–") +
                           row->module->child(row->firstChild + row->count - 1)->name());
        }
        return node->path();
    case BlockCountRole:
        return row->isGroup ? row->count : 0;
    }
    return QVariant();
}

bool ModuleTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Row *row = rowAt(index);
    if (!row || role != Qt::CheckStateRole || index.column() != NameColumn ||
        !(flags(index) & Qt::ItemIsUserCheckable))
        return false;
    const bool train = value.value<Qt::CheckState>() != Qt::Unchecked;
    if (row->isGroup) {
        const QString what = data(index, ModulePathRole).toString();
        m_document->setRequiresGrad(
            m_document->parametersOfChildren(row->module, row->firstChild, row->firstChild + row->count - 1),
            train, train ? tr("Unfreeze %1").arg(what) : tr("Freeze %1").arg(what));
    } else {
        m_document->setModuleRequiresGrad(row->module, train);
    }
    return true;
}

Qt::ItemFlags ModuleTreeModel::flags(const QModelIndex &index) const
{
    const Row *row = rowAt(index);
    if (!row)
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == NameColumn && countsOf(row).parameters > 0)
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
    // Counts change on the owning modules' rows and all rows above them (groups included); repaint
    // exactly those.
    QSet<const Row *> touched;
    for (int index : tensorIndices) {
        for (const Row *row = m_rowOfModule.value(m_document->moduleOfTensor(index)); row;
             row = row->parent) {
            if (touched.contains(row))
                break;
            touched.insert(row);
        }
    }
    // One signal per run of sibling rows rather than one per module: freezing the root of a
    // 10,000-module model touches every row.
    QHash<const Row *, std::pair<int, int>> rowsByParent;
    for (const Row *row : std::as_const(touched)) {
        auto it = rowsByParent.find(row->parent);
        if (it == rowsByParent.end())
            rowsByParent.insert(row->parent, {row->row, row->row});
        else
            *it = {std::min(it->first, row->row), std::max(it->second, row->row)};
    }
    for (auto it = rowsByParent.cbegin(); it != rowsByParent.cend(); ++it) {
        const Row *parent = it.key();
        Row *first = parent ? parent->children[size_t(it->first)] : m_rows.front().get();
        Row *last = parent ? parent->children[size_t(it->second)] : m_rows.front().get();
        Q_EMIT dataChanged(createIndex(first->row, NameColumn, first),
                           createIndex(last->row, ColumnCount - 1, last),
                           {Qt::DisplayRole, Qt::CheckStateRole, SortRole});
    }
}

} // namespace torchscope
