#include "scan/containeraudit.h"

#include "formats/pickle/safeunpickler.h"
#include "formats/safetensorsreader.h"
#include "tensor/bytes.h"
#include "tensor/dtype.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <isa-l/crc.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace torchscope {

namespace {
// lupdate sees the strings of this file under the context Scanner, with the rules they belong to.
struct ScannerText
{
    Q_DECLARE_TR_FUNCTIONS(Scanner)
};

constexpr int kMaxDepth = 4;                             // archives inside archives
constexpr qint64 kMaxKeptEntry = qint64(1) << 30;        // the most an entry is inflated into memory for
constexpr qint64 kEndRecordSize = 22;                    // the end of central directory record, no comment
constexpr qint64 kMaxEndSearch = kEndRecordSize + 65535; // ...with the longest comment
constexpr int kMaxFindings = 1000;                       // per file: a hostile archive names each entry once

bool startsWith(const char *data, qint64 size, const char *signature)
{
    return size >= 4 && memcmp(data, signature, 4) == 0;
}

bool looksLikePickleBytes(const char *data, qint64 size)
{
    return size >= 2 && uchar(data[0]) == 0x80 && uchar(data[1]) >= 2 && uchar(data[1]) <= 5;
}

class ArchiveAuditor
{
public:
    explicit ArchiveAuditor(ContainerAudit *out) : m_out(out) {}

    // The archives back to back in data[0, size), found from the end. Returns how many.
    int auditArchives(const char *data, qint64 size, const QString &place, int depth);

private:
    struct EndRecord
    {
        qint64 position = -1; // of the end record (or of its ZIP64 record)
        qint64 end = 0;       // just past the record and its comment
        quint64 entries = 0;
        qint64 directoryOffset = 0, directorySize = 0;
    };
    // The end record whose comment ends exactly at `end`, else the last one before it (with bytes
    // after it); position -1 when there is none.
    EndRecord findEndRecord(const char *data, qint64 end) const;
    void auditArchive(const char *data, qint64 size, const EndRecord &record, qint64 start,
                      const QString &place, int depth);
    void auditEntryBytes(const QString &name, const char *bytes, qint64 size, const QString &place,
                         int depth);
    void add(const char *rule, const QString &place, const QString &message)
    {
        if (m_out->findings.size() < kMaxFindings)
            m_out->findings.append({QString::fromLatin1(rule), place, message});
    }

    ContainerAudit *m_out;
};

ArchiveAuditor::EndRecord ArchiveAuditor::findEndRecord(const char *data, qint64 end) const
{
    EndRecord record;
    const qint64 lowest = std::max<qint64>(0, end - kMaxEndSearch);
    for (qint64 pos = end - kEndRecordSize; pos >= lowest; --pos) {
        if (!startsWith(data + pos, 4, "PK\x05\x06"))
            continue;
        const qint64 recordEnd = pos + kEndRecordSize + u16(data + pos + 20);
        if (recordEnd > end)
            continue;
        record.position = pos;
        record.end = recordEnd;
        record.entries = u16(data + pos + 10);
        record.directorySize = u32(data + pos + 12);
        record.directoryOffset = u32(data + pos + 16);
        // ZIP64: a locator just before the record points at the ZIP64 end record, which sits just before.
        if (pos >= 20 + 56 && startsWith(data + pos - 20, 4, "PK\x06\x07")) {
            const qint64 zip64 = pos - 20 - 56;
            if (startsWith(data + zip64, 4, "PK\x06\x06")) {
                record.position = zip64;
                record.entries = u64(data + zip64 + 32);
                record.directorySize = qint64(std::min<quint64>(u64(data + zip64 + 40), quint64(end)));
                record.directoryOffset = qint64(std::min<quint64>(u64(data + zip64 + 48), quint64(end)));
            }
        }
        return record;
    }
    return record;
}

int ArchiveAuditor::auditArchives(const char *data, qint64 size, const QString &place, int depth)
{
    qint64 end = size;
    int archives = 0;
    while (end > 0) {
        const EndRecord record = findEndRecord(data, end);
        if (record.position < 0)
            break;
        if (archives == 0 && record.end < end)
            add("TS015", place,
                ScannerText::tr("%n byte(s) after the zip archive's end record", nullptr,
                                int(end - record.end)));
        else if (record.end < end)
            break; // not the previous archive of a sequence: what is left is said below
        const qint64 directoryStart = record.position - record.directorySize;
        const qint64 start = directoryStart - record.directoryOffset;
        if (directoryStart < 0 || start < 0) {
            add("TS013", place,
                ScannerText::tr("the end record puts the central directory outside the file"));
            return archives + 1;
        }
        auditArchive(data + start, record.position - start, record, start, place, depth);
        ++archives;
        end = start;
    }
    if (archives == 0) {
        if (startsWith(data, size, "PK\x03\x04"))
            add("TS017", place, ScannerText::tr("a zip archive with no end record: truncated"));
        return 0;
    }
    if (end > 0) {
        // torch.load reads a file that does not start with a record as a pickle: the archive is hidden.
        if (startsWith(data, end, "PK\x03\x04"))
            add("TS015", place,
                ScannerText::tr("%n byte(s) at the start belong to no archive", nullptr,
                                int(std::min<qint64>(end, INT_MAX))));
        else
            add("TS016", place,
                ScannerText::tr("a zip archive at byte %1, after bytes of something else").arg(end));
    }
    return archives;
}

void ArchiveAuditor::auditArchive(const char *data, qint64 size, const EndRecord &record, qint64 start,
                                  const QString &place, int depth)
{
    Q_UNUSED(start);
    const qint64 directoryEnd = size; // the archive's bytes end where its end record starts
    qint64 pos = record.directoryOffset;
    QHash<QString, int> seen;
    struct Entry
    {
        QString name;
        quint16 flags = 0, method = 0;
        quint32 crc = 0;
        qint64 compressed = 0, uncompressed = 0, local = 0;
    };
    QVector<Entry> entries;
    for (quint64 i = 0; i < record.entries; ++i) {
        if (pos + 46 > directoryEnd || !startsWith(data + pos, 4, "PK\x01\x02")) {
            add("TS013", place,
                ScannerText::tr(
                    "the central directory holds fewer records than its end record says (%1 of %2)")
                    .arg(i)
                    .arg(record.entries));
            break;
        }
        const char *h = data + pos;
        Entry entry;
        entry.flags = u16(h + 8);
        entry.method = u16(h + 10);
        entry.crc = u32(h + 16);
        entry.compressed = u32(h + 20);
        entry.uncompressed = u32(h + 24);
        const int nameLength = u16(h + 28), extraLength = u16(h + 30), commentLength = u16(h + 32);
        entry.local = u32(h + 42);
        if (pos + 46 + nameLength + extraLength + commentLength > directoryEnd) {
            add("TS013", place, ScannerText::tr("a central directory record runs past the directory"));
            break;
        }
        entry.name = QString::fromUtf8(h + 46, nameLength);
        // ZIP64 sizes and offset, for the fields that say 0xffffffff.
        const char *extra = h + 46 + nameLength;
        for (int at = 0; at + 4 <= extraLength;) {
            const int id = u16(extra + at), length = u16(extra + at + 2);
            if (id == 1) {
                const char *field = extra + at + 4;
                int used = 0;
                const auto take = [&](qint64 *value) {
                    if (quint32(*value) == 0xffffffffu && used + 8 <= length) {
                        *value = qint64(std::min<quint64>(u64(field + used),
                                                          quint64(std::numeric_limits<qint64>::max())));
                        used += 8;
                    }
                };
                take(&entry.uncompressed);
                take(&entry.compressed);
                take(&entry.local);
            }
            at += 4 + length;
        }
        pos += 46 + nameLength + extraLength + commentLength;
        const QString entryPlace = place + entry.name;
        if (entry.name.startsWith(u'/') || entry.name.startsWith(u'\\') || entry.name.contains(u'\\') ||
            (entry.name.size() > 1 && entry.name.at(1) == u':') ||
            entry.name.split(u'/').contains(QStringLiteral("..")))
            add("TS010", entryPlace,
                ScannerText::tr("entry '%1' names a place outside the archive").arg(entry.name));
        if (entry.flags & 1)
            add("TS012", entryPlace, ScannerText::tr("entry '%1' is encrypted").arg(entry.name));
        if (seen.contains(entry.name)) {
            if (entry.name.endsWith(QLatin1String(".pkl")))
                add("TS011", entryPlace,
                    ScannerText::tr(
                        "a second pickle named '%1': torch.load reads one of the two, another tool "
                        "may read the other")
                        .arg(entry.name));
            else
                add("TS014", entryPlace, ScannerText::tr("a second entry named '%1'").arg(entry.name));
        }
        seen[entry.name] += 1;
        entries.append(entry);
    }

    // PyTorch 2.x may write every CRC as zero (compute_crc32=False), saying so with a serialization id.
    const bool crcsRecorded =
        !(std::all_of(entries.begin(), entries.end(), [](const Entry &e) { return e.crc == 0; }) &&
          std::any_of(entries.begin(), entries.end(), [](const Entry &e) {
              return e.name.endsWith(QLatin1String(".data/serialization_id"));
          }));
    qint64 firstLocal = std::numeric_limits<qint64>::max();
    for (const Entry &entry : std::as_const(entries)) {
        const QString entryPlace = place + entry.name;
        firstLocal = std::min(firstLocal, entry.local);
        if (entry.local < 0 || entry.local + 30 > record.directoryOffset ||
            !startsWith(data + entry.local, 4, "PK\x03\x04")) {
            add("TS013", entryPlace,
                ScannerText::tr("entry '%1' has no local record where the directory says").arg(entry.name));
            continue;
        }
        const char *l = data + entry.local;
        const int nameLength = u16(l + 26), extraLength = u16(l + 28);
        const qint64 dataOffset = entry.local + 30 + nameLength + extraLength;
        if (dataOffset > record.directoryOffset) {
            add("TS013", entryPlace,
                ScannerText::tr("entry '%1''s local record runs past the archive").arg(entry.name));
            continue;
        }
        if (QString::fromUtf8(l + 30, std::min<qint64>(nameLength, record.directoryOffset - entry.local -
                                                                       30)) != entry.name) {
            // PyTorch goes by the central directory's name and the local record's lengths: read on.
            add("TS013", entryPlace,
                ScannerText::tr("entry '%1''s local record names it otherwise").arg(entry.name));
        }
        if (!(u16(l + 6) & 8)) { // sizes in the local record, not in a descriptor after the data
            const quint32 localCompressed = u32(l + 18), localUncompressed = u32(l + 22);
            if (u32(l + 14) != entry.crc ||
                (localCompressed != 0xffffffffu && localCompressed != quint32(entry.compressed)) ||
                (localUncompressed != 0xffffffffu && localUncompressed != quint32(entry.uncompressed)))
                add("TS013", entryPlace,
                    ScannerText::tr("entry '%1''s local record and central directory disagree on its CRC or "
                                    "sizes")
                        .arg(entry.name));
        }
        if (entry.compressed > record.directoryOffset - dataOffset) {
            add("TS013", entryPlace,
                ScannerText::tr("entry '%1' says %2 bytes, more than the archive holds")
                    .arg(entry.name)
                    .arg(entry.compressed));
            continue;
        }
        const char *bytes = data + dataOffset;
        if (entry.flags & 1)
            continue; // encrypted: nothing to check but that
        quint32 crc = 0;
        QByteArray inflated;
        const char *plain = bytes;
        qint64 plainSize = entry.compressed;
        if (entry.method == 0) {
            if (entry.compressed != entry.uncompressed)
                add("TS013", entryPlace,
                    ScannerText::tr("stored entry '%1' says %2 bytes unpacked but holds %3")
                        .arg(entry.name)
                        .arg(entry.uncompressed)
                        .arg(entry.compressed));
            crc =
                crc32_gzip_refl(0, reinterpret_cast<const unsigned char *>(bytes), quint64(entry.compressed));
        } else if (entry.method == 8) {
            // Inflated in steps for the CRC; kept only when it is small enough to look inside.
            const bool keep = entry.uncompressed <= kMaxKeptEntry;
            z_stream stream{};
            if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
                continue;
            QByteArray chunk(keep ? qsizetype(std::max<qint64>(entry.uncompressed, 1)) : (1 << 20),
                             Qt::Uninitialized);
            stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes));
            stream.avail_in = uInt(std::min<qint64>(entry.compressed, std::numeric_limits<uInt>::max()));
            qint64 produced = 0;
            int status = Z_OK;
            while (status == Z_OK) {
                stream.next_out = reinterpret_cast<Bytef *>(chunk.data() + (keep ? produced : 0));
                stream.avail_out =
                    uInt(keep ? std::min<qint64>(chunk.size() - produced, 1 << 30) : chunk.size());
                if (keep && stream.avail_out == 0) {
                    status = Z_BUF_ERROR; // more bytes than the directory says
                    break;
                }
                const uInt before = stream.avail_out;
                status = inflate(&stream, Z_NO_FLUSH);
                const qint64 made = before - stream.avail_out;
                crc = crc32_gzip_refl(crc, reinterpret_cast<const unsigned char *>(stream.next_out) - made,
                                      quint64(made));
                produced += made;
                if (made == 0 && status == Z_OK)
                    status = Z_BUF_ERROR;
            }
            inflateEnd(&stream);
            if (status != Z_STREAM_END || produced != entry.uncompressed) {
                add("TS013", entryPlace,
                    ScannerText::tr("deflated entry '%1' does not inflate to the %2 bytes it says")
                        .arg(entry.name)
                        .arg(entry.uncompressed));
                continue;
            }
            if (!keep)
                continue;
            chunk.resize(produced);
            inflated = chunk;
            plain = inflated.constData();
            plainSize = inflated.size();
        } else {
            add("TS013", entryPlace,
                ScannerText::tr(
                    "entry '%1' is compressed with method %2, which PyTorch neither writes nor reads")
                    .arg(entry.name)
                    .arg(entry.method));
            continue;
        }
        if (crcsRecorded && crc != entry.crc)
            add("TS013", entryPlace,
                ScannerText::tr("entry '%1''s CRC is %2, its bytes' is %3")
                    .arg(entry.name)
                    .arg(entry.crc, 8, 16, QLatin1Char('0'))
                    .arg(crc, 8, 16, QLatin1Char('0')));
        auditEntryBytes(entry.name, plain, plainSize, entryPlace, depth);
    }
    if (!entries.isEmpty() && firstLocal > 0 && firstLocal != std::numeric_limits<qint64>::max())
        add("TS015", place,
            ScannerText::tr("%n byte(s) before the first record", nullptr,
                            int(std::min<qint64>(firstLocal, INT_MAX))));
}

void ArchiveAuditor::auditEntryBytes(const QString &name, const char *bytes, qint64 size,
                                     const QString &place, int depth)
{
    if (name.endsWith(QLatin1String(".pkl")) || looksLikePickleBytes(bytes, size)) {
        SafeUnpickler unpickler(bytes, size);
        QString error;
        unpickler.run(0, &error); // a broken pickle's calls before the break are still calls
        for (const RefusedCall &call : unpickler.refusedCalls())
            m_out->calls.append({call.callable, call.arguments, place, call.offset});
        return;
    }
    if (depth < kMaxDepth && startsWith(bytes, size, "PK\x03\x04"))
        auditArchives(bytes, size, place + u'/', depth + 1);
}

// The keys of a JSON object's top level in the order written, duplicates kept (QJsonDocument keeps
// the last of each silently). Empty when the text is not an object.
QStringList topLevelKeys(const QByteArray &json)
{
    QStringList keys;
    int depth = 0;
    bool expectKey = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == '"') {
            const qsizetype begin = i + 1;
            for (++i; i < json.size() && json.at(i) != '"'; ++i) {
                if (json.at(i) == '\\')
                    ++i;
            }
            if (depth == 1 && expectKey) {
                keys << QJsonDocument::fromJson("[" + json.mid(begin - 1, i - begin + 2) + "]")
                            .array()
                            .at(0)
                            .toString();
                expectKey = false;
            }
        } else if (c == '{' || c == '[') {
            ++depth;
            expectKey = depth == 1 && c == '{';
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == ',' && depth == 1) {
            expectKey = true;
        }
    }
    return keys;
}

// A JSON number that is a whole count a file could hold (what offsets and dimensions are); false for
// anything else, which the reader refuses with its reason.
bool jsonCount(const QJsonValue &value, qint64 *out)
{
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 0 || number > double(qint64(1) << 53) || number != std::floor(number))
        return false;
    *out = qint64(number);
    return true;
}

void auditSafetensors(const char *data, qint64 size, ContainerAudit *out)
{
    const auto add = [out](const char *rule, const QString &place, const QString &message) {
        if (out->findings.size() < kMaxFindings)
            out->findings.append({QString::fromLatin1(rule), place, message});
    };
    const QString header = ScannerText::tr("header");
    const quint64 length = u64(data);
    if (length > quint64(size - 8)) {
        add("TS020", header,
            ScannerText::tr("the header says %1 bytes, longer than the file's %2").arg(length).arg(size - 8));
        return;
    }
    const QByteArray json(data + 8, qsizetype(length));
    QJsonParseError parseError{};
    const QJsonObject object = QJsonDocument::fromJson(json, &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return; // the reader says what is wrong with it
    QSet<QString> seen;
    for (const QString &key : topLevelKeys(json)) {
        if (seen.contains(key))
            add("TS020", header + QStringLiteral(": ") + key,
                ScannerText::tr("'%1' is named twice; readers keep one of the two").arg(key));
        seen.insert(key);
    }
    struct Span
    {
        qint64 begin, end;
        QString name;
    };
    QVector<Span> spans;
    const qint64 dataSize = size - 8 - qint64(length);
    bool truncated = false;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1String("__metadata__") || !it.value().isObject())
            continue;
        const QJsonObject tensor = it.value().toObject();
        const QJsonArray offsets = tensor.value(QStringLiteral("data_offsets")).toArray();
        if (offsets.size() != 2)
            continue;
        qint64 begin = 0, end = 0;
        if (!jsonCount(offsets.at(0), &begin) || !jsonCount(offsets.at(1), &end))
            continue; // the reader refuses it with the reason
        const QString place = header + QStringLiteral(": ") + it.key();
        if (end > dataSize) {
            add("TS017", place,
                ScannerText::tr("'%1' ends at byte %2 of the data, which has %3: truncated")
                    .arg(it.key())
                    .arg(end)
                    .arg(dataSize));
            truncated = true;
            continue;
        }
        if (begin < 0 || end < begin)
            continue; // the reader refuses it with the reason
        bool known = false;
        const DType dtype =
            SafetensorsReader::dtypeFromCode(tensor.value(QStringLiteral("dtype")).toString(), &known);
        if (known) {
            qint64 elements = 1, dim = 0;
            bool valid = true;
            for (const QJsonValue value : tensor.value(QStringLiteral("shape")).toArray()) {
                valid = valid && jsonCount(value, &dim) && (dim == 0 || elements <= kMaxTensorElements / dim);
                elements = valid ? elements * dim : 0;
            }
            const qint64 bytes = elements * qint64(dtypeElementSize(dtype));
            if (valid && bytes != end - begin)
                add("TS020", place,
                    ScannerText::tr("'%1' spans %2 bytes; its dtype and shape need %3")
                        .arg(it.key())
                        .arg(end - begin)
                        .arg(bytes));
        }
        spans.append({begin, end, it.key()});
    }
    std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) { return a.begin < b.begin; });
    qint64 reached = 0;
    QString previous;
    for (const Span &span : std::as_const(spans)) {
        const QString place = header + QStringLiteral(": ") + span.name;
        if (span.begin < reached && span.end > span.begin)
            add("TS020", place, ScannerText::tr("'%1' overlaps '%2'").arg(span.name, previous));
        else if (span.begin > reached)
            add("TS020", place,
                ScannerText::tr("%n byte(s) before '%1' belong to no tensor", nullptr,
                                int(std::min<qint64>(span.begin - reached, INT_MAX)))
                    .arg(span.name));
        if (span.end > reached) {
            reached = span.end;
            previous = span.name;
        }
    }
    if (!spans.isEmpty() && !truncated && reached < dataSize)
        add("TS020", header,
            ScannerText::tr("%n byte(s) after the last tensor belong to no tensor", nullptr,
                            int(std::min<qint64>(dataSize - reached, INT_MAX))));
}
} // namespace

ContainerAudit auditContainer(const char *data, qint64 size)
{
    ContainerAudit audit;
    // A safetensors file starts with its header's length and the header's '{' (the reader also wants the
    // length to fit the file; the audit says when it does not).
    if (SafetensorsReader::looksLikeSafetensors(data, size) || (size > 8 && data[8] == '{')) {
        auditSafetensors(data, size, &audit);
        return audit;
    }
    // Legacy checkpoints and bare pickles are looked at only for an archive at their very end: the
    // reader reads their pickles, and tensor bytes may hold anything.
    ArchiveAuditor auditor(&audit);
    audit.archives = auditor.auditArchives(data, size, QString(), 0);
    return audit;
}

} // namespace torchscope
