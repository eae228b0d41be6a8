#pragma once

#include <QString>

#include <memory>

namespace torchscope {

// A read-only memory mapping of a whole file. Shared so that tensor storages can keep it alive.
class MappedFile
{
public:
    static std::shared_ptr<MappedFile> open(const QString &path, QString *error);
    static std::shared_ptr<MappedFile> fromBuffer(QByteArray bytes);
    ~MappedFile();

    const char *data() const { return m_data; }
    qint64 size() const { return m_size; }
    const QString &path() const { return m_path; }

private:
    MappedFile() = default;
    struct Private;
    std::unique_ptr<Private> d;
    const char *m_data = nullptr;
    qint64 m_size = 0;
    QString m_path;
};

} // namespace torchscope
