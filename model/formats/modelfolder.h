#pragma once

#include "tensor/checkpointcontent.h"

#include <QString>

namespace torchscope {

// A Hugging Face model folder: the checkpoint it holds, in the order save_pretrained prefers them
// (model.safetensors.index.json, model.safetensors, pytorch_model.bin.index.json,
// pytorch_model.bin), else its only .safetensors, .bin, .pt or .pth file. Empty, with a reason, when
// there is none or more than one to choose from.
QString findCheckpointInFolder(const QString &folder, QString *error);

// Reads config.json in `folder` when it is a model configuration (it names "architectures" or a
// "model_type"). Returns false, leaving `config` empty, for no such file; a config that cannot be
// read adds a line to `warnings`.
bool readModelConfig(const QString &folder, ModelConfig *config, QStringList *warnings);

} // namespace torchscope
