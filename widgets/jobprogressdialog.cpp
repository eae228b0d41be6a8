#include "jobprogressdialog.h"

#include "jobs/job.h"

namespace torchscope {

JobProgressDialog::JobProgressDialog(Job *job, const QString &label, QWidget *parent)
    : QProgressDialog(label, tr("Cancel"), 0, 0, parent)
{
    setObjectName(QStringLiteral("progressDialog"));
    setWindowModality(Qt::WindowModal);
    setMinimumDuration(300);
    setAutoClose(false);
    setAutoReset(false);
    connect(this, &QProgressDialog::canceled, job, &Job::cancel);
    connect(job, &Job::progressChanged, this, [this](qint64 done, qint64 total) {
        setMaximum(total > 0 ? 1000 : 0);
        setValue(total > 0 ? int(done * 1000 / total) : 0);
    });
    connect(job, &Job::finished, this, [this] {
        hide();
        deleteLater();
    });
}

} // namespace torchscope
