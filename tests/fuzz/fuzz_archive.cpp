// libFuzzer target: zip archives and legacy pickles read as checkpoints, down to every tensor byte.
#include "formats/checkpointreader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    torchscope::CheckpointContent content;
    QString error;
    if (torchscope::readCheckpointBytes(bytes, &content, &error)) {
        for (const torchscope::TensorInfo &tensor : content.tensors)
            (void)tensor.contiguousBytes();
    }
    return 0;
}
