#include "stats/histogramkernel.h"

#include "tensor/tensorinfo.h"

#include <QSemaphore>
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

namespace torchscope {

namespace {
constexpr qint64 kChunk = qint64(1) << 20; // elements between cancel checks

constexpr int kBlock = 4096; // values decoded at a time into a buffer that stays in L1

// A row-major walk over a view's elements from element `begin`: each element's offset in elements
// from the first element, and its multi-index.
class Odometer
{
public:
    Odometer(const TensorInfo &tensor, qint64 begin) : m_tensor(tensor), m_index(tensor.shape.size(), 0)
    {
        qint64 rest = begin;
        for (int d = int(m_index.size()) - 1; d >= 0; --d) {
            m_index[d] = rest % tensor.shape[d];
            rest /= tensor.shape[d];
            m_offset += m_index[d] * tensor.strides[d];
        }
    }
    qint64 offset() const { return m_offset; }
    qint64 index(int dimension) const { return m_index[dimension]; }
    void advance()
    {
        for (int d = int(m_index.size()) - 1; d >= 0; --d) {
            if (++m_index[d] < m_tensor.shape[d]) {
                m_offset += m_tensor.strides[d];
                return;
            }
            m_offset -= (m_tensor.shape[d] - 1) * m_tensor.strides[d];
            m_index[d] = 0;
        }
    }

private:
    const TensorInfo &m_tensor;
    QVector<qint64> m_index;
    qint64 m_offset = 0;
};

// Hands elements [begin, end) to block(const Value *values, int n) in row-major order. Contiguous
// data already of type Value is passed in place; anything else is decoded into a small buffer.
template <typename Value, typename Raw, typename Convert, typename Block>
void visitTyped(const TensorInfo &tensor, qint64 begin, qint64 end, Convert convert, Block &block)
{
    const char *base = tensor.firstElement();
    if (tensor.isContiguous() && std::is_same_v<Value, Raw> &&
        reinterpret_cast<quintptr>(base) % alignof(Raw) == 0) {
        const Value *values = reinterpret_cast<const Value *>(base) + begin;
        for (qint64 i = 0; i < end - begin; i += kBlock)
            block(values + i, int(std::min<qint64>(kBlock, end - begin - i)));
        return;
    }
    Value buffer[kBlock];
    if (tensor.isContiguous()) {
        const char *p = base + begin * qint64(sizeof(Raw));
        for (qint64 i = begin; i < end;) {
            const int n = int(std::min<qint64>(kBlock, end - i));
            for (int k = 0; k < n; ++k) {
                Raw raw;
                std::memcpy(&raw, p + qint64(k) * qint64(sizeof(Raw)), sizeof raw);
                buffer[k] = Value(convert(raw));
            }
            block(buffer, n);
            p += qint64(n) * qint64(sizeof(Raw));
            i += n;
        }
        return;
    }
    // Strided: walk in row-major order from the multi-index of `begin`.
    Odometer at(tensor, begin);
    int n = 0;
    for (qint64 i = begin; i < end; ++i, at.advance()) {
        Raw raw;
        std::memcpy(&raw, base + at.offset() * qint64(sizeof(Raw)), sizeof raw);
        buffer[n++] = Value(convert(raw));
        if (n == kBlock) {
            block(buffer, n);
            n = 0;
        }
    }
    if (n > 0)
        block(buffer, n);
}

// Quantized tensors: elements [begin, end) dequantized in float32 as torch.dequantize gives them, with
// the channel of each element along the quantizer's axis. load(first, offset) reads a stored integer.
template <typename Load, typename Block>
void visitQuantized(const TensorInfo &tensor, qint64 begin, qint64 end, Load load, Block &block)
{
    const Quantization *quantization = tensor.quantization.get();
    if (!quantization)
        return;
    const char *base = tensor.firstElement();
    const int axis = quantization->scheme != Quantization::Scheme::PerTensorAffine &&
                             quantization->axis >= 0 && quantization->axis < tensor.shape.size()
                         ? quantization->axis
                         : -1;
    Odometer at(tensor, begin);
    float buffer[kBlock];
    int n = 0;
    for (qint64 i = begin; i < end; ++i, at.advance()) {
        buffer[n++] = quantization->dequantize(load(base, at.offset()), axis >= 0 ? at.index(axis) : 0);
        if (n == kBlock) {
            block(buffer, n);
            n = 0;
        }
    }
    if (n > 0)
        block(buffer, n);
}

// Calls visitor.block(values, n) with float values for types that a float holds exactly (float32,
// float16, bfloat16, float8, small integers) and double values for the rest.
template <typename Visitor>
void visitValues(const TensorInfo &tensor, qint64 begin, qint64 end, Visitor &visitor)
{
    auto same = [](auto v) { return v; };
    auto asFloat = [&visitor](const float *v, int n) { visitor.block(v, n); };
    auto asDouble = [&visitor](const double *v, int n) { visitor.block(v, n); };
    switch (tensor.dtype) {
    case DType::Float32:
        return visitTyped<float, float>(tensor, begin, end, same, asFloat);
    case DType::Float64:
        return visitTyped<double, double>(tensor, begin, end, same, asDouble);
    case DType::Complex64: // complex tensors contribute their real parts
        return visitTyped<float, std::complex<float>>(
            tensor, begin, end, [](std::complex<float> v) { return v.real(); }, asFloat);
    case DType::Complex128:
        return visitTyped<double, std::complex<double>>(
            tensor, begin, end, [](std::complex<double> v) { return v.real(); }, asDouble);
    case DType::Float16:
        return visitTyped<float, quint16>(tensor, begin, end, halfToFloat, asFloat);
    case DType::BFloat16:
        return visitTyped<float, quint16>(tensor, begin, end, bfloat16ToFloat, asFloat);
    case DType::Int8:
        return visitTyped<float, qint8>(tensor, begin, end, same, asFloat);
    case DType::Int16:
        return visitTyped<float, qint16>(tensor, begin, end, same, asFloat);
    case DType::Int32:
        return visitTyped<double, qint32>(tensor, begin, end, same, asDouble);
    case DType::Int64:
        return visitTyped<double, qint64>(
            tensor, begin, end, [](qint64 v) { return double(v); }, asDouble);
    case DType::UInt8:
        return visitTyped<float, quint8>(tensor, begin, end, same, asFloat);
    case DType::Bool:
        return visitTyped<float, quint8>(
            tensor, begin, end, [](quint8 v) { return v ? 1 : 0; }, asFloat);
    case DType::UInt16:
        return visitTyped<float, quint16>(tensor, begin, end, same, asFloat);
    case DType::UInt32:
        return visitTyped<double, quint32>(tensor, begin, end, same, asDouble);
    case DType::UInt64:
        return visitTyped<double, quint64>(
            tensor, begin, end, [](quint64 v) { return double(v); }, asDouble);
    case DType::Float8E4M3:
        return visitTyped<float, quint8>(tensor, begin, end, float8E4M3ToFloat, asFloat);
    case DType::Float8E5M2:
        return visitTyped<float, quint8>(tensor, begin, end, float8E5M2ToFloat, asFloat);
    case DType::QInt8:
        return visitQuantized(
            tensor, begin, end, [](const char *p, qint64 i) { return qint64(qint8(p[i])); }, asFloat);
    case DType::QUInt8:
        return visitQuantized(
            tensor, begin, end, [](const char *p, qint64 i) { return qint64(quint8(p[i])); }, asFloat);
    case DType::QInt32:
        return visitQuantized(
            tensor, begin, end,
            [](const char *p, qint64 i) {
                qint32 v;
                std::memcpy(&v, p + i * qint64(sizeof v), sizeof v);
                return qint64(v);
            },
            asFloat);
    case DType::QUInt4x2: // two a byte, the even element in the low nibble
        return visitQuantized(
            tensor, begin, end,
            [](const char *p, qint64 i) { return qint64((quint8(p[i / 2]) >> (i % 2 * 4)) & 0xf); }, asFloat);
    case DType::Invalid:
        break;
    }
}

int workerCount()
{
    return int(std::max(1u, std::min(16u, std::thread::hardware_concurrency())));
}

// Threads kept for the kernel across calls, one per core. Never destroyed: it may still be needed
// while the process exits.
QThreadPool &kernelThreadPool()
{
    static QThreadPool *const pool = [] {
        auto *threads = new QThreadPool;
        threads->setMaxThreadCount(workerCount());
        return threads;
    }();
    return *pool;
}

// Runs work(tensor, begin, end, worker) over all elements of all tensors on `workers` threads.
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
            work(*piece.tensor, piece.begin, piece.end, worker);
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
    if (workers == 1 || total < 4 * kChunk) {
        run(0);
    } else {
        // Helpers come from the kernel's own pool, whose tasks never wait on it, so a kernel called
        // from a pool thread cannot starve; the caller works too and then waits for its helpers.
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
    // Four independent lanes per accumulator let the adds overlap; a block holding NaN or Inf
    // (rare) takes the value-by-value path.
    template <typename T> void block(const T *v, int n)
    {
        if (!shifted) {
            for (int k = 0; k < n; ++k)
                add(double(v[k]));
            return;
        }
        // One pass with four independent lanes; x - x is NaN exactly for NaN and Inf, so a block
        // holding either (rare) is detected at the end and redone value by value.
        double s[4] = {0, 0, 0, 0}, q[4] = {0, 0, 0, 0};
        T lo[4] = {v[0], v[0], v[0], v[0]}, hi[4] = {v[0], v[0], v[0], v[0]};
        qint64 z[4] = {0, 0, 0, 0};
        T check[4] = {0, 0, 0, 0};
        const int whole = n & ~3;
        for (int k = 0; k < whole; k += 4) {
            for (int j = 0; j < 4; ++j) {
                const T x = v[k + j];
                check[j] += x - x;
                const double d = double(x) - shift;
                s[j] += d;
                q[j] += d * d;
                lo[j] = x < lo[j] ? x : lo[j];
                hi[j] = x > hi[j] ? x : hi[j];
                z[j] += x == T(0);
            }
        }
        for (int k = whole; k < n; ++k) {
            const T x = v[k];
            check[0] += x - x;
            const double d = double(x) - shift;
            s[0] += d;
            q[0] += d * d;
            lo[0] = x < lo[0] ? x : lo[0];
            hi[0] = x > hi[0] ? x : hi[0];
            z[0] += x == T(0);
        }
        if (!((check[0] + check[1] + check[2] + check[3]) == T(0))) {
            for (int k = 0; k < n; ++k)
                add(double(v[k]));
            return;
        }
        sum += (s[0] + s[1]) + (s[2] + s[3]);
        sumSquares += (q[0] + q[1]) + (q[2] + q[3]);
        min = std::min(min, double(std::min(std::min(lo[0], lo[1]), std::min(lo[2], lo[3]))));
        max = std::max(max, double(std::max(std::max(hi[0], hi[1]), std::max(hi[2], hi[3]))));
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
// Counts values into bins exactly as numpy.histogram does with the same edges.
struct Binner
{
    qint64 *count;
    const double *edge;
    double low, high, norm;
    // How far, in bins, rounding can move a value's computed position (see counts()).
    double tolerance;
    int bins;

    template <typename T> void block(const T *values, int n)
    {
        // Locals, so the compiler need not reload them after every counter store.
        qint64 *const counts = count;
        const double *const e = edge;
        const double lo = low, hi = high, scale = norm, tol = tolerance;
        const int last = bins - 1;
        for (int k = 0; k < n; ++k) {
            const double v = double(values[k]);
            if (!(v >= lo && v <= hi)) // also drops NaN; predictable over the data's own range
                continue;
            const double x = (v - lo) * scale;
            int i = int(x);
            const double fraction = x - double(i);
            i = i > last ? last : i;
            // Rounding moves the estimate by less than `tol`: only a value that lands that close to
            // an edge can belong to the neighbouring bin, and there the edges decide, as in numpy.
            if (fraction < tol || fraction > 1 - tol) {
                if (v < e[i])
                    --i;
                else if (i < last && v >= e[i + 1])
                    ++i;
            }
            ++counts[i];
        }
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

TensorStats HistogramKernel::statistics(const std::vector<const TensorInfo *> &tensors,
                                        const Progress &progress, bool *canceled, bool longRead)
{
    const int workers = workerCount();
    std::vector<Combined> partial{size_t(workers)};
    const bool finished = parallelOver(
        tensors, workers, progress,
        [&](const TensorInfo &tensor, qint64 begin, qint64 end, int worker) {
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
        stats.l2Norm = std::sqrt(total.sumOfSquaredValues);
    }
    return stats;
}

QVector<qint64> HistogramKernel::counts(const std::vector<const TensorInfo *> &tensors,
                                        const QVector<double> &edges, const Progress &progress,
                                        bool *canceled, bool longRead)
{
    const int bins = int(edges.size()) - 1;
    const int workers = workerCount();
    std::vector<std::vector<qint64>> partial(size_t(workers), std::vector<qint64>(size_t(bins), 0));
    const double low = edges.front();
    const double high = edges.back();
    const double norm = double(bins) / (high - low);
    // Bound on the rounding in (v - low) * norm and in the edges themselves, in bins, with a wide
    // margin; a narrow range far from zero gets a large bound and is checked against the edges always.
    const double magnitude = std::max(std::abs(low), std::abs(high));
    const double tolerance =
        16 * std::numeric_limits<double>::epsilon() * (magnitude * norm + double(bins) + 1);
    const double *edge = edges.constData();
    const bool finished = parallelOver(
        tensors, workers, progress,
        [&](const TensorInfo &tensor, qint64 begin, qint64 end, int worker) {
            Binner visit{partial[size_t(worker)].data(), edge, low, high, norm, tolerance, bins};
            visitValues(tensor, begin, end, visit);
        },
        longRead ? PageUse::ReadAheadAndRelease : PageUse::Keep);
    if (canceled)
        *canceled = !finished;
    QVector<qint64> result(bins, 0);
    for (const auto &p : partial) {
        for (int i = 0; i < bins; ++i)
            result[i] += p[size_t(i)];
    }
    return result;
}

HistogramResult HistogramKernel::compute(const std::vector<const TensorInfo *> &tensors,
                                         const HistogramRequest &request, const Progress &progress)
{
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
    result.counts = counts(tensors, result.edges, progress, &canceled, request.longRead);
    result.canceled = canceled;
    return result;
}

} // namespace torchscope
