#pragma once

#include "jobs/progress.h"
#include "tensor/tensorinfo.h"

#include <QString>

#include <functional>
#include <optional>
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
        // Written as this dtype (DTypeConversion::convertedType of the tensor's); Invalid: as it is.
        DType convertTo = DType::Invalid;

        DType dtype() const { return convertTo == DType::Invalid ? tensor.dtype : convertTo; }
        qint64 byteSize() const { return dtypeStorageBytes(dtype(), tensor.numel()); }
        // The same bytes handed to `sink` in order, a few MB at a time where they must be gathered or
        // converted (memory stays bounded whatever the tensor's size). Stops when `sink` returns false.
        bool forEachChunk(const std::function<bool(const char *, qint64)> &sink) const;
        // The CRC-32 of the bytes written, where they are a source zip record's bytes unchanged.
        std::optional<quint32> recordedCrc32() const;
    };

    static bool write(const std::vector<Entry> &entries, QIODevice *device, const Progress &progress,
                      QString *error);
    // torch.save(tensor): the archive of one tensor, its pickle the tensor alone (a DCP item).
    static bool writeTensor(const Entry &entry, QIODevice *device, const Progress &progress, QString *error);
    // The archive torch.save writes around a data.pkl: each storage's bytes as data/<key> (the
    // entry's key), streamed from its tensor, then the version.
    static bool writeArchive(const QByteArray &pickle, const std::vector<Entry> &storages, QIODevice *device,
                             const Progress &progress, QString *error);

private:
    static bool writePickled(const std::vector<Entry> &entries, bool singleTensor, QIODevice *device,
                             const Progress &progress, QString *error);
};

} // namespace torchscope
