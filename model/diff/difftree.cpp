#include "diff/difftree.h"

#include "tensor/naturalorder.h"

#include <algorithm>
#include <cmath>

namespace torchscope {

int DiffModule::row() const
{
    if (!parent)
        return 0;
    for (size_t i = 0; i < parent->children.size(); ++i)
        if (parent->children[i].get() == this)
            return int(i);
    return 0;
}

DiffStatus DiffModule::status() const
{
    for (int s = 0; s < kDiffStatusCount; ++s)
        if (statusCounts[s] == tensorCount && tensorCount > 0)
            return DiffStatus(s);
    return tensorCount == 0 ? DiffStatus::Identical : DiffStatus::Changed;
}

DiffTree::DiffTree(const Comparison &comparison, const DiffSide &a) : m_root(std::make_unique<DiffModule>())
{
    m_byPath.insert(QString(), m_root.get());
    for (const ModuleEntry &module : a.modules)
        ensure(module.path)->typeName = module.typeName;
    for (int i = 0; i < comparison.tensors.size(); ++i) {
        const TensorDiff &diff = comparison.tensors[i];
        const int dot = int(diff.name.lastIndexOf(QLatin1Char('.')));
        DiffModule *owner = ensure(dot < 0 ? QString() : diff.name.left(dot));
        owner->tensors.append(i);
        for (DiffModule *m = owner; m; m = m->parent) {
            ++m->tensorCount;
            ++m->statusCounts[int(diff.status)];
            m->differentTensors += !(diff.status == DiffStatus::Identical && !diff.requiresGradDiffers());
            if (diff.hasStatistics) {
                m->elements += diff.elements;
                m->changedElements += diff.changedElements;
                if (!std::isnan(diff.relL2))
                    m->largestRelL2 = std::max(m->largestRelL2, diff.relL2);
            }
        }
    }
    // Children as the module list gives them; names from tensors alone in natural order ("2" before "10").
    if (a.modules.isEmpty()) {
        std::vector<DiffModule *> stack{m_root.get()};
        while (!stack.empty()) {
            DiffModule *m = stack.back();
            stack.pop_back();
            std::stable_sort(m->children.begin(), m->children.end(),
                             [](const auto &x, const auto &y) { return naturalLess(x->name, y->name); });
            for (const auto &child : m->children)
                stack.push_back(child.get());
        }
    }
}

DiffModule *DiffTree::ensure(const QString &path)
{
    if (DiffModule *found = m_byPath.value(path))
        return found;
    const int dot = int(path.lastIndexOf(QLatin1Char('.')));
    DiffModule *parent = ensure(dot < 0 ? QString() : path.left(dot));
    auto module = std::make_unique<DiffModule>();
    module->name = dot < 0 ? path : path.mid(dot + 1);
    module->path = path;
    module->parent = parent;
    DiffModule *raw = module.get();
    parent->children.push_back(std::move(module));
    m_byPath.insert(path, raw);
    return raw;
}

const DiffModule *DiffTree::find(const QString &path) const
{
    return m_byPath.value(path);
}

bool ComparisonResult::compute(std::shared_ptr<const DiffSide> a, std::shared_ptr<const DiffSide> b,
                               const DiffOptions &options, const Progress &progress, ComparisonResult *result)
{
    DiffOptions effective = options;
    effective.longRead = options.longRead || CheckpointDiff::needsLongRead(*a, *b);
    result->comparison = CheckpointDiff::match(*a, *b, effective);
    if (!CheckpointDiff::compare(*a, *b, &result->comparison, progress))
        return false;
    result->tree = std::make_shared<DiffTree>(result->comparison, *a);
    result->a = std::move(a);
    result->b = std::move(b);
    return true;
}

} // namespace torchscope
