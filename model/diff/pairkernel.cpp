#include "diff/pairkernel.h"

// Highway compiles this file once per instruction set and picks one at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "diff/pairkernel.cpp"
#include <hwy/foreach_target.h> // IWYU pragma: keep
#include <hwy/highway.h>

#include <algorithm>
#include <cmath>
#include <type_traits>

HWY_BEFORE_NAMESPACE();
namespace torchscope {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// T is float (promoted to float64 in registers) or double.
template <typename T> PairRunSums ComparePairsOf(const T *a, const T *b, size_t n, double atol, double rtol)
{
    const hn::ScalableTag<double> dd;
    const hn::Rebind<T, decltype(dd)> dt; // as many lanes of T as of double
    const size_t lanes = hn::Lanes(dd);
    auto check = hn::Zero(dd), mx = hn::Zero(dd), sa = hn::Zero(dd), sd = hn::Zero(dd);
    auto qa = hn::Zero(dd), qb = hn::Zero(dd), ab = hn::Zero(dd), ch = hn::Zero(dd);
    const auto at = hn::Set(dd, atol), rt = hn::Set(dd, rtol), one = hn::Set(dd, 1.0);
    size_t i = 0;
    for (; i + lanes <= n; i += lanes) {
        auto load = [&](const T *p) {
            if constexpr (std::is_same_v<T, float>)
                return hn::PromoteTo(dd, hn::LoadU(dt, p));
            else
                return hn::LoadU(dd, p);
        };
        const auto x = load(a + i);
        const auto y = load(b + i);
        const auto diff = hn::Sub(x, y);
        check = hn::Add(check, hn::Sub(diff, diff)); // NaN from here on once a value is not finite
        const auto d = hn::Abs(diff);
        mx = hn::Max(mx, d);
        sa = hn::Add(sa, d);
        sd = hn::MulAdd(d, d, sd);
        qa = hn::MulAdd(x, x, qa);
        qb = hn::MulAdd(y, y, qb);
        ab = hn::MulAdd(x, y, ab);
        // Not fused, so an element is judged exactly as the scalar rule judges it.
        ch = hn::Add(ch, hn::IfThenElseZero(hn::Gt(d, hn::Add(at, hn::Mul(rt, hn::Abs(y)))), one));
    }
    PairRunSums sums;
    auto total = [&dd](decltype(check) v) { return hn::GetLane(hn::SumOfLanes(dd, v)); };
    double finiteCheck = total(check);
    sums.maxAbs = hn::GetLane(hn::MaxOfLanes(dd, mx));
    sums.sumAbs = total(sa);
    sums.sumSquaredDiff = total(sd);
    sums.sumSquaredA = total(qa);
    sums.sumSquaredB = total(qb);
    sums.sumProducts = total(ab);
    sums.changed = qint64(total(ch));
    for (; i < n; ++i) {
        const double x = double(a[i]), y = double(b[i]), diff = x - y;
        finiteCheck += diff - diff;
        sums.add(x, y, atol, rtol);
    }
    sums.allFinite = finiteCheck == 0;
    return sums;
}

PairRunSums ComparePairsFloat(const float *a, const float *b, size_t n, double atol, double rtol)
{
    return ComparePairsOf(a, b, n, atol, rtol);
}

PairRunSums ComparePairsDouble(const double *a, const double *b, size_t n, double atol, double rtol)
{
    return ComparePairsOf(a, b, n, atol, rtol);
}

} // namespace HWY_NAMESPACE
} // namespace torchscope
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace torchscope {
HWY_EXPORT(ComparePairsFloat);
HWY_EXPORT(ComparePairsDouble);

PairRunSums comparePairs(const float *a, const float *b, size_t n, double atol, double rtol)
{
    return HWY_DYNAMIC_DISPATCH(ComparePairsFloat)(a, b, n, atol, rtol);
}

PairRunSums comparePairs(const double *a, const double *b, size_t n, double atol, double rtol)
{
    return HWY_DYNAMIC_DISPATCH(ComparePairsDouble)(a, b, n, atol, rtol);
}

void PairRunSums::merge(const PairRunSums &other)
{
    allFinite = allFinite && other.allFinite;
    changed += other.changed;
    maxAbs = std::max(maxAbs, other.maxAbs);
    sumAbs += other.sumAbs;
    sumSquaredDiff += other.sumSquaredDiff;
    sumSquaredA += other.sumSquaredA;
    sumSquaredB += other.sumSquaredB;
    sumProducts += other.sumProducts;
}
} // namespace torchscope
#endif
