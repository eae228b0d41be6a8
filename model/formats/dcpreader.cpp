#include "formats/dcpreader.h"

#include "formats/pickle/picklecheckpoint.h"
#include "formats/pickle/safeunpickler.h"
#include "formats/pickle/weightsonly.h"
#include "formats/torchzipreader.h"
#include "tensor/mappedfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSet>

#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

namespace torchscope {

namespace {
using Type = PickleValue::Type;

// lupdate sees the strings of this file under the context DcpReader.
struct DcpReaderText
{
    Q_DECLARE_TR_FUNCTIONS(DcpReader)
};

constexpr qint64 kMaxMetadataBytes = qint64(1) << 30;
constexpr int kMaxDims = 64;

// The .distcp files of one checkpoint, mapped when a box in them is first read and kept for the others.
class DcpFiles
{
public:
    explicit DcpFiles(QString folder) : m_folder(std::move(folder)) {}

    std::shared_ptr<MappedFile> file(const QString &relativePath, QString *error)
    {
        QMutexLocker lock(&m_mutex);
        if (auto it = m_files.find(relativePath); it != m_files.end())
            return it.value();
        std::shared_ptr<MappedFile> mapped = MappedFile::open(QDir(m_folder).filePath(relativePath), error);
        if (mapped)
            m_files.insert(relativePath, mapped);
        return mapped;
    }

private:
    QString m_folder;
    QMutex m_mutex;
    QHash<QString, std::shared_ptr<MappedFile>> m_files;
};

// A zstd stream inflated: the items DCP's stream.zstd transform wrote. Bounded, since a frame need not
// say its size.
bool inflateZstd(const char *data, qint64 size, QByteArray *out, QString *error)
{
    constexpr qint64 kMaxInflated = qint64(1) << 36;
    std::unique_ptr<ZSTD_DStream, decltype(&ZSTD_freeDStream)> stream(ZSTD_createDStream(),
                                                                      &ZSTD_freeDStream);
    ZSTD_initDStream(stream.get());
    ZSTD_inBuffer input{data, size_t(size), 0};
    out->clear();
    size_t status = 1;
    while (input.pos < input.size || status != 0) {
        const qsizetype used = out->size();
        out->resize(used + qsizetype(ZSTD_DStreamOutSize()));
        ZSTD_outBuffer output{out->data() + used, size_t(out->size() - used), 0};
        status = ZSTD_decompressStream(stream.get(), &output, &input);
        out->resize(used + qsizetype(output.pos));
        if (ZSTD_isError(status)) {
            *error = DcpReaderText::tr("its zstd stream is damaged: %1")
                         .arg(QString::fromUtf8(ZSTD_getErrorName(status)));
            return false;
        }
        if (out->size() > kMaxInflated || (output.pos == 0 && input.pos == input.size && status != 0)) {
            *error = DcpReaderText::tr("its zstd stream ends early");
            return false;
        }
    }
    return true;
}

// The torch.save archive of an item at [offset, offset + length) of a file (inflated first when zstd).
std::shared_ptr<MappedFile> itemArchive(DcpFiles &files, const QString &name, qint64 offset, qint64 length,
                                        bool zstd, QString *error)
{
    std::shared_ptr<MappedFile> file = files.file(name, error);
    if (!file)
        return nullptr;
    if (offset < 0 || length < 0 || offset > file->size() || length > file->size() - offset) {
        *error = DcpReaderText::tr("%1 holds %2 bytes, not the %3 at byte %4 the metadata says")
                     .arg(name)
                     .arg(file->size())
                     .arg(length)
                     .arg(offset);
        return nullptr;
    }
    if (!zstd)
        return MappedFile::slice(file, offset, length);
    QByteArray inflated;
    if (!inflateZstd(file->data() + offset, length, &inflated, error))
        return nullptr;
    return MappedFile::fromBuffer(std::move(inflated));
}

// The tensor a box's item holds: a torch.save archive at [byteOffset, byteOffset + byteLength) of its file.
bool readBox(DcpFiles &files, const TensorChunk &chunk, TensorInfo *tensor, QString *error)
{
    const std::shared_ptr<MappedFile> archive =
        itemArchive(files, chunk.file, chunk.byteOffset, chunk.byteLength, chunk.zstd, error);
    if (!archive)
        return false;
    CheckpointContent content;
    if (!readTorchZipCheckpoint(archive, &content, error))
        return false;
    if (content.tensors.size() != 1) {
        *error = DcpReaderText::tr("the item at byte %1 of %2 holds %3 tensors, not one")
                     .arg(chunk.byteOffset)
                     .arg(chunk.file)
                     .arg(content.tensors.size());
        return false;
    }
    *tensor = content.tensors.front();
    if (tensor->shape != chunk.sizes) {
        *error = DcpReaderText::tr("the item at byte %1 of %2 has shape %3, the metadata says %4")
                     .arg(chunk.byteOffset)
                     .arg(chunk.file, shapeToString(tensor->shape), shapeToString(chunk.sizes));
        return false;
    }
    return true;
}

// A tensor kept in boxes: read in place when it is one box, assembled when first asked for otherwise.
// read() copies from the boxes without assembling, so an export streams.
class DcpTensorStorage final : public TensorStorage
{
public:
    DcpTensorStorage(QString name, DType dtype, QVector<qint64> shape,
                     std::shared_ptr<const QVector<TensorChunk>> chunks, std::shared_ptr<DcpFiles> files)
        : m_name(std::move(name)), m_dtype(dtype), m_shape(std::move(shape)), m_chunks(std::move(chunks)),
          m_files(std::move(files))
    {
        qint64 elements = 1;
        for (const qint64 d : m_shape)
            elements *= d;
        m_size = dtypeStorageBytes(m_dtype, elements);
    }

    const char *data() const override
    {
        std::call_once(m_assembled, [this] { assemble(); });
        return m_single ? m_single->firstElement() : m_whole.constData();
    }
    qint64 size() const override { return m_size; }
    bool prefersRead() const override { return true; }

    bool read(qint64 offset, char *buffer, qint64 length) const override
    {
        if (!loadBoxes())
            return false;
        const int elementSize = dtypeElementSize(m_dtype);
        if (elementSize <= 0 || offset % elementSize || length % elementSize)
            return false;
        // Each box row (a run along the last dimension) lands at one global element, and the rows of a
        // box land in increasing order: find the first that reaches [begin, end) by bisection, copy the
        // parts inside, stop at the first row past it.
        const qint64 begin = offset / elementSize, end = (offset + length) / elementSize;
        const int dims = int(m_shape.size());
        const QVector<qint64> strides = TensorInfo::contiguousStrides(m_shape);
        for (int b = 0; b < m_boxes.size(); ++b) {
            const TensorChunk &chunk = m_chunks->at(b);
            const char *bytes = m_boxBytes[b].constData();
            const qint64 run = dims ? chunk.sizes.last() : 1;
            qint64 rows = 1;
            for (int d = 0; d + 1 < dims; ++d)
                rows *= chunk.sizes[d];
            if (run == 0 || rows == 0)
                continue;
            const auto rowStart = [&](qint64 row) {
                qint64 global = dims ? chunk.offsets.last() * strides.last() : 0;
                for (int d = dims - 2; d >= 0; --d) {
                    global += (chunk.offsets[d] + row % chunk.sizes[d]) * strides[d];
                    row /= chunk.sizes[d];
                }
                return global;
            };
            qint64 low = 0, high = rows; // the first row ending after `begin`
            while (low < high) {
                const qint64 middle = low + (high - low) / 2;
                if (rowStart(middle) + run <= begin)
                    low = middle + 1;
                else
                    high = middle;
            }
            for (qint64 row = low; row < rows; ++row) {
                const qint64 global = rowStart(row);
                if (global >= end)
                    break;
                const qint64 from = std::max(begin, global), to = std::min(end, global + run);
                if (from < to)
                    std::memcpy(buffer + (from - begin) * elementSize,
                                bytes + (row * run + (from - global)) * elementSize,
                                size_t((to - from) * elementSize));
            }
        }
        return true;
    }

private:
    // Every box's bytes, contiguous (a view onto the mapped file where the item is stored contiguously).
    bool loadBoxes() const
    {
        std::call_once(m_loaded, [this] {
            for (const TensorChunk &chunk : *m_chunks) {
                TensorInfo box;
                QString error;
                if (!readBox(*m_files, chunk, &box, &error)) {
                    m_error = DcpReaderText::tr("%1: %2").arg(m_name, error);
                    m_boxes.clear();
                    m_boxBytes.clear();
                    return;
                }
                // The box's bytes stay where they are when contiguous: a QByteArray over them, no copy.
                m_boxBytes.append(box.isContiguous() && box.storage
                                      ? QByteArray::fromRawData(box.firstElement(), qsizetype(box.byteSize()))
                                      : box.contiguousBytes());
                m_boxes.append(box);
            }
        });
        return m_error.isEmpty();
    }

    void assemble() const
    {
        if (!loadBoxes()) {
            qWarning("%s", qPrintable(m_error));
            m_whole = QByteArray(qsizetype(m_size), '\0');
            return;
        }
        if (m_boxes.size() == 1 && m_boxes.front().isContiguous() && m_boxes.front().byteSize() == m_size) {
            m_single = &m_boxes.front();
            return;
        }
        m_whole = QByteArray(qsizetype(m_size), Qt::Uninitialized);
        read(0, m_whole.data(), m_size);
    }

    QString m_name;
    DType m_dtype;
    QVector<qint64> m_shape;
    std::shared_ptr<const QVector<TensorChunk>> m_chunks;
    std::shared_ptr<DcpFiles> m_files;
    qint64 m_size = 0;
    mutable std::once_flag m_loaded, m_assembled;
    mutable QVector<TensorInfo> m_boxes;
    mutable QVector<QByteArray> m_boxBytes;
    mutable QString m_error;
    mutable const TensorInfo *m_single = nullptr;
    mutable QByteArray m_whole;
};

// The fields of a dataclass record (its BUILD state dict), or nullptr.
PickleValuePtr stateOf(const PickleValuePtr &value)
{
    return value && value->type == Type::Object && value->state && value->state->type == Type::Dict
               ? value->state
               : nullptr;
}

bool integers(const PickleValuePtr &value, QVector<qint64> *out)
{
    if (!value || !value->isSequence() || value->items.size() > size_t(kMaxDims))
        return false;
    out->clear();
    for (const PickleValuePtr &item : value->items) {
        if (!item || item->type != Type::Int || item->integer < 0)
            return false;
        out->append(item->integer);
    }
    return true;
}

QString offsetsKey(const QString &fqn, const QVector<qint64> &offsets)
{
    QStringList parts;
    for (const qint64 o : offsets)
        parts << QString::number(o);
    return fqn + u'\n' + parts.join(u',');
}

// Whether the boxes tile the tensor's extent exactly: inside it, no two overlapping, volumes adding up.
bool boxesTile(const QVector<qint64> &shape, const QVector<TensorChunk> &chunks, QString *reason)
{
    qint64 total = 1, covered = 0;
    for (const qint64 d : shape)
        total *= d;
    for (int i = 0; i < chunks.size(); ++i) {
        const TensorChunk &a = chunks[i];
        if (a.offsets.size() != shape.size() || a.sizes.size() != shape.size()) {
            *reason = DcpReaderText::tr("a box has %1 dimensions, the tensor %2")
                          .arg(a.sizes.size())
                          .arg(shape.size());
            return false;
        }
        qint64 volume = 1;
        for (int d = 0; d < shape.size(); ++d) {
            if (a.offsets[d] + a.sizes[d] > shape[d]) {
                *reason = DcpReaderText::tr("a box runs past the tensor's extent in dimension %1").arg(d);
                return false;
            }
            volume *= a.sizes[d];
        }
        covered += volume;
        for (int j = 0; j < i && volume > 0; ++j) {
            const TensorChunk &b = chunks[j];
            bool overlap = true;
            for (int d = 0; d < shape.size() && overlap; ++d)
                overlap =
                    a.offsets[d] < b.offsets[d] + b.sizes[d] && b.offsets[d] < a.offsets[d] + a.sizes[d];
            if (overlap && !b.sizes.contains(0)) {
                *reason = DcpReaderText::tr("boxes %1 and %2 overlap").arg(j).arg(i);
                return false;
            }
        }
    }
    if (covered != total) {
        *reason = DcpReaderText::tr("the boxes cover %1 of its %2 elements").arg(covered).arg(total);
        return false;
    }
    return true;
}

} // namespace

bool isDcpFolder(const QString &folder)
{
    return QFileInfo(QDir(folder).filePath(QStringLiteral(".metadata"))).isFile();
}

bool readDcpFolder(const QString &folder, CheckpointContent *out, QString *error)
{
    const QString metadataPath = QDir(folder).filePath(QStringLiteral(".metadata"));
    std::shared_ptr<MappedFile> metadata = MappedFile::open(metadataPath, error);
    if (!metadata)
        return false;
    const auto fail = [&](const QString &reason) {
        *error = DcpReaderText::tr("%1: %2").arg(metadataPath, reason);
        return false;
    };
    if (metadata->size() > kMaxMetadataBytes)
        return fail(
            DcpReaderText::tr("%1 bytes of metadata, more than any checkpoint's").arg(metadata->size()));
    SafeUnpickler unpickler(metadata->data(), metadata->size());
    QString reason;
    if (!unpickler.run(0, &reason))
        return fail(DcpReaderText::tr("not a DCP metadata pickle: %1").arg(reason));
    for (const RefusedCall &call : unpickler.refusedCalls()) {
        if (isPlainDataCall(call.callable, call.arguments)) // layouts, memory formats, the checkpoint path
            continue;
        out->refusedCalls.append({call.callable, call.arguments, QStringLiteral(".metadata"), call.offset});
        out->warnings << DcpReaderText::tr("the metadata would call %1(%2) on load; refused")
                             .arg(call.callable, call.arguments);
    }
    const PickleValuePtr root = unpickler.result();
    const PickleValuePtr fields = stateOf(root);
    if (!root || root->text() != QLatin1String("torch.distributed.checkpoint.metadata.Metadata") || !fields)
        return fail(DcpReaderText::tr("not DCP metadata: the pickle holds %1")
                        .arg(root ? root->describe() : QStringLiteral("nothing")));
    const PickleValuePtr items = fields->get(QStringLiteral("state_dict_metadata"));
    const PickleValuePtr storage = fields->get(QStringLiteral("storage_data"));
    if (!items || items->type != Type::Dict || !storage || storage->type != Type::Dict)
        return fail(DcpReaderText::tr("the metadata lacks state_dict_metadata or storage_data"));

    // Where each (fqn, offsets) item is: file, byte offset, length (and how it was transformed).
    struct Place
    {
        QString file;
        qint64 offset = 0, length = 0;
        bool zstd = false;        // the stream.zstd transform, which is read
        QString unknownTransform; // another transform, which is not
    };
    QHash<QString, Place> places;
    for (const auto &[key, value] : storage->entries) {
        const PickleValuePtr index = stateOf(key), info = stateOf(value);
        if (!index || !info)
            continue;
        const PickleValuePtr fqn = index->get(QStringLiteral("fqn"));
        const PickleValuePtr offsetValue = index->get(QStringLiteral("offset"));
        const PickleValuePtr path = info->get(QStringLiteral("relative_path"));
        const PickleValuePtr at = info->get(QStringLiteral("offset"));
        const PickleValuePtr length = info->get(QStringLiteral("length"));
        if (!fqn || !fqn->isString() || !path || !path->isString() || !at || at->type != Type::Int ||
            !length || length->type != Type::Int)
            continue;
        QVector<qint64> offsets;
        if (offsetValue && offsetValue->type != Type::None)
            integers(offsetValue, &offsets);
        Place place{path->text(), at->integer, length->integer, false, QString()};
        const PickleValuePtr transforms = info->get(QStringLiteral("transform_descriptors"));
        for (const PickleValuePtr &transform :
             transforms && transforms->isSequence() ? transforms->items : PickleValueList()) {
            const QString descriptor =
                transform && transform->isString() ? transform->text() : QStringLiteral("?");
            if (descriptor.startsWith(QLatin1String("stream.zstd")) && !place.zstd)
                place.zstd = true;
            else
                place.unknownTransform = descriptor;
        }
        places.insert(offsetsKey(fqn->text(), offsets), place);
    }

    // The state_dict's own keys, from planner_data: each flat name is the path of keys that led to it, and
    // the path's first key is the root dict's (a key may itself hold dots: "model" and "layer.weight",
    // not "model.layer" and "weight"). Without planner_data, the flat name's first segment.
    const PickleValuePtr plannerData = fields->get(QStringLiteral("planner_data"));
    QSet<QString> rootKeys;
    const auto addRootKey = [&](const QString &key) {
        if (!rootKeys.contains(key)) {
            rootKeys.insert(key);
            out->rootKeys << key;
        }
    };
    QHash<QString, QString> rootKeyOf;
    if (plannerData && plannerData->type == Type::Dict) {
        for (const auto &[key, value] : plannerData->entries) {
            if (!key || !key->isString() || !value || !value->isSequence() || value->items.empty() ||
                !value->items.front() || !value->items.front()->isString())
                continue;
            rootKeyOf.insert(key->text(), value->items.front()->text());
            // The keys (list indices among them), kept where one holds a dot and they join to the name.
            QStringList keys;
            bool dotted = false;
            for (const PickleValuePtr &item : value->items) {
                if (item && item->isString())
                    keys << item->text();
                else if (item && item->type == Type::Int)
                    keys << QString::number(item->integer);
                else
                    break;
                dotted = dotted || keys.last().contains(QLatin1Char('.'));
            }
            if (dotted && keys.size() == qsizetype(value->items.size()) &&
                keys.join(QLatin1Char('.')) == key->text())
                out->keyPaths.insert(key->text(), keys);
        }
    }
    for (const auto &[key, value] : items->entries) {
        if (key && key->isString())
            addRootKey(rootKeyOf.value(key->text(), key->text().section(QLatin1Char('.'), 0, 0)));
    }

    auto files = std::make_shared<DcpFiles>(folder);
    out->format = CheckpointFormat::Dcp;
    out->filePath = metadataPath;
    out->openedPath = folder;
    for (const auto &[key, value] : items->entries) {
        if (!key || !key->isString())
            continue;
        const QString fqn = key->text();
        if (value &&
            value->text() == QLatin1String("torch.distributed.checkpoint.metadata.BytesStorageMetadata")) {
            const Place place = places.value(offsetsKey(fqn, {}));
            std::shared_ptr<MappedFile> archive;
            QString fileError;
            if (place.file.isEmpty())
                fileError = DcpReaderText::tr("no such item");
            else if (!place.unknownTransform.isEmpty())
                fileError = DcpReaderText::tr("it is transformed by %1").arg(place.unknownTransform);
            else
                archive = itemArchive(*files, place.file, place.offset, place.length, place.zstd, &fileError);
            CheckpointContent item;
            if (archive && readTorchZipCheckpoint(archive, &item, &fileError)) {
                for (CheckpointValue v : std::as_const(item.values)) {
                    // torch.save of a plain value reads as one value named "value": the item is it.
                    const bool whole =
                        v.path.isEmpty() || (item.values.size() == 1 && v.path == QLatin1String("value"));
                    v.path = whole ? fqn : fqn + u'.' + v.path;
                    out->values.append(v);
                }
                for (const RefusedCallSite &call : std::as_const(item.refusedCalls))
                    out->refusedCalls.append(
                        {call.callable, call.arguments, place.file, place.offset + call.offset});
            } else {
                out->warnings << DcpReaderText::tr("%1: its value cannot be read: %2").arg(fqn, fileError);
            }
            continue;
        }
        const PickleValuePtr tensorFields = stateOf(value);
        if (!tensorFields)
            continue;
        TensorInfo tensor;
        tensor.name = fqn;
        tensor.kind = TensorKind::Tensor;
        const PickleValuePtr properties = stateOf(tensorFields->get(QStringLiteral("properties")));
        PickleValuePtr dtype = properties ? properties->get(QStringLiteral("dtype")) : nullptr;
        if (!dtype) { // TensorProperties pickles its state as a tuple, dtype first
            const PickleValuePtr object = tensorFields->get(QStringLiteral("properties"));
            if (object && object->type == Type::Object && object->state && object->state->isSequence() &&
                !object->state->items.empty())
                dtype = object->state->items[0];
        }
        if (dtype && dtype->type == Type::Global && dtype->text().startsWith(QLatin1String("torch.")))
            tensor.dtype = dtypeFromName(QStringView(dtype->text()).mid(6));
        if (!integers(tensorFields->get(QStringLiteral("size")), &tensor.shape) ||
            tensor.dtype == DType::Invalid) {
            out->warnings << DcpReaderText::tr("%1: no shape or dtype PyTorch names; left out").arg(fqn);
            continue;
        }
        tensor.strides = TensorInfo::contiguousStrides(tensor.shape);
        auto chunks = std::make_shared<QVector<TensorChunk>>();
        QString problem;
        const PickleValuePtr chunkList = tensorFields->get(QStringLiteral("chunks"));
        for (const PickleValuePtr &chunkValue :
             chunkList && chunkList->isSequence() ? chunkList->items : PickleValueList()) {
            const PickleValuePtr chunkFields = stateOf(chunkValue);
            TensorChunk chunk;
            if (!chunkFields || !integers(chunkFields->get(QStringLiteral("offsets")), &chunk.offsets) ||
                !integers(chunkFields->get(QStringLiteral("sizes")), &chunk.sizes)) {
                problem = DcpReaderText::tr("a box without offsets and sizes");
                break;
            }
            const auto found = places.constFind(offsetsKey(fqn, chunk.offsets));
            if (found == places.constEnd()) {
                problem = DcpReaderText::tr("the box at %1 is in no file").arg(shapeToString(chunk.offsets));
                break;
            }
            chunk.file = found->file;
            chunk.byteOffset = found->offset;
            chunk.byteLength = found->length;
            chunk.zstd = found->zstd;
            if (!found->unknownTransform.isEmpty()) {
                problem = DcpReaderText::tr("the box at %1 is transformed by %2")
                              .arg(shapeToString(chunk.offsets), found->unknownTransform);
                break;
            }
            const QFileInfo file(QDir(folder).filePath(chunk.file));
            if (!file.isFile()) {
                problem = DcpReaderText::tr("%1 is missing").arg(chunk.file);
                break;
            }
            if (chunk.byteOffset < 0 || chunk.byteLength < 0 ||
                chunk.byteOffset + chunk.byteLength > file.size()) {
                problem = DcpReaderText::tr("its box at %1 runs past the end of %2")
                              .arg(shapeToString(chunk.offsets), chunk.file);
                break;
            }
            chunks->append(chunk);
        }
        if (problem.isEmpty())
            boxesTile(tensor.shape, *chunks, &problem);
        tensor.chunks = chunks;
        if (!problem.isEmpty()) {
            out->warnings << DcpReaderText::tr("%1: %2; its values cannot be read").arg(fqn, problem);
            tensor.meta = true;
        } else {
            tensor.storage =
                std::make_shared<DcpTensorStorage>(fqn, tensor.dtype, tensor.shape, chunks, files);
        }
        out->tensors.push_back(tensor);
    }
    return true;
}

} // namespace torchscope
