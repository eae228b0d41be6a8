#include "stats/tensorstats.h"

#include "stats/histogramkernel.h"

namespace torchscope {

TensorStats TensorStats::compute(const TensorInfo &tensor)
{
    return HistogramKernel::statistics({&tensor});
}

} // namespace torchscope
