#include "jobstatusstrip.h"

#include "jobs/job.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace torchscope {

JobStatusStrip::JobStatusStrip(QWidget *parent)
    : QWidget(parent), m_layout(new QHBoxLayout(this)), m_message(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_cancel(new QToolButton(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_message->setWordWrap(true);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumHeight(14);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->hide();
    m_layout->addWidget(m_message, 1);
    m_layout->addWidget(m_progress);
    m_layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (m_job)
            m_job->cancel();
        stopTracking();
        if (!m_canceledText.isEmpty())
            setMessage(m_canceledText);
        Q_EMIT canceledByUser();
    });
}

void JobStatusStrip::setMessage(const QString &text)
{
    m_message->setText(text);
}

QString JobStatusStrip::message() const
{
    return m_message->text();
}

void JobStatusStrip::addWidget(QWidget *widget)
{
    m_layout->insertWidget(m_layout->indexOf(m_progress), widget);
}

void JobStatusStrip::track(Job *job, const QString &running, const QString &canceled)
{
    cancel();
    m_job = job;
    m_canceledText = canceled;
    if (!running.isEmpty())
        setMessage(running);
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    connect(job, &Job::progressChanged, this, [this, job](qint64 done, qint64 total) {
        if (m_job == job)
            m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
    });
    connect(job, &Job::finished, this, [this, job] {
        if (m_job == job)
            stopTracking();
    });
}

void JobStatusStrip::cancel()
{
    if (m_job)
        m_job->cancel();
    stopTracking();
}

void JobStatusStrip::stopTracking()
{
    m_job.clear();
    m_progress->hide();
    m_cancel->hide();
}

} // namespace torchscope
