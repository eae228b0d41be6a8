#include "mainwindow.h"

#include "checkpointview.h"
#include "comparewindow.h"
#include "document/checkpointdocument.h"
#include "document/documentcomparison.h"
#include "document/examplemodel.h"
#include "document/freezeplan.h"
#include "document/loadweights.h"
#include "document/savejob.h"
#include "documentjobs.h"
#include "filedialog.h"
#include "formats/checkpointreader.h"
#include "freezecontroller.h"
#include "itemmodels/displayformat.h"
#include "loadweightsdialog.h"
#include "mainactions.h"
#include "messagebox.h"
#include "plot/qcustomplotinclude.h"
#include "quickstartdialog.h"
#include "reportwindow.h"
#include "saveasdialog.h"
#include "scanfolderwindow.h"
#include "shortcutsdialog.h"
#include "torchbridge/torchbridge.h"
#include "welcomepage.h"
#include "windowsize.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoGroup>
#include <QUndoStack>
#include <QUndoView>

#include <memory>
#include <utility>

namespace torchscope {

namespace {
constexpr int kRecentFiles = 10;
const QString kRecentKey = QStringLiteral("recentFiles");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_undoGroup(new QUndoGroup(this)), m_jobs(new DocumentJobs(this)),
      m_view(new CheckpointView(this)), m_freeze(new FreezeController(this))
{
    setWindowIcon(QIcon(QStringLiteral(":/icons/torchscope.svg")));
    m_pages = new QStackedWidget(this);
    m_welcome = new WelcomePage(m_pages);
    m_pages->addWidget(m_welcome);
    m_pages->addWidget(m_view);
    setCentralWidget(m_pages);
    m_totalsLabel = new QLabel(this);
    m_totalsLabel->setObjectName(QStringLiteral("totalsLabel"));
    statusBar()->addPermanentWidget(m_totalsLabel);

    auto *historyView = new QUndoView(m_undoGroup, this);
    historyView->setObjectName(QStringLiteral("historyView"));
    historyView->setEmptyLabel(tr("<opened>"));
    auto *historyDock = new QDockWidget(tr("History"), this);
    historyDock->setObjectName(QStringLiteral("historyDock"));
    historyDock->setWidget(historyView);
    addDockWidget(Qt::RightDockWidgetArea, historyDock);
    historyDock->hide();

    m_actions = new MainActions(this, m_undoGroup, historyDock->toggleViewAction());
    m_watcher = new QFileSystemWatcher(this);
    connectActions();
    updateTitle();
    updateRecentMenu();
    setAcceptDrops(true);
    resizeWithinScreen(this, QSize(1200, 760));
    // Where the window was, its docks and toolbar, as the last session left them.
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_view->restoreLayout();
}

MainWindow::~MainWindow()
{
    m_view->setDocument(nullptr);
}

void MainWindow::connectActions()
{
    connect(m_actions->open, &QAction::triggered, this, &MainWindow::open);
    connect(m_actions->openFolder, &QAction::triggered, this, &MainWindow::openFolder);
    connect(m_actions->scanFolder, &QAction::triggered, this, [this] {
        const QString path = FileDialog::getExistingDirectory(this, tr("Scan Folder"), QString());
        if (!path.isEmpty())
            scanFolder(path);
    });
    connect(m_actions->save, &QAction::triggered, this, &MainWindow::save);
    connect(m_actions->saveAs, &QAction::triggered, this, &MainWindow::saveAs);
    connect(m_actions->extractWeights, &QAction::triggered, this, &MainWindow::extractModelWeights);
    connect(m_actions->compareWith, &QAction::triggered, this, &MainWindow::compareWith);
    connect(m_actions->exportFreezePlan, &QAction::triggered, m_freeze, &FreezeController::exportFreezePlan);
    connect(m_actions->quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions->freezeByPattern, &QAction::triggered, m_freeze, &FreezeController::freezeByPattern);
    connect(m_actions->freezeBlocks, &QAction::triggered, this,
            [this] { m_freeze->freezeBlocks(m_view->currentModule()); });
    connect(m_actions->copyFreezePlan, &QAction::triggered, m_freeze,
            &FreezeController::copyFreezePlanAsCode);
    connect(m_actions->openExample, &QAction::triggered, this, &MainWindow::openExampleModel);
    connect(m_actions->about, &QAction::triggered, this, &MainWindow::showAbout);
    // Help's pages stay open beside the window, each gone when closed.
    const auto showHelp = [](QDialog *dialog, const QString &name) {
        dialog->setObjectName(name);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    };
    connect(m_actions->quickStart, &QAction::triggered, this, [this, showHelp] {
        showHelp(new QuickStartDialog(m_actions, this), QStringLiteral("quickStartDialog"));
    });
    connect(m_actions->shortcuts, &QAction::triggered, this, [this, showHelp] {
        showHelp(new ShortcutsDialog(menuBar(), this), QStringLiteral("shortcutsDialog"));
    });
    connect(m_actions->modelReport, &QAction::triggered, this, &MainWindow::showModelReport);
    connect(m_actions->loadWeights, &QAction::triggered, this, &MainWindow::loadWeightsInto);
    connect(m_actions->reload, &QAction::triggered, this, &MainWindow::reloadDocument);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::open);
    connect(m_welcome, &WelcomePage::openFolderRequested, this, &MainWindow::openFolder);
    connect(m_welcome, &WelcomePage::exampleRequested, this, &MainWindow::openExampleModel);
    connect(m_welcome, &WelcomePage::recentFileActivated, this, &MainWindow::openFile);
    connect(m_actions->closeFile, &QAction::triggered, this, &MainWindow::closeDocument);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
        // Editors and torch.save replace a file by renaming over it: watch the new one too.
        if (QFileInfo::exists(path) && !m_watcher->files().contains(path))
            m_watcher->addPath(path);
        statusBar()->showMessage(
            tr("%1 changed on disk; File > Reload reads it again").arg(QFileInfo(path).fileName()));
        Q_EMIT fileChangedOnDisk(path);
    });
    m_freeze->setMenuTail({m_actions->freezeByPattern});
    connect(m_freeze, &FreezeController::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    connect(m_view, &CheckpointView::moduleMenuRequested, m_freeze, &FreezeController::showModuleMenu);
    connect(m_view, &CheckpointView::tensorMenuRequested, m_freeze, &FreezeController::showTensorMenu);

    connect(m_jobs, &DocumentJobs::busyChanged, m_actions, &MainActions::setBusy);
    connect(m_jobs, &DocumentJobs::busyChanged, this, [this](bool busy) {
        if (!busy)
            statusBar()->clearMessage();
    });
    connect(m_jobs, &DocumentJobs::opened, this, &MainWindow::takeDocument);
    connect(m_jobs, &DocumentJobs::openCanceled, this,
            [this] { statusBar()->showMessage(tr("Opening canceled"), 5000); });
    connect(m_jobs, &DocumentJobs::openFailed, this, [this](const QString &reason) {
        MessageBox::critical(this, tr("Cannot open"), reason);
        Q_EMIT loadFailed(reason);
    });
    connect(m_jobs, &DocumentJobs::saved, this, &MainWindow::onSaved);
    connect(m_jobs, &DocumentJobs::weightsRead, this, &MainWindow::showLoadWeights);
    connect(m_jobs, &DocumentJobs::weightsReadFailed, this, [this](const QString &reason) {
        MessageBox::critical(this, tr("Cannot load weights"), reason);
        Q_EMIT loadWeightsFinished(false);
    });
}

bool MainWindow::isBusy() const
{
    return m_jobs->isBusy();
}

void MainWindow::open()
{
    const QString path =
        FileDialog::getOpenFileName(this, tr("Open Checkpoint"), QString(), FileDialog::checkpointFilter());
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::openFolder()
{
    const QString path = FileDialog::getExistingDirectory(this, tr("Open Model Folder"), QString());
    if (!path.isEmpty())
        openFile(path);
}

ScanFolderWindow *MainWindow::scanFolder(const QString &path)
{
    auto *window = new ScanFolderWindow(path, this);
    window->setWindowFlag(Qt::Window);
    connect(window, &ScanFolderWindow::openRequested, this, &MainWindow::openFile);
    window->show();
    return window;
}

void MainWindow::compareWith()
{
    if (!m_document)
        return;
    const QString path =
        FileDialog::getOpenFileName(this, tr("Compare With"), QString(), FileDialog::checkpointFilter());
    if (!path.isEmpty())
        compareWithFile(path);
}

CompareWindow *MainWindow::compareWithFile(const QString &path)
{
    if (!m_document)
        return nullptr;
    auto *window = new CompareWindow(std::make_shared<const DiffSide>(diffSideOf(*m_document)), path, this);
    window->setWindowFlag(Qt::Window);
    m_compareWindows.removeAll(nullptr);
    m_compareWindows << window;
    window->show();
    window->start();
    return window;
}

void MainWindow::openFile(const QString &path)
{
    const QString label = tr("Opening %1…").arg(QFileInfo(path).fileName());
    statusBar()->showMessage(label);
    m_jobs->open(label, [path](const Progress &progress, CheckpointContent *content, QString *error) {
        return readCheckpoint(path, progress, content, error);
    });
}

void MainWindow::openExampleModel()
{
    const QString label = tr("Opening the example model…");
    statusBar()->showMessage(label);
    m_jobs->open(label, [](const Progress &, CheckpointContent *content, QString *error) {
        return readExampleModel(content, error);
    });
}

void MainWindow::closeDocumentWindows()
{
    // They report on the document going away: the report reads its tensors, a comparison compares it.
    delete m_report;
    for (const QPointer<CompareWindow> &window : std::as_const(m_compareWindows)) {
        if (window)
            window->close();
    }
    m_compareWindows.clear();
}

void MainWindow::takeDocument(std::shared_ptr<CheckpointDocument> document)
{
    if (m_document)
        m_undoGroup->removeStack(m_document->undoStack());
    m_view->setDocument(nullptr);
    closeDocumentWindows();
    m_freeze->setDocument(document.get());
    m_document = std::move(document);
    m_undoGroup->addStack(m_document->undoStack());
    m_undoGroup->setActiveStack(m_document->undoStack());
    connect(m_document->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_document.get(), &CheckpointDocument::requiresGradChanged, this, &MainWindow::updateTotals);
    m_actions->setDocumentOpen(true);
    m_actions->setHasModelPart(m_document->parts().kind == CheckpointKind::Training &&
                               !m_document->parts().modelIsWholeFile());
    m_view->setDocument(m_document.get());
    m_pages->setCurrentWidget(m_view);
    updateTitle();
    updateTotals();
    if (!m_document->openedPath().isEmpty())
        rememberRecentFile(m_document->openedPath());
    watchFile(m_document->filePath());
    Q_EMIT documentLoaded();
}

void MainWindow::watchFile(const QString &path)
{
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!path.isEmpty() && QFileInfo(path).isFile())
        m_watcher->addPath(path);
}

void MainWindow::rememberRecentFile(const QString &path)
{
    QSettings settings;
    QStringList files = settings.value(kRecentKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    settings.setValue(kRecentKey, files.mid(0, kRecentFiles));
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    QMenu *menu = m_actions->recentMenu;
    menu->clear();
    const QStringList files = QSettings().value(kRecentKey).toStringList();
    for (int i = 0; i < files.size(); ++i) {
        const QString &path = files.at(i);
        // &1..&9 and &0 as mnemonics; the full path in the tooltip.
        QAction *action =
            menu->addAction(QStringLiteral("&%1 %2")
                                .arg((i + 1) % 10)
                                .arg(QFileInfo(path).fileName().replace(u'&', QLatin1String("&&"))));
        action->setToolTip(path);
        action->setData(path);
        action->setEnabled(QFileInfo::exists(path));
        connect(action, &QAction::triggered, this, [this, path] {
            if (confirmDropEdits())
                openFile(path);
        });
    }
    menu->addSeparator();
    QAction *clear = menu->addAction(tr("&Clear Recent Files"));
    clear->setObjectName(QStringLiteral("clearRecentAction"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        QSettings().remove(kRecentKey);
        updateRecentMenu();
    });
    menu->setEnabled(true);
    m_welcome->setRecentFiles(files);
}

bool MainWindow::confirmDropEdits()
{
    if (!m_document || m_document->undoStack()->isClean())
        return true;
    const auto answer =
        MessageBox::question(this, tr("Unsaved changes"),
                             tr("The requires_grad flags were changed and not saved. Discard the changes?"),
                             QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Discard;
}

void MainWindow::dropDocument()
{
    if (!m_document)
        return;
    m_undoGroup->removeStack(m_document->undoStack());
    m_view->setDocument(nullptr);
    closeDocumentWindows();
    m_freeze->setDocument(nullptr);
    m_document.reset();
    watchFile(QString());
    m_actions->setDocumentOpen(false);
    m_actions->setHasModelPart(false);
    m_pages->setCurrentWidget(m_welcome);
    updateTitle();
    updateTotals();
}

void MainWindow::closeDocument()
{
    if (isBusy() || !confirmDropEdits())
        return;
    dropDocument();
    statusBar()->clearMessage();
}

void MainWindow::reloadDocument()
{
    if (isBusy() || !m_document || !confirmDropEdits())
        return;
    const QString path = m_document->openedPath(); // a folder reads its config.json again too
    if (path.isEmpty())
        openExampleModel();
    else
        openFile(path);
}

void MainWindow::loadWeightsInto()
{
    if (!m_document)
        return;
    const QString path = FileDialog::getOpenFileName(this, tr("Load Weights Into Model"),
                                                     QFileInfo(m_document->filePath()).absolutePath(),
                                                     FileDialog::checkpointFilter());
    if (!path.isEmpty())
        loadWeightsFromFile(path);
}

void MainWindow::loadWeightsFromFile(const QString &path)
{
    if (m_document)
        m_jobs->readWeights(path, m_document->tensors());
}

void MainWindow::showLoadWeights(const std::shared_ptr<WeightsFile> &weights)
{
    if (!m_document) { // closed while the file was read
        Q_EMIT loadWeightsFinished(false);
        return;
    }
    const QString path = weights->path;
    auto *dialog = new LoadWeightsDialog(m_document.get(), std::move(*weights), this);
    dialog->setObjectName(QStringLiteral("loadWeightsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The dialog is window-modal and goes with the document it was made for.
    connect(this, &MainWindow::documentLoaded, dialog, &QDialog::reject);
    connect(dialog, &QDialog::finished, this, [this, dialog, path](int result) {
        QString error;
        const bool apply = result == QDialog::Accepted && m_document;
        if (apply && !loadWeights(m_document.get(), dialog->match(), dialog->strict(), path, &error)) {
            MessageBox::critical(this, tr("Cannot load weights"), error);
            Q_EMIT loadWeightsFinished(false);
            return;
        }
        if (apply) {
            delete m_report; // its numbers were the old values'
            statusBar()->showMessage(
                tr("Loaded %n tensors from %1", nullptr, int(dialog->match().applied.size()))
                    .arg(QFileInfo(path).fileName()),
                5000);
        }
        Q_EMIT loadWeightsFinished(apply);
    });
    dialog->open();
}

ReportWindow *MainWindow::showModelReport()
{
    if (!m_document)
        return nullptr;
    if (!m_report) {
        m_report = new ReportWindow(m_document.get(), this);
        connect(m_report, &ReportWindow::tensorActivated, m_view, &CheckpointView::selectTensor);
    }
    m_report->show();
    m_report->raise();
    m_report->activateWindow();
    return m_report;
}

void MainWindow::setDocument(std::unique_ptr<CheckpointDocument> document)
{
    takeDocument(std::shared_ptr<CheckpointDocument>(std::move(document)));
}

void MainWindow::showAbout()
{
    QString libTorch = tr("not loaded yet (it loads for the first TorchScript save)");
    if (isTorchBridgeLoaded()) {
        QString ignored;
        if (TorchBridge *bridge = torchBridge(&ignored))
            libTorch = bridge->libTorchVersion();
    }
    auto *box =
        new QMessageBox(QMessageBox::NoIcon, tr("About Torchscope"),
                        tr("<h3>Torchscope %1</h3><p>An explorer for PyTorch checkpoints: module tree, "
                           "parameters, requires_grad flags, weights-only and entire-model export.</p>"
                           "<p>Qt %2 · QCustomPlot %3 · LibTorch %4</p>"
                           "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                            .arg(QStringLiteral(TORCHSCOPE_VERSION), QString::fromLatin1(qVersion()),
                                 QStringLiteral(QCUSTOMPLOT_VERSION_STR), libTorch),
                        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setIconPixmap(windowIcon().pixmap(64, 64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::updateTitle()
{
    QString name = tr("Torchscope");
    if (m_document) {
        // A folder by its name (not model.safetensors.index.json's), a file by its own.
        const QString file = m_document->openedPath().isEmpty()
                                 ? tr("Example model")
                                 : QFileInfo(m_document->openedPath()).fileName();
        name = QStringLiteral("%1[*] — %2").arg(file, tr("Torchscope"));
    }
    setWindowTitle(name);
    setWindowModified(m_document && !m_document->undoStack()->isClean());
}

void MainWindow::updateTotals()
{
    if (!m_document) {
        m_totalsLabel->clear();
        return;
    }
    const ParameterTotals totals = m_document->totals();
    m_totalsLabel->setText(
        tr("Total params: %1 (%2) · Trainable: %3 (%4) · Frozen: %5 (%6)")
            .arg(DisplayFormat::count(totals.parameters), DisplayFormat::bytes(totals.parameterBytes),
                 DisplayFormat::count(totals.trainable), DisplayFormat::bytes(totals.trainableBytes),
                 DisplayFormat::count(totals.frozen()), DisplayFormat::bytes(totals.frozenBytes())) +
        (m_document->freezingIsPlan() && totals.parameters > 0 ? tr(" · a plan, not in the file")
                                                               : QString()));
}

void MainWindow::extractModelWeights()
{
    showSaveDialog(SavePart::Model);
}

void MainWindow::saveAs()
{
    showSaveDialog(SavePart::Module);
}

void MainWindow::showSaveDialog(SavePart part)
{
    if (!m_document || isBusy())
        return;
    SaveAsDialog dialog(m_document.get(), this);
    dialog.setObjectName(QStringLiteral("saveAsDialog"));
    if (part != SavePart::Module) {
        dialog.setWindowTitle(tr("Extract Model Weights"));
        dialog.setMode(SaveMode::WeightsOnly);
        dialog.setPart(part);
        const QFileInfo source(m_document->filePath());
        dialog.setFilePath(
            QFileInfo(m_document->filePath()).isDir()
                ? QDir(m_document->filePath()).filePath(QStringLiteral("model-weights.safetensors"))
                : source.dir().filePath(source.completeBaseName() + QStringLiteral("-weights.pt")));
    }
    QString error;
    std::unique_ptr<SaveJob> job;
    if (dialog.exec() == QDialog::Accepted)
        job = SaveJob::prepare(*m_document, dialog.request(), &error);
    if (!job) {
        m_closeAfterSave = false;
        if (!error.isEmpty()) {
            MessageBox::critical(this, tr("Cannot save"), error);
            Q_EMIT saveFinished(false, error);
        }
        return;
    }
    startSave(std::move(job), saveReplacesDocument(*m_document, dialog.request()));
}

void MainWindow::save()
{
    if (!m_document || isBusy())
        return;
    SaveRequest request;
    QString whyNot, error;
    if (!saveInPlaceRequest(*m_document, &request, &whyNot)) {
        statusBar()->showMessage(tr("Save As: %1").arg(whyNot), 10000);
        saveAs();
        return;
    }
    // The one thing a save in place cannot keep, asked before anything is written.
    if (request.writeFreezePlan &&
        MessageBox::question(
            this, tr("Save"),
            tr("%1 is a weights-only file: it cannot keep requires_grad flags. Save writes the weights back "
               "and the freeze plan beside them as %2.")
                .arg(QFileInfo(request.path).fileName(),
                     QFileInfo(FreezePlan::pathBeside(request.path)).fileName()),
            QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Save) != QMessageBox::Save) {
        m_closeAfterSave = false;
        return;
    }
    std::unique_ptr<SaveJob> job = SaveJob::prepare(*m_document, request, &error);
    if (!job) {
        m_closeAfterSave = false;
        MessageBox::critical(this, tr("Cannot save"), error);
        Q_EMIT saveFinished(false, error);
        return;
    }
    startSave(std::move(job), true);
}

void MainWindow::startSave(std::unique_ptr<SaveJob> job, bool replacesDocument)
{
    // Only a save of the document as it is keeps every edit (weights-only files drop the flags, a
    // submodule the rest); that file is then the one open, and the window says so.
    m_saveKeepsEveryEdit = replacesDocument;
    m_saveNotes = job->notes();
    // Our own rename over the open file is no change on disk to warn about.
    if (QFileInfo(job->request().path).absoluteFilePath() ==
        QFileInfo(m_document->filePath()).absoluteFilePath())
        watchFile(QString());
    m_jobs->save(std::move(job));
}

void MainWindow::onSaved(bool ok, const QString &path, const QString &error)
{
    const bool closeNow = ok && m_closeAfterSave;
    m_closeAfterSave = false;
    if (ok && m_saveKeepsEveryEdit && m_document) {
        m_document->setFilePath(QFileInfo(path).absoluteFilePath());
        m_document->undoStack()->setClean();
        rememberRecentFile(m_document->openedPath());
        updateTitle();
    }
    if (m_document)
        watchFile(m_document->filePath());
    if (ok) {
        const QString message = (QStringList{tr("Saved %1.").arg(path)} + m_saveNotes).join(u' ');
        statusBar()->showMessage(message, m_saveNotes.isEmpty() ? 5000 : 20000);
        Q_EMIT saveFinished(true, message);
    } else {
        const QString reason = error.isEmpty() ? tr("%1: save canceled").arg(path) : error;
        MessageBox::critical(this, tr("Cannot save"), reason);
        Q_EMIT saveFinished(false, reason);
    }
    if (closeNow) {
        m_closeConfirmed = true;
        close();
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!isBusy() && urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    openFile(urls.first().toLocalFile());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isBusy() || m_closeConfirmed || !m_document || m_document->undoStack()->isClean()) {
        isBusy() ? event->ignore() : event->accept();
        if (event->isAccepted())
            saveWindowState();
        return;
    }
    const auto answer = MessageBox::question(
        this, tr("Unsaved changes"),
        tr("The requires_grad flags were changed and not saved. Save them before closing?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Discard) {
        saveWindowState();
        event->accept();
        return;
    }
    // Save runs in the background; the window closes itself when it succeeds.
    event->ignore();
    if (answer == QMessageBox::Save) {
        m_closeAfterSave = true;
        save();
    }
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_view->saveLayout();
}

} // namespace torchscope
