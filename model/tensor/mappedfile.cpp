#include "tensor/mappedfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace torchscope {

struct MappedFile::Private
{
    QFile file;
    QByteArray buffer;
    // A slice: its bytes are the parent's from `base` on.
    std::shared_ptr<const MappedFile> parent;
    qint64 base = 0;
};

MappedFile::~MappedFile() = default;

std::shared_ptr<MappedFile> MappedFile::open(const QString &path, QString *error)
{
    std::shared_ptr<MappedFile> mapped(new MappedFile);
    mapped->d = std::make_unique<Private>();
    mapped->m_path = path;
    QFileInfo info(path);
    if (!info.exists()) {
        *error = QCoreApplication::translate("MappedFile", "%1: no such file").arg(path);
        return nullptr;
    }
    if (info.isDir()) {
        *error = QCoreApplication::translate("MappedFile", "%1: is a directory").arg(path);
        return nullptr;
    }
    QFile &file = mapped->d->file;
    file.setFileName(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("MappedFile", "%1: %2").arg(path, file.errorString());
        return nullptr;
    }
    mapped->m_size = file.size();
    if (mapped->m_size == 0) {
        static const char empty = 0;
        mapped->m_data = &empty;
        return mapped;
    }
    uchar *address = file.map(0, mapped->m_size);
    if (!address) {
        *error = QCoreApplication::translate("MappedFile", "%1: cannot map file: %2")
                     .arg(path, file.errorString());
        return nullptr;
    }
    mapped->m_data = reinterpret_cast<const char *>(address);
    return mapped;
}

namespace {
// The whole pages of [offset, offset + length) of a mapping starting at `base`, which mmap placed on a
// page boundary.
bool wholePages(const char *base, qint64 offset, qint64 length, char **start, size_t *size)
{
    static const qint64 page = sysconf(_SC_PAGESIZE);
    const qint64 begin = (offset + page - 1) / page * page;
    const qint64 end = (offset + length) / page * page;
    if (length <= 0 || end <= begin)
        return false;
    *start = const_cast<char *>(base) + begin;
    *size = size_t(end - begin);
    return true;
}
} // namespace

bool isLongRead(qint64 bytes)
{
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGESIZE);
    return pages > 0 && pageSize > 0 && bytes > qint64(pages) * qint64(pageSize) / 2;
}

std::shared_ptr<MappedFile> MappedFile::slice(std::shared_ptr<const MappedFile> parent, qint64 offset,
                                              qint64 length)
{
    std::shared_ptr<MappedFile> sliced(new MappedFile);
    sliced->d = std::make_unique<Private>();
    sliced->m_path = parent->path();
    sliced->m_data = parent->data() + offset;
    sliced->m_size = length;
    sliced->d->base = offset;
    sliced->d->parent = std::move(parent);
    return sliced;
}

void MappedFile::adviseSequential(qint64 offset, qint64 length) const
{
    if (d->parent)
        return d->parent->adviseSequential(d->base + offset, length);
    char *start = nullptr;
    size_t size = 0;
    if (d->file.isOpen() && wholePages(m_data, offset, length, &start, &size))
        madvise(start, size, MADV_SEQUENTIAL);
}

void MappedFile::adviseRandom(qint64 offset, qint64 length) const
{
    if (d->parent)
        return d->parent->adviseRandom(d->base + offset, length);
    char *start = nullptr;
    size_t size = 0;
    if (d->file.isOpen() && wholePages(m_data, offset, length, &start, &size))
        madvise(start, size, MADV_RANDOM);
}

void MappedFile::adviseNormal(qint64 offset, qint64 length) const
{
    if (d->parent)
        return d->parent->adviseNormal(d->base + offset, length);
    char *start = nullptr;
    size_t size = 0;
    if (d->file.isOpen() && wholePages(m_data, offset, length, &start, &size))
        madvise(start, size, MADV_NORMAL);
}

void MappedFile::releasePages(qint64 offset, qint64 length) const
{
    if (d->parent)
        return d->parent->releasePages(d->base + offset, std::min(length, m_size - offset));
    // The page cache keeps a file in folios of up to 2 MiB, and drops only folios a request covers
    // whole; the range grows to 2 MiB boundaries, so a neighbour may lose a page or two it reads again.
    constexpr qint64 kFolio = qint64(2) << 20;
    const qint64 begin = std::max<qint64>(0, offset / kFolio * kFolio);
    const qint64 end = std::min(m_size, (offset + length + kFolio - 1) / kFolio * kFolio);
    char *start = nullptr;
    size_t size = 0;
    if (!d->file.isOpen() || length <= 0 || !wholePages(m_data, begin, end - begin, &start, &size))
        return;
    // Drop our mapping of the pages, then ask the kernel to drop them from the page cache (it does
    // so only for clean pages no one else maps). The file's bytes stay as they are.
    madvise(start, size, MADV_DONTNEED);
    posix_fadvise(d->file.handle(), off_t(start - m_data), off_t(size), POSIX_FADV_DONTNEED);
}

bool MappedFile::isFile() const
{
    if (d->parent)
        return d->parent->isFile();
    return d->file.isOpen();
}

bool MappedFile::read(qint64 offset, char *buffer, qint64 length) const
{
    if (offset < 0 || length < 0 || offset > m_size || length > m_size - offset)
        return false;
    if (d->parent)
        return d->parent->read(d->base + offset, buffer, length);
    if (!isFile()) {
        std::memcpy(buffer, m_data + offset, size_t(length));
        return true;
    }
    while (length > 0) {
        const ssize_t n = pread(d->file.handle(), buffer, size_t(length), off_t(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        buffer += n;
        offset += n;
        length -= n;
    }
    return true;
}

std::shared_ptr<MappedFile> MappedFile::fromBuffer(QByteArray bytes)
{
    std::shared_ptr<MappedFile> mapped(new MappedFile);
    mapped->d = std::make_unique<Private>();
    mapped->d->buffer = std::move(bytes);
    mapped->m_data = mapped->d->buffer.constData();
    mapped->m_size = mapped->d->buffer.size();
    return mapped;
}

} // namespace torchscope
