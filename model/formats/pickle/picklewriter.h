#pragma once

#include "tensor/dtype.h"

#include <QByteArray>
#include <QString>

namespace torchscope {

// Emits pickle protocol 2 opcodes, the dialect torch.save writes into data.pkl.
class PickleWriter
{
public:
    PickleWriter();

    void global(const char *module, const char *name);
    void global(const QString &module, const QString &name);
    void mark() { op('('); }
    void tuple() { op('t'); }
    void emptyTuple() { op(')'); }
    void emptyList() { op(']'); }
    void emptyDict() { op('}'); }
    void appends() { op('e'); }
    void newObject() { op('\x81'); }
    void setItems() { op('u'); }
    void reduce() { op('R'); }
    void build() { op('b'); }
    void persistentId() { op('Q'); }
    void none() { op('N'); }
    void boolean(bool value) { op(value ? '\x88' : '\x89'); }
    void integer(qint64 value);
    // LONG1 of raw little-endian two's complement bytes (an integer wider than 64 bits).
    void bigInteger(const QByteArray &bytes);
    // Protocol 2 has no bytes opcode: _codecs.encode(text, "latin1"), as CPython writes bytes there.
    void bytes(const QByteArray &value);
    void real(double value); // BINFLOAT: 8 bytes, big-endian
    void string(const QString &value);
    // The persistent id torch.save gives a storage: ('storage', torch.<StorageClass>, key, location, numel),
    // the typed storage class of dtype; or for types PyTorch 2.x keeps on untyped storages
    // (dtypeNeedsUntypedStorage), ('storage', torch.storage.UntypedStorage, key, location, bytes).
    void storage(DType dtype, const QString &key, const QString &location, qint64 numel);
    // collections.OrderedDict(), memoized: the empty hooks and metadata argument of a rebuilt tensor.
    void emptyOrderedDict();
    // Stores the value on top of the stack in the memo; returns its memo id.
    quint32 memoize();
    void get(quint32 id); // BINGET / LONG_BINGET
    // A tuple of integers (sizes, strides), using the short TUPLE1..3 forms as CPython does.
    void intTuple(const QVector<qint64> &values);
    QByteArray finish();

    // Where the pickle stands, to go back to when what follows is abandoned (nothing after it may be
    // fetched from the memo by then).
    struct Position
    {
        qsizetype size;
        quint32 memo;
    };
    Position position() const { return {m_out.size(), m_memo}; }
    void rewind(Position position)
    {
        m_out.truncate(position.size);
        m_memo = position.memo;
    }

private:
    void op(char code) { m_out.append(code); }
    QByteArray m_out;
    quint32 m_memo = 0;
};

} // namespace torchscope
