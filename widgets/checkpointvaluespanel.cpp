#include "checkpointvaluespanel.h"

#include "document/checkpointdocument.h"
#include "itemmodels/checkpointvaluesmodel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace torchscope {

CheckpointValuesPanel::CheckpointValuesPanel(QWidget *parent) : QWidget(parent)
{
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("checkpointValuesFilter"));
    m_filter->setPlaceholderText(tr("Filter by name (epoch, lr, config.…)"));
    m_filter->setClearButtonEnabled(true);
    m_model = new CheckpointValuesModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterRole(CheckpointValuesModel::PathRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("checkpointValuesView"));
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setSectionResizeMode(CheckpointValuesModel::NameColumn, QHeaderView::Interactive);
    m_view->header()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        if (!text.isEmpty())
            m_view->expandAll();
    });
}

void CheckpointValuesPanel::setDocument(const CheckpointDocument *document)
{
    m_model->setValues(document ? document->values() : QVector<CheckpointValue>());
    // The top level open: epoch, loss and the names of the containers at a glance.
    m_view->expandToDepth(0);
    m_view->resizeColumnToContents(CheckpointValuesModel::NameColumn);
    m_view->resizeColumnToContents(CheckpointValuesModel::TypeColumn);
}

} // namespace torchscope
