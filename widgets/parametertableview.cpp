#include "parametertableview.h"

#include "document/checkpointdocument.h"
#include "itemmodels/parametertablemodel.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QStyleOptionViewItem>

namespace torchscope {

ParameterTableView::ParameterTableView(QWidget *parent) : QTableView(parent) {}

QVector<int> ParameterTableView::selectedTensors() const
{
    QVector<int> indices;
    if (!selectionModel())
        return indices;
    const QModelIndexList rows = selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        indices << row.data(ParameterTableModel::TensorIndexRole).toInt();
    if (indices.isEmpty() && currentIndex().isValid())
        indices << currentIndex().data(ParameterTableModel::TensorIndexRole).toInt();
    return indices;
}

QRect ParameterTableView::checkRect(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    option.features |= QStyleOptionViewItem::HasCheckIndicator;
    return style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, this);
}

bool ParameterTableView::isSelectionCheckbox(const QPoint &position) const
{
    const QModelIndex index = indexAt(position);
    if (!index.isValid() || index.column() != ParameterTableModel::RequiresGradColumn || !selectionModel())
        return false;
    if (selectionModel()->selectedRows().size() < 2 ||
        !selectionModel()->isRowSelected(index.row(), index.parent()))
        return false;
    return index.data(Qt::CheckStateRole).isValid() && checkRect(index).contains(position);
}

void ParameterTableView::toggleSelection(const QModelIndex &pivot)
{
    const QModelIndex box = pivot.sibling(pivot.row(), ParameterTableModel::RequiresGradColumn);
    const QVariant state = box.data(Qt::CheckStateRole);
    if (!state.isValid())
        return;
    Q_EMIT requiresGradToggled(selectedTensors(), state.value<Qt::CheckState>() != Qt::Checked);
}

void ParameterTableView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::NoModifier && currentIndex().isValid()) {
        toggleSelection(currentIndex());
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void ParameterTableView::mousePressEvent(QMouseEvent *event)
{
    // Keep a multi-row selection when its checkboxes are clicked; the release toggles them all.
    m_swallowRelease = event->button() == Qt::LeftButton && isSelectionCheckbox(event->position().toPoint());
    if (m_swallowRelease) {
        event->accept();
        return;
    }
    QTableView::mousePressEvent(event);
}

void ParameterTableView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_swallowRelease) {
        m_swallowRelease = false;
        if (isSelectionCheckbox(event->position().toPoint()))
            toggleSelection(indexAt(event->position().toPoint()));
        event->accept();
        return;
    }
    QTableView::mouseReleaseEvent(event);
}

} // namespace torchscope
