#include "formats/dcpwriter.h"

#include "formats/atomicfile.h"
#include "formats/pickle/picklewriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace torchscope {

namespace {

struct DcpWriterText
{
    Q_DECLARE_TR_FUNCTIONS(DcpWriter)
};

constexpr const char *kMetadataModule = "torch.distributed.checkpoint.metadata";
const QString kDataFile = QStringLiteral("__0_0.distcp");

// torch.Size(values): how a Size pickles (REDUCE of the class on a tuple of ints).
void sizeOf(PickleWriter &pickle, const QVector<qint64> &values)
{
    pickle.global("torch", "Size");
    pickle.mark();
    pickle.intTuple(values);
    pickle.tuple();
    pickle.reduce();
}

// A dataclass as pickle writes it: cls.__new__(cls), then its fields set by BUILD from a dict that
// `fields` fills between MARK and SETITEMS.
template <typename Fields> void dataclass(PickleWriter &pickle, const char *name, Fields fields)
{
    pickle.global(kMetadataModule, name);
    pickle.emptyTuple();
    pickle.newObject();
    pickle.emptyDict();
    pickle.mark();
    fields();
    pickle.setItems();
    pickle.build();
}

struct Item
{
    QString fqn;
    DType dtype;
    QVector<qint64> shape;
    qint64 offset = 0, length = 0;
};

// Metadata(state_dict_metadata, planner_data, storage_data, storage_meta=None, version="1.0.0"): each
// tensor one box at the origin. TensorProperties goes as its __getstate__'s five-tuple (dtype, layout,
// requires_grad, memory-format encoding, pin_memory), which every PyTorch 2.x reads.
QByteArray metadataPickle(const QVector<Item> &items)
{
    PickleWriter pickle;
    dataclass(pickle, "Metadata", [&] {
        pickle.string(QStringLiteral("state_dict_metadata"));
        pickle.emptyDict();
        pickle.mark();
        for (const Item &item : items) {
            pickle.string(item.fqn);
            dataclass(pickle, "TensorStorageMetadata", [&] {
                pickle.string(QStringLiteral("properties"));
                pickle.global(kMetadataModule, "TensorProperties");
                pickle.emptyTuple();
                pickle.newObject();
                pickle.mark();
                pickle.global("torch", dtypeName(item.dtype).toLatin1().constData());
                pickle.global("torch.serialization", "_get_layout");
                pickle.mark();
                pickle.string(QStringLiteral("torch.strided"));
                pickle.tuple();
                pickle.reduce();
                pickle.boolean(false);
                pickle.global("__builtin__", "getattr");
                pickle.mark();
                pickle.global(kMetadataModule, "_MEM_FORMAT_ENCODING");
                pickle.string(QStringLiteral("TORCH_CONTIGUOUS_FORMAT"));
                pickle.tuple();
                pickle.reduce();
                pickle.boolean(false);
                pickle.tuple();
                pickle.build();
                pickle.string(QStringLiteral("size"));
                sizeOf(pickle, item.shape);
                pickle.string(QStringLiteral("chunks"));
                pickle.emptyList();
                pickle.mark();
                dataclass(pickle, "ChunkStorageMetadata", [&] {
                    pickle.string(QStringLiteral("offsets"));
                    sizeOf(pickle, QVector<qint64>(item.shape.size(), 0));
                    pickle.string(QStringLiteral("sizes"));
                    sizeOf(pickle, item.shape);
                });
                pickle.appends();
            });
        }
        pickle.setItems();
        // Every name is its own path: the state_dict is flat.
        pickle.string(QStringLiteral("planner_data"));
        pickle.emptyDict();
        pickle.mark();
        for (const Item &item : items) {
            pickle.string(item.fqn);
            pickle.mark();
            pickle.string(item.fqn);
            pickle.tuple();
        }
        pickle.setItems();
        pickle.string(QStringLiteral("storage_data"));
        pickle.emptyDict();
        pickle.mark();
        for (const Item &item : items) {
            dataclass(pickle, "MetadataIndex", [&] {
                pickle.string(QStringLiteral("fqn"));
                pickle.string(item.fqn);
                pickle.string(QStringLiteral("offset"));
                sizeOf(pickle, QVector<qint64>(item.shape.size(), 0));
                pickle.string(QStringLiteral("index"));
                pickle.integer(0);
            });
            pickle.global("torch.distributed.checkpoint.filesystem", "_StorageInfo");
            pickle.emptyTuple();
            pickle.newObject();
            pickle.emptyDict();
            pickle.mark();
            pickle.string(QStringLiteral("relative_path"));
            pickle.string(kDataFile);
            pickle.string(QStringLiteral("offset"));
            pickle.integer(item.offset);
            pickle.string(QStringLiteral("length"));
            pickle.integer(item.length);
            pickle.string(QStringLiteral("transform_descriptors"));
            pickle.none();
            pickle.setItems();
            pickle.build();
        }
        pickle.setItems();
        pickle.string(QStringLiteral("storage_meta"));
        pickle.none();
        pickle.string(QStringLiteral("version"));
        pickle.string(QStringLiteral("1.0.0"));
    });
    return pickle.finish();
}

} // namespace

bool DcpWriter::write(const std::vector<StateDictWriter::Entry> &entries, const QString &folder,
                      const Progress &progress, QString *error)
{
    const QDir dir(folder);
    QFile data(dir.filePath(kDataFile));
    if (!data.open(QIODevice::WriteOnly)) {
        *error = DcpWriterText::tr("%1: cannot write: %2").arg(data.fileName(), data.errorString());
        return false;
    }
    qint64 total = 0, done = 0;
    for (const StateDictWriter::Entry &entry : entries)
        total += entry.byteSize();
    QVector<Item> items;
    for (const StateDictWriter::Entry &entry : entries) {
        if (entry.tensor.quantization) {
            *error =
                DcpWriterText::tr("%1: a quantized tensor has no place in a DCP checkpoint").arg(entry.key);
            return false;
        }
        Item item{entry.key, entry.dtype(), entry.tensor.shape, data.pos(), 0};
        Progress part = progress;
        part.report = [&progress, done, total](qint64 written, qint64) {
            progress.set(done + written, total);
        };
        QString reason;
        if (!StateDictWriter::writeTensor(entry, &data, part, &reason)) {
            *error = DcpWriterText::tr("%1: %2").arg(entry.key, reason);
            return false;
        }
        item.length = data.pos() - item.offset;
        items.append(item);
        done += entry.byteSize();
    }
    if (!data.flush() || data.error() != QFileDevice::NoError) {
        *error = DcpWriterText::tr("%1: cannot write: %2").arg(data.fileName(), data.errorString());
        return false;
    }
    data.close();
    AtomicFile metadata(dir.filePath(QStringLiteral(".metadata")));
    const QByteArray pickle = metadataPickle(items);
    if (!metadata.open(error))
        return false;
    if (metadata.device()->write(pickle) != pickle.size()) {
        *error = DcpWriterText::tr("%1: cannot write: %2")
                     .arg(dir.filePath(QStringLiteral(".metadata")), metadata.device()->errorString());
        return false;
    }
    return metadata.commit(error);
}

} // namespace torchscope
