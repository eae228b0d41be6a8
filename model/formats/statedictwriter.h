#pragma once

#include "tensor/progress.h"
#include "tensor/tensorinfo.h"

#include <QString>

#include <vector>

class QIODevice;

namespace torchscope {

// Writes tensors as torch.save(model.state_dict()) does: a zip archive whose data.pkl is an
// OrderedDict of name -> tensor, one storage record per distinct storage.
class StateDictWriter
{
public:
    struct Entry
    {
        QString key;
        TensorInfo tensor;
        // Entries with the same group (>= 0) share one storage, as tied weights do in PyTorch.
        int storageGroup = -1;
    };

    static bool write(const std::vector<Entry> &entries, QIODevice *device, const Progress &progress,
                      QString *error);
};

} // namespace torchscope
