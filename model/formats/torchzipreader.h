#pragma once

#include "tensor/checkpointcontent.h"

#include <memory>

namespace torchscope {

class MappedFile;

// Reads a torch.save zip archive (a pickled state_dict, nested containers or a whole module) or a
// TorchScript archive (its class sources say which attributes are parameters and buffers).
// Tensor bytes of stored entries stay mapped in place.
bool readTorchZipCheckpoint(const std::shared_ptr<MappedFile> &file, CheckpointContent *out, QString *error);

} // namespace torchscope
