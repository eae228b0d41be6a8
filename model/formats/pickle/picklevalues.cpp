#include "formats/pickle/picklevalues.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <cstring>
#include <optional>

namespace torchscope {

namespace {
using Type = PickleValue::Type;

QJsonValue floatValue(double value)
{
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return value;
}

bool isNumpyScalarCall(const QString &name)
{
    return name == QLatin1String("numpy.core.multiarray.scalar") ||
           name == QLatin1String("numpy._core.multiarray.scalar");
}

// numpy.core.multiarray.scalar(numpy.dtype('f8'), b'...'): the dtype's code and byte order say how to
// read the bytes. Only the plain numeric and boolean codes; anything else stays a refused call.
std::optional<CheckpointValue> numpyScalar(const PickleValue &call)
{
    if (call.items.size() != 2 || call.items[1]->type != Type::Bytes)
        return std::nullopt;
    const PickleValue &dtype = *call.items[0];
    if (dtype.type != Type::Refused || dtype.text() != QLatin1String("numpy.dtype") || dtype.items.empty() ||
        !dtype.items[0]->isString())
        return std::nullopt;
    const QString code = dtype.items[0]->text();
    // BUILD gives the dtype (version, byte order, ...): '>' is big-endian; '<', '|' and '=' read as stored.
    bool bigEndian = false;
    if (dtype.state && dtype.state->type == Type::Tuple && dtype.state->items.size() > 1 &&
        dtype.state->items[1]->isString())
        bigEndian = dtype.state->items[1]->text() == QLatin1String(">");
    const QByteArray &bytes = call.items[1]->bytes();
    const qsizetype width = code.size() == 2 ? code.mid(1).toInt() : 0;
    if (width <= 0 || bytes.size() != width)
        return std::nullopt;
    quint64 raw = 0;
    for (qsizetype i = 0; i < width; ++i) {
        const quint64 byte = quint8(bytes[bigEndian ? i : width - 1 - i]);
        raw = (raw << 8) | byte;
    }
    const auto signExtend = [&](quint64 v) { return qint64(v << (64 - 8 * width)) >> (64 - 8 * width); };
    CheckpointValue value;
    const QChar kind = code[0];
    if (kind == QLatin1Char('f') && (width == 4 || width == 8)) {
        double real = 0;
        if (width == 8) {
            std::memcpy(&real, &raw, 8);
        } else {
            const auto bits = quint32(raw);
            float single = 0;
            std::memcpy(&single, &bits, 4);
            real = single;
        }
        value.type = QStringLiteral("numpy.float%1").arg(width * 8);
        value.value = floatValue(real);
    } else if (kind == QLatin1Char('i') && width <= 8) {
        value.type = QStringLiteral("numpy.int%1").arg(width * 8);
        value.value = signExtend(raw);
    } else if (kind == QLatin1Char('u') && width <= 8 && (width < 8 || raw <= quint64(1) << 53)) {
        value.type = QStringLiteral("numpy.uint%1").arg(width * 8);
        value.value = qint64(raw);
    } else if (kind == QLatin1Char('b') && width == 1) {
        value.type = QStringLiteral("numpy.bool");
        value.value = raw != 0;
    } else {
        return std::nullopt;
    }
    return value;
}
} // namespace

CheckpointValue checkpointValueOf(const QString &path, const PickleValue &value)
{
    CheckpointValue out;
    out.path = path;
    switch (value.type) {
    case Type::None:
        out.type = QStringLiteral("NoneType");
        break;
    case Type::Bool:
        out.type = QStringLiteral("bool");
        out.value = value.boolean;
        break;
    case Type::Int:
        out.type = QStringLiteral("int");
        out.value = value.integer;
        break;
    case Type::BigInt:
        out.type = QStringLiteral("int");
        out.value = QJsonObject{{QStringLiteral("int_bytes"), qint64(value.bytes().size())}};
        break;
    case Type::Float:
        out.type = QStringLiteral("float");
        out.value = floatValue(value.real);
        break;
    case Type::String:
        // torch.device("cuda:0") is kept as its string.
        out.type = value.constructor ? QString::fromLatin1(value.constructor) : QStringLiteral("str");
        out.value = value.text();
        break;
    case Type::Bytes:
        out.type = QStringLiteral("bytes");
        out.value = QJsonObject{{QStringLiteral("bytes"), qint64(value.bytes().size())}};
        break;
    case Type::Tuple:
    case Type::List:
    case Type::Set:
        out.type = value.type == Type::Tuple  ? QStringLiteral("tuple")
                   : value.type == Type::List ? QStringLiteral("list")
                                              : QStringLiteral("set");
        out.value = QJsonArray();
        break;
    case Type::Dict:
        out.type = QStringLiteral("dict");
        out.value = QJsonObject();
        break;
    case Type::Global:
        // A class or function named, not called: torch.float32, a loss function's class.
        out.type = QStringLiteral("global");
        out.value = QJsonObject{{QStringLiteral("global"), value.text()}};
        break;
    case Type::Object:
        out.type = value.text();
        out.value = QJsonObject{{QStringLiteral("class"), value.text()}};
        break;
    case Type::Refused:
        if (isNumpyScalarCall(value.text())) {
            if (const std::optional<CheckpointValue> scalar = numpyScalar(value)) {
                out.type = scalar->type;
                out.value = scalar->value;
                break;
            }
        }
        out.type = QStringLiteral("refused");
        out.value = QJsonObject{{QStringLiteral("refused"), value.text()}};
        break;
    default: // storages and marks are never values of their own
        out.type = QStringLiteral("unknown");
        break;
    }
    return out;
}

} // namespace torchscope
