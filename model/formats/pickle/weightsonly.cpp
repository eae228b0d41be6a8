#include "formats/pickle/weightsonly.h"

#include "formats/pickle/safeunpickler.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace torchscope {

namespace {
using Type = PickleValue::Type;

// lupdate sees the strings of this file under the context WeightsOnly.
struct WeightsOnlyText
{
    Q_DECLARE_TR_FUNCTIONS(WeightsOnly)
};

// torch._weights_only_unpickler._get_allowed_globals() of PyTorch 2.15, less the dtypes, storages and
// tensor classes matched by the rules in isWeightsOnlyGlobal.
const QSet<QString> &allowedGlobals()
{
    static const QSet<QString> allowed{
        QStringLiteral("_codecs.encode"),
        QStringLiteral("builtins.bytearray"),
        QStringLiteral("builtins.complex"),
        QStringLiteral("builtins.set"),
        QStringLiteral("collections.Counter"),
        QStringLiteral("collections.OrderedDict"),
        QStringLiteral("torch.Size"),
        QStringLiteral("torch.Tensor"),
        QStringLiteral("torch.device"),
        QStringLiteral("torch.nn.parameter.Parameter"),
        QStringLiteral("torch.serialization._get_layout"),
        QStringLiteral("torch.storage.TypedStorage"),
        QStringLiteral("torch.storage.UntypedStorage"),
        QStringLiteral("torch._tensor._rebuild_from_type_v2"),
        QStringLiteral("torch._utils._rebuild_device_tensor_from_cpu_tensor"),
        QStringLiteral("torch._utils._rebuild_device_tensor_from_numpy"),
        QStringLiteral("torch._utils._rebuild_meta_tensor_no_storage"),
        QStringLiteral("torch._utils._rebuild_parameter"),
        QStringLiteral("torch._utils._rebuild_parameter_with_state"),
        QStringLiteral("torch._utils._rebuild_qtensor"),
        QStringLiteral("torch._utils._rebuild_sparse_tensor"),
        QStringLiteral("torch._utils._rebuild_tensor"),
        QStringLiteral("torch._utils._rebuild_tensor_v2"),
        QStringLiteral("torch._utils._rebuild_tensor_v3"),
        QStringLiteral("torch._utils._rebuild_wrapper_subclass"),
        QStringLiteral("torch.per_channel_affine"),
        QStringLiteral("torch.per_channel_affine_float_qparams"),
        QStringLiteral("torch.per_channel_symmetric"),
        QStringLiteral("torch.per_tensor_affine"),
        QStringLiteral("torch.per_tensor_symmetric"),
        QStringLiteral("torch.bcomplex32"),
    };
    return allowed;
}

// The element types torch.<name> names: every dtype, and the sub-byte int1..7 and uint1..7.
bool isDTypeName(QStringView name)
{
    static const QSet<QString> dtypes{
        QStringLiteral("bfloat16"),
        QStringLiteral("bits16"),
        QStringLiteral("bits1x8"),
        QStringLiteral("bits2x4"),
        QStringLiteral("bits4x2"),
        QStringLiteral("bits8"),
        QStringLiteral("bool"),
        QStringLiteral("complex128"),
        QStringLiteral("complex32"),
        QStringLiteral("complex64"),
        QStringLiteral("float16"),
        QStringLiteral("float32"),
        QStringLiteral("float4_e2m1fn_x2"),
        QStringLiteral("float64"),
        QStringLiteral("float8_e4m3fn"),
        QStringLiteral("float8_e4m3fnuz"),
        QStringLiteral("float8_e5m2"),
        QStringLiteral("float8_e5m2fnuz"),
        QStringLiteral("float8_e8m0fnu"),
        QStringLiteral("int16"),
        QStringLiteral("int32"),
        QStringLiteral("int64"),
        QStringLiteral("int8"),
        QStringLiteral("qint32"),
        QStringLiteral("qint8"),
        QStringLiteral("quint2x4"),
        QStringLiteral("quint4x2"),
        QStringLiteral("quint8"),
        QStringLiteral("uint16"),
        QStringLiteral("uint32"),
        QStringLiteral("uint64"),
        QStringLiteral("uint8"),
    };
    if (dtypes.contains(name.toString()))
        return true;
    // int1..int7, uint1..uint7
    const QStringView digits = name.startsWith(u"uint")  ? name.mid(4)
                               : name.startsWith(u"int") ? name.mid(3)
                                                         : QStringView();
    return digits.size() == 1 && digits[0] >= u'1' && digits[0] <= u'7';
}

// torch.<X>Storage and torch.<X>Tensor, also under torch.cuda and (tensors) torch.sparse/torch.cuda.sparse.
bool isStorageOrTensorClass(const QString &name)
{
    static const QSet<QString> kinds{
        QStringLiteral("BFloat16"), QStringLiteral("Bool"),          QStringLiteral("Byte"),
        QStringLiteral("Char"),     QStringLiteral("ComplexDouble"), QStringLiteral("ComplexFloat"),
        QStringLiteral("Double"),   QStringLiteral("Float"),         QStringLiteral("Half"),
        QStringLiteral("Int"),      QStringLiteral("Long"),          QStringLiteral("Short"),
        QStringLiteral("QInt32"),   QStringLiteral("QInt8"),         QStringLiteral("QUInt2x4"),
        QStringLiteral("QUInt4x2"), QStringLiteral("QUInt8")};
    for (const QLatin1String prefix : {QLatin1String("torch.cuda.sparse."), QLatin1String("torch.sparse."),
                                       QLatin1String("torch.cuda."), QLatin1String("torch.")}) {
        if (!name.startsWith(prefix))
            continue;
        const QString rest = name.mid(prefix.size());
        if (rest.contains(QLatin1Char('.')))
            return false;
        const bool sparse = prefix.contains(QLatin1String("sparse"));
        if (rest.endsWith(QLatin1String("Storage")) && !sparse)
            return kinds.contains(rest.chopped(7));
        if (rest.endsWith(QLatin1String("Tensor")))
            return kinds.contains(rest.chopped(6)) && !rest.startsWith(QLatin1Char('Q')) &&
                   !rest.startsWith(QLatin1String("Complex"));
        return false;
    }
    return false;
}

// The global a value was made from, where one made it.
QString originOf(const PickleValue &value)
{
    switch (value.type) {
    case Type::Global:
    case Type::Object:
    case Type::Refused:
        return value.text();
    case Type::Tensor:
        return value.tensor ? value.tensor->subclass : QString();
    default:
        return value.constructor ? QString::fromLatin1(value.constructor) : QString();
    }
}

// Finds where the values of refused globals sit. A module-heavy pickle holds hundreds of thousands of
// values: the path of a value is built only where a refused global made it, each global keeps at
// most kMaxPaths of them, and the rest are counted.
struct BlockerWalk
{
    static constexpr int kMaxPaths = 100;
    struct Places
    {
        QStringList paths;
        QSet<QString> seen;
        qint64 count = 0;
    };
    QHash<QString, Places> placesOf; // refused global -> where its values sit
    QHash<QString, bool> allowed;    // isWeightsOnlyGlobal, asked once per name
    QStringList parts;               // the path to the value being visited
    int depth = 0;

    void note(const QString &origin)
    {
        auto known = allowed.constFind(origin);
        if (known == allowed.constEnd())
            known = allowed.insert(origin, isWeightsOnlyGlobal(origin));
        if (*known)
            return;
        Places &places = placesOf[origin];
        if (places.paths.size() >= kMaxPaths) {
            ++places.count; // counted, not named
            return;
        }
        const QString path = parts.join(QLatin1Char('.'));
        if (!places.seen.contains(path)) {
            places.seen.insert(path);
            places.paths << path;
            ++places.count;
        }
    }

    void visit(const PickleValuePtr &value)
    {
        if (!value || value->visiting || depth > 200)
            return;
        const QString origin = originOf(*value);
        if (!origin.isEmpty())
            note(origin);
        value->visiting = true;
        ++depth;
        switch (value->type) {
        case Type::Dict:
            for (const auto &[key, item] : value->entries) {
                parts << (!key                        ? QString()
                          : key->type == Type::String ? key->text()
                          : key->type == Type::Int    ? QString::number(key->integer)
                                                      : key->describe());
                visit(item);
                parts.removeLast();
            }
            break;
        case Type::List:
        case Type::Tuple:
        case Type::Set:
            for (size_t i = 0; i < value->items.size(); ++i) {
                parts << QString::number(i);
                visit(value->items[i]);
                parts.removeLast();
            }
            break;
        case Type::Object:
        case Type::Refused:
            // An object's (or a refused call's) arguments and state sit where it does; the attributes
            // of a dict state are named under it.
            for (const PickleValuePtr &item : value->items)
                visitInPlace(item);
            visitInPlace(value->state);
            break;
        default:
            break;
        }
        --depth;
        value->visiting = false;
    }

    // Tuples (arguments, a (dict, slots) state) are no place of their own.
    void visitInPlace(const PickleValuePtr &value)
    {
        if (value && value->type == Type::Tuple && !value->constructor && !value->visiting && depth <= 200) {
            value->visiting = true;
            ++depth;
            for (const PickleValuePtr &item : value->items)
                visitInPlace(item);
            --depth;
            value->visiting = false;
            return;
        }
        visit(value);
    }
};
} // namespace

bool isWeightsOnlyGlobal(const QString &qualifiedName)
{
    if (allowedGlobals().contains(qualifiedName) || isStorageOrTensorClass(qualifiedName))
        return true;
    return qualifiedName.startsWith(QLatin1String("torch.")) && qualifiedName.count(QLatin1Char('.')) == 1 &&
           isDTypeName(QStringView(qualifiedName).mid(6));
}

QList<WeightsOnlyBlocker> weightsOnlyBlockers(const QStringList &globalsRead, const PickleValuePtr &root)
{
    QList<WeightsOnlyBlocker> blockers;
    bool any = false;
    for (const QString &global : globalsRead)
        any = any || !isWeightsOnlyGlobal(global);
    if (!any)
        return blockers;
    BlockerWalk walk;
    if (root)
        walk.visit(root);
    for (const QString &global : globalsRead) {
        if (!isWeightsOnlyGlobal(global)) {
            const BlockerWalk::Places places = walk.placesOf.value(global);
            blockers.append({global, places.paths, places.count});
        }
    }
    return blockers;
}

QString describeWeightsOnlyBlockers(const QList<WeightsOnlyBlocker> &blockers)
{
    QStringList parts;
    for (const WeightsOnlyBlocker &blocker : blockers) {
        QStringList paths;
        for (const QString &path : blocker.paths)
            paths << (path.isEmpty() ? WeightsOnlyText::tr("the whole file") : path);
        constexpr int kShown = 3;
        QString where = QStringList(paths.mid(0, kShown)).join(QStringLiteral(", "));
        const qint64 more =
            std::max<qint64>(blocker.places, paths.size()) - std::min<qint64>(kShown, paths.size());
        if (more > 0)
            where = WeightsOnlyText::tr("%1 and %n more", nullptr, int(std::min<qint64>(more, 1 << 30)))
                        .arg(where);
        parts << (paths.isEmpty() ? blocker.global
                                  : WeightsOnlyText::tr("%1 (at %2)").arg(blocker.global, where));
    }
    return parts.join(QStringLiteral(", "));
}

bool looksLikeClass(const QString &qualifiedName)
{
    const QString last = qualifiedName.section(u'.', -1);
    const QString bare = last.startsWith(u'_') ? last.mid(1) : last;
    const bool first = !bare.isEmpty() && bare.at(0).isUpper();
    return first && qualifiedName.contains(u'.') && !isGadgetClass(qualifiedName) &&
           !qualifiedName.startsWith(QLatin1String("builtins.")) &&
           !qualifiedName.startsWith(QLatin1String("__builtin__."));
}

bool isPlainDataCall(const QString &callable, const QString &arguments)
{
    static const QSet<QString> dataConstructors{
        QStringLiteral("numpy.core.multiarray.scalar"),
        QStringLiteral("numpy._core.multiarray.scalar"),
        QStringLiteral("numpy.core.multiarray._reconstruct"),
        QStringLiteral("numpy._core.multiarray._reconstruct"),
        QStringLiteral("numpy.dtype"),
        QStringLiteral("pathlib.PosixPath"),
        QStringLiteral("pathlib._local.PosixPath"), // Python 3.13
        QStringLiteral("pathlib.WindowsPath"),
        QStringLiteral("pathlib.PurePosixPath"),
        QStringLiteral("pathlib.PureWindowsPath"),
        QStringLiteral("pathlib.Path"),
        QStringLiteral("torch.serialization._get_layout"),
        QStringLiteral("datetime.datetime"),
        QStringLiteral("datetime.date"),
        QStringLiteral("datetime.timedelta"),
        QStringLiteral("datetime.timezone"),
        QStringLiteral("decimal.Decimal"),
        QStringLiteral("uuid.UUID"),
    };
    if (dataConstructors.contains(callable))
        return true;
    // An enum member as DCP's metadata and a Trainer's arguments pickle one: getattr(SomeEnum, 'NAME') on
    // a class that is no gadget (what the lookup returns, if called, is refused and named on its own).
    static const QRegularExpression member(QStringLiteral(R"(^([\w.]+), '[A-Za-z]\w*'$)"));
    if (callable == QLatin1String("builtins.getattr")) {
        const QRegularExpressionMatch match = member.match(arguments);
        if (match.hasMatch() && looksLikeClass(match.captured(1)))
            return true;
    }
    return false;
}

} // namespace torchscope
