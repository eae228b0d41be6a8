#pragma once

#include <QMainWindow>

#include <memory>

class QDockWidget;
class QLabel;
class QUndoGroup;
class QUndoView;

namespace torchscope {

class CheckpointDocument;
class DocumentJobs;
class HistogramPanel;
class MainActions;
class ModuleNode;
class ModulePane;
class ParameterPane;

// The main window: module tree on the left, the selected module's tensors and their histogram on
// the right. It arranges the panes and routes actions; opening and saving run as background jobs.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    CheckpointDocument *document() const { return m_document.get(); }
    bool isBusy() const;

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
    void takeDocument(std::shared_ptr<CheckpointDocument> document);
    void onSaved(bool ok, const QString &path, const QString &error);
    void showAbout();
    void updateTitle();
    void updateTotals();
    void updateBanner();
    void showModule(const ModuleNode *module);
    void showTensor(int tensorIndex);
    void showModuleMenu(const ModuleNode *module, const QPoint &globalPosition);
    void showTensorMenu(const QVector<int> &tensors, const QPoint &globalPosition);

    std::shared_ptr<CheckpointDocument> m_document;
    QUndoGroup *m_undoGroup;
    DocumentJobs *m_jobs;
    ModulePane *m_modulePane;
    ParameterPane *m_parameterPane;
    HistogramPanel *m_histogram;
    QUndoView *m_historyView;
    QDockWidget *m_historyDock;
    QLabel *m_banner;
    QLabel *m_totalsLabel;
    MainActions *m_actions;
    // Set while an entire-model save requested by closing runs; the window closes when it succeeds.
    bool m_closeAfterSave = false;
    bool m_closeConfirmed = false;
    bool m_saveKeepsEveryEdit = false;
};

} // namespace torchscope
