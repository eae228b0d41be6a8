#include "document/documentcomparison.h"

#include "document/checkpointdocument.h"

#include <functional>

namespace torchscope {

DiffSide diffSideOf(const CheckpointDocument &document)
{
    DiffSide side;
    side.label = document.filePath().isEmpty() ? QStringLiteral("example")
                                               : document.filePath().section(QLatin1Char('/'), -1);
    side.tensors = document.tensors();
    for (int i = 0; i < document.tensorCount(); ++i) {
        TensorInfo &tensor = side.tensors[size_t(i)];
        if (tensor.hasRequiresGrad)
            tensor.requiresGrad = document.requiresGrad(i);
    }
    if (document.storesRequiresGrad()) {
        std::function<void(const ModuleNode *)> walk = [&](const ModuleNode *node) {
            side.modules.append({node->path(), node->typeName()});
            for (int i = 0; i < node->childCount(); ++i)
                walk(node->child(i));
        };
        walk(document.root());
    }
    return side;
}

} // namespace torchscope
