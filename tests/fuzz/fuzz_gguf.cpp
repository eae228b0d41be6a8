// libFuzzer target: GGUF headers (metadata, tensor infos) and their block-quantized data.
#include "formats/checkpointreader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Every input is a GGUF file: the magic first, then the fuzzer's bytes.
    QByteArray bytes("GGUF");
    bytes.append(reinterpret_cast<const char *>(data), qsizetype(size));
    torchscope::CheckpointContent content;
    QString error;
    if (torchscope::readCheckpointBytes(bytes, &content, &error)) {
        for (const torchscope::TensorInfo &tensor : content.tensors) {
            if (!tensor.meta)
                (void)tensor.contiguousBytes(); // decodes every block
        }
    }
    return 0;
}
