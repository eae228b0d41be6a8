#pragma once

#include <cstddef>

namespace torchscope {

// The executables' heap policy (the GUI, the CLI, the benchmarks that time them): process-wide, so it
// lives here rather than in the domain, which only hints (tensor/allocationhint.h).

// Asks for the process's heap to be backed by 2 MiB pages where the kernel allows it (Linux's
// transparent huge pages in "madvise" mode, the default). Reading a model of tens of thousands of
// modules makes a hundred megabytes of small objects, and on virtual machines the first touch of a
// 4 KiB page costs microseconds: most of the time went to page faults. Call it first in main, before
// any thread starts; `reserveBytes` of address space is set aside for the heap (no memory is used
// until it is touched). Returns whether the advice was taken.
bool preferHugePagesForTheHeap(size_t reserveBytes = size_t(512) << 20);

// Says that about `bytes` of small objects are about to be made (a big pickle's values): a thread
// faults in that much of the heap's free top in the background, so the pages are zeroed on the other
// core while this one parses, rather than one fault at a time in its way. Only after
// preferHugePagesForTheHeap succeeded, which installs it as the readers' allocation hint; otherwise, and
// for small amounts, it does nothing.
void prepareHeapFor(size_t bytes);

} // namespace torchscope
