#include "quickstartdialog.h"

#include "actiontext.h"
#include "helpdialog.h"
#include "mainactions.h"

#include <QAction>
#include <QKeySequence>
#include <QTextBrowser>

namespace torchscope {

namespace {
// "Ctrl+O" as the platform writes it, or nothing where the action has no key.
QString keysOf(const QAction *action)
{
    return action->shortcut().isEmpty()
               ? QString()
               : QStringLiteral(" <kbd>%1</kbd>")
                     .arg(action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped());
}
} // namespace

QuickStartDialog::QuickStartDialog(const MainActions *actions, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Quick Start"));
    auto *page = new QTextBrowser(this);
    page->setObjectName(QStringLiteral("quickStartPage"));
    page->setOpenExternalLinks(false);
    const auto plain = [](const QAction *action) { return actionWords(action->text()).toHtmlEscaped(); };
    page->setHtml(
        tr("<h3>1. Look inside a checkpoint</h3>"
           "<p><b>%1</b>%2 a .pt, .pth, .bin, .ckpt or .safetensors file, or <b>%3</b> a Hugging Face "
           "model folder. Nothing in the file is run. The tree shows the modules, the table their "
           "tensors; click one for its histogram, values and spectrum. <b>%4</b>%5 flags NaN, "
           "infinite, zero and outlying tensors.</p>"
           "<h3>2. Freeze layers</h3>"
           "<p>Untick a module or a parameter, or use <b>%6</b>%7 (for example "
           "<tt>model.layers.{0..23}.*</tt>) and <b>%8</b>. Each change can be undone%9. A file that "
           "cannot keep requires_grad flags gets a freeze plan: <b>%10</b> writes it as JSON, "
           "<b>%11</b> as PyTorch code.</p>"
           "<h3>3. Export a checkpoint</h3>"
           "<p><b>%12</b>%13 writes the open file back in its own kind; <b>%14</b>%15 writes the whole "
           "model or a module as weights (PyTorch, safetensors, shards, another dtype) or as an entire "
           "model; <b>%16</b> takes a training checkpoint's model out of its optimizer state. The same "
           "from scripts: <tt>torchscope-cli info</tt> and <tt>torchscope-cli export</tt>.</p>")
            .arg(plain(actions->open), keysOf(actions->open), plain(actions->openFolder),
                 plain(actions->modelReport), keysOf(actions->modelReport), plain(actions->freezeByPattern),
                 keysOf(actions->freezeByPattern), plain(actions->freezeBlocks), keysOf(actions->undo))
            .arg(plain(actions->exportFreezePlan), plain(actions->copyFreezePlan), plain(actions->save),
                 keysOf(actions->save), plain(actions->saveAs), keysOf(actions->saveAs),
                 plain(actions->extractWeights)));
    layOutHelpDialog(this, page, QSize(620, 520));
}

} // namespace torchscope
