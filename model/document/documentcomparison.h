#pragma once

#include "diff/checkpointdiff.h"

namespace torchscope {

class CheckpointDocument;

// The open document as side A of a comparison: its tensors, its modules' types, and the
// requires_grad flags as edited (not as read), where the file stores them.
DiffSide diffSideOf(const CheckpointDocument &document);

} // namespace torchscope
