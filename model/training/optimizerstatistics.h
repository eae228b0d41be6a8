#pragma once

#include "jobs/progress.h"
#include "tensor/tensorinfo.h"
#include "training/optimizerstate.h"

#include <QString>
#include <QVector>

#include <functional>
#include <limits>
#include <vector>

namespace torchscope {

// What Adam-family state says of one parameter: its step, the norms of its moments, and the size of
// the update Adam would take next relative to the weight.
struct ParameterUpdate
{
    QString parameter;
    int weightTensor = -1; // the parameter's index among the tensors
    double step = -1;
    double expAvgNorm = std::numeric_limits<double>::quiet_NaN();       // ‖m‖
    double sqrtExpAvgSqNorm = std::numeric_limits<double>::quiet_NaN(); // ‖√v‖ = √Σv
    double weightNorm = std::numeric_limits<double>::quiet_NaN();
    // ‖lr · m̂ / (√v̂ + ε)‖, with m̂ = m / (1 − β₁ᵗ) and v̂ = v / (1 − β₂ᵗ): the next step's size, decoupled
    // weight decay left out (the state does not hold it).
    double updateNorm = std::numeric_limits<double>::quiet_NaN();
    double relativeUpdate() const { return updateNorm / weightNorm; }
};

// The update statistics of every parameter an Adam-family optimizer's state was mapped to, in the
// order of `weightIndex`'s tensors (down the model). `weightIndex` gives the tensor index of a parameter
// name (-1: none). One pass over each moment and weight, a block at a time.
QVector<ParameterUpdate> computeParameterUpdates(const OptimizerState &optimizer,
                                                 const std::vector<TensorInfo> &tensors,
                                                 const std::function<int(const QString &)> &weightIndex,
                                                 const Progress &progress);

} // namespace torchscope
