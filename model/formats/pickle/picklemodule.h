#pragma once

#include "formats/pickle/picklevalue.h"
#include "formats/statedictwriter.h"
#include "jobs/progress.h"
#include "tensor/checkpointcontent.h"
#include "tensor/tensorinfo.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

class QIODevice;

namespace torchscope {

// The object graph of a torch.save(model) pickle as the safe unpickler parsed it, kept with the
// document so the model can be written back: nothing in it was ever executed.
struct PickleModuleGraph final : SourceGraph
{
    std::shared_ptr<const PickleArena> arena; // owns every value below
    PickleValuePtr root = nullptr;
    std::vector<StorageRef> storages;
    // The bytes of each storage; nullptr where they could not be found.
    std::vector<std::shared_ptr<const TensorStorage>> storageData;
    // The content index of each tensor the reader named (a tied tensor: its first name).
    std::unordered_map<const TensorRecord *, int> tensorIndex;
    // Each module object by its path ("" the root), as the reader walked them.
    QHash<QString, PickleValuePtr> modules;
};

// Writes a module of a PickleModuleGraph as torch.save(module) would: a zip archive whose data.pkl
// re-emits the parsed objects (classes, attributes, containers, shared references) as they were,
// with each named tensor's requires_grad and values as they are now. Storages keep their bytes,
// dtype and views; a tensor whose values were replaced gets a storage of its own.
class PickleModuleWriter
{
public:
    // The tensor of content index `index` as it is now, and its requires_grad flag.
    using TensorState = std::function<std::pair<const TensorInfo *, bool>(int index)>;

    // Emits the pickle of the module at `modulePath`. Returns false, writing nothing, with the reason
    // when the pickle cannot be written back as it was (a refused call, a tensor subclass or hooks,
    // quantized tensors, missing storage bytes).
    bool prepare(const PickleModuleGraph &graph, const QString &modulePath, const TensorState &state,
                 QString *error);
    bool write(QIODevice *device, const Progress &progress, QString *error) const;

private:
    QByteArray m_pickle;
    // One record per storage written, in key order; each is the bytes of one tensor-like span.
    std::vector<StateDictWriter::Entry> m_records;
};

} // namespace torchscope
