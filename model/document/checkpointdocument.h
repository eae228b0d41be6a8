#pragma once

#include "document/modulenode.h"
#include "tensor/checkpointcontent.h"
#include "training/checkpointparts.h"
#include "training/optimizerstate.h"

#include <QHash>
#include <QObject>
#include <QPair>
#include <QStringList>

#include <memory>
#include <vector>

class QUndoStack;

namespace torchscope {
class NamePattern;
struct PickleModuleGraph;
} // namespace torchscope

namespace torchscope {

// Consecutive children of one module with the same structure (the 32 decoder blocks of a ModuleList).
struct BlockRun
{
    int firstRow = 0;
    int count = 0;
    int lastRow() const { return firstRow + count - 1; }
};

struct ParameterTotals
{
    qint64 parameters = 0;
    qint64 trainable = 0;
    qint64 parameterBytes = 0;
    qint64 trainableBytes = 0;
    qint64 frozen() const { return parameters - trainable; }
    qint64 frozenBytes() const { return parameterBytes - trainableBytes; }
};

// An opened checkpoint: module tree, tensors and requires_grad flags. Flags change only through
// commands on the document's undo stack; requiresGradChanged() names every tensor affected.
class CheckpointDocument : public QObject
{
    Q_OBJECT
public:
    explicit CheckpointDocument(CheckpointContent content, QObject *parent = nullptr);
    ~CheckpointDocument() override;

    CheckpointFormat format() const { return m_format; }
    const QString &filePath() const { return m_filePath; }
    // What the user opened: a model folder, or the file itself (the window's title, recent files, Reload).
    const QString &openedPath() const { return m_openedPath.isEmpty() ? m_filePath : m_openedPath; }
    // After a save that wrote the document as it is to another file (Save As, the whole model in its
    // kind), that file is the one open.
    void setFilePath(const QString &path)
    {
        m_filePath = path;
        m_openedPath = path;
    }
    const QStringList &warnings() const { return m_warnings; }
    const QList<WeightsOnlyBlocker> &weightsOnlyBlockers() const { return m_weightsOnlyBlockers; }
    const QVector<QPair<QString, QString>> &metadata() const { return m_metadata; }
    // What config.json beside a weights-only checkpoint says of the model (empty where there is none).
    const ModelConfig &modelConfig() const { return m_config; }
    // A plain pickle that amounts to a refused call: that refusal; empty otherwise.
    const QString &refusedContent() const { return m_refusedContent; }
    // True where the file stores requires_grad flags (entire-model files, and a training checkpoint
    // that holds its model pickled whole).
    bool storesRequiresGrad() const { return m_storesRequiresGrad; }
    // Where the file cannot keep flags (weights-only files, folders, training checkpoints), freezing
    // still works, from what PyTorch would do (every floating-point parameter trainable), as a plan
    // that goes out as a freeze plan (JSON or code) rather than in the file.
    bool freezingIsPlan() const { return !m_storesRequiresGrad; }
    // Whether any parameter is frozen (for a plan: whether there is anything to write out).
    bool hasFrozenParameters() const { return totals().frozen() > 0; }
    // The values besides tensors (an epoch, a config), in the file's order.
    const QVector<CheckpointValue> &values() const { return m_values; }
    // What the file is for and where its model, EMA copy, optimizers and schedulers are.
    const CheckpointParts &parts() const { return m_parts; }
    // Whether tensor `index` counts as one of the model's parameters (in the totals, the trainable
    // counts and the pooled histogram): a parameter, or a floating-point tensor of a weights-only
    // model that is no buffer; never optimizer state, an EMA copy or a scheduler's tensor.
    bool isParameter(int index) const { return m_isParameter[size_t(index)] != 0; }
    // The model part's parameters as an optimizer built from it sees them: names relative to the part,
    // in order, tied ones once.
    QVector<ModelParameter> modelParameters() const;
    // The optimizers a training checkpoint holds, their state mapped to the model's parameters.
    const QVector<OptimizerState> &optimizers() const { return m_optimizers; }
    // Name of tensor `index` relative to the model part ("0.weight" for "model.0.weight").
    QString modelRelativeName(int index) const;
    // The archive this document was read from when it came from memory (the built-in example).
    const QByteArray &sourceBytes() const { return m_sourceBytes; }
    // A torch.save(model) pickle's parsed objects, from which the model is written back; nullptr for
    // other formats.
    const std::shared_ptr<const PickleModuleGraph> &pickleModule() const { return m_pickleModule; }
    // Entire-model files are written by LibTorch from the TorchScript archive this document was
    // read from (a file, or the example held in memory), or re-emitted from a pickled module (the
    // file's, or the one a training checkpoint holds pickled whole).
    bool canSaveEntireModel() const;
    // Whether the module at `path` was pickled whole (torch.save(model), or {"model": model, ...}), so
    // that it is written back as a pickle.
    bool isPickledModule(const QString &path) const;

    ModuleNode *root() const { return m_root.get(); }
    ModuleNode *findModule(const QString &path) const { return m_modulesByPath.value(path); }
    // The module that owns tensor `index` directly.
    ModuleNode *moduleOfTensor(int index) const { return m_tensorModule[size_t(index)]; }
    const std::vector<TensorInfo> &tensors() const { return m_tensors; }
    int tensorCount() const { return int(m_tensors.size()); }
    const TensorInfo &tensor(int index) const { return m_tensors[size_t(index)]; }
    int findTensor(const QString &name) const { return m_tensorsByName.value(name, -1); }
    // Tensor indices of the subtree of `module`, in state_dict order.
    QVector<int> tensorsInSubtree(const ModuleNode *module) const;
    // Tensor names relative to `module`, as module.state_dict() would key them.
    QString relativeName(int index, const ModuleNode *module) const;

    // Whether tensor `index` has a requires_grad flag to set (in the file, or in the plan).
    bool isEditable(int index) const;
    bool requiresGrad(int index) const { return m_requiresGrad[size_t(index)]; }
    std::vector<bool> requiresGradFlags() const { return m_requiresGrad; }
    ParameterTotals totals() const { return totals(m_root.get()); }
    static ParameterTotals totals(const ModuleNode *module)
    {
        return {module->parameterCount(), module->trainableCount(), module->parameterBytes(),
                module->trainableBytes()};
    }

    QUndoStack *undoStack() const { return m_undoStack; }
    // Pushes one undoable edit setting the flag of every editable tensor in `indices`;
    // returns false (and pushes nothing) when no flag would change.
    bool setRequiresGrad(const QVector<int> &indices, bool value, const QString &undoText = QString());
    // One undoable edit giving each tensor its own flag (values[i] for indices[i]).
    bool setRequiresGrad(const QVector<int> &indices, const std::vector<bool> &values,
                         const QString &undoText);
    bool setModuleRequiresGrad(const ModuleNode *module, bool value);
    // Freezes every parameter outside `module` and unfreezes those inside it, as one edit.
    bool freezeAllExcept(const ModuleNode *module);
    // Freezes every parameter but `keep`, which become trainable, as one edit named after `what`.
    bool freezeAllExcept(const QVector<int> &keep, const QString &what);
    // What a module's histogram pools. WeightMatrices (the default): its weight matrices and convolution
    // kernels (dimension >= 2), whose values are the weights' own shape; vectors such as a norm's
    // weights of 1 and biases of 0 would stretch the range to them and squeeze the rest into a spike.
    // Where a module has no such parameter, or with EveryParameter: its parameters; where it has none,
    // all its tensors. Tied tensors once.
    enum class Pool { WeightMatrices, EveryParameter };
    QVector<int> pooledTensors(const ModuleNode *module, Pool pool = Pool::WeightMatrices) const;
    // Parameters (editable tensors) of every module whose short type name is `typeName`.
    QVector<int> parametersOfType(const QString &typeName) const;
    // Parameters (editable tensors) whose full names match `pattern`, in state_dict order.
    QVector<int> parametersMatching(const NamePattern &pattern) const;
    // Editable tensors of the children firstRow..lastRow of `module` (blocks of a ModuleList), in
    // state_dict order.
    QVector<int> parametersOfChildren(const ModuleNode *module, int firstRow, int lastRow) const;
    // Runs of two or more consecutive children with identical structure: the same type and the same
    // tensor names (relative to the child), shapes and dtypes. Children without tensors never repeat.
    QVector<BlockRun> repeatedBlocks(const ModuleNode *module) const;
    // The model's main list of blocks: the module of the model part with numbered children that has the most
    // of them (a language model's decoder blocks); the first in tree order on a tie; nullptr if none.
    const ModuleNode *largestBlockList() const;

    // Puts other values in place of some tensors (weights loaded from another file) as one undoable
    // edit; each replacement keeps the model's name, kind, ties and flags.
    void replaceTensors(const QVector<QPair<int, TensorInfo>> &replacements, const QString &undoText);
    // Whether a tensor's values came from another file than the model's own.
    bool isReplaced(int index) const { return m_replacedDepth[size_t(index)] > 0; }
    bool hasReplacedTensors() const;

Q_SIGNALS:
    void requiresGradChanged(const QVector<int> &tensorIndices);
    void tensorValuesChanged(const QVector<int> &tensorIndices);

private:
    friend class SetRequiresGradCommand;
    friend class ReplaceTensorsCommand;
    // Sets tensors without recording it: only the undo command calls this. `depthChange` counts how
    // many loads deep each tensor's values are (+1 to apply, -1 to undo).
    void applyTensors(const QVector<QPair<int, TensorInfo>> &tensors, int depthChange);
    // Applies flags without recording them: only the undo command calls this.
    void applyRequiresGrad(const QVector<int> &indices, const std::vector<bool> &values);
    void buildModuleTree(const QVector<ModuleEntry> &modules, const QHash<QString, QStringList> &keyPaths);
    ModuleNode *ensureModule(const QString &path, const QString &typeName);
    // The node of these keys (each one node however many dots it holds), made with its parents if new.
    ModuleNode *ensureKeyPath(const QStringList &keys);
    void assignTensorsAndCounts();
    void checkAgainstConfig();
    void addToCounts(int index, qint64 parameterSign, qint64 trainableSign);
    // Tensor indices of a subtree found by walking its modules (not by scanning every name).
    void collectSubtreeTensors(const ModuleNode *module, QVector<int> *out) const;
    QByteArray structureOf(const ModuleNode *module) const;

    CheckpointFormat m_format;
    QString m_filePath;
    QString m_openedPath;
    QStringList m_warnings;
    QList<WeightsOnlyBlocker> m_weightsOnlyBlockers;
    QVector<QPair<QString, QString>> m_metadata;
    ModelConfig m_config;
    QString m_refusedContent;
    bool m_storesRequiresGrad = false;
    QVector<CheckpointValue> m_values;
    CheckpointParts m_parts;
    std::vector<char> m_isParameter;
    QVector<OptimizerState> m_optimizers;
    QByteArray m_sourceBytes;
    std::shared_ptr<const PickleModuleGraph> m_pickleModule;
    std::unique_ptr<ModuleNode> m_root;
    QHash<QString, ModuleNode *> m_modulesByPath;
    std::vector<TensorInfo> m_tensors;
    QHash<QString, int> m_tensorsByName;
    std::vector<bool> m_requiresGrad;
    std::vector<int> m_replacedDepth;
    std::vector<ModuleNode *> m_tensorModule;
    // Counting a tensor's elements walks up from its module and stops before this node; for an
    // alias that is where the subtree already holds the tensor it is tied to (nullptr: the root).
    std::vector<ModuleNode *> m_countStop;
    QHash<int, QVector<int>> m_tiedGroups;
    QUndoStack *m_undoStack;
};

} // namespace torchscope
