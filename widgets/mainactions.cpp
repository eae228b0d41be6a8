#include "mainactions.h"

#include "actiontext.h"

#include <QAction>
#include <QIcon>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QUndoGroup>

namespace torchscope {

namespace {
// The desktop theme's icon where it has one, ours (shipped in the resources) where it has none, so the
// toolbar never shows bare words on a desktop without an icon theme.
QIcon themedIcon(const QString &name)
{
    return QIcon::fromTheme(name, QIcon(QStringLiteral(":/icons/actions/%1.svg").arg(name)));
}
} // namespace

MainActions::MainActions(QMainWindow *window, QUndoGroup *undoGroup, QAction *historyToggle) : QObject(window)
{
    QMenu *fileMenu = window->menuBar()->addMenu(tr("&File"));
    open = fileMenu->addAction(tr("&Open…"));
    open->setObjectName(QStringLiteral("openAction"));
    open->setShortcut(QKeySequence::Open);
    open->setIcon(themedIcon(QStringLiteral("document-open")));
    recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    recentMenu->setObjectName(QStringLiteral("recentMenu"));
    openFolder = fileMenu->addAction(tr("Open &Folder…"));
    openFolder->setObjectName(QStringLiteral("openFolderAction"));
    openFolder->setToolTip(tr("Open a Hugging Face model folder: its checkpoint, with config.json"));
    scanFolder = fileMenu->addAction(tr("Sca&n Folder…"));
    scanFolder->setObjectName(QStringLiteral("scanFolderAction"));
    scanFolder->setToolTip(tr("List what every file under a folder would run on torch.load, and how sound "
                              "its containers are"));
    compareWith = fileMenu->addAction(tr("&Compare With…"));
    compareWith->setObjectName(QStringLiteral("compareWithAction"));
    compareWith->setToolTip(tr("Compare the open checkpoint with another, tensor by tensor"));
    loadWeights = fileMenu->addAction(tr("&Load Weights Into Model…"));
    loadWeights->setObjectName(QStringLiteral("loadWeightsAction"));
    loadWeights->setToolTip(
        tr("Put the values of a weights-only file into the open model, as load_state_dict does"));
    save = fileMenu->addAction(tr("&Save"));
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    save->setObjectName(QStringLiteral("saveAction"));
    save->setIcon(themedIcon(QStringLiteral("document-save")));
    save->setStatusTip(tr("Write the changes back to the open file, in its own kind"));
    saveAs = fileMenu->addAction(tr("Save &As…"));
    // Ctrl+Shift+S everywhere, whatever the platform's theme binds (offscreen and some desktops bind none).
    QList<QKeySequence> saveAsKeys = QKeySequence::keyBindings(QKeySequence::SaveAs);
    if (!saveAsKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)))
        saveAsKeys.prepend(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    saveAs->setShortcuts(saveAsKeys);
    saveAs->setObjectName(QStringLiteral("saveAsAction"));
    saveAs->setIcon(themedIcon(QStringLiteral("document-save-as")));
    extractWeights = fileMenu->addAction(tr("E&xtract Model Weights…"));
    extractWeights->setObjectName(QStringLiteral("extractWeightsAction"));
    extractWeights->setStatusTip(
        tr("Save the weights of a training checkpoint's model (or its EMA copy) without "
           "the optimizer and the other training state"));
    exportFreezePlan = fileMenu->addAction(tr("Export Freeze &Plan…"));
    exportFreezePlan->setObjectName(QStringLiteral("exportFreezePlanAction"));
    fileMenu->addSeparator();
    reload = fileMenu->addAction(tr("Re&load"));
    reload->setObjectName(QStringLiteral("reloadAction"));
    reload->setShortcut(QKeySequence::Refresh);
    reload->setIcon(themedIcon(QStringLiteral("view-refresh")));
    reload->setToolTip(tr("Read the open file again from disk"));
    closeFile = fileMenu->addAction(tr("&Close"));
    closeFile->setObjectName(QStringLiteral("closeAction"));
    closeFile->setShortcut(QKeySequence::Close);
    fileMenu->addSeparator();
    quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu *editMenu = window->menuBar()->addMenu(tr("&Edit"));
    undo = undoGroup->createUndoAction(this);
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(themedIcon(QStringLiteral("edit-undo")));
    // The toolbar's buttons keep their width: "Undo" and "Redo" there, the command's name in the menu.
    undo->setIconText(tr("Undo"));
    redo = undoGroup->createRedoAction(this);
    redo->setObjectName(QStringLiteral("redoAction"));
    // Ctrl+Shift+Z everywhere, plus whatever the platform calls Redo (Ctrl+Y on some).
    QList<QKeySequence> redoKeys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)};
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Redo)) {
        if (!redoKeys.contains(key))
            redoKeys << key;
    }
    redo->setShortcuts(redoKeys);
    redo->setIcon(themedIcon(QStringLiteral("edit-redo")));
    redo->setIconText(tr("Redo"));
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    freezeByPattern = editMenu->addAction(tr("Freeze by &Pattern…"));
    freezeByPattern->setObjectName(QStringLiteral("freezeByPatternAction"));
    freezeByPattern->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    freezeByPattern->setIcon(themedIcon(QStringLiteral("object-locked")));
    compareWith->setIcon(themedIcon(QStringLiteral("edit-find")));
    freezeBlocks = editMenu->addAction(tr("Freeze &Blocks…"));
    freezeBlocks->setObjectName(QStringLiteral("freezeBlocksAction"));
    copyFreezePlan = editMenu->addAction(tr("&Copy Freeze Plan as PyTorch Code"));
    copyFreezePlan->setObjectName(QStringLiteral("copyFreezePlanAction"));

    QMenu *viewMenu = window->menuBar()->addMenu(tr("&View"));
    historyToggle->setText(tr("Edit &History"));
    viewMenu->addAction(historyToggle);
    modelReport = viewMenu->addAction(tr("Model &Report"));
    modelReport->setObjectName(QStringLiteral("modelReportAction"));
    modelReport->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    modelReport->setToolTip(tr("Statistics and warning flags for every tensor of the model"));

    QMenu *helpMenu = window->menuBar()->addMenu(tr("&Help"));
    quickStart = helpMenu->addAction(tr("&Quick Start"));
    quickStart->setObjectName(QStringLiteral("quickStartAction"));
    quickStart->setShortcut(QKeySequence::HelpContents);
    openExample = helpMenu->addAction(tr("Open &Example Model"));
    openExample->setObjectName(QStringLiteral("openExampleAction"));
    shortcuts = helpMenu->addAction(tr("&Keyboard Shortcuts"));
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    about = helpMenu->addAction(tr("&About Torchscope"));
    about->setObjectName(QStringLiteral("aboutAction"));

    // The everyday actions, with the desktop theme's icons (a button shows its name where the theme has
    // no icon for it).
    toolBar = window->addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    // A toolbar button shows its action's words (see actionWords: Qt would keep a Chinese "(&O)").
    for (QAction *action : {open, saveAs, freezeByPattern, compareWith})
        action->setIconText(actionWords(action->text()));
    toolBar->addAction(open);
    toolBar->addAction(saveAs);
    toolBar->addSeparator();
    toolBar->addAction(undo);
    toolBar->addAction(redo);
    toolBar->addSeparator();
    toolBar->addAction(freezeByPattern);
    toolBar->addAction(compareWith);
    setDocumentOpen(false);
}

void MainActions::setDocumentOpen(bool documentOpen)
{
    m_documentOpen = documentOpen;
    save->setEnabled(documentOpen && !m_busy);
    saveAs->setEnabled(documentOpen && !m_busy);
    extractWeights->setEnabled(documentOpen && !m_busy && m_hasModelPart);
    compareWith->setEnabled(documentOpen && !m_busy);
    loadWeights->setEnabled(documentOpen && !m_busy);
    reload->setEnabled(documentOpen && !m_busy);
    closeFile->setEnabled(documentOpen && !m_busy);
    for (QAction *action : {exportFreezePlan, freezeByPattern, freezeBlocks, copyFreezePlan, modelReport})
        action->setEnabled(documentOpen);
}

void MainActions::setHasModelPart(bool hasModelPart)
{
    m_hasModelPart = hasModelPart;
    setDocumentOpen(m_documentOpen);
}

void MainActions::setBusy(bool busy)
{
    m_busy = busy;
    setDocumentOpen(m_documentOpen);
}

} // namespace torchscope
