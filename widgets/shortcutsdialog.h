#pragma once

#include <QDialog>

class QMenuBar;

namespace torchscope {

// Help > Keyboard Shortcuts: every menu command that has a key, read from the menus themselves, so the
// list and the keys cannot drift apart.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent = nullptr);
};

} // namespace torchscope
