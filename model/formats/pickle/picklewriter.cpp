#include "formats/pickle/picklewriter.h"

#include <QVector>

#include <cstring>

namespace torchscope {

PickleWriter::PickleWriter()
{
    m_out.append('\x80').append('\x02');
}

void PickleWriter::global(const char *module, const char *name)
{
    op('c');
    m_out.append(module).append('\n').append(name).append('\n');
    memoize();
}

void PickleWriter::global(const QString &module, const QString &name)
{
    op('c');
    m_out.append(module.toUtf8()).append('\n').append(name.toUtf8()).append('\n');
    memoize();
}

quint32 PickleWriter::memoize()
{
    if (m_memo < 256) {
        m_out.append('q').append(char(m_memo));
    } else {
        m_out.append('r');
        for (int i = 0; i < 4; ++i)
            m_out.append(char((m_memo >> (8 * i)) & 0xff));
    }
    return m_memo++;
}

void PickleWriter::storage(DType dtype, const QString &key, const QString &location, qint64 numel)
{
    mark();
    string(QStringLiteral("storage"));
    if (dtypeNeedsUntypedStorage(dtype))
        global("torch.storage", "UntypedStorage");
    else
        global("torch", dtypeStorageClass(dtype));
    string(key);
    string(location);
    integer(numel);
    tuple();
    memoize();
    persistentId();
}

void PickleWriter::emptyOrderedDict()
{
    global("collections", "OrderedDict");
    emptyTuple();
    reduce();
    memoize();
}

void PickleWriter::get(quint32 id)
{
    if (id < 256) {
        m_out.append('h').append(char(id));
    } else {
        m_out.append('j');
        for (int i = 0; i < 4; ++i)
            m_out.append(char((id >> (8 * i)) & 0xff));
    }
}

void PickleWriter::bigInteger(const QByteArray &bytes)
{
    if (bytes.size() < 256) {
        m_out.append('\x8a').append(char(bytes.size()));
    } else {
        m_out.append('\x8b');
        const quint32 length = quint32(bytes.size());
        for (int i = 0; i < 4; ++i)
            m_out.append(char((length >> (8 * i)) & 0xff));
    }
    m_out.append(bytes);
}

void PickleWriter::bytes(const QByteArray &value)
{
    global("_codecs", "encode");
    string(QString::fromLatin1(value));
    string(QStringLiteral("latin1"));
    op('\x86');
    memoize();
    reduce();
    memoize();
}

void PickleWriter::integer(qint64 value)
{
    if (value >= 0 && value < 256) {
        m_out.append('K').append(char(value));
    } else if (value >= 0 && value < 65536) {
        m_out.append('M').append(char(value & 0xff)).append(char(value >> 8));
    } else if (value >= -2147483648LL && value <= 2147483647LL) {
        m_out.append('J');
        for (int i = 0; i < 4; ++i)
            m_out.append(char((quint64(value) >> (8 * i)) & 0xff));
    } else {
        // LONG1: little-endian two's complement, 8 bytes is always enough for qint64.
        m_out.append('\x8a').append(char(8));
        for (int i = 0; i < 8; ++i)
            m_out.append(char((quint64(value) >> (8 * i)) & 0xff));
    }
}

void PickleWriter::real(double value)
{
    quint64 bits;
    std::memcpy(&bits, &value, sizeof bits);
    m_out.append('G');
    for (int i = 7; i >= 0; --i)
        m_out.append(char((bits >> (8 * i)) & 0xff));
}

void PickleWriter::string(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    m_out.append('X');
    const quint32 length = quint32(utf8.size());
    for (int i = 0; i < 4; ++i)
        m_out.append(char((length >> (8 * i)) & 0xff));
    m_out.append(utf8);
    memoize();
}

void PickleWriter::intTuple(const QVector<qint64> &values)
{
    if (values.isEmpty()) {
        emptyTuple();
        return;
    }
    if (values.size() > 3)
        mark();
    for (qint64 v : values)
        integer(v);
    switch (values.size()) {
    case 1:
        op('\x85');
        break;
    case 2:
        op('\x86');
        break;
    case 3:
        op('\x87');
        break;
    default:
        tuple();
    }
    memoize();
}

QByteArray PickleWriter::finish()
{
    op('.');
    return m_out;
}

} // namespace torchscope
