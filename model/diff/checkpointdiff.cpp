#include "diff/checkpointdiff.h"

#include "diff/pairkernel.h"
#include "jobs/parallelpass.h"
#include "output/csvwriter.h"
#include "stats/valuevisitor.h"
#include "tensor/mappedfile.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <tuple>

namespace torchscope {

using namespace kernel;

namespace {

constexpr qint64 kPiece = qint64(1) << 20; // elements a worker takes at a time

// A complex tensor compared as its real and imaginary parts: the same storage seen as float pairs.
TensorInfo componentView(const TensorInfo &tensor)
{
    if (!dtypeIsComplex(tensor.dtype))
        return tensor;
    TensorInfo parts = tensor;
    parts.dtype = tensor.dtype == DType::Complex64 ? DType::Float32 : DType::Float64;
    for (qint64 &stride : parts.strides)
        stride *= 2;
    parts.shape.append(2);
    parts.strides.append(1);
    parts.storageOffset *= 2;
    return parts;
}

bool sameQuantization(const TensorInfo &a, const TensorInfo &b)
{
    if (!a.quantization || !b.quantization)
        return !a.quantization && !b.quantization;
    const Quantization &x = *a.quantization;
    const Quantization &y = *b.quantization;
    return x.scheme == y.scheme && x.scales == y.scales && x.zeroPoints == y.zeroPoints && x.axis == y.axis;
}

// Collects a range of one tensor's values as float64.
struct Collector
{
    double *out;
    int filled = 0;
    template <typename T> void block(const T *values, int n)
    {
        for (int k = 0; k < n; ++k)
            out[filled + k] = double(values[k]);
        filled += n;
    }
};

// Hands fn(a, b, n) the values of elements [begin, end) of two tensors of the same shape, a block
// at a time: float32 pairs in place from their storages (the common case, kept fast), anything else
// decoded to float64.
template <typename Fn>
void visitPairs(const TensorInfo &a, const TensorInfo &b, qint64 begin, qint64 end, Fn fn)
{
    auto inPlace = [](const TensorInfo &t) {
        return t.dtype == DType::Float32 && t.isContiguous() &&
               reinterpret_cast<quintptr>(t.firstElement()) % alignof(float) == 0;
    };
    if (inPlace(a) && inPlace(b)) {
        const float *x = reinterpret_cast<const float *>(a.firstElement());
        const float *y = reinterpret_cast<const float *>(b.firstElement());
        for (qint64 i = begin; i < end; i += kBlock)
            fn(x + i, y + i, int(std::min<qint64>(end - i, kBlock)));
        return;
    }
    double x[kBlock];
    double y[kBlock];
    for (qint64 i = begin; i < end; i += kBlock) {
        const qint64 stop = std::min<qint64>(end, i + kBlock);
        Collector ca{x};
        Collector cb{y};
        visitValues(a, i, stop, ca);
        visitValues(b, i, stop, cb);
        fn(static_cast<const double *>(x), static_cast<const double *>(y), int(stop - i));
    }
}

// Sums over elements of one piece, combined across pieces by adding.
struct PairSums
{
    qint64 elements = 0;
    qint64 finite = 0; // pairs finite on both sides: the statistics are taken over these
    PairRunSums sums;
    double atol = 0, rtol = 0;

    void add(double x, double y)
    {
        ++elements;
        if (!std::isfinite(x) || !std::isfinite(y)) {
            sums.changed += !(x == y || (std::isnan(x) && std::isnan(y)));
            return;
        }
        ++finite;
        sums.add(x, y, atol, rtol);
    }

    // The SIMD kernel over a block; a block holding NaN or Inf (rare) is redone value by value.
    template <typename T> void block(const T *a, const T *b, int n)
    {
        const PairRunSums run = comparePairs(a, b, size_t(n), atol, rtol);
        if (!run.allFinite) {
            for (int k = 0; k < n; ++k)
                add(double(a[k]), double(b[k]));
            return;
        }
        elements += n;
        finite += n;
        sums.merge(run);
    }

    void merge(const PairSums &o)
    {
        elements += o.elements;
        finite += o.finite;
        sums.merge(o.sums);
    }
};

// Sum of squares of the finite values of a range that is bit for bit the same on both sides.
struct SquaresOfSame
{
    qint64 elements = 0, finite = 0;
    double sum = 0;
    template <typename T> void block(const T *values, int n)
    {
        elements += n;
        for (int k = 0; k < n; ++k) {
            const double v = double(values[k]);
            if (std::isfinite(v)) {
                ++finite;
                sum += v * v;
            }
        }
    }
};

} // namespace

QString diffStatusName(DiffStatus status)
{
    static const char *const names[] = {"identical", "changed",       "only_in_a",
                                        "only_in_b", "shape_differs", "dtype_differs"};
    return QLatin1String(names[int(status)]);
}

bool TensorDiff::isEqual() const
{
    if (requiresGradDiffers())
        return false;
    if (status == DiffStatus::Identical)
        return true;
    return status == DiffStatus::DtypeDiffers && hasStatistics && withinTolerance;
}

DiffSide DiffSide::fromContent(const CheckpointContent &content)
{
    DiffSide side;
    side.label = content.filePath.section(QLatin1Char('/'), -1);
    side.tensors = content.tensors;
    side.modules = content.modules;
    return side;
}

DiffTotals Comparison::totals() const
{
    DiffTotals totals;
    for (const TensorDiff &diff : tensors) {
        ++totals.tensors;
        switch (diff.status) {
        case DiffStatus::Identical:
            ++totals.identical;
            break;
        case DiffStatus::Changed:
            ++totals.changed;
            break;
        case DiffStatus::OnlyInA:
            ++totals.onlyInA;
            break;
        case DiffStatus::OnlyInB:
            ++totals.onlyInB;
            break;
        case DiffStatus::ShapeDiffers:
            ++totals.shapeDiffers;
            break;
        case DiffStatus::DtypeDiffers:
            ++totals.dtypeDiffers;
            break;
        }
        totals.requiresGradDiffers += diff.requiresGradDiffers();
        if (diff.hasStatistics) {
            totals.elementsCompared += diff.elements;
            totals.elementsChanged += diff.changedElements;
            if (!std::isnan(diff.relL2))
                totals.largestRelL2 = std::max(totals.largestRelL2, diff.relL2);
        }
        totals.equal = totals.equal && diff.isEqual();
    }
    return totals;
}

Comparison CheckpointDiff::match(const DiffSide &a, const DiffSide &b, const DiffOptions &options)
{
    Comparison comparison;
    comparison.options = options;
    // Each side's names after its mapping (NameMatching: the first of a name wins, collisions reported).
    const MappedNames mappedA = MappedNames::of(a.tensors, options.a);
    const MappedNames mappedB = MappedNames::of(b.tensors, options.b);
    for (const auto &[side, mapped, which] :
         {std::tuple(&a, &mappedA, QStringLiteral("A")), std::tuple(&b, &mappedB, QStringLiteral("B"))}) {
        for (const auto &[kept, dropped] : mapped->collisions)
            comparison.warnings.append(
                QCoreApplication::translate("CheckpointDiff",
                                            "%1: '%2' and '%3' both map to '%4'; the second is left out")
                    .arg(which, side->tensors[size_t(kept)].name, side->tensors[size_t(dropped)].name,
                         mapped->names[dropped]));
    }
    const QHash<QString, int> &namesA = mappedA.indexOf;
    const QHash<QString, int> &namesB = mappedB.indexOf;

    QSet<QString> unmatchedA, unmatchedB;
    for (int i = 0; i < int(a.tensors.size()); ++i) {
        const TensorInfo &ta = a.tensors[size_t(i)];
        const QString &name = mappedA.names[i];
        if (namesA.value(name) != i)
            continue;
        TensorDiff diff;
        diff.name = name;
        diff.indexA = i;
        diff.indexB = namesB.value(name, -1);
        if (diff.indexB < 0) {
            diff.status = DiffStatus::OnlyInA;
            unmatchedA.insert(name);
        } else {
            const TensorInfo &tb = b.tensors[size_t(diff.indexB)];
            diff.elements = ta.numel();
            diff.requiresGradCompared = ta.hasRequiresGrad && tb.hasRequiresGrad;
            diff.requiresGradA = ta.requiresGrad;
            diff.requiresGradB = tb.requiresGrad;
            if (ta.shape != tb.shape)
                diff.status = DiffStatus::ShapeDiffers;
            else if (ta.dtype != tb.dtype)
                diff.status = DiffStatus::DtypeDiffers;
            else
                diff.status = DiffStatus::Changed; // until compare() reads the values
        }
        comparison.tensors.append(diff);
    }
    for (int i = 0; i < int(b.tensors.size()); ++i) {
        const QString &name = mappedB.names[i];
        if (namesB.value(name) != i || namesA.contains(name))
            continue;
        TensorDiff diff;
        diff.name = name;
        diff.indexB = i;
        diff.status = DiffStatus::OnlyInB;
        comparison.tensors.append(diff);
        unmatchedB.insert(name);
    }

    comparison.suggestion = suggestPrefix(unmatchedA, unmatchedB);
    return comparison;
}

namespace {

// What compare() reads: the pairs of tensors whose values are compared, each cut into pieces.
struct ComparePlan
{
    struct Pair
    {
        int diff;
        TensorInfo a, b;
        bool bytewise;               // may be compared byte for byte first
        size_t firstPiece, endPiece; // its pieces, [first, end)
        std::unique_ptr<std::atomic<qint64>> piecesLeft;
    };
    struct Piece
    {
        size_t pair;
        qint64 begin, end;
    };
    std::vector<Pair> pairs;
    std::vector<Piece> pieces;
    qint64 totalElements = 0;
    // A pair whose two tensors are tied to the two tensors of an earlier pair (a tied head and
    // embedding on both sides) has that pair's values: read once, its statistics copied.
    QVector<std::pair<int, int>> aliases; // (diff, the diff it copies)
    // Filled by the passes, one a piece.
    std::vector<PairSums> sums;
    std::vector<char> same;

    void add(int diff, const TensorInfo &ta, const TensorInfo &tb, bool longRead)
    {
        Pair pair{diff, componentView(ta), componentView(tb), false, pieces.size(), 0, nullptr};
        pair.bytewise = ta.dtype == tb.dtype && ta.dtype != DType::QUInt4x2 && ta.isContiguous() &&
                        tb.isContiguous() && sameQuantization(ta, tb);
        const qint64 n = pair.a.numel();
        for (qint64 begin = 0; begin < n || begin == 0; begin += kPiece)
            pieces.push_back({pairs.size(), begin, std::min(n, begin + kPiece)});
        pair.endPiece = pieces.size();
        pair.piecesLeft = std::make_unique<std::atomic<qint64>>(qint64(pair.endPiece - pair.firstPiece));
        totalElements += n;
        if (longRead) {
            adviseLongRead(pair.a);
            adviseLongRead(pair.b);
        }
        pairs.push_back(std::move(pair));
    }
};

// The matched pairs of equal shape whose values can be compared; warnings for meta tensors.
ComparePlan planComparison(const DiffSide &a, const DiffSide &b, Comparison *comparison)
{
    ComparePlan plan;
    QHash<int, int> diffOfTensorA; // indexA -> the diff of a pair that is read
    for (int i = 0; i < comparison->tensors.size(); ++i) {
        TensorDiff &diff = comparison->tensors[i];
        if (diff.indexA < 0 || diff.indexB < 0 || diff.status == DiffStatus::ShapeDiffers)
            continue;
        const TensorInfo &ta = a.tensors[size_t(diff.indexA)];
        const TensorInfo &tb = b.tensors[size_t(diff.indexB)];
        if (ta.meta || tb.meta) {
            comparison->warnings << QCoreApplication::translate(
                                        "CheckpointDiff",
                                        "%1: a meta tensor has no data; its values are not compared")
                                        .arg(ta.meta ? ta.name : tb.name);
            continue;
        }
        // Complex against real has no element-wise meaning; both must be readable.
        if (dtypeIsComplex(ta.dtype) != dtypeIsComplex(tb.dtype) || ta.dtype == DType::Invalid ||
            tb.dtype == DType::Invalid || !ta.storage || !tb.storage)
            continue;
        if (ta.tiedTo >= 0 && tb.tiedTo >= 0) {
            const int target = diffOfTensorA.value(ta.tiedTo, -1);
            if (target >= 0 && comparison->tensors[target].indexB == tb.tiedTo) {
                plan.aliases.append({i, target});
                continue;
            }
        }
        diffOfTensorA.insert(diff.indexA, i);
        plan.add(i, ta, tb, comparison->options.longRead);
    }
    return plan;
}

// Each piece: the bytes first where they may be equal (memcmp runs at memory speed and most frozen
// layers are equal), the values only where they differ. False when canceled.
bool comparePieces(ComparePlan &plan, const DiffOptions &options, const Progress &progress)
{
    plan.sums.assign(plan.pieces.size(), PairSums());
    plan.same.assign(plan.pieces.size(), 0);
    PassProgress passProgress(progress, plan.totalElements);
    return runPieces(plan.pieces.size(), workerCount(), progress, [&](size_t i, int) {
        const ComparePlan::Piece &piece = plan.pieces[i];
        ComparePlan::Pair &pair = plan.pairs[piece.pair];
        const qint64 n = piece.end - piece.begin;
        if (pair.bytewise) {
            const qint64 size = dtypeElementSize(pair.a.dtype);
            plan.same[i] = std::memcmp(pair.a.firstElement() + piece.begin * size,
                                       pair.b.firstElement() + piece.begin * size, size_t(n * size)) == 0;
        }
        if (!plan.same[i]) {
            PairSums &s = plan.sums[i];
            s.atol = options.atol;
            s.rtol = options.rtol;
            visitPairs(pair.a, pair.b, piece.begin, piece.end,
                       [&s](const auto *x, const auto *y, int count) { s.block(x, y, count); });
        }
        if (options.longRead && --*pair.piecesLeft == 0) {
            releasePagesOf(pair.a);
            releasePagesOf(pair.b);
        }
        passProgress.add(n);
    });
}

// A tensor partly the same still needs the norms of its equal pieces for ||a|| and a.b.
bool normsOfEqualPieces(ComparePlan &plan, const Progress &progress)
{
    std::vector<size_t> normPieces;
    for (const ComparePlan::Pair &pair : plan.pairs) {
        const auto begin = plan.same.begin() + qint64(pair.firstPiece);
        const auto end = plan.same.begin() + qint64(pair.endPiece);
        if (std::count(begin, end, 0) == 0 || std::count(begin, end, 1) == 0)
            continue;
        for (size_t i = pair.firstPiece; i < pair.endPiece; ++i)
            if (plan.same[i])
                normPieces.push_back(i);
    }
    return runPieces(normPieces.size(), workerCount(), progress, [&](size_t k, int) {
        const size_t i = normPieces[k];
        const ComparePlan::Piece &piece = plan.pieces[i];
        SquaresOfSame squares;
        visitValues(plan.pairs[piece.pair].a, piece.begin, piece.end, squares);
        PairSums &s = plan.sums[i];
        s.elements = squares.elements;
        s.finite = squares.finite;
        s.sums.sumSquaredA = s.sums.sumSquaredB = s.sums.sumProducts = squares.sum;
    });
}

// One pair's statistics from its pieces' sums.
void finishPair(const ComparePlan &plan, const ComparePlan::Pair &pair, TensorDiff *diff)
{
    PairSums total;
    bool allSame = true;
    for (size_t i = pair.firstPiece; i < pair.endPiece; ++i) {
        total.merge(plan.sums[i]);
        allSame = allSame && plan.same[i];
    }
    diff->hasStatistics = true;
    diff->bitIdentical = allSame && pair.bytewise;
    diff->changedElements = total.sums.changed;
    if (allSame) {
        diff->maxAbs = diff->meanAbs = diff->relL2 = 0;
        diff->cosine = 1;
    } else {
        diff->maxAbs = total.sums.maxAbs;
        diff->meanAbs = total.finite > 0 ? total.sums.sumAbs / double(total.finite) : 0;
        const double normA = std::sqrt(total.sums.sumSquaredA);
        const double normB = std::sqrt(total.sums.sumSquaredB);
        const double normDiff = std::sqrt(total.sums.sumSquaredDiff);
        diff->relL2 =
            normA > 0 ? normDiff / normA : (normDiff > 0 ? std::numeric_limits<double>::infinity() : 0.0);
        // One square root of the product rounds less than the product of two (unless it overflows).
        const double squares = total.sums.sumSquaredA * total.sums.sumSquaredB;
        const double norms = std::isfinite(squares) ? std::sqrt(squares) : normA * normB;
        diff->cosine = normA > 0 && normB > 0
                           ? std::clamp(total.sums.sumProducts / norms, -1.0, 1.0)
                           : (normDiff > 0 ? std::numeric_limits<double>::quiet_NaN() : 1.0);
    }
    diff->withinTolerance = total.sums.changed == 0;
    if (diff->status != DiffStatus::DtypeDiffers)
        diff->status = diff->withinTolerance ? DiffStatus::Identical : DiffStatus::Changed;
}

void copyStatistics(const TensorDiff &from, TensorDiff *to)
{
    to->status = from.status;
    to->hasStatistics = from.hasStatistics;
    to->bitIdentical = from.bitIdentical;
    to->withinTolerance = from.withinTolerance;
    to->changedElements = from.changedElements;
    to->maxAbs = from.maxAbs;
    to->meanAbs = from.meanAbs;
    to->relL2 = from.relL2;
    to->cosine = from.cosine;
}

} // namespace

bool CheckpointDiff::compare(const DiffSide &a, const DiffSide &b, Comparison *comparison,
                             const Progress &progress)
{
    ComparePlan plan = planComparison(a, b, comparison);
    if (!comparePieces(plan, comparison->options, progress) || !normsOfEqualPieces(plan, progress))
        return false;
    for (const ComparePlan::Pair &pair : plan.pairs)
        finishPair(plan, pair, &comparison->tensors[pair.diff]);
    for (const auto &[alias, target] : std::as_const(plan.aliases))
        copyStatistics(comparison->tensors[target], &comparison->tensors[alias]);
    return true;
}

namespace {

// Range and moments of a - b over a range of elements.
struct DifferenceRange
{
    qint64 finite = 0, nan = 0, inf = 0, zero = 0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    double sum = 0, sumSquares = 0;

    void merge(const DifferenceRange &r)
    {
        finite += r.finite;
        nan += r.nan;
        inf += r.inf;
        zero += r.zero;
        min = std::min(min, r.min);
        max = std::max(max, r.max);
        sum += r.sum;
        sumSquares += r.sumSquares;
    }
    TensorStats stats(qint64 count) const
    {
        TensorStats stats;
        stats.count = count;
        stats.finite = finite;
        stats.nanCount = nan;
        stats.infCount = inf;
        stats.zeroCount = zero;
        if (finite > 0) {
            stats.min = min;
            stats.max = max;
            stats.mean = sum / double(finite);
            stats.std = std::sqrt(std::max(0.0, sumSquares / double(finite) - stats.mean * stats.mean));
            stats.l2Norm = std::sqrt(sumSquares);
        }
        return stats;
    }
};

// The two passes of differenceHistogram over x - y, in pieces of kPiece elements.
struct DifferencePasses
{
    const TensorInfo &x, &y;
    const Progress &progress;
    qint64 n;
    size_t pieceCount;

    std::pair<qint64, qint64> bounds(size_t i) const
    {
        return {qint64(i) * kPiece, std::min(n, qint64(i + 1) * kPiece)};
    }
    // First pass: range and moments of the differences. Partial when canceled.
    DifferenceRange range() const
    {
        std::vector<DifferenceRange> ranges(pieceCount);
        PassProgress passProgress(progress, n, 0, 2 * n);
        runPieces(pieceCount, workerCount(), progress, [&](size_t i, int) {
            const auto [begin, end] = bounds(i);
            DifferenceRange &r = ranges[i];
            visitPairs(x, y, begin, end, [&r](const auto *p, const auto *q, int count) {
                for (int k = 0; k < count; ++k) {
                    const double d = double(p[k]) - double(q[k]);
                    if (!std::isfinite(d)) {
                        std::isnan(d) ? ++r.nan : ++r.inf;
                        continue;
                    }
                    ++r.finite;
                    r.zero += d == 0;
                    r.min = std::min(r.min, d);
                    r.max = std::max(r.max, d);
                    r.sum += d;
                    r.sumSquares += d * d;
                }
            });
            passProgress.add(end - begin);
        });
        DifferenceRange all;
        for (const DifferenceRange &r : ranges)
            all.merge(r);
        return all;
    }
    // Second pass: counts over [low, high], each worker into its own row.
    QVector<qint64> counts(double low, double high, int bins) const
    {
        std::vector<QVector<qint64>> rows(size_t(workerCount()), QVector<qint64>(bins, 0));
        const double scale = double(bins) / (high - low);
        PassProgress passProgress(progress, n, n, 2 * n);
        runPieces(pieceCount, workerCount(), progress, [&](size_t i, int worker) {
            const auto [begin, end] = bounds(i);
            qint64 *counts = rows[size_t(worker)].data();
            visitPairs(x, y, begin, end, [&](const auto *p, const auto *q, int count) {
                for (int k = 0; k < count; ++k) {
                    const double d = double(p[k]) - double(q[k]);
                    if (!(d >= low && d <= high))
                        continue;
                    counts[std::min(bins - 1, int((d - low) * scale))]++;
                }
            });
            passProgress.add(end - begin);
        });
        QVector<qint64> total(bins, 0);
        for (const QVector<qint64> &row : rows)
            for (int k = 0; k < bins; ++k)
                total[k] += row[k];
        return total;
    }
};

} // namespace

HistogramResult CheckpointDiff::differenceHistogram(const TensorInfo &a, const TensorInfo &b, int bins,
                                                    const Progress &progress)
{
    HistogramResult result;
    const TensorInfo x = componentView(a);
    const TensorInfo y = componentView(b);
    const qint64 n = x.numel();
    if (x.shape != y.shape || !x.storage || !y.storage || dtypeIsComplex(a.dtype) != dtypeIsComplex(b.dtype))
        return result;
    const DifferencePasses passes{x, y, progress, n, size_t(std::max<qint64>(1, (n + kPiece - 1) / kPiece))};
    const DifferenceRange all = passes.range();
    if (progress.isCanceled())
        return result;
    result.stats = all.stats(n);
    if (bins <= 0)
        bins = HistogramKernel::defaultBins(all.finite);
    double low = all.finite > 0 ? all.min : 0;
    double high = all.finite > 0 ? all.max : 1;
    if (!(low < high)) { // all differences equal (often all zero): a unit-wide range around them
        low -= 0.5;
        high += 0.5;
    }
    result.edges = HistogramKernel::linspaceEdges(low, high, bins);
    result.counts = passes.counts(low, high, bins);
    if (progress.isCanceled())
        result.counts.clear(); // partial counts would read as a histogram
    return result;
}

QByteArray CheckpointDiff::toCsv(const Comparison &comparison, const DiffSide &a, const DiffSide &b)
{
    CsvWriter csv;
    for (const char *column :
         {"name", "status", "dtype_a", "dtype_b", "shape_a", "shape_b", "elements", "max_abs", "mean_abs",
          "rel_l2", "changed_fraction", "cosine", "bit_identical", "requires_grad_a", "requires_grad_b"})
        csv.field(column);
    csv.endRow();
    const auto flag = [&csv](bool stored, bool value) {
        stored ? csv.field(value ? "true" : "false") : csv.empty();
    };
    for (const TensorDiff &diff : comparison.tensors) {
        const TensorInfo *ta = diff.indexA >= 0 ? &a.tensors[size_t(diff.indexA)] : nullptr;
        const TensorInfo *tb = diff.indexB >= 0 ? &b.tensors[size_t(diff.indexB)] : nullptr;
        csv.field(diff.name);
        csv.field(diffStatusName(diff.status));
        csv.field(ta ? dtypeName(ta->dtype) : QString());
        csv.field(tb ? dtypeName(tb->dtype) : QString());
        csv.field(ta ? shapeToString(ta->shape) : QString());
        csv.field(tb ? shapeToString(tb->shape) : QString());
        diff.hasStatistics ? csv.number(diff.elements) : csv.empty();
        for (const double value :
             {diff.maxAbs, diff.meanAbs, diff.relL2, diff.changedFraction(), diff.cosine})
            diff.hasStatistics ? csv.number(value) : csv.empty();
        flag(diff.hasStatistics, diff.bitIdentical);
        flag(ta && ta->hasRequiresGrad, ta && ta->requiresGrad);
        flag(tb && tb->hasRequiresGrad, tb && tb->requiresGrad);
        csv.endRow();
    }
    return csv.bytes();
}

bool CheckpointDiff::needsLongRead(const DiffSide &a, const DiffSide &b)
{
    qint64 bytes = 0;
    for (const DiffSide *side : {&a, &b})
        for (const TensorInfo &t : side->tensors)
            if (t.tiedTo < 0)
                bytes += t.byteSize();
    return isLongRead(bytes);
}

} // namespace torchscope
