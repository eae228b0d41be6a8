#include "stats/decodekernel.h"

// Highway compiles this file once per instruction set and picks one at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "stats/decodekernel.cpp"
#include <hwy/foreach_target.h> // IWYU pragma: keep
#include <hwy/highway.h>

#include <cstring>

HWY_BEFORE_NAMESPACE();
namespace torchscope {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

void DecodeFloat16(const quint16 *in, float *out, size_t n)
{
    const hn::ScalableTag<float> df;
    const hn::Rebind<hwy::float16_t, decltype(df)> dh;
    const size_t lanes = hn::Lanes(df);
    const auto *half = reinterpret_cast<const hwy::float16_t *>(in);
    size_t i = 0;
    for (; i + lanes <= n; i += lanes)
        hn::StoreU(hn::PromoteTo(df, hn::LoadU(dh, half + i)), df, out + i);
    for (; i < n; ++i) // the tail, one lane at a time with the same conversion
        hn::StoreU(
            hn::PromoteTo(hn::CappedTag<float, 1>(), hn::LoadU(hn::CappedTag<hwy::float16_t, 1>(), half + i)),
            hn::CappedTag<float, 1>(), out + i);
}

void DecodeBFloat16(const quint16 *in, float *out, size_t n)
{
    // A bfloat16 is the upper half of a float32.
    const hn::ScalableTag<quint32> du;
    const hn::Rebind<quint16, decltype(du)> dh;
    const hn::Repartition<float, decltype(du)> df;
    const size_t lanes = hn::Lanes(du);
    size_t i = 0;
    for (; i + lanes <= n; i += lanes)
        hn::StoreU(hn::BitCast(df, hn::ShiftLeft<16>(hn::PromoteTo(du, hn::LoadU(dh, in + i)))), df, out + i);
    for (; i < n; ++i) {
        const quint32 bits = quint32(in[i]) << 16;
        std::memcpy(out + i, &bits, sizeof bits);
    }
}

} // namespace HWY_NAMESPACE
} // namespace torchscope
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace torchscope {
HWY_EXPORT(DecodeFloat16);
HWY_EXPORT(DecodeBFloat16);

void decodeFloat16(const quint16 *in, float *out, size_t n)
{
    HWY_DYNAMIC_DISPATCH(DecodeFloat16)(in, out, n);
}

void decodeBFloat16(const quint16 *in, float *out, size_t n)
{
    HWY_DYNAMIC_DISPATCH(DecodeBFloat16)(in, out, n);
}
} // namespace torchscope
#endif
