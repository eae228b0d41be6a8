#pragma once

#include "formats/statedictwriter.h"
#include "jobs/progress.h"

#include <QString>

#include <vector>

namespace torchscope {

// Writes tensors as a single-rank torch.distributed.checkpoint folder, as dcp.save does in one process:
// `__0_0.distcp` holding each tensor as one box (a torch.save archive of the whole tensor, back to back)
// and `.metadata`, the pickle of torch.distributed.checkpoint.metadata.Metadata that names each tensor's
// dtype, shape, box and byte range. torch.distributed.checkpoint.load reads it into a model's state_dict
// of the same names. `folder` must exist and be empty; tensors stream through small buffers.
class DcpWriter
{
public:
    static bool write(const std::vector<StateDictWriter::Entry> &entries, const QString &folder,
                      const Progress &progress, QString *error);
};

} // namespace torchscope
