#pragma once

// The only door to LibTorch. This header must stay free of LibTorch includes: the bridge itself is a
// separate module library loaded on first use, so the app and CLI start without paying for LibTorch.

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>

#include <memory>

class QIODevice;

namespace torchscope {

// A tensor's values handed across: row-major bytes of a dtype PyTorch names ("float32") and a shape.
struct TensorValues
{
    QString dtype;
    QVector<qint64> shape;
    const char *data = nullptr;
    qint64 size = 0;
};

class TorchBridge
{
public:
    virtual ~TorchBridge() = default;

    // Loads a TorchScript archive to write it back later (reading goes through our own safe reader):
    // from `archive` when it is not empty, else from the file at `path`.
    virtual bool openTorchScript(const QString &path, const QByteArray &archive,
                                 std::shared_ptr<void> *scriptModule, QString *error) = 0;
    // Writes the module at `modulePath` of `scriptModule` as a TorchScript archive, with each
    // parameter's requires_grad taken from `requiresGrad` and the parameters and buffers named in
    // `values` holding those values instead (full dotted names from the root; shapes and dtypes must
    // be the model's own).
    virtual bool saveTorchScript(const std::shared_ptr<void> &scriptModule, const QString &modulePath,
                                 const QHash<QString, bool> &requiresGrad,
                                 const QHash<QString, TensorValues> &values, QIODevice *device,
                                 QString *error) = 0;
    // Writes the built-in example, a small CNN with children sequential, layer1, layer2 and fc and
    // weights from a fixed seed, as a TorchScript archive. The build embeds its output.
    virtual bool writeExampleModel(QIODevice *device, QString *error) = 0;
    // The LibTorch version the bridge was built with ("1.13.0").
    virtual QString libTorchVersion() const = 0;
};

// Loads the bridge library on first call (thread-safe; call it off the UI thread) and returns it,
// or nullptr with a reason. Looks in $TORCHSCOPE_TORCH_BRIDGE, beside the executable, and in
// ../lib/torchscope relative to it.
TorchBridge *torchBridge(QString *error);
bool isTorchBridgeLoaded();

} // namespace torchscope

extern "C" {
using TorchscopeCreateBridgeFunction = torchscope::TorchBridge *(*)();
}
