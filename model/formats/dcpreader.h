#pragma once

#include "tensor/checkpointcontent.h"

#include <QString>

namespace torchscope {

// torch.distributed.checkpoint (DCP): a folder of `.metadata` and `__<rank>_<n>.distcp` files, each
// tensor split into boxes by global offset, each box a torch.save archive at an offset of a .distcp
// file. Whether `folder` holds one (a `.metadata` file).
bool isDcpFolder(const QString &folder);

// Opens a DCP folder from its `.metadata` alone (a pickle of torch.distributed.checkpoint's classes,
// read by the safe interpreter: nothing imported, nothing run): every tensor with its global shape,
// dtype and boxes (TensorInfo::chunks). A tensor's bytes are read from its boxes when first asked for;
// each box is read in place from the mapped .distcp file. Non-tensor items (torch.save bytes) are read
// into values. Boxes that overlap or leave a gap, a missing file, or a range past its file make the
// tensor a meta tensor, with a warning naming it.
bool readDcpFolder(const QString &folder, CheckpointContent *out, QString *error);

} // namespace torchscope
