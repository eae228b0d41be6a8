#include "freezecontroller.h"

#include "document/checkpointdocument.h"
#include "document/freezeplan.h"
#include "filedialog.h"
#include "freezeblocksdialog.h"
#include "freezemenus.h"
#include "freezepatterndialog.h"
#include "messagebox.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>
#include <QSaveFile>

namespace torchscope {

FreezeController::FreezeController(QWidget *window) : QObject(window), m_window(window) {}

void FreezeController::freezeByPattern()
{
    if (!m_document)
        return;
    FreezePatternDialog dialog(m_document, m_window);
    dialog.setObjectName(QStringLiteral("freezePatternDialog"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    const bool unfreeze = dialog.unfreeze();
    const QString text =
        dialog.allExceptMatches()
            ? (unfreeze ? tr("Unfreeze all except \u201c%1\u201d") : tr("Freeze all except \u201c%1\u201d"))
                  .arg(dialog.pattern())
            : (unfreeze ? tr("Unfreeze \u201c%1\u201d") : tr("Freeze \u201c%1\u201d")).arg(dialog.pattern());
    m_document->setRequiresGrad(dialog.matchedParameters(), unfreeze, text);
}

void FreezeController::freezeBlocks(const ModuleNode *blocks)
{
    if (!m_document)
        return;
    if (!blocks || !blocks->hasNumberedChildren())
        blocks = m_document->largestBlockList();
    if (!blocks) {
        Q_EMIT statusMessage(tr("This model has no numbered blocks (a ModuleList or Sequential) to freeze"));
        return;
    }
    FreezeBlocksDialog dialog(m_document, blocks, m_window);
    dialog.setObjectName(QStringLiteral("freezeBlocksDialog"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_document->setRequiresGrad(dialog.parameters(), false, tr("Freeze blocks %1").arg(dialog.description()));
}

void FreezeController::copyFreezePlanAsCode()
{
    if (!m_document)
        return;
    QGuiApplication::clipboard()->setText(FreezePlan::pythonSnippet(*m_document));
    Q_EMIT statusMessage(tr("Copied a PyTorch snippet that sets these requires_grad flags"));
}

void FreezeController::exportFreezePlan()
{
    if (!m_document)
        return;
    const QString suggested = m_document->filePath().isEmpty()
                                  ? QStringLiteral("model.freeze.json")
                                  : FreezePlan::pathBeside(m_document->filePath());
    const QString path = FileDialog::getSaveFileName(m_window, tr("Export Freeze Plan"), suggested,
                                                     tr("Freeze plans (*.json)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    const QByteArray json = FreezePlan::toJson(*m_document);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        MessageBox::critical(m_window, tr("Cannot export"), tr("%1: %2").arg(path, file.errorString()));
        return;
    }
    Q_EMIT statusMessage(tr("Wrote %1").arg(path));
}

void FreezeController::showModuleMenu(const ModuleNode *module, const QPoint &globalPosition)
{
    if (!m_document || m_document->totals().parameters == 0)
        return;
    QMenu *menu = createModuleFreezeMenu(m_document, module, m_window);
    if (module->hasNumberedChildren()) {
        menu->addSeparator();
        QAction *blocks = menu->addAction(tr("Freeze Blocks of %1…").arg(module->displayName()), this,
                                          [this, module] { freezeBlocks(module); });
        blocks->setObjectName(QStringLiteral("freezeBlocksMenuAction"));
    }
    runMenu(menu, globalPosition);
}

void FreezeController::showTensorMenu(const QVector<int> &tensors, const QPoint &globalPosition)
{
    if (m_document && !tensors.isEmpty())
        runMenu(createTensorFreezeMenu(m_document, tensors, m_window), globalPosition);
}

void FreezeController::runMenu(QMenu *menu, const QPoint &globalPosition)
{
    menu->addSeparator();
    menu->addActions(m_menuTail);
    menu->exec(globalPosition);
    delete menu;
}

} // namespace torchscope
