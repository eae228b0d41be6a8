#pragma once

#include "formats/statedictwriter.h"
#include "jobs/progress.h"
#include "torchbridge/torchbridge.h"

#include <QHash>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>
#include <utility>
#include <vector>

namespace torchscope {

class CheckpointDocument;
struct PickleModuleGraph;
class WeightsOnlySafeWriter;

enum class SaveMode { WeightsOnly, EntireModel };

// Which tensors a weights-only save writes: the module at SaveRequest::modulePath (the whole file by
// default); a training checkpoint's model part (its tensors only, never the optimizer's or the EMA's);
// or its EMA weights under the model's own names (AveragedModel's "module." stripped, its n_averaged
// counter left out), so they load strictly into the model.
enum class SavePart { Module, Model, Ema };

// The file format written. Auto: from the name (.safetensors, else PyTorch's zip) for weights, and
// for an entire model the source's own kind (TorchScript, or a torch.save(model) pickle).
// WeightsOnlySafe: a copy of a whole torch.save file that PyTorch's default torch.load
// (weights_only=True) reads, its values kept where they are plain (WeightsOnlySafeWriter).
// Dcp: a single-rank torch.distributed.checkpoint folder of the weights (DcpWriter).
enum class SaveFormat { Auto, PyTorch, Safetensors, TorchScript, Pickle, WeightsOnlySafe, Dcp };

struct SaveRequest
{
    QString path;
    SaveMode mode = SaveMode::WeightsOnly;
    // The module to save ("" for the whole model).
    QString modulePath;
    // Weights-only files keep no flags: also write them as a freeze plan beside the checkpoint.
    bool writeFreezePlan = false;
    SaveFormat format = SaveFormat::Auto;
    // Floating-point tensors written as this dtype (float32, float16, bfloat16); Invalid keeps each.
    DType dtype = DType::Invalid;
    bool includeBuffers = true;
    // Above 0, `path` is a folder that receives shards of at most this many bytes (a larger tensor
    // gets a shard of its own) and the index, as Hugging Face's save_pretrained writes them.
    qint64 maxShardSize = 0;
    SavePart part = SavePart::Module;
    // Removed from the start of every name that has it (Lightning's "model.", torch.compile's "_orig_mod.").
    QString stripPrefix = QString();
};

// File > Save: the request that writes the document back over its own file in its own kind (an entire
// model as TorchScript or as the pickle it came from; a plain state_dict as PyTorch's zip; safetensors
// as safetensors), atomically as every save. False, with the reason, where writing it back in place
// would lose something or change its kind (a training checkpoint's optimizer and values, a legacy or
// sharded file, a folder, the example held in memory): Save As is the way there. A weights-only file
// with parameters frozen in the plan gets the plan beside it (writeFreezePlan).
bool saveInPlaceRequest(const CheckpointDocument &document, SaveRequest *request, QString *whyNot);

// Whether the file `request` writes holds the document as it is, every edit included (the whole model
// in its own kind, no dtype change, nothing left out), so that it becomes the file the window has open.
bool saveReplacesDocument(const CheckpointDocument &document, const SaveRequest &request);

// The prefix every name of what `request` would write begins with that a framework adds (Lightning's
// "model.", torch.compile's "_orig_mod.", DataParallel's "module."): offered for stripping. Empty if none.
QString offeredStripPrefix(const CheckpointDocument &document, const SaveRequest &request);

// "5GB" (10^9), "500MiB" (2^20), "100KB", "123" bytes, as Hugging Face reads sizes; 0 when unreadable.
qint64 parseShardSize(const QString &text);

// A save captured on the UI thread (tensors and flags as they are now) that can then run on any
// thread while the user keeps editing.
class SaveJob
{
public:
    // Returns nullptr with a reason when the document cannot be saved that way.
    static std::unique_ptr<SaveJob> prepare(const CheckpointDocument &document, const SaveRequest &request,
                                            QString *error);
    // Writes to a temporary file beside the target and renames it over the target only on
    // success, so a failed or canceled save leaves any existing file untouched.
    bool run(const Progress &progress, QString *error) const;

    const SaveRequest &request() const { return m_request; }
    SaveFormat format() const { return m_format; }
    // What the save does that the user may not expect ("head.weight is tied to embed.weight: written
    // once"), one sentence each.
    const QStringList &notes() const { return m_notes; }
    // What a weights-only save of part of a training checkpoint leaves out, in one line ("Left out: the
    // optimizer (Adam state for 14 tensors), 1 scheduler, 54 values"); empty when it leaves out nothing.
    const QString &leftOut() const { return m_leftOut; }
    // How many tensors it writes.
    int entryCount() const { return int(m_entries.size()); }

private:
    void dropTiedDuplicates();
    bool writeShards(const Progress &progress, QString *error) const;
    bool writeDcpFolder(const Progress &progress, QString *error) const;
    QHash<QString, TensorValues> replacedValues() const;
    bool writeEntries(const std::vector<StateDictWriter::Entry> &entries, QIODevice *device,
                      const Progress &progress, QString *error) const;

    SaveRequest m_request;
    std::vector<StateDictWriter::Entry> m_entries;
    // The TorchScript archive read by our own reader (a file, or bytes held in memory); LibTorch
    // loads it only when it is written back.
    QString m_scriptSource;
    QByteArray m_scriptBytes;
    QHash<QString, bool> m_requiresGrad;
    // A pickled model's graph, and its tensors with their flags as they were when the save was prepared:
    // its data.pkl is emitted when the save runs, off the UI thread.
    std::shared_ptr<const PickleModuleGraph> m_pickleGraph;
    std::vector<std::pair<TensorInfo, bool>> m_tensorStates;
    std::shared_ptr<const WeightsOnlySafeWriter> m_safeCopy;
    // Tensors whose values were loaded from another file, with full names: written into the model.
    std::vector<TensorInfo> m_replaced;
    mutable std::vector<QByteArray> m_gathered; // contiguous copies of strided ones, while saving
    QByteArray m_freezePlan;
    QString m_leftOut;
    QVector<QPair<QString, QString>> m_metadata;
    // Name -> dtype and shape of every tensor the output must hold, checked by reading it back.
    QHash<QString, std::pair<DType, QVector<qint64>>> m_expected;
    SaveFormat m_format = SaveFormat::PyTorch;
    QStringList m_notes;
};

} // namespace torchscope
