#pragma once

#include <QtGlobal>

#include <cstddef>

namespace torchscope {

// The bins of a block of float32 values for a histogram over [low, high] with `bins` bins, in SIMD
// with the widest instructions this CPU has (Highway's runtime dispatch), computed in float64 as the
// histogram kernel's scalar code computes them: out[k] is the bin of values[k]; `bins` for a value
// outside [low, high] or NaN; `bins + 1` for a value within `tolerance` (in bins) of an edge, whose bin
// the caller decides exactly against the edges.
void binFloat32(const float *values, size_t n, double low, double high, double norm, double tolerance,
                int bins, qint32 *out);

// The same in float32 lanes, twice as many values an instruction: `low` and `norm` rounded to float32 and
// `tolerance` a bound, in bins, on the rounding of the whole computation. out[k] is `bins` for a value
// clearly outside the range or NaN, and `bins + 1` for one within `tolerance` of an edge or of either
// end of the range, whose bin (or whether it is inside at all) the caller decides exactly.
void binFloat32Lanes(const float *values, size_t n, float low, float norm, float tolerance, int bins,
                     qint32 *out);
// The same with one byte a bin, for up to kMaxByteBins bins: a vector of bins is one store, where
// 32-bit bins took one store a value, and a store a value is what the counting after it can afford.
constexpr int kMaxByteBins = 254; // `bins + 1` must fit a byte
void binFloat32LanesBytes(const float *values, size_t n, float low, float norm, float tolerance, int bins,
                          quint8 *out);

} // namespace torchscope
