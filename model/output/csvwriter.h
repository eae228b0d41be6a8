#pragma once

// Every CSV the project writes goes through this: RFC 4180 (fields separated by commas, records ended
// by CRLF, a field holding a comma, a quote or a line break quoted, its quotes doubled), UTF-8.

#include <QByteArray>
#include <QString>

namespace torchscope {

class CsvWriter
{
public:
    void field(const QString &text) { field(text.toUtf8()); }
    void field(const QByteArray &utf8);
    void field(const char *ascii) { field(QByteArray(ascii)); }
    void empty() { separate(); }
    // Doubles to 17 significant digits (they read back exactly), the infinities as inf and -inf, NaN
    // as an empty field.
    void number(double value);
    void number(qint64 value);
    void endRow();

    const QByteArray &bytes() const { return m_bytes; }
    // Hands over what is written so far and starts again (for writers that stream to a file).
    QByteArray take();

private:
    void separate();

    QByteArray m_bytes;
    bool m_rowStarted = false;
};

} // namespace torchscope
