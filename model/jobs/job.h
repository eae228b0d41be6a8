#pragma once

#include "jobs/progress.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace torchscope {

// A piece of long work (open, save, histogram...) running on Qt Concurrent's pool. The work gets
// a Progress that reports to progressChanged() on this object's thread and asks whether cancel()
// was called. finished() is emitted exactly once, on this object's thread; then exactly one of
// succeeded(), wasCanceled() or a non-empty error() holds. The job deletes itself after finished()
// unless the receiver takes it over.
class Job : public QObject
{
    Q_OBJECT
public:
    ~Job() override;

    void cancel() { m_state->canceled = true; }
    bool isRunning() const { return m_running; }
    bool wasCanceled() const { return !m_running && m_state->canceled && !m_succeeded; }
    bool succeeded() const { return m_succeeded; }
    const QString &error() const { return m_error; }

Q_SIGNALS:
    // total == 0 means "busy, amount unknown".
    void progressChanged(qint64 done, qint64 total);
    void finished();

protected:
    // Shared with the work, which may outlive this object: the worker writes ok and error, and only
    // before the future finishes.
    struct State
    {
        std::atomic_bool canceled{false};
        bool ok = false;
        QString error;
    };

    explicit Job(QObject *parent);
    // A Progress safe to use from the worker thread.
    Progress workerProgress();
    void start(std::function<bool(const Progress &, QString *)> work);

private:
    std::shared_ptr<State> m_state = std::make_shared<State>();
    QFutureWatcher<void> m_watcher;
    bool m_running = false;
    bool m_succeeded = false;
    QString m_error;
};

// A job whose work produces a value of type T (which may be move-only).
template <typename T> class ResultJob final : public Job
{
public:
    // work(progress, &result, &error) runs on the pool; returns true on success.
    using Work = std::function<bool(const Progress &, T *, QString *)>;

    static ResultJob *start(QObject *parent, Work work)
    {
        auto *job = new ResultJob(parent);
        auto result = job->m_result;
        job->Job::start([work = std::move(work), result](const Progress &progress, QString *error) {
            return work(progress, result.get(), error);
        });
        return job;
    }

    // Valid after finished() when succeeded().
    T &result() { return *m_result; }

private:
    explicit ResultJob(QObject *parent) : Job(parent) {}
    std::shared_ptr<T> m_result = std::make_shared<T>();
};

} // namespace torchscope
