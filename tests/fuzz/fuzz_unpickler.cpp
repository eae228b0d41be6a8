// libFuzzer target: the restricted pickle interpreter on arbitrary bytes.
#include "formats/pickle/safeunpickler.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    torchscope::SafeUnpickler unpickler(reinterpret_cast<const char *>(data), qint64(size));
    QString error;
    if (unpickler.run(0, &error)) {
        const torchscope::PickleValuePtr root = unpickler.result();
        (void)root->describe();
    }
    return 0;
}
