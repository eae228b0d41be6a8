#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <charconv>
#include <cmath>
#include <cstring>

namespace torchscope::cli {

void JsonWriter::indent(size_t depth)
{
    m_buffer.append(qsizetype(depth) * 4, ' ');
}

void JsonWriter::flush()
{
    if (m_device && !m_buffer.isEmpty()) {
        m_device->write(m_buffer);
        m_buffer.resize(0); // keeps its capacity
    }
}

void JsonWriter::element()
{
    if (m_buffer.size() >= (qsizetype(64) << 10))
        flush();
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_counts.empty())
        return;
    if (m_counts.back()++ > 0)
        m_buffer.append(",\n", 2);
    indent(m_counts.size());
}

void JsonWriter::open(char bracket)
{
    element();
    m_buffer.append(bracket);
    m_buffer.append('\n');
    m_counts.push_back(0);
}

void JsonWriter::close(char bracket)
{
    if (m_counts.back() > 0)
        m_buffer.append('\n');
    m_counts.pop_back();
    indent(m_counts.size());
    m_buffer.append(bracket);
    if (m_counts.empty())
        m_buffer.append('\n'); // the document ends with a newline, as toJson's does
}

void JsonWriter::key(const char *name)
{
    element();
    m_buffer.append('"');
    m_buffer.append(name, qsizetype(std::strlen(name)));
    m_buffer.append("\": ", 3);
    m_afterKey = true;
}

void JsonWriter::key(const QString &name)
{
    element();
    m_buffer.append('"');
    appendEscaped(name);
    m_buffer.append("\": ", 3);
    m_afterKey = true;
}

void JsonWriter::appendEscaped(const QString &text)
{
    // Plain text (no quotes, backslashes or control characters) is its UTF-8; anything else takes
    // Qt's own escaping, so that the bytes match QJsonDocument's for every string.
    const char16_t *chars = reinterpret_cast<const char16_t *>(text.constData());
    bool plain = true;
    bool ascii = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = chars[i];
        if (c < 0x20 || c == u'"' || c == u'\\' || (c >= 0xd800 && c <= 0xdfff)) {
            plain = false;
            break;
        }
        ascii = ascii && c < 0x80;
    }
    if (plain && ascii) {
        const qsizetype at = m_buffer.size();
        m_buffer.resize(at + text.size());
        char *to = m_buffer.data() + at;
        for (qsizetype i = 0; i < text.size(); ++i)
            to[i] = char(chars[i]);
    } else if (plain) {
        m_buffer.append(text.toUtf8());
    } else {
        const QByteArray json = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
        m_buffer.append(json.constData() + 2, json.size() - 4); // ["..."] without [" and "]
    }
}

void JsonWriter::value(const QString &text)
{
    element();
    m_buffer.append('"');
    appendEscaped(text);
    m_buffer.append('"');
}

void JsonWriter::value(const char *latin1Text)
{
    value(QString::fromLatin1(latin1Text));
}

void JsonWriter::value(qint64 number)
{
    element();
    char digits[24];
    const char *end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    m_buffer.append(digits, end - digits);
}

void JsonWriter::value(double number)
{
    element();
    if (std::isfinite(number))
        m_buffer.append(QByteArray::number(number, 'g', QLocale::FloatingPointShortest));
    else
        m_buffer.append("null", 4);
}

void JsonWriter::value(const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Bool:
        value(json.toBool());
        return;
    case QJsonValue::Double:
        value(json.toDouble());
        return;
    case QJsonValue::String:
        value(json.toString());
        return;
    case QJsonValue::Array:
        beginArray();
        for (const QJsonValue element : json.toArray())
            value(element);
        endArray();
        return;
    case QJsonValue::Object: {
        beginObject();
        const QJsonObject object = json.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            key(it.key());
            value(it.value());
        }
        endObject();
        return;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    null();
}

void JsonWriter::value(bool flag)
{
    element();
    if (flag)
        m_buffer.append("true", 4);
    else
        m_buffer.append("false", 5);
}

void JsonWriter::null()
{
    element();
    m_buffer.append("null", 4);
}

} // namespace torchscope::cli
