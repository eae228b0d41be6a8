#pragma once

#include <QTableView>

namespace torchscope {

// The parameter table. Space toggles requires_grad of every selected row, and a click on the
// checkbox of a row in a multi-row selection toggles the whole selection, as file managers do.
class ParameterTableView : public QTableView
{
    Q_OBJECT
public:
    explicit ParameterTableView(QWidget *parent = nullptr);

    // Tensor indices of the selected rows (the current row if nothing is selected).
    QVector<int> selectedTensors() const;
    QRect checkRect(const QModelIndex &index) const;

Q_SIGNALS:
    void requiresGradToggled(const QVector<int> &tensorIndices, bool value);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    bool isSelectionCheckbox(const QPoint &position) const;
    void toggleSelection(const QModelIndex &pivot);
    bool m_swallowRelease = false;
};

} // namespace torchscope
