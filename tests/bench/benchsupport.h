#pragma once

// What the benchmark programs share.

#include <QByteArray>
#include <QFile>

namespace torchscope::bench {

// One field of /proc/self/status in KiB ("RssAnon:", "VmHWM:"), or -1.
inline qint64 statusKib(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').first().toLongLong();
    return -1;
}

} // namespace torchscope::bench
