#include "stats/momentskernel.h"

// Highway compiles this file once per instruction set and picks one at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "stats/momentskernel.cpp"
#include <hwy/foreach_target.h> // IWYU pragma: keep
#include <hwy/highway.h>

#include <algorithm>
#include <cmath>

HWY_BEFORE_NAMESPACE();
namespace torchscope {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

bool FloatMomentsImpl(const float *values, size_t n, double shift, FloatMoments *out)
{
#if HWY_TARGET == HWY_SCALAR
    // One lane has no halves: plain code, the same sums.
    double sum = 0, squares = 0;
    float lo = values[0], hi = values[0];
    qint64 zeroCount = 0;
    size_t i = 0;
#else
    const hn::ScalableTag<float> df;
    const hn::Half<decltype(df)> dh;
    const hn::Rebind<double, decltype(dh)> dd;
    const hn::RebindToSigned<decltype(df)> di;
    const size_t lanes = hn::Lanes(df);
    const auto shiftV = hn::Set(dd, shift);
    const auto zero = hn::Zero(df);
    // Two accumulators a half, so consecutive adds do not wait on each other.
    auto sumLow = hn::Zero(dd), sumHigh = hn::Zero(dd), squaresLow = hn::Zero(dd), squaresHigh = hn::Zero(dd);
    auto low = hn::Set(df, values[0]), high = low;
    auto zeros = hn::Zero(di);
    auto check = zero; // x - x: 0 for finite x, NaN for NaN and +-Inf
    size_t i = 0;
    for (; i + lanes <= n; i += lanes) {
        const auto x = hn::LoadU(df, values + i);
        check = hn::Add(check, hn::Sub(x, x));
        low = hn::Min(low, x);
        high = hn::Max(high, x);
        zeros = hn::Sub(zeros, hn::BitCast(di, hn::VecFromMask(df, hn::Eq(x, zero))));
        const auto dLow = hn::Sub(hn::PromoteTo(dd, hn::LowerHalf(dh, x)), shiftV);
        const auto dHigh = hn::Sub(hn::PromoteTo(dd, hn::UpperHalf(dh, x)), shiftV);
        sumLow = hn::Add(sumLow, dLow);
        sumHigh = hn::Add(sumHigh, dHigh);
        squaresLow = hn::MulAdd(dLow, dLow, squaresLow);
        squaresHigh = hn::MulAdd(dHigh, dHigh, squaresHigh);
    }
    if (!hn::AllTrue(df, hn::Eq(check, zero)))
        return false;
    double sum = hn::GetLane(hn::SumOfLanes(dd, hn::Add(sumLow, sumHigh)));
    double squares = hn::GetLane(hn::SumOfLanes(dd, hn::Add(squaresLow, squaresHigh)));
    float lo = hn::GetLane(hn::MinOfLanes(df, low));
    float hi = hn::GetLane(hn::MaxOfLanes(df, high));
    qint64 zeroCount = hn::GetLane(hn::SumOfLanes(di, zeros));
#endif
    for (; i < n; ++i) { // the tail
        const float x = values[i];
        if (!std::isfinite(x))
            return false;
        const double d = double(x) - shift;
        sum += d;
        squares += d * d;
        lo = std::min(lo, x);
        hi = std::max(hi, x);
        zeroCount += x == 0.0f;
    }
    out->sum = sum;
    out->sumSquares = squares;
    out->min = lo;
    out->max = hi;
    out->zeros = zeroCount;
    return true;
}

} // namespace HWY_NAMESPACE
} // namespace torchscope
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace torchscope {
HWY_EXPORT(FloatMomentsImpl);

bool floatMoments(const float *values, size_t n, double shift, FloatMoments *out)
{
    return HWY_DYNAMIC_DISPATCH(FloatMomentsImpl)(values, n, shift, out);
}
} // namespace torchscope
#endif
