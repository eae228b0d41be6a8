#include "formats/zip/zipwriter.h"

#include <QCoreApplication>
#include <QIODevice>

#include <isa-l/crc.h>

#include <algorithm>
#include <utility>

namespace torchscope {

namespace {
constexpr qint64 kAlignment = 64;
constexpr quint32 kSaturated = 0xffffffffu;
constexpr quint16 kDosDate = (0 << 9) | (1 << 5) | 1; // 1980-01-01

void put16(QByteArray &out, quint16 v)
{
    out.append(char(v & 0xff)).append(char(v >> 8));
}

void put32(QByteArray &out, quint32 v)
{
    put16(out, quint16(v & 0xffff));
    put16(out, quint16(v >> 16));
}

void put64(QByteArray &out, quint64 v)
{
    put32(out, quint32(v & 0xffffffffu));
    put32(out, quint32(v >> 32));
}

bool needsZip64(qint64 v)
{
    return v >= qint64(kSaturated);
}
} // namespace

ZipWriter::ZipWriter(QIODevice *device, QString rootFolder)
    : m_device(device), m_rootFolder(std::move(rootFolder)), m_base(device->pos())
{
}

bool ZipWriter::write(const char *data, qint64 size)
{
    qint64 done = 0;
    while (done < size) {
        const qint64 n = m_device->write(data + done, size - done);
        if (n <= 0) {
            m_error = m_device->errorString();
            return false;
        }
        done += n;
    }
    m_offset += size;
    return true;
}

bool ZipWriter::write(const QByteArray &bytes)
{
    return write(bytes.constData(), bytes.size());
}

// The local header of a stored record, padded with a private extra field so the data starts on a
// 64-byte boundary, which lets readers map tensors in place.
QByteArray ZipWriter::localHeader(const CentralEntry &entry) const
{
    const qint64 size = entry.size;
    const bool zip64 = needsZip64(size);
    QByteArray header;
    put32(header, 0x04034b50);
    put16(header, zip64 ? 45 : 20);
    put16(header, 0);
    put16(header, 0); // stored
    put16(header, 0);
    put16(header, kDosDate);
    put32(header, entry.crc32);
    put32(header, zip64 ? kSaturated : quint32(size));
    put32(header, zip64 ? kSaturated : quint32(size));
    put16(header, quint16(entry.name.size()));
    const qint64 fixedLength = 30 + entry.name.size() + (zip64 ? 20 : 0);
    qint64 padding = (kAlignment - (entry.localHeaderOffset + fixedLength + 4) % kAlignment) % kAlignment;
    put16(header, quint16((zip64 ? 20 : 0) + 4 + padding));
    header.append(entry.name);
    if (zip64) {
        put16(header, 0x0001);
        put16(header, 16);
        put64(header, quint64(size));
        put64(header, quint64(size));
    }
    put16(header, 0x4246);
    put16(header, quint16(padding));
    header.append(QByteArray(padding, 'Z'));
    return header;
}

bool ZipWriter::addRecord(const QString &name, const char *data, qint64 size)
{
    CentralEntry entry;
    entry.name = (m_rootFolder + QLatin1Char('/') + name).toUtf8();
    entry.size = size;
    entry.localHeaderOffset = m_offset;
    entry.crc32 = crc32_gzip_refl(0, reinterpret_cast<const unsigned char *>(data), quint64(size));
    if (!write(localHeader(entry)) || !write(data, size))
        return false;
    m_entries.append(entry);
    return true;
}

bool ZipWriter::beginRecord(const QString &name, qint64 size, std::optional<quint32> knownCrc32)
{
    m_open = CentralEntry();
    m_open.name = (m_rootFolder + QLatin1Char('/') + name).toUtf8();
    m_open.size = size;
    m_open.localHeaderOffset = m_offset;
    m_open.crc32 = knownCrc32.value_or(0);
    m_openCrcKnown = knownCrc32.has_value();
    m_openWritten = 0;
    return write(localHeader(m_open));
}

bool ZipWriter::writeRecordData(const char *data, qint64 size)
{
    if (m_openWritten < 0 || m_openWritten + size > m_open.size) {
        m_error = QCoreApplication::translate("ZipWriter", "more data than the record holds");
        return false;
    }
    if (!m_openCrcKnown)
        m_open.crc32 =
            crc32_gzip_refl(m_open.crc32, reinterpret_cast<const unsigned char *>(data), quint64(size));
    m_openWritten += size;
    return write(data, size);
}

bool ZipWriter::endRecord()
{
    if (m_openWritten != m_open.size) {
        m_error = QCoreApplication::translate("ZipWriter", "a record ended before all its data was written");
        return false;
    }
    m_openWritten = -1;
    if (m_openCrcKnown) {
        m_entries.append(m_open);
        return true;
    }
    // The CRC sits 14 bytes into the local header.
    QByteArray crc;
    put32(crc, m_open.crc32);
    if (!m_device->seek(m_base + m_open.localHeaderOffset + 14) || m_device->write(crc) != crc.size() ||
        !m_device->seek(m_base + m_offset)) {
        m_error = m_device->errorString();
        return false;
    }
    m_entries.append(m_open);
    return true;
}

bool ZipWriter::finish()
{
    const qint64 directoryOffset = m_offset;
    QByteArray directory;
    for (const CentralEntry &entry : std::as_const(m_entries)) {
        QByteArray extra;
        if (needsZip64(entry.size)) {
            put64(extra, quint64(entry.size));
            put64(extra, quint64(entry.size));
        }
        if (needsZip64(entry.localHeaderOffset))
            put64(extra, quint64(entry.localHeaderOffset));
        if (!extra.isEmpty()) {
            QByteArray field;
            put16(field, 0x0001);
            put16(field, quint16(extra.size()));
            extra.prepend(field);
        }
        put32(directory, 0x02014b50);
        put16(directory, 45);
        put16(directory, 45);
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, kDosDate);
        put32(directory, entry.crc32);
        put32(directory, needsZip64(entry.size) ? kSaturated : quint32(entry.size));
        put32(directory, needsZip64(entry.size) ? kSaturated : quint32(entry.size));
        put16(directory, quint16(entry.name.size()));
        put16(directory, quint16(extra.size()));
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0);
        put32(directory, 0);
        put32(directory, needsZip64(entry.localHeaderOffset) ? kSaturated : quint32(entry.localHeaderOffset));
        directory.append(entry.name);
        directory.append(extra);
    }
    const qint64 zip64EndOffset = directoryOffset + directory.size();
    const quint64 count = quint64(m_entries.size());
    QByteArray end;
    put32(end, 0x06064b50);
    put64(end, 44);
    put16(end, 45);
    put16(end, 45);
    put32(end, 0);
    put32(end, 0);
    put64(end, count);
    put64(end, count);
    put64(end, quint64(directory.size()));
    put64(end, quint64(directoryOffset));
    put32(end, 0x07064b50);
    put32(end, 0);
    put64(end, quint64(zip64EndOffset));
    put32(end, 1);
    put32(end, 0x06054b50);
    put16(end, 0);
    put16(end, 0);
    put16(end, count >= 0xffff ? 0xffff : quint16(count));
    put16(end, count >= 0xffff ? 0xffff : quint16(count));
    put32(end, needsZip64(directory.size()) ? kSaturated : quint32(directory.size()));
    put32(end, needsZip64(directoryOffset) ? kSaturated : quint32(directoryOffset));
    put16(end, 0);
    return write(directory) && write(end);
}

} // namespace torchscope
