#include "histogramkernel.h"

#include "tensorinfo.h"

#include <atomic>
#include <cmath>
#include <complex>
#include <cstring>
#include <limits>
#include <thread>

namespace torchscope {

namespace {
constexpr qint64 kChunk = qint64(1) << 20; // elements between cancel checks

template <typename Raw, typename Convert, typename Visit>
void visitTyped(const TensorInfo &tensor, qint64 begin, qint64 end, Convert convert, Visit &visit)
{
    const char *base = tensor.firstElement();
    if (tensor.isContiguous()) {
        const char *p = base + begin * qint64(sizeof(Raw));
        for (qint64 i = begin; i < end; ++i, p += sizeof(Raw)) {
            Raw raw;
            std::memcpy(&raw, p, sizeof raw);
            visit(double(convert(raw)));
        }
        return;
    }
    // Strided: start the odometer at the multi-index of `begin` and walk in row-major order.
    const int rank = tensor.shape.size();
    QVector<qint64> index(rank, 0);
    qint64 rest = begin;
    qint64 offset = 0;
    for (int d = rank - 1; d >= 0; --d) {
        index[d] = rest % tensor.shape[d];
        rest /= tensor.shape[d];
        offset += index[d] * tensor.strides[d];
    }
    for (qint64 i = begin; i < end; ++i) {
        Raw raw;
        std::memcpy(&raw, base + offset * qint64(sizeof(Raw)), sizeof raw);
        visit(double(convert(raw)));
        for (int d = rank - 1; d >= 0; --d) {
            if (++index[d] < tensor.shape[d]) {
                offset += tensor.strides[d];
                break;
            }
            offset -= (tensor.shape[d] - 1) * tensor.strides[d];
            index[d] = 0;
        }
    }
}

// Calls visit(double) for elements [begin, end) of the tensor in row-major order.
template <typename Visit>
void visitValues(const TensorInfo &tensor, qint64 begin, qint64 end, Visit &visit)
{
    auto same = [](auto v) { return v; };
    switch (tensor.dtype) {
    case DType::Float32:
        return visitTyped<float>(tensor, begin, end, same, visit);
    case DType::Float64:
        return visitTyped<double>(tensor, begin, end, same, visit);
    case DType::Complex64: // complex tensors contribute their real parts
        return visitTyped<std::complex<float>>(tensor, begin, end, [](std::complex<float> v) { return v.real(); }, visit);
    case DType::Complex128:
        return visitTyped<std::complex<double>>(tensor, begin, end, [](std::complex<double> v) { return v.real(); }, visit);
    case DType::Float16:
        return visitTyped<quint16>(tensor, begin, end, halfToFloat, visit);
    case DType::BFloat16:
        return visitTyped<quint16>(tensor, begin, end, bfloat16ToFloat, visit);
    case DType::Int8:
        return visitTyped<qint8>(tensor, begin, end, same, visit);
    case DType::Int16:
        return visitTyped<qint16>(tensor, begin, end, same, visit);
    case DType::Int32:
        return visitTyped<qint32>(tensor, begin, end, same, visit);
    case DType::Int64:
        return visitTyped<qint64>(tensor, begin, end, [](qint64 v) { return double(v); }, visit);
    case DType::UInt8:
        return visitTyped<quint8>(tensor, begin, end, same, visit);
    case DType::Bool:
        return visitTyped<quint8>(tensor, begin, end, [](quint8 v) { return v ? 1 : 0; }, visit);
    case DType::UInt16:
        return visitTyped<quint16>(tensor, begin, end, same, visit);
    case DType::UInt32:
        return visitTyped<quint32>(tensor, begin, end, same, visit);
    case DType::UInt64:
        return visitTyped<quint64>(tensor, begin, end, [](quint64 v) { return double(v); }, visit);
    case DType::Float8E4M3:
        return visitTyped<quint8>(tensor, begin, end, float8E4M3ToFloat, visit);
    case DType::Float8E5M2:
        return visitTyped<quint8>(tensor, begin, end, float8E5M2ToFloat, visit);
    case DType::Invalid:
        break;
    }
}

// Runs work(tensor, begin, end, worker) over all elements of all tensors, split across threads,
// checking for cancellation between chunks. Returns false if canceled.
template <typename Work>
bool parallelOver(const std::vector<const TensorInfo *> &tensors, int workers, const Progress &progress, Work work)
{
    qint64 total = 0;
    for (const TensorInfo *tensor : tensors)
        total += tensor->storage ? tensor->numel() : 0;
    std::atomic<qint64> done{0};
    std::atomic<bool> canceled{false};
    auto run = [&](int worker) {
        for (const TensorInfo *tensor : tensors) {
            const qint64 n = tensor->storage ? tensor->numel() : 0;
            const qint64 share = (n + workers - 1) / workers;
            const qint64 begin = std::min(n, share * worker);
            const qint64 end = std::min(n, begin + share);
            for (qint64 chunk = begin; chunk < end; chunk += kChunk) {
                if (canceled.load(std::memory_order_relaxed) || progress.isCanceled()) {
                    canceled = true;
                    return;
                }
                const qint64 chunkEnd = std::min(end, chunk + kChunk);
                work(*tensor, chunk, chunkEnd, worker);
                const qint64 now = done.fetch_add(chunkEnd - chunk) + (chunkEnd - chunk);
                if (worker == 0)
                    progress.set(now, total);
            }
        }
    };
    if (workers == 1 || total < 4 * kChunk) {
        for (int w = 0; w < workers; ++w)
            run(w);
    } else {
        std::vector<std::thread> threads;
        for (int w = 1; w < workers; ++w)
            threads.emplace_back(run, w);
        run(0);
        for (std::thread &thread : threads)
            thread.join();
    }
    return !canceled;
}

int workerCount()
{
    return int(std::max(1u, std::min(16u, std::thread::hardware_concurrency())));
}

struct Moments
{
    qint64 count = 0, finite = 0, nan = 0, inf = 0, zero = 0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    double mean = 0, m2 = 0, sumSquares = 0;

    void add(double v)
    {
        ++count;
        if (std::isnan(v)) {
            ++nan;
            return;
        }
        if (std::isinf(v)) {
            ++inf;
            return;
        }
        zero += v == 0;
        ++finite;
        min = std::min(min, v);
        max = std::max(max, v);
        // Welford: stays accurate for large tensors with a large mean.
        const double delta = v - mean;
        mean += delta / double(finite);
        m2 += delta * (v - mean);
        sumSquares += v * v;
    }

    // Chan et al.'s pairwise combination of two partial results.
    void merge(const Moments &other)
    {
        if (other.finite > 0) {
            const double n = double(finite + other.finite);
            const double delta = other.mean - mean;
            mean += delta * double(other.finite) / n;
            m2 += other.m2 + delta * delta * double(finite) * double(other.finite) / n;
            min = std::min(min, other.min);
            max = std::max(max, other.max);
            sumSquares += other.sumSquares;
        }
        count += other.count;
        finite += other.finite;
        nan += other.nan;
        inf += other.inf;
        zero += other.zero;
    }
};
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

TensorStats HistogramKernel::statistics(const std::vector<const TensorInfo *> &tensors, const Progress &progress,
                                        bool *canceled)
{
    const int workers = workerCount();
    std::vector<Moments> partial{size_t(workers)};
    const bool finished = parallelOver(tensors, workers, progress, [&](const TensorInfo &tensor, qint64 begin, qint64 end, int worker) {
        Moments &m = partial[size_t(worker)];
        auto visit = [&m](double v) { m.add(v); };
        visitValues(tensor, begin, end, visit);
    });
    if (canceled)
        *canceled = !finished;
    Moments total;
    for (const Moments &m : partial)
        total.merge(m);
    TensorStats stats;
    for (const TensorInfo *tensor : tensors)
        stats.count += tensor->numel();
    stats.finite = total.finite;
    stats.nanCount = total.nan;
    stats.infCount = total.inf;
    stats.zeroCount = total.zero;
    if (total.finite > 0) {
        stats.min = total.min;
        stats.max = total.max;
        stats.mean = total.mean;
        stats.std = std::sqrt(total.m2 / double(total.finite));
        stats.l2Norm = std::sqrt(total.sumSquares);
    }
    return stats;
}

QVector<qint64> HistogramKernel::counts(const std::vector<const TensorInfo *> &tensors, const QVector<double> &edges,
                                        const Progress &progress, bool *canceled)
{
    const int bins = int(edges.size()) - 1;
    const int workers = workerCount();
    std::vector<std::vector<qint64>> partial(size_t(workers), std::vector<qint64>(size_t(bins), 0));
    const double low = edges.front();
    const double high = edges.back();
    const double norm = double(bins) / (high - low);
    const double *edge = edges.constData();
    const bool finished = parallelOver(tensors, workers, progress, [&](const TensorInfo &tensor, qint64 begin, qint64 end, int worker) {
        qint64 *count = partial[size_t(worker)].data();
        auto visit = [&](double v) {
            if (!(v >= low && v <= high)) // also drops NaN
                return;
            int i = int((v - low) * norm);
            if (i >= bins)
                i = bins - 1;
            // As numpy does: the float estimate can be one bin off; the edges decide.
            if (v < edge[i])
                --i;
            else if (i + 1 < bins && v >= edge[i + 1])
                ++i;
            ++count[i];
        };
        visitValues(tensor, begin, end, visit);
    });
    if (canceled)
        *canceled = !finished;
    QVector<qint64> result(bins, 0);
    for (const auto &p : partial) {
        for (int i = 0; i < bins; ++i)
            result[i] += p[size_t(i)];
    }
    return result;
}

HistogramResult HistogramKernel::compute(const std::vector<const TensorInfo *> &tensors, const HistogramRequest &request,
                                         const Progress &progress)
{
    HistogramResult result;
    bool canceled = false;
    result.stats = statistics(tensors, progress, &canceled);
    if (canceled) {
        result.canceled = true;
        return result;
    }
    double low = request.low;
    double high = request.high;
    if (!request.hasRange || !std::isfinite(low) || !std::isfinite(high) || !(low < high)) {
        // numpy's default: the finite min and max, widened by 0.5 when they are equal; [0, 1] when empty.
        low = result.stats.hasMoments() ? result.stats.min : 0.0;
        high = result.stats.hasMoments() ? result.stats.max : 1.0;
        if (low == high) {
            low -= 0.5;
            high += 0.5;
        }
    }
    const int bins = request.bins > 0 ? std::min(request.bins, 1 << 20) : defaultBins(result.stats.finite);
    result.edges = linspaceEdges(low, high, bins);
    result.counts = counts(tensors, result.edges, progress, &canceled);
    result.canceled = canceled;
    return result;
}

} // namespace torchscope
