#pragma once

// The histogram kernel's scheduler: one pass over every element of some tensors, on the parallel pass
// (jobs/parallelpass.h), each piece's values copied out with pread where the storage prefers it.
// Internal to model/stats.

#include "jobs/parallelpass.h"
#include "tensor/tensorinfo.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

namespace torchscope::kernel {

constexpr qint64 kChunk = qint64(1) << 20; // elements a piece, between cancel checks

// How a pass treats the page cache: as it is (the default), or for a long read, reading ahead and,
// on the last pass, giving each tensor's pages back once all its pieces are done.
enum class PageUse { Keep, ReadAhead, ReadAheadAndRelease };

// Runs work(tensor, begin, end, worker, piece) over all elements of all tensors on `workers` threads.
// Large tensors are cut into chunks and small ones kept whole. Returns false when canceled.
template <typename Work>
bool runTensorPass(const std::vector<const TensorInfo *> &tensors, int workers, const Progress &progress,
                   Work work, PageUse pages = PageUse::Keep)
{
    struct Piece
    {
        const TensorInfo *tensor;
        qint64 begin, end;
        size_t tensorIndex;
    };
    std::vector<Piece> pieces;
    std::unique_ptr<std::atomic<qint64>[]> piecesLeft(new std::atomic<qint64>[tensors.size()]);
    qint64 total = 0;
    for (size_t t = 0; t < tensors.size(); ++t) {
        const TensorInfo *tensor = tensors[t];
        const qint64 n = tensor->storage ? tensor->numel() : 0;
        piecesLeft[t] = (n + kChunk - 1) / kChunk;
        for (qint64 begin = 0; begin < n; begin += kChunk)
            pieces.push_back({tensor, begin, std::min(n, begin + kChunk), t});
        total += n;
        if (pages != PageUse::Keep && n > 0)
            adviseLongRead(*tensor);
    }
    // Pieces of a file are copied out with pread a megabyte at a time (the buffer stays in the cache)
    // rather than read through the mapping, whose first touches cost a page fault every few pages: the
    // pooled histogram of a 1.4 GB model went from 0.60 s to 0.33 s. A piece may then be visited in
    // several calls, each a view of the buffer.
    constexpr qint64 kReadBytes = qint64(1) << 20;
    std::vector<std::vector<double>> readBuffers(size_t(std::max(workers, 1)));
    const auto visitPiece = [&](const Piece &piece, int worker, size_t index) {
        const TensorInfo &tensor = *piece.tensor;
        if (!tensor.storage->prefersRead() || !tensor.isContiguous() || tensor.quantization) {
            work(tensor, piece.begin, piece.end, worker, index);
            return;
        }
        std::vector<double> &buffer = readBuffers[size_t(worker)];
        buffer.resize(size_t(kReadBytes) / sizeof(double));
        const qint64 elementSize = dtypeElementSize(tensor.dtype);
        const qint64 perRead = std::max<qint64>(1, kReadBytes / elementSize);
        TensorInfo view = tensor;
        view.storage = std::make_shared<OwnedTensorStorage>(
            nullptr, reinterpret_cast<const char *>(buffer.data()), kReadBytes);
        view.storageOffset = 0;
        view.strides = {1};
        for (qint64 begin = piece.begin; begin < piece.end; begin += perRead) {
            const qint64 n = std::min(perRead, piece.end - begin);
            if (!tensor.storage->read((tensor.storageOffset + begin) * elementSize,
                                      reinterpret_cast<char *>(buffer.data()), n * elementSize)) {
                work(tensor, begin, piece.end, worker, index); // the mapping, then, for the rest
                return;
            }
            view.shape = {n};
            work(view, 0, n, worker, index);
        }
    };
    PassProgress passProgress(progress, total);
    return runPieces(pieces.size(), total < 4 * kChunk ? 1 : workers, progress, [&](size_t i, int worker) {
        const Piece &piece = pieces[i];
        visitPiece(piece, worker, i);
        if (pages == PageUse::ReadAheadAndRelease && --piecesLeft[piece.tensorIndex] == 0)
            releasePagesOf(*piece.tensor);
        passProgress.add(piece.end - piece.begin);
    });
}

} // namespace torchscope::kernel
