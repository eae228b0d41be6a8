#include "stats/binkernel.h"

// Highway compiles this file once per instruction set and picks one at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "stats/binkernel.cpp"
#include <hwy/foreach_target.h> // IWYU pragma: keep
#include <hwy/highway.h>

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
} // namespace torchscope
#endif
