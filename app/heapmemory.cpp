#include "heapmemory.h"

#include "tensor/allocationhint.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace torchscope {

namespace {
std::atomic<bool> s_heapAdvised{false};
} // namespace

#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_HUGEPAGE)
namespace {
// Advises the heap mapping that holds `inHeapBlock`, from its first whole huge page to its end.
bool adviseHeap(char *inHeapBlock)
{
    std::FILE *maps = std::fopen("/proc/self/maps", "r");
    if (!maps)
        return false;
    char line[512];
    std::uintptr_t begin = 0, end = 0;
    while (std::fgets(line, sizeof line, maps)) {
        if (std::strstr(line, "[heap]")) {
            std::sscanf(line, "%lx-%lx", &begin, &end);
            break;
        }
    }
    std::fclose(maps);
    // The heap's pages from the first whole huge page on, addressed from a pointer into the heap.
    constexpr std::uintptr_t kHugePage = std::uintptr_t(2) << 20;
    const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
    const auto inHeap = reinterpret_cast<std::uintptr_t>(inHeapBlock);
    if (end <= first || inHeap < begin || inHeap >= end)
        return false;
    char *const start =
        inHeapBlock + (static_cast<std::intptr_t>(first) - static_cast<std::intptr_t>(inHeap));
    return madvise(start, end - first, MADV_HUGEPAGE) == 0;
}
} // namespace
#endif

bool preferHugePagesForTheHeap(size_t reserveBytes)
{
#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_HUGEPAGE)
    // One heap for every thread (a worker thread's own arena would be mapped without the advice);
    // the heap grows by `reserveBytes` at once, so one mapping covers it and the advice holds for
    // all of it; blocks up to 32 MiB come from the heap rather than a mapping of their own.
    mallopt(M_ARENA_MAX, 1);
    mallopt(M_TOP_PAD, int(reserveBytes));
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    // The heap exists before main (static constructors allocate); growing it now takes the pad.
    // (volatile: the compiler would otherwise drop the pair).
    void *volatile block = std::malloc(size_t(1) << 20);
    const bool advised = block && adviseHeap(static_cast<char *>(block));
    std::free(block);
    s_heapAdvised = advised;
    if (advised) // readers' hints of many small objects now have a heap to fault in ahead
        setAllocationHint(prepareHeapFor);
    return advised;
#else
    (void)reserveBytes;
    return false;
#endif
}

void prepareHeapFor(size_t bytes)
{
#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_POPULATE_WRITE)
    constexpr size_t kHugePage = size_t(2) << 20;
    if (!s_heapAdvised || bytes < 4 * kHugePage)
        return;
    // The heap's free top: from the start of malloc's top chunk to the program break. Populating
    // changes no byte: present pages keep theirs, absent ones come in zeroed as a first write would
    // bring them.
    const struct mallinfo2 info = mallinfo2();
    char *const brk = static_cast<char *>(sbrk(0));
    const auto brkAddress = reinterpret_cast<std::uintptr_t>(brk);
    if (brkAddress == std::uintptr_t(-1) || info.keepcost > brkAddress)
        return;
    char *begin = brk - info.keepcost;
    begin += (kHugePage - reinterpret_cast<std::uintptr_t>(begin) % kHugePage) % kHugePage;
    const size_t length =
        std::min(bytes, size_t(std::max<std::ptrdiff_t>(brk - begin, 0))) / kHugePage * kHugePage;
    if (length == 0)
        return;
    std::thread([begin, length] {
        for (size_t done = 0; done < length; done += kHugePage) {
            if (madvise(begin + done, kHugePage, MADV_POPULATE_WRITE) != 0)
                break; // an old kernel, or the heap shrank: the pages fault in as they are used
        }
    }).detach();
#else
    (void)bytes;
#endif
}

} // namespace torchscope
