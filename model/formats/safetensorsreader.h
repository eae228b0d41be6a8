#pragma once

#include "tensor/checkpointcontent.h"

#include <memory>

namespace torchscope {

class MappedFile;

// Reads a .safetensors file: an 8-byte header length, a JSON header, then the tensors' bytes, which
// stay mapped in place. Every offset is checked: contiguous from 0, no holes or overlaps, sizes exact.
class SafetensorsReader
{
public:
    static bool looksLikeSafetensors(const char *data, qint64 size);
    static bool read(const std::shared_ptr<MappedFile> &file, CheckpointContent *out, QString *error);
    static DType dtypeFromCode(const QString &code, bool *known);
    // The code a dtype is written with ("BF16"); empty for dtypes safetensors cannot hold (quantized).
    static QString codeOf(DType dtype);
};

} // namespace torchscope
