#pragma once

#include "tensor/tensorinfo.h"

#include <QString>

#include <memory>

namespace torchscope {

// A read-only memory mapping of a whole file. Shared so that tensor storages can keep it alive.
class MappedFile
{
public:
    static std::shared_ptr<MappedFile> open(const QString &path, QString *error);
    static std::shared_ptr<MappedFile> fromBuffer(QByteArray bytes);
    // Bytes [offset, offset + length) of `parent` as a file of their own (an archive nested at an offset,
    // as DCP's .distcp files hold one per item), sharing the mapping and keeping it alive; the range
    // must lie inside the parent.
    static std::shared_ptr<MappedFile> slice(std::shared_ptr<const MappedFile> parent, qint64 offset,
                                             qint64 length);
    ~MappedFile();

    const char *data() const { return m_data; }
    qint64 size() const { return m_size; }
    const QString &path() const { return m_path; }
    // madvise/posix_fadvise on a byte range of a file mapping (no-ops for buffers).
    void adviseSequential(qint64 offset, qint64 length) const;
    void releasePages(qint64 offset, qint64 length) const;
    void adviseRandom(qint64 offset, qint64 length) const;
    void adviseNormal(qint64 offset, qint64 length) const;
    // The bytes [offset, offset + length) read with pread (copied, for buffers); false on a read error.
    bool read(qint64 offset, char *buffer, qint64 length) const;
    bool isFile() const;

private:
    MappedFile() = default;
    struct Private;
    std::unique_ptr<Private> d;
    const char *m_data = nullptr;
    qint64 m_size = 0;
    QString m_path;
};

// Whether reading this many bytes of mapped files is a long read: more than half of physical memory,
// so pages read should be given back rather than evict everything else from the page cache.
bool isLongRead(qint64 bytes);

// Bytes of a mapped file used in place as a tensor storage; keeps the mapping alive.
class MappedFileRange final : public TensorStorage
{
public:
    MappedFileRange(std::shared_ptr<MappedFile> file, qint64 offset, qint64 size)
        : m_file(std::move(file)), m_offset(offset), m_size(size)
    {
    }
    // A zip record's bytes and the CRC-32 its central directory gives for them.
    MappedFileRange(std::shared_ptr<MappedFile> file, qint64 offset, qint64 size, quint32 crc32)
        : m_file(std::move(file)), m_offset(offset), m_size(size), m_crc32(crc32), m_hasCrc32(true)
    {
    }
    bool prefersRead() const override { return m_file->isFile(); }
    bool read(qint64 offset, char *buffer, qint64 length) const override
    {
        return m_file->read(m_offset + offset, buffer, length);
    }
    bool recordedCrc32(quint32 *crc) const override
    {
        *crc = m_crc32;
        return m_hasCrc32;
    }
    const char *data() const override { return m_file->data() + m_offset; }
    qint64 size() const override { return m_size; }
    void adviseSequential(qint64 offset, qint64 length) const override
    {
        m_file->adviseSequential(m_offset + offset, length);
    }
    void adviseRandom(qint64 offset, qint64 length) const override
    {
        m_file->adviseRandom(m_offset + offset, length);
    }
    void adviseNormal(qint64 offset, qint64 length) const override
    {
        m_file->adviseNormal(m_offset + offset, length);
    }

    void releasePages(qint64 offset, qint64 length) const override
    {
        m_file->releasePages(m_offset + offset, length);
    }

private:
    std::shared_ptr<MappedFile> m_file;
    qint64 m_offset;
    qint64 m_size;
    quint32 m_crc32 = 0;
    bool m_hasCrc32 = false;
};

} // namespace torchscope
