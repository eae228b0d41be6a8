#pragma once

#include "document/savejob.h"

#include <QMainWindow>

#include <atomic>
#include <functional>
#include <memory>

class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QSortFilterProxyModel;
class QTableView;
class QTreeView;
class QUndoView;

namespace torchscope {

class CheckpointDocument;
struct CheckpointContent;
class HistogramPanel;
class ModuleNode;
class ModuleTreeModel;
class ParameterTableModel;
class ParameterTableView;

// The main window: module tree on the left, the selected module's tensors on the right. Opening
// and saving run off the UI thread behind a cancelable progress dialog.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    CheckpointDocument *document() const { return m_document.get(); }
    QTreeView *moduleTreeView() const { return m_treeView; }
    ParameterTableView *parameterTableView() const;
    QSortFilterProxyModel *moduleTreeProxy() const { return m_treeProxy; }
    // The tree view's index of the module at `path`.
    QModelIndex treeIndexOf(const QString &path) const;
    ModuleTreeModel *moduleTreeModel() const { return m_treeModel; }
    ParameterTableModel *parameterTableModel() const { return m_tableModel; }
    HistogramPanel *histogramPanel() const { return m_histogram; }
    bool isBusy() const { return m_busy; }

    // Shows a document built elsewhere (benchmarks, tests); opening files goes through openFile().
    void setDocument(std::unique_ptr<CheckpointDocument> document);

public Q_SLOTS:
    void openFile(const QString &path);
    void openExampleModel();
    void open();
    void saveAs();
    void freezeByPattern();
    void copyFreezePlanAsCode();
    void exportFreezePlan();

Q_SIGNALS:
    void documentLoaded();
    void loadFailed(const QString &reason);
    void saveFinished(bool ok, const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    using LoadFunction = std::function<bool(CheckpointContent *, QString *, const Progress &)>;
    void createActions();
    void startLoad(const QString &label, LoadFunction load);
    // Runs the save in the background; `done` gets whether it succeeded.
    void startSave(std::unique_ptr<SaveJob> job, std::function<void(bool)> done = {});
    bool saveBeforeClosing();
    void beginBusy(const QString &label, std::shared_ptr<std::atomic_bool> canceled);
    void endBusy();
    void updateTitle();
    void updateTotals();
    void showModule(const ModuleNode *module);
    void showTensorHistogram(const QModelIndex &proxyIndex);
    void showTreeContextMenu(const QPoint &position);
    void showTableContextMenu(const QPoint &position);
    void applyTableFilter();
    ModuleNode *moduleAtTreeIndex(const QModelIndex &proxyIndex) const;
    QString selectedModulePath() const;

    std::unique_ptr<CheckpointDocument> m_document;
    ModuleTreeModel *m_treeModel;
    ParameterTableModel *m_tableModel;
    QSortFilterProxyModel *m_tableProxy;
    QSortFilterProxyModel *m_treeProxy;
    QTreeView *m_treeView;
    ParameterTableView *m_tableView;
    QLineEdit *m_treeFilter;
    QLineEdit *m_tableFilter;
    QComboBox *m_tableFilterSyntax;
    QUndoView *m_historyView;
    QDockWidget *m_historyDock;
    QLabel *m_banner;
    HistogramPanel *m_histogram;
    QLabel *m_totalsLabel;
    QProgressDialog *m_progress = nullptr;
    QAction *m_saveAsAction = nullptr;
    QList<QAction *> m_documentActions;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    bool m_busy = false;
};

} // namespace torchscope
