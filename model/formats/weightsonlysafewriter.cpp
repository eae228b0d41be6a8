#include "formats/weightsonlysafewriter.h"

#include "formats/pickle/picklemodule.h"
#include "formats/pickle/picklewriter.h"
#include "tensor/bytes.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>
#include <limits>
#include <memory>
#include <unordered_map>

namespace torchscope {

namespace {
using Type = PickleValue::Type;

// lupdate sees the strings of this file under the context WeightsOnlySafeWriter.
struct WeightsOnlySafeText
{
    Q_DECLARE_TR_FUNCTIONS(WeightsOnlySafeWriter)
};

constexpr int kMaxDepth = 200;

// A numpy dtype as numpy pickles it: numpy.dtype(code, False, True) with BUILD (3, byte order, ...).
struct NumpyType
{
    DType dtype = DType::Invalid;
    bool bigEndian = false;
};

NumpyType numpyType(const PickleValuePtr &value)
{
    NumpyType type;
    if (!value || value->type != Type::Refused || !value->text().startsWith(QLatin1String("numpy.")) ||
        !value->text().endsWith(QLatin1String(".dtype")) || value->items.empty() ||
        !value->items[0]->isString())
        return type;
    static const QHash<QString, DType> codes{
        {QStringLiteral("f2"), DType::Float16},   {QStringLiteral("f4"), DType::Float32},
        {QStringLiteral("f8"), DType::Float64},   {QStringLiteral("i1"), DType::Int8},
        {QStringLiteral("i2"), DType::Int16},     {QStringLiteral("i4"), DType::Int32},
        {QStringLiteral("i8"), DType::Int64},     {QStringLiteral("u1"), DType::UInt8},
        {QStringLiteral("u2"), DType::UInt16},    {QStringLiteral("u4"), DType::UInt32},
        {QStringLiteral("u8"), DType::UInt64},    {QStringLiteral("b1"), DType::Bool},
        {QStringLiteral("c8"), DType::Complex64}, {QStringLiteral("c16"), DType::Complex128}};
    type.dtype = codes.value(value->items[0]->text(), DType::Invalid);
    const PickleValuePtr &state = value->state;
    if (state && state->type == Type::Tuple && state->items.size() >= 2 && state->items[1]->isString())
        type.bigEndian = state->items[1]->text() == QLatin1String(">");
    return type;
}

bool isNumpyCall(const PickleValue &value, const char *name)
{
    return value.text().startsWith(QLatin1String("numpy.")) && value.text().endsWith(QLatin1String(name));
}

bool isPathClass(const QString &name)
{
    return name.startsWith(QLatin1String("pathlib.")) &&
           (name.endsWith(QLatin1String("Path")) || name.endsWith(QLatin1String("PosixPath")) ||
            name.endsWith(QLatin1String("WindowsPath")));
}

QString join(const QString &prefix, const QString &key)
{
    return prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key;
}

// What a reader names a dict key (PickleCheckpoint names tensors under string and integer keys).
QString keyName(const PickleValuePtr &key)
{
    if (key && key->type == Type::String)
        return key->text();
    if (key && key->type == Type::Int)
        return QString::number(key->integer);
    return QString();
}

class Emitter
{
public:
    Emitter(const PickleModuleGraph &graph, const WeightsOnlySafeWriter::TensorAt &tensorAt,
            std::vector<StateDictWriter::Entry> *records, QStringList *converted, QStringList *dropped,
            QHash<QString, std::pair<DType, QVector<qint64>>> *expected)
        : m_graph(graph), m_tensorAt(tensorAt), m_records(records), m_converted(converted),
          m_dropped(dropped), m_expected(expected)
    {
    }

    // Emits `value` (named `path`, or unnamed where a reader would not name tensors under it); false,
    // having emitted nothing, when it is dropped.
    bool emit(const PickleValuePtr &value, const QString &path, bool named)
    {
        if (!value)
            return drop(path, WeightsOnlySafeText::tr("nothing"));
        if (value->visiting || m_depth > kMaxDepth)
            return drop(path, WeightsOnlySafeText::tr("a value that contains itself"));
        value->visiting = true;
        ++m_depth;
        const bool ok = emitValue(value, path, named);
        --m_depth;
        value->visiting = false;
        return ok;
    }

    PickleWriter out;

private:
    bool drop(const QString &path, const QString &what)
    {
        *m_dropped << WeightsOnlySafeText::tr("%1: %2, left out").arg(shown(path), what);
        return false;
    }
    void note(const QString &path, const QString &what)
    {
        *m_converted << WeightsOnlySafeText::tr("%1: %2").arg(shown(path), what);
    }
    static QString shown(const QString &path)
    {
        return path.isEmpty() ? WeightsOnlySafeText::tr("the whole file") : path;
    }

    bool emitValue(const PickleValuePtr &value, const QString &path, bool named)
    {
        switch (value->type) {
        case Type::None:
            out.none();
            return true;
        case Type::Bool:
            out.boolean(value->boolean);
            return true;
        case Type::Int:
            out.integer(value->integer);
            return true;
        case Type::BigInt:
            out.bigInteger(value->bytes());
            return true;
        case Type::Float:
            out.real(value->real);
            return true;
        case Type::String:
            if (value->constructor && std::strcmp(value->constructor, "torch.device") == 0) {
                out.global("torch", "device");
                out.mark();
                out.string(value->text());
                out.tuple();
                out.reduce();
                return true;
            }
            out.string(value->text());
            return true;
        case Type::Bytes:
            out.bytes(value->bytes());
            return true;
        case Type::Tuple:
        case Type::List:
        case Type::Set:
            return emitSequence(value, path, named);
        case Type::Dict:
            return emitDict(value->entries,
                            value->constructor &&
                                std::strcmp(value->constructor, "collections.OrderedDict") == 0,
                            path, named);
        case Type::Tensor:
            return emitTensor(*value->tensor, path, named);
        case Type::Object:
            return emitObject(value, path, named);
        case Type::Refused:
            return emitRefused(value, path, named);
        case Type::Global:
            return drop(path, WeightsOnlySafeText::tr("a reference to %1").arg(value->text()));
        case Type::Storage:
            return drop(path, WeightsOnlySafeText::tr("a bare storage"));
        case Type::Mark:
            break;
        }
        return drop(path, value->describe());
    }

    bool emitSequence(const PickleValuePtr &value, const QString &path, bool named)
    {
        // Sets become sets (builtins.set is allowed; frozenset is not), tuples (torch.Size too) tuples.
        const bool set = value->type == Type::Set;
        if (set) {
            out.global("builtins", "set");
            out.mark();
        }
        if (value->type == Type::List || set)
            out.emptyList();
        out.mark();
        for (size_t i = 0; i < value->items.size(); ++i) {
            // An item left out keeps its place as None, so the other items keep their indices.
            if (!emit(value->items[i], join(path, QString::number(i)), named && !set))
                out.none();
        }
        if (value->type == Type::Tuple) {
            out.tuple();
        } else {
            out.appends();
        }
        if (set) {
            out.tuple();
            out.reduce();
            if (value->constructor && std::strcmp(value->constructor, "builtins.frozenset") == 0)
                note(path, WeightsOnlySafeText::tr("a frozenset, written as a set"));
        }
        return true;
    }

    bool emitDict(const PickleEntryList &entries, bool ordered, const QString &path, bool named)
    {
        if (ordered) {
            out.global("collections", "OrderedDict");
            out.emptyTuple();
            out.reduce();
        } else {
            out.emptyDict();
        }
        for (const auto &[key, item] : entries) {
            // A key is a plain value too; an entry whose key or value is left out goes.
            const PickleWriter::Position before = out.position();
            const QString name = keyName(key);
            if (!key || key->type == Type::Tensor || key->type == Type::Refused ||
                key->type == Type::Object || key->type == Type::Global) {
                drop(join(path, name.isNull() ? (key ? key->describe() : QString()) : name),
                     WeightsOnlySafeText::tr("an entry whose key is not a plain value"));
                continue;
            }
            out.mark();
            emit(key, path, false);
            if (!emit(item, join(path, name), named && !name.isNull())) {
                out.rewind(before);
                continue;
            }
            out.setItems();
        }
        return true;
    }

    bool emitTensor(const TensorRecord &record, const QString &path, bool named)
    {
        const auto it = m_graph.tensorIndex.find(&record);
        const TensorInfo *tensor = it == m_graph.tensorIndex.end() ? nullptr : m_tensorAt(it->second);
        if (!tensor)
            return drop(path, WeightsOnlySafeText::tr("a tensor Torchscope did not read"));
        if (tensor->quantization)
            return drop(path, WeightsOnlySafeText::tr("a quantized tensor"));
        if (tensor->meta) { // as torch.save writes one: no storage, nothing to copy
            out.global("torch._utils", "_rebuild_meta_tensor_no_storage");
            out.mark();
            out.global("torch", dtypeName(tensor->dtype).toLatin1().constData());
            out.intTuple(tensor->shape);
            out.intTuple(tensor->strides);
            out.boolean(record.requiresGrad);
            out.tuple();
            out.reduce();
            expect(named, path, *tensor);
            return true;
        }
        // One record per tensor read (a tensor named twice is tied: one storage, as PyTorch keeps it).
        auto [key, fresh] = m_keyOfTensor.try_emplace(it->second, int(m_records->size()));
        if (fresh)
            m_records->push_back({QString::number(key->second), *tensor});
        if (record.isParameter) {
            out.global("torch._utils", "_rebuild_parameter");
            out.mark();
        }
        rebuild(*tensor, key->second);
        if (record.isParameter) {
            out.boolean(record.requiresGrad);
            out.emptyOrderedDict();
            out.tuple();
            out.reduce();
        }
        expect(named, path, *tensor);
        return true;
    }

    // A tensor the copy holds where a reader names it (PickleCheckpoint: "tensor" for a bare one).
    void expect(bool named, const QString &path, const TensorInfo &tensor)
    {
        if (named)
            m_expected->insert(path.isEmpty() ? QStringLiteral("tensor") : path,
                               {tensor.dtype, tensor.shape});
    }

    // _rebuild_tensor_v2 (v3 for PyTorch 2.x types) of record `key`, written contiguous.
    void rebuild(const TensorInfo &tensor, int key)
    {
        const bool untyped = dtypeNeedsUntypedStorage(tensor.dtype);
        out.global("torch._utils", untyped ? "_rebuild_tensor_v3" : "_rebuild_tensor_v2");
        out.mark();
        const qint64 numel = tensor.byteSize() / std::max(1, dtypeElementSize(tensor.dtype));
        out.storage(tensor.dtype, QString::number(key), QStringLiteral("cpu"),
                    untyped ? tensor.byteSize() : numel);
        out.integer(0);
        out.intTuple(tensor.shape);
        out.intTuple(TensorInfo::contiguousStrides(tensor.shape));
        out.boolean(false);
        out.emptyOrderedDict();
        if (untyped)
            out.global("torch", dtypeName(tensor.dtype).toLatin1().constData());
        out.tuple();
        out.reduce();
    }

    // The items SETITEMS gave an instance of a dict subclass, written as a plain dict.
    bool emitItemsAsDict(const PickleValuePtr &value, const QString &path, bool named)
    {
        note(path,
             WeightsOnlySafeText::tr("an instance of %1, written as a dict of its items").arg(value->text()));
        return emitDict(value->entries, false, path, named);
    }

    bool emitObject(const PickleValuePtr &value, const QString &path, bool named)
    {
        // A dict subclass's instance (Lightning's AttributeDict): its items, as dict(obj) gives them.
        if (!value->entries.empty())
            return emitItemsAsDict(value, path, named);
        // An instance kept as a record (argparse.Namespace, a dataclass, a config object): its
        // attributes, as vars(obj) gives them.
        PickleValuePtr state = value->state;
        if (state && state->type == Type::Tuple && state->items.size() == 2) // (dict, slots)
            state =
                state->items[0] && state->items[0]->type == Type::Dict ? state->items[0] : state->items[1];
        if (!state || state->type != Type::Dict)
            return drop(path,
                        WeightsOnlySafeText::tr("an instance of %1 without attributes").arg(value->text()));
        note(path, WeightsOnlySafeText::tr("an instance of %1, written as a dict of its attributes")
                       .arg(value->text()));
        return emitDict(state->entries, false, path, named);
    }

    bool emitRefused(const PickleValuePtr &value, const QString &path, bool named)
    {
        const PickleValueList &args = value->items;
        if (isNumpyCall(*value, ".multiarray.scalar") && args.size() == 2 && args[1]->type == Type::Bytes)
            return emitNumpyScalar(numpyType(args[0]), args[1]->bytes(), path);
        if (isNumpyCall(*value, ".multiarray._reconstruct"))
            return emitNumpyArray(value, path, named);
        if (isPathClass(value->text())) {
            QStringList parts;
            for (const PickleValuePtr &part : args) {
                if (!part->isString())
                    return drop(path, WeightsOnlySafeText::tr("a %1 of unexpected parts").arg(value->text()));
                parts << part->text();
            }
            QString text = parts.join(QLatin1Char('/'));
            if (text.startsWith(QLatin1String("//")))
                text.remove(0, 1); // the root part is "/" itself
            out.string(text);
            note(path,
                 WeightsOnlySafeText::tr("a %1, written as the string \"%2\"").arg(value->text(), text));
            return true;
        }
        if (!value->entries.empty()) // a dict subclass made by a call (an OrderedDict subclass)
            return emitItemsAsDict(value, path, named);
        return drop(path, WeightsOnlySafeText::tr("the result of %1").arg(value->text()));
    }

    bool emitNumpyScalar(const NumpyType &type, const QByteArray &raw, const QString &path)
    {
        const int size = dtypeElementSize(type.dtype);
        if (type.dtype == DType::Invalid || raw.size() != size)
            return drop(path, WeightsOnlySafeText::tr("a numpy scalar of a type without a plain value"));
        QByteArray bytes = raw;
        const int unit = dtypeIsComplex(type.dtype) ? size / 2 : size;
        if (type.bigEndian)
            for (int at = 0; at + unit <= bytes.size(); at += unit)
                std::reverse(bytes.begin() + at, bytes.begin() + at + unit);
        const char *p = bytes.constData();
        switch (type.dtype) {
        case DType::Bool:
            out.boolean(p[0] != 0);
            break;
        case DType::Int8:
        case DType::Int16:
        case DType::Int32:
        case DType::Int64:
        case DType::UInt8:
        case DType::UInt16:
        case DType::UInt32: {
            const qint64 v = type.dtype == DType::Int8    ? qint64(qint8(p[0]))
                             : type.dtype == DType::Int16 ? qint64(loadLittleEndian<qint16>(p))
                             : type.dtype == DType::Int32 ? qint64(loadLittleEndian<qint32>(p))
                             : type.dtype == DType::Int64 ? loadLittleEndian<qint64>(p)
                                                          : qint64(loadLittleEndian(p, size));
            out.integer(v);
            break;
        }
        case DType::UInt64: {
            const quint64 v = loadLittleEndian<quint64>(p);
            if (v > quint64(std::numeric_limits<qint64>::max()))
                out.bigInteger(QByteArray(p, 8) + '\0'); // positive: a zero byte above the top bit
            else
                out.integer(qint64(v));
            break;
        }
        case DType::Complex64:
        case DType::Complex128:
            out.global("builtins", "complex");
            out.mark();
            out.real(dtypeElementToDouble(type.dtype, p));
            out.real(dtypeElementToDouble(type.dtype == DType::Complex64 ? DType::Float32 : DType::Float64,
                                          p + unit));
            out.tuple();
            out.reduce();
            break;
        default:
            out.real(dtypeElementToDouble(type.dtype, p));
        }
        note(path, WeightsOnlySafeText::tr("a numpy %1 scalar, written as a plain value")
                       .arg(dtypeName(type.dtype)));
        return true;
    }

    bool emitNumpyArray(const PickleValuePtr &value, const QString &path, bool named)
    {
        // _reconstruct(ndarray, (0,), b'b') then BUILD (version, shape, dtype, fortran_order, raw bytes).
        const PickleValuePtr &state = value->state;
        if (!state || state->type != Type::Tuple || state->items.size() != 5 ||
            !state->items[1]->isSequence() || state->items[3]->type != Type::Bool ||
            state->items[4]->type != Type::Bytes)
            return drop(path, WeightsOnlySafeText::tr("a numpy array of objects or an unknown layout"));
        const NumpyType type = numpyType(state->items[2]);
        QVector<qint64> shape;
        qint64 numel = 1;
        for (const PickleValuePtr &d : state->items[1]->items) {
            if (d->type != Type::Int || d->integer < 0 ||
                (d->integer > 0 && numel > kMaxTensorElements / d->integer))
                return drop(path, WeightsOnlySafeText::tr("a numpy array of a bad shape"));
            shape << d->integer;
            numel *= d->integer;
        }
        const int size = dtypeElementSize(type.dtype);
        auto bytes = std::make_shared<QByteArray>(state->items[4]->bytes());
        if (type.dtype == DType::Invalid || bytes->size() != qint64(size) * numel)
            return drop(path, WeightsOnlySafeText::tr("a numpy array of a type torch has no tensor for"));
        const int unit = dtypeIsComplex(type.dtype) ? size / 2 : size;
        if (type.bigEndian)
            for (qint64 at = 0; at + unit <= bytes->size(); at += unit)
                std::reverse(bytes->begin() + at, bytes->begin() + at + unit);
        TensorInfo tensor;
        tensor.name = path;
        tensor.dtype = type.dtype;
        tensor.shape = shape;
        tensor.strides = TensorInfo::contiguousStrides(shape);
        if (state->items[3]->boolean) { // Fortran order: the same bytes, strides reversed
            qint64 step = 1;
            for (int i = 0; i < shape.size(); ++i) {
                tensor.strides[i] = step;
                step *= std::max<qint64>(shape[i], 1);
            }
        }
        tensor.storage = std::make_shared<OwnedTensorStorage>(bytes, bytes->constData(), bytes->size());
        const int key = int(m_records->size());
        m_records->push_back({QString::number(key), tensor});
        rebuild(tensor, key);
        expect(named, path, tensor);
        note(path,
             WeightsOnlySafeText::tr("a numpy %1 array, written as a tensor").arg(dtypeName(type.dtype)));
        return true;
    }

    const PickleModuleGraph &m_graph;
    const WeightsOnlySafeWriter::TensorAt &m_tensorAt;
    std::vector<StateDictWriter::Entry> *m_records;
    QStringList *m_converted;
    QStringList *m_dropped;
    QHash<QString, std::pair<DType, QVector<qint64>>> *m_expected;
    std::unordered_map<int, int> m_keyOfTensor;
    int m_depth = 0;
};
} // namespace

bool WeightsOnlySafeWriter::prepare(const PickleModuleGraph &graph, const TensorAt &tensorAt, QString *error)
{
    m_records.clear();
    m_converted.clear();
    m_dropped.clear();
    m_expected.clear();
    Emitter emitter(graph, tensorAt, &m_records, &m_converted, &m_dropped, &m_expected);
    if (!emitter.emit(graph.root, QString(), true)) {
        *error = m_dropped.value(0, WeightsOnlySafeText::tr("nothing in the file can be copied"));
        return false;
    }
    m_pickle = emitter.out.finish();
    return true;
}

bool WeightsOnlySafeWriter::write(QIODevice *device, const Progress &progress, QString *error) const
{
    return StateDictWriter::writeArchive(m_pickle, m_records, device, progress, error);
}

} // namespace torchscope
