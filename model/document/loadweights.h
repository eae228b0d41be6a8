#pragma once

#include "diff/namematching.h"
#include "jobs/progress.h"
#include "tensor/checkpointcontent.h"

#include <QJsonObject>
#include <QPair>
#include <QStringList>
#include <QVector>

#include <vector>

namespace torchscope {

class CheckpointDocument;

// How a weights-only file lines up with a model, as load_state_dict matches them (NameMatch): by name,
// after the weights' mapping (strip "module.", add "model."). Names are the model's. Shape and dtype
// mismatches and names two weights map to are reported and never applied.
struct WeightsMatch : NameMatch
{
    // Model tensor index -> the weights' tensor to take its place (applied names only).
    QVector<QPair<int, TensorInfo>> replacements;

    bool isClean() const;
    // {"applied", "missing", "unexpected", "shape_mismatch", "dtype_mismatch"}: lists of names.
    QJsonObject toJson() const;
    // A few lines for people: counts, then the names of every kind of mismatch.
    QString describe() const;

    static WeightsMatch match(const CheckpointDocument &model, const CheckpointContent &weights,
                              const NameMapping &weightsMapping);
    // A mapping of the weights' names that matches more than none does (strip "module.", or add the
    // model's "model."); the identity where none does.
    static NameMapping suggestedMapping(const std::vector<TensorInfo> &model,
                                        const CheckpointContent &weights);
};

// A weights file read to be loaded into a model, with the mapping of its names that matches the model
// best: what the reading job hands the Load Weights dialog.
struct WeightsFile
{
    QString path;
    CheckpointContent content;
    NameMapping suggested;
};

// Reads `path` and suggests its mapping against the model's tensors; for a job off the UI thread.
bool readWeightsFile(const QString &path, const std::vector<TensorInfo> &modelTensors,
                     const Progress &progress, WeightsFile *out, QString *error);

// Applies a match to the model as one undoable edit ("Load weights from <file>"); the model's
// requires_grad flags stay as they were. Refuses, changing nothing, when `strict` and the match is not
// clean, or when nothing would change.
bool loadWeights(CheckpointDocument *model, const WeightsMatch &match, bool strict, const QString &source,
                 QString *error);

} // namespace torchscope
