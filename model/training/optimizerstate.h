#pragma once

#include "tensor/checkpointcontent.h"
#include "training/checkpointparts.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <vector>

namespace torchscope {

// One of the model's parameters as an optimizer built from it sees it: its name relative to the model
// part, its shape, and whether it is trainable (a pickled model's flag; true for weights-only files).
struct ModelParameter
{
    QString name;
    QVector<qint64> shape;
    bool trainable = true;
};

// The state an optimizer keeps for one parameter: Adam's exp_avg and exp_avg_sq, SGD's momentum_buffer.
struct OptimizerEntry
{
    qint64 id = -1;            // the integer the state_dict keys it by
    QString parameter;         // the model's parameter it belongs to; empty where it could not be told
    double step = -1;          // the step counter (a 0-d tensor since PyTorch 1.12), -1 where there is none
    QStringList stateNames;    // "exp_avg", "exp_avg_sq", in the file's order
    QVector<int> stateTensors; // their indices among the content's tensors
};

struct OptimizerGroup
{
    QJsonObject settings;       // lr, betas, weight_decay, ... as JSON ("params" and "param_names" left out)
    QVector<qint64> ids;        // the state ids of its parameters, in order
    QStringList parameterNames; // the names its ids map to (empty where unmapped)
};

// How the integer ids were tied to names.
enum class OptimizerMapping {
    ParamNames,    // the file names them (param_groups' param_names, PyTorch >= 2.6)
    ModelOrder,    // built from model.parameters(): ids in the model's parameter order
    TrainerGroups, // a Hugging Face Trainer's decay group, then its no-decay group
    ByShape,       // no order known (a safetensors file keeps none): ids whose shape only one parameter of
                   // their group has are mapped, the others stay by id
    ById,          // nothing told them apart: entries stay by id
};

// One optimizer's state_dict, read: its groups, its state per parameter, and how ids were mapped.
struct OptimizerState
{
    QString path;
    QVector<OptimizerGroup> groups;
    QVector<OptimizerEntry> entries; // in id order
    OptimizerMapping mapping = OptimizerMapping::ById;
    // Why some or all ids stay by id, in one line; empty when every id was mapped.
    QString unmappedReason;

    const OptimizerEntry *entryFor(const QString &parameter) const;
    // "Adam-family" state: exp_avg and exp_avg_sq.
    bool isAdamFamily() const;
};

// The values under `prefix` rebuilt as JSON, numeric path segments as arrays ("betas.0", "betas.1" ->
// "betas": [0.9, 0.999]).
QJsonObject nestValues(const QVector<CheckpointValue> &values, const QString &prefix);

// Reads every optimizer the parts name and maps its ids to `parameters` (the model part's, in the
// model's order; tied parameters once). `isTrainerRule` applies the Trainer's two-group rule.
QVector<OptimizerState> readOptimizers(const CheckpointParts &parts, const QVector<CheckpointValue> &values,
                                       const std::vector<TensorInfo> &tensors,
                                       const QVector<ModelParameter> &parameters);

// Whether a parameter name is one a Hugging Face Trainer leaves out of weight decay (biases and
// normalization layers' weights).
bool isTrainerNoDecayName(const QString &name);

} // namespace torchscope
