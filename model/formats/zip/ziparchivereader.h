#pragma once

#include <QHash>
#include <QString>
#include <QVector>

#include <memory>

namespace torchscope {

class MappedFile;

// Reads the central directory of a zip archive (with ZIP64) as torch.save and torch.jit.save
// write them, checking every offset against the file before anything is touched.
class ZipArchiveReader
{
public:
    struct Entry
    {
        QString name;
        quint16 method = 0;
        quint32 crc32 = 0;
        qint64 compressedSize = 0;
        qint64 uncompressedSize = 0;
        qint64 localHeaderOffset = 0;
        qint64 dataOffset = 0;
    };

    // Whether the bytes start like a zip archive (a local file header).
    static bool looksLikeZip(const char *data, qint64 size);

    bool open(std::shared_ptr<MappedFile> file, QString *error);

    const QVector<Entry> &entries() const { return m_entries; }
    const Entry *find(const QString &name) const;
    // The single top-level folder every entry lives in, e.g. "archive" (without the slash).
    const QString &rootFolder() const { return m_rootFolder; }
    // False for an archive PyTorch 2.x wrote with serialization config compute_crc32=False: every CRC is
    // zero and a .data/serialization_id record says PyTorch wrote it. PyTorch never checks CRCs; we check
    // them wherever they were written.
    bool crcsRecorded() const { return m_crcsRecorded; }
    // Finds "<root>/<relativeName>".
    const Entry *findRecord(const QString &relativeName) const;

    // The entry's bytes (inflated if deflated), checked against the CRC.
    bool read(const Entry &entry, QByteArray *out, QString *error, qint64 maxSize = qint64(1) << 31) const;
    // The entry's bytes, checked against the CRC, without a copy: in place in the mapped file when
    // stored, else inflated into `inflated`. `*data` lives as long as both.
    bool view(const Entry &entry, const char **data, QByteArray *inflated, QString *error,
              qint64 maxSize = qint64(1) << 31) const;
    // The entry's bytes in place; only for stored entries.
    const char *storedData(const Entry &entry) const;
    const std::shared_ptr<MappedFile> &file() const { return m_file; }

private:
    // open()'s steps, in order.
    struct Directory
    {
        quint64 entryCount = 0;
        qint64 offset = 0, size = 0;
    };
    // What a central header records of an entry, before it is checked against the file.
    struct Recorded
    {
        quint64 compressed = 0, uncompressed = 0, localOffset = 0;
    };
    bool findDirectory(Directory *directory, QString *error) const;
    bool readCentralHeader(qint64 *pos, qint64 directoryEnd, Entry *entry, Recorded *recorded,
                           QString *error) const;
    bool readZip64Extra(const char *extra, int extraLength, Recorded *recorded, QString *error) const;
    bool locateData(Entry *entry, const Recorded &recorded, QString *error) const;
    bool checkNames(QString *error);
    bool fail(QString *error, const QString &reason) const;

    std::shared_ptr<MappedFile> m_file;
    QVector<Entry> m_entries;
    QHash<QString, int> m_byName;
    QString m_rootFolder;
    bool m_crcsRecorded = true;
};

} // namespace torchscope
