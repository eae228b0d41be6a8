#pragma once

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;
class QToolBar;
class QUndoGroup;

namespace torchscope {

// The main window's menus and actions. Undo and redo come from the undo group, so their text and
// state follow the active document's stack. Actions that need a document start disabled.
class MainActions : public QObject
{
    Q_OBJECT
public:
    MainActions(QMainWindow *window, QUndoGroup *undoGroup, QAction *historyToggle);

    void setDocumentOpen(bool open);
    void setBusy(bool busy);
    // Whether the open file is a training checkpoint whose model's weights can be extracted.
    void setHasModelPart(bool hasModelPart);

    QAction *open;
    QMenu *recentMenu;
    QAction *openFolder;
    QAction *scanFolder;
    QAction *reload;
    QAction *closeFile;
    QAction *compareWith;
    QAction *save;
    QAction *saveAs;
    QAction *extractWeights;
    QAction *loadWeights;
    QAction *exportFreezePlan;
    QAction *quit;
    QAction *undo;
    QAction *redo;
    QAction *freezeByPattern;
    QAction *freezeBlocks;
    QAction *copyFreezePlan;
    QAction *modelReport;
    QAction *openExample;
    QAction *quickStart;
    QAction *shortcuts;
    QAction *about;
    QToolBar *toolBar;

private:
    bool m_documentOpen = false;
    bool m_busy = false;
    bool m_hasModelPart = false;
};

} // namespace torchscope
