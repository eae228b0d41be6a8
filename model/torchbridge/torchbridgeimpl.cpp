// The LibTorch side of TorchBridge. This library is the only code that includes LibTorch; it is
// loaded at run time by torchBridge() and turns every c10::Error into a one-line message.

#include "torchbridge/examplemodel.h"
#include "torchbridge/torchbridge.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QStringList>

#include <torch/script.h>
#include <torch/version.h>

#include <memory>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

namespace torchscope {
namespace {

QString firstLine(const std::string &message)
{
    QString text = QString::fromStdString(message).trimmed();
    const int newline = text.indexOf(QLatin1Char('\n'));
    return newline < 0 ? text : text.left(newline).trimmed();
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
    bool openTorchScript(const QString &path, const QByteArray &archive, std::shared_ptr<void> *scriptModule,
                         QString *error) override
    {
        try {
            if (archive.isEmpty()) {
                *scriptModule = std::make_shared<torch::jit::Module>(
                    torch::jit::load(path.toStdString(), c10::Device(c10::kCPU)));
            } else {
                std::istringstream stream(archive.toStdString());
                *scriptModule =
                    std::make_shared<torch::jit::Module>(torch::jit::load(stream, c10::Device(c10::kCPU)));
            }
            return true;
        } catch (const c10::Error &e) {
            *error = firstLine(e.what_without_backtrace());
        } catch (const std::exception &e) {
            *error = firstLine(e.what());
        }
        return false;
    }

    QString libTorchVersion() const override { return QStringLiteral(TORCH_VERSION); }

    bool writeExampleModel(QIODevice *device, QString *error) override
    {
        try {
            auto example = std::make_shared<torch::jit::Module>();
            buildExampleCnn(example.get());
            return saveTorchScript(example, QString(), {}, {}, device, error);
        } catch (const c10::Error &e) {
            *error = firstLine(e.what_without_backtrace());
        } catch (const std::exception &e) {
            *error = firstLine(e.what());
        }
        return false;
    }

    bool saveTorchScript(const std::shared_ptr<void> &scriptModule, const QString &modulePath,
                         const QHash<QString, bool> &requiresGrad, const QHash<QString, TensorValues> &values,
                         QIODevice *device, QString *error) override
    {
        try {
            const auto &root = *static_cast<const torch::jit::Module *>(scriptModule.get());
            if (!values.isEmpty()) {
                // Copied into the module's own tensors, as load_state_dict copies: ties stay ties and
                // each parameter keeps its requires_grad.
                torch::NoGradGuard noGrad;
                QHash<QString, at::Tensor> tensors;
                for (const auto &parameter : root.named_parameters(true))
                    tensors.insert(QString::fromStdString(parameter.name), parameter.value);
                for (const auto &buffer : root.named_buffers(true))
                    tensors.insert(QString::fromStdString(buffer.name), buffer.value);
                for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
                    const auto target = tensors.constFind(it.key());
                    if (target == tensors.constEnd()) {
                        *error = QCoreApplication::translate("TorchBridge", "the model has no tensor %1")
                                     .arg(it.key());
                        return false;
                    }
                    const at::Tensor &destination = *target;
                    const std::vector<int64_t> shape(it->shape.begin(), it->shape.end());
                    // Dtypes were matched by name when the weights were loaded; the byte count checks it
                    // again.
                    if (destination.sizes().vec() != shape ||
                        destination.numel() * int64_t(destination.element_size()) != it->size) {
                        *error = QCoreApplication::translate("TorchBridge",
                                                             "%1: another shape or size than the model's")
                                     .arg(it.key());
                        return false;
                    }
                    const at::Tensor source =
                        at::from_blob(const_cast<char *>(it->data), shape,
                                      at::TensorOptions().dtype(destination.scalar_type()));
                    destination.copy_(source);
                }
            }
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
                        *error =
                            QCoreApplication::translate("TorchBridge", "no submodule %1").arg(modulePath);
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
};

} // namespace
} // namespace torchscope

extern "C" Q_DECL_EXPORT torchscope::TorchBridge *torchscope_create_torch_bridge()
{
    static torchscope::TorchBridgeImpl bridge;
    return &bridge;
}
