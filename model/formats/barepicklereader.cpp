#include "formats/barepicklereader.h"

#include "formats/checkpointreader.h"
#include "formats/pickle/picklecheckpoint.h"
#include "formats/pickle/safeunpickler.h"
#include "tensor/mappedfile.h"

#include <QCoreApplication>
#include <QSet>

#include <vector>

namespace torchscope {

namespace {
using Type = PickleValue::Type;

// lupdate sees the strings of this file under the context CheckpointReader.
struct CheckpointReaderText
{
    Q_DECLARE_TR_FUNCTIONS(CheckpointReader)
};

constexpr int kMaxDepth = 200;
constexpr int kMaxEntries = 100000;
constexpr int kMaxPickles = 64;

// Builds the tree rows of one value and what it holds, depth first, each value once.
class ValueTree
{
public:
    explicit ValueTree(CheckpointContent *out) : m_out(out) {}

    void add(const QString &path, const PickleValuePtr &value, int depth)
    {
        if (m_out->modules.size() >= kMaxEntries) {
            m_truncated = true;
            return;
        }
        m_out->modules.append({path, label(value)});
        if (!value || depth >= kMaxDepth || m_visiting.contains(value))
            return;
        m_visiting.insert(value);
        const auto child = [&path](const QString &name) {
            // A dot would nest the row a level deeper than the value is.
            QString part = name;
            part.replace(QLatin1Char('.'), QChar(0x00b7));
            return path.isEmpty() ? part : path + QLatin1Char('.') + part;
        };
        switch (value->type) {
        case Type::Dict:
            for (const auto &[key, item] : value->entries)
                add(child(key && key->isString() ? key->text() : (key ? key->describe() : QString())), item,
                    depth + 1);
            break;
        case Type::List:
        case Type::Tuple:
        case Type::Set:
            for (size_t i = 0; i < value->items.size(); ++i)
                add(child(QString::number(i)), value->items[i], depth + 1);
            break;
        case Type::Object:
            for (size_t i = 0; i < value->items.size(); ++i)
                add(child(QStringLiteral("arg%1").arg(i)), value->items[i], depth + 1);
            if (value->state)
                add(child(QStringLiteral("state")), value->state, depth + 1);
            break;
        default:
            break;
        }
        m_visiting.remove(value);
    }

    bool truncated() const { return m_truncated; }

private:
    static QString label(const PickleValuePtr &value)
    {
        if (!value)
            return QStringLiteral("None");
        switch (value->type) {
        case Type::Dict:
            return CheckpointReaderText::tr("dict of %1").arg(value->entries.size());
        case Type::List:
            return CheckpointReaderText::tr("list of %1").arg(value->items.size());
        case Type::Tuple:
            return CheckpointReaderText::tr("tuple of %1").arg(value->items.size());
        case Type::Set:
            return CheckpointReaderText::tr("set of %1").arg(value->items.size());
        case Type::Refused:
            return CheckpointReaderText::tr("refused call: %1").arg(value->text());
        default:
            return value->describe();
        }
    }

    CheckpointContent *m_out;
    QSet<const PickleValue *> m_visiting;
    bool m_truncated = false;
};
} // namespace

bool looksLikeBarePickle(const char *data, qint64 size)
{
    if (size < 2)
        return false;
    if (uchar(data[0]) == 0x80)
        return uchar(data[1]) >= 2 && uchar(data[1]) <= 5;
    // Protocols 0 and 1 start with a value or a MARK: (, ], }, ), N, I, L, F, S, V, G, J, K, M, T, U, c.
    return QByteArrayView("(]})NILFSVGJKMTUc").contains(data[0]);
}

bool readBarePickle(const std::shared_ptr<MappedFile> &file, CheckpointContent *out, QString *error)
{
    const bool declared = uchar(file->data()[0]) == 0x80;
    SafeUnpickler unpickler(file->data(), file->size());
    std::vector<PickleValuePtr> values;
    qint64 offset = 0;
    QString reason;
    while (offset < file->size() && int(values.size()) < kMaxPickles) {
        if (!unpickler.run(offset, &reason)) {
            // Text that merely starts like a protocol 0 pickle is not one; a PROTO opcode says it is.
            if (values.empty()) {
                *error = declared
                             ? CheckpointReaderText::tr("a pickle, but not a well-formed one: %1").arg(reason)
                             : unrecognisedContentReason(file->data(), file->size()) +
                                   CheckpointReaderText::tr(" (read as a protocol 0 pickle: %1)").arg(reason);
                // What it would have run before it broke is worth knowing all the same.
                if (declared && !unpickler.refusals().isEmpty())
                    *error += QStringLiteral("; ") + unpickler.refusals().join(QStringLiteral("; "));
                if (declared)
                    addRefusedCalls(unpickler, QString(), out);
                return false;
            }
            out->warnings << CheckpointReaderText::tr("bytes after pickle %1 are not a pickle: %2")
                                 .arg(values.size())
                                 .arg(reason);
            break;
        }
        values.push_back(unpickler.result());
        offset = unpickler.endOffset();
        if (offset < file->size() && !looksLikeBarePickle(file->data() + offset, file->size() - offset))
            break;
    }
    out->format = CheckpointFormat::Pickle;
    ValueTree tree(out);
    if (values.size() == 1) {
        tree.add(QString(), values.front(), 0);
    } else {
        out->modules.append({QString(), CheckpointReaderText::tr("%n pickles, one after the other", nullptr,
                                                                 int(values.size()))});
        for (size_t i = 0; i < values.size(); ++i)
            tree.add(CheckpointReaderText::tr("pickle%1").arg(i + 1), values[i], 1);
    }
    if (tree.truncated())
        out->warnings << CheckpointReaderText::tr("only the first %1 values are shown").arg(kMaxEntries);
    out->warnings = unpickler.refusals() + out->warnings;
    addRefusedCalls(unpickler, QString(), out);
    // What the file amounts to is the call itself: torch.load would run it and return its result.
    if (values.size() == 1 && values.front() && values.front()->type == Type::Refused &&
        !unpickler.refusals().isEmpty())
        out->refusedContent = unpickler.refusals().last();
    return true;
}

} // namespace torchscope
