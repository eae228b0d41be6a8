#pragma once

#include "tensor/checkpointcontent.h"

#include <QJsonObject>
#include <QPair>
#include <QStringList>
#include <QVector>

#include <vector>

namespace torchscope {

class CheckpointDocument;

struct LoadWeightsOptions
{
    QString stripPrefix; // removed from the weights' names that start with it ("module.")
    QString addPrefix;   // then put in front of every weights name ("model.")
    bool strict = false;
};

// How a weights-only file lines up with a model, as load_state_dict matches them: by name, after the
// prefixes. Names are the model's. Shape and dtype mismatches are reported and never applied.
struct WeightsMatch
{
    QStringList applied;
    QStringList missing;    // in the model, not in the weights
    QStringList unexpected; // in the weights (after the prefixes), not in the model
    QStringList shapeMismatch;
    QStringList dtypeMismatch;
    // Model tensor index -> the weights' tensor to take its place (applied names only).
    QVector<QPair<int, TensorInfo>> replacements;

    bool isClean() const;
    // {"applied", "missing", "unexpected", "shape_mismatch", "dtype_mismatch"}: lists of names.
    QJsonObject toJson() const;
    // A few lines for people: counts, then the names of every kind of mismatch.
    QString describe() const;

    static WeightsMatch match(const CheckpointDocument &model, const CheckpointContent &weights,
                              const LoadWeightsOptions &options);
};

// Applies a match to the model as one undoable edit ("Load weights from <file>"); the model's
// requires_grad flags stay as they were. Refuses, changing nothing, when `strict` and the match is not
// clean, or when nothing would change.
bool loadWeights(CheckpointDocument *model, const WeightsMatch &match, bool strict, const QString &source,
                 QString *error);

} // namespace torchscope
