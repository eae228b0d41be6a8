#include "formats/atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace torchscope {

namespace {
QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// lupdate sees the strings of this file under the context CheckpointWriter.
struct CheckpointWriterText
{
    Q_DECLARE_TR_FUNCTIONS(CheckpointWriter)
};
} // namespace

AtomicFile::AtomicFile(QString path) : m_path(std::move(path)) {}

AtomicFile::~AtomicFile()
{
    m_file.close();
    if (m_descriptor >= 0)
        ::close(m_descriptor);
    if (!m_committed && !m_temporaryName.isEmpty())
        ::unlink(QFile::encodeName(m_temporaryName).constData());
}

bool AtomicFile::open(QString *error)
{
    const QFileInfo target(m_path);
    const QByteArray folder = QFile::encodeName(target.absolutePath());
    // Keep the target's permissions when it exists; a new file gets what the umask allows.
    mode_t mode = 0666;
    struct stat existing;
    if (::stat(QFile::encodeName(m_path).constData(), &existing) == 0)
        mode = existing.st_mode & 07777;
    m_descriptor = ::open(folder.constData(), O_TMPFILE | O_RDWR | O_CLOEXEC, mode);
    if (m_descriptor < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
        // No unnamed files here: a hidden name beside the target, created exclusively.
        for (int attempt = 0; attempt < 16 && m_descriptor < 0; ++attempt) {
            m_temporaryName = target.absoluteDir().filePath(
                QStringLiteral(".%1.%2.tmp")
                    .arg(target.fileName())
                    .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
            m_descriptor = ::open(QFile::encodeName(m_temporaryName).constData(),
                                  O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, mode);
        }
        if (m_descriptor < 0)
            m_temporaryName.clear();
    }
    if (m_descriptor < 0) {
        *error = CheckpointWriterText::tr("%1: cannot write: %2").arg(m_path, systemError());
        return false;
    }
    if (!m_file.open(m_descriptor, QIODevice::ReadWrite, QFileDevice::DontCloseHandle)) {
        *error = CheckpointWriterText::tr("%1: cannot write: %2").arg(m_path, m_file.errorString());
        return false;
    }
    return true;
}

bool AtomicFile::flush(QString *error)
{
    if (m_file.flush())
        return true;
    *error = CheckpointWriterText::tr("%1: cannot write: %2").arg(m_path, m_file.errorString());
    return false;
}

QString AtomicFile::readablePath() const
{
    return m_temporaryName.isEmpty() ? QStringLiteral("/proc/self/fd/%1").arg(m_descriptor) : m_temporaryName;
}

bool AtomicFile::commit(QString *error)
{
    if (!m_file.flush() || ::fsync(m_descriptor) != 0) {
        *error =
            CheckpointWriterText::tr("%1: cannot write: %2")
                .arg(m_path, m_file.error() != QFileDevice::NoError ? m_file.errorString() : systemError());
        return false;
    }
    const QByteArray target = QFile::encodeName(m_path);
    if (m_temporaryName.isEmpty()) {
        // Name the unnamed file beside the target, then rename it over the target in one step.
        const QFileInfo info(m_path);
        for (int attempt = 0; attempt < 16 && m_temporaryName.isEmpty(); ++attempt) {
            const QString name = info.absoluteDir().filePath(
                QStringLiteral(".%1.%2.tmp")
                    .arg(info.fileName())
                    .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
            const QByteArray procPath = QStringLiteral("/proc/self/fd/%1").arg(m_descriptor).toLatin1();
            if (::linkat(AT_FDCWD, procPath.constData(), AT_FDCWD, QFile::encodeName(name).constData(),
                         AT_SYMLINK_FOLLOW) == 0)
                m_temporaryName = name;
            else if (errno != EEXIST)
                break;
        }
        if (m_temporaryName.isEmpty()) {
            *error = CheckpointWriterText::tr("%1: cannot write: %2").arg(m_path, systemError());
            return false;
        }
    }
    if (::rename(QFile::encodeName(m_temporaryName).constData(), target.constData()) != 0) {
        *error = CheckpointWriterText::tr("%1: cannot write: %2").arg(m_path, systemError());
        return false;
    }
    m_committed = true;
    // The rename itself is durable once the folder is synced.
    const int folder = ::open(QFile::encodeName(QFileInfo(m_path).absolutePath()).constData(),
                              O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
        ::fsync(folder);
        ::close(folder);
    }
    return true;
}

} // namespace torchscope
