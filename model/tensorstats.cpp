#include "tensorstats.h"

#include "tensorinfo.h"

#include <cmath>
#include <limits>

namespace torchscope {

TensorStats TensorStats::compute(const TensorInfo &tensor)
{
    TensorStats stats;
    stats.count = tensor.numel();
    if (stats.count == 0 || !tensor.storage)
        return stats;
    const QByteArray bytes = tensor.contiguousBytes();
    const int elementSize = dtypeElementSize(tensor.dtype);
    const char *p = bytes.constData();
    double minimum = std::numeric_limits<double>::infinity();
    double maximum = -minimum;
    // Welford's update keeps the variance accurate for large tensors with a large mean.
    double mean = 0;
    double m2 = 0;
    double sumSquares = 0;
    qint64 n = 0;
    for (qint64 i = 0; i < stats.count; ++i, p += elementSize) {
        const double v = dtypeElementToDouble(tensor.dtype, p);
        if (std::isnan(v)) {
            ++stats.nanCount;
            continue;
        }
        if (std::isinf(v)) {
            ++stats.infCount;
            continue;
        }
        if (v == 0)
            ++stats.zeroCount;
        ++n;
        minimum = std::min(minimum, v);
        maximum = std::max(maximum, v);
        const double delta = v - mean;
        mean += delta / double(n);
        m2 += delta * (v - mean);
        sumSquares += v * v;
    }
    stats.finite = n;
    if (n > 0) {
        stats.min = minimum;
        stats.max = maximum;
        stats.mean = mean;
        stats.std = std::sqrt(m2 / double(n));
        stats.l2Norm = std::sqrt(sumSquares);
    }
    return stats;
}

} // namespace torchscope
