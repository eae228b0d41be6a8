#pragma once

#include "formats/pickle/picklevalue.h"
#include "tensor/checkpointcontent.h"

namespace torchscope {

// What one pickled value that is not a tensor shows as (CheckpointValue): a leaf, an empty container,
// a class record's class, a refused call's name. NumPy scalars (numpy.float64(0.91), as training
// scripts save best accuracies) are read from their dtype and bytes, not called.
CheckpointValue checkpointValueOf(const QString &path, const PickleValue &value);

} // namespace torchscope
