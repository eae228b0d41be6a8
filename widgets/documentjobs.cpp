#include "documentjobs.h"

#include "document/checkpointdocument.h"
#include "document/savejob.h"
#include "jobprogressdialog.h"
#include "jobs/job.h"

#include <QThread>
#include <QWidget>

namespace torchscope {

DocumentJobs::DocumentJobs(QWidget *dialogParent) : QObject(dialogParent), m_dialogParent(dialogParent) {}

void DocumentJobs::setBusy(bool busy)
{
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

void DocumentJobs::open(const QString &label, ReadFunction read)
{
    if (m_busy)
        return;
    QThread *uiThread = thread();
    using Result = std::shared_ptr<CheckpointDocument>;
    auto *job = ResultJob<Result>::start(
        this, [read = std::move(read), uiThread](const Progress &progress, Result *document, QString *error) {
            CheckpointContent content;
            if (!read(progress, &content, error))
                return false;
            // Indexing 100,000 tensors takes a while too: build the document here, then hand it over.
            *document = std::make_shared<CheckpointDocument>(std::move(content));
            (*document)->moveToThread(uiThread);
            return true;
        });
    new JobProgressDialog(job, label, m_dialogParent);
    setBusy(true);
    connect(job, &Job::finished, this, [this, job] {
        setBusy(false);
        if (job->wasCanceled())
            Q_EMIT openCanceled();
        else if (!job->succeeded())
            Q_EMIT openFailed(job->error());
        else
            Q_EMIT opened(std::move(job->result()));
    });
}

void DocumentJobs::readWeights(const QString &path, std::vector<TensorInfo> modelTensors)
{
    if (m_busy)
        return;
    using Result = std::shared_ptr<WeightsFile>;
    auto *job = ResultJob<Result>::start(
        this,
        [path, model = std::move(modelTensors)](const Progress &progress, Result *weights, QString *error) {
            *weights = std::make_shared<WeightsFile>();
            return readWeightsFile(path, model, progress, weights->get(), error);
        });
    new JobProgressDialog(job, tr("Reading %1…").arg(path.section(QLatin1Char('/'), -1)), m_dialogParent);
    setBusy(true);
    connect(job, &Job::finished, this, [this, job] {
        setBusy(false);
        if (job->succeeded())
            Q_EMIT weightsRead(std::move(job->result()));
        else if (!job->wasCanceled())
            Q_EMIT weightsReadFailed(job->error());
    });
}

void DocumentJobs::save(std::unique_ptr<SaveJob> saveJob)
{
    if (m_busy)
        return;
    const QString path = saveJob->request().path;
    std::shared_ptr<const SaveJob> work(std::move(saveJob));
    auto *job = ResultJob<bool>::start(this, [work](const Progress &progress, bool *, QString *error) {
        return work->run(progress, error);
    });
    new JobProgressDialog(job, tr("Saving %1…").arg(path.section(QLatin1Char('/'), -1)), m_dialogParent);
    setBusy(true);
    connect(job, &Job::finished, this, [this, job, path] {
        setBusy(false);
        Q_EMIT saved(job->succeeded(), path, job->error());
    });
}

} // namespace torchscope
