#include "parameterpane.h"

#include "document/checkpointdocument.h"
#include "document/namepattern.h"
#include "itemmodels/parametertablemodel.h"
#include "parametertableview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

#include <algorithm>

namespace torchscope {

ParameterPane::ParameterPane(QWidget *parent)
    : QWidget(parent), m_model(new ParameterTableModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ParameterTableModel::SortRole);
    m_proxy->setFilterRole(ParameterTableModel::FullNameRole);
    m_proxy->setFilterKeyColumn(ParameterTableModel::NameColumn);
    m_view = new ParameterTableView(this);
    m_view->setObjectName(QStringLiteral("parameterTable"));
    m_view->setModel(m_proxy);
    // state_dict order until the user sorts by a column: no sort pass over every row on opening.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    // One line per name, cut in the middle: wrapping would break dotted names at the dots and
    // show only their first part.
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->horizontalHeader()->setResizeContentsPrecision(1000);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(ParameterTableModel::NameColumn, QHeaderView::Stretch);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        if (m_view->indexAt(position).isValid())
            Q_EMIT contextMenuRequested(m_view->selectedTensors(), m_view->viewport()->mapToGlobal(position));
    });
    connect(m_view, &ParameterTableView::requiresGradToggled, this,
            [this](const QVector<int> &indices, bool value) {
                if (m_document)
                    m_document->setRequiresGrad(indices, value);
            });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    Q_EMIT currentTensorChanged(current.data(ParameterTableModel::TensorIndexRole).toInt());
            });

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("tableFilter"));
    m_filter->setPlaceholderText(tr("Filter parameters"));
    m_filter->setClearButtonEnabled(true);
    m_syntax = new QComboBox(this);
    m_syntax->setObjectName(QStringLiteral("tableFilterSyntax"));
    m_syntax->addItems({tr("Substring"), tr("Glob (whole name)"), tr("Regular expression (search)")});
    connect(m_filter, &QLineEdit::textChanged, this, &ParameterPane::applyFilter);
    connect(m_syntax, &QComboBox::currentIndexChanged, this, &ParameterPane::applyFilter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_syntax);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
}

void ParameterPane::setDocument(CheckpointDocument *document)
{
    m_document = document;
    m_model->setDocument(document);
    if (!document)
        return;
    // Every column but the name sized to its contents (the view samples at most 1,000 rows), within a
    // bound that long "tied to ..." kinds meet; a quantized dtype with its scale and zero point
    // ("qint32 (scale 0.001, zero point -7)") gets room to show whole. The name takes the rest and
    // elides in the middle, where dotted names differ least.
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('m'));
    for (int column = ParameterTableModel::NameColumn + 1; column < ParameterTableModel::ColumnCount;
         ++column) {
        m_view->resizeColumnToContents(column);
        const int bound = column == ParameterTableModel::DTypeColumn ? em * 24 : em * 14;
        m_view->setColumnWidth(column, std::min(m_view->columnWidth(column), bound));
    }
    m_view->horizontalHeader()->setSectionResizeMode(ParameterTableModel::NameColumn, QHeaderView::Stretch);
}

void ParameterPane::showModule(const ModuleNode *module)
{
    m_model->setModule(module);
}

void ParameterPane::selectTensor(int tensorIndex)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QModelIndex index = m_proxy->index(row, ParameterTableModel::NameColumn);
            if (index.data(ParameterTableModel::TensorIndexRole).toInt() == tensorIndex) {
                m_view->setCurrentIndex(index);
                m_view->scrollTo(index);
                return;
            }
        }
        if (m_filter->text().isEmpty())
            return;
        m_filter->clear();
    }
}

void ParameterPane::applyFilter()
{
    static const NamePattern::Syntax kSyntaxes[] = {NamePattern::Syntax::Substring, NamePattern::Syntax::Glob,
                                                    NamePattern::Syntax::RegularExpressionSearch};
    const QString text = m_filter->text();
    const NamePattern pattern(text, kSyntaxes[qBound(0, m_syntax->currentIndex(), 2)]);
    m_filter->setStyleSheet(pattern.isValid() ? QString() : QStringLiteral("QLineEdit { color: #c00000; }"));
    if (pattern.isValid())
        m_proxy->setFilterRegularExpression(text.isEmpty() ? QRegularExpression()
                                                           : pattern.regularExpression());
}

} // namespace torchscope
