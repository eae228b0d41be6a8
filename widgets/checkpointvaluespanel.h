#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace torchscope {

class CheckpointDocument;
class CheckpointValuesModel;

// A checkpoint's values besides tensors (epoch, loss, config, hyper_parameters, optimizer settings) as
// a tree of name, type and value, with a filter.
class CheckpointValuesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CheckpointValuesPanel(QWidget *parent = nullptr);

    void setDocument(const CheckpointDocument *document);
    QTreeView *view() const { return m_view; }
    CheckpointValuesModel *model() const { return m_model; }

private:
    QLineEdit *m_filter;
    QTreeView *m_view;
    CheckpointValuesModel *m_model;
    QSortFilterProxyModel *m_proxy;
};

} // namespace torchscope
