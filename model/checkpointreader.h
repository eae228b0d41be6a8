#pragma once

#include "checkpointdocument.h"
#include "progress.h"

namespace torchscope {

// Reads a checkpoint file into plain content, recognising its format from the bytes, not the
// file name. Safe to call off the UI thread; builds no QObjects.
bool readCheckpoint(const QString &path, const Progress &progress, CheckpointContent *out, QString *error);

// The built-in example model (needs the LibTorch bridge).
bool readExampleModel(CheckpointContent *out, QString *error);

} // namespace torchscope
