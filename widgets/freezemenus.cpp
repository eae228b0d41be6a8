#include "freezemenus.h"

#include "document/checkpointdocument.h"

#include <QCoreApplication>
#include <QMenu>

namespace torchscope {

namespace {
// lupdate sees the strings of this file under the context FreezeMenus.
struct FreezeMenusText
{
    Q_DECLARE_TR_FUNCTIONS(FreezeMenus)
};
} // namespace

QMenu *createModuleFreezeMenu(CheckpointDocument *document, const ModuleNode *module, QWidget *parent)
{
    const QString name = module->displayName();
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("treeContextMenu"));
    menu->addAction(FreezeMenusText::tr("Freeze %1").arg(name), menu,
                    [document, module] { document->setModuleRequiresGrad(module, false); });
    menu->addAction(FreezeMenusText::tr("Unfreeze %1").arg(name), menu,
                    [document, module] { document->setModuleRequiresGrad(module, true); });
    menu->addAction(FreezeMenusText::tr("Freeze All Except %1").arg(name), menu,
                    [document, module] { document->freezeAllExcept(module); });
    const QString type = module->shortTypeName();
    if (!type.isEmpty()) {
        menu->addSeparator();
        menu->addAction(FreezeMenusText::tr("Freeze Every %1").arg(type), menu, [document, type] {
            document->setRequiresGrad(document->parametersOfType(type), false,
                                      FreezeMenusText::tr("Freeze every %1").arg(type));
        });
        menu->addAction(FreezeMenusText::tr("Unfreeze Every %1").arg(type), menu, [document, type] {
            document->setRequiresGrad(document->parametersOfType(type), true,
                                      FreezeMenusText::tr("Unfreeze every %1").arg(type));
        });
    }
    return menu;
}

QMenu *createTensorFreezeMenu(CheckpointDocument *document, const QVector<int> &tensors, QWidget *parent)
{
    const QString what = tensors.size() == 1
                             ? document->tensor(tensors.first()).name
                             : FreezeMenusText::tr("%n Selected", nullptr, int(tensors.size()));
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("tableContextMenu"));
    menu->addAction(FreezeMenusText::tr("Freeze %1").arg(what), menu,
                    [document, tensors] { document->setRequiresGrad(tensors, false); });
    menu->addAction(FreezeMenusText::tr("Unfreeze %1").arg(what), menu,
                    [document, tensors] { document->setRequiresGrad(tensors, true); });
    menu->addAction(FreezeMenusText::tr("Freeze All Except %1").arg(what), menu,
                    [document, tensors, what] { document->freezeAllExcept(tensors, what); });
    return menu;
}

} // namespace torchscope
