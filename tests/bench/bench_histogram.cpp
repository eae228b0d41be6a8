// Times Torchscope's histogram kernel (statistics + counts, data range) on one tensor of a
// checkpoint; prints the best of several runs. Driven by bench_histogram.py.

#include "formats/checkpointreader.h"
#include "stats/histogramkernel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <cstring>
#include <memory>
#include <numeric>
#include <thread>
#include <vector>

using namespace torchscope;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    if (argc < 4) {
        out << "usage: bench_histogram FILE TENSOR BINS [REPEATS]\n";
        return 2;
    }
    CheckpointContent content;
    QString error;
    if (!readCheckpoint(QString::fromLocal8Bit(argv[1]), Progress(), &content, &error)) {
        QTextStream(stderr) << error << "\n";
        return 1;
    }
    const QString name = QString::fromLocal8Bit(argv[2]);
    const TensorInfo *tensor = nullptr;
    for (const TensorInfo &t : content.tensors) {
        if (t.name == name)
            tensor = &t;
    }
    if (!tensor) {
        QTextStream(stderr) << "no tensor " << name << "\n";
        return 1;
    }
    // The kernel is timed on values in memory, as the floor is: a file's pages are copied out with
    // pread by the kernel (see parallelOver), which the whole-process timings of bench_histogram.py
    // include.
    const TensorInfo *inFile = tensor;
    auto copy = std::make_shared<QByteArray>(inFile->firstElement(), inFile->byteSize());
    TensorInfo inMemory = *inFile;
    inMemory.storage = std::make_shared<OwnedTensorStorage>(copy, copy->constData(), copy->size());
    inMemory.storageOffset = 0;
    tensor = &inMemory;
    HistogramRequest request;
    request.bins = QByteArray(argv[3]).toInt();
    const int repeats = argc > 4 ? QByteArray(argv[4]).toInt() : 3;
    // The first pass over the file (its pages in the page cache), timed on its own.
    QElapsedTimer firstTimer;
    firstTimer.start();
    (void)HistogramKernel::statistics({inFile});
    const double firstPass = firstTimer.nsecsElapsed() / 1e9;
    double best = 1e300;
    qint64 total = 0;
    for (int r = 0; r < repeats; ++r) {
        QElapsedTimer timer;
        timer.start();
        const HistogramResult result = HistogramKernel::compute({tensor}, request);
        best = std::min(best, timer.nsecsElapsed() / 1e9);
        total = 0;
        for (qint64 c : result.counts)
            total += c;
    }
    // The two passes separately, to see where the time goes.
    double statsBest = 1e300, countsBest = 1e300;
    const TensorStats range = HistogramKernel::statistics({tensor});
    const QVector<double> edges =
        HistogramKernel::linspaceEdges(range.min, range.max, request.bins > 0 ? request.bins : 100);
    for (int r = 0; r < repeats; ++r) {
        QElapsedTimer timer;
        timer.start();
        (void)HistogramKernel::statistics({tensor});
        statsBest = std::min(statsBest, timer.nsecsElapsed() / 1e9);
        timer.restart();
        (void)HistogramKernel::counts({tensor}, edges);
        countsBest = std::min(countsBest, timer.nsecsElapsed() / 1e9);
    }
    // The floor: one streaming pass over the same bytes on all cores (a sum of their 64-bit words,
    // four accumulators a thread), which any method that reads every value once must pay.
    double floorBest = 1e300;
    quint64 checksum = 0;
    const char *bytes = tensor->firstElement();
    const qint64 words = tensor->byteSize() / 8;
    const int threads = int(std::max(1u, std::thread::hardware_concurrency()));
    for (int r = 0; r < repeats; ++r) {
        QElapsedTimer timer;
        timer.start();
        std::vector<quint64> sums(size_t(threads), 0);
        std::vector<std::thread> workers;
        workers.reserve(size_t(threads));
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back([&, t] {
                const qint64 begin = words * t / threads, end = words * (t + 1) / threads;
                quint64 lane[4] = {0, 0, 0, 0};
                qint64 i = begin;
                for (; i + 4 <= end; i += 4) {
                    for (int k = 0; k < 4; ++k) {
                        quint64 word;
                        std::memcpy(&word, bytes + 8 * (i + k), 8);
                        lane[k] += word;
                    }
                }
                for (; i < end; ++i) {
                    quint64 word;
                    std::memcpy(&word, bytes + 8 * i, 8);
                    lane[0] += word;
                }
                sums[size_t(t)] = lane[0] + lane[1] + lane[2] + lane[3];
            });
        }
        for (std::thread &worker : workers)
            worker.join();
        floorBest = std::min(floorBest, timer.nsecsElapsed() / 1e9);
        checksum = std::accumulate(sums.begin(), sums.end(), quint64(0));
    }
    out << "seconds " << best << " counted " << total << " (statistics " << statsBest << " s, counting "
        << countsBest << " s) floor " << floorBest << " s (checksum " << checksum << ") first pass "
        << firstPass << " s\n";
    return 0;
}
