#pragma once

#include <QProgressDialog>

namespace torchscope {

class Job;

// A window-modal progress dialog that follows one Job: shows its progress (a busy bar while the
// total is unknown), cancels it, and closes itself when the job finishes.
class JobProgressDialog : public QProgressDialog
{
    Q_OBJECT
public:
    JobProgressDialog(Job *job, const QString &label, QWidget *parent);
};

} // namespace torchscope
