#pragma once

#include "tensor/tensorinfo.h"

#include <QHash>
#include <QJsonValue>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>
#include <vector>

namespace torchscope {

// What a reader keeps of a file beyond its plain content, to write the model back as it was (a
// torch.save(model) pickle's object graph, formats/pickle/picklemodule.h). The content carries it
// without knowing what it is.
struct SourceGraph
{
    virtual ~SourceGraph() = default;
};

// Pickle: a plain pickle stream, not a checkpoint, shown as the values it holds.
enum class CheckpointFormat {
    TorchScript,
    PickleModule,
    StateDict,
    StateDictLegacy,
    Safetensors,
    Sharded,
    Pickle,
    Dcp,       // a torch.distributed.checkpoint folder
    DeepSpeed, // a DeepSpeed ZeRO checkpoint folder
    Gguf       // llama.cpp's GGUF
};

// The name the CLI's `info --json` uses, e.g. "torchscript", "state_dict-legacy".
QString checkpointFormatName(CheckpointFormat format);
// True for the formats that keep the architecture and each parameter's requires_grad.
bool isEntireModelFormat(CheckpointFormat format);

// A call a pickle in the file would make on torch.load (refused: nothing ran): the callable, its
// arguments as Python writes them, the pickle it is in ("archive/data.pkl" in a zip; empty for a file
// that is a pickle stream) and the byte offset of the calling opcode within that pickle's bytes (the
// zip entry's, or the file's).
struct RefusedCallSite
{
    QString callable;
    QString arguments;
    QString place;
    qint64 offset = -1;
};

struct ModuleEntry
{
    QString path;
    QString typeName;
};

// What a Hugging Face model folder's config.json says of the model, where it says it (-1: not said).
struct ModelConfig
{
    QString path;         // empty: no config.json was read
    QString architecture; // "LlamaForCausalLM", the first of "architectures"
    QString modelType;    // "llama"
    qint64 hiddenSize = -1;
    qint64 hiddenLayers = -1;
    qint64 attentionHeads = -1;
    qint64 vocabularySize = -1;
    QString torchDtype;
    QString transformersVersion; // the version of transformers that wrote it
    bool isEmpty() const { return path.isEmpty(); }
};

// A global that torch.load's default (weights_only=True, PyTorch >= 2.6) refuses, and the paths of the
// values made from it ("best_acc", "args"), dotted as tensor names are.
struct WeightsOnlyBlocker
{
    QString global;    // "numpy.core.multiarray.scalar"
    QStringList paths; // the first 100 places, in the pickle's order
    qint64 places = 0; // how many places in all
};

// A value a checkpoint holds besides its tensors (an epoch, a learning rate, an entry of a config): one
// leaf of its nested containers, named by its dotted path as tensors are. Read, never run.
struct CheckpointValue
{
    QString path;
    // Python's name of its type: "int", "float", "str", "bool", "NoneType", "bytes", "list" or "dict"
    // (empty ones), a class record's class ("argparse.Namespace"), "refused" for a refused call.
    QString type;
    // As `info --json` writes it: numbers, strings, booleans and null as they are; non-finite floats as
    // "nan", "inf", "-inf"; bytes as {"bytes": N}; a class record as {"class": "module.Name"} (its
    // attributes follow as values of their own); a refused call as {"refused": "module.name"}; an
    // empty container as [] or {}.
    QJsonValue value;
};

constexpr int kMaxCheckpointValues = 100000;

// Everything a reader produces; the document is built from it. Plain data: readers never see
// the document or its undo stack.
struct CheckpointContent
{
    CheckpointFormat format = CheckpointFormat::StateDict;
    QString filePath;
    // What was opened: a model folder (its checkpoint is filePath), or the file itself; empty for content
    // read from memory.
    QString openedPath;
    // Modules in named_modules() order, the root ("") first. Empty for weights-only files,
    // whose tree is rebuilt from the dotted tensor names.
    QVector<ModuleEntry> modules;
    // Tensors in state_dict() order; tiedTo set for tensors that alias an earlier one.
    std::vector<TensorInfo> tensors;
    // The values besides tensors, in the file's order (at most kMaxCheckpointValues; a warning says
    // how many more there were).
    QVector<CheckpointValue> values;
    // The keys of a dict pickled at the root, in order ("epoch", "model", "optimizer"): the parts a
    // training checkpoint may hold. Empty for flat formats (safetensors) and whole models.
    QStringList rootKeys;
    // A tensor's name is its dict keys joined by dots, and a key may hold dots itself (DCP's planner_data
    // keeps the keys: an optimizer's state keyed by parameter name, "optim", "state", "layer.weight",
    // "exp_avg"). Where a reader knows the keys and one holds a dot: name -> keys. Empty for most files.
    QHash<QString, QStringList> keyPaths;
    // Things the reader noticed and the user should know (refused globals, skipped entries).
    QStringList warnings;
    // Free-form metadata the file carries (safetensors' __metadata__), in file order.
    QVector<QPair<QString, QString>> metadata;
    // The archive itself, for content read from memory rather than a file (the built-in example);
    // an entire-model save hands it to LibTorch.
    QByteArray sourceBytes;
    // config.json beside a weights-only checkpoint (a Hugging Face model folder).
    ModelConfig config;
    // For a plain pickle whose value is itself a refused call: that refusal ("would call posix.system
    // on load; refused"). The file is shown, but holds nothing but what would have run.
    QString refusedContent;
    // Every call the file's pickles would make on torch.load, where it is made: for a scanner, and for
    // a person to act on (up to SafeUnpickler::kMaxRefusedCalls a pickle).
    QVector<RefusedCallSite> refusedCalls;
    // What stops PyTorch >= 2.6's default torch.load of a torch.save file, in the order the pickle reads
    // it; empty when nothing does (and for files torch.load does not read: TorchScript, safetensors).
    QList<WeightsOnlyBlocker> weightsOnlyBlockers;
    // A torch.save(model) pickle's parsed objects, to write the model back (PickleModule only).
    std::shared_ptr<const SourceGraph> sourceGraph;
};

} // namespace torchscope
