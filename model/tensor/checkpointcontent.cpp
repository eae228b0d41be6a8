#include "tensor/checkpointcontent.h"

namespace torchscope {

QString checkpointFormatName(CheckpointFormat format)
{
    switch (format) {
    case CheckpointFormat::TorchScript:
        return QStringLiteral("torchscript");
    case CheckpointFormat::PickleModule:
        return QStringLiteral("pickle-module");
    case CheckpointFormat::StateDict:
        return QStringLiteral("state_dict");
    case CheckpointFormat::StateDictLegacy:
        return QStringLiteral("state_dict-legacy");
    case CheckpointFormat::Safetensors:
        return QStringLiteral("safetensors");
    case CheckpointFormat::Sharded:
        return QStringLiteral("sharded");
    case CheckpointFormat::Dcp:
        return QStringLiteral("dcp");
    case CheckpointFormat::DeepSpeed:
        return QStringLiteral("deepspeed");
    case CheckpointFormat::Gguf:
        return QStringLiteral("gguf");
    case CheckpointFormat::Pickle:
        break;
    }
    return QStringLiteral("pickle");
}

bool isEntireModelFormat(CheckpointFormat format)
{
    return format == CheckpointFormat::TorchScript || format == CheckpointFormat::PickleModule;
}

} // namespace torchscope
