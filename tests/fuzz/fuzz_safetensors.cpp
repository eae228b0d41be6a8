// libFuzzer target: safetensors headers and sharded-checkpoint index files.
#include "formats/checkpointreader.h"
#include "scan/containeraudit.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // The scanner's audit walks what the reader refuses: every record, every pickle, nested archives.
    (void)torchscope::auditContainer(bytes.constData(), bytes.size());
    torchscope::CheckpointContent content;
    QString error;
    if (!bytes.isEmpty() && bytes.front() == '{') {
        // Shards are looked up in a folder that does not exist: only the index logic runs.
        torchscope::readShardIndexBytes(bytes, QStringLiteral("/nonexistent-torchscope-fuzz"), &content,
                                        &error);
        return 0;
    }
    if (torchscope::readCheckpointBytes(bytes, &content, &error)) {
        for (const torchscope::TensorInfo &tensor : content.tensors)
            (void)tensor.contiguousBytes();
    }
    return 0;
}
