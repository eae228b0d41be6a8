#pragma once

#include "jobs/progress.h"
#include "tensor/checkpointcontent.h"

#include <QStringList>

#include <memory>

namespace torchscope {

class MappedFile;

// Reads a checkpoint file into plain content, recognising its format from the bytes, not the
// file name; a folder opens the checkpoint it holds (a Hugging Face model folder, whose config.json
// is read too). Safe to call off the UI thread; builds no QObjects.
bool readCheckpoint(const QString &path, const Progress &progress, CheckpointContent *out, QString *error);

// Reads a single-file checkpoint (zip, legacy, safetensors) held in memory; for fuzzing and tests.
bool readCheckpointBytes(const QByteArray &bytes, CheckpointContent *out, QString *error);

// Reads a sharded-checkpoint index held in memory whose shards would sit in `folder`.
bool readShardIndexBytes(const QByteArray &bytes, const QString &folder, CheckpointContent *out,
                         QString *error);

// The file names checkpoints are saved under, as file dialogs' patterns ("*.pt", "*.safetensors", ...):
// the one list every dialog that opens a checkpoint offers. The readers themselves go by the content.
const QStringList &checkpointFilePatterns();

// Why bytes that start no known format cannot be read: what they begin with, or the old format they are.
QString unrecognisedContentReason(const char *data, qint64 size);

// Recognises a single-file checkpoint (zip, legacy, safetensors) from its bytes and reads it.
bool readSingleFileCheckpoint(const std::shared_ptr<MappedFile> &file, CheckpointContent *out,
                              QString *error);

} // namespace torchscope
