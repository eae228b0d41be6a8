#pragma once

#include "windowsize.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QVBoxLayout>

namespace torchscope {

// The frame Help's pages share (Quick Start, Keyboard Shortcuts): the page, a Close button, and a size
// that fits the screen.
inline void layOutHelpDialog(QDialog *dialog, QWidget *page, QSize size)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(page, 1);
    layout->addWidget(buttons);
    resizeWithinScreen(dialog, size);
}

} // namespace torchscope
