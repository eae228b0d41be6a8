#pragma once

#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace torchscope {

// Sums over a run of float32 pairs (a[i], b[i]), each converted to float64 first.
struct PairRunSums
{
    bool allFinite = true; // false: a value was NaN or infinite, and the other fields are not valid
    qint64 changed = 0;    // elements with |a - b| > atol + rtol * |b|
    double maxAbs = 0;
    double sumAbs = 0;
    double sumSquaredDiff = 0;
    double sumSquaredA = 0;
    double sumSquaredB = 0;
    double sumProducts = 0;

    // Adds one pair, both finite: the scalar form of the kernel's step.
    void add(double x, double y, double atol, double rtol)
    {
        const double d = std::abs(x - y);
        changed += d > atol + rtol * std::abs(y);
        maxAbs = std::max(maxAbs, d);
        sumAbs += d;
        sumSquaredDiff += d * d;
        sumSquaredA += x * x;
        sumSquaredB += y * y;
        sumProducts += x * y;
    }
    // Adds a run that follows this one (the maximum of both, the sums of both).
    void merge(const PairRunSums &other);
};

// The diff's hot loop, in SIMD with the widest instructions this CPU has (Highway's runtime dispatch):
// float32 pairs straight from the files, anything else once decoded to float64.
PairRunSums comparePairs(const float *a, const float *b, size_t n, double atol, double rtol);
PairRunSums comparePairs(const double *a, const double *b, size_t n, double atol, double rtol);

} // namespace torchscope
