#pragma once

#include "tensor/tensorinfo.h"

#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include <vector>

namespace torchscope {

enum class CheckpointFormat { TorchScript, PickleModule, StateDict, StateDictLegacy, Safetensors, Sharded };

// The name the CLI's `info --json` uses, e.g. "torchscript", "state_dict-legacy".
QString checkpointFormatName(CheckpointFormat format);
// True for the formats that keep the architecture and each parameter's requires_grad.
bool isEntireModelFormat(CheckpointFormat format);

struct ModuleEntry
{
    QString path;
    QString typeName;
};

// Everything a reader produces; the document is built from it. Plain data: readers never see
// the document or its undo stack.
struct CheckpointContent
{
    CheckpointFormat format = CheckpointFormat::StateDict;
    QString filePath;
    // Modules in named_modules() order, the root ("") first. Empty for weights-only files,
    // whose tree is rebuilt from the dotted tensor names.
    QVector<ModuleEntry> modules;
    // Tensors in state_dict() order; tiedTo set for tensors that alias an earlier one.
    std::vector<TensorInfo> tensors;
    // Things the reader noticed and the user should know (refused globals, skipped entries).
    QStringList warnings;
    // Free-form metadata the file carries (safetensors' __metadata__), in file order.
    QVector<QPair<QString, QString>> metadata;
    // The archive itself, for content read from memory rather than a file (the built-in example);
    // an entire-model save hands it to LibTorch.
    QByteArray sourceBytes;
};

} // namespace torchscope
