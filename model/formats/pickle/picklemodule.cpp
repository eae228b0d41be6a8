#include "formats/pickle/picklemodule.h"

#include "formats/pickle/picklewriter.h"

#include <QCoreApplication>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace torchscope {

namespace {
using Type = PickleValue::Type;

// lupdate sees the strings of this file under the context PickleModuleWriter.
struct PickleModuleWriterText
{
    Q_DECLARE_TR_FUNCTIONS(PickleModuleWriter)
};

// Re-emits parsed values as protocol 2 opcodes. Every mutable value (list, dict, set, object, tensor)
// is memoized before its contents, so shared references and cycles come back as they were.
class Emitter
{
public:
    Emitter(const PickleModuleGraph &graph, const PickleModuleWriter::TensorState &state)
        : m_graph(graph), m_state(state)
    {
    }

    bool emit(const PickleValuePtr &value, int depth);
    QByteArray finish() { return m_out.finish(); }
    std::vector<StateDictWriter::Entry> takeRecords() { return std::move(m_records); }
    const QString &error() const { return m_error; }

private:
    // Deeper than any real model; a hostile pickle's million nested lists stop here, not the stack.
    static constexpr int kMaxDepth = 1000;
    static constexpr size_t kBatch = 1000; // as CPython batches APPENDS and SETITEMS

    bool fail(const QString &reason)
    {
        if (m_error.isEmpty())
            m_error = reason;
        return false;
    }
    void remember(const PickleValue *value) { m_memo.emplace(value, m_out.memoize()); }
    void global(const PickleValue &value);
    bool items(const PickleValueList &values, int depth);
    bool tupleOf(const PickleValueList &values, int depth);
    bool entries(const PickleValue &dict, int depth);
    bool tensor(const PickleValue &value);
    bool string(const PickleValue &value, int depth);
    bool tuple(const PickleValue &value, int depth);
    bool list(const PickleValue &value, int depth);
    bool set(const PickleValue &value, int depth);
    bool dict(const PickleValue &value, int depth);
    bool object(const PickleValue &value, int depth);
    bool stateOf(const PickleValue &value, int depth); // BUILD with the value's state, if it has one
    bool storageId(int storage, QString *key);

    const PickleModuleGraph &m_graph;
    const PickleModuleWriter::TensorState &m_state;
    PickleWriter m_out;
    std::unordered_map<const PickleValue *, quint32> m_memo;
    std::unordered_set<const PickleValue *> m_tuplesOpen;
    std::unordered_map<int, QString> m_keyOfStorage;
    std::vector<StateDictWriter::Entry> m_records;
    QString m_error;
};

void Emitter::global(const PickleValue &value)
{
    // `moduleLength` says where the module ends ("a.b" + "Outer.Inner"); otherwise the last dot does.
    const qsizetype split = value.moduleLength > 0 && value.moduleLength < value.text().size()
                                ? qsizetype(value.moduleLength)
                                : value.text().lastIndexOf(QLatin1Char('.'));
    m_out.global(value.text().left(split), value.text().mid(split + 1));
}

bool Emitter::items(const PickleValueList &values, int depth)
{
    for (const PickleValuePtr &item : values) {
        if (!emit(item, depth + 1))
            return false;
    }
    return true;
}

bool Emitter::tupleOf(const PickleValueList &values, int depth)
{
    m_out.mark();
    if (!items(values, depth))
        return false;
    m_out.tuple();
    return true;
}

bool Emitter::entries(const PickleValue &dict, int depth)
{
    for (size_t start = 0; start < dict.entries.size(); start += kBatch) {
        m_out.mark();
        for (size_t i = start; i < std::min(dict.entries.size(), start + kBatch); ++i) {
            if (!emit(dict.entries[i].first, depth + 1) || !emit(dict.entries[i].second, depth + 1))
                return false;
        }
        m_out.setItems();
    }
    return true;
}

// The storage's record, written once however many tensors view it.
bool Emitter::storageId(int storage, QString *key)
{
    if (storage < 0 || size_t(storage) >= m_graph.storages.size() || !m_graph.storageData[size_t(storage)] ||
        !dtypeStorageClass(m_graph.storages[size_t(storage)].dtype))
        return fail(PickleModuleWriterText::tr("a storage of the model cannot be read back to be written"));
    const StorageRef &ref = m_graph.storages[size_t(storage)];
    if (const auto it = m_keyOfStorage.find(storage); it != m_keyOfStorage.end()) {
        *key = it->second;
    } else {
        *key = QString::number(m_records.size());
        m_keyOfStorage.emplace(storage, *key);
        TensorInfo whole;
        whole.name = ref.key;
        whole.dtype = ref.dtype;
        whole.shape = {ref.numel};
        whole.strides = {1};
        whole.storage = m_graph.storageData[size_t(storage)];
        m_records.push_back({*key, whole});
    }
    m_out.storage(ref.dtype, *key, ref.location, ref.numel);
    return true;
}

// torch.save's form in PyTorch 1.13: _rebuild_tensor_v2(storage, offset, size, stride, requires_grad,
// OrderedDict()), wrapped in _rebuild_parameter(tensor, requires_grad, OrderedDict()) for a parameter.
bool Emitter::tensor(const PickleValue &value)
{
    const TensorRecord &record = *value.tensor;
    const auto named = m_graph.tensorIndex.find(&record);
    const TensorInfo *now = nullptr;
    bool requiresGrad = record.requiresGrad;
    if (named != m_graph.tensorIndex.end()) {
        const auto [tensor, flag] = m_state(named->second);
        now = tensor;
        if (record.isParameter)
            requiresGrad = flag;
    }
    const QString name = now ? now->name : PickleModuleWriterText::tr("a tensor");
    if (record.extra)
        return fail(PickleModuleWriterText::tr("%1 carries %2, which would be lost")
                        .arg(name, PickleModuleWriterText::tr(record.extra)));
    if (record.quantizer)
        return fail(PickleModuleWriterText::tr(
                        "%1 is quantized; quantized tensors are not written back into pickled models")
                        .arg(name));
    if (record.meta)
        return fail(
            PickleModuleWriterText::tr("%1 is a meta tensor, which pickled models are not written back "
                                       "with")
                .arg(name));
    if (record.dtype != DType::Invalid || (now && dtypeNeedsUntypedStorage(now->dtype)))
        return fail(PickleModuleWriterText::tr("%1 is %2, a PyTorch 2.x element type that pickled models are "
                                               "not written back with; save its weights instead")
                        .arg(name, dtypeName(now ? now->dtype : record.dtype)));
    if (record.storage < 0 || size_t(record.storage) >= m_graph.storages.size())
        return fail(PickleModuleWriterText::tr("%1: bad storage reference").arg(name));
    if (record.isParameter) {
        m_out.global("torch._utils", "_rebuild_parameter");
        m_out.mark();
    }
    m_out.global("torch._utils", "_rebuild_tensor_v2");
    m_out.mark();
    // Values loaded from another file have a storage of their own; the rest keep the source's.
    if (now && now->storage != m_graph.storageData[size_t(record.storage)]) {
        const QString key = QString::number(m_records.size());
        m_records.push_back({key, *now});
        m_out.storage(now->dtype, key, m_graph.storages[size_t(record.storage)].location, now->numel());
        m_out.integer(0);
        m_out.intTuple(now->shape);
        m_out.intTuple(TensorInfo::contiguousStrides(now->shape));
    } else {
        QString key;
        if (!storageId(record.storage, &key))
            return false;
        m_out.integer(record.storageOffset);
        m_out.intTuple(record.shape);
        m_out.intTuple(record.strides);
    }
    m_out.boolean(!record.isParameter && requiresGrad);
    m_out.emptyOrderedDict();
    m_out.tuple();
    m_out.reduce();
    if (record.isParameter) {
        m_out.boolean(requiresGrad);
        m_out.emptyOrderedDict();
        m_out.tuple();
        m_out.reduce();
    }
    remember(&value);
    return true;
}

bool Emitter::emit(const PickleValuePtr &pointer, int depth)
{
    if (!pointer)
        return fail(PickleModuleWriterText::tr("the pickle holds an empty value"));
    if (depth > kMaxDepth)
        return fail(PickleModuleWriterText::tr("the pickle nests values more than %1 deep").arg(kMaxDepth));
    const PickleValue &value = *pointer;
    if (const auto it = m_memo.find(&value); it != m_memo.end()) {
        m_out.get(it->second);
        return true;
    }
    switch (value.type) {
    case Type::None:
        m_out.none();
        return true;
    case Type::Bool:
        m_out.boolean(value.boolean);
        return true;
    case Type::Int:
        m_out.integer(value.integer);
        return true;
    case Type::BigInt:
        m_out.bigInteger(value.bytes());
        return true;
    case Type::Float:
        m_out.real(value.real);
        return true;
    case Type::Bytes:
        m_out.bytes(value.bytes());
        return true;
    case Type::String:
        return string(value, depth);
    case Type::Tuple:
        return tuple(value, depth);
    case Type::List:
        return list(value, depth);
    case Type::Set:
        return set(value, depth);
    case Type::Dict:
        return dict(value, depth);
    case Type::Global:
        global(value);
        return true;
    case Type::Object:
        return object(value, depth);
    case Type::Storage: {
        QString key;
        if (!storageId(int(value.integer), &key))
            return false;
        remember(&value);
        return true;
    }
    case Type::Tensor:
        return tensor(value);
    case Type::Refused:
        return fail(
            PickleModuleWriterText::tr(
                "the model holds a call Torchscope refused to make (%1), so it cannot be written back "
                "as it was")
                .arg(value.text()));
    case Type::Mark:
        break;
    }
    return fail(PickleModuleWriterText::tr("the pickle holds a value that cannot be written back"));
}

bool Emitter::string(const PickleValue &value, int depth)
{
    if (!value.constructor) {
        m_out.string(value.text());
        return true;
    }
    m_out.global("torch", "device"); // torch.device("cuda", 0)
    if (!tupleOf(value.items, depth))
        return false;
    m_out.reduce();
    remember(&value);
    return true;
}

bool Emitter::tuple(const PickleValue &value, int depth)
{
    if (m_tuplesOpen.count(&value))
        return fail(PickleModuleWriterText::tr("the pickle holds a tuple that contains itself"));
    m_tuplesOpen.insert(&value);
    const bool size = value.constructor != nullptr; // torch.Size((2, 3))
    if (size) {
        m_out.global("torch", "Size");
        m_out.mark();
    }
    if (!tupleOf(value.items, depth))
        return false;
    if (size) {
        m_out.tuple();
        m_out.reduce();
    }
    m_tuplesOpen.erase(&value);
    remember(&value);
    return true;
}

bool Emitter::list(const PickleValue &value, int depth)
{
    m_out.emptyList();
    remember(&value);
    for (size_t start = 0; start < value.items.size(); start += kBatch) {
        m_out.mark();
        for (size_t i = start; i < std::min(value.items.size(), start + kBatch); ++i) {
            if (!emit(value.items[i], depth + 1))
                return false;
        }
        m_out.appends();
    }
    return true;
}

// set([items]) / frozenset([items]), as protocol 2 writes them.
bool Emitter::set(const PickleValue &value, int depth)
{
    m_out.global("builtins", value.constructor ? "frozenset" : "set");
    m_out.mark();
    m_out.emptyList();
    m_out.mark();
    if (!items(value.items, depth))
        return false;
    m_out.appends();
    m_out.tuple();
    m_out.reduce();
    remember(&value);
    return true;
}

bool Emitter::dict(const PickleValue &value, int depth)
{
    const QLatin1String constructor(value.constructor ? value.constructor : "");
    if (constructor.isEmpty()) {
        if (value.state)
            return fail(PickleModuleWriterText::tr("the pickle sets attributes on a plain dict"));
        m_out.emptyDict();
    } else if (constructor == QLatin1String("collections.OrderedDict")) {
        m_out.global("collections", "OrderedDict");
        m_out.emptyTuple();
        m_out.reduce();
    } else { // collections.defaultdict(factory)
        m_out.global("collections", "defaultdict");
        if (!tupleOf(value.items, depth))
            return false;
        m_out.reduce();
    }
    remember(&value);
    return entries(value, depth) && stateOf(value, depth);
}

bool Emitter::object(const PickleValue &value, int depth)
{
    if (value.constructor && QLatin1String(value.constructor) == QLatin1String("copyreg.__newobj_ex__"))
        return fail(PickleModuleWriterText::tr("%1 was made with keyword arguments, which are not kept")
                        .arg(value.text()));
    global(value);
    if (!tupleOf(value.items, depth))
        return false;
    // An object made by a function (an old module's backend) is made by it again.
    if (value.constructor)
        m_out.reduce();
    else
        m_out.newObject();
    remember(&value);
    // A dict subclass's items, then its attributes, in the order pickle writes them.
    return entries(value, depth) && stateOf(value, depth);
}

bool Emitter::stateOf(const PickleValue &value, int depth)
{
    if (!value.state)
        return true;
    if (!emit(value.state, depth + 1))
        return false;
    m_out.build();
    return true;
}
} // namespace

bool PickleModuleWriter::prepare(const PickleModuleGraph &graph, const QString &modulePath,
                                 const TensorState &state, QString *error)
{
    const PickleValuePtr module = graph.modules.value(modulePath);
    if (!module) {
        *error = PickleModuleWriterText::tr("no module named \"%1\" in the pickle").arg(modulePath);
        return false;
    }
    Emitter emitter(graph, state);
    if (!emitter.emit(module, 0)) {
        *error =
            PickleModuleWriterText::tr("cannot write this model back as a pickle: %1").arg(emitter.error());
        return false;
    }
    m_pickle = emitter.finish();
    m_records = emitter.takeRecords();
    return true;
}

bool PickleModuleWriter::write(QIODevice *device, const Progress &progress, QString *error) const
{
    return StateDictWriter::writeArchive(m_pickle, m_records, device, progress, error);
}

} // namespace torchscope
