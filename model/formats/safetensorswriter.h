#pragma once

#include "formats/statedictwriter.h"

#include <QPair>
#include <QString>
#include <QVector>

#include <vector>

class QIODevice;

namespace torchscope {

// Writes tensors as a .safetensors file: an 8-byte little-endian header length, a JSON header
// (padded with spaces to 8 bytes) giving each name's dtype, shape and data offsets, and
// `__metadata__` {"format": "pt"}, then each tensor's bytes in row-major order, without gaps. Data
// goes in the reference writer's order: larger elements first, then by name. safetensors has no
// shared storage, so tied entries are written once per name; quantized dtypes are refused.
class SafetensorsWriter
{
public:
    // `metadata` (the input's own __metadata__, say) is kept; "format" is always "pt".
    static bool write(const std::vector<StateDictWriter::Entry> &entries, QIODevice *device,
                      const Progress &progress, QString *error,
                      const QVector<QPair<QString, QString>> &metadata = {});
};

} // namespace torchscope
