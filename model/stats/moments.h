#pragma once

// The histogram kernel's moments: count, NaN, Inf, zeros, min, max, mean and variance of values as a
// pass visits them (Moments, one thread's), merged across pieces and threads (Combined), and the
// statistics they give. Internal to model/stats.

#include "stats/momentskernel.h"
#include "stats/tensorstats.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace torchscope::kernel {

struct Moments
{
    qint64 count = 0, finite = 0, nan = 0, inf = 0, zero = 0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    // Sums of (v - shift) and its square: the shifted-data algorithm keeps the variance accurate
    // when the mean is large, without a division per value as Welford's update needs.
    bool shifted = false;
    double shift = 0, sum = 0, sumSquares = 0;

    void add(double v)
    {
        ++count;
        if (!std::isfinite(v)) {
            std::isnan(v) ? ++nan : ++inf;
            return;
        }
        if (!shifted) {
            shifted = true;
            shift = v;
        }
        zero += v == 0;
        ++finite;
        min = std::min(min, v);
        max = std::max(max, v);
        const double d = v - shift;
        sum += d;
        sumSquares += d * d;
    }
    // Float blocks in SIMD; a block holding NaN or Inf (rare) takes the value-by-value path.
    void block(const float *v, int n)
    {
        FloatMoments m;
        if (!shifted || !floatMoments(v, size_t(n), shift, &m)) {
            for (int k = 0; k < n; ++k)
                add(double(v[k]));
            return;
        }
        sum += m.sum;
        sumSquares += m.sumSquares;
        min = std::min(min, double(m.min));
        max = std::max(max, double(m.max));
        zero += m.zeros;
        count += n;
        finite += n;
    }
    // Four independent lanes per accumulator let the adds overlap; x - x is NaN exactly for NaN and
    // Inf, so a block holding either (rare) is detected at the end and redone value by value.
    void block(const double *v, int n)
    {
        if (!shifted) {
            for (int k = 0; k < n; ++k)
                add(v[k]);
            return;
        }
        double s[4] = {0, 0, 0, 0}, q[4] = {0, 0, 0, 0};
        double lo[4] = {v[0], v[0], v[0], v[0]}, hi[4] = {v[0], v[0], v[0], v[0]};
        qint64 z[4] = {0, 0, 0, 0};
        double check[4] = {0, 0, 0, 0};
        const int whole = n & ~3;
        for (int k = 0; k < whole; k += 4) {
            for (int j = 0; j < 4; ++j) {
                const double x = v[k + j];
                check[j] += x - x;
                const double d = x - shift;
                s[j] += d;
                q[j] += d * d;
                lo[j] = x < lo[j] ? x : lo[j];
                hi[j] = x > hi[j] ? x : hi[j];
                z[j] += x == 0.0;
            }
        }
        for (int k = whole; k < n; ++k) {
            const double x = v[k];
            check[0] += x - x;
            const double d = x - shift;
            s[0] += d;
            q[0] += d * d;
            lo[0] = x < lo[0] ? x : lo[0];
            hi[0] = x > hi[0] ? x : hi[0];
            z[0] += x == 0.0;
        }
        if (!((check[0] + check[1] + check[2] + check[3]) == 0.0)) {
            for (int k = 0; k < n; ++k)
                add(v[k]);
            return;
        }
        sum += (s[0] + s[1]) + (s[2] + s[3]);
        sumSquares += (q[0] + q[1]) + (q[2] + q[3]);
        min = std::min(min, std::min(std::min(lo[0], lo[1]), std::min(lo[2], lo[3])));
        max = std::max(max, std::max(std::max(hi[0], hi[1]), std::max(hi[2], hi[3])));
        zero += z[0] + z[1] + z[2] + z[3];
        count += n;
        finite += n;
    }
    double mean() const { return finite ? shift + sum / double(finite) : 0; }
    double m2() const { return finite ? std::max(0.0, sumSquares - sum * sum / double(finite)) : 0; }
    // Sum of v^2 from the shifted sums: sum (d + shift)^2.
    double squaredValues() const { return sumSquares + 2 * shift * sum + double(finite) * shift * shift; }
};

struct Combined
{
    qint64 count = 0, finite = 0, nan = 0, inf = 0, zero = 0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    double mean = 0, m2 = 0, sumOfSquaredValues = 0;

    static Combined of(const Moments &m)
    {
        Combined c;
        c.count = m.count;
        c.finite = m.finite;
        c.nan = m.nan;
        c.inf = m.inf;
        c.zero = m.zero;
        c.min = m.min;
        c.max = m.max;
        c.mean = m.mean();
        c.m2 = m.m2();
        c.sumOfSquaredValues = m.squaredValues();
        return c;
    }

    // Chan et al.'s pairwise combination of partial results.
    void merge(const Combined &part)
    {
        if (part.finite > 0) {
            const double n = double(finite + part.finite);
            const double delta = part.mean - mean;
            m2 += part.m2 + delta * delta * double(finite) * double(part.finite) / n;
            mean += delta * double(part.finite) / n;
            min = std::min(min, part.min);
            max = std::max(max, part.max);
            sumOfSquaredValues += part.sumOfSquaredValues;
        }
        count += part.count;
        finite += part.finite;
        nan += part.nan;
        inf += part.inf;
        zero += part.zero;
    }
};
inline TensorStats toStats(const Combined &total, qint64 count)
{
    TensorStats stats;
    stats.count = count;
    stats.finite = total.finite;
    stats.nanCount = total.nan;
    stats.infCount = total.inf;
    stats.zeroCount = total.zero;
    if (total.finite > 0) {
        stats.min = total.min;
        stats.max = total.max;
        stats.mean = total.mean;
        stats.std = std::sqrt(total.m2 / double(total.finite));
        stats.l2Norm = std::sqrt(total.sumOfSquaredValues);
    }
    return stats;
}

} // namespace torchscope::kernel
