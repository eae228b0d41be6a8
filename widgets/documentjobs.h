#pragma once

#include "document/loadweights.h"
#include "jobs/progress.h"
#include "tensor/checkpointcontent.h"

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

class QWidget;

namespace torchscope {

class CheckpointDocument;
class SaveJob;

// Opens and saves documents, and reads weights to load into one, as background jobs behind a progress
// dialog (progress and cancel), one at a time: the UI thread never reads a file.
class DocumentJobs : public QObject
{
    Q_OBJECT
public:
    using ReadFunction = std::function<bool(const Progress &, CheckpointContent *, QString *)>;

    explicit DocumentJobs(QWidget *dialogParent);

    bool isBusy() const { return m_busy; }
    // Reads content with `read` and builds the document, both off the UI thread.
    void open(const QString &label, ReadFunction read);
    void save(std::unique_ptr<SaveJob> job);
    // Reads a weights file to load into a model with `modelTensors`, and suggests its name mapping.
    void readWeights(const QString &path, std::vector<TensorInfo> modelTensors);

Q_SIGNALS:
    void busyChanged(bool busy);
    void opened(std::shared_ptr<CheckpointDocument> document);
    void openFailed(const QString &reason);
    void openCanceled();
    // ok false with an empty error: canceled.
    void saved(bool ok, const QString &path, const QString &error);
    void weightsRead(std::shared_ptr<WeightsFile> weights);
    void weightsReadFailed(const QString &reason); // not sent when canceled

private:
    void setBusy(bool busy);
    QWidget *m_dialogParent;
    bool m_busy = false;
};

} // namespace torchscope
