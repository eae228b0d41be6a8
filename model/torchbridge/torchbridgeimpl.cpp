// The LibTorch side of TorchBridge. This library is the only code that includes LibTorch; it is
// loaded at run time by torchBridge() and turns every c10::Error into a one-line message.

#include "examplemodel.h"
#include "torchbridge.h"

#include <QIODevice>
#include <QStringList>

#include <torch/script.h>

#include <ostream>
#include <streambuf>

namespace torchscope {
namespace {

DType fromScalarType(c10::ScalarType type)
{
    switch (type) {
    case c10::ScalarType::Float:
        return DType::Float32;
    case c10::ScalarType::Double:
        return DType::Float64;
    case c10::ScalarType::Half:
        return DType::Float16;
    case c10::ScalarType::BFloat16:
        return DType::BFloat16;
    case c10::ScalarType::Char:
        return DType::Int8;
    case c10::ScalarType::Short:
        return DType::Int16;
    case c10::ScalarType::Int:
        return DType::Int32;
    case c10::ScalarType::Long:
        return DType::Int64;
    case c10::ScalarType::Byte:
        return DType::UInt8;
    case c10::ScalarType::Bool:
        return DType::Bool;
    case c10::ScalarType::ComplexFloat:
        return DType::Complex64;
    case c10::ScalarType::ComplexDouble:
        return DType::Complex128;
    default:
        return DType::Invalid;
    }
}

// "__torch__.torch.nn.modules.conv.___torch_mangle_3.Conv2d" -> "torch.nn.modules.conv.Conv2d"
QString cleanTypeName(const torch::jit::Module &module)
{
    const auto name = module.type()->name();
    if (!name)
        return QString();
    QStringList parts;
    for (const std::string &atom : name->atoms()) {
        if (atom == "__torch__" || atom.rfind("___torch_mangle_", 0) == 0)
            continue;
        parts << QString::fromStdString(atom);
    }
    return parts.join(QLatin1Char('.'));
}

QString firstLine(const std::string &message)
{
    QString text = QString::fromStdString(message).trimmed();
    const int newline = text.indexOf(QLatin1Char('\n'));
    return newline < 0 ? text : text.left(newline).trimmed();
}

QString qualified(const QString &prefix, const std::string &name)
{
    const QString local = QString::fromStdString(name);
    return prefix.isEmpty() ? local : prefix + QLatin1Char('.') + local;
}

BridgeTensor describeTensor(const QString &name, const at::Tensor &tensor, bool isParameter, QStringList *warnings,
                            bool *ok)
{
    BridgeTensor out;
    out.name = name;
    out.isParameter = isParameter;
    *ok = false;
    if (!tensor.defined()) {
        warnings->append(QStringLiteral("%1: undefined tensor skipped").arg(name));
        return out;
    }
    if (tensor.layout() != c10::kStrided || tensor.is_quantized() || !tensor.device().is_cpu()) {
        warnings->append(QStringLiteral("%1: unsupported tensor layout skipped").arg(name));
        return out;
    }
    out.dtype = fromScalarType(tensor.scalar_type());
    if (out.dtype == DType::Invalid) {
        warnings->append(QStringLiteral("%1: unsupported element type %2 skipped")
                             .arg(name, QString::fromLatin1(c10::toString(tensor.scalar_type()))));
        return out;
    }
    out.requiresGrad = tensor.requires_grad();
    for (int64_t d : tensor.sizes())
        out.shape.append(d);
    for (int64_t s : tensor.strides())
        out.storageStrides.append(s);
    out.storageId = reinterpret_cast<quintptr>(tensor.storage().unsafeGetStorageImpl());
    out.storageOffset = tensor.storage_offset();
    auto contiguous = std::make_shared<at::Tensor>(tensor.detach().contiguous());
    out.data = static_cast<const char *>(contiguous->data_ptr());
    out.byteSize = qint64(contiguous->nbytes());
    out.owner = contiguous;
    *ok = true;
    return out;
}

void describeModel(const torch::jit::Module &root, BridgeModel *out)
{
    QStringList warnings;
    for (const auto &item : root.named_modules()) {
        const QString path = QString::fromStdString(item.name);
        out->modules.append({path, cleanTypeName(item.value)});
        bool ok = false;
        for (const auto &parameter : item.value.named_parameters(false)) {
            BridgeTensor tensor = describeTensor(qualified(path, parameter.name), parameter.value, true, &warnings, &ok);
            if (ok)
                out->tensors.append(tensor);
        }
        for (const auto &buffer : item.value.named_buffers(false)) {
            BridgeTensor tensor = describeTensor(qualified(path, buffer.name), buffer.value, false, &warnings, &ok);
            if (ok)
                out->tensors.append(tensor);
        }
    }
    out->scriptModule = std::make_shared<torch::jit::Module>(root);
    out->warnings = warnings;
}

// Lets LibTorch's writer stream into a QIODevice (a QSaveFile, for atomic saves).
class DeviceStreamBuffer : public std::streambuf
{
public:
    explicit DeviceStreamBuffer(QIODevice *device) : m_device(device) {}
    bool failed() const { return m_failed; }

protected:
    std::streamsize xsputn(const char *data, std::streamsize count) override
    {
        if (m_failed || m_device->write(data, count) != count) {
            m_failed = true;
            return 0;
        }
        return count;
    }
    int_type overflow(int_type ch) override
    {
        if (traits_type::eq_int_type(ch, traits_type::eof()))
            return traits_type::not_eof(ch);
        const char c = traits_type::to_char_type(ch);
        return xsputn(&c, 1) == 1 ? ch : traits_type::eof();
    }

private:
    QIODevice *m_device;
    bool m_failed = false;
};

class TorchBridgeImpl final : public TorchBridge
{
public:
    bool loadTorchScript(const QString &path, BridgeModel *out, QString *error) override
    {
        try {
            torch::jit::Module module = torch::jit::load(path.toStdString(), c10::Device(c10::kCPU));
            describeModel(module, out);
            return true;
        } catch (const c10::Error &e) {
            *error = firstLine(e.what_without_backtrace());
        } catch (const std::exception &e) {
            *error = firstLine(e.what());
        }
        return false;
    }

    bool openTorchScript(const QString &path, std::shared_ptr<void> *scriptModule, QString *error) override
    {
        try {
            *scriptModule = std::make_shared<torch::jit::Module>(torch::jit::load(path.toStdString(), c10::Device(c10::kCPU)));
            return true;
        } catch (const c10::Error &e) {
            *error = firstLine(e.what_without_backtrace());
        } catch (const std::exception &e) {
            *error = firstLine(e.what());
        }
        return false;
    }

    bool buildExampleModel(BridgeModel *out, QString *error) override
    {
        try {
            torch::jit::Module example;
            buildExampleCnn(&example);
            describeModel(example, out);
            return true;
        } catch (const c10::Error &e) {
            *error = firstLine(e.what_without_backtrace());
        } catch (const std::exception &e) {
            *error = firstLine(e.what());
        }
        return false;
    }

    bool saveTorchScript(const std::shared_ptr<void> &scriptModule, const QString &modulePath,
                         const QHash<QString, bool> &requiresGrad, QIODevice *device, QString *error) override
    {
        try {
            const auto &root = *static_cast<const torch::jit::Module *>(scriptModule.get());
            for (const auto &parameter : root.named_parameters(true)) {
                const auto flag = requiresGrad.constFind(QString::fromStdString(parameter.name));
                if (flag != requiresGrad.constEnd())
                    parameter.value.set_requires_grad(*flag);
            }
            torch::jit::Module target = root;
            if (!modulePath.isEmpty()) {
                for (const QString &part : modulePath.split(QLatin1Char('.'))) {
                    const std::string name = part.toStdString();
                    if (!target.hasattr(name) || !target.attr(name).isModule()) {
                        *error = QStringLiteral("no submodule %1").arg(modulePath);
                        return false;
                    }
                    target = target.attr(name).toModule();
                }
            }
            DeviceStreamBuffer buffer(device);
            std::ostream stream(&buffer);
            target.save(stream);
            stream.flush();
            if (buffer.failed() || !stream) {
                *error = device->errorString();
                return false;
            }
            return true;
        } catch (const c10::Error &e) {
            *error = firstLine(e.what_without_backtrace());
        } catch (const std::exception &e) {
            *error = firstLine(e.what());
        }
        return false;
    }

    bool runForward(const std::shared_ptr<void> &scriptModule, const QVector<qint64> &inputShape,
                    const QVector<float> &input, QVector<qint64> *outputShape, QVector<float> *output,
                    QString *error) override
    {
        try {
            torch::NoGradGuard noGrad;
            auto module = *static_cast<const torch::jit::Module *>(scriptModule.get());
            std::vector<int64_t> sizes(inputShape.begin(), inputShape.end());
            at::Tensor x = torch::from_blob(const_cast<float *>(input.data()), sizes, torch::kFloat32).clone();
            at::Tensor y = module.forward({x}).toTensor().to(torch::kFloat32).contiguous();
            outputShape->clear();
            for (int64_t d : y.sizes())
                outputShape->append(d);
            output->resize(int(y.numel()));
            std::memcpy(output->data(), y.data_ptr<float>(), size_t(y.numel()) * sizeof(float));
            return true;
        } catch (const c10::Error &e) {
            *error = firstLine(e.what_without_backtrace());
        } catch (const std::exception &e) {
            *error = firstLine(e.what());
        }
        return false;
    }
};

} // namespace
} // namespace torchscope

extern "C" Q_DECL_EXPORT torchscope::TorchBridge *torchscope_create_torch_bridge()
{
    static torchscope::TorchBridgeImpl bridge;
    return &bridge;
}
