#include "freezemenus.h"

#include "document/checkpointdocument.h"

#include <QCoreApplication>
#include <QMenu>

namespace torchscope {

namespace {
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("FreezeMenus", text, nullptr, n);
}
} // namespace

QMenu *createModuleFreezeMenu(CheckpointDocument *document, const ModuleNode *module, QWidget *parent)
{
    const QString name = module->displayName();
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("treeContextMenu"));
    menu->addAction(tr("Freeze %1").arg(name), menu,
                    [document, module] { document->setModuleRequiresGrad(module, false); });
    menu->addAction(tr("Unfreeze %1").arg(name), menu,
                    [document, module] { document->setModuleRequiresGrad(module, true); });
    menu->addAction(tr("Freeze All Except %1").arg(name), menu,
                    [document, module] { document->freezeAllExcept(module); });
    const QString type = module->shortTypeName();
    if (!type.isEmpty()) {
        menu->addSeparator();
        menu->addAction(tr("Freeze Every %1").arg(type), menu, [document, type] {
            document->setRequiresGrad(document->parametersOfType(type), false,
                                      tr("Freeze every %1").arg(type));
        });
        menu->addAction(tr("Unfreeze Every %1").arg(type), menu, [document, type] {
            document->setRequiresGrad(document->parametersOfType(type), true,
                                      tr("Unfreeze every %1").arg(type));
        });
    }
    return menu;
}

QMenu *createTensorFreezeMenu(CheckpointDocument *document, const QVector<int> &tensors, QWidget *parent)
{
    const QString what =
        tensors.size() == 1 ? document->tensor(tensors.first()).name : tr("%n Selected", int(tensors.size()));
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("tableContextMenu"));
    menu->addAction(tr("Freeze %1").arg(what), menu,
                    [document, tensors] { document->setRequiresGrad(tensors, false); });
    menu->addAction(tr("Unfreeze %1").arg(what), menu,
                    [document, tensors] { document->setRequiresGrad(tensors, true); });
    menu->addAction(tr("Freeze All Except %1").arg(what), menu,
                    [document, tensors, what] { document->freezeAllExcept(tensors, what); });
    return menu;
}

} // namespace torchscope
