#pragma once

#include "document/savejob.h"

#include <QMainWindow>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>

class QFileSystemWatcher;
class QStackedWidget;
class QLabel;
class QUndoGroup;

namespace torchscope {

class CheckpointDocument;
class CheckpointView;
class CompareWindow;
class ScanFolderWindow;
class DocumentJobs;
struct WeightsFile;
class FreezeController;
class MainActions;
class ReportWindow;
class WelcomePage;

// The main window: routes the actions to the view, the freeze controller and the background jobs
// that open and save documents, and keeps the title and totals current.
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
    // File > Scan Folder on `path`: a window listing its findings.
    ScanFolderWindow *scanFolder(const QString &path);
    void openExampleModel();
    // File > Close and File > Reload; both ask first about unsaved flags.
    void closeDocument();
    void reloadDocument();
    void open();
    void openFolder();
    // File > Save: writes the open file back in its own kind, or asks Save As where that would lose
    // something.
    void save();
    void saveAs();
    // Save As for the weights of a training checkpoint's model part.
    void extractModelWeights();
    void compareWith();
    // Opens a comparison of the open document (A, with its edited flags) with the file at `path` (B).
    CompareWindow *compareWithFile(const QString &path);
    // File > Load Weights Into Model: asks for a weights file, shows how it matches, applies it.
    void loadWeightsInto();
    void loadWeightsFromFile(const QString &path);
    // View > Model Report: the health of every tensor, kept while the document is open.
    ReportWindow *showModelReport();
    CheckpointView *checkpointView() const { return m_view; }

Q_SIGNALS:
    void documentLoaded();
    void loadFailed(const QString &reason);
    void saveFinished(bool ok, const QString &message);
    // Load Weights ended: the file read and the dialog closed (applied: an edit was made).
    void loadWeightsFinished(bool applied);
    // The open file was changed or replaced on disk by something else.
    void fileChangedOnDisk(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // Save As, or (for a training checkpoint's model or EMA part) Extract Model Weights.
    void showSaveDialog(SavePart part);
    // Closes the report and the comparisons of the document going away.
    void closeDocumentWindows();
    // Starts a prepared save; `replacesDocument`: the file written becomes the one open.
    void startSave(std::unique_ptr<SaveJob> job, bool replacesDocument);
    void connectActions();
    void takeDocument(std::shared_ptr<CheckpointDocument> document);
    void onSaved(bool ok, const QString &path, const QString &error);
    void showLoadWeights(const std::shared_ptr<WeightsFile> &weights);
    void showAbout();
    // False when the user keeps unsaved flags (cancel, or a save started instead).
    bool confirmDropEdits();
    void dropDocument();
    void rememberRecentFile(const QString &path);
    void updateRecentMenu();
    void watchFile(const QString &path);
    void saveWindowState() const;
    void updateTitle();
    void updateTotals();

    std::shared_ptr<CheckpointDocument> m_document;
    QUndoGroup *m_undoGroup;
    DocumentJobs *m_jobs;
    CheckpointView *m_view;
    FreezeController *m_freeze;
    QLabel *m_totalsLabel;
    MainActions *m_actions;
    QPointer<ReportWindow> m_report;
    // The comparisons of the open document: they close with it.
    QList<QPointer<CompareWindow>> m_compareWindows;
    QFileSystemWatcher *m_watcher;
    // The welcome page with no file open, the checkpoint view with one.
    QStackedWidget *m_pages;
    WelcomePage *m_welcome;
    // Closing with unsaved edits starts a save; the window closes when it succeeds.
    bool m_closeAfterSave = false;
    bool m_closeConfirmed = false;
    bool m_saveKeepsEveryEdit = false;
    QStringList m_saveNotes; // what the save in progress does that the user may not expect
};

} // namespace torchscope
