#pragma once

#include <QVector>

class QMenu;
class QWidget;

namespace torchscope {

class CheckpointDocument;
class ModuleNode;

// The freezing context menus of the module tree and the parameter table. Every entry is one
// undoable edit on `document`; the caller adds its own entries (Freeze by Pattern) and runs the menu.
QMenu *createModuleFreezeMenu(CheckpointDocument *document, const ModuleNode *module, QWidget *parent);
QMenu *createTensorFreezeMenu(CheckpointDocument *document, const QVector<int> &tensors, QWidget *parent);

} // namespace torchscope
