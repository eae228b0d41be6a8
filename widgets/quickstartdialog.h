#pragma once

#include <QDialog>

namespace torchscope {

class MainActions;

// Help > Quick Start: the three jobs Torchscope is for (look inside a checkpoint, freeze layers, export
// a checkpoint), a step or two each, with the keys read from the actions themselves.
class QuickStartDialog : public QDialog
{
    Q_OBJECT
public:
    explicit QuickStartDialog(const MainActions *actions, QWidget *parent = nullptr);
};

} // namespace torchscope
