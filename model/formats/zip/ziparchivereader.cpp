#include "formats/zip/ziparchivereader.h"

#include "tensor/bytes.h"
#include "tensor/mappedfile.h"

#include <QCoreApplication>

#include <isa-l/crc.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>

namespace torchscope {

namespace {
constexpr quint32 kLocalHeaderSignature = 0x04034b50;
constexpr quint32 kCentralHeaderSignature = 0x02014b50;
constexpr quint32 kEndSignature = 0x06054b50;
constexpr quint32 kZip64EndSignature = 0x06064b50;
constexpr quint32 kZip64LocatorSignature = 0x07064b50;
constexpr qint64 kEndRecordSize = 22;
constexpr int kMaxEntries = 1 << 22;
// An entry's size must fit a qint64; 2^62 bytes is more than any file holds.
constexpr qint64 kMaxUncompressedSize = qint64(1) << 62;

constexpr qint64 kZip64EndRecordSize = 56;
constexpr qint64 kZip64LocatorSize = 20;
constexpr qint64 kCentralHeaderSize = 46;
constexpr qint64 kLocalHeaderSize = 30;

// lupdate sees the strings of this file under the context ZipArchiveReader.
struct ZipArchiveReaderText
{
    Q_DECLARE_TR_FUNCTIONS(ZipArchiveReader)
};
} // namespace

bool ZipArchiveReader::looksLikeZip(const char *data, qint64 size)
{
    return size >= 4 && u32(data) == kLocalHeaderSignature;
}

bool ZipArchiveReader::fail(QString *error, const QString &reason) const
{
    *error = reason;
    return false;
}

namespace {
// Absolute ("/x", "\\x", "C:/x") or climbing ("a/../../x"), with either separator. Looked at in place:
// a model's archive has tens of thousands of entries.
bool pointsOutside(QStringView name)
{
    qsizetype start = 0;
    bool first = true;
    for (qsizetype i = 0; i <= name.size(); ++i) {
        if (i < name.size() && name[i] != QLatin1Char('/') && name[i] != QLatin1Char('\\'))
            continue;
        const QStringView part = name.mid(start, i - start);
        if (first && ((part.isEmpty() && i < name.size()) || part.endsWith(QLatin1Char(':'))))
            return true;
        if (part == QLatin1String(".."))
            return true;
        first = false;
        start = i + 1;
    }
    return false;
}
} // namespace

bool ZipArchiveReader::open(std::shared_ptr<MappedFile> file, QString *error)
{
    m_file = std::move(file);
    m_entries.clear();
    m_byName.clear();
    m_crcsRecorded = true;
    Directory directory;
    if (!findDirectory(&directory, error))
        return false;
    m_entries.reserve(int(directory.entryCount));
    qint64 pos = directory.offset;
    const qint64 directoryEnd = directory.offset + directory.size;
    for (quint64 i = 0; i < directory.entryCount; ++i) {
        Entry entry;
        Recorded recorded;
        if (!readCentralHeader(&pos, directoryEnd, &entry, &recorded, error) ||
            !locateData(&entry, recorded, error))
            return false;
        if (m_byName.contains(entry.name))
            return fail(error,
                        ZipArchiveReaderText::tr("corrupt zip archive: duplicate entry %1").arg(entry.name));
        m_byName.insert(entry.name, m_entries.size());
        m_entries.append(entry);
    }
    return checkNames(error);
}

bool ZipArchiveReader::findDirectory(Directory *directory, QString *error) const
{
    const char *data = m_file->data();
    const qint64 size = m_file->size();
    if (size < kEndRecordSize)
        return fail(error, ZipArchiveReaderText::tr(
                               "truncated zip archive: too short for an end-of-directory record"));

    // The end record is in the last 64 KiB + 22 bytes (its comment is at most 65535 bytes).
    qint64 end = -1;
    const qint64 lowest = std::max<qint64>(0, size - kEndRecordSize - 0xffff);
    for (qint64 pos = size - kEndRecordSize; pos >= lowest; --pos) {
        if (u32(data + pos) == kEndSignature &&
            rangeInside(pos, kEndRecordSize + u16(data + pos + 20), size)) {
            end = pos;
            break;
        }
    }
    if (end < 0)
        return fail(error, ZipArchiveReaderText::tr(
                               "truncated or corrupt zip archive: end of central directory not found"));

    quint64 entryCount = u16(data + end + 10);
    quint64 directorySize = u32(data + end + 12);
    quint64 directoryOffset = u32(data + end + 16);
    if (end >= kZip64LocatorSize && u32(data + end - kZip64LocatorSize) == kZip64LocatorSignature) {
        const quint64 zip64End = u64(data + end - kZip64LocatorSize + 8);
        if (!rangeInside(zip64End, kZip64EndRecordSize, size))
            return fail(error,
                        ZipArchiveReaderText::tr("corrupt zip archive: ZIP64 end record outside the file"));
        const char *z = data + zip64End;
        if (u32(z) != kZip64EndSignature)
            return fail(error, ZipArchiveReaderText::tr("corrupt zip archive: bad ZIP64 end record"));
        entryCount = u64(z + 32);
        directorySize = u64(z + 40);
        directoryOffset = u64(z + 48);
    }
    if (!rangeInside(directoryOffset, directorySize, size))
        return fail(error, ZipArchiveReaderText::tr(
                               "truncated zip archive: central directory lies outside the file"));
    if (entryCount > quint64(kMaxEntries) || entryCount > directorySize / kCentralHeaderSize + 1)
        return fail(error, ZipArchiveReaderText::tr("corrupt zip archive: absurd entry count"));
    *directory = {entryCount, qint64(directoryOffset), qint64(directorySize)};
    return true;
}

// One central header at *pos, which moves past it.
bool ZipArchiveReader::readCentralHeader(qint64 *pos, qint64 directoryEnd, Entry *entry, Recorded *recorded,
                                         QString *error) const
{
    const char *data = m_file->data();
    if (!rangeInside(*pos, kCentralHeaderSize, directoryEnd) || u32(data + *pos) != kCentralHeaderSignature)
        return fail(error, ZipArchiveReaderText::tr("corrupt zip archive: bad central directory entry"));
    const char *h = data + *pos;
    const quint16 flags = u16(h + 8);
    entry->method = u16(h + 10);
    entry->crc32 = u32(h + 16);
    recorded->compressed = u32(h + 20);
    recorded->uncompressed = u32(h + 24);
    const int nameLength = u16(h + 28);
    const int extraLength = u16(h + 30);
    const int commentLength = u16(h + 32);
    recorded->localOffset = u32(h + 42);
    if (!rangeInside(*pos, kCentralHeaderSize + nameLength + extraLength + commentLength, directoryEnd))
        return fail(error, ZipArchiveReaderText::tr(
                               "corrupt zip archive: central directory entry overruns the directory"));
    if (flags & 0x1)
        return fail(error, ZipArchiveReaderText::tr("encrypted zip entries are not supported"));
    entry->name = QString::fromUtf8(h + kCentralHeaderSize, nameLength);
    if (!readZip64Extra(h + kCentralHeaderSize + nameLength, extraLength, recorded, error))
        return false;
    *pos += kCentralHeaderSize + nameLength + extraLength + commentLength;
    return true;
}

// The ZIP64 extra field: the 64-bit values appear only for the 32-bit fields that are saturated.
bool ZipArchiveReader::readZip64Extra(const char *extra, int extraLength, Recorded *recorded,
                                      QString *error) const
{
    for (int e = 0; rangeInside(e, 4, extraLength);) {
        const quint16 id = u16(extra + e);
        const int length = u16(extra + e + 2);
        if (!rangeInside(e + 4, length, extraLength))
            return fail(error, ZipArchiveReaderText::tr("corrupt zip archive: bad extra field"));
        if (id == 0x0001) {
            int k = e + 4;
            auto next = [&](quint64 *field) {
                if (*field != 0xffffffffu)
                    return true;
                if (!rangeInside(k, 8, e + 4 + length))
                    return false;
                *field = u64(extra + k);
                k += 8;
                return true;
            };
            if (!next(&recorded->uncompressed) || !next(&recorded->compressed) ||
                !next(&recorded->localOffset))
                return fail(error, ZipArchiveReaderText::tr("corrupt zip archive: bad ZIP64 extra field"));
        }
        e += 4 + length;
    }
    return true;
}

// The entry's local header and data inside the file, its sizes and method ones we read.
bool ZipArchiveReader::locateData(Entry *entry, const Recorded &recorded, QString *error) const
{
    const char *data = m_file->data();
    const qint64 size = m_file->size();
    const quint64 compressed = recorded.compressed, uncompressed = recorded.uncompressed;
    const quint64 localOffset = recorded.localOffset;
    if (!rangeInside(localOffset, kLocalHeaderSize, size))
        return fail(error, ZipArchiveReaderText::tr("truncated zip archive: entry %1 lies outside the file")
                               .arg(entry->name));
    const char *local = data + localOffset;
    if (u32(local) != kLocalHeaderSignature)
        return fail(
            error, ZipArchiveReaderText::tr("corrupt zip archive: bad local header for %1").arg(entry->name));
    // Cannot wrap: localOffset lies inside the file and the two lengths are 16-bit.
    const quint64 dataOffset = localOffset + kLocalHeaderSize + u16(local + 26) + u16(local + 28);
    if (!rangeInside(dataOffset, compressed, size))
        return fail(error, ZipArchiveReaderText::tr(
                               "truncated zip archive: data of %1 reaches past the end of the file")
                               .arg(entry->name));
    if (uncompressed > quint64(kMaxUncompressedSize))
        return fail(error, ZipArchiveReaderText::tr("corrupt zip archive: %1 claims %2 bytes uncompressed")
                               .arg(entry->name)
                               .arg(uncompressed));
    if (entry->method != 0 && entry->method != 8)
        return fail(error, ZipArchiveReaderText::tr("unsupported compression method %1 for %2")
                               .arg(entry->method)
                               .arg(entry->name));
    if (entry->method == 0 && compressed != uncompressed)
        return fail(error,
                    ZipArchiveReaderText::tr("corrupt zip archive: stored entry %1 has mismatched sizes")
                        .arg(entry->name));
    entry->compressedSize = qint64(compressed);
    entry->uncompressedSize = qint64(uncompressed);
    entry->localHeaderOffset = qint64(localOffset);
    entry->dataOffset = qint64(dataOffset);
    return true;
}

bool ZipArchiveReader::checkNames(QString *error)
{
    if (m_entries.isEmpty())
        return fail(error, ZipArchiveReaderText::tr("empty zip archive"));
    // Nothing is ever extracted, but a name that climbs out of the archive is a hostile file's mark.
    for (const Entry &entry : std::as_const(m_entries)) {
        if (pointsOutside(entry.name))
            return fail(error,
                        ZipArchiveReaderText::tr("hostile zip archive: entry '%1' points outside the archive")
                            .arg(entry.name));
    }
    const QString first = m_entries.first().name;
    const int slash = first.indexOf(QLatin1Char('/'));
    if (slash <= 0)
        return fail(
            error,
            ZipArchiveReaderText::tr("not a PyTorch archive: entry '%1' is not inside a folder").arg(first));
    m_rootFolder = first.left(slash);
    const QString prefix = m_rootFolder + QLatin1Char('/');
    bool everyCrcZero = true;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (!entry.name.startsWith(prefix))
            return fail(error,
                        ZipArchiveReaderText::tr(
                            "not a PyTorch archive: entry '%1' is outside the folder '%2' of the others")
                            .arg(entry.name, m_rootFolder));
        everyCrcZero = everyCrcZero && entry.crc32 == 0;
    }
    m_crcsRecorded = !(everyCrcZero && findRecord(QStringLiteral(".data/serialization_id")));
    return true;
}

const ZipArchiveReader::Entry *ZipArchiveReader::find(const QString &name) const
{
    const int index = m_byName.value(name, -1);
    return index < 0 ? nullptr : &m_entries[index];
}

const ZipArchiveReader::Entry *ZipArchiveReader::findRecord(const QString &relativeName) const
{
    return find(m_rootFolder + QLatin1Char('/') + relativeName);
}

const char *ZipArchiveReader::storedData(const Entry &entry) const
{
    return entry.method == 0 ? m_file->data() + entry.dataOffset : nullptr;
}

bool ZipArchiveReader::read(const Entry &entry, QByteArray *out, QString *error, qint64 maxSize) const
{
    const char *data = nullptr;
    if (!view(entry, &data, out, error, maxSize))
        return false;
    if (data != out->constData())
        *out = QByteArray(data, entry.uncompressedSize);
    return true;
}

bool ZipArchiveReader::view(const Entry &entry, const char **data, QByteArray *inflated, QString *error,
                            qint64 maxSize) const
{
    if (entry.uncompressedSize > maxSize)
        return fail(error, ZipArchiveReaderText::tr("%1 is too large (%2 bytes)")
                               .arg(entry.name)
                               .arg(entry.uncompressedSize));
    const char *source = m_file->data() + entry.dataOffset;
    if (entry.method == 0) {
        *data = source;
    } else {
        inflated->resize(entry.uncompressedSize);
        z_stream stream{};
        if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
            return fail(error, ZipArchiveReaderText::tr("cannot start decompression"));
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(source));
        stream.avail_in = uInt(std::min<qint64>(entry.compressedSize, 0x7fffffff));
        stream.next_out = reinterpret_cast<Bytef *>(inflated->data());
        stream.avail_out = uInt(inflated->size());
        const int status = inflate(&stream, Z_FINISH);
        const bool complete = status == Z_STREAM_END && stream.total_out == uLong(entry.uncompressedSize);
        inflateEnd(&stream);
        if (!complete)
            return fail(error, ZipArchiveReaderText::tr("corrupt compressed data in %1").arg(entry.name));
        *data = inflated->constData();
    }
    const quint32 crc =
        crc32_gzip_refl(0, reinterpret_cast<const unsigned char *>(*data), quint64(entry.uncompressedSize));
    if (m_crcsRecorded && crc != entry.crc32)
        return fail(error,
                    ZipArchiveReaderText::tr("corrupt zip archive: CRC mismatch in %1").arg(entry.name));
    return true;
}

} // namespace torchscope
