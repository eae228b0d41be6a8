#pragma once

#include <QtGlobal>

#include <cstddef>

namespace torchscope {

// Half-precision values widened to float32 a block at a time, in SIMD with the widest instructions
// this CPU has (Highway's runtime dispatch). Exact: every float16 and bfloat16 value, subnormals,
// infinities and NaNs included, has one float32 equal to it.
void decodeFloat16(const quint16 *in, float *out, size_t n);
void decodeBFloat16(const quint16 *in, float *out, size_t n);

} // namespace torchscope
