#pragma once

// The one way domain work runs in parallel: a pass cut into pieces that the kernel's threads take in
// turn, canceled between pieces (Progress::isCanceled), its progress reported in 1/1000 steps, and the
// page cache advised for reads too long to keep in it. Histograms, statistics, the report and the diff
// all run on it.

#include "jobs/progress.h"

#include <QSemaphore>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <thread>

namespace torchscope {

struct TensorInfo;

inline int workerCount()
{
    return int(std::max(1u, std::min(16u, std::thread::hardware_concurrency())));
}

// Threads kept for the kernels across calls, one per core. Never destroyed: it may still be needed
// while the process exits.
inline QThreadPool &kernelThreadPool()
{
    static QThreadPool *const pool = [] {
        auto *threads = new QThreadPool;
        threads->setMaxThreadCount(workerCount());
        return threads;
    }();
    return *pool;
}

// Runs run(worker) for worker 0 .. workers - 1: the caller as worker 0, the others on the kernels' own
// pool, whose tasks never wait on it, so a kernel called from a pool thread cannot starve. Returns
// when all are done.
template <typename Run> void runOnKernelThreads(int workers, Run &run)
{
    if (workers <= 1) {
        run(0);
        return;
    }
    QSemaphore helpersDone;
    for (int w = 1; w < workers; ++w) {
        kernelThreadPool().start([&run, &helpersDone, w] {
            run(w);
            helpersDone.release();
        });
    }
    run(0);
    helpersDone.acquire(workers - 1);
}

// Progress of a pass shared by many threads: add() what each piece did; the listener hears of it in
// steps of a thousandth of the total at most, so it is never flooded. `base` and `outOf` place the
// pass inside a longer one (the second of two passes: base = total, outOf = 2 * total).
class PassProgress
{
public:
    PassProgress(const Progress &progress, qint64 total, qint64 base = 0, qint64 outOf = -1)
        : m_progress(progress), m_base(base), m_outOf(outOf < 0 ? total : outOf),
          m_step(std::max<qint64>(1, total / 1000))
    {
    }
    void add(qint64 n)
    {
        const qint64 now = m_done.fetch_add(n) + n;
        qint64 last = m_reported.load();
        if (now - last >= m_step && m_reported.compare_exchange_strong(last, now))
            m_progress.set(m_base + now, m_outOf);
    }

private:
    const Progress &m_progress;
    const qint64 m_base, m_outOf, m_step;
    std::atomic<qint64> m_done{0};
    std::atomic<qint64> m_reported{0};
};

// Runs piece(i, worker) for i in [0, count) on up to `workers` threads (one when there is one piece),
// each taking the next piece as it finishes one. Stops between pieces once canceled; returns false then.
template <typename Piece> bool runPieces(size_t count, int workers, const Progress &progress, Piece piece)
{
    std::atomic<size_t> next{0};
    std::atomic<bool> canceled{false};
    auto run = [&](int worker) {
        for (size_t i = next++; i < count; i = next++) {
            if (canceled.load(std::memory_order_relaxed) || progress.isCanceled()) {
                canceled = true;
                return;
            }
            piece(i, worker);
        }
    };
    runOnKernelThreads(count > 1 ? workers : 1, run);
    return !canceled;
}

// Page-cache advice for a tensor read once, start to end, in a pass too long to keep in the cache:
// read ahead before, give the pages back after (the whole storage for a view that is not contiguous).
void adviseLongRead(const TensorInfo &tensor);
void releasePagesOf(const TensorInfo &tensor);

} // namespace torchscope
