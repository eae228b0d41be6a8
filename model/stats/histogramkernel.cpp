#include "stats/histogramkernel.h"

#include "stats/binkernel.h"
#include "stats/momentskernel.h"
#include "stats/valuevisitor.h"
#include "tensor/tensorinfo.h"

#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <complex>
#include <cstring>
#include <limits>
#include <memory>
#include <thread>
#include <type_traits>
#include <utility>

namespace torchscope {

namespace {
using namespace kernel;

constexpr qint64 kChunk = qint64(1) << 20; // elements between cancel checks

// Runs work(tensor, begin, end, worker, piece) over all elements of all tensors on `workers` threads.
// Large tensors are cut into chunks and small ones kept whole; threads take the next piece as they
// finish, check for cancellation between pieces, and progress is reported in 1/1000 steps only.
// How a pass treats the page cache: as it is (the default), or for a long read, reading ahead and,
// on the last pass, giving each tensor's pages back once all its pieces are done.
enum class PageUse { Keep, ReadAhead, ReadAheadAndRelease };

template <typename Work>
bool parallelOver(const std::vector<const TensorInfo *> &tensors, int workers, const Progress &progress,
                  Work work, PageUse pages = PageUse::Keep)
{
    struct Piece
    {
        const TensorInfo *tensor;
        qint64 begin, end;
        size_t tensorIndex;
    };
    std::vector<Piece> pieces;
    std::unique_ptr<std::atomic<qint64>[]> piecesLeft(new std::atomic<qint64>[tensors.size()]);
    qint64 total = 0;
    for (size_t t = 0; t < tensors.size(); ++t) {
        const TensorInfo *tensor = tensors[t];
        const qint64 n = tensor->storage ? tensor->numel() : 0;
        piecesLeft[t] = (n + kChunk - 1) / kChunk;
        for (qint64 begin = 0; begin < n; begin += kChunk)
            pieces.push_back({tensor, begin, std::min(n, begin + kChunk), t});
        total += n;
        if (pages != PageUse::Keep && n > 0 && tensor->isContiguous())
            tensor->storage->adviseSequential(tensor->storageOffset * dtypeElementSize(tensor->dtype),
                                              tensor->byteSize());
    }
    // Pieces of a file are copied out with pread a megabyte at a time (the buffer stays in the cache)
    // rather than read through the mapping, whose first touches cost a page fault every few pages: the
    // pooled histogram of a 1.4 GB model went from 0.60 s to 0.33 s. A piece may then be visited in
    // several calls, each a view of the buffer.
    constexpr qint64 kReadBytes = qint64(1) << 20;
    std::vector<std::vector<double>> readBuffers(size_t(std::max(workers, 1)));
    const auto visitPiece = [&](const Piece &piece, int worker, size_t index) {
        const TensorInfo &tensor = *piece.tensor;
        if (!tensor.storage->prefersRead() || !tensor.isContiguous() || tensor.quantization) {
            work(tensor, piece.begin, piece.end, worker, index);
            return;
        }
        std::vector<double> &buffer = readBuffers[size_t(worker)];
        buffer.resize(size_t(kReadBytes) / sizeof(double));
        const qint64 elementSize = dtypeElementSize(tensor.dtype);
        const qint64 perRead = std::max<qint64>(1, kReadBytes / elementSize);
        TensorInfo view = tensor;
        view.storage = std::make_shared<OwnedTensorStorage>(
            nullptr, reinterpret_cast<const char *>(buffer.data()), kReadBytes);
        view.storageOffset = 0;
        view.strides = {1};
        for (qint64 begin = piece.begin; begin < piece.end; begin += perRead) {
            const qint64 n = std::min(perRead, piece.end - begin);
            if (!tensor.storage->read((tensor.storageOffset + begin) * elementSize,
                                      reinterpret_cast<char *>(buffer.data()), n * elementSize)) {
                work(tensor, begin, piece.end, worker, index); // the mapping, then, for the rest
                return;
            }
            view.shape = {n};
            work(view, 0, n, worker, index);
        }
    };
    std::atomic<size_t> next{0};
    std::atomic<qint64> done{0};
    std::atomic<qint64> reported{0};
    std::atomic<bool> canceled{false};
    const qint64 step = std::max<qint64>(1, total / 1000);
    auto run = [&](int worker) {
        for (size_t i = next++; i < pieces.size(); i = next++) {
            if (canceled.load(std::memory_order_relaxed) || progress.isCanceled()) {
                canceled = true;
                return;
            }
            const Piece &piece = pieces[i];
            visitPiece(piece, worker, i);
            if (pages == PageUse::ReadAheadAndRelease && --piecesLeft[piece.tensorIndex] == 0) {
                const TensorInfo &tensor = *piece.tensor;
                if (tensor.isContiguous())
                    tensor.storage->releasePages(tensor.storageOffset * dtypeElementSize(tensor.dtype),
                                                 tensor.byteSize());
                else
                    tensor.storage->releasePages(0, tensor.storage->size());
            }
            const qint64 now = done.fetch_add(piece.end - piece.begin) + (piece.end - piece.begin);
            qint64 last = reported.load();
            if (now - last >= step && reported.compare_exchange_strong(last, now))
                progress.set(now, total);
        }
    };
    runOnKernelThreads(total < 4 * kChunk ? 1 : workers, run);
    return !canceled;
}

struct Moments
{
    qint64 count = 0, finite = 0, nan = 0, inf = 0, zero = 0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    // Sums of (v - shift) and its square: the shifted-data algorithm keeps the variance accurate
    // when the mean is large, without a division per value as Welford's update needs.
    bool shifted = false;
    double shift = 0, sum = 0, sumSquares = 0;

    void add(double v)
    {
        ++count;
        if (!std::isfinite(v)) {
            std::isnan(v) ? ++nan : ++inf;
            return;
        }
        if (!shifted) {
            shifted = true;
            shift = v;
        }
        zero += v == 0;
        ++finite;
        min = std::min(min, v);
        max = std::max(max, v);
        const double d = v - shift;
        sum += d;
        sumSquares += d * d;
    }
    // Float blocks in SIMD; a block holding NaN or Inf (rare) takes the value-by-value path.
    void block(const float *v, int n)
    {
        FloatMoments m;
        if (!shifted || !floatMoments(v, size_t(n), shift, &m)) {
            for (int k = 0; k < n; ++k)
                add(double(v[k]));
            return;
        }
        sum += m.sum;
        sumSquares += m.sumSquares;
        min = std::min(min, double(m.min));
        max = std::max(max, double(m.max));
        zero += m.zeros;
        count += n;
        finite += n;
    }
    // Four independent lanes per accumulator let the adds overlap; x - x is NaN exactly for NaN and
    // Inf, so a block holding either (rare) is detected at the end and redone value by value.
    void block(const double *v, int n)
    {
        if (!shifted) {
            for (int k = 0; k < n; ++k)
                add(v[k]);
            return;
        }
        double s[4] = {0, 0, 0, 0}, q[4] = {0, 0, 0, 0};
        double lo[4] = {v[0], v[0], v[0], v[0]}, hi[4] = {v[0], v[0], v[0], v[0]};
        qint64 z[4] = {0, 0, 0, 0};
        double check[4] = {0, 0, 0, 0};
        const int whole = n & ~3;
        for (int k = 0; k < whole; k += 4) {
            for (int j = 0; j < 4; ++j) {
                const double x = v[k + j];
                check[j] += x - x;
                const double d = x - shift;
                s[j] += d;
                q[j] += d * d;
                lo[j] = x < lo[j] ? x : lo[j];
                hi[j] = x > hi[j] ? x : hi[j];
                z[j] += x == 0.0;
            }
        }
        for (int k = whole; k < n; ++k) {
            const double x = v[k];
            check[0] += x - x;
            const double d = x - shift;
            s[0] += d;
            q[0] += d * d;
            lo[0] = x < lo[0] ? x : lo[0];
            hi[0] = x > hi[0] ? x : hi[0];
            z[0] += x == 0.0;
        }
        if (!((check[0] + check[1] + check[2] + check[3]) == 0.0)) {
            for (int k = 0; k < n; ++k)
                add(v[k]);
            return;
        }
        sum += (s[0] + s[1]) + (s[2] + s[3]);
        sumSquares += (q[0] + q[1]) + (q[2] + q[3]);
        min = std::min(min, std::min(std::min(lo[0], lo[1]), std::min(lo[2], lo[3])));
        max = std::max(max, std::max(std::max(hi[0], hi[1]), std::max(hi[2], hi[3])));
        zero += z[0] + z[1] + z[2] + z[3];
        count += n;
        finite += n;
    }
    double mean() const { return finite ? shift + sum / double(finite) : 0; }
    double m2() const { return finite ? std::max(0.0, sumSquares - sum * sum / double(finite)) : 0; }
    // Sum of v^2 from the shifted sums: sum (d + shift)^2.
    double squaredValues() const { return sumSquares + 2 * shift * sum + double(finite) * shift * shift; }
};

struct Combined
{
    qint64 count = 0, finite = 0, nan = 0, inf = 0, zero = 0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    double mean = 0, m2 = 0, sumOfSquaredValues = 0;

    static Combined of(const Moments &m)
    {
        Combined c;
        c.count = m.count;
        c.finite = m.finite;
        c.nan = m.nan;
        c.inf = m.inf;
        c.zero = m.zero;
        c.min = m.min;
        c.max = m.max;
        c.mean = m.mean();
        c.m2 = m.m2();
        c.sumOfSquaredValues = m.squaredValues();
        return c;
    }

    // Chan et al.'s pairwise combination of partial results.
    void merge(const Combined &part)
    {
        if (part.finite > 0) {
            const double n = double(finite + part.finite);
            const double delta = part.mean - mean;
            m2 += part.m2 + delta * delta * double(finite) * double(part.finite) / n;
            mean += delta * double(part.finite) / n;
            min = std::min(min, part.min);
            max = std::max(max, part.max);
            sumOfSquaredValues += part.sumOfSquaredValues;
        }
        count += part.count;
        finite += part.finite;
        nan += part.nan;
        inf += part.inf;
        zero += part.zero;
    }
};
TensorStats toStats(const Combined &total, qint64 count)
{
    TensorStats stats;
    stats.count = count;
    stats.finite = total.finite;
    stats.nanCount = total.nan;
    stats.infCount = total.inf;
    stats.zeroCount = total.zero;
    if (total.finite > 0) {
        stats.min = total.min;
        stats.max = total.max;
        stats.mean = total.mean;
        stats.std = std::sqrt(total.m2 / double(total.finite));
        stats.l2Norm = std::sqrt(total.sumOfSquaredValues);
    }
    return stats;
}

// Counts values into bins exactly as numpy.histogram does with the same edges.
struct Binner
{
    // kCopies interleaved copies of the counts, bins + 2 each (the last two take values outside the
    // range and values that need the edges): consecutive increments of one bin go to different copies
    // and do not wait on each other.
    static constexpr int kCopies = 4;
    qint64 *count;
    const double *edge;
    double low, high, norm;
    // How far, in bins, rounding can move a value's computed position (see counts()).
    double tolerance;
    int bins;
    // float32 blocks in float32 lanes, when their coarser rounding (`tolerance32`, in bins) still leaves
    // nearly every value clear of an edge; in float64 lanes otherwise.
    bool floatLanes = false;
    float low32 = 0, norm32 = 0, tolerance32 = 0;

    // The bin of one value exactly as numpy decides it.
    int exactBin(double v) const
    {
        const int last = bins - 1;
        const double x = (v - low) * norm;
        int i = int(x);
        const double fraction = x - double(i);
        i = i > last ? last : i;
        // Rounding moves the estimate by less than `tolerance`: only a value that lands that close to
        // an edge can belong to the neighbouring bin, and there the edges decide, as in numpy.
        if (fraction < tolerance || fraction > 1 - tolerance) {
            if (v < edge[i])
                --i;
            else if (i < last && v >= edge[i + 1])
                ++i;
        }
        return i;
    }

    // float32 blocks: the bins in SIMD, the few values near an edge (or an end of the range) decided here.
    void block(const float *values, int n)
    {
        if (floatLanes && bins <= kMaxByteBins) {
            quint8 index[kernel::kBlock];
            binFloat32LanesBytes(values, size_t(n), low32, norm32, tolerance32, bins, index);
            countIndices(values, index, n);
            return;
        }
        qint32 index[kernel::kBlock];
        if (floatLanes)
            binFloat32Lanes(values, size_t(n), low32, norm32, tolerance32, bins, index);
        else
            binFloat32(values, size_t(n), low, high, norm, tolerance, bins, index);
        countIndices(values, index, n);
    }

    // Counts each value into the bin index[k] says, deciding those marked near an edge first.
    template <typename Index> void countIndices(const float *values, Index *index, int n)
    {
        const int near = bins + 1;
        const auto decide = [&](int k) {
            const double v = double(values[k]);
            index[k] = Index(v >= low && v <= high ? exactBin(v) : bins);
        };
        // A few values in ten thousand are near an edge: found with memchr (SIMD) among byte bins, so
        // the counting below is nothing but increments.
        if constexpr (sizeof(Index) == 1) {
            for (auto *at = static_cast<Index *>(std::memchr(index, near, size_t(n))); at;
                 at = static_cast<Index *>(std::memchr(at + 1, near, size_t(index + n - at - 1)))) {
                decide(int(at - index));
            }
        } else {
            for (int k = 0; k < n; ++k) {
                if (index[k] == near)
                    decide(k);
            }
        }
        // Four copies of the counts, one for each of four consecutive values: increments of the same bin
        // in a row do not wait on each other.
        const int stride = bins + 2;
        qint64 *const c0 = count, *const c1 = c0 + stride, *const c2 = c1 + stride, *const c3 = c2 + stride;
        int k = 0;
        for (; k + 4 <= n; k += 4) {
            ++c0[index[k]];
            ++c1[index[k + 1]];
            ++c2[index[k + 2]];
            ++c3[index[k + 3]];
        }
        for (; k < n; ++k)
            ++c0[index[k]];
    }

    void block(const double *values, int n)
    {
        // Locals, so the compiler need not reload them after every counter store.
        qint64 *const counts = count;
        const double lo = low, hi = high;
        for (int k = 0; k < n; ++k) {
            const double v = values[k];
            if (!(v >= lo && v <= hi)) // also drops NaN; predictable over the data's own range
                continue;
            ++counts[exactBin(v)];
        }
    }
};

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
    const bool finished = parallelOver(
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
                                        const Progress &progress, bool *canceled, bool longRead)
{
    const int workers = workerCount();
    std::vector<Combined> partial{size_t(workers)};
    const bool finished = parallelOver(
        tensors, workers, progress,
        [&](const TensorInfo &tensor, qint64 begin, qint64 end, int worker, size_t) {
            // Accumulate in a local: the compiler keeps it in registers, and
            // workers never share a cache line.
            Moments local;
            visitValues(tensor, begin, end, local);
            partial[size_t(worker)].merge(Combined::of(local));
        },
        longRead ? PageUse::ReadAhead : PageUse::Keep);
    if (canceled)
        *canceled = !finished;
    Combined total;
    for (const Combined &part : partial)
        total.merge(part);
    qint64 count = 0;
    for (const TensorInfo *tensor : tensors)
        count += tensor->numel();
    return toStats(total, count);
}

std::vector<TensorStats> HistogramKernel::statisticsEach(const std::vector<const TensorInfo *> &tensors,
                                                         const Progress &progress, bool *canceled,
                                                         bool longRead)
{
    // One partial result per piece, merged per tensor in order afterwards: the same numbers
    // whatever the threads' timing, and no locking while they run.
    std::vector<size_t> firstPiece(tensors.size() + 1, 0);
    for (size_t t = 0; t < tensors.size(); ++t) {
        const qint64 n = tensors[t]->storage ? tensors[t]->numel() : 0;
        firstPiece[t + 1] = firstPiece[t] + size_t((n + kChunk - 1) / kChunk);
    }
    std::vector<Combined> partial(firstPiece.back());
    const bool finished = parallelOver(
        tensors, workerCount(), progress,
        [&](const TensorInfo &tensor, qint64 begin, qint64 end, int, size_t piece) {
            Moments local;
            visitValues(tensor, begin, end, local);
            partial[piece].merge(Combined::of(local)); // a piece may come in parts
        },
        longRead ? PageUse::ReadAheadAndRelease : PageUse::Keep);
    if (canceled)
        *canceled = !finished;
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
                                        const QVector<double> &edges, const Progress &progress,
                                        bool *canceled, bool longRead)
{
    if (countsBitPatterns(tensors)) {
        const std::vector<qint64> patterns = patternCounts(tensors, progress, longRead);
        if (canceled)
            *canceled = patterns.empty();
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
    const bool finished = parallelOver(
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
    if (canceled)
        *canceled = !finished;
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
        if (patterns.empty()) {
            result.canceled = true;
            return result;
        }
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
    bool canceled = false;
    const TensorStats stats = statistics(tensors, progress, &canceled, request.longRead);
    if (canceled) {
        HistogramResult result;
        result.stats = stats;
        result.canceled = true;
        return result;
    }
    return compute(tensors, request, stats, progress);
}

HistogramResult HistogramKernel::compute(const std::vector<const TensorInfo *> &tensors,
                                         const HistogramRequest &request, const TensorStats &known,
                                         const Progress &progress)
{
    HistogramResult result;
    bool canceled = false;
    result.stats = known;
    const auto [low, high] = range(request, result.stats);
    result.edges = linspaceEdges(low, high, binsFor(request, result.stats));
    result.counts = counts(tensors, result.edges, progress, &canceled, request.longRead);
    result.canceled = canceled;
    return result;
}

} // namespace torchscope
