#pragma once

#include <QtGlobal>

namespace torchscope {

struct TensorInfo;

// Summary statistics of one tensor. NaN and Inf are counted, then left out of min/max/mean/std.
struct TensorStats
{
    qint64 count = 0;  // elements
    qint64 finite = 0; // elements the moments are taken over
    qint64 nanCount = 0;
    qint64 infCount = 0;
    qint64 zeroCount = 0;
    double min = 0;
    double max = 0;
    double mean = 0;
    double std = 0; // population standard deviation, as numpy's default
    double l2Norm = 0;

    bool hasMoments() const { return finite > 0; }

    static TensorStats compute(const TensorInfo &tensor);
};

} // namespace torchscope
