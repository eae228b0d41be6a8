#include "torchbridge/examplemodel.h"

#include <torch/script.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace torchscope {
namespace {

using torch::jit::Module;

class ExampleBuilder
{
public:
    ExampleBuilder()
        : m_unit(std::make_shared<torch::jit::CompilationUnit>()),
          m_generator(at::detail::createCPUGenerator(20261123))
    {
    }

    Module conv2d(int64_t in, int64_t out, int64_t kernel, int64_t padding)
    {
        Module m = make("torch.nn.modules.conv.Conv2d");
        const double bound = 1.0 / std::sqrt(double(in * kernel * kernel));
        addParameter(m, "weight", uniform({out, in, kernel, kernel}, bound));
        addParameter(m, "bias", uniform({out}, bound));
        const std::string p = std::to_string(padding);
        m.define("def forward(self, input):\n"
                 "    return torch.conv2d(input, self.weight, self.bias, [1, 1], [" +
                 p + ", " + p + "], [1, 1], 1)\n");
        return m;
    }

    Module batchNorm2d(int64_t features)
    {
        Module m = make("torch.nn.modules.batchnorm.BatchNorm2d");
        addParameter(m, "weight", 1.0 + 0.1 * uniform({features}, 1.0));
        addParameter(m, "bias", 0.1 * uniform({features}, 1.0));
        m.register_buffer("running_mean", 0.05 * uniform({features}, 1.0));
        m.register_buffer("running_var", 1.0 + 0.1 * uniform({features}, 1.0).abs());
        m.register_buffer("num_batches_tracked", torch::tensor(int64_t(0), torch::kLong));
        m.define(
            "def forward(self, input):\n"
            "    return torch.batch_norm(input, self.weight, self.bias, self.running_mean, self.running_var, "
            "self.training, 0.1, 1e-05, True)\n");
        return m;
    }

    Module relu()
    {
        Module m = make("torch.nn.modules.activation.ReLU");
        m.define("def forward(self, input):\n    return torch.relu(input)\n");
        return m;
    }

    Module maxPool2d()
    {
        Module m = make("torch.nn.modules.pooling.MaxPool2d");
        m.define("def forward(self, input):\n"
                 "    return torch.max_pool2d(input, [2, 2], [2, 2], [0, 0], [1, 1], False)\n");
        return m;
    }

    Module linear(int64_t in, int64_t out)
    {
        Module m = make("torch.nn.modules.linear.Linear");
        const double bound = 1.0 / std::sqrt(double(in));
        addParameter(m, "weight", uniform({out, in}, bound));
        addParameter(m, "bias", uniform({out}, bound));
        m.define("def forward(self, input):\n    return torch.linear(input, self.weight, self.bias)\n");
        return m;
    }

    Module sequential(const std::vector<Module> &children)
    {
        Module m = make("torch.nn.modules.container.Sequential");
        std::string body = "def forward(self, input):\n";
        for (size_t i = 0; i < children.size(); ++i) {
            const std::string name = std::to_string(i);
            m.register_module(name, children[i]);
            body += "    input = getattr(self, \"" + name + "\").forward(input)\n";
        }
        body += "    return input\n";
        m.define(body);
        return m;
    }

    Module make(const std::string &qualifiedName)
    {
        Module m(c10::QualifiedName("__torch__." + qualifiedName), m_unit, /*shouldMangle=*/true);
        // Modules are saved in eval mode so that forward() is deterministic and leaves buffers alone.
        m.register_attribute("training", c10::BoolType::get(), false);
        return m;
    }

private:
    at::Tensor uniform(const std::vector<int64_t> &sizes, double bound)
    {
        at::Tensor t = torch::empty(sizes, torch::kFloat32);
        t.uniform_(-bound, bound, m_generator);
        return t;
    }

    static void addParameter(Module &m, const std::string &name, const at::Tensor &value)
    {
        value.set_requires_grad(true);
        m.register_parameter(name, value, /*is_buffer=*/false);
    }

    std::shared_ptr<torch::jit::CompilationUnit> m_unit;
    at::Generator m_generator;
};

} // namespace

void buildExampleCnn(Module *out)
{
    ExampleBuilder b;
    Module root = b.make("CNN");
    root.register_module("sequential", b.sequential({b.conv2d(1, 8, 3, 1), b.batchNorm2d(8), b.relu()}));
    root.register_module("layer1",
                         b.sequential({b.conv2d(8, 16, 5, 2), b.batchNorm2d(16), b.relu(), b.maxPool2d()}));
    root.register_module("layer2",
                         b.sequential({b.conv2d(16, 32, 5, 2), b.batchNorm2d(32), b.relu(), b.maxPool2d()}));
    root.register_module("fc", b.linear(7 * 7 * 32, 10));
    root.define("def forward(self, x):\n"
                "    x = self.sequential.forward(x)\n"
                "    x = self.layer1.forward(x)\n"
                "    x = self.layer2.forward(x)\n"
                "    x = torch.flatten(x, 1)\n"
                "    return self.fc.forward(x)\n");
    *out = root;
}

} // namespace torchscope
