#pragma once

#include <QPointer>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QProgressBar;
class QToolButton;

namespace torchscope {

class Job;

// The one line under a panel that runs long work: a message, and while a job runs, its progress and a
// Cancel button. Shared by the histogram, values, spectrum and report panels, so each shows and
// cancels its work the same way.
class JobStatusStrip : public QWidget
{
    Q_OBJECT
public:
    explicit JobStatusStrip(QWidget *parent = nullptr);

    QLabel *label() const { return m_message; }
    void setMessage(const QString &text);
    QString message() const;
    // Another control on the line, after the message and before the progress (a Compute button).
    void addWidget(QWidget *widget);

    // Shows `job`'s progress and Cancel until it finishes; `running` is the message meanwhile (kept
    // as it is when empty). Cancel cancels the job and shows `canceled` (when not empty: the job's own
    // end may say it instead).
    void track(Job *job, const QString &running, const QString &canceled);
    bool isTracking() const { return !m_job.isNull(); }
    // Cancels the tracked job, if any, quietly (a new one replaces it).
    void cancel();

Q_SIGNALS:
    void canceledByUser();

private:
    void stopTracking();

    QHBoxLayout *m_layout;
    QLabel *m_message;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QPointer<Job> m_job;
    QString m_canceledText;
};

} // namespace torchscope
