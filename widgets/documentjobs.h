#pragma once

#include "tensor/checkpointcontent.h"
#include "jobs/progress.h"

#include <QObject>

#include <functional>
#include <memory>

class QWidget;

namespace torchscope {

class CheckpointDocument;
class SaveJob;

// Opens and saves documents as background jobs behind a progress dialog, one at a time.
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

Q_SIGNALS:
    void busyChanged(bool busy);
    void opened(std::shared_ptr<CheckpointDocument> document);
    void openFailed(const QString &reason);
    void openCanceled();
    // ok false with an empty error: canceled.
    void saved(bool ok, const QString &path, const QString &error);

private:
    void setBusy(bool busy);
    QWidget *m_dialogParent;
    bool m_busy = false;
};

} // namespace torchscope
