#pragma once

#include "tensor/checkpointcontent.h"

#include <QString>

namespace torchscope {

// A Hugging Face Trainer's checkpoint-N/ folder: beside the model's weights it holds trainer_state.json
// and the optimizer, scheduler and random-number states (optimizer.pt, scheduler.pt, rng_state.pth,
// scaler.pt) and the pickled TrainingArguments (training_args.bin).
bool isTrainerCheckpointFolder(const QString &folder);

// Adds what such a folder holds besides the model to `out`, which holds the model's weights: each
// file's tensors and values under its name ("optimizer.state.0.exp_avg",
// "trainer_state.log_history.3.loss"), each read as any checkpoint is, nothing run. A file that cannot
// be read becomes a warning; refused calls in it (training_args.bin's) are named.
void readTrainerFolderParts(const QString &folder, CheckpointContent *out);

} // namespace torchscope
