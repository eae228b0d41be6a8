#include "formats/pickle/safeunpickler.h"

#include "tensor/bytes.h"
#include "tensor/tensorinfo.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <vector>

namespace torchscope {

namespace {
constexpr size_t kMaxStack = size_t(1) << 22;
// About 1.5 GB of values at most, whatever a hostile pickle asks for; a state_dict uses ~20 a tensor.
constexpr qint64 kMaxValues = qint64(8) << 20;
constexpr int kMaxMemo = 1 << 24;
constexpr qint64 kMaxLine = 1 << 16;
constexpr int kMaxDimensions = 64;

using Type = PickleValue::Type;

// lupdate sees the strings of this file under the context SafeUnpickler.
struct SafeUnpicklerText
{
    Q_DECLARE_TR_FUNCTIONS(SafeUnpickler)
};

// Python's UTF-8 strings may hold lone surrogates; QString::fromUtf8 replaces what it cannot decode.
QString decodeUtf8(const char *p, qint64 n)
{
    return QString::fromUtf8(p, n);
}

// Protocol 2 writes Python 2 module names; Python 3's unpickler maps them back (fix_imports),
// so that is the name a refusal should show and the known callables should match.
QString python3ModuleName(const QString &module)
{
    static const QHash<QString, QString> renamed{
        {QStringLiteral("__builtin__"), QStringLiteral("builtins")},
        {QStringLiteral("copy_reg"), QStringLiteral("copyreg")},
        {QStringLiteral("commands"), QStringLiteral("subprocess")},
        {QStringLiteral("cPickle"), QStringLiteral("pickle")},
        {QStringLiteral("exceptions"), QStringLiteral("builtins")},
    };
    return renamed.value(module, module);
}

// Python 2's names of builtins that Python 3 renamed, as protocol 2 writers still spell them
// (pickle's fix_imports: int is written as __builtin__.long).
QString python3BuiltinName(const QString &name)
{
    static const QHash<QString, QString> renamed{
        {QStringLiteral("long"), QStringLiteral("int")},
        {QStringLiteral("unicode"), QStringLiteral("str")},
        {QStringLiteral("basestring"), QStringLiteral("str")},
        {QStringLiteral("xrange"), QStringLiteral("range")},
        {QStringLiteral("unichr"), QStringLiteral("chr")},
    };
    return renamed.value(name, name);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The `digits` hex digits at text[at], or -1.
qint64 hexAt(const QByteArray &text, qsizetype at, int digits)
{
    if (at + digits > text.size())
        return -1;
    qint64 value = 0;
    for (int i = 0; i < digits; ++i) {
        const int digit = hexValue(text[at + i]);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

// UNICODE's text: Latin-1 bytes, with \uXXXX and \UXXXXXXXX for everything else (the pickler
// writes backslashes themselves as \u005c).
QString decodeRawUnicodeEscape(const QByteArray &line)
{
    QString out;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size() && (line[i + 1] == 'u' || line[i + 1] == 'U')) {
            const int digits = line[i + 1] == 'u' ? 4 : 8;
            const qint64 code = hexAt(line, i + 2, digits);
            if (code >= 0 && code <= 0x10ffff) {
                const char32_t point = char32_t(code);
                out += QString::fromUcs4(&point, 1);
                i += 1 + digits;
                continue;
            }
        }
        out += QChar(char16_t(uchar(line[i])));
    }
    return out;
}

// STRING's quoted text with Python's escapes (\\, \', \", \n, \r, \t, \xHH): Python 2 bytes,
// which torch.load decodes as UTF-8.
QString decodeStringEscapes(const QByteArray &line)
{
    QByteArray out;
    for (qsizetype i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == '\\' && i + 1 < line.size()) {
            const char next = line[++i];
            switch (next) {
            case 'n':
                c = '\n';
                break;
            case 'r':
                c = '\r';
                break;
            case 't':
                c = '\t';
                break;
            case 'x': {
                const qint64 value = hexAt(line, i + 1, 2);
                if (value >= 0) {
                    c = char(value);
                    i += 2;
                } else {
                    c = 'x';
                }
                break;
            }
            default:
                c = next;
                break;
            }
        }
        out += c;
    }
    return QString::fromUtf8(out);
}

// A decimal integer as the little-endian two's complement bytes pickle's LONG1 carries (the fewest
// that hold it, as Python's encode_long writes them).
bool decimalToTwosComplement(const QByteArray &text, QByteArray *out)
{
    const bool negative = text.startsWith('-');
    const QByteArray digits = text.mid(negative || text.startsWith('+') ? 1 : 0);
    if (digits.isEmpty())
        return false;
    std::vector<quint8> magnitude; // little-endian base 256
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return false;
        unsigned carry = unsigned(c - '0');
        for (quint8 &byte : magnitude) {
            const unsigned v = unsigned(byte) * 10 + carry;
            byte = quint8(v & 0xff);
            carry = v >> 8;
        }
        while (carry) {
            magnitude.push_back(quint8(carry & 0xff));
            carry >>= 8;
        }
    }
    magnitude.push_back(0); // room for the sign bit
    if (negative) {
        unsigned carry = 1;
        for (quint8 &byte : magnitude) {
            const unsigned v = unsigned(quint8(~byte)) + carry;
            byte = quint8(v & 0xff);
            carry = v >> 8;
        }
    }
    // Drop bytes that only repeat the sign.
    while (magnitude.size() > 1) {
        const quint8 last = magnitude.back();
        const quint8 previous = magnitude[magnitude.size() - 2];
        if ((last == 0 && !(previous & 0x80)) || (last == 0xff && (previous & 0x80)))
            magnitude.pop_back();
        else
            break;
    }
    out->clear();
    for (const quint8 byte : magnitude)
        out->append(char(byte));
    return true;
}

// True for anything but None and empty containers: hooks, attributes or metadata a value carried.
bool isNonEmpty(const PickleValuePtr &value)
{
    if (!value || value->type == PickleValue::Type::None)
        return false;
    switch (value->type) {
    case PickleValue::Type::Dict:
        return !value->entries.empty();
    case PickleValue::Type::Tuple:
    case PickleValue::Type::List:
    case PickleValue::Type::Set:
        return !value->items.empty();
    default:
        return true;
    }
}

} // namespace

// Classes from these modules are never model code. Constructing one (NEWOBJ calls cls.__new__) or
// restoring state into one (BUILD calls __setstate__) is how a hostile pickle reaches code without
// REDUCE, so those are refused and named like any call; model classes stay inert records.
bool isGadgetClass(const QString &qualifiedName)
{
    static const QSet<QString> modules{
        QStringLiteral("os"),
        QStringLiteral("posix"),
        QStringLiteral("nt"),
        QStringLiteral("subprocess"),
        QStringLiteral("sys"),
        QStringLiteral("shutil"),
        QStringLiteral("socket"),
        QStringLiteral("runpy"),
        QStringLiteral("importlib"),
        QStringLiteral("pickle"),
        QStringLiteral("_pickle"),
        QStringLiteral("marshal"),
        QStringLiteral("code"),
        QStringLiteral("codeop"),
        QStringLiteral("pty"),
        QStringLiteral("ctypes"),
        QStringLiteral("types"),
        QStringLiteral("functools"),
        QStringLiteral("operator"),
        QStringLiteral("timeit"),
        QStringLiteral("pip"),
        QStringLiteral("webbrowser"),
        QStringLiteral("io"),
        QStringLiteral("_io"),
        QStringLiteral("multiprocessing"),
        QStringLiteral("threading"),
        QStringLiteral("signal"),
        QStringLiteral("pdb"),
        QStringLiteral("bdb"),
        QStringLiteral("inspect"),
        QStringLiteral("distutils"),
        QStringLiteral("setuptools"),
        QStringLiteral("tempfile"),
    };
    // builtins holds both eval and the plain data types; only the data types may be constructed.
    static const QSet<QString> builtinData{
        QStringLiteral("object"), QStringLiteral("dict"),  QStringLiteral("list"),
        QStringLiteral("tuple"),  QStringLiteral("set"),   QStringLiteral("frozenset"),
        QStringLiteral("int"),    QStringLiteral("float"), QStringLiteral("complex"),
        QStringLiteral("str"),    QStringLiteral("bytes"), QStringLiteral("bytearray"),
        QStringLiteral("bool"),   QStringLiteral("slice"), QStringLiteral("range"),
    };
    const QString module = qualifiedName.section(QLatin1Char('.'), 0, 0);
    if (module == QLatin1String("builtins"))
        return !builtinData.contains(qualifiedName.section(QLatin1Char('.'), 1));
    return modules.contains(module);
}

namespace {
using KnownCallable = SafeUnpickler::KnownCallable;

quint8 knownCallable(const QString &name)
{
    static const QHash<QString, KnownCallable> known{
        {QStringLiteral("collections.OrderedDict"), KnownCallable::OrderedDict},
        {QStringLiteral("builtins.dict"), KnownCallable::Dict},
        {QStringLiteral("collections.defaultdict"), KnownCallable::DefaultDict},
        {QStringLiteral("torch._utils._rebuild_tensor_v2"), KnownCallable::RebuildTensor},
        {QStringLiteral("torch._utils._rebuild_tensor"), KnownCallable::RebuildTensor},
        {QStringLiteral("torch._utils._rebuild_tensor_v3"), KnownCallable::RebuildTensorV3},
        {QStringLiteral("torch._utils._rebuild_wrapper_subclass"), KnownCallable::RebuildWrapperSubclass},
        {QStringLiteral("torch._utils._rebuild_meta_tensor_no_storage"), KnownCallable::RebuildMetaTensor},
        {QStringLiteral("torch._utils._rebuild_qtensor"), KnownCallable::RebuildQuantizedTensor},
        {QStringLiteral("torch._utils._rebuild_parameter"), KnownCallable::RebuildParameter},
        {QStringLiteral("torch._utils._rebuild_parameter_with_state"), KnownCallable::RebuildParameter},
        {QStringLiteral("torch.nn.parameter.Parameter"), KnownCallable::Parameter},
        {QStringLiteral("torch.nn.backends.thnn._get_thnn_function_backend"), KnownCallable::ThnnBackend},
        {QStringLiteral("torch._tensor._rebuild_from_type_v2"), KnownCallable::RebuildFromType},
        {QStringLiteral("_codecs.encode"), KnownCallable::CodecsEncode},
        {QStringLiteral("builtins.set"), KnownCallable::Set},
        {QStringLiteral("builtins.frozenset"), KnownCallable::FrozenSet},
        {QStringLiteral("torch.Size"), KnownCallable::Size},
        {QStringLiteral("builtins.tuple"), KnownCallable::Tuple},
        {QStringLiteral("torch.device"), KnownCallable::Device},
        {QStringLiteral("torch.jit._pickle.restore_type_tag"), KnownCallable::RestoreTypeTag},
    };
    if (name.startsWith(QLatin1String("torch.jit._pickle.build_")))
        return quint8(KnownCallable::JitBuildList);
    return quint8(known.value(name, KnownCallable::None));
}

} // namespace

bool isInterpretedCallable(const QString &qualifiedName)
{
    return knownCallable(qualifiedName) != quint8(KnownCallable::None);
}

SafeUnpickler::SafeUnpickler(const char *data, qint64 size, std::shared_ptr<PickleArena> arena)
    : m_data(data), m_size(size), m_arena(arena ? std::move(arena) : std::make_shared<PickleArena>())
{
}

DType SafeUnpickler::dtypeForStorageClass(const QString &className)
{
    // PyTorch 2.x's untyped storage counts bytes; the tensors on it say their element type.
    if (className == QLatin1String("torch.storage.UntypedStorage") ||
        className == QLatin1String("torch.UntypedStorage"))
        return DType::UInt8;
    if (!className.startsWith(QLatin1String("torch.")))
        return DType::Invalid;
    return dtypeFromStorageClass(QStringView(className).mid(6));
}

bool SafeUnpickler::fail(const QString &reason)
{
    m_error = SafeUnpicklerText::tr("pickle: %1 (at byte %2)").arg(reason).arg(m_pos);
    return false;
}

bool SafeUnpickler::need(qint64 count)
{
    if (!rangeInside(m_pos, count, m_size))
        return fail(SafeUnpicklerText::tr("truncated data"));
    return true;
}

PickleValuePtr SafeUnpickler::pop()
{
    if (m_stack.empty() || m_stack.back()->type == Type::Mark)
        return nullptr;
    PickleValuePtr value = m_stack.back();
    m_stack.pop_back();
    return value;
}

bool SafeUnpickler::popMark(std::vector<PickleValuePtr> *items)
{
    size_t i = m_stack.size();
    while (i > 0 && m_stack[i - 1]->type != Type::Mark)
        --i;
    if (i == 0)
        return fail(SafeUnpicklerText::tr("MARK missing"));
    items->assign(std::make_move_iterator(m_stack.begin() + qsizetype(i)),
                  std::make_move_iterator(m_stack.end()));
    m_stack.resize(i - 1);
    // The one place a mark leaves the stack, so the count of open marks is kept here and in MARK only.
    --m_openMarks;
    return true;
}

bool SafeUnpickler::readLine(QByteArray *line)
{
    const qint64 limit = std::min(m_size, m_pos + kMaxLine);
    for (qint64 i = m_pos; i < limit; ++i) {
        if (m_data[i] == '\n') {
            *line = QByteArray(m_data + m_pos, i - m_pos);
            m_pos = i + 1;
            return true;
        }
    }
    return fail(SafeUnpicklerText::tr("unterminated line"));
}

void SafeUnpickler::noteGlobal(const QString &name)
{
    if (!m_globalSet.contains(name)) {
        m_globalSet.insert(name);
        m_globals << name;
    }
}

namespace {
// A value as Python would write it in a call, for a person reading a finding: strings quoted and
// escaped, containers one level deep.
QString pythonNotation(const PickleValuePtr &value, int depth)
{
    using Type = PickleValue::Type;
    if (!value)
        return QStringLiteral("?");
    switch (value->type) {
    case Type::String: {
        QString text = value->text().left(200);
        text.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'\'', QStringLiteral("\\'"))
            .replace(u'\n', QStringLiteral("\\n"));
        return u'\'' + text + (value->text().size() > 200 ? QStringLiteral("...'") : QStringLiteral("'"));
    }
    case Type::Bytes:
        return QStringLiteral("b'<%1 bytes>'").arg(value->bytes().size());
    case Type::Tuple:
    case Type::List:
    case Type::Set: {
        if (depth > 1)
            return value->type == Type::Tuple ? QStringLiteral("(...)") : QStringLiteral("[...]");
        QStringList items;
        for (const PickleValuePtr &item : value->items)
            items << pythonNotation(item, depth + 1);
        const QString joined = items.join(QStringLiteral(", "));
        if (value->type == Type::Tuple)
            return u'(' + joined + (items.size() == 1 ? QStringLiteral(",)") : QStringLiteral(")"));
        return value->type == Type::List ? u'[' + joined + u']' : u'{' + joined + u'}';
    }
    case Type::Dict: {
        if (depth > 1)
            return QStringLiteral("{...}");
        QStringList items;
        for (const auto &[key, item] : value->entries)
            items << pythonNotation(key, depth + 1) + QStringLiteral(": ") + pythonNotation(item, depth + 1);
        return u'{' + items.join(QStringLiteral(", ")) + u'}';
    }
    case Type::Refused:
        return value->text() + QStringLiteral("(...)");
    default:
        return value->describe();
    }
}
} // namespace

PickleValuePtr SafeUnpickler::refuse(const QString &what, const PickleValueList &arguments, bool isCall)
{
    const QString message = SafeUnpicklerText::tr("would call %1 on load; refused").arg(what);
    if (!m_refusals.contains(message))
        m_refusals << message;
    // A function handed to a refused call is named in that call's arguments, not as a call of its own.
    if (isCall && m_refusedCallCount++ < kMaxRefusedCalls) {
        QStringList parts;
        for (const PickleValuePtr &argument : arguments)
            parts << pythonNotation(argument, 1);
        QString text = parts.join(QStringLiteral(", "));
        if (text.size() > 400)
            text = text.left(400) + QStringLiteral("...");
        m_refusedCalls.append({what, text, m_opStart});
    }
    auto value = m_arena->make(Type::Refused);
    m_arena->setText(value, what);
    return value;
}

PickleValuePtr SafeUnpickler::persistentLoad(const PickleValuePtr &pid)
{
    if (!pid || pid->type != Type::Tuple || pid->items.empty() || !pid->items[0]->isString()) {
        auto value = m_arena->make(Type::Refused);
        m_arena->setText(value, SafeUnpicklerText::tr("unknown persistent id"));
        return value;
    }
    const QString kind = pid->items[0]->text();
    // Legacy whole-model saves name classes as ('module', class, source file, source).
    if (kind == QLatin1String("module") && pid->items.size() >= 2)
        return pid->items[1];
    if (kind != QLatin1String("storage") || (pid->items.size() != 5 && pid->items.size() != 6)) {
        auto value = m_arena->make(Type::Refused);
        m_arena->setText(value, SafeUnpicklerText::tr("persistent id '%1'").arg(kind));
        return value;
    }
    const PickleValuePtr &type = pid->items[1];
    const PickleValuePtr &key = pid->items[2];
    const PickleValuePtr &location = pid->items[3];
    const PickleValuePtr &numel = pid->items[4];
    if (type->type != Type::Global || (key->type != Type::String && key->type != Type::Int) ||
        numel->type != Type::Int || numel->integer < 0) {
        fail(SafeUnpicklerText::tr("malformed storage reference"));
        return nullptr;
    }
    if (numel->integer > kMaxTensorElements) {
        fail(SafeUnpicklerText::tr("storage of %1 elements: more than 2^40").arg(numel->integer));
        return nullptr;
    }
    if (pid->items.size() == 6 && pid->items[5]->type != Type::None) {
        fail(SafeUnpicklerText::tr("storage views of the pre-1.0 format are not supported"));
        return nullptr;
    }
    const DType dtype = dtypeForStorageClass(type->text());
    if (dtype == DType::Invalid) {
        fail(SafeUnpicklerText::tr("unsupported storage type %1").arg(type->text()));
        return nullptr;
    }
    const QString keyText = key->type == Type::String ? key->text() : QString::number(key->integer);
    int index = m_storageByKey.value(keyText, -1);
    if (index < 0) {
        index = int(m_storages.size());
        m_storageByKey.insert(keyText, index);
        m_storages.push_back(
            {keyText, dtype, numel->integer, location->isString() ? location->text() : QString()});
    } else if (m_storages[size_t(index)].dtype != dtype ||
               m_storages[size_t(index)].numel != numel->integer) {
        fail(
            SafeUnpicklerText::tr("storage %1 is referenced with two different types or sizes").arg(keyText));
        return nullptr;
    }
    auto value = m_arena->make(Type::Storage);
    value->integer = index;
    return value;
}

PickleValuePtr SafeUnpickler::rebuildTensor(const PickleValueList &args)
{
    // (storage, storage_offset, size, stride[, requires_grad, backward_hooks[, metadata]])
    auto malformed = [&] {
        fail(SafeUnpicklerText::tr("malformed tensor"));
        return nullptr;
    };
    if (args.size() < 4 || args[0]->type != Type::Storage || args[1]->type != Type::Int ||
        !args[2]->isSequence() || !args[3]->isSequence() || args[2]->items.size() != args[3]->items.size() ||
        args[2]->items.size() > size_t(kMaxDimensions))
        return malformed();
    auto record = std::make_shared<TensorRecord>();
    record->storage = int(args[0]->integer);
    record->storageOffset = args[1]->integer;
    for (size_t i = 0; i < args[2]->items.size(); ++i) {
        const PickleValuePtr &size = args[2]->items[i];
        const PickleValuePtr &stride = args[3]->items[i];
        if (size->type != Type::Int || stride->type != Type::Int)
            return malformed();
        record->shape.append(size->integer);
        record->strides.append(stride->integer);
    }
    if (args.size() >= 5 && args[4]->type == Type::Bool)
        record->requiresGrad = args[4]->boolean;
    if (args.size() >= 6 && isNonEmpty(args[5]))
        record->extra = QT_TRANSLATE_NOOP("PickleModuleWriter", "backward hooks");
    if (args.size() >= 7 && isNonEmpty(args[6]))
        record->extra = QT_TRANSLATE_NOOP("PickleModuleWriter", "tensor metadata");
    auto value = m_arena->make(Type::Tensor);
    value->tensor = record;
    return value;
}

PickleValuePtr SafeUnpickler::rebuildMetaTensor(const PickleValueList &args)
{
    // (dtype, size, stride, requires_grad): a tensor on the meta device, which has no data.
    auto malformed = [&] {
        fail(SafeUnpicklerText::tr("malformed meta tensor"));
        return nullptr;
    };
    if (args.size() < 3 || args[0]->type != Type::Global ||
        !args[0]->text().startsWith(QLatin1String("torch.")) || !args[1]->isSequence() ||
        !args[2]->isSequence() || args[1]->items.size() != args[2]->items.size() ||
        args[1]->items.size() > size_t(kMaxDimensions))
        return malformed();
    auto record = std::make_shared<TensorRecord>();
    record->meta = true;
    record->dtype = dtypeFromName(QStringView(args[0]->text()).mid(6));
    if (record->dtype == DType::Invalid)
        return failed(SafeUnpicklerText::tr("unsupported element type %1").arg(args[0]->text()));
    for (size_t i = 0; i < args[1]->items.size(); ++i) {
        if (args[1]->items[i]->type != Type::Int || args[2]->items[i]->type != Type::Int)
            return malformed();
        record->shape.append(args[1]->items[i]->integer);
        record->strides.append(args[2]->items[i]->integer);
    }
    if (args.size() >= 4 && args[3]->type == Type::Bool)
        record->requiresGrad = args[3]->boolean;
    auto value = m_arena->make(Type::Tensor);
    value->tensor = record;
    return value;
}

PickleValuePtr SafeUnpickler::rebuildTensorV3(const PickleValueList &args)
{
    // (untyped_storage, storage_offset, size, stride, requires_grad, backward_hooks, dtype[, metadata]):
    // PyTorch 2.x's form for element types without a typed storage; offset and strides count elements of
    // dtype, the storage counts bytes.
    if (args.size() < 7 || args[6]->type != Type::Global ||
        !args[6]->text().startsWith(QLatin1String("torch.")))
        return failed(SafeUnpicklerText::tr("malformed tensor"));
    const DType dtype = dtypeFromName(QStringView(args[6]->text()).mid(6));
    if (dtype == DType::Invalid)
        return failed(SafeUnpicklerText::tr("unsupported element type %1").arg(args[6]->text()));
    std::vector<PickleValuePtr> plain(args.begin(), args.begin() + 6);
    if (args.size() >= 8)
        plain.push_back(args[7]);
    PickleValuePtr value = rebuildTensor(PickleValueList(plain.data(), plain.size()));
    if (value)
        value->tensor->dtype = dtype;
    return value;
}

PickleValuePtr SafeUnpickler::rebuildQuantizedTensor(const PickleValueList &args)
{
    // (storage, storage_offset, size, stride, quantizer_params, requires_grad, backward_hooks), the
    // quantizer (torch.per_tensor_affine, scale, zero_point) or (torch.per_channel_affine[_float_qparams],
    // scales, zero_points, axis).
    auto malformed = [&] {
        fail(SafeUnpicklerText::tr("malformed quantized tensor"));
        return nullptr;
    };
    if (args.size() < 5 || !args[4] || args[4]->type != Type::Tuple || args[4]->items.empty() ||
        args[4]->items[0]->type != Type::Global)
        return malformed();
    std::vector<PickleValuePtr> plain(args.begin(), args.begin() + 4);
    if (args.size() >= 6)
        plain.push_back(args[5]);
    PickleValuePtr value = rebuildTensor(PickleValueList(plain.data(), plain.size()));
    if (!value)
        return value;
    const PickleValueList &q = args[4]->items;
    const QString &scheme = q[0]->text();
    auto quantizer = std::make_shared<QuantizerRecord>();
    if (scheme == QLatin1String("torch.per_tensor_affine")) {
        if (q.size() != 3 || (q[1]->type != Type::Float && q[1]->type != Type::Int) ||
            q[2]->type != Type::Int)
            return malformed();
        quantizer->scale = q[1]->type == Type::Float ? q[1]->real : double(q[1]->integer);
        quantizer->zeroPoint = q[2]->integer;
    } else if (scheme == QLatin1String("torch.per_channel_affine") ||
               scheme == QLatin1String("torch.per_channel_affine_float_qparams")) {
        if (q.size() != 4 || q[1]->type != Type::Tensor || q[2]->type != Type::Tensor ||
            q[3]->type != Type::Int || q[3]->integer < 0 ||
            q[3]->integer >= qint64(value->tensor->shape.size()))
            return malformed();
        quantizer->scheme = scheme == QLatin1String("torch.per_channel_affine")
                                ? Quantization::Scheme::PerChannelAffine
                                : Quantization::Scheme::PerChannelAffineFloatQParams;
        quantizer->scales = q[1]->tensor;
        quantizer->zeroPoints = q[2]->tensor;
        quantizer->axis = int(q[3]->integer);
    } else {
        fail(SafeUnpicklerText::tr("unsupported quantization scheme %1").arg(scheme));
        return nullptr;
    }
    value->tensor->quantizer = quantizer;
    return value;
}

PickleValuePtr SafeUnpickler::call(const PickleValuePtr &callable, const PickleValuePtr &args)
{
    if (!callable || !args)
        return failed(SafeUnpicklerText::tr("stack underflow"));
    if (callable->type != Type::Global)
        return refuse(callable->describe(),
                      args->type == Type::Tuple ? args->items : PickleValueList(&args, 1));
    const QString &name = callable->text();
    if (args->type != Type::Tuple)
        return refuse(name, PickleValueList(&args, 1)); // formatted at once, not kept
    const PickleValueList &a = args->items;
    const auto known = KnownCallable(callable->callable);
    switch (known) {
    case KnownCallable::None:
        return refuseCall(name, a);
    case KnownCallable::OrderedDict:
    case KnownCallable::Dict:
    case KnownCallable::DefaultDict:
        return makeDict(known, a);
    case KnownCallable::RebuildTensor:
        return rebuildTensor(a);
    case KnownCallable::RebuildTensorV3:
        return rebuildTensorV3(a);
    case KnownCallable::RebuildMetaTensor:
        return rebuildMetaTensor(a);
    case KnownCallable::RebuildWrapperSubclass:
        return refuseWrapperSubclass(name, a);
    case KnownCallable::RebuildQuantizedTensor:
        return rebuildQuantizedTensor(a);
    case KnownCallable::RebuildParameter:
    case KnownCallable::Parameter:
        return rebuildParameter(known, a);
    case KnownCallable::RebuildFromType:
        return rebuildFromType(a);
    default:
        return makeBuiltin(known, name, a);
    }
}

PickleValuePtr SafeUnpickler::makeDict(KnownCallable known, const PickleValueList &a)
{
    auto dict = m_arena->make(Type::Dict);
    if (known == KnownCallable::OrderedDict) {
        dict->constructor = "collections.OrderedDict";
    } else if (known == KnownCallable::DefaultDict) {
        dict->constructor = "collections.defaultdict";
        dict->items = a; // the default factory
        return dict;
    }
    if (!a.empty() && a[0]->isSequence()) {
        for (const PickleValuePtr &pair : a[0]->items) {
            if (pair->isSequence() && pair->items.size() == 2)
                m_arena->append(&dict->entries, PickleEntry{pair->items[0], pair->items[1]});
        }
    }
    return dict;
}

// (cls, dtype, size, stride, offset, layout, device, requires_grad): a tensor whose data is elsewhere
// (a DTensor's other shards on other ranks, a FakeTensor's nowhere): the file holds one process's
// shard at most.
PickleValuePtr SafeUnpickler::refuseWrapperSubclass(const QString &name, const PickleValueList &a)
{
    const QString cls = !a.empty() && a[0]->type == Type::Global ? a[0]->text() : name;
    return failed(SafeUnpicklerText::tr("%1 is a wrapper tensor subclass (such as a sharded DTensor) "
                                        "whose whole data is not in the file, one process's shard at "
                                        "most; save a full state dict (get_state_dict with "
                                        "full_state_dict=True) or a distributed checkpoint instead")
                      .arg(cls));
}

PickleValuePtr SafeUnpickler::rebuildParameter(KnownCallable known, const PickleValueList &a)
{
    if (known == KnownCallable::Parameter) {
        // PyTorch before 1.0 pickled a parameter as Parameter(tensor), its flag set by BUILD after.
        if (a.empty() || a[0]->type != Type::Tensor)
            return failed(SafeUnpicklerText::tr("malformed parameter"));
        auto value = m_arena->make(Type::Tensor);
        value->tensor = std::make_shared<TensorRecord>(*a[0]->tensor);
        value->tensor->isParameter = true;
        value->tensor->requiresGrad = a.size() < 2 || a[1]->type != Type::Bool || a[1]->boolean;
        return value;
    }
    // _rebuild_parameter(data, requires_grad, backward_hooks[, state])
    if (a.size() < 2 || a[0]->type != Type::Tensor || a[1]->type != Type::Bool)
        return failed(SafeUnpicklerText::tr("malformed parameter"));
    auto value = m_arena->make(Type::Tensor);
    value->tensor = std::make_shared<TensorRecord>(*a[0]->tensor);
    value->tensor->isParameter = true;
    value->tensor->requiresGrad = a[1]->boolean;
    if (a.size() >= 3 && isNonEmpty(a[2]))
        value->tensor->extra = QT_TRANSLATE_NOOP("PickleModuleWriter", "backward hooks");
    if (a.size() >= 4 && isNonEmpty(a[3]))
        value->tensor->extra = QT_TRANSLATE_NOOP("PickleModuleWriter", "parameter attributes");
    return value;
}

// (func, new_type, args, state): rebuild with func, then note the subclass.
PickleValuePtr SafeUnpickler::rebuildFromType(const PickleValueList &a)
{
    if (a.size() < 3 || a[1]->type != Type::Global)
        return failed(SafeUnpicklerText::tr("malformed tensor subclass"));
    PickleValuePtr inner = call(a[0], a[2]);
    if (inner && inner->type == Type::Tensor) {
        inner->tensor = std::make_shared<TensorRecord>(*inner->tensor);
        if (a[1]->text() == QLatin1String("torch.nn.parameter.Parameter")) {
            inner->tensor->isParameter = true;
        } else if (a[1]->text() != QLatin1String("torch.Tensor")) {
            inner->tensor->extra = QT_TRANSLATE_NOOP("PickleModuleWriter", "a tensor subclass");
            inner->tensor->subclass = a[1]->text();
        }
        if (a.size() >= 4 && isNonEmpty(a[3]))
            inner->tensor->extra = QT_TRANSLATE_NOOP("PickleModuleWriter", "tensor attributes");
    }
    return inner;
}

// The plain data types and the few harmless functions checkpoints call: built here, not called.
PickleValuePtr SafeUnpickler::makeBuiltin(KnownCallable known, const QString &name, const PickleValueList &a)
{
    const bool sequenceArgument = !a.empty() && a[0]->isSequence();
    switch (known) {
    case KnownCallable::ThnnBackend: { // old modules kept their backend in `_backend`; 1.x loads a
                                       // placeholder
        auto backend = m_arena->make(Type::Object);
        m_arena->setText(backend, name);
        backend->constructor = "torch.nn.backends.thnn._get_thnn_function_backend";
        return backend;
    }
    case KnownCallable::CodecsEncode: {
        auto bytes = m_arena->make(Type::Bytes);
        if (!a.empty() && a[0]->isString())
            m_arena->setBytes(bytes, a[0]->text().toLatin1());
        return bytes;
    }
    case KnownCallable::Set:
    case KnownCallable::FrozenSet:
    case KnownCallable::Size:
    case KnownCallable::Tuple:
    case KnownCallable::JitBuildList: {
        auto value =
            m_arena->make(known == KnownCallable::Set || known == KnownCallable::FrozenSet ? Type::Set
                          : known == KnownCallable::JitBuildList                           ? Type::List
                                                                                           : Type::Tuple);
        if (known == KnownCallable::FrozenSet)
            value->constructor = "builtins.frozenset";
        else if (known == KnownCallable::Size)
            value->constructor = "torch.Size";
        if (sequenceArgument)
            value->items = a[0]->items;
        return value;
    }
    case KnownCallable::Device: {
        QStringList parts;
        for (const PickleValuePtr &part : a)
            parts << (part->isString() ? part->text() : part->describe());
        PickleValuePtr device = m_arena->makeString(parts.join(QLatin1Char(':')));
        device->constructor = "torch.device";
        device->items = a;
        return device;
    }
    case KnownCallable::RestoreTypeTag:
        return a.empty() ? m_arena->none() : a[0];
    default:
        return refuseCall(name, a);
    }
}

PickleValuePtr SafeUnpickler::refuseCall(const QString &name, const PickleValueList &a)
{
    // A function handed to a refused call (functools.partial(torch.load), map(eval, ...)) would be
    // called by it: name it too.
    for (const PickleValuePtr &arg : a) {
        if (arg && arg->type == Type::Global)
            refuse(SafeUnpicklerText::tr("%1 (passed to %2)").arg(arg->text(), name), {}, false);
    }
    // The arguments stay with the refusal, inert: a numpy scalar's dtype and bytes, a path's parts.
    PickleValuePtr refused = refuse(name, a);
    refused->items = a;
    return refused;
}

bool SafeUnpickler::build(const PickleValuePtr &target, const PickleValuePtr &state)
{
    if (target->type == Type::Object) {
        if (target->state && target->state->type == Type::Dict && state->type == Type::Dict)
            m_arena->append(&target->state->entries, state->entries.begin(), state->entries.size());
        else
            target->state = state;
    }
    // An old Parameter's state is (requires_grad, volatile, backward hooks), as Variable kept it.
    if (target->type == Type::Tensor && target->tensor->isParameter && state->type == Type::Tuple &&
        !state->items.empty() && state->items[0]->type == Type::Bool)
        target->tensor->requiresGrad = state->items[0]->boolean;
    else if (target->type == Type::Tensor && isNonEmpty(state))
        target->tensor->extra = QT_TRANSLATE_NOOP("PickleModuleWriter", "tensor state");
    // BUILD on a dict sets attributes (a state_dict's _metadata): kept for writing the dict back. On a
    // refused call's result it is what __setstate__ would have been given (a numpy array's data).
    if (target->type == Type::Dict || target->type == Type::Refused)
        target->state = state;
    return true;
}

void PickleMemo::reserve(size_t count)
{
    m_dense.reserve(count);
}

void PickleMemo::clear()
{
    m_dense.clear();
    m_sparse.clear();
    m_count = 0;
}

const PickleValuePtr *PickleMemo::find(quint32 id) const
{
    if (id < m_dense.size() && m_dense[id])
        return &m_dense[id];
    if (m_sparse.isEmpty())
        return nullptr;
    const auto it = m_sparse.constFind(id);
    return it == m_sparse.constEnd() ? nullptr : &*it;
}

void PickleMemo::insert(quint32 id, PickleValuePtr value)
{
    if (const auto it = m_sparse.find(id); it != m_sparse.end()) {
        *it = value;
        return;
    }
    // The vector grows only to ids near the count of entries, so its size stays within a small
    // multiple of the memo's bound however the ids are chosen.
    if (id >= m_dense.size() && qint64(id) <= m_count + m_count / 2 + 1024)
        m_dense.resize(std::max<size_t>(size_t(id) + 1, m_dense.size() * 3 / 2));
    if (id < m_dense.size()) {
        m_count += m_dense[id] ? 0 : 1;
        m_dense[id] = value;
        return;
    }
    ++m_count;
    m_sparse.insert(id, value);
}

bool SafeUnpickler::run(qint64 offset, QString *error)
{
    m_pos = offset;
    m_stack.clear();
    m_memo.clear();
    // A memo put takes at least two bytes: room for them all up front (within reason), rather than
    // copying the memo each time it grows through a model's million entries.
    m_memo.reserve(size_t(std::clamp<qint64>((m_size - offset) / 2, 0, qint64(1) << 22)));
    m_result = nullptr;
    m_openMarks = 0;
    m_values = 0;
    m_error.clear();
    while (need(1)) {
        m_opStart = m_pos;
        const auto op = Op(quint8(m_data[m_pos++]));
        if (op == Op::Stop) {
            m_result = pop();
            if (m_result)
                return true;
            fail(SafeUnpicklerText::tr("empty stack at STOP"));
            break;
        }
        if (!step(op) || !withinBounds())
            break;
    }
    *error = m_error;
    return false;
}

bool SafeUnpickler::withinBounds()
{
    if (m_stack.size() > kMaxStack)
        return fail(SafeUnpicklerText::tr("stack too deep"));
    if (m_values > kMaxValues)
        return fail(SafeUnpicklerText::tr("more than %1 objects").arg(kMaxValues));
    return true;
}

bool SafeUnpickler::pushChecked(PickleValuePtr value)
{
    m_stack.push_back(value);
    // As each opcode's end checks, but before the opcode goes on: a push past the bound fails here.
    if (m_stack.size() > kMaxStack || ++m_values > kMaxValues)
        return fail(SafeUnpicklerText::tr("stack too deep"));
    return true;
}

namespace {
using Op = SafeUnpickler::Op;

// The group of each opcode byte, the table step() dispatches on.
enum class OpGroup : quint8 {
    Unknown,
    Proto,
    Frame,
    Stack,
    Memo,
    Scalar,
    TextInteger,
    String,
    NewContainer,
    FillContainer,
    Global,
    Call,
    Build,
    PersistentId
};

constexpr std::array<OpGroup, 256> opGroups()
{
    std::array<OpGroup, 256> groups{};
    const auto set = [&groups](OpGroup group, std::initializer_list<Op> ops) {
        for (const Op op : ops)
            groups[quint8(op)] = group;
    };
    set(OpGroup::Proto, {Op::Proto});
    set(OpGroup::Frame, {Op::Frame});
    set(OpGroup::Stack, {Op::Mark, Op::Pop, Op::PopMark, Op::Dup});
    set(OpGroup::Memo,
        {Op::Get, Op::Put, Op::BinGet, Op::LongBinGet, Op::BinPut, Op::LongBinPut, Op::Memoize});
    set(OpGroup::Scalar, {Op::NoneValue, Op::NewTrue, Op::NewFalse, Op::BinInt, Op::BinInt1, Op::BinInt2,
                          Op::Long1, Op::Long4, Op::Float, Op::BinFloat});
    set(OpGroup::TextInteger, {Op::Int, Op::Long});
    set(OpGroup::String,
        {Op::BinUnicode, Op::ShortBinUnicode, Op::BinUnicode8, Op::BinBytes, Op::ShortBinBytes, Op::BinBytes8,
         Op::ByteArray8, Op::BinString, Op::ShortBinString, Op::String, Op::Unicode});
    set(OpGroup::NewContainer, {Op::EmptyTuple, Op::EmptyList, Op::EmptyDict, Op::EmptySet, Op::Tuple,
                                Op::List, Op::FrozenSet, Op::Tuple1, Op::Tuple2, Op::Tuple3, Op::Dict});
    set(OpGroup::FillContainer, {Op::Append, Op::Appends, Op::AddItems, Op::SetItem, Op::SetItems});
    set(OpGroup::Global, {Op::Global, Op::StackGlobal});
    set(OpGroup::Call, {Op::Reduce, Op::NewObj, Op::NewObjEx, Op::Inst, Op::Obj});
    set(OpGroup::Build, {Op::Build});
    set(OpGroup::PersistentId, {Op::BinPersId, Op::PersId});
    return groups;
}

constexpr std::array<OpGroup, 256> kOpGroups = opGroups();
} // namespace

bool SafeUnpickler::step(Op op)
{
    switch (kOpGroups[quint8(op)]) {
    case OpGroup::Proto:
        if (!need(1))
            return false;
        if (quint8(m_data[m_pos]) > 5)
            return fail(SafeUnpicklerText::tr("unsupported protocol %1").arg(quint8(m_data[m_pos])));
        ++m_pos;
        return true;
    case OpGroup::Frame: // a length to read ahead by, which a reader of the whole buffer needs not
        if (!need(8))
            return false;
        m_pos += 8;
        return true;
    case OpGroup::Stack:
        return stackOp(op);
    case OpGroup::Memo:
        return memoOp(op);
    case OpGroup::Scalar:
        return scalarOp(op);
    case OpGroup::TextInteger:
        return textIntegerOp(op);
    case OpGroup::String:
        return stringOp(op);
    case OpGroup::NewContainer:
        return newContainerOp(op);
    case OpGroup::FillContainer:
        return fillContainerOp(op);
    case OpGroup::Global:
        return globalOp(op);
    case OpGroup::Call:
        return callOp(op);
    case OpGroup::Build:
        return buildOp();
    case OpGroup::PersistentId:
        return persistentIdOp(op);
    case OpGroup::Unknown:
        break;
    }
    return unsupportedOp(op);
}

bool SafeUnpickler::stackOp(Op op)
{
    switch (op) {
    case Op::Mark:
        if (m_openMarks >= kMaxOpenMarks)
            return fail(SafeUnpicklerText::tr("too many marks"));
        if (!pushChecked(m_arena->mark()))
            return false;
        ++m_openMarks;
        return true;
    case Op::Pop: // the top value, or (as Python does on an empty frame) the MARK itself
        if (m_stack.empty())
            return fail(SafeUnpicklerText::tr("stack underflow"));
        if (m_stack.back()->type == Type::Mark)
            return popMark(&m_items);
        m_stack.pop_back();
        return true;
    case Op::PopMark:
        return popMark(&m_items);
    default: // Dup: a MARK is not a value (Python's DUP of an empty frame fails)
        if (m_stack.empty() || m_stack.back()->type == Type::Mark)
            return fail(SafeUnpicklerText::tr("stack underflow"));
        return pushChecked(m_stack.back());
    }
}

bool SafeUnpickler::memoGet(quint32 index)
{
    const PickleValuePtr *value = m_memo.find(index);
    if (!value)
        return fail(SafeUnpicklerText::tr("memo entry %1 missing").arg(index));
    return pushChecked(*value);
}

bool SafeUnpickler::memoPut(quint32 index)
{
    if (m_stack.empty() || m_stack.back()->type == Type::Mark)
        return fail(SafeUnpicklerText::tr("nothing to memoize"));
    if (!m_memo.find(index) && m_memo.size() >= kMaxMemo)
        return fail(SafeUnpicklerText::tr("memo too large"));
    m_memo.insert(index, m_stack.back());
    return true;
}

bool SafeUnpickler::memoOp(Op op)
{
    if (op == Op::Memoize)
        return memoPut(quint32(m_memo.size()));
    if (op == Op::Get || op == Op::Put) { // the index as text
        QByteArray line;
        if (!readLine(&line))
            return false;
        bool ok = false;
        const quint32 index = line.toUInt(&ok);
        if (!ok)
            return fail(SafeUnpicklerText::tr("bad memo index"));
        return op == Op::Get ? memoGet(index) : memoPut(index);
    }
    const int n = (op == Op::BinGet || op == Op::BinPut) ? 1 : 4;
    if (!need(n))
        return false;
    const auto index = quint32(loadLittleEndian(m_data + m_pos, n));
    m_pos += n;
    return (op == Op::BinGet || op == Op::LongBinGet) ? memoGet(index) : memoPut(index);
}

bool SafeUnpickler::scalarOp(Op op)
{
    switch (op) {
    case Op::NoneValue:
        push(m_arena->none());
        return true;
    case Op::NewTrue:
    case Op::NewFalse:
        push(m_arena->boolean(op == Op::NewTrue));
        return true;
    case Op::BinInt:
    case Op::BinInt1:
    case Op::BinInt2: {
        const int n = op == Op::BinInt ? 4 : op == Op::BinInt1 ? 1 : 2;
        if (!need(n))
            return false;
        const quint64 raw = loadLittleEndian(m_data + m_pos, n);
        m_pos += n;
        return pushChecked(m_arena->makeInt(op == Op::BinInt ? qint64(qint32(quint32(raw))) : qint64(raw)));
    }
    case Op::Long1:
    case Op::Long4: {
        const int lengthBytes = op == Op::Long1 ? 1 : 4;
        if (!need(lengthBytes))
            return false;
        const auto n = qint64(loadLittleEndian(m_data + m_pos, lengthBytes));
        m_pos += lengthBytes;
        if (n > 1 << 20 || !need(n))
            return fail(SafeUnpicklerText::tr("integer too long"));
        PickleValuePtr value;
        if (n <= 8) {
            quint64 raw = n == 0 ? 0 : loadLittleEndian(m_data + m_pos, int(n));
            if (n > 0 && n < 8 && (quint8(m_data[m_pos + n - 1]) & 0x80))
                raw |= ~quint64(0) << (8 * n); // sign-extend
            value = m_arena->makeInt(qint64(raw));
        } else {
            value = m_arena->make(Type::BigInt);
            m_arena->setBytes(value, QByteArray(m_data + m_pos, n));
        }
        m_pos += n;
        push(value);
        return true;
    }
    case Op::Float: {
        QByteArray line;
        if (!readLine(&line))
            return false;
        auto value = m_arena->make(Type::Float);
        value->real = line.toDouble();
        push(value);
        return true;
    }
    default: { // BinFloat: big-endian
        if (!need(8))
            return false;
        quint64 raw = 0;
        for (int i = 0; i < 8; ++i)
            raw = (raw << 8) | quint8(m_data[m_pos + i]);
        m_pos += 8;
        auto value = m_arena->make(Type::Float);
        std::memcpy(&value->real, &raw, 8);
        push(value);
        return true;
    }
    }
}

// INT and LONG as text (protocols 0 and 1); INT also writes True and False as I01 and I00.
bool SafeUnpickler::textIntegerOp(Op op)
{
    QByteArray line;
    if (!readLine(&line))
        return false;
    if (line.endsWith('L'))
        line.chop(1);
    if (op == Op::Int && (line == "01" || line == "00")) {
        push(m_arena->boolean(line == "01"));
        return true;
    }
    bool ok = false;
    const qint64 v = line.toLongLong(&ok);
    if (ok) {
        push(m_arena->makeInt(v));
        return true;
    }
    // Protocols 0 and 1 write integers beyond 64 bits in decimal: keep them as LONG1 does.
    QByteArray bytes;
    if (line.size() > 4096 || !decimalToTwosComplement(line, &bytes))
        return fail(SafeUnpicklerText::tr("bad integer"));
    auto value = m_arena->make(Type::BigInt);
    m_arena->setBytes(value, bytes);
    push(value);
    return true;
}

bool SafeUnpickler::stringOp(Op op)
{
    if (op == Op::String || op == Op::Unicode) { // quoted text; raw-unicode-escape text
        QByteArray line;
        if (!readLine(&line))
            return false;
        if (op == Op::String && line.size() >= 2 && (line.front() == '\'' || line.front() == '"'))
            line = line.mid(1, line.size() - 2);
        push(m_arena->makeString(op == Op::Unicode ? decodeRawUnicodeEscape(line)
                                                   : decodeStringEscapes(line)));
        return true;
    }
    const int lengthBytes = (op == Op::ShortBinUnicode || op == Op::ShortBinBytes || op == Op::ShortBinString)
                                ? 1
                            : (op == Op::BinUnicode8 || op == Op::BinBytes8 || op == Op::ByteArray8) ? 8
                                                                                                     : 4;
    if (!need(lengthBytes))
        return false;
    const quint64 n = loadLittleEndian(m_data + m_pos, lengthBytes);
    m_pos += lengthBytes;
    if (!rangeInside(m_pos, n, m_size))
        return fail(SafeUnpicklerText::tr("string longer than the data"));
    PickleValuePtr value;
    if (op == Op::BinUnicode || op == Op::ShortBinUnicode || op == Op::BinUnicode8) {
        value = m_arena->makeString(decodeUtf8(m_data + m_pos, qint64(n)));
    } else if (op == Op::BinString || op == Op::ShortBinString) { // Python 2 bytes; torch.load decodes UTF-8
        value = m_arena->makeString(QString::fromUtf8(m_data + m_pos, qint64(n)));
    } else {
        value = m_arena->make(Type::Bytes);
        m_arena->setBytes(value, QByteArray(m_data + m_pos, qint64(n)));
    }
    m_pos += qint64(n);
    return pushChecked(value);
}

bool SafeUnpickler::newContainerOp(Op op)
{
    switch (op) {
    case Op::EmptyTuple:
        push(m_arena->emptyTuple());
        return true;
    case Op::EmptyList:
    case Op::EmptyDict:
    case Op::EmptySet:
        push(m_arena->make(op == Op::EmptyList ? Type::List : op == Op::EmptyDict ? Type::Dict : Type::Set));
        return true;
    case Op::Tuple:
    case Op::List:
    case Op::FrozenSet: {
        if (!popMark(&m_items))
            return false;
        auto value = m_arena->make(op == Op::Tuple ? Type::Tuple : op == Op::List ? Type::List : Type::Set);
        value->items = m_arena->copy(m_items.data(), m_items.size());
        push(value);
        return true;
    }
    case Op::Tuple1:
    case Op::Tuple2:
    case Op::Tuple3: {
        const size_t n = quint8(op) - quint8(Op::Tuple1) + 1;
        if (m_stack.size() < n)
            return fail(SafeUnpicklerText::tr("stack underflow"));
        for (size_t i = m_stack.size() - n; i < m_stack.size(); ++i) {
            if (m_stack[i]->type == Type::Mark)
                return fail(SafeUnpicklerText::tr("stack underflow"));
        }
        auto value = m_arena->make(Type::Tuple);
        value->items = m_arena->copy(m_stack.data() + (m_stack.size() - n), n);
        m_stack.resize(m_stack.size() - n);
        push(value);
        return true;
    }
    default: { // Dict
        if (!popMark(&m_items))
            return false;
        if (m_items.size() % 2)
            return fail(SafeUnpicklerText::tr("odd number of dict items"));
        auto value = m_arena->make(Type::Dict);
        for (size_t i = 0; i < m_items.size(); i += 2)
            m_arena->append(&value->entries, PickleEntry{m_items[i], m_items[i + 1]});
        push(value);
        return true;
    }
    }
}

// A dict, or an instance of a dict subclass (Lightning's AttributeDict, an OrderedDict subclass): pickle
// makes those with NEWOBJ or a call, then sets their items with SETITEMS. An instance keeps them as
// inert entries; a refused call's result too, so the rest of the file reads.
bool SafeUnpickler::holdsItems(const PickleValue &target)
{
    return target.type == Type::Dict || target.type == Type::Object || target.type == Type::Refused;
}

bool SafeUnpickler::fillContainerOp(Op op)
{
    if (op == Op::Append || op == Op::SetItem) {
        PickleValuePtr value = pop();
        PickleValuePtr key = op == Op::SetItem ? pop() : value;
        if (!key || !value || m_stack.empty())
            return fail(SafeUnpicklerText::tr("stack underflow"));
        const PickleValuePtr &target = m_stack.back();
        if (op == Op::Append) {
            if (target->type != Type::List)
                return fail(SafeUnpicklerText::tr("APPEND to a %1").arg(target->describe()));
            m_arena->append(&target->items, value);
        } else {
            if (!holdsItems(*target))
                return fail(SafeUnpicklerText::tr("SETITEM on a %1").arg(target->describe()));
            m_arena->append(&target->entries, PickleEntry{key, value});
        }
        return true;
    }
    if (!popMark(&m_items))
        return false;
    if (op == Op::SetItems) {
        if (m_stack.empty() || m_items.size() % 2)
            return fail(SafeUnpicklerText::tr("malformed SETITEMS"));
        const PickleValuePtr &dict = m_stack.back();
        if (!holdsItems(*dict))
            return fail(SafeUnpicklerText::tr("SETITEMS on a %1").arg(dict->describe()));
        for (size_t i = 0; i < m_items.size(); i += 2)
            m_arena->append(&dict->entries, PickleEntry{m_items[i], m_items[i + 1]});
        return true;
    }
    // Appends, AddItems
    if (m_stack.empty())
        return fail(SafeUnpicklerText::tr("stack underflow"));
    const PickleValuePtr &target = m_stack.back();
    if (target->type != (op == Op::Appends ? Type::List : Type::Set))
        return fail(SafeUnpicklerText::tr("APPENDS to a %1").arg(target->describe()));
    m_arena->append(&target->items, m_items.data(), m_items.size());
    return true;
}

PickleValuePtr SafeUnpickler::makeGlobal(const QString &module, const QString &name)
{
    auto value = m_arena->make(Type::Global);
    m_arena->setText(value, module + QLatin1Char('.') + name);
    value->moduleLength = quint32(module.size());
    value->callable = knownCallable(value->text());
    noteGlobal(value->text());
    return value;
}

bool SafeUnpickler::globalOp(Op op)
{
    PickleValuePtr value;
    if (op == Op::Global) { // module and name as lines, Python 2's names mapped as Python 3's unpickler does
        QByteArray module, name;
        if (!readLine(&module) || !readLine(&name))
            return false;
        value = makeGlobal(python3ModuleName(QString::fromUtf8(module)),
                           module == "__builtin__" ? python3BuiltinName(QString::fromUtf8(name))
                                                   : QString::fromUtf8(name));
    } else { // StackGlobal
        PickleValuePtr name = pop();
        PickleValuePtr module = pop();
        if (!name || !module || !name->isString() || !module->isString())
            return fail(SafeUnpicklerText::tr("malformed STACK_GLOBAL"));
        value = makeGlobal(module->text(), name->text());
    }
    push(m_attributeOverrides.value(value->text(), value));
    return true;
}

bool SafeUnpickler::callOp(Op op)
{
    if (op == Op::NewObj || op == Op::NewObjEx)
        return newObject(op);
    PickleValuePtr callable, args;
    if (op == Op::Reduce) {
        args = pop();
        callable = pop();
    } else if (op == Op::Inst) { // module and name lines, the arguments from MARK; calls the class
        QByteArray module, name;
        if (!readLine(&module) || !readLine(&name) || !popMark(&m_items))
            return false;
        callable = m_arena->make(Type::Global);
        m_arena->setText(callable, QString::fromUtf8(module) + QLatin1Char('.') + QString::fromUtf8(name));
        callable->callable = knownCallable(callable->text());
        noteGlobal(callable->text());
        args = m_arena->make(Type::Tuple);
        args->items = m_arena->copy(m_items.data(), m_items.size());
    } else { // Obj: the class and its arguments from MARK; calls the class
        if (!popMark(&m_items))
            return false;
        if (m_items.empty())
            return fail(SafeUnpicklerText::tr("malformed OBJ"));
        callable = m_items.front();
        args = m_arena->make(Type::Tuple);
        args->items = m_arena->copy(m_items.data() + 1, m_items.size() - 1);
    }
    PickleValuePtr value = call(callable, args);
    if (!value)
        return false;
    push(value);
    return true;
}

// cls.__new__(cls, *args[, **kwargs]): the instance is kept as an inert record of its class and state.
bool SafeUnpickler::newObject(Op op)
{
    PickleValuePtr kwargs = op == Op::NewObjEx ? pop() : nullptr;
    PickleValuePtr args = pop();
    PickleValuePtr cls = pop();
    if (!args || !cls || (op == Op::NewObjEx && !kwargs))
        return fail(SafeUnpicklerText::tr("stack underflow"));
    if (cls->type != Type::Global || isGadgetClass(cls->text())) {
        push(refuse(cls->type == Type::Global ? cls->text() : cls->describe(),
                    args->type == Type::Tuple ? args->items : PickleValueList(&args, 1)));
        return true;
    }
    auto object = m_arena->make(Type::Object);
    m_arena->shareText(object, *cls);
    if (args->type == Type::Tuple)
        object->items = args->items;
    // Keyword arguments to __new__ are not kept: such an object cannot be written back as it was.
    if (op == Op::NewObjEx && isNonEmpty(kwargs))
        object->constructor = "copyreg.__newobj_ex__";
    push(object);
    return true;
}

bool SafeUnpickler::buildOp()
{
    PickleValuePtr state = pop();
    if (!state || m_stack.empty() || m_stack.back()->type == Type::Mark)
        return fail(SafeUnpicklerText::tr("stack underflow"));
    PickleValuePtr &target = m_stack.back();
    if (target->type != Type::Global)
        return build(target, state);
    // BUILD on a class or function itself would call its __setstate__ attribute with the state. On a
    // module, Python sets the state's keys as attributes: a later lookup of one finds the value put
    // there, which is how a pickle smuggles eval in under a harmless name.
    if (state->type == Type::Dict) {
        for (const auto &[key, value] : state->entries) {
            if (key && key->isString())
                m_attributeOverrides.insert(target->text() + QLatin1Char('.') + key->text(), value);
        }
    }
    target = refuse(target->text() + QStringLiteral(".__setstate__"));
    return true;
}

bool SafeUnpickler::persistentIdOp(Op op)
{
    PickleValuePtr pid;
    if (op == Op::BinPersId) {
        pid = pop();
        if (!pid)
            return fail(SafeUnpicklerText::tr("stack underflow"));
    } else { // PersId: the id as text
        QByteArray line;
        if (!readLine(&line))
            return false;
        pid = m_arena->makeString(QString::fromUtf8(line));
    }
    PickleValuePtr value = persistentLoad(pid);
    if (!value)
        return false;
    push(value);
    return true;
}

bool SafeUnpickler::unsupportedOp(Op op)
{
    switch (op) {
    case Op::Ext1:
    case Op::Ext2:
    case Op::Ext4: // the copyreg extension registry names callables
        return fail(SafeUnpicklerText::tr("extension-registry opcodes are not supported"));
    case Op::NextBuffer:
    case Op::ReadOnlyBuffer:
        return fail(SafeUnpicklerText::tr("out-of-band buffers are not supported"));
    default:
        return fail(SafeUnpicklerText::tr("unknown opcode 0x%1").arg(quint8(op), 2, 16, QLatin1Char('0')));
    }
}

} // namespace torchscope
