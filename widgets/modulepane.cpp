#include "modulepane.h"

#include "document/checkpointdocument.h"
#include "itemmodels/moduletreemodel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <vector>

namespace torchscope {

ModulePane::ModulePane(QWidget *parent)
    : QWidget(parent), m_model(new ModuleTreeModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setDynamicSortFilter(false); // paths never change: no re-filtering on every count update
    m_proxy->setFilterRole(ModuleTreeModel::ModulePathRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("moduleTree"));
    m_view->setModel(m_proxy);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setUniformRowHeights(true);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(false);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        if (const ModuleNode *module = moduleAt(m_view->indexAt(position)))
            Q_EMIT contextMenuRequested(module, m_view->viewport()->mapToGlobal(position));
    });
    // Deeper rows are indented further: widen the name column to what an expansion shows, up to a
    // limit, so short names are not cut to "l…s".
    connect(m_view, &QTreeView::expanded, this, [this] {
        const int before = m_view->columnWidth(ModuleTreeModel::NameColumn);
        m_view->resizeColumnToContents(ModuleTreeModel::NameColumn);
        const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('m'));
        m_view->setColumnWidth(
            ModuleTreeModel::NameColumn,
            std::max(before, std::min(m_view->columnWidth(ModuleTreeModel::NameColumn), em * 30)));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { Q_EMIT currentModuleChanged(moduleAt(current)); });

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("treeFilter"));
    m_filter->setPlaceholderText(tr("Filter modules"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        if (!text.isEmpty())
            m_view->expandAll();
    });

    m_fold = new QCheckBox(tr("Fold repeated blocks"), this);
    m_fold->setObjectName(QStringLiteral("foldBlocksCheck"));
    m_fold->setToolTip(tr("Show each run of identical sibling blocks (a transformer's layers) as one row"));
    connect(m_fold, &QCheckBox::toggled, this, [this](bool fold) {
        const ModuleNode *current = currentModule();
        // The rows the user opened stay open (those the fold keeps, or brings back), by module.
        QList<const ModuleNode *> expanded;
        std::vector<QModelIndex> pending{m_proxy->index(0, 0)};
        while (!pending.empty()) {
            const QModelIndex index = pending.back();
            pending.pop_back();
            if (!index.isValid() || !m_view->isExpanded(index))
                continue;
            if (const ModuleNode *module = m_model->moduleAt(m_proxy->mapToSource(index)))
                expanded.append(module);
            for (int row = 0; row < m_proxy->rowCount(index); ++row)
                pending.push_back(m_proxy->index(row, 0, index));
        }
        m_model->setFoldRepeatedBlocks(fold);
        m_view->expand(m_proxy->index(0, 0));
        for (const ModuleNode *module : std::as_const(expanded)) {
            const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(module));
            if (index.isValid())
                m_view->expand(index);
        }
        if (current) {
            const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(current));
            m_view->scrollTo(index);
            m_view->setCurrentIndex(index);
        }
    });

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_fold);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
}

void ModulePane::setDocument(CheckpointDocument *document)
{
    m_document = document;
    m_model->setDocument(document);
    if (!document)
        return;
    const QModelIndex rootIndex = m_proxy->index(0, 0);
    m_view->expand(rootIndex);
    m_view->setCurrentIndex(rootIndex);
    // Sized to what is shown on opening: the root and its children (a tree view measures only the
    // expanded rows, so a 60,000-module model costs no more than a small one).
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('m'));
    for (int column = 0; column < ModuleTreeModel::ColumnCount; ++column) {
        m_view->resizeColumnToContents(column);
        m_view->setColumnWidth(column, std::min(m_view->columnWidth(column), em * 24));
    }
}

ModuleNode *ModulePane::moduleAt(const QModelIndex &proxyIndex) const
{
    return m_model->moduleAt(m_proxy->mapToSource(proxyIndex));
}

ModuleNode *ModulePane::currentModule() const
{
    return moduleAt(m_view->currentIndex());
}

QModelIndex ModulePane::indexOf(const QString &path) const
{
    if (!m_document)
        return QModelIndex();
    return m_proxy->mapFromSource(m_model->indexOf(m_document->findModule(path)));
}

} // namespace torchscope
