#include "formats/safetensorswriter.h"

#include "formats/safetensorsreader.h"

#include <QCoreApplication>
#include <QFileDevice>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace torchscope {

namespace {
// lupdate sees the strings of this file under the context CheckpointWriter.
struct CheckpointWriterText
{
    Q_DECLARE_TR_FUNCTIONS(CheckpointWriter)
};

constexpr qint64 kChunk = qint64(4) << 20; // bytes written at a time, between cancel checks

bool pwriteAll(int descriptor, const char *data, qint64 size, qint64 offset)
{
    while (size > 0) {
        const ssize_t n = ::pwrite(descriptor, data, size_t(size), off_t(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= n;
        offset += n;
    }
    return true;
}
} // namespace

bool SafetensorsWriter::write(const std::vector<StateDictWriter::Entry> &entries, QIODevice *device,
                              const Progress &progress, QString *error,
                              const QVector<QPair<QString, QString>> &metadata)
{
    std::vector<const StateDictWriter::Entry *> order;
    order.reserve(entries.size());
    for (const StateDictWriter::Entry &entry : entries) {
        if (SafetensorsReader::codeOf(entry.dtype()).isEmpty()) {
            *error = CheckpointWriterText::tr("%1: safetensors cannot hold %2 tensors")
                         .arg(entry.key, dtypeName(entry.dtype()));
            return false;
        }
        order.push_back(&entry);
    }
    std::stable_sort(order.begin(), order.end(), [](const auto *x, const auto *y) {
        const int a = dtypeElementSize(x->dtype()), b = dtypeElementSize(y->dtype());
        return a != b ? a > b : x->key < y->key;
    });

    QJsonObject header;
    QJsonObject kept;
    for (const auto &[key, value] : metadata)
        kept.insert(key, value);
    kept.insert(QStringLiteral("format"), QStringLiteral("pt"));
    header.insert(QStringLiteral("__metadata__"), kept);
    qint64 offset = 0;
    for (const StateDictWriter::Entry *entry : order) {
        QJsonArray shape;
        for (qint64 d : entry->tensor.shape)
            shape.append(d);
        const qint64 size = entry->byteSize();
        header.insert(entry->key,
                      QJsonObject{{QStringLiteral("dtype"), SafetensorsReader::codeOf(entry->dtype())},
                                  {QStringLiteral("shape"), shape},
                                  {QStringLiteral("data_offsets"), QJsonArray{offset, offset + size}}});
        offset += size;
    }
    QByteArray text = QJsonDocument(header).toJson(QJsonDocument::Compact);
    text.append((8 - text.size() % 8) % 8, ' ');
    QByteArray length(8, '\0');
    const quint64 n = quint64(text.size());
    for (int i = 0; i < 8; ++i)
        length[i] = char((n >> (8 * i)) & 0xff);
    auto put = [device, error](const char *data, qint64 size) {
        if (device->write(data, size) == size)
            return true;
        *error = device->errorString();
        return false;
    };
    if (!put(length.constData(), 8) || !put(text.constData(), text.size()))
        return false;

    // Into a file, every tensor's place is known from the header: a few threads gather and write tensors
    // at once (pwrite), so reading, gathering and the kernel's copy into the page cache use every core.
    auto *file = qobject_cast<QFileDevice *>(device);
    const int threads = std::min(4, QThread::idealThreadCount());
    if (file && file->handle() >= 0 && threads > 1 && order.size() > 1 && file->flush()) {
        const qint64 base = file->pos();
        std::vector<qint64> starts;
        qint64 at = 0;
        for (const StateDictWriter::Entry *entry : order) {
            starts.push_back(at);
            at += entry->byteSize();
        }
        std::atomic<size_t> next{0};
        std::atomic<bool> failed{false};
        QMutex mutex; // the error and progress reports
        qint64 written = 0;
        const auto work = [&] {
            for (size_t i = next++; i < order.size() && !failed; i = next++) {
                const StateDictWriter::Entry *entry = order[i];
                QString reason;
                if (!entry->tensor.validateView(&reason)) {
                    QMutexLocker lock(&mutex);
                    if (!failed.exchange(true))
                        *error = reason;
                    return;
                }
                qint64 done = 0;
                const bool ok = entry->forEachChunk([&](const char *data, qint64 length) {
                    if (failed || progress.isCanceled())
                        return false;
                    if (!pwriteAll(file->handle(), data, length, base + starts[i] + done)) {
                        reason = QString::fromLocal8Bit(std::strerror(errno));
                        return false;
                    }
                    // Start writing it to disk now, so the save's closing fsync finds little left to do.
                    ::sync_file_range(file->handle(), base + starts[i] + done, length, SYNC_FILE_RANGE_WRITE);
                    done += length;
                    return true;
                });
                QMutexLocker lock(&mutex);
                if (!ok || done != entry->byteSize()) {
                    if (!failed.exchange(true))
                        *error = progress.isCanceled() ? CheckpointWriterText::tr("canceled")
                                 : reason.isEmpty()
                                     ? CheckpointWriterText::tr("cannot read the tensors' bytes")
                                     : reason;
                    return;
                }
                written += done;
                progress.set(written, offset);
            }
        };
        std::vector<std::thread> workers;
        for (int t = 1; t < threads; ++t)
            workers.emplace_back(work);
        work();
        for (std::thread &worker : workers)
            worker.join();
        if (failed)
            return false;
        return file->seek(base + offset);
    }

    // Contiguous views are written straight from their storage; any other view is gathered first.
    qint64 written = 0;
    for (const StateDictWriter::Entry *entry : order) {
        const TensorInfo &tensor = entry->tensor;
        const qint64 size = entry->byteSize();
        if (size == 0)
            continue;
        QString reason;
        if (!tensor.validateView(&reason)) {
            *error = reason;
            return false;
        }
        const bool ok = entry->forEachChunk([&](const char *data, qint64 length) {
            for (qint64 done = 0; done < length; done += kChunk) {
                if (progress.isCanceled()) {
                    *error = CheckpointWriterText::tr("canceled");
                    return false;
                }
                if (!put(data + done, std::min(kChunk, length - done)))
                    return false;
            }
            return true;
        });
        if (!ok)
            return false;
        written += size;
        progress.set(written, offset);
    }
    return true;
}

} // namespace torchscope
