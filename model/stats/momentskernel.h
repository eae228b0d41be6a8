#pragma once

#include <QtGlobal>

#include <cstddef>

namespace torchscope {

// Sums of (v - shift) and (v - shift)^2 in float64, min, max and zeros of a block of float32
// values, in SIMD with the widest instructions this CPU has (Highway's runtime dispatch).
struct FloatMoments
{
    double sum = 0;
    double sumSquares = 0;
    float min = 0;
    float max = 0;
    qint64 zeros = 0;
};

// False, with nothing computed, when a value is NaN or infinite: the caller then takes the values
// one by one. n must be at least 1.
bool floatMoments(const float *values, size_t n, double shift, FloatMoments *out);

} // namespace torchscope
