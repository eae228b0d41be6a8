#pragma once

#include <QDialogButtonBox>
#include <QPushButton>

namespace torchscope {

// Enter does what the dialog is for: `accept` is the default button from the start (even while it is
// disabled, so that Cancel never becomes the default), and Cancel is never pressed by Enter.
inline void makeEnterAccept(QDialogButtonBox *buttons, QDialogButtonBox::StandardButton accept)
{
    buttons->button(accept)->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
}

} // namespace torchscope
