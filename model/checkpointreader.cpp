#include "checkpointreader.h"

#include "mappedfile.h"
#include "torchbridge.h"
#include "ziparchivereader.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <map>
#include <tuple>

namespace torchscope {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("CheckpointReader", text);
}

bool contentFromBridge(BridgeModel &model, CheckpointFormat format, const QString &path, CheckpointContent *out)
{
    out->format = format;
    out->filePath = path;
    out->scriptModule = std::move(model.scriptModule);
    out->warnings = model.warnings;
    for (const BridgeModuleEntry &module : std::as_const(model.modules))
        out->modules.append({module.path, module.typeName});
    using ViewKey = std::tuple<quintptr, qint64, QVector<qint64>, QVector<qint64>, int>;
    std::map<ViewKey, int> firstWithView;
    out->tensors.reserve(size_t(model.tensors.size()));
    for (BridgeTensor &source : model.tensors) {
        TensorInfo tensor;
        tensor.name = source.name;
        tensor.kind = source.isParameter ? TensorKind::Parameter : TensorKind::Buffer;
        tensor.dtype = source.dtype;
        tensor.shape = source.shape;
        tensor.strides = TensorInfo::contiguousStrides(source.shape);
        tensor.storage = std::make_shared<OwnedTensorStorage>(std::move(source.owner), source.data, source.byteSize);
        tensor.hasRequiresGrad = source.isParameter;
        tensor.requiresGrad = source.isParameter && source.requiresGrad;
        const ViewKey key{source.storageId, source.storageOffset, source.shape, source.storageStrides, int(source.dtype)};
        const auto found = firstWithView.find(key);
        if (found != firstWithView.end() && tensor.numel() > 0)
            tensor.tiedTo = found->second;
        else
            firstWithView.emplace(key, int(out->tensors.size()));
        out->tensors.push_back(std::move(tensor));
    }
    return true;
}
} // namespace

bool readCheckpoint(const QString &path, const Progress &progress, CheckpointContent *out, QString *error)
{
    std::shared_ptr<MappedFile> file = MappedFile::open(path, error);
    if (!file)
        return false;
    if (file->size() == 0) {
        *error = tr("%1: empty file").arg(path);
        return false;
    }
    progress.set(0, 0);
    if (ZipArchiveReader::looksLikeZip(file->data(), file->size())) {
        ZipArchiveReader zip;
        QString reason;
        if (!zip.open(file, &reason)) {
            *error = QStringLiteral("%1: %2").arg(path, reason);
            return false;
        }
        if (zip.findRecord(QStringLiteral("constants.pkl"))) {
            TorchBridge *bridge = torchBridge(error);
            if (!bridge)
                return false;
            if (progress.isCanceled()) {
                *error = tr("canceled");
                return false;
            }
            BridgeModel model;
            if (!bridge->loadTorchScript(path, &model, &reason)) {
                *error = tr("%1: cannot read TorchScript archive: %2").arg(path, reason);
                return false;
            }
            return contentFromBridge(model, CheckpointFormat::TorchScript, path, out);
        }
        if (zip.findRecord(QStringLiteral("data.pkl"))) {
            *error = tr("%1: weights-only torch.save archives are not supported yet").arg(path);
            return false;
        }
        *error = tr("%1: a zip archive, but not a PyTorch checkpoint (no data.pkl)").arg(path);
        return false;
    }
    *error = tr("%1: not a PyTorch checkpoint (unrecognised content)").arg(path);
    return false;
}

bool readExampleModel(CheckpointContent *out, QString *error)
{
    TorchBridge *bridge = torchBridge(error);
    if (!bridge)
        return false;
    BridgeModel model;
    if (!bridge->buildExampleModel(&model, error))
        return false;
    return contentFromBridge(model, CheckpointFormat::TorchScript, QString(), out);
}

} // namespace torchscope
