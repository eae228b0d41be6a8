#pragma once

// The histogram kernel's binner: values into bins exactly as numpy.histogram puts them, SIMD for
// float32 blocks with the few values near an edge decided against the edges. Internal to model/stats.

#include "stats/binkernel.h"
#include "stats/valuevisitor.h"

#include <QtGlobal>

#include <cstring>

namespace torchscope::kernel {

// Counts values into bins exactly as numpy.histogram does with the same edges.
struct Binner
{
    // kCopies interleaved copies of the counts, bins + 2 each (the last two take values outside the
    // range and values that need the edges): consecutive increments of one bin go to different copies
    // and do not wait on each other.
    static constexpr int kCopies = 4;
    qint64 *count;
    const double *edge;
    double low, high, norm;
    // How far, in bins, rounding can move a value's computed position (see counts()).
    double tolerance;
    int bins;
    // float32 blocks in float32 lanes, when their coarser rounding (`tolerance32`, in bins) still leaves
    // nearly every value clear of an edge; in float64 lanes otherwise.
    bool floatLanes = false;
    float low32 = 0, norm32 = 0, tolerance32 = 0;

    // The bin of one value exactly as numpy decides it.
    int exactBin(double v) const
    {
        const int last = bins - 1;
        const double x = (v - low) * norm;
        int i = int(x);
        const double fraction = x - double(i);
        i = i > last ? last : i;
        // Rounding moves the estimate by less than `tolerance`: only a value that lands that close to
        // an edge can belong to the neighbouring bin, and there the edges decide, as in numpy.
        if (fraction < tolerance || fraction > 1 - tolerance) {
            if (v < edge[i])
                --i;
            else if (i < last && v >= edge[i + 1])
                ++i;
        }
        return i;
    }

    // float32 blocks: the bins in SIMD, the few values near an edge (or an end of the range) decided here.
    void block(const float *values, int n)
    {
        if (floatLanes && bins <= kMaxByteBins) {
            quint8 index[kernel::kBlock];
            binFloat32LanesBytes(values, size_t(n), low32, norm32, tolerance32, bins, index);
            countIndices(values, index, n);
            return;
        }
        qint32 index[kernel::kBlock];
        if (floatLanes)
            binFloat32Lanes(values, size_t(n), low32, norm32, tolerance32, bins, index);
        else
            binFloat32(values, size_t(n), low, high, norm, tolerance, bins, index);
        countIndices(values, index, n);
    }

    // Counts each value into the bin index[k] says, deciding those marked near an edge first.
    template <typename Index> void countIndices(const float *values, Index *index, int n)
    {
        const int near = bins + 1;
        const auto decide = [&](int k) {
            const double v = double(values[k]);
            index[k] = Index(v >= low && v <= high ? exactBin(v) : bins);
        };
        // A few values in ten thousand are near an edge: found with memchr (SIMD) among byte bins, so
        // the counting below is nothing but increments.
        if constexpr (sizeof(Index) == 1) {
            for (auto *at = static_cast<Index *>(std::memchr(index, near, size_t(n))); at;
                 at = static_cast<Index *>(std::memchr(at + 1, near, size_t(index + n - at - 1)))) {
                decide(int(at - index));
            }
        } else {
            for (int k = 0; k < n; ++k) {
                if (index[k] == near)
                    decide(k);
            }
        }
        // Four copies of the counts, one for each of four consecutive values: increments of the same bin
        // in a row do not wait on each other.
        const int stride = bins + 2;
        qint64 *const c0 = count, *const c1 = c0 + stride, *const c2 = c1 + stride, *const c3 = c2 + stride;
        int k = 0;
        for (; k + 4 <= n; k += 4) {
            ++c0[index[k]];
            ++c1[index[k + 1]];
            ++c2[index[k + 2]];
            ++c3[index[k + 3]];
        }
        for (; k < n; ++k)
            ++c0[index[k]];
    }

    void block(const double *values, int n)
    {
        // Locals, so the compiler need not reload them after every counter store.
        qint64 *const counts = count;
        const double lo = low, hi = high;
        for (int k = 0; k < n; ++k) {
            const double v = values[k];
            if (!(v >= lo && v <= hi)) // also drops NaN; predictable over the data's own range
                continue;
            ++counts[exactBin(v)];
        }
    }
};

} // namespace torchscope::kernel
