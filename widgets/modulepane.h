#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace torchscope {

class CheckpointDocument;
class ModuleNode;
class ModuleTreeModel;

// The module tree with its filter box and the fold-repeated-blocks switch. Filtering keeps the
// ancestors of every match, so a match is always reachable.
class ModulePane : public QWidget
{
    Q_OBJECT
public:
    explicit ModulePane(QWidget *parent = nullptr);

    void setDocument(CheckpointDocument *document);
    QTreeView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    ModuleNode *moduleAt(const QModelIndex &proxyIndex) const;
    ModuleNode *currentModule() const;
    // The view's index of the module at `path`, invalid when it is filtered out.
    QModelIndex indexOf(const QString &path) const;

Q_SIGNALS:
    void currentModuleChanged(const ModuleNode *module);
    void contextMenuRequested(const ModuleNode *module, const QPoint &globalPosition);

private:
    CheckpointDocument *m_document = nullptr;
    ModuleTreeModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_view;
    QLineEdit *m_filter;
    QCheckBox *m_fold;
};

} // namespace torchscope
