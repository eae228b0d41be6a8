#include "mainwindow.h"

#include "document/checkpointdocument.h"
#include "formats/checkpointreader.h"
#include "document/examplemodel.h"
#include "filedialog.h"
#include "freezepatterndialog.h"
#include "document/freezeplan.h"
#include "document/namepattern.h"
#include "parametertableview.h"
#include "histogrampanel.h"
#include "messagebox.h"
#include "itemmodels/moduletreemodel.h"
#include "itemmodels/parametertablemodel.h"
#include "saveasdialog.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUndoView>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QProgressDialog>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QThread>
#include <QtConcurrent>

namespace torchscope {

namespace {
struct LoadResult
{
    bool ok = false;
    std::unique_ptr<CheckpointDocument> document;
    QString error;
};
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent),
      m_treeModel(new ModuleTreeModel(this)),
      m_tableModel(new ParameterTableModel(this)),
      m_tableProxy(new QSortFilterProxyModel(this)),
      m_treeProxy(new QSortFilterProxyModel(this))
{
    setWindowIcon(QIcon(QStringLiteral(":/icons/torchscope.svg")));

    // Filtering keeps the ancestors of every match, so a match is always reachable in the tree.
    m_treeProxy->setSourceModel(m_treeModel);
    m_treeProxy->setRecursiveFilteringEnabled(true);
    m_treeProxy->setDynamicSortFilter(false); // paths never change: no re-filtering on every count update
    m_treeProxy->setFilterRole(ModuleTreeModel::ModulePathRole);
    m_treeProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_treeView = new QTreeView(this);
    m_treeView->setObjectName(QStringLiteral("moduleTree"));
    m_treeView->setModel(m_treeProxy);
    m_treeView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_treeView, &QWidget::customContextMenuRequested, this, &MainWindow::showTreeContextMenu);
    m_treeView->setUniformRowHeights(true);
    m_treeView->setAlternatingRowColors(true);
    m_treeView->header()->setStretchLastSection(false);

    m_tableProxy->setSourceModel(m_tableModel);
    m_tableProxy->setSortRole(ParameterTableModel::SortRole);
    m_tableProxy->setFilterRole(ParameterTableModel::FullNameRole);
    m_tableProxy->setFilterKeyColumn(ParameterTableModel::NameColumn);
    m_tableView = new ParameterTableView(this);
    m_tableView->setObjectName(QStringLiteral("parameterTable"));
    m_tableView->setModel(m_tableProxy);
    // state_dict order until the user sorts by a column: no sort pass over every row on opening.
    m_tableView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_tableView->setSortingEnabled(true);
    m_tableView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tableView, &QWidget::customContextMenuRequested, this, &MainWindow::showTableContextMenu);
    connect(m_tableView, &ParameterTableView::requiresGradToggled, this, [this](const QVector<int> &indices, bool value) {
        if (m_document)
            m_document->setRequiresGrad(indices, value);
    });

    m_treeFilter = new QLineEdit(this);
    m_treeFilter->setObjectName(QStringLiteral("treeFilter"));
    m_treeFilter->setPlaceholderText(tr("Filter modules"));
    m_treeFilter->setClearButtonEnabled(true);
    connect(m_treeFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_treeProxy->setFilterFixedString(text);
        if (!text.isEmpty())
            m_treeView->expandAll();
    });
    m_tableFilter = new QLineEdit(this);
    m_tableFilter->setObjectName(QStringLiteral("tableFilter"));
    m_tableFilter->setPlaceholderText(tr("Filter parameters"));
    m_tableFilter->setClearButtonEnabled(true);
    m_tableFilterSyntax = new QComboBox(this);
    m_tableFilterSyntax->setObjectName(QStringLiteral("tableFilterSyntax"));
    m_tableFilterSyntax->addItems({tr("Substring"), tr("Glob"), tr("Regular expression")});
    connect(m_tableFilter, &QLineEdit::textChanged, this, &MainWindow::applyTableFilter);
    connect(m_tableFilterSyntax, &QComboBox::currentIndexChanged, this, &MainWindow::applyTableFilter);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setAlternatingRowColors(true);
    m_tableView->verticalHeader()->hide();
    m_tableView->verticalHeader()->setDefaultSectionSize(m_tableView->fontMetrics().height() + 8);
    m_tableView->horizontalHeader()->setSectionResizeMode(ParameterTableModel::NameColumn, QHeaderView::Stretch);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #3b2f00; padding: 6px; "
                                           "border: 1px solid #e0c060; border-radius: 3px; }"));
    m_banner->hide();

    m_histogram = new HistogramPanel(this);
    m_histogram->setObjectName(QStringLiteral("histogramPanel"));
    auto *tablePane = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_tableFilter, 1);
    filterRow->addWidget(m_tableFilterSyntax);
    tableLayout->addLayout(filterRow);
    tableLayout->addWidget(m_tableView, 1);
    auto *tableAndPlot = new QSplitter(Qt::Vertical, this);
    tableAndPlot->addWidget(tablePane);
    tableAndPlot->addWidget(m_histogram);
    tableAndPlot->setStretchFactor(0, 3);
    tableAndPlot->setStretchFactor(1, 2);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(tableAndPlot, 1);

    auto *treePane = new QWidget(this);
    auto *treeLayout = new QVBoxLayout(treePane);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->addWidget(m_treeFilter);
    treeLayout->addWidget(m_treeView, 1);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(treePane);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({460, 740});
    right->setMinimumWidth(520);
    setCentralWidget(splitter);

    m_totalsLabel = new QLabel(this);
    m_totalsLabel->setObjectName(QStringLiteral("totalsLabel"));
    statusBar()->addPermanentWidget(m_totalsLabel);

    connect(m_treeView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showModule(moduleAtTreeIndex(current)); });
    connect(m_tableView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::showTensorHistogram);

    m_historyView = new QUndoView(this);
    m_historyView->setObjectName(QStringLiteral("historyView"));
    m_historyView->setEmptyLabel(tr("<opened>"));
    m_historyDock = new QDockWidget(tr("History"), this);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setWidget(m_historyView);
    addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    m_historyDock->hide();

    createActions();
    updateTitle();
    setAcceptDrops(true);
    resize(1200, 760);
}

MainWindow::~MainWindow()
{
    // Views must let go of the models before the document they adapt goes away.
    m_historyView->setStack(nullptr);
    m_histogram->setDocument(nullptr);
    m_treeModel->setDocument(nullptr);
    m_tableModel->setDocument(nullptr);
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *openAction = fileMenu->addAction(tr("&Open…"), this, &MainWindow::open);
    openAction->setShortcut(QKeySequence::Open);
    m_saveAsAction = fileMenu->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    m_saveAsAction->setObjectName(QStringLiteral("saveAsAction"));
    m_saveAsAction->setEnabled(false);
    QAction *exportPlanAction = fileMenu->addAction(tr("Export Freeze &Plan…"), this, &MainWindow::exportFreezePlan);
    exportPlanAction->setObjectName(QStringLiteral("exportFreezePlanAction"));
    m_documentActions << exportPlanAction;
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = editMenu->addAction(tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setEnabled(false);
    m_redoAction = editMenu->addAction(tr("&Redo"));
    // Ctrl+Shift+Z everywhere, plus whatever the platform calls Redo (Ctrl+Y on some).
    QList<QKeySequence> redoKeys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)};
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Redo)) {
        if (!redoKeys.contains(key))
            redoKeys << key;
    }
    m_redoAction->setShortcuts(redoKeys);
    m_redoAction->setEnabled(false);
    connect(m_undoAction, &QAction::triggered, this, [this] {
        if (m_document)
            m_document->undoStack()->undo();
    });
    connect(m_redoAction, &QAction::triggered, this, [this] {
        if (m_document)
            m_document->undoStack()->redo();
    });
    editMenu->addSeparator();
    QAction *patternAction = editMenu->addAction(tr("Freeze by &Pattern…"), this, &MainWindow::freezeByPattern);
    patternAction->setObjectName(QStringLiteral("freezeByPatternAction"));
    patternAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    QAction *copyCodeAction = editMenu->addAction(tr("&Copy Freeze Plan as PyTorch Code"), this, &MainWindow::copyFreezePlanAsCode);
    copyCodeAction->setObjectName(QStringLiteral("copyFreezePlanAction"));
    m_documentActions << patternAction << copyCodeAction;
    for (QAction *action : std::as_const(m_documentActions))
        action->setEnabled(false);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *historyAction = m_historyDock->toggleViewAction();
    historyAction->setText(tr("Edit &History"));
    viewMenu->addAction(historyAction);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *exampleAction = helpMenu->addAction(tr("Open &example model"), this, &MainWindow::openExampleModel);
    exampleAction->setObjectName(QStringLiteral("openExampleAction"));
    helpMenu->addAction(tr("&About Torchscope"), this, [this] {
        QMessageBox::about(this, tr("About Torchscope"),
                           tr("<h3>Torchscope %1</h3><p>An explorer for PyTorch checkpoints: module tree, "
                              "parameters, requires_grad flags, weights-only and entire-model export.</p>"
                              "<p>Licensed under the GNU General Public License, version 3 or later. "
                              "Uses Qt, LibTorch and QCustomPlot.</p>")
                               .arg(QStringLiteral(TORCHSCOPE_VERSION)));
    });
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
    startLoad(tr("Opening %1…").arg(QFileInfo(path).fileName()),
              [path](CheckpointContent *content, QString *error, const Progress &progress) {
                  return readCheckpoint(path, progress, content, error);
              });
}

void MainWindow::openExampleModel()
{
    startLoad(tr("Building the example model…"), [](CheckpointContent *content, QString *error, const Progress &) {
        return readExampleModel(content, error);
    });
}

void MainWindow::beginBusy(const QString &label, std::shared_ptr<std::atomic_bool> canceled)
{
    m_busy = true;
    m_saveAsAction->setEnabled(false);
    m_progress = new QProgressDialog(label, tr("Cancel"), 0, 0, this);
    m_progress->setObjectName(QStringLiteral("progressDialog"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, [canceled] { *canceled = true; });
    statusBar()->showMessage(label);
}

void MainWindow::endBusy()
{
    m_busy = false;
    m_saveAsAction->setEnabled(m_document != nullptr);
    if (m_progress) {
        m_progress->hide();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    statusBar()->clearMessage();
}

void MainWindow::startLoad(const QString &label, LoadFunction load)
{
    if (m_busy)
        return;
    auto canceled = std::make_shared<std::atomic_bool>(false);
    beginBusy(label, canceled);
    auto *watcher = new QFutureWatcher<std::shared_ptr<LoadResult>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, canceled] {
        watcher->deleteLater();
        std::shared_ptr<LoadResult> result = watcher->result();
        endBusy();
        if (*canceled) {
            statusBar()->showMessage(tr("Opening canceled"), 5000);
            return;
        }
        if (!result->ok) {
            MessageBox::critical(this, tr("Cannot open"), result->error);
            Q_EMIT loadFailed(result->error);
            return;
        }
        setDocument(std::move(result->document));
        Q_EMIT documentLoaded();
    });
    Progress progress;
    progress.canceled = [canceled] { return canceled->load(); };
    QThread *uiThread = thread();
    watcher->setFuture(QtConcurrent::run([load, progress, uiThread] {
        auto result = std::make_shared<LoadResult>();
        CheckpointContent content;
        result->ok = load(&content, &result->error, progress);
        if (result->ok) {
            // Indexing 100,000 tensors takes a while too: build the document here, then hand it over.
            result->document = std::make_unique<CheckpointDocument>(std::move(content));
            result->document->moveToThread(uiThread);
        }
        return result;
    }));
}

void MainWindow::setDocument(std::unique_ptr<CheckpointDocument> document)
{
    m_treeModel->setDocument(document.get());
    m_tableModel->setDocument(document.get());
    m_histogram->setDocument(document.get());
    m_document = std::move(document);
    m_saveAsAction->setEnabled(true);
    for (QAction *action : std::as_const(m_documentActions))
        action->setEnabled(true);
    m_historyView->setStack(m_document->undoStack());

    QUndoStack *stack = m_document->undoStack();
    connect(stack, &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(stack, &QUndoStack::canUndoChanged, m_undoAction, &QAction::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, m_redoAction, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, this, [this](const QString &text) {
        m_undoAction->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(text));
    });
    connect(stack, &QUndoStack::redoTextChanged, this, [this](const QString &text) {
        m_redoAction->setText(text.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(text));
    });
    m_undoAction->setEnabled(false);
    m_redoAction->setEnabled(false);
    connect(m_document.get(), &CheckpointDocument::requiresGradChanged, this, &MainWindow::updateTotals);

    QStringList notes;
    if (!m_document->storesRequiresGrad())
        notes << tr("This is a weights-only file: it stores no requires_grad flags. PyTorch makes every parameter "
                    "trainable when it loads these weights into a freshly built model.");
    for (const QString &warning : m_document->warnings())
        notes << warning.toHtmlEscaped();
    m_banner->setText(notes.join(QStringLiteral("<br>")));
    m_banner->setVisible(!notes.isEmpty());

    const QModelIndex rootIndex = m_treeProxy->index(0, 0);
    m_treeView->expand(rootIndex);
    m_treeView->setCurrentIndex(rootIndex);
    // Fixed widths: measuring contents would visit every row of a 10,000-module tree.
    const int digits = m_treeView->fontMetrics().horizontalAdvance(QStringLiteral("000,000,000,0"));
    m_treeView->setColumnWidth(ModuleTreeModel::NameColumn, m_treeView->fontMetrics().horizontalAdvance(QLatin1Char('m')) * 16);
    m_treeView->setColumnWidth(ModuleTreeModel::TypeColumn, m_treeView->fontMetrics().horizontalAdvance(QLatin1Char('m')) * 9);
    for (int column = ModuleTreeModel::ParametersColumn; column < ModuleTreeModel::ColumnCount; ++column)
        m_treeView->setColumnWidth(column, digits);
    const int em = m_tableView->fontMetrics().horizontalAdvance(QLatin1Char('m'));
    m_tableView->setColumnWidth(ParameterTableModel::KindColumn, em * 7);
    m_tableView->setColumnWidth(ParameterTableModel::ShapeColumn, em * 9);
    m_tableView->setColumnWidth(ParameterTableModel::DTypeColumn, em * 6);
    m_tableView->setColumnWidth(ParameterTableModel::NumelColumn, em * 7);
    m_tableView->setColumnWidth(ParameterTableModel::BytesColumn, em * 6);
    m_tableView->setColumnWidth(ParameterTableModel::RequiresGradColumn, em * 8);
    m_tableView->horizontalHeader()->setSectionResizeMode(ParameterTableModel::NameColumn, QHeaderView::Stretch);
    updateTitle();
    updateTotals();
}

void MainWindow::showModule(const ModuleNode *module)
{
    if (!m_document || !module)
        return;
    m_tableModel->setModule(module);
    const QVector<int> pooled = m_document->pooledTensors(module);
    const QString name = module->path().isEmpty() ? tr("whole model") : module->path();
    if (!pooled.isEmpty())
        m_histogram->showTensors(pooled, tr("%1 (pooled)").arg(name));
}

void MainWindow::showTensorHistogram(const QModelIndex &proxyIndex)
{
    if (!m_document || !proxyIndex.isValid())
        return;
    const int tensor = proxyIndex.data(ParameterTableModel::TensorIndexRole).toInt();
    m_histogram->showTensors({tensor}, m_document->tensor(tensor).name);
}

QString MainWindow::selectedModulePath() const
{
    const ModuleNode *module = moduleAtTreeIndex(m_treeView->currentIndex());
    return module ? module->path() : QString();
}

ParameterTableView *MainWindow::parameterTableView() const
{
    return m_tableView;
}

ModuleNode *MainWindow::moduleAtTreeIndex(const QModelIndex &proxyIndex) const
{
    return m_treeModel->moduleAt(m_treeProxy->mapToSource(proxyIndex));
}

QModelIndex MainWindow::treeIndexOf(const QString &path) const
{
    if (!m_document)
        return QModelIndex();
    return m_treeProxy->mapFromSource(m_treeModel->indexOf(m_document->findModule(path)));
}

void MainWindow::applyTableFilter()
{
    const QString text = m_tableFilter->text();
    QRegularExpression expression;
    switch (m_tableFilterSyntax->currentIndex()) {
    case 0:
        expression = QRegularExpression(QRegularExpression::escape(text), QRegularExpression::CaseInsensitiveOption);
        break;
    case 1: // a glob names whole parameters, as in Freeze by Pattern
        expression = QRegularExpression(QRegularExpression::anchoredPattern(NamePattern::globToRegularExpression(text)));
        break;
    default:
        expression = QRegularExpression(text);
        break;
    }
    if (text.isEmpty())
        expression = QRegularExpression();
    m_tableFilter->setStyleSheet(expression.isValid() ? QString() : QStringLiteral("QLineEdit { color: #c00000; }"));
    if (expression.isValid())
        m_tableProxy->setFilterRegularExpression(expression);
}

void MainWindow::showTreeContextMenu(const QPoint &position)
{
    const ModuleNode *module = moduleAtTreeIndex(m_treeView->indexAt(position));
    if (!m_document || !module || !m_document->storesRequiresGrad())
        return;
    const QString name = module->path().isEmpty() ? tr("the whole model") : module->path();
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("treeContextMenu"));
    menu.addAction(tr("Freeze %1").arg(name), this, [this, module] { m_document->setModuleRequiresGrad(module, false); });
    menu.addAction(tr("Unfreeze %1").arg(name), this, [this, module] { m_document->setModuleRequiresGrad(module, true); });
    menu.addAction(tr("Freeze All Except %1").arg(name), this, [this, module] { m_document->freezeAllExcept(module); });
    const QString type = module->shortTypeName();
    if (!type.isEmpty()) {
        menu.addSeparator();
        menu.addAction(tr("Freeze Every %1").arg(type), this, [this, type] {
            m_document->setRequiresGrad(m_document->parametersOfType(type), false, tr("Freeze every %1").arg(type));
        });
        menu.addAction(tr("Unfreeze Every %1").arg(type), this, [this, type] {
            m_document->setRequiresGrad(m_document->parametersOfType(type), true, tr("Unfreeze every %1").arg(type));
        });
    }
    menu.addSeparator();
    menu.addAction(tr("Freeze by Pattern…"), this, &MainWindow::freezeByPattern);
    menu.exec(m_treeView->viewport()->mapToGlobal(position));
}

void MainWindow::showTableContextMenu(const QPoint &position)
{
    if (!m_document || !m_document->storesRequiresGrad() || !m_tableView->indexAt(position).isValid())
        return;
    const QVector<int> selected = m_tableView->selectedTensors();
    const QString what = selected.size() == 1 ? m_document->tensor(selected.first()).name
                                              : tr("%n Selected", nullptr, int(selected.size()));
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("tableContextMenu"));
    menu.addAction(tr("Freeze %1").arg(what), this, [this, selected] { m_document->setRequiresGrad(selected, false); });
    menu.addAction(tr("Unfreeze %1").arg(what), this, [this, selected] { m_document->setRequiresGrad(selected, true); });
    menu.addAction(tr("Freeze All Except %1").arg(what), this,
                   [this, selected, what] { m_document->freezeAllExcept(selected, what); });
    menu.addSeparator();
    menu.addAction(tr("Freeze by Pattern…"), this, &MainWindow::freezeByPattern);
    menu.exec(m_tableView->viewport()->mapToGlobal(position));
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
    const QString text = unfreeze ? tr("Unfreeze \u201c%1\u201d").arg(dialog.pattern()) : tr("Freeze \u201c%1\u201d").arg(dialog.pattern());
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
    const QString suggested = m_document->filePath().isEmpty() ? QStringLiteral("model.freeze.json")
                                                               : FreezePlan::pathBeside(m_document->filePath());
    const QString path = FileDialog::getSaveFileName(this, tr("Export Freeze Plan"), suggested, tr("Freeze plans (*.json)"));
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
    m_totalsLabel->setText(tr("Total params: %1 (%2) · Trainable: %3 (%4) · Frozen: %5 (%6)")
                               .arg(locale.toString(totals.parameters), locale.formattedDataSize(totals.parameterBytes),
                                    locale.toString(totals.trainable), locale.formattedDataSize(totals.trainableBytes),
                                    locale.toString(totals.frozen()), locale.formattedDataSize(totals.frozenBytes())));
}

void MainWindow::saveAs()
{
    if (!m_document || m_busy)
        return;
    SaveAsDialog dialog(m_document.get(), selectedModulePath(), this);
    dialog.setObjectName(QStringLiteral("saveAsDialog"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    std::unique_ptr<SaveJob> job = SaveJob::prepare(*m_document, dialog.request(), &error);
    if (!job) {
        MessageBox::critical(this, tr("Cannot save"), error);
        Q_EMIT saveFinished(false, error);
        return;
    }
    startSave(std::move(job));
}

void MainWindow::startSave(std::unique_ptr<SaveJob> job, std::function<void(bool)> done)
{
    auto canceled = std::make_shared<std::atomic_bool>(false);
    const SaveRequest request = job->request();
    beginBusy(tr("Saving %1…").arg(QFileInfo(request.path).fileName()), canceled);
    QPointer<QProgressDialog> progressDialog = m_progress;
    Progress progress;
    progress.canceled = [canceled] { return canceled->load(); };
    progress.report = [progressDialog](qint64 doneBytes, qint64 total) {
        const int permille = total > 0 ? int(doneBytes * 1000 / total) : 0;
        QMetaObject::invokeMethod(qApp, [progressDialog, permille] {
            if (progressDialog) {
                progressDialog->setMaximum(1000);
                progressDialog->setValue(permille);
            }
        });
    };
    struct SaveResult
    {
        bool ok = false;
        QString error;
    };
    std::shared_ptr<SaveJob> sharedJob(std::move(job));
    auto *watcher = new QFutureWatcher<SaveResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, request, done] {
        watcher->deleteLater();
        const SaveResult result = watcher->result();
        endBusy();
        if (result.ok) {
            // Only an entire-model save of the whole model keeps every edit; weights-only files drop the flags.
            if (request.mode == SaveMode::EntireModel && request.modulePath.isEmpty() && m_document)
                m_document->undoStack()->setClean();
            const QString message = tr("Saved %1").arg(request.path);
            statusBar()->showMessage(message, 5000);
            Q_EMIT saveFinished(true, message);
        } else {
            MessageBox::critical(this, tr("Cannot save"), result.error);
            Q_EMIT saveFinished(false, result.error);
        }
        if (done)
            done(result.ok);
    });
    watcher->setFuture(QtConcurrent::run([sharedJob, progress] {
        SaveResult result;
        result.ok = sharedJob->run(progress, &result.error);
        return result;
    }));
}

bool MainWindow::saveBeforeClosing()
{
    SaveAsDialog dialog(m_document.get(), QString(), this);
    dialog.setObjectName(QStringLiteral("saveAsDialog"));
    if (m_document->canSaveEntireModel())
        dialog.setMode(SaveMode::EntireModel);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    QString error;
    std::unique_ptr<SaveJob> job = SaveJob::prepare(*m_document, dialog.request(), &error);
    if (!job) {
        MessageBox::critical(this, tr("Cannot save"), error);
        return false;
    }
    QEventLoop loop;
    bool saved = false;
    startSave(std::move(job), [&](bool ok) {
        saved = ok;
        loop.quit();
    });
    loop.exec();
    return saved;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!m_busy && urls.size() == 1 && urls.first().isLocalFile())
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
    if (m_busy) {
        event->ignore();
        return;
    }
    if (m_document && !m_document->undoStack()->isClean()) {
        const auto answer = MessageBox::question(
            this, tr("Unsaved changes"),
            tr("The requires_grad flags were changed and not saved. Save them before closing?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !saveBeforeClosing())) {
            event->ignore();
            return;
        }
    }
    event->accept();
}

} // namespace torchscope
