#pragma once

// The only door to LibTorch. This header must stay free of LibTorch includes: the bridge itself is a
// separate module library loaded on first use, so the app and CLI start without paying for LibTorch.

#include "dtype.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

class QIODevice;

namespace torchscope {

struct BridgeTensor
{
    QString name;
    bool isParameter = false;
    bool requiresGrad = false;
    DType dtype = DType::Invalid;
    QVector<qint64> shape;
    // Contiguous bytes, kept alive by `owner` (a LibTorch tensor inside the bridge).
    std::shared_ptr<const void> owner;
    const char *data = nullptr;
    qint64 byteSize = 0;
    // Identifies the view on its storage, to recognise tied tensors.
    quintptr storageId = 0;
    qint64 storageOffset = 0;
    QVector<qint64> storageStrides;
};

struct BridgeModuleEntry
{
    QString path;
    QString typeName;
};

struct BridgeModel
{
    QVector<BridgeModuleEntry> modules;  // named_modules() order, root first
    QVector<BridgeTensor> tensors;       // state_dict() order
    std::shared_ptr<void> scriptModule;  // owns a torch::jit::Module
    QStringList warnings;                // tensors that could not be described
};

class TorchBridge
{
public:
    virtual ~TorchBridge() = default;

    virtual bool loadTorchScript(const QString &path, BridgeModel *out, QString *error) = 0;
    // Loads only the module, for writing it back later (reading goes through our own safe reader).
    virtual bool openTorchScript(const QString &path, std::shared_ptr<void> *scriptModule, QString *error) = 0;
    // The built-in example: a small CNN with children sequential, layer1, layer2, fc.
    virtual bool buildExampleModel(BridgeModel *out, QString *error) = 0;
    // Writes the module at `modulePath` of `scriptModule` as a TorchScript archive, with each
    // parameter's requires_grad taken from `requiresGrad` (full dotted names from the root).
    virtual bool saveTorchScript(const std::shared_ptr<void> &scriptModule, const QString &modulePath,
                                 const QHash<QString, bool> &requiresGrad, QIODevice *device, QString *error) = 0;
    // Runs forward() on `input` (float32, row-major) and returns the float32 output.
    virtual bool runForward(const std::shared_ptr<void> &scriptModule, const QVector<qint64> &inputShape,
                            const QVector<float> &input, QVector<qint64> *outputShape, QVector<float> *output,
                            QString *error) = 0;
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
