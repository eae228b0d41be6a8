#pragma once

#include <QString>

namespace torchscope {

// Orders names as people and ModuleList count: runs of digits compare as numbers, so "layers.2"
// comes before "layers.10"; everything else compares character by character. Names equal as numbers
// ("x.01", "x.1") fall back to plain order, so the order is total.
bool naturalLess(const QString &a, const QString &b);

} // namespace torchscope
