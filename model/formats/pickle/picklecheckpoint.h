#pragma once

#include "formats/pickle/picklevalue.h"
#include "tensor/checkpointcontent.h"

#include <QHash>
#include <QSet>

#include <functional>
#include <memory>
#include <vector>

namespace torchscope {

class SafeUnpickler;

struct PickleModuleGraph;

// The parameter and buffer names a TorchScript class declares in its source
// (`__parameters__ = ["weight", "bias", ]`), keyed by qualified class name.
struct ScriptClassInfo
{
    QSet<QString> parameters;
    QSet<QString> buffers;
};
using ScriptClassTable = QHash<QString, ScriptClassInfo>;

// Reads the class declarations of one TorchScript source file ("code/__torch__/a/b.py").
void parseScriptClasses(const QString &qualifiedPrefix, const QString &source, ScriptClassTable *table);

// The calls `unpickler` refused, with their place (the pickle they are in), added to out->refusedCalls.
void addRefusedCalls(const SafeUnpickler &unpickler, const QString &place, CheckpointContent *out);
// Refused calls become warnings (and refusedCalls); a file that yields nothing but refusals (no tensor,
// no value but the refused calls) is an error naming the first.
bool applyRefusals(const SafeUnpickler &unpickler, const QString &place, CheckpointContent *out,
                   QString *error);

// Turns an unpickled checkpoint into content: a state_dict or nested dict of tensors, a whole
// nn.Module pickled by torch.save(model), or a TorchScript module (with `classes`).
class PickleCheckpoint
{
public:
    // Gives the bytes of storage `index` of the unpickler's table, or nullptr with a reason.
    using StorageResolver = std::function<std::shared_ptr<const TensorStorage>(int index, QString *error)>;

    PickleCheckpoint(const std::vector<StorageRef> &storages, StorageResolver resolver);

    // Decides the format from the root value and fills `out` (format, modules, tensors). A pickled
    // module's values are kept for writing it back, with `arena`, which owns them.
    bool interpret(const PickleValuePtr &root, const ScriptClassTable *classes, CheckpointContent *out,
                   QString *error, const std::shared_ptr<const PickleArena> &arena = nullptr);

    static QString cleanScriptTypeName(const QString &qualifiedName);
    static bool isPickledModule(const PickleValuePtr &value);

private:
    bool interpretRoot(const PickleValuePtr &root, const ScriptClassTable *classes, CheckpointContent *out,
                       QString *error, const std::shared_ptr<const PickleArena> &arena);
    // A tensor over its resolved storage, its view checked.
    bool makeTensor(const QString &name, const TensorRecord &record, TensorInfo *tensor, QString *error);
    // Sets the tensor's quantization from its quantizer, reading per-channel parameters.
    bool readQuantization(TensorInfo *tensor, const QuantizerRecord &quantizer, QString *error);
    bool addTensor(const QString &name, const TensorRecord &record, TensorKind kind, bool hasFlag,
                   QString *error);
    // Tensors become tensors, everything else values (CheckpointContent::values).
    bool walkDict(const PickleValuePtr &value, const QString &prefix, int depth, QString *error);
    bool walkContainer(const PickleValuePtr &value, const QString &prefix, int depth, QString *error);
    bool walkObject(const PickleValuePtr &object, const QString &prefix, int depth, QString *error);
    void addValue(const QString &path, const PickleValuePtr &value);
    bool walkPackedParams(const PickleValuePtr &value, const QString &path, int depth, QString *error);
    bool walkPickledModule(const PickleValuePtr &module, const QString &path, int depth, QString *error);
    bool walkScriptModule(const PickleValuePtr &module, const QString &path, int depth, QString *error);
    bool isScriptModule(const PickleValuePtr &value) const;

    const std::vector<StorageRef> &m_storages;
    StorageResolver m_resolver;
    std::vector<std::shared_ptr<const TensorStorage>> m_resolved;
    const ScriptClassTable *m_classes = nullptr;
    CheckpointContent *m_out = nullptr;
    // Filled while reading a pickled module, then handed to the content.
    std::shared_ptr<PickleModuleGraph> m_graph;
    // Per storage, the first tensor of each distinct view of it read so far (ties are the same view).
    std::vector<std::vector<int>> m_viewsOfStorage;
    // Meta tensors met (shape and dtype, no data), said once in a warning.
    QStringList m_metaNames;
    qint64 m_valuesLeftOut = 0;
};

} // namespace torchscope
