#include "formats/safetensorswriter.h"

#include "formats/safetensorsreader.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstring>

namespace torchscope {

namespace {
// lupdate sees the strings of this file under the context CheckpointWriter.
struct CheckpointWriterText
{
    Q_DECLARE_TR_FUNCTIONS(CheckpointWriter)
};

constexpr qint64 kChunk = qint64(4) << 20; // bytes written at a time, between cancel checks
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
