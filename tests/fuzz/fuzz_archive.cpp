// libFuzzer target: zip archives and legacy pickles read as checkpoints, down to every tensor byte, and
// the weights-only-safe copy of what was read (a walk over whatever values the pickle built).
#include "formats/checkpointreader.h"
#include "formats/pickle/picklemodule.h"
#include "formats/weightsonlysafewriter.h"
#include "scan/containeraudit.h"

#include <QBuffer>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // The scanner's audit walks what the reader refuses: every record, every pickle, nested archives.
    (void)torchscope::auditContainer(bytes.constData(), bytes.size());
    torchscope::CheckpointContent content;
    QString error;
    if (torchscope::readCheckpointBytes(bytes, &content, &error)) {
        for (const torchscope::TensorInfo &tensor : content.tensors)
            (void)tensor.contiguousBytes();
        const auto graph =
            std::dynamic_pointer_cast<const torchscope::PickleModuleGraph>(content.sourceGraph);
        if (graph && content.format == torchscope::CheckpointFormat::StateDict) {
            torchscope::WeightsOnlySafeWriter writer;
            const auto tensorAt = [&content](int index) {
                return index >= 0 && size_t(index) < content.tensors.size() ? &content.tensors[size_t(index)]
                                                                            : nullptr;
            };
            if (writer.prepare(*graph, tensorAt, &error)) {
                QBuffer out;
                out.open(QIODevice::WriteOnly);
                (void)writer.write(&out, torchscope::Progress(), &error);
            }
        }
    }
    return 0;
}
