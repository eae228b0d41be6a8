#include "stats/binkernel.h"

// Highway compiles this file once per instruction set and picks one at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "stats/binkernel.cpp"
#include <hwy/foreach_target.h> // IWYU pragma: keep
#include <hwy/highway.h>

#include <algorithm>
#include <cmath>
#include <type_traits>

HWY_BEFORE_NAMESPACE();
namespace torchscope {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// One value as the SIMD lanes compute it.
inline qint32 binOne(float value, double low, double high, double norm, double tolerance, int bins)
{
    const double v = double(value);
    if (!(v >= low && v <= high))
        return bins;
    const double x = (v - low) * norm;
    const int i = int(x);
    const double fraction = x - double(i);
    if (fraction < tolerance || fraction > 1 - tolerance)
        return bins + 1;
    return i > bins - 1 ? bins - 1 : i;
}

void BinFloat32Impl(const float *values, size_t n, double low, double high, double norm, double tolerance,
                    int bins, qint32 *out)
{
    size_t i = 0;
#if HWY_TARGET != HWY_SCALAR
    const hn::ScalableTag<float> df;
    const hn::Half<decltype(df)> dh;
    const hn::Rebind<double, decltype(dh)> dd;
    const hn::Rebind<qint32, decltype(dd)> di;
    const size_t lanes = hn::Lanes(df);
    const size_t half = hn::Lanes(dd);
    const auto lowV = hn::Set(dd, low), highV = hn::Set(dd, high), normV = hn::Set(dd, norm);
    const auto tolV = hn::Set(dd, tolerance), upperTolV = hn::Set(dd, 1 - tolerance);
    // Chosen in float64 lanes (bins are small whole numbers, exact there), converted once at the end.
    const auto lastV = hn::Set(dd, double(bins - 1)), outsideV = hn::Set(dd, double(bins));
    const auto nearV = hn::Set(dd, double(bins + 1));
    const auto binHalf = [&](auto d, qint32 *to) {
        const auto inRange = hn::And(hn::Ge(d, lowV), hn::Le(d, highV)); // false for NaN
        // Out-of-range lanes compute a value that is never used; keep it finite for the conversion.
        const auto x = hn::Mul(hn::Sub(hn::IfThenElse(inRange, d, lowV), lowV), normV);
        const auto whole = hn::Floor(x); // x >= 0: the same as truncating
        const auto fraction = hn::Sub(x, whole);
        const auto near = hn::Or(hn::Lt(fraction, tolV), hn::Gt(fraction, upperTolV));
        const auto bin =
            hn::IfThenElse(inRange, hn::IfThenElse(near, nearV, hn::Min(whole, lastV)), outsideV);
        hn::StoreU(hn::DemoteTo(di, bin), di, to);
    };
    for (; i + lanes <= n; i += lanes) {
        const auto x = hn::LoadU(df, values + i);
        binHalf(hn::PromoteTo(dd, hn::LowerHalf(dh, x)), out + i);
        binHalf(hn::PromoteTo(dd, hn::UpperHalf(dh, x)), out + i + half);
    }
#endif
    for (; i < n; ++i)
        out[i] = binOne(values[i], low, high, norm, tolerance, bins);
}

// float32 lanes: twice the values an instruction, no widening. The position is computed from float32
// copies of low and norm, so a value's bin is trusted only at least `tolerance` (a bound on that
// rounding, in bins) from an edge; near an edge, and near either end of the range, the caller decides.
// The bins of values [i, n) one by one, as the lanes compute them.
template <typename Out>
void binFloat32Tail(const float *values, size_t i, size_t n, float low, float norm, float tolerance, int bins,
                    Out *out)
{
    const float top = float(bins);
    for (; i < n; ++i) {
        const float x = (values[i] - low) * norm;
        if (!(x >= -tolerance && x <= top + tolerance)) {
            out[i] = Out(bins);
            continue;
        }
        const float whole = std::floor(x);
        const float fraction = x - whole;
        out[i] =
            Out(fraction < tolerance || fraction > 1 - tolerance ? bins + 1 : std::min(int(whole), bins - 1));
    }
}

// float32 lanes: twice the values an instruction, no widening. The position is computed from float32
// copies of low and norm, so a value's bin is trusted only at least `tolerance` (a bound on that
// rounding, in bins) from an edge; near an edge, and near either end of the range, the caller decides.
// Out is qint32, or quint8 for up to kMaxByteBins bins.
template <typename Out>
void BinFloat32LanesOf(const float *values, size_t n, float low, float norm, float tolerance, int bins,
                       Out *out)
{
    size_t i = 0;
#if HWY_TARGET != HWY_SCALAR
    const float top = float(bins);
    const hn::ScalableTag<float> df;
    const hn::RebindToSigned<decltype(df)> di;
    const size_t lanes = hn::Lanes(df);
    const auto lowV = hn::Set(df, low), normV = hn::Set(df, norm);
    const auto tolV = hn::Set(df, tolerance), upperTolV = hn::Set(df, 1 - tolerance);
    const auto belowV = hn::Set(df, -tolerance), aboveV = hn::Set(df, top + tolerance);
    const auto lastV = hn::Set(df, top - 1), outsideV = hn::Set(df, top), nearV = hn::Set(df, top + 1);
    for (; i + lanes <= n; i += lanes) {
        const auto x = hn::Mul(hn::Sub(hn::LoadU(df, values + i), lowV), normV);
        // Clearly inside the range (false for NaN); the ends themselves are near an edge below.
        const auto inside = hn::And(hn::Ge(x, belowV), hn::Le(x, aboveV));
        const auto whole = hn::Floor(x);
        const auto fraction = hn::Sub(x, whole);
        const auto near = hn::Or(hn::Lt(fraction, tolV), hn::Gt(fraction, upperTolV));
        const auto bin = hn::IfThenElse(inside, hn::IfThenElse(near, nearV, hn::Min(whole, lastV)), outsideV);
        if constexpr (std::is_same_v<Out, quint8>) {
            const hn::Rebind<quint8, decltype(di)> du8;
            hn::StoreU(hn::DemoteTo(du8, hn::ConvertTo(di, bin)), du8, out + i);
        } else {
            hn::StoreU(hn::ConvertTo(di, bin), di, out + i);
        }
    }
#endif
    binFloat32Tail(values, i, n, low, norm, tolerance, bins, out);
}

void BinFloat32LanesImpl(const float *values, size_t n, float low, float norm, float tolerance, int bins,
                         qint32 *out)
{
    BinFloat32LanesOf(values, n, low, norm, tolerance, bins, out);
}

void BinFloat32LanesBytesImpl(const float *values, size_t n, float low, float norm, float tolerance, int bins,
                              quint8 *out)
{
    BinFloat32LanesOf(values, n, low, norm, tolerance, bins, out);
}

} // namespace HWY_NAMESPACE
} // namespace torchscope
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace torchscope {
HWY_EXPORT(BinFloat32Impl);

void binFloat32(const float *values, size_t n, double low, double high, double norm, double tolerance,
                int bins, qint32 *out)
{
    HWY_DYNAMIC_DISPATCH(BinFloat32Impl)(values, n, low, high, norm, tolerance, bins, out);
}

HWY_EXPORT(BinFloat32LanesImpl);
HWY_EXPORT(BinFloat32LanesBytesImpl);

void binFloat32LanesBytes(const float *values, size_t n, float low, float norm, float tolerance, int bins,
                          quint8 *out)
{
    HWY_DYNAMIC_DISPATCH(BinFloat32LanesBytesImpl)(values, n, low, norm, tolerance, bins, out);
}

void binFloat32Lanes(const float *values, size_t n, float low, float norm, float tolerance, int bins,
                     qint32 *out)
{
    HWY_DYNAMIC_DISPATCH(BinFloat32LanesImpl)(values, n, low, norm, tolerance, bins, out);
}
} // namespace torchscope
#endif
