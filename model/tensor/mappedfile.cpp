#include "tensor/mappedfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace torchscope {

struct MappedFile::Private
{
    QFile file;
    QByteArray buffer;
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
