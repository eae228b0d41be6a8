#pragma once

#include <QFile>
#include <QString>

namespace torchscope {

// A file that appears whole or not at all. It is written as an unnamed file in the target's folder
// (O_TMPFILE), so a failure, a full disk or a kill leaves no trace and the old file as it was;
// commit() syncs it to disk and gives it the target's name in one rename. Where the file system has
// no unnamed files it falls back to a hidden temporary name beside the target, removed on failure.
class AtomicFile
{
public:
    explicit AtomicFile(QString path);
    ~AtomicFile();
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    bool open(QString *error);
    QIODevice *device() { return &m_file; }
    // Writes out what is buffered, so readablePath() sees all of it.
    bool flush(QString *error);
    // A path that reads what has been written so far (to check it before it replaces the target).
    QString readablePath() const;
    // Flushes, syncs and renames over the target (then syncs the folder). False with a reason.
    bool commit(QString *error);

private:
    QString m_path;
    QString m_temporaryName; // the fallback's name; empty for an unnamed file
    int m_descriptor = -1;
    QFile m_file;
    bool m_committed = false;
};

} // namespace torchscope
