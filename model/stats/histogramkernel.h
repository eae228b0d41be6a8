#pragma once

#include "jobs/progress.h"
#include "stats/tensorstats.h"

#include <QVector>

#include <vector>

namespace torchscope {

struct TensorInfo;

struct HistogramRequest
{
    int bins = 0;          // 0: a default from the number of values
    bool hasRange = false; // otherwise [min, max] of the finite values
    double low = 0;
    double high = 0;
    // A read too large to keep in the page cache: read ahead, and give pages back once counted.
    bool longRead = false;
};

struct HistogramResult
{
    QVector<double> edges;  // bins + 1 edges, as numpy.linspace(low, high, bins + 1)
    QVector<qint64> counts; // bin i holds edges[i] <= v < edges[i + 1]; the last bin includes its upper edge
    TensorStats stats;      // over all values; NaN and Inf counted, then left out of everything else
};

// Statistics and histograms of one or more tensors (pooled), for every dtype and any strides.
// Counts equal numpy.histogram(values, bins=edges). Work is split across all cores; each value is
// read once for the statistics and once more for the histogram, except contiguous float16 and
// bfloat16, whose bit patterns are counted in one pass that gives both. Canceled through `progress`
// (see jobs/progress.h), a result is partial and the caller drops it.
class HistogramKernel
{
public:
    static HistogramResult compute(const std::vector<const TensorInfo *> &tensors,
                                   const HistogramRequest &request, const Progress &progress = Progress());
    // `known`: statistics of these same tensors from an earlier pass, which then is not repeated.
    static HistogramResult compute(const std::vector<const TensorInfo *> &tensors,
                                   const HistogramRequest &request, const TensorStats &known,
                                   const Progress &progress = Progress());
    static TensorStats statistics(const std::vector<const TensorInfo *> &tensors,
                                  const Progress &progress = Progress(), bool longRead = false);
    // The statistics of each tensor on its own, computed in one parallel pass over all of them.
    static std::vector<TensorStats> statisticsEach(const std::vector<const TensorInfo *> &tensors,
                                                   const Progress &progress = Progress(),
                                                   bool longRead = false);
    // Counts only, over a range that must be finite with low < high.
    static QVector<qint64> counts(const std::vector<const TensorInfo *> &tensors,
                                  const QVector<double> &edges, const Progress &progress = Progress(),
                                  bool longRead = false);
    // numpy.linspace(low, high, bins + 1): low + i * step, the last edge exactly high.
    static QVector<double> linspaceEdges(double low, double high, int bins);
    static int defaultBins(qint64 values);
};

} // namespace torchscope
