#pragma once

#include <QObject>
#include <QVector>

class QAction;
class QMenu;
class QPoint;
class QWidget;

namespace torchscope {

class CheckpointDocument;
class ModuleNode;

// The freezing work of the window that needs dialogs: freeze by pattern, the tree and table
// context menus, and the freeze plan taken to PyTorch (clipboard snippet, JSON export).
class FreezeController : public QObject
{
    Q_OBJECT
public:
    explicit FreezeController(QWidget *window);

    void setDocument(CheckpointDocument *document) { m_document = document; }
    // Extra entries the context menus end with (Freeze by Pattern).
    void setMenuTail(const QList<QAction *> &actions) { m_menuTail = actions; }

    void freezeByPattern();
    // Freezes a span of the numbered blocks of `blocks` (a ModuleList); without one, of the model's
    // largest list of blocks.
    void freezeBlocks(const ModuleNode *blocks = nullptr);
    void copyFreezePlanAsCode();
    void exportFreezePlan();
    void showModuleMenu(const ModuleNode *module, const QPoint &globalPosition);
    void showTensorMenu(const QVector<int> &tensors, const QPoint &globalPosition);

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void runMenu(QMenu *menu, const QPoint &globalPosition);

    QWidget *m_window;
    CheckpointDocument *m_document = nullptr;
    QList<QAction *> m_menuTail;
};

} // namespace torchscope
