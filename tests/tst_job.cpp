// The one way Torchscope runs long work: progress, cancel and one result-or-error convention.

#include "jobs/job.h"

#include <QPointer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace torchscope;

class TestJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resultArrivesOnFinished();
    void errorIsReportedOnce();
    void progressReachesTheOwnerThread();
    void cancelStopsTheWork();
    void moveOnlyResults();
};

void TestJob::resultArrivesOnFinished()
{
    auto *job = ResultJob<int>::start(nullptr, [](const Progress &, int *result, QString *) {
        *result = 42;
        return true;
    });
    QPointer<Job> alive(job);
    int value = 0;
    connect(job, &Job::finished, this, [&] {
        QVERIFY(job->succeeded());
        QVERIFY(!job->wasCanceled());
        QVERIFY(job->error().isEmpty());
        value = job->result();
    });
    QSignalSpy finished(job, &Job::finished);
    QVERIFY(job->isRunning());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(value, 42);
    QTRY_VERIFY(!alive); // deletes itself after finished()
}

void TestJob::errorIsReportedOnce()
{
    auto *job = ResultJob<int>::start(nullptr, [](const Progress &, int *, QString *error) {
        *error = QStringLiteral("model.pt: truncated data");
        return false;
    });
    QString error;
    bool succeeded = true;
    connect(job, &Job::finished, this, [&] {
        error = job->error();
        succeeded = job->succeeded();
    });
    QSignalSpy finished(job, &Job::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(error, QStringLiteral("model.pt: truncated data"));
    QVERIFY(!succeeded);
}

void TestJob::progressReachesTheOwnerThread()
{
    auto release = std::make_shared<QSemaphore>();
    auto *job = ResultJob<int>::start(nullptr, [release](const Progress &progress, int *, QString *) {
        for (int i = 1; i <= 4; ++i)
            progress.set(i, 4);
        release->acquire(); // finish only after the reports were delivered
        return true;
    });
    QList<qint64> seen;
    Qt::HANDLE owner = QThread::currentThreadId();
    bool onOwnerThread = true;
    connect(job, &Job::progressChanged, this, [&](qint64 done, qint64 total) {
        QCOMPARE(total, qint64(4));
        onOwnerThread = onOwnerThread && QThread::currentThreadId() == owner;
        seen << done;
        if (done == 4)
            release->release();
    });
    QSignalSpy finished(job, &Job::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(seen, (QList<qint64>{1, 2, 3, 4}));
    QVERIFY(onOwnerThread);
}

void TestJob::cancelStopsTheWork()
{
    auto steps = std::make_shared<std::atomic_int>(0);
    auto *job = ResultJob<int>::start(nullptr, [steps](const Progress &progress, int *, QString *) {
        while (!progress.isCanceled() && steps->load() < 1000000) {
            ++*steps;
            QThread::usleep(100);
        }
        return true;
    });
    bool canceled = false;
    bool succeeded = true;
    connect(job, &Job::finished, this, [&] {
        canceled = job->wasCanceled();
        succeeded = job->succeeded();
    });
    QSignalSpy finished(job, &Job::finished);
    QTRY_VERIFY(steps->load() > 10);
    job->cancel();
    QVERIFY(finished.wait(10000));
    QVERIFY(canceled);
    QVERIFY(!succeeded);
    QVERIFY(steps->load() < 1000000);
}

void TestJob::moveOnlyResults()
{
    auto *job = ResultJob<std::unique_ptr<QString>>::start(
        nullptr, [](const Progress &, std::unique_ptr<QString> *result, QString *) {
            *result = std::make_unique<QString>(QStringLiteral("document"));
            return true;
        });
    std::unique_ptr<QString> taken;
    connect(job, &Job::finished, this, [&] { taken = std::move(job->result()); });
    QSignalSpy finished(job, &Job::finished);
    QVERIFY(finished.wait(10000));
    QVERIFY(taken);
    QCOMPARE(*taken, QStringLiteral("document"));
}

QTEST_GUILESS_MAIN(TestJob)
#include "tst_job.moc"
