#pragma once

namespace torch::jit {
struct Module;
}

namespace torchscope {

// Builds the built-in example as a TorchScript module: a small CNN for 1x1x28x28 images whose
// named_children are sequential, layer1, layer2 (conv / batch-norm / relu / pool) and fc (Linear).
// Weights come from a fixed seed, so every build is identical.
void buildExampleCnn(torch::jit::Module *out);

} // namespace torchscope
