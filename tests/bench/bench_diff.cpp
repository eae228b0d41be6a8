// Compares two checkpoints the way `torchscope-cli diff` does (open both, match, compare every
// tensor) and prints the seconds it took and the peak anonymous memory. Driven by bench_diff.py,
// which also times PyTorch and `cat` on the same files.

#include "benchsupport.h"
#include "diff/checkpointdiff.h"
#include "formats/checkpointreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <atomic>
#include <chrono>
#include <thread>

using namespace torchscope;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    if (argc != 3) {
        out << "usage: bench_diff A B\n";
        return 2;
    }
    // The kernel reports no peak of anonymous memory (VmHWM counts the mapped file's pages): sample it.
    std::atomic<bool> done{false};
    std::atomic<qint64> peakAnon{bench::statusKib("RssAnon:")};
    std::thread sampler([&] {
        while (!done) {
            const qint64 now = bench::statusKib("RssAnon:");
            if (now > peakAnon)
                peakAnon = now;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
    QElapsedTimer timer;
    timer.start();
    DiffSide sides[2];
    for (int i = 0; i < 2; ++i) {
        CheckpointContent content;
        QString error;
        if (!readCheckpoint(QString::fromLocal8Bit(argv[1 + i]), Progress(), &content, &error)) {
            QTextStream(stderr) << error << "\n";
            return 1;
        }
        sides[i] = DiffSide::fromContent(content);
    }
    const double openSeconds = double(timer.nsecsElapsed()) / 1e9;
    Comparison comparison = CheckpointDiff::match(sides[0], sides[1], DiffOptions());
    CheckpointDiff::compare(sides[0], sides[1], &comparison);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    done = true;
    sampler.join();
    const DiffTotals totals = comparison.totals();
    out << "diff_s " << seconds << " open_s " << openSeconds << " identical " << totals.identical
        << " changed " << totals.changed << "\n";
    out << "peak_rss_anon_kib " << peakAnon << " peak_rss_kib " << bench::statusKib("VmHWM:") << "\n";
    return 0;
}
