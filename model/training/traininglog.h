#pragma once

#include "tensor/checkpointcontent.h"

#include <QMap>
#include <QString>
#include <QVector>

namespace torchscope {

// One logged quantity against the training step.
struct LogSeries
{
    QVector<double> steps;
    QVector<double> values;
};

// What a Hugging Face Trainer logged (trainer_state.json's log_history): "loss", "learning_rate",
// "grad_norm", "eval_loss" and any other number it logged, each against "step". Empty where the
// checkpoint holds no log.
QMap<QString, LogSeries> trainingLogOf(const QVector<CheckpointValue> &values);

} // namespace torchscope
