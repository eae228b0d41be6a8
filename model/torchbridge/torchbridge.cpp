#include "torchbridge/torchbridge.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLibrary>
#include <QMutex>
#include <QStringList>

#include <atomic>

namespace torchscope {

namespace {
QMutex g_mutex;
std::atomic<TorchBridge *> g_bridge{nullptr};
QString g_loadError;
bool g_tried = false;

QStringList candidatePaths()
{
    QStringList paths;
    const QString fromEnvironment = qEnvironmentVariable("TORCHSCOPE_TORCH_BRIDGE");
    if (!fromEnvironment.isEmpty())
        return {fromEnvironment};
    const QString fileName = QStringLiteral("libtorchscope_torchbridge.so");
    const QString appDir = QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QString();
    if (!appDir.isEmpty()) {
        paths << QDir(appDir).filePath(fileName);
        // An installed tree, wherever its prefix: bin/ beside lib/<arch>/torchscope/.
        paths << QDir(appDir).filePath(QStringLiteral("../" TORCHSCOPE_BRIDGE_RELATIVE_DIR "/") + fileName);
    }
#ifdef TORCHSCOPE_BRIDGE_INSTALL_PATH
    paths << QStringLiteral(TORCHSCOPE_BRIDGE_INSTALL_PATH "/") + fileName;
#endif
    return paths;
}
} // namespace

bool isTorchBridgeLoaded()
{
    return g_bridge.load() != nullptr;
}

TorchBridge *torchBridge(QString *error)
{
    if (TorchBridge *bridge = g_bridge.load())
        return bridge;
    QMutexLocker lock(&g_mutex);
    if (TorchBridge *bridge = g_bridge.load())
        return bridge;
    if (g_tried) {
        *error = g_loadError;
        return nullptr;
    }
    g_tried = true;
    QStringList reasons;
    for (const QString &path : candidatePaths()) {
        if (!QFile::exists(path)) {
            reasons << QCoreApplication::translate("TorchBridge", "%1 not found").arg(path);
            continue;
        }
        // Never unloaded: objects created by the bridge live as long as the process.
        auto *library = new QLibrary(path);
        library->setLoadHints(QLibrary::ResolveAllSymbolsHint);
        auto create = reinterpret_cast<TorchscopeCreateBridgeFunction>(
            library->resolve("torchscope_create_torch_bridge"));
        if (!create) {
            reasons << library->errorString();
            delete library;
            continue;
        }
        g_bridge.store(create());
        return g_bridge.load();
    }
    g_loadError = QCoreApplication::translate(
                      "TorchBridge", "writing TorchScript needs the LibTorch bridge (Debian: install the "
                                     "torchscope-torchscript package), which did not load: %1")
                      .arg(reasons.join(QStringLiteral("; ")));
    *error = g_loadError;
    return nullptr;
}

} // namespace torchscope
