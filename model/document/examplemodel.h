#pragma once

#include "tensor/checkpointcontent.h"

namespace torchscope {

// The built-in example: a small CNN (children sequential, layer1, layer2, fc) for 1x1x28x28
// inputs, written by LibTorch at build time and embedded, so opening it reads the archive with our
// own reader and never loads LibTorch.
bool readExampleModel(CheckpointContent *out, QString *error);

// The embedded TorchScript archive itself.
QByteArray exampleModelArchive();

} // namespace torchscope
