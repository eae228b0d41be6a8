#include "jobs/parallelpass.h"

#include "tensor/tensorinfo.h"

namespace torchscope {

void adviseLongRead(const TensorInfo &tensor)
{
    if (tensor.storage && tensor.isContiguous())
        tensor.storage->adviseSequential(tensor.storageOffset * dtypeElementSize(tensor.dtype),
                                         tensor.byteSize());
}

void releasePagesOf(const TensorInfo &tensor)
{
    if (!tensor.storage)
        return;
    if (tensor.isContiguous())
        tensor.storage->releasePages(tensor.storageOffset * dtypeElementSize(tensor.dtype),
                                     tensor.byteSize());
    else
        tensor.storage->releasePages(0, tensor.storage->size());
}

} // namespace torchscope
