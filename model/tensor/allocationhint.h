#pragma once

#include <cstddef>

namespace torchscope {

// Readers say when they are about to make many small objects (a big pickle's values); what, if
// anything, is done about it is the executable's heap policy (app/heapmemory), installed at start-up.
// Nothing happens by default, so the domain sets no process-wide policy of its own.
using AllocationHint = void (*)(size_t bytes);
void setAllocationHint(AllocationHint hint);
void hintAllocations(size_t bytes);

} // namespace torchscope
