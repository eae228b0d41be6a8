#pragma once

#include "tensor/checkpointcontent.h"

#include <QString>

namespace torchscope {

// DeepSpeed ZeRO checkpoints: a save folder whose `latest` names a tag folder (`global_stepN/`), or the tag
// folder itself, holding `*_model_states.pt` and one `*_optim_states.pt` per data-parallel rank. Whether
// `folder` is one.
bool isDeepSpeedFolder(const QString &folder);

// Opens a ZeRO stage 1, 2 or 3 checkpoint as one model: the fp32 weights reconstructed as DeepSpeed's
// zero_to_fp32.py does (each parameter group's partitions joined over the ranks and cut by param_shapes,
// alignment padding skipped; in stage 3 each parameter's per-rank partitions joined and cut to its size;
// frozen parameters from their fragments; buffers from the module, floating ones as float32; shared
// parameters tied to their owners), named "module.<name>" beside the model states' other values. Each
// weight is a view of the optimizer files' mapped bytes, joined only where it spans ranks. DeepSpeed's
// classes in the pickles are read as inert records; nothing is imported or run.
bool readDeepSpeedFolder(const QString &folder, CheckpointContent *out, QString *error);

} // namespace torchscope
