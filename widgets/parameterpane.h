#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;

namespace torchscope {

class CheckpointDocument;
class ModuleNode;
class ParameterTableModel;
class ParameterTableView;

// The selected module's tensors, with a filter box whose syntax is a substring, a glob over whole
// names, or a regular expression that searches within names (the combo box says which).
class ParameterPane : public QWidget
{
    Q_OBJECT
public:
    explicit ParameterPane(QWidget *parent = nullptr);

    void setDocument(CheckpointDocument *document);
    void showModule(const ModuleNode *module);
    ParameterTableView *view() const { return m_view; }
    // Makes a tensor of the shown module current (clearing a filter that hides it).
    void selectTensor(int tensorIndex);

Q_SIGNALS:
    void currentTensorChanged(int tensorIndex);
    void contextMenuRequested(const QVector<int> &tensors, const QPoint &globalPosition);

private:
    void applyFilter();

    CheckpointDocument *m_document = nullptr;
    ParameterTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    ParameterTableView *m_view;
    QLineEdit *m_filter;
    QComboBox *m_syntax;
};

} // namespace torchscope
