#include "stats/histogramkernel.h"

#include "stats/binner.h"
#include "stats/moments.h"
#include "stats/tensorpass.h"
#include "stats/valuevisitor.h"
#include "tensor/tensorinfo.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

namespace torchscope {

namespace {
using namespace kernel;

// The range a request asks for or, by numpy's default, the finite min and max, widened by 0.5 when they
// are equal; [0, 1] when there are no finite values.
std::pair<double, double> range(const HistogramRequest &request, const TensorStats &stats)
{
    if (request.hasRange && std::isfinite(request.low) && std::isfinite(request.high) &&
        request.low < request.high)
        return {request.low, request.high};
    double low = stats.hasMoments() ? stats.min : 0.0;
    double high = stats.hasMoments() ? stats.max : 1.0;
    if (low == high) {
        low -= 0.5;
        high += 0.5;
    }
    return {low, high};
}

int binsFor(const HistogramRequest &request, const TensorStats &stats)
{
    return request.bins > 0 ? std::min(request.bins, 1 << 20) : HistogramKernel::defaultBins(stats.finite);
}

// 16-bit floats have 65,536 bit patterns, each one value: a pass that counts each pattern (a table that
// stays in the cache, an increment a value, nothing decoded) gives the statistics and any histogram of
// the values exactly. Contiguous tensors of one such dtype only; anything else takes the general passes.
constexpr size_t kPatterns = 65536;

bool countsBitPatterns(const std::vector<const TensorInfo *> &tensors)
{
    if (tensors.empty())
        return false;
    const DType dtype = tensors.front()->dtype;
    if (dtype != DType::Float16 && dtype != DType::BFloat16)
        return false;
    return std::all_of(tensors.begin(), tensors.end(), [dtype](const TensorInfo *tensor) {
        return tensor->dtype == dtype && !tensor->quantization &&
               (!tensor->storage || tensor->numel() == 0 || tensor->isContiguous());
    });
}

double patternValue(DType dtype, quint16 bits)
{
    return double(dtype == DType::BFloat16 ? bfloat16ToFloat(bits) : halfToFloat(bits));
}

// How many values of each bit pattern the tensors hold; empty when canceled.
std::vector<qint64> patternCounts(const std::vector<const TensorInfo *> &tensors, const Progress &progress,
                                  bool longRead)
{
    const int workers = workerCount();
    // 32-bit counts keep each thread's table at 256 KiB; they are added into 64-bit totals before they
    // could overflow, and at the end.
    std::vector<std::vector<quint32>> table(size_t(workers), std::vector<quint32>(kPatterns, 0));
    std::vector<std::vector<qint64>> total{size_t(workers)};
    std::vector<qint64> sinceFlush(size_t(workers), 0);
    const auto flush = [&](int worker) {
        std::vector<qint64> &into = total[size_t(worker)];
        into.resize(kPatterns, 0);
        std::vector<quint32> &from = table[size_t(worker)];
        for (size_t p = 0; p < kPatterns; ++p)
            into[p] += from[p];
        std::fill(from.begin(), from.end(), 0);
        sinceFlush[size_t(worker)] = 0;
    };
    const bool finished = runTensorPass(
        tensors, workers, progress,
        [&](const TensorInfo &tensor, qint64 begin, qint64 end, int worker, size_t) {
            if (sinceFlush[size_t(worker)] + (end - begin) > qint64(std::numeric_limits<quint32>::max()))
                flush(worker);
            sinceFlush[size_t(worker)] += end - begin;
            quint32 *const counts = table[size_t(worker)].data();
            const char *bytes = tensor.firstElement() + 2 * begin;
            const qint64 n = end - begin;
            qint64 i = 0;
            // Four loads ahead of their increments, so the next addresses are known while one waits.
            for (; i + 4 <= n; i += 4) {
                quint16 b[4];
                std::memcpy(b, bytes + 2 * i, sizeof b);
                ++counts[b[0]];
                ++counts[b[1]];
                ++counts[b[2]];
                ++counts[b[3]];
            }
            for (; i < n; ++i) {
                quint16 b;
                std::memcpy(&b, bytes + 2 * i, sizeof b);
                ++counts[b];
            }
        },
        longRead ? PageUse::ReadAheadAndRelease : PageUse::Keep);
    if (!finished)
        return {};
    for (int worker = 0; worker < workers; ++worker)
        flush(worker);
    std::vector<qint64> counts(kPatterns, 0);
    for (const std::vector<qint64> &part : total)
        for (size_t p = 0; p < kPatterns; ++p)
            counts[p] += part[p];
    return counts;
}

// The statistics of the values the patterns count: each pattern is n copies of one value.
TensorStats statisticsOfPatterns(DType dtype, const std::vector<qint64> &patterns, qint64 count)
{
    Combined total;
    for (size_t p = 0; p < kPatterns; ++p) {
        const qint64 n = patterns[p];
        if (n == 0)
            continue;
        const double v = patternValue(dtype, quint16(p));
        Combined same;
        same.count = n;
        if (std::isnan(v)) {
            same.nan = n;
        } else if (std::isinf(v)) {
            same.inf = n;
        } else {
            same.finite = n;
            same.zero = v == 0 ? n : 0;
            same.min = same.max = same.mean = v;
            same.sumOfSquaredValues = v * v * double(n);
        }
        total.merge(same);
    }
    return toStats(total, count);
}

// The histogram of the values the patterns count, each pattern's value binned as numpy bins it.
QVector<qint64> countsOfPatterns(DType dtype, const std::vector<qint64> &patterns,
                                 const QVector<double> &edges)
{
    const int bins = int(edges.size()) - 1;
    const double low = edges.front(), high = edges.back();
    const double norm = double(bins) / (high - low);
    // Deciding bins only, counting nothing itself. A tolerance of a whole bin sends every value to the
    // edges: 65,536 exact decisions at most.
    const Binner binner{nullptr, edges.constData(), low, high, norm, 1.0, bins};
    QVector<qint64> counts(bins, 0);
    for (size_t p = 0; p < kPatterns; ++p) {
        const qint64 n = patterns[p];
        if (n == 0)
            continue;
        const double v = patternValue(dtype, quint16(p));
        if (v >= low && v <= high) // also drops NaN
            counts[binner.exactBin(v)] += n;
    }
    return counts;
}

} // namespace

int HistogramKernel::defaultBins(qint64 values)
{
    // Rice's rule, kept between 10 and 200 bars so small tensors still show a shape.
    const double rice = 2.0 * std::cbrt(double(std::max<qint64>(values, 1)));
    return int(std::clamp(std::ceil(rice), 10.0, 200.0));
}

QVector<double> HistogramKernel::linspaceEdges(double low, double high, int bins)
{
    QVector<double> edges(bins + 1);
    const double step = (high - low) / double(bins);
    for (int i = 0; i < bins; ++i)
        edges[i] = double(i) * step + low;
    edges[bins] = high;
    return edges;
}

TensorStats HistogramKernel::statistics(const std::vector<const TensorInfo *> &tensors,
                                        const Progress &progress, bool longRead)
{
    const int workers = workerCount();
    std::vector<Combined> partial{size_t(workers)};
    runTensorPass(
        tensors, workers, progress,
        [&](const TensorInfo &tensor, qint64 begin, qint64 end, int worker, size_t) {
            // Accumulate in a local: the compiler keeps it in registers, and
            // workers never share a cache line.
            Moments local;
            visitValues(tensor, begin, end, local);
            partial[size_t(worker)].merge(Combined::of(local));
        },
        longRead ? PageUse::ReadAhead : PageUse::Keep);
    Combined total;
    for (const Combined &part : partial)
        total.merge(part);
    qint64 count = 0;
    for (const TensorInfo *tensor : tensors)
        count += tensor->numel();
    return toStats(total, count);
}

std::vector<TensorStats> HistogramKernel::statisticsEach(const std::vector<const TensorInfo *> &tensors,
                                                         const Progress &progress, bool longRead)
{
    // One partial result per piece, merged per tensor in order afterwards: the same numbers
    // whatever the threads' timing, and no locking while they run.
    std::vector<size_t> firstPiece(tensors.size() + 1, 0);
    for (size_t t = 0; t < tensors.size(); ++t) {
        const qint64 n = tensors[t]->storage ? tensors[t]->numel() : 0;
        firstPiece[t + 1] = firstPiece[t] + size_t((n + kChunk - 1) / kChunk);
    }
    std::vector<Combined> partial(firstPiece.back());
    runTensorPass(
        tensors, workerCount(), progress,
        [&](const TensorInfo &tensor, qint64 begin, qint64 end, int, size_t piece) {
            Moments local;
            visitValues(tensor, begin, end, local);
            partial[piece].merge(Combined::of(local)); // a piece may come in parts
        },
        longRead ? PageUse::ReadAheadAndRelease : PageUse::Keep);
    std::vector<TensorStats> result(tensors.size());
    for (size_t t = 0; t < tensors.size(); ++t) {
        Combined total;
        for (size_t piece = firstPiece[t]; piece < firstPiece[t + 1]; ++piece)
            total.merge(partial[piece]);
        result[t] = toStats(total, tensors[t]->numel());
    }
    return result;
}

QVector<qint64> HistogramKernel::counts(const std::vector<const TensorInfo *> &tensors,
                                        const QVector<double> &edges, const Progress &progress, bool longRead)
{
    if (countsBitPatterns(tensors)) {
        const std::vector<qint64> patterns = patternCounts(tensors, progress, longRead);
        if (patterns.empty())
            return QVector<qint64>(int(edges.size()) - 1, 0);
        return countsOfPatterns(tensors.front()->dtype, patterns, edges);
    }
    const int bins = int(edges.size()) - 1;
    const int workers = workerCount();
    std::vector<std::vector<qint64>> partial(size_t(workers),
                                             std::vector<qint64>(size_t((bins + 2) * Binner::kCopies), 0));
    const double low = edges.front();
    const double high = edges.back();
    const double norm = double(bins) / (high - low);
    // Bound on the rounding in (v - low) * norm and in the edges themselves, in bins, with a wide
    // margin; a narrow range far from zero gets a large bound and is checked against the edges always.
    const double magnitude = std::max(std::abs(low), std::abs(high));
    const double tolerance =
        16 * std::numeric_limits<double>::epsilon() * (magnitude * norm + double(bins) + 1);
    const double *edge = edges.constData();
    // The same bound for float32 arithmetic on float32 copies of low and norm (see binFloat32Lanes).
    const float low32 = float(low), norm32 = float(norm);
    const double tolerance32 =
        16 * double(std::numeric_limits<float>::epsilon()) * (magnitude * norm + double(bins) + 1);
    const bool floatLanes = std::isfinite(low32) && std::isfinite(norm32) && norm32 > 0 && tolerance32 < 0.05;
    runTensorPass(
        tensors, workers, progress,
        [&](const TensorInfo &tensor, qint64 begin, qint64 end, int worker, size_t) {
            Binner visit{partial[size_t(worker)].data(), edge, low, high, norm, tolerance, bins};
            visit.floatLanes = floatLanes;
            visit.low32 = low32;
            visit.norm32 = norm32;
            visit.tolerance32 = float(tolerance32);
            visitValues(tensor, begin, end, visit);
        },
        longRead ? PageUse::ReadAheadAndRelease : PageUse::Keep);
    QVector<qint64> result(bins, 0);
    for (const auto &p : partial) {
        for (int copy = 0; copy < Binner::kCopies; ++copy)
            for (int i = 0; i < bins; ++i)
                result[i] += p[size_t(copy) * size_t(bins + 2) + size_t(i)];
    }
    return result;
}

HistogramResult HistogramKernel::compute(const std::vector<const TensorInfo *> &tensors,
                                         const HistogramRequest &request, const Progress &progress)
{
    if (countsBitPatterns(tensors)) {
        // One pass: the patterns give the statistics, then the range and the bins.
        const std::vector<qint64> patterns = patternCounts(tensors, progress, request.longRead);
        HistogramResult result;
        if (patterns.empty())
            return result;
        qint64 count = 0;
        for (const TensorInfo *tensor : tensors)
            count += tensor->numel();
        const DType dtype = tensors.front()->dtype;
        result.stats = statisticsOfPatterns(dtype, patterns, count);
        const auto [low, high] = range(request, result.stats);
        const int bins = binsFor(request, result.stats);
        result.edges = linspaceEdges(low, high, bins);
        result.counts = countsOfPatterns(dtype, patterns, result.edges);
        return result;
    }
    const TensorStats stats = statistics(tensors, progress, request.longRead);
    if (progress.isCanceled()) {
        HistogramResult result;
        result.stats = stats;
        return result;
    }
    return compute(tensors, request, stats, progress);
}

HistogramResult HistogramKernel::compute(const std::vector<const TensorInfo *> &tensors,
                                         const HistogramRequest &request, const TensorStats &known,
                                         const Progress &progress)
{
    HistogramResult result;
    result.stats = known;
    const auto [low, high] = range(request, result.stats);
    result.edges = linspaceEdges(low, high, binsFor(request, result.stats));
    result.counts = counts(tensors, result.edges, progress, request.longRead);
    return result;
}

} // namespace torchscope
