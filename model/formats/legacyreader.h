#pragma once

#include "tensor/checkpointcontent.h"

#include <memory>

namespace torchscope {

class MappedFile;

// The pre-1.6 torch.save format: a magic number, protocol and system-info pickles, the object
// pickle, the storage keys, then each storage's element count and raw bytes.
bool looksLikeLegacyCheckpoint(const char *data, qint64 size);
bool readLegacyCheckpoint(const std::shared_ptr<MappedFile> &file, CheckpointContent *out, QString *error);

} // namespace torchscope
