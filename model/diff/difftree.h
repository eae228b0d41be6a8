#pragma once

#include "diff/checkpointdiff.h"

#include <QString>
#include <QVector>

#include <memory>
#include <vector>

namespace torchscope {

// A module of the compared names' tree with what changed below it.
struct DiffModule
{
    QString name; // the last part of the path ("" for the root)
    QString path; // dotted path from the root
    QString typeName;
    DiffModule *parent = nullptr;
    std::vector<std::unique_ptr<DiffModule>> children;
    QVector<int> tensors; // indices into Comparison::tensors owned directly

    // Roll-ups over the subtree.
    int tensorCount = 0;
    int differentTensors = 0; // tensors whose status is not identical (or whose requires_grad differs)
    int statusCounts[kDiffStatusCount] = {}; // by DiffStatus
    qint64 elements = 0;
    qint64 changedElements = 0;
    double largestRelL2 = 0;

    int row() const;
    // The subtree's status: one status when all its tensors share it, otherwise Changed.
    DiffStatus status() const;
    int count(DiffStatus status) const { return statusCounts[int(status)]; }
};

// The module tree of a comparison, built from the matched (mapped) names, with A's module types.
class DiffTree
{
public:
    DiffTree(const Comparison &comparison, const DiffSide &a);

    const DiffModule *root() const { return m_root.get(); }
    const DiffModule *find(const QString &path) const;

private:
    DiffModule *ensure(const QString &path);
    std::unique_ptr<DiffModule> m_root;
    QHash<QString, DiffModule *> m_byPath;
};

// A finished comparison and everything its views need, shared by the views and background work.
struct ComparisonResult
{
    std::shared_ptr<const DiffSide> a;
    std::shared_ptr<const DiffSide> b;
    Comparison comparison;
    std::shared_ptr<const DiffTree> tree;

    // Matches, compares and builds the tree; false when canceled.
    static bool compute(std::shared_ptr<const DiffSide> a, std::shared_ptr<const DiffSide> b,
                        const DiffOptions &options, const Progress &progress, ComparisonResult *result);
};

} // namespace torchscope
