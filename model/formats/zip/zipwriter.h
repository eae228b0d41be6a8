#pragma once

#include <QString>
#include <QVector>

#include <optional>

class QIODevice;

namespace torchscope {

// Writes an uncompressed zip archive the way PyTorch's PyTorchStreamWriter does: every record
// inside one folder, data aligned to 64 bytes, ZIP64 end records, real CRCs.
class ZipWriter
{
public:
    ZipWriter(QIODevice *device, QString rootFolder);

    // Adds "<root>/<name>".
    bool addRecord(const QString &name, const char *data, qint64 size);
    // Adds a record of `size` bytes written in pieces: beginRecord, writeRecordData until `size` bytes
    // are in, endRecord. The CRC is computed as the bytes pass and patched into the local header
    // afterwards, so the device must be seekable (a file).
    // With `knownCrc32`, the CRC of the bytes to come is already known (they are a source record's,
    // unchanged): it goes straight into the header and the bytes are not read again for it.
    bool beginRecord(const QString &name, qint64 size, std::optional<quint32> knownCrc32 = std::nullopt);
    bool writeRecordData(const char *data, qint64 size);
    bool endRecord();
    bool finish();
    const QString &errorString() const { return m_error; }

private:
    struct CentralEntry
    {
        QByteArray name;
        quint32 crc32;
        qint64 size;
        qint64 localHeaderOffset;
    };
    bool write(const QByteArray &bytes);
    bool write(const char *data, qint64 size);
    QByteArray localHeader(const CentralEntry &entry) const;

    CentralEntry m_open; // the record between beginRecord and endRecord
    bool m_openCrcKnown = false;
    qint64 m_openWritten = -1;

    QIODevice *m_device;
    QString m_rootFolder;
    qint64 m_base = 0; // where on the device the archive starts
    qint64 m_offset = 0;
    QVector<CentralEntry> m_entries;
    QString m_error;
};

} // namespace torchscope
