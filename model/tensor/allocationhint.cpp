#include "tensor/allocationhint.h"

#include <atomic>

namespace torchscope {

namespace {
std::atomic<AllocationHint> s_hint{nullptr};
} // namespace

void setAllocationHint(AllocationHint hint)
{
    s_hint = hint;
}

void hintAllocations(size_t bytes)
{
    if (const AllocationHint hint = s_hint.load())
        hint(bytes);
}

} // namespace torchscope
