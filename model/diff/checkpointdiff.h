#pragma once

#include "diff/namematching.h"
#include "jobs/progress.h"
#include "stats/histogramkernel.h"
#include "tensor/checkpointcontent.h"
#include "tensor/tensorinfo.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>

#include <vector>

namespace torchscope {

// One checkpoint of a comparison: its tensors (copies that share the mapped storages) and what it
// says of requires_grad. Built from content as read, or from an open document with its edited flags.
struct DiffSide
{
    QString label; // the file name, for headers and reports
    std::vector<TensorInfo> tensors;
    QVector<ModuleEntry> modules; // entire-model files: module types by path
    static DiffSide fromContent(const CheckpointContent &content);
};

struct DiffOptions
{
    NameMapping a, b;
    // Elements count as equal when |a - b| <= atol + rtol * |b|, as torch.allclose decides (NaN
    // equals NaN here, and equal infinities are equal).
    double atol = 0;
    double rtol = 0;
    // For comparisons larger than memory: read ahead, and give each tensor's pages back once done.
    bool longRead = false;
};

// JSON names: identical, changed, only_in_a, only_in_b, shape_differs, dtype_differs.
enum class DiffStatus { Identical, Changed, OnlyInA, OnlyInB, ShapeDiffers, DtypeDiffers };
constexpr int kDiffStatusCount = 6;
QString diffStatusName(DiffStatus status);

// One matched name and what comparing its two tensors found.
struct TensorDiff
{
    QString name; // after the mapping; the name both sides are matched by
    int indexA = -1;
    int indexB = -1;
    DiffStatus status = DiffStatus::Identical;
    // Element statistics exist for pairs of the same shape whose values can be compared (a dtype
    // difference compares after converting both to float64); NaN where not defined.
    bool hasStatistics = false;
    bool bitIdentical = false;    // same dtype and the very same bytes
    bool withinTolerance = false; // every element equal within the tolerances
    qint64 elements = 0;
    qint64 changedElements = 0; // beyond the tolerances, non-finite mismatches included
    double maxAbs = 0;          // over elements finite on both sides
    double meanAbs = 0;
    double relL2 = 0;  // ||a - b|| / ||a||; +inf when a is all zeros and b is not
    double cosine = 0; // a.b / (||a|| ||b||); NaN when either is all zeros and they differ
    // Set where both files store requires_grad for this tensor.
    bool requiresGradCompared = false;
    bool requiresGradA = false;
    bool requiresGradB = false;

    double changedFraction() const { return elements > 0 ? double(changedElements) / double(elements) : 0; }
    bool requiresGradDiffers() const { return requiresGradCompared && requiresGradA != requiresGradB; }
    // Counts as "the same" for the exit code: equal values (within the tolerances) under the same
    // name and shape, whatever the dtype, with the same requires_grad where both store it.
    bool isEqual() const;
};

struct DiffTotals
{
    int tensors = 0;
    int identical = 0, changed = 0, onlyInA = 0, onlyInB = 0, shapeDiffers = 0, dtypeDiffers = 0;
    int requiresGradDiffers = 0;
    qint64 elementsCompared = 0;
    qint64 elementsChanged = 0;
    double largestRelL2 = 0;
    bool equal = true; // every tensor isEqual()
};

struct Comparison
{
    DiffOptions options;
    QVector<TensorDiff> tensors; // A's state_dict order, then names only in B in B's order
    QStringList warnings;        // names that collide after the mapping
    PrefixSuggestion suggestion; // when names left unmatched would match with a prefix stripped
    DiffTotals totals() const;
};

// Compares two checkpoints tensor by tensor, element by element, straight from their storages.
class CheckpointDiff
{
public:
    // Matches names as load_state_dict does (exactly, after each side's mapping) and sets the
    // statuses that need no values: only in A or B, shape differs. Nothing is read.
    static Comparison match(const DiffSide &a, const DiffSide &b, const DiffOptions &options);
    // Reads every matched pair of equal shape, in parallel, and fills in its statistics and status.
    // Returns false when canceled (the comparison is then incomplete).
    static bool compare(const DiffSide &a, const DiffSide &b, Comparison *comparison,
                        const Progress &progress = Progress());
    // A histogram of a - b over elements finite on both sides (same shapes; any dtypes). No counts when
    // the shapes differ or it was canceled.
    static HistogramResult differenceHistogram(const TensorInfo &a, const TensorInfo &b, int bins,
                                               const Progress &progress = Progress());
    // One row a tensor: name, status, dtypes, shapes, the statistics, requires_grad of each side.
    static QByteArray toCsv(const Comparison &comparison, const DiffSide &a, const DiffSide &b);
    // Whether reading both sides whole would crowd out the page cache (more than half the memory).
    static bool needsLongRead(const DiffSide &a, const DiffSide &b);
};

} // namespace torchscope
