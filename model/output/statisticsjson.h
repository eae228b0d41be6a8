#pragma once

// The statistics of a tensor as JSON, the one place their keys are spelled (info --stats, stats, hist,
// the Model Report's export): min, max, mean, std and l2_norm (null without finite values),
// zero_fraction (null without data or elements), nan_count, inf_count.

#include <QJsonObject>

namespace torchscope {

struct TensorStats;

// `hasData` false: the tensor's values are not in the file (a meta tensor), so every number is null.
QJsonObject statisticsJson(const TensorStats &stats, bool hasData = true);

} // namespace torchscope
