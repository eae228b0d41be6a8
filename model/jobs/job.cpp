#include "jobs/job.h"

#include <QCoreApplication>
#include <QPointer>
#include <QtConcurrent>

namespace torchscope {

Job::Job(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        m_running = false;
        m_succeeded = m_state->ok && !m_state->canceled;
        if (!m_succeeded && !m_state->canceled)
            m_error =
                m_state->error.isEmpty() ? QCoreApplication::translate("Job", "failed") : m_state->error;
        Q_EMIT finished();
        deleteLater();
    });
}

Job::~Job()
{
    // The work holds only shared state, so it may outlive this object; tell it to stop.
    m_state->canceled = true;
}

Progress Job::workerProgress()
{
    Progress progress;
    std::shared_ptr<State> state = m_state;
    progress.canceled = [state] { return state->canceled.load(); };
    QPointer<Job> self(this);
    progress.report = [self](qint64 done, qint64 total) {
        // Posted to the application object, which outlives every job, then checked on arrival.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, done, total] {
                if (self && self->m_running)
                    Q_EMIT self->progressChanged(done, total);
            },
            Qt::QueuedConnection);
    };
    return progress;
}

void Job::start(std::function<bool(const Progress &, QString *)> work)
{
    m_running = true;
    const Progress progress = workerProgress();
    m_watcher.setFuture(QtConcurrent::run(
        [work = std::move(work), progress, state = m_state] { state->ok = work(progress, &state->error); }));
}

} // namespace torchscope
