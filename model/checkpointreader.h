#pragma once

#include "checkpointdocument.h"
#include "progress.h"

namespace torchscope {

// Reads a checkpoint file into plain content, recognising its format from the bytes, not the
// file name. Safe to call off the UI thread; builds no QObjects.
bool readCheckpoint(const QString &path, const Progress &progress, CheckpointContent *out, QString *error);

// Reads a single-file checkpoint (zip, legacy, safetensors) held in memory; for fuzzing and tests.
bool readCheckpointBytes(const QByteArray &bytes, CheckpointContent *out, QString *error);

// Reads a sharded-checkpoint index held in memory whose shards would sit in `folder`.
bool readShardIndexBytes(const QByteArray &bytes, const QString &folder, CheckpointContent *out, QString *error);

// The built-in example model (needs the LibTorch bridge).
bool readExampleModel(CheckpointContent *out, QString *error);

} // namespace torchscope
