#pragma once

#include "tensor/checkpointcontent.h"

#include <memory>

namespace torchscope {

class MappedFile;

// llama.cpp's GGUF (versions 2 and 3): "GGUF", the version, the tensor and metadata counts, the metadata
// (typed key-value pairs), the tensor infos (name, dimensions innermost first, ggml type, offset into
// the aligned data section), then the data. Whether the bytes start like one.
bool looksLikeGguf(const char *data, qint64 size);

// Reads the header only: every metadata key as a value (arrays as their length and first items), every
// tensor in PyTorch's dimension order with its ggml type (TensorInfo::storedEncoding). F32, F16, BF16, F64
// and the integer types are read in place; Q4_0, Q4_1, Q5_0, Q5_1, Q8_0 and Q2_K to Q6_K blocks are
// dequantized to float32 as gguf-py's dequantize does, block by block as they are read; other types are
// listed with their values not decoded (meta tensors, a warning names the type). Counts or strings past the
// file, a tensor past the data section, a misaligned offset, a nested array, a duplicate key or name, an
// unknown type: one-line reasons.
bool readGguf(const std::shared_ptr<MappedFile> &file, CheckpointContent *out, QString *error);

} // namespace torchscope
