#pragma once

#include "tensor/checkpointcontent.h"

#include "jobs/progress.h"

#include <memory>

namespace torchscope {

class MappedFile;

// Reads a sharded checkpoint through its *.index.json (Hugging Face layout): every shard beside
// the index is read as a single-file checkpoint and the tensors are listed as one model.
bool readShardedCheckpoint(const QString &indexPath, const std::shared_ptr<MappedFile> &file,
                           const Progress &progress, CheckpointContent *out, QString *error);

} // namespace torchscope
