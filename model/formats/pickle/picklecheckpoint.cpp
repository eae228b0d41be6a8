#include "formats/pickle/picklecheckpoint.h"

#include "formats/pickle/picklemodule.h"
#include "formats/pickle/picklevalues.h"
#include "formats/pickle/safeunpickler.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <climits>
#include <memory>
#include <vector>

namespace torchscope {

void addRefusedCalls(const SafeUnpickler &unpickler, const QString &place, CheckpointContent *out)
{
    for (const RefusedCall &call : unpickler.refusedCalls())
        out->refusedCalls.append({call.callable, call.arguments, place, call.offset});
}

bool applyRefusals(const SafeUnpickler &unpickler, const QString &place, CheckpointContent *out,
                   QString *error)
{
    addRefusedCalls(unpickler, place, out);
    const QStringList &refusals = unpickler.refusals();
    out->warnings = refusals + out->warnings;
    // Values beside the refusals are content (a pickled TrainingArguments); refusals alone are not.
    const bool onlyRefused =
        std::all_of(out->values.begin(), out->values.end(),
                    [](const CheckpointValue &value) { return value.type == QLatin1String("refused"); });
    if (out->tensors.empty() && onlyRefused && !refusals.isEmpty()) {
        *error = refusals.first();
        return false;
    }
    return true;
}

namespace {
constexpr int kMaxDepth = 200;
using Type = PickleValue::Type;

// lupdate sees the strings of this file under the context PickleCheckpoint.
struct PickleCheckpointText
{
    Q_DECLARE_TR_FUNCTIONS(PickleCheckpoint)
};

QString join(const QString &prefix, const QString &name)
{
    return prefix.isEmpty() ? name : prefix + QLatin1Char('.') + name;
}

// Marks a value as being walked until the walk of it returns, failures included (a reader may walk
// the values again): a walk that reaches it again meanwhile has found a cycle.
class Visiting
{
public:
    explicit Visiting(const PickleValuePtr &value) : m_value(value) { m_value->visiting = true; }
    ~Visiting() { m_value->visiting = false; }
    Visiting(const Visiting &) = delete;
    Visiting &operator=(const Visiting &) = delete;

private:
    PickleValuePtr m_value;
};

QString keyText(const PickleValuePtr &key)
{
    if (!key)
        return QString();
    if (key->type == Type::String)
        return key->text();
    if (key->type == Type::Int)
        return QString::number(key->integer);
    return QString();
}
} // namespace

void parseScriptClasses(const QString &qualifiedPrefix, const QString &source, ScriptClassTable *table)
{
    static const QRegularExpression classLine(
        QStringLiteral("^class\\s+(\\w+)\\s*\\(\\s*Module\\s*\\)\\s*:"));
    static const QRegularExpression listLine(
        QStringLiteral("^\\s+(__parameters__|__buffers__)\\s*=\\s*\\[(.*)\\]"));
    static const QRegularExpression quoted(QStringLiteral("\"([^\"]*)\""));
    ScriptClassInfo *current = nullptr;
    const QStringList lines = source.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("class "))) {
            const QRegularExpressionMatch match = classLine.match(line);
            current = match.hasMatch() ? &(*table)[qualifiedPrefix + QLatin1Char('.') + match.captured(1)]
                                       : nullptr;
            continue;
        }
        if (!current)
            continue;
        const QRegularExpressionMatch match = listLine.match(line);
        if (!match.hasMatch())
            continue;
        QSet<QString> &names =
            match.captured(1) == QLatin1String("__parameters__") ? current->parameters : current->buffers;
        auto it = quoted.globalMatch(match.captured(2));
        while (it.hasNext())
            names.insert(it.next().captured(1));
    }
}

PickleCheckpoint::PickleCheckpoint(const std::vector<StorageRef> &storages, StorageResolver resolver)
    : m_storages(storages), m_resolver(std::move(resolver)), m_resolved(storages.size()),
      m_viewsOfStorage(storages.size())
{
}

QString PickleCheckpoint::cleanScriptTypeName(const QString &qualifiedName)
{
    QStringList parts = qualifiedName.split(QLatin1Char('.'));
    parts.removeIf([](const QString &part) {
        return part == QLatin1String("__torch__") || part.startsWith(QLatin1String("___torch_mangle_"));
    });
    return parts.join(QLatin1Char('.'));
}

bool PickleCheckpoint::isPickledModule(const PickleValuePtr &value)
{
    return value && value->type == Type::Object && value->state && value->state->type == Type::Dict &&
           value->state->get(QStringLiteral("_modules")) && value->state->get(QStringLiteral("_parameters"));
}

bool PickleCheckpoint::isScriptModule(const PickleValuePtr &value) const
{
    if (!value || value->type != Type::Object || !value->text().startsWith(QLatin1String("__torch__.")))
        return false;
    if (m_classes && m_classes->contains(value->text()))
        return true;
    return value->state && value->state->get(QStringLiteral("training"));
}

bool PickleCheckpoint::makeTensor(const QString &name, const TensorRecord &record, TensorInfo *tensor,
                                  QString *error)
{
    if (record.meta) {
        tensor->name = name;
        tensor->dtype = record.dtype;
        tensor->shape = record.shape;
        tensor->strides = record.strides;
        tensor->meta = true;
        if (!m_metaNames.contains(name))
            m_metaNames << name;
        return tensor->validateView(error);
    }
    if (record.storage < 0 || size_t(record.storage) >= m_storages.size()) {
        *error = PickleCheckpointText::tr("%1: bad storage reference").arg(name);
        return false;
    }
    std::shared_ptr<const TensorStorage> &storage = m_resolved[size_t(record.storage)];
    if (!storage) {
        storage = m_resolver(record.storage, error);
        if (!storage)
            return false;
    }
    tensor->name = name;
    tensor->dtype = record.dtype != DType::Invalid ? record.dtype : m_storages[size_t(record.storage)].dtype;
    if (!record.subclass.isEmpty())
        m_out->warnings << PickleCheckpointText::tr("%1 is a %2 (a tensor subclass): shown as its data")
                               .arg(name, record.subclass);
    tensor->shape = record.shape;
    tensor->strides = record.strides;
    tensor->storageOffset = record.storageOffset;
    tensor->storage = storage;
    return tensor->validateView(error);
}

bool PickleCheckpoint::readQuantization(TensorInfo *tensor, const QuantizerRecord &quantizer, QString *error)
{
    auto quantization = std::make_shared<Quantization>();
    quantization->scheme = quantizer.scheme;
    quantization->axis = quantizer.axis;
    if (quantizer.scheme == Quantization::Scheme::PerTensorAffine) {
        quantization->scales = {quantizer.scale};
        quantization->zeroPoints = {double(quantizer.zeroPoint)};
    } else {
        // The per-channel scales and zero points are small tensors of their own.
        const std::pair<const std::shared_ptr<TensorRecord> *, QVector<double> *> parts[] = {
            {&quantizer.scales, &quantization->scales}, {&quantizer.zeroPoints, &quantization->zeroPoints}};
        for (const auto &[record, values] : parts) {
            TensorInfo part;
            if (!*record || !makeTensor(tensor->name, **record, &part, error))
                return false;
            const QByteArray bytes = part.contiguousBytes();
            const int size = dtypeElementSize(part.dtype);
            if (part.shape.size() != 1 || dtypeIsQuantized(part.dtype) ||
                part.numel() != tensor->shape[quantizer.axis]) {
                *error =
                    PickleCheckpointText::tr("%1: per-channel scales or zero points do not match axis %2")
                        .arg(tensor->name)
                        .arg(quantizer.axis);
                return false;
            }
            for (qint64 i = 0; i < part.numel(); ++i)
                values->append(dtypeElementToDouble(part.dtype, bytes.constData() + i * size));
            // PyTorch pickles the float-qparams scheme as per_channel_affine with floating-point zero
            // points, and tells them apart by that when it loads.
            if (values == &quantization->zeroPoints && dtypeIsFloatingPoint(part.dtype))
                quantization->scheme = Quantization::Scheme::PerChannelAffineFloatQParams;
        }
    }
    tensor->quantization = std::move(quantization);
    return true;
}

bool PickleCheckpoint::addTensor(const QString &name, const TensorRecord &record, TensorKind kind,
                                 bool hasFlag, QString *error)
{
    TensorInfo tensor;
    if (!makeTensor(name, record, &tensor, error))
        return false;
    tensor.kind = kind;
    tensor.hasRequiresGrad = hasFlag;
    tensor.requiresGrad = hasFlag && record.requiresGrad;
    if (dtypeIsQuantized(tensor.dtype) != bool(record.quantizer)) {
        *error = record.quantizer ? PickleCheckpointText::tr("%1: a quantizer on a %2 storage")
                                        .arg(name, dtypeName(tensor.dtype))
                                  : PickleCheckpointText::tr("%1: a %2 storage without a quantizer")
                                        .arg(name, dtypeName(tensor.dtype));
        return false;
    }
    if (record.quantizer && !readQuantization(&tensor, *record.quantizer, error))
        return false;
    // The same view of the same storage is the same tensor: tied weights. Only tensors over one
    // storage need comparing, so each storage lists the first tensor of each of its views.
    const int index = int(m_out->tensors.size());
    if (m_graph)
        m_graph->tensorIndex.emplace(&record, index);
    if (record.meta) { // no storage: nothing to share
        m_out->tensors.push_back(std::move(tensor));
        return true;
    }
    std::vector<int> &views = m_viewsOfStorage[size_t(record.storage)];
    const auto sameView = [&](int other) {
        const TensorInfo &first = m_out->tensors[size_t(other)];
        return first.storageOffset == record.storageOffset && first.shape == record.shape &&
               first.strides == record.strides;
    };
    if (const auto first = std::find_if(views.begin(), views.end(), sameView);
        first != views.end() && tensor.numel() > 0)
        tensor.tiedTo = *first;
    else if (first == views.end())
        views.push_back(index);
    m_out->tensors.push_back(std::move(tensor));
    return true;
}

bool PickleCheckpoint::walkDict(const PickleValuePtr &value, const QString &prefix, int depth, QString *error)
{
    if (!value || depth > kMaxDepth || value->visiting)
        return true; // cycles and absurd nesting hold no tensors we can name
    switch (value->type) {
    case Type::Tensor:
        return addTensor(prefix.isEmpty() ? QStringLiteral("tensor") : prefix, *value->tensor,
                         TensorKind::Tensor, false, error);
    case Type::Object:
        if (isPickledModule(value)) // a module inside a dict ({"model": model, ...}) shows under its key
            return walkPickledModule(value, prefix, depth + 1, error);
        return walkObject(value, prefix, depth, error);
    case Type::Refused:
        // A refused call's result whose items SETITEMS set (an OrderedDict subclass) holds them as a
        // dict does; any other is a value that names the call.
        if (value->entries.empty()) {
            addValue(prefix, value);
            return true;
        }
        [[fallthrough]];
    case Type::Dict:
    case Type::List:
    case Type::Tuple:
    case Type::Set:
        return walkContainer(value, prefix, depth, error);
    default:
        addValue(prefix, value);
        return true;
    }
}

bool PickleCheckpoint::walkContainer(const PickleValuePtr &value, const QString &prefix, int depth,
                                     QString *error)
{
    const Visiting visiting(value);
    const bool keyed =
        value->type == Type::Dict || value->type == Type::Refused || value->type == Type::Object;
    if (keyed ? value->entries.empty() : value->items.empty()) {
        addValue(prefix, value);
        return true;
    }
    if (keyed) {
        for (const auto &[key, item] : value->entries) {
            const QString name = keyText(key);
            if (!name.isNull() && !walkDict(item, join(prefix, name), depth + 1, error))
                return false;
        }
        return true;
    }
    for (size_t i = 0; i < value->items.size(); ++i) {
        if (!walkDict(value->items[i], join(prefix, QString::number(i)), depth + 1, error))
            return false;
    }
    return true;
}

bool PickleCheckpoint::walkObject(const PickleValuePtr &object, const QString &prefix, int depth,
                                  QString *error)
{
    // A dict subclass's instance (Lightning's AttributeDict) holds its items as a dict does.
    if (!object->entries.empty())
        return walkContainer(object, prefix, depth, error);
    // OmegaConf's containers keep their items in _content, their leaves in _val.
    if (object->text().startsWith(QLatin1String("omegaconf.")) && object->state &&
        object->state->type == Type::Dict) {
        if (const PickleValuePtr content = object->state->get(QStringLiteral("_content")))
            return walkDict(content, prefix, depth + 1, error);
        if (const PickleValuePtr leaf = object->state->get(QStringLiteral("_val")))
            return walkDict(leaf, prefix, depth + 1, error);
    }
    // A class record (argparse.Namespace, a dataclass): its class, then its attributes.
    addValue(prefix, object);
    const Visiting visiting(object);
    const PickleValuePtr &state = object->state;
    if (!state)
        return true;
    if (state->type == Type::Dict)
        return walkContainer(state, prefix, depth, error);
    // (__dict__, __slots__ values), as object.__reduce_ex__ gives a class with slots.
    if (state->type == Type::Tuple && state->items.size() == 2) {
        for (const PickleValuePtr &part : state->items) {
            if (part->type == Type::Dict && !part->entries.empty() &&
                !walkContainer(part, prefix, depth, error))
                return false;
        }
        return true;
    }
    return walkDict(state, join(prefix, QStringLiteral("state")), depth + 1, error);
}

void PickleCheckpoint::addValue(const QString &path, const PickleValuePtr &value)
{
    if (m_out->values.size() >= kMaxCheckpointValues) {
        ++m_valuesLeftOut;
        return;
    }
    m_out->values.append(checkpointValueOf(path.isEmpty() ? QStringLiteral("value") : path, *value));
}

bool PickleCheckpoint::walkPackedParams(const PickleValuePtr &value, const QString &path, int depth,
                                        QString *error)
{
    // Quantized modules keep their weights in packed objects (torch.ScriptObject of
    // torch.classes.quantized.*PackedParamsBase) that pickle their (weight, bias, ...) as state: list
    // those tensors under the attribute's name, as the module's state_dict names them.
    if (!value || value->type != Type::Object || !value->state ||
        (value->text() != QLatin1String("torch.ScriptObject") &&
         !value->text().startsWith(QLatin1String("__torch__.torch.classes."))))
        return true;
    const PickleValuePtr &state = value->state;
    const PickleValuePtr payload =
        state->type == Type::Tuple && state->items.size() == 2 && state->items[1]->isString() &&
                state->items[0]->isSequence()
            ? state->items[0] // (state, class name) of a ScriptObject pickled by torch.save
            : state;
    return walkDict(payload, path, depth + 1, error);
}

bool PickleCheckpoint::walkPickledModule(const PickleValuePtr &module, const QString &path, int depth,
                                         QString *error)
{
    if (depth > kMaxDepth || module->visiting)
        return true;
    const Visiting visiting(module);
    m_out->modules.append({path, module->text()});
    if (m_graph)
        m_graph->modules.insert(path, module);
    // One pass over the module's attributes finds the four that hold its tensors and children (the
    // first of each name, as a dict lookup would) and walks the packed parameters among the rest.
    PickleValuePtr parameters = nullptr, buffers = nullptr, children = nullptr, nonPersistentSet = nullptr;
    for (const auto &[key, value] : module->state->entries) {
        if (!key || key->type != Type::String)
            continue;
        const QString &name = key->text();
        if (!parameters && name == QLatin1String("_parameters"))
            parameters = value;
        else if (!buffers && name == QLatin1String("_buffers"))
            buffers = value;
        else if (!children && name == QLatin1String("_modules"))
            children = value;
        else if (!nonPersistentSet && name == QLatin1String("_non_persistent_buffers_set"))
            nonPersistentSet = value;
    }
    QSet<QString> nonPersistent;
    if (nonPersistentSet) {
        for (const PickleValuePtr &item : nonPersistentSet->items)
            nonPersistent.insert(keyText(item));
    }
    if (parameters && parameters->type == Type::Dict) {
        for (const auto &[key, value] : parameters->entries) {
            if (value && value->type == Type::Tensor &&
                !addTensor(join(path, keyText(key)), *value->tensor, TensorKind::Parameter, true, error))
                return false;
        }
    }
    if (buffers && buffers->type == Type::Dict) {
        for (const auto &[key, value] : buffers->entries) {
            if (value && value->type == Type::Tensor && !nonPersistent.contains(keyText(key)) &&
                !addTensor(join(path, keyText(key)), *value->tensor, TensorKind::Buffer, false, error))
                return false;
        }
    }
    for (const auto &[key, value] : module->state->entries) {
        if (value && value->type == Type::Object &&
            !walkPackedParams(value, join(path, keyText(key)), depth, error))
            return false;
    }
    if (children && children->type == Type::Dict) {
        for (const auto &[key, value] : children->entries) {
            if (isPickledModule(value) &&
                !walkPickledModule(value, join(path, keyText(key)), depth + 1, error))
                return false;
        }
    }
    return true;
}

bool PickleCheckpoint::walkScriptModule(const PickleValuePtr &module, const QString &path, int depth,
                                        QString *error)
{
    if (depth > kMaxDepth || module->visiting || !module->state || module->state->type != Type::Dict)
        return true;
    const Visiting visiting(module);
    m_out->modules.append({path, cleanScriptTypeName(module->text())});
    const ScriptClassInfo info = m_classes ? m_classes->value(module->text()) : ScriptClassInfo();
    const auto &attributes = module->state->entries;
    // state_dict order: this module's parameters, then its buffers, then each child in turn.
    for (const auto &[key, value] : attributes) {
        if (value && value->type == Type::Tensor && info.parameters.contains(keyText(key)) &&
            !addTensor(join(path, keyText(key)), *value->tensor, TensorKind::Parameter, true, error))
            return false;
    }
    for (const auto &[key, value] : attributes) {
        if (value && value->type == Type::Tensor && info.buffers.contains(keyText(key)) &&
            !addTensor(join(path, keyText(key)), *value->tensor, TensorKind::Buffer, false, error))
            return false;
    }
    for (const auto &[key, value] : attributes) {
        if (!walkPackedParams(value, join(path, keyText(key)), depth, error))
            return false;
    }
    for (const auto &[key, value] : attributes) {
        if (isScriptModule(value) && !walkScriptModule(value, join(path, keyText(key)), depth + 1, error))
            return false;
    }
    return true;
}

bool PickleCheckpoint::interpret(const PickleValuePtr &root, const ScriptClassTable *classes,
                                 CheckpointContent *out, QString *error,
                                 const std::shared_ptr<const PickleArena> &arena)
{
    if (!interpretRoot(root, classes, out, error, arena))
        return false;
    if (m_valuesLeftOut > 0)
        out->warnings << PickleCheckpointText::tr("%n more value(s) besides tensors not listed", nullptr,
                                                  int(std::min<qint64>(m_valuesLeftOut, INT_MAX)));
    if (!m_metaNames.isEmpty())
        out->warnings << PickleCheckpointText::tr("%n meta tensor(s), shape and dtype without data: %1",
                                                  nullptr, int(m_metaNames.size()))
                             .arg(QStringList(m_metaNames.mid(0, 5)).join(QStringLiteral(", ")) +
                                  (m_metaNames.size() > 5 ? QStringLiteral(", …") : QString()));
    return true;
}

bool PickleCheckpoint::interpretRoot(const PickleValuePtr &root, const ScriptClassTable *classes,
                                     CheckpointContent *out, QString *error,
                                     const std::shared_ptr<const PickleArena> &arena)
{
    m_out = out;
    m_classes = classes;
    // Most tensors have a storage of their own: room for them at once rather than by doubling.
    out->tensors.reserve(out->tensors.size() + m_storages.size());
    if (classes) {
        out->format = CheckpointFormat::TorchScript;
        if (!isScriptModule(root)) {
            *error = PickleCheckpointText::tr("the TorchScript archive holds no module");
            return false;
        }
        return walkScriptModule(root, QString(), 0, error);
    }
    if (isPickledModule(root)) {
        out->format = CheckpointFormat::PickleModule;
        if (arena)
            m_graph = std::make_shared<PickleModuleGraph>();
        if (!walkPickledModule(root, QString(), 0, error))
            return false;
        if (!m_graph)
            return true;
        // Every storage's bytes, including those of tensors no name reaches (plain attributes).
        m_graph->arena = arena;
        m_graph->root = root;
        m_graph->storages = m_storages;
        for (size_t i = 0; i < m_storages.size(); ++i) {
            QString ignored;
            if (!m_resolved[i])
                m_resolved[i] = m_resolver(int(i), &ignored);
        }
        m_graph->storageData = m_resolved;
        out->sourceGraph = std::move(m_graph);
        return true;
    }
    out->format = CheckpointFormat::StateDict;
    // The values are kept too: a weights-only-safe copy writes them back (WeightsOnlySafeWriter).
    if (arena)
        m_graph = std::make_shared<PickleModuleGraph>();
    if (root && (root->type == Type::Dict || root->type == Type::Object)) {
        for (const auto &[key, item] : root->entries) {
            if (const QString name = keyText(key); !name.isNull())
                out->rootKeys << name;
        }
    }
    if (!walkDict(root, QString(), 0, error))
        return false;
    if (m_graph) {
        m_graph->arena = arena;
        m_graph->root = root;
        m_graph->storages = m_storages;
        // A model pickled whole inside the dict ({"model": model, "optimizer": ...}) can be written back
        // as the entire model it is: every storage's bytes, as for a pickled module.
        if (!m_graph->modules.isEmpty()) {
            for (size_t i = 0; i < m_storages.size(); ++i) {
                QString ignored;
                if (!m_resolved[i])
                    m_resolved[i] = m_resolver(int(i), &ignored);
            }
            m_graph->storageData = m_resolved;
        }
        out->sourceGraph = std::move(m_graph);
    }
    return true;
}

} // namespace torchscope
