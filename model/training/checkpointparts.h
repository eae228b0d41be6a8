#pragma once

#include "tensor/checkpointcontent.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace torchscope {

// What a checkpoint file is for: the weights alone, a whole model, or training saved to resume.
enum class CheckpointKind { Weights, EntireModel, Training };

// The names `info --json` uses: "weights", "entire_model", "training".
QString checkpointKindName(CheckpointKind kind);

// The parts of a checkpoint, recognised by what they hold, not by the file's name: the model's
// weights, an EMA copy, optimizers, schedulers and counters. Paths are tree paths, dotted as tensor
// names are; "" is the whole file.
struct CheckpointParts
{
    CheckpointKind kind = CheckpointKind::Weights;
    QString framework;               // "lightning", "hf_trainer"; empty: plain torch.save
    QString frameworkVersion;        // "2.6.6", where the file says it
    QString modelPath;               // "" when the whole file is the model
    QString emaPath;                 // null: no EMA copy
    bool emaIsAveragedModel = false; // torch.optim.swa_utils.AveragedModel: "module." names, n_averaged
    QStringList optimizers;
    QStringList schedulers;
    // Other training state beside the model: a Trainer folder's random-number states (rng_state), its
    // gradient scaler's (scaler).
    QStringList otherState;
    // epoch, global_step, ... as the file holds them.
    QVector<CheckpointValue> counters;

    // Whether a tensor of this name is part of the model: inside the model part and inside no other.
    bool isModelTensor(const QString &name) const;
    // The part a tensor or value path belongs to: an optimizer's, the EMA's, a scheduler's path, the
    // model's; empty for everything else.
    QString partOf(const QString &name) const;
    // Whether the model is the whole file.
    bool modelIsWholeFile() const { return modelPath.isEmpty() && otherParts().isEmpty(); }
    QStringList otherParts() const;

private:
    // Whether visit(part) holds for any part other than the model.
    template <typename Visit> bool anyOtherPart(Visit visit) const;
};

// Recognises the parts of read content. Reads names and values only.
CheckpointParts recognizeParts(const CheckpointContent &content);

// In a state_dict (any weights-only format) the buffers torch.nn's modules register are told from the
// weights by their names (BatchNorm's running_mean, running_var and num_batches_tracked, spectral
// norm's u and v, AveragedModel's n_averaged, quantization observers' statistics): marks them kind
// Buffer. Tensors of whole models already have their kind.
void markRecognisedBuffers(CheckpointContent *content);

// Whether `path` is `part` or lies under it.
bool isUnderPath(const QString &path, const QString &part);

} // namespace torchscope
