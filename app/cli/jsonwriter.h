#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QJsonValue>
#include <QString>

#include <vector>

namespace torchscope::cli {

// Writes JSON to a device as it goes, laid out exactly as QJsonDocument::toJson(Indented) lays it out
// (four-space indents, "key": value, Qt's escapes and shortest round-trip doubles), without building
// a QJsonObject first: `info --json` of a model with 60,000 modules spent more time in Qt's JSON
// objects than in reading the file. QJsonObject sorts keys; callers give keys in sorted order.
class JsonWriter
{
public:
    // Writes to `device` a buffer at a time rather than holding the whole document (fresh memory
    // is slow to come by: on this kind of VM a page fault costs microseconds).
    explicit JsonWriter(QIODevice *device) : m_device(device) {}
    ~JsonWriter() { flush(); }
    JsonWriter(const JsonWriter &) = delete;
    JsonWriter &operator=(const JsonWriter &) = delete;
    // Hands what is buffered to the device.
    void flush();

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    // A key of the object being written; its value comes next.
    void key(const char *name);
    void key(const QString &name); // any text, escaped as a string is

    void value(const QString &text);
    void value(const char *latin1Text);
    void value(qint64 number);
    void value(int number) { value(qint64(number)); }
    // Doubles as Qt writes them; NaN and the infinities become null, as JSON has no word for them.
    void value(double number);
    void value(bool flag);
    // Any JSON value, written as QJsonDocument writes it.
    void value(const QJsonValue &json);
    void null();

private:
    void open(char bracket);
    void close(char bracket);
    void element(); // the separator and indent before an array element or a key
    void indent(size_t depth);
    void appendEscaped(const QString &text);

    QIODevice *m_device;
    QByteArray m_buffer;
    // Per open container: how many elements (or keys) it has so far.
    std::vector<qsizetype> m_counts;
    bool m_afterKey = false;
};

} // namespace torchscope::cli
