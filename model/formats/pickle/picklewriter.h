#pragma once

#include <QByteArray>
#include <QString>

namespace torchscope {

// Emits pickle protocol 2 opcodes, the dialect torch.save writes into data.pkl.
class PickleWriter
{
public:
    PickleWriter();

    void global(const char *module, const char *name);
    void mark() { op('('); }
    void tuple() { op('t'); }
    void emptyTuple() { op(')'); }
    void setItems() { op('u'); }
    void reduce() { op('R'); }
    void build() { op('b'); }
    void persistentId() { op('Q'); }
    void none() { op('N'); }
    void boolean(bool value) { op(value ? '\x88' : '\x89'); }
    void integer(qint64 value);
    void real(double value); // BINFLOAT: 8 bytes, big-endian
    void string(const QString &value);
    void memoize();
    // A tuple of integers (sizes, strides), using the short TUPLE1..3 forms as CPython does.
    void intTuple(const QVector<qint64> &values);
    QByteArray finish();

private:
    void op(char code) { m_out.append(code); }
    QByteArray m_out;
    quint32 m_memo = 0;
};

} // namespace torchscope
