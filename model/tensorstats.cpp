#include "tensorstats.h"

#include "histogramkernel.h"

namespace torchscope {

TensorStats TensorStats::compute(const TensorInfo &tensor)
{
    return HistogramKernel::statistics({&tensor});
}

} // namespace torchscope
