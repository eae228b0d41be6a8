#pragma once

#include "formats/statedictwriter.h"
#include "tensor/progress.h"

#include <QHash>
#include <QString>

#include <memory>
#include <vector>

namespace torchscope {

class CheckpointDocument;

enum class SaveMode { WeightsOnly, EntireModel };

struct SaveRequest
{
    QString path;
    SaveMode mode = SaveMode::WeightsOnly;
    // The module to save ("" for the whole model).
    QString modulePath;
    // Weights-only files keep no flags: also write them as a freeze plan beside the checkpoint.
    bool writeFreezePlan = false;
};

// A save captured on the UI thread (tensors and flags as they are now) that can then run on any
// thread while the user keeps editing.
class SaveJob
{
public:
    // Returns nullptr with a reason when the document cannot be saved that way.
    static std::unique_ptr<SaveJob> prepare(const CheckpointDocument &document, const SaveRequest &request,
                                            QString *error);
    // Writes to a temporary file beside the target and renames it over the target only on
    // success, so a failed or canceled save leaves any existing file untouched.
    bool run(const Progress &progress, QString *error) const;

    const SaveRequest &request() const { return m_request; }

private:
    SaveRequest m_request;
    std::vector<StateDictWriter::Entry> m_entries;
    // The TorchScript archive read by our own reader (a file, or bytes held in memory); LibTorch
    // loads it only when it is written back.
    QString m_scriptSource;
    QByteArray m_scriptBytes;
    QHash<QString, bool> m_requiresGrad;
    QByteArray m_freezePlan;
};

} // namespace torchscope
