#include "output/csvwriter.h"

#include <cmath>
#include <utility>

namespace torchscope {

void CsvWriter::separate()
{
    if (m_rowStarted)
        m_bytes += ',';
    m_rowStarted = true;
}

void CsvWriter::field(const QByteArray &utf8)
{
    separate();
    const bool quoted =
        utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r');
    if (!quoted) {
        m_bytes += utf8;
        return;
    }
    m_bytes += '"';
    for (const char c : utf8) {
        if (c == '"')
            m_bytes += '"';
        m_bytes += c;
    }
    m_bytes += '"';
}

void CsvWriter::number(double value)
{
    separate();
    if (std::isnan(value))
        return;
    if (std::isinf(value))
        m_bytes += value > 0 ? "inf" : "-inf";
    else
        m_bytes += QByteArray::number(value, 'g', 17);
}

void CsvWriter::number(qint64 value)
{
    separate();
    m_bytes += QByteArray::number(value);
}

void CsvWriter::endRow()
{
    m_bytes += "\r\n";
    m_rowStarted = false;
}

QByteArray CsvWriter::take()
{
    return std::exchange(m_bytes, QByteArray());
}

} // namespace torchscope
