#include "mainwindow.h"

#include "document/checkpointdocument.h"
#include "document/examplemodel.h"
#include "document/freezeplan.h"
#include "document/savejob.h"
#include "documentjobs.h"
#include "filedialog.h"
#include "formats/checkpointreader.h"
#include "freezemenus.h"
#include "freezepatterndialog.h"
#include "histogrampanel.h"
#include "mainactions.h"
#include "messagebox.h"
#include "modulepane.h"
#include "parameterpane.h"
#include "saveasdialog.h"

#include <QAction>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QSaveFile>
#include <QSplitter>
#include <QStatusBar>
#include <QUndoGroup>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

namespace torchscope {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_undoGroup(new QUndoGroup(this)), m_jobs(new DocumentJobs(this))
{
    setWindowIcon(QIcon(QStringLiteral(":/icons/torchscope.svg")));

    m_modulePane = new ModulePane(this);
    m_modulePane->setObjectName(QStringLiteral("modulePane"));
    m_parameterPane = new ParameterPane(this);
    m_parameterPane->setObjectName(QStringLiteral("parameterPane"));
    m_histogram = new HistogramPanel(this);
    m_histogram->setObjectName(QStringLiteral("histogramPanel"));
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #3b2f00; padding: 6px; "
                                           "border: 1px solid #e0c060; border-radius: 3px; }"));
    m_banner->hide();

    auto *tableAndPlot = new QSplitter(Qt::Vertical, this);
    tableAndPlot->addWidget(m_parameterPane);
    tableAndPlot->addWidget(m_histogram);
    tableAndPlot->setStretchFactor(0, 3);
    tableAndPlot->setStretchFactor(1, 2);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(tableAndPlot, 1);
    right->setMinimumWidth(520);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_modulePane);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({460, 740});
    setCentralWidget(splitter);

    m_totalsLabel = new QLabel(this);
    m_totalsLabel->setObjectName(QStringLiteral("totalsLabel"));
    statusBar()->addPermanentWidget(m_totalsLabel);

    m_historyView = new QUndoView(m_undoGroup, this);
    m_historyView->setObjectName(QStringLiteral("historyView"));
    m_historyView->setEmptyLabel(tr("<opened>"));
    m_historyDock = new QDockWidget(tr("History"), this);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setWidget(m_historyView);
    addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    m_historyDock->hide();

    m_actions = new MainActions(this, m_undoGroup, m_historyDock->toggleViewAction());
    connect(m_actions->open, &QAction::triggered, this, &MainWindow::open);
    connect(m_actions->saveAs, &QAction::triggered, this, &MainWindow::saveAs);
    connect(m_actions->exportFreezePlan, &QAction::triggered, this, &MainWindow::exportFreezePlan);
    connect(m_actions->quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions->freezeByPattern, &QAction::triggered, this, &MainWindow::freezeByPattern);
    connect(m_actions->copyFreezePlan, &QAction::triggered, this, &MainWindow::copyFreezePlanAsCode);
    connect(m_actions->openExample, &QAction::triggered, this, &MainWindow::openExampleModel);
    connect(m_actions->about, &QAction::triggered, this, &MainWindow::showAbout);

    connect(m_modulePane, &ModulePane::currentModuleChanged, this, &MainWindow::showModule);
    connect(m_modulePane, &ModulePane::contextMenuRequested, this, &MainWindow::showModuleMenu);
    connect(m_parameterPane, &ParameterPane::currentTensorChanged, this, &MainWindow::showTensor);
    connect(m_parameterPane, &ParameterPane::contextMenuRequested, this, &MainWindow::showTensorMenu);

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

    updateTitle();
    setAcceptDrops(true);
    resize(1200, 760);
}

MainWindow::~MainWindow()
{
    // Views must let go of the models before the document they adapt goes away.
    m_histogram->setDocument(nullptr);
    m_modulePane->setDocument(nullptr);
    m_parameterPane->setDocument(nullptr);
}

bool MainWindow::isBusy() const
{
    return m_jobs->isBusy();
}

void MainWindow::open()
{
    const QString path = FileDialog::getOpenFileName(
        this, tr("Open Checkpoint"), QString(),
        tr("PyTorch checkpoints (*.pt *.pth *.ckpt *.bin *.safetensors *.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
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

void MainWindow::takeDocument(std::shared_ptr<CheckpointDocument> document)
{
    m_histogram->setDocument(document.get());
    m_modulePane->setDocument(nullptr);
    m_parameterPane->setDocument(document.get());
    if (m_document)
        m_undoGroup->removeStack(m_document->undoStack());
    m_document = std::move(document);
    m_undoGroup->addStack(m_document->undoStack());
    m_undoGroup->setActiveStack(m_document->undoStack());
    connect(m_document->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_document.get(), &CheckpointDocument::requiresGradChanged, this, &MainWindow::updateTotals);
    m_actions->setDocumentOpen(true);
    updateBanner();
    // Last: selecting the root shows its table and histogram.
    m_modulePane->setDocument(m_document.get());
    updateTitle();
    updateTotals();
    Q_EMIT documentLoaded();
}

void MainWindow::setDocument(std::unique_ptr<CheckpointDocument> document)
{
    takeDocument(std::shared_ptr<CheckpointDocument>(std::move(document)));
}

void MainWindow::updateBanner()
{
    QStringList notes;
    if (!m_document->storesRequiresGrad())
        notes << tr(
            "This is a weights-only file: it stores no requires_grad flags. PyTorch makes every parameter "
            "trainable when it loads these weights into a freshly built model.");
    for (const QString &warning : m_document->warnings())
        notes << warning.toHtmlEscaped();
    m_banner->setText(notes.join(QStringLiteral("<br>")));
    m_banner->setVisible(!notes.isEmpty());
}

void MainWindow::showModule(const ModuleNode *module)
{
    if (!m_document || !module)
        return;
    m_parameterPane->showModule(module);
    const QVector<int> pooled = m_document->pooledTensors(module);
    if (!pooled.isEmpty())
        m_histogram->showTensors(pooled, tr("%1 (pooled)").arg(module->displayName()));
}

void MainWindow::showTensor(int tensorIndex)
{
    if (m_document)
        m_histogram->showTensors({tensorIndex}, m_document->tensor(tensorIndex).name);
}

void MainWindow::showModuleMenu(const ModuleNode *module, const QPoint &globalPosition)
{
    if (!m_document || !m_document->storesRequiresGrad())
        return;
    QMenu *menu = createModuleFreezeMenu(m_document.get(), module, this);
    menu->addSeparator();
    menu->addAction(m_actions->freezeByPattern);
    menu->exec(globalPosition);
    delete menu;
}

void MainWindow::showTensorMenu(const QVector<int> &tensors, const QPoint &globalPosition)
{
    if (!m_document || !m_document->storesRequiresGrad() || tensors.isEmpty())
        return;
    QMenu *menu = createTensorFreezeMenu(m_document.get(), tensors, this);
    menu->addSeparator();
    menu->addAction(m_actions->freezeByPattern);
    menu->exec(globalPosition);
    delete menu;
}

void MainWindow::freezeByPattern()
{
    if (!m_document)
        return;
    FreezePatternDialog dialog(m_document.get(), this);
    dialog.setObjectName(QStringLiteral("freezePatternDialog"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    const bool unfreeze = dialog.unfreeze();
    const QString text = unfreeze ? tr("Unfreeze \u201c%1\u201d").arg(dialog.pattern())
                                  : tr("Freeze \u201c%1\u201d").arg(dialog.pattern());
    m_document->setRequiresGrad(dialog.matchedParameters(), unfreeze, text);
}

void MainWindow::copyFreezePlanAsCode()
{
    if (!m_document)
        return;
    QGuiApplication::clipboard()->setText(FreezePlan::pythonSnippet(*m_document));
    statusBar()->showMessage(tr("Copied a PyTorch snippet that sets these requires_grad flags"), 5000);
}

void MainWindow::exportFreezePlan()
{
    if (!m_document)
        return;
    const QString suggested = m_document->filePath().isEmpty()
                                  ? QStringLiteral("model.freeze.json")
                                  : FreezePlan::pathBeside(m_document->filePath());
    const QString path =
        FileDialog::getSaveFileName(this, tr("Export Freeze Plan"), suggested, tr("Freeze plans (*.json)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    const QByteArray json = FreezePlan::toJson(*m_document);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        MessageBox::critical(this, tr("Cannot export"), tr("%1: %2").arg(path, file.errorString()));
        return;
    }
    statusBar()->showMessage(tr("Wrote %1").arg(path), 5000);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Torchscope"),
                       tr("<h3>Torchscope %1</h3><p>An explorer for PyTorch checkpoints: module tree, "
                          "parameters, requires_grad flags, weights-only and entire-model export.</p>"
                          "<p>Licensed under the GNU General Public License, version 3 or later. "
                          "Uses Qt, LibTorch and QCustomPlot.</p>")
                           .arg(QStringLiteral(TORCHSCOPE_VERSION)));
}

void MainWindow::updateTitle()
{
    QString name = tr("Torchscope");
    if (m_document) {
        const QString file = m_document->filePath().isEmpty() ? tr("Example model")
                                                              : QFileInfo(m_document->filePath()).fileName();
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
    const QLocale locale;
    const ParameterTotals totals = m_document->totals();
    m_totalsLabel->setText(
        tr("Total params: %1 (%2) · Trainable: %3 (%4) · Frozen: %5 (%6)")
            .arg(locale.toString(totals.parameters), locale.formattedDataSize(totals.parameterBytes),
                 locale.toString(totals.trainable), locale.formattedDataSize(totals.trainableBytes),
                 locale.toString(totals.frozen()), locale.formattedDataSize(totals.frozenBytes())));
}

void MainWindow::saveAs()
{
    if (!m_document || isBusy())
        return;
    const ModuleNode *module = m_modulePane->currentModule();
    SaveAsDialog dialog(m_document.get(), module ? module->path() : QString(), this);
    dialog.setObjectName(QStringLiteral("saveAsDialog"));
    if (m_closeAfterSave && m_document->canSaveEntireModel())
        dialog.setMode(SaveMode::EntireModel);
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
    // Only an entire-model save of the whole model keeps every edit; weights-only files drop the flags.
    m_saveKeepsEveryEdit =
        job->request().mode == SaveMode::EntireModel && job->request().modulePath.isEmpty();
    m_jobs->save(std::move(job));
}

void MainWindow::onSaved(bool ok, const QString &path, const QString &error)
{
    const bool closeNow = ok && m_closeAfterSave;
    m_closeAfterSave = false;
    if (ok && m_saveKeepsEveryEdit && m_document)
        m_document->undoStack()->setClean();
    if (ok) {
        const QString message = tr("Saved %1").arg(path);
        statusBar()->showMessage(message, 5000);
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
        return;
    }
    const auto answer = MessageBox::question(
        this, tr("Unsaved changes"),
        tr("The requires_grad flags were changed and not saved. Save them before closing?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Discard) {
        event->accept();
        return;
    }
    // Save runs in the background; the window closes itself when it succeeds.
    event->ignore();
    if (answer == QMessageBox::Save) {
        m_closeAfterSave = true;
        saveAs();
    }
}

} // namespace torchscope
