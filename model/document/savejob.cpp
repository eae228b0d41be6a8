#include "document/savejob.h"

#include "document/checkpointdocument.h"
#include "document/freezeplan.h"
#include "formats/safetensorswriter.h"
#include "torchbridge/torchbridge.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace torchscope {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("CheckpointWriter", text);
}
} // namespace

std::unique_ptr<SaveJob> SaveJob::prepare(const CheckpointDocument &document, const SaveRequest &request,
                                          QString *error)
{
    const ModuleNode *module = document.findModule(request.modulePath);
    if (!module) {
        *error = tr("no module named \"%1\"").arg(request.modulePath);
        return nullptr;
    }
    std::unique_ptr<SaveJob> job(new SaveJob); // NOLINT(modernize-make-unique): the constructor is private
    job->m_request = request;
    if (request.mode == SaveMode::WeightsOnly) {
        for (int index : document.tensorsInSubtree(module)) {
            const TensorInfo &tensor = document.tensor(index);
            job->m_entries.push_back(
                {document.relativeName(index, module), tensor, tensor.tiedTo >= 0 ? tensor.tiedTo : index});
        }
        if (request.writeFreezePlan && document.storesRequiresGrad())
            job->m_freezePlan = FreezePlan::toJson(document, module);
        return job;
    }
    if (request.path.endsWith(QLatin1String(".safetensors"), Qt::CaseInsensitive)) {
        *error = tr("a .safetensors file holds weights only; save weights only, or choose another name");
        return nullptr;
    }
    if (!document.canSaveEntireModel()) {
        *error = document.storesRequiresGrad()
                     ? tr("saving an entire model needs a TorchScript source; save weights only instead")
                     : tr("a weights-only file has no architecture to save as an entire model");
        return nullptr;
    }
    job->m_scriptSource = document.filePath();
    job->m_scriptBytes = document.sourceBytes();
    for (int index = 0; index < document.tensorCount(); ++index) {
        if (document.isEditable(index))
            job->m_requiresGrad.insert(document.tensor(index).name, document.requiresGrad(index));
    }
    return job;
}

bool SaveJob::run(const Progress &progress, QString *error) const
{
    QSaveFile file(m_request.path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("%1: cannot write: %2").arg(m_request.path, file.errorString());
        return false;
    }
    QString reason;
    bool ok = false;
    if (m_request.mode == SaveMode::WeightsOnly) {
        // The format follows the name: .safetensors, or PyTorch's zip for anything else.
        ok = m_request.path.endsWith(QLatin1String(".safetensors"), Qt::CaseInsensitive)
                 ? SafetensorsWriter::write(m_entries, &file, progress, &reason)
                 : StateDictWriter::write(m_entries, &file, progress, &reason);
    } else {
        TorchBridge *bridge = torchBridge(&reason);
        std::shared_ptr<void> module;
        ok = bridge && bridge->openTorchScript(m_scriptSource, m_scriptBytes, &module, &reason) &&
             bridge->saveTorchScript(module, m_request.modulePath, m_requiresGrad, &file, &reason);
    }
    if (ok && progress.isCanceled()) {
        ok = false;
        reason = tr("canceled");
    }
    if (!ok) {
        file.cancelWriting();
        *error = tr("%1: save failed: %2").arg(m_request.path, reason);
        return false;
    }
    if (!file.commit()) {
        *error = tr("%1: cannot write: %2").arg(m_request.path, file.errorString());
        return false;
    }
    if (!m_freezePlan.isEmpty()) {
        QSaveFile plan(FreezePlan::pathBeside(m_request.path));
        if (!plan.open(QIODevice::WriteOnly) || plan.write(m_freezePlan) != m_freezePlan.size() ||
            !plan.commit()) {
            *error = tr("%1: cannot write: %2").arg(plan.fileName(), plan.errorString());
            return false;
        }
    }
    return true;
}

} // namespace torchscope
