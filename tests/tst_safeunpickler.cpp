// The restricted pickle interpreter on hand-written pickles: what it builds, what it refuses, and
// that malformed or hostile input ends in a one-line reason rather than a crash.

#include "formats/checkpointreader.h"
#include "formats/pickle/safeunpickler.h"
#include "formats/zip/zipwriter.h"

#include <QBuffer>
#include <QTest>
#include <QThread>

#include <memory>

using namespace torchscope;

namespace {
QByteArray u32(quint32 v)
{
    QByteArray out(4, '\0');
    for (int i = 0; i < 4; ++i)
        out[i] = char((v >> (8 * i)) & 0xff);
    return out;
}

QByteArray str(const QByteArray &s)
{
    return 'X' + u32(quint32(s.size())) + s;
}

QByteArray global(const QByteArray &module, const QByteArray &name)
{
    return 'c' + module + '\n' + name + '\n';
}

// ('storage', torch.<type>, key, 'cpu', numel) as BINPERSID
QByteArray storage(const QByteArray &type, const QByteArray &key, int numel)
{
    return QByteArray("(") + str("storage") + global("torch", type) + str(key) + str("cpu") + 'K' +
           char(numel) + "tQ";
}

// BININT1: a byte that may be zero, which a C string literal cannot hold.
QByteArray int1(int v)
{
    return QByteArray("K") + char(v);
}

QByteArray zipWith(const QByteArray &pickle)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ZipWriter zip(&buffer, QStringLiteral("archive"));
    zip.addRecord(QStringLiteral("data.pkl"), pickle.constData(), pickle.size());
    zip.addRecord(QStringLiteral("version"), "3\n", 2);
    zip.finish();
    return buffer.data();
}
} // namespace

class TestSafeUnpickler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void buildsOrderedDictOfTensors();
    void refusesCallsButKeepsReading();
    void malformed_data();
    void malformed();
    void deepNestingIsReleasedWithoutRecursion();
    void lengthsAtTheBoundary_data();
    void lengthsAtTheBoundary();
    void everyCallingOpcodeIsRefusedAndNamed_data();
    void everyCallingOpcodeIsRefusedAndNamed();
    void objectFloodHasABound();
};

void TestSafeUnpickler::buildsOrderedDictOfTensors()
{
    // OrderedDict([('w', _rebuild_tensor_v2(storage, 0, (2, 3), (3, 1), False, OrderedDict()))])
    const QByteArray pickle = QByteArray("\x80\x02") + global("collections", "OrderedDict") + ")R(" +
                              str("w") + global("torch._utils", "_rebuild_tensor_v2") + "(" +
                              storage("FloatStorage", "0", 6) + int1(0) + int1(2) + int1(3) + "\x86" +
                              int1(3) + int1(1) + "\x86" + "\x89" + global("collections", "OrderedDict") +
                              ")Rt" + "Ru.";
    SafeUnpickler unpickler(pickle.constData(), pickle.size());
    QString error;
    QVERIFY2(unpickler.run(0, &error), qPrintable(error));
    const PickleValuePtr root = unpickler.result();
    QCOMPARE(root->type, PickleValue::Type::Dict);
    const PickleValuePtr w = root->get(QStringLiteral("w"));
    QVERIFY(w && w->type == PickleValue::Type::Tensor);
    QCOMPARE(w->tensor->shape, (QVector<qint64>{2, 3}));
    QCOMPARE(w->tensor->strides, (QVector<qint64>{3, 1}));
    QCOMPARE(unpickler.storages().size(), size_t(1));
    QCOMPARE(unpickler.storages()[0].dtype, DType::Float32);
    QCOMPARE(unpickler.storages()[0].numel, qint64(6));
    QVERIFY(unpickler.refusals().isEmpty());
}

void TestSafeUnpickler::refusesCallsButKeepsReading()
{
    // {'a': 1, 'b': posix.system('touch x'), 'c': builtins.eval('1')}
    const QByteArray pickle = QByteArray("\x80\x02}(") + str("a") + "K\x01" + str("b") +
                              global("posix", "system") + str("touch x") + "\x85R" + str("c") +
                              global("__builtin__", "eval") + str("1") + "\x85Ru.";
    SafeUnpickler unpickler(pickle.constData(), pickle.size());
    QString error;
    QVERIFY2(unpickler.run(0, &error), qPrintable(error));
    QCOMPARE(unpickler.refusals(),
             (QStringList{QStringLiteral("would call posix.system on load; refused"),
                          QStringLiteral("would call builtins.eval on load; refused")}));
    QCOMPARE(unpickler.result()->get(QStringLiteral("a"))->integer, qint64(1));
    QCOMPARE(unpickler.result()->get(QStringLiteral("b"))->type, PickleValue::Type::Refused);
}

void TestSafeUnpickler::malformed_data()
{
    QTest::addColumn<QByteArray>("pickle");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QByteArray() << "truncated";
    QTest::newRow("no STOP") << QByteArray("\x80\x02K\x01") << "truncated";
    QTest::newRow("unknown protocol") << QByteArray("\x80\x09.") << "protocol";
    QTest::newRow("unknown opcode") << QByteArray("\x80\x02\xff.") << "unknown opcode";
    QTest::newRow("STOP on empty stack") << QByteArray("\x80\x02.") << "empty stack";
    QTest::newRow("SETITEM on a list") << QByteArray("\x80\x02]K\x01K\x02s.") << "SETITEM on a list";
    QTest::newRow("APPEND to a dict") << QByteArray("\x80\x02}K\x01"
                                                    "a.")
                                      << "APPEND to a dict";
    QTest::newRow("missing memo") << QByteArray("\x80\x02h\x07.") << "memo entry 7 missing";
    QTest::newRow("string longer than data")
        << (QByteArray("\x80\x02X") + u32(0x7fffffff) + "abc.") << "longer than the data";
    QTest::newRow("TUPLE without MARK") << QByteArray("\x80\x02K\x01t.") << "MARK missing";
    QTest::newRow("extension registry") << QByteArray("\x80\x02\x82\x01.") << "extension";
    QTest::newRow("storage with two types")
        << (QByteArray("\x80\x02(") + storage("FloatStorage", "0", 4) + storage("LongStorage", "0", 4) + "t.")
        << "two different";
    QTest::newRow("unknown storage type")
        << (QByteArray("\x80\x02") + storage("QInt8Storage", "0", 4) + ".") << "unsupported storage";
    QTest::newRow("shape and stride ranks differ")
        << (QByteArray("\x80\x02") + global("torch._utils", "_rebuild_tensor_v2") + "(" +
            storage("FloatStorage", "0", 4) + int1(0) + int1(2) + "\x85" + int1(1) + int1(1) + "\x86\x89)tR.")
        << "malformed tensor";
}

void TestSafeUnpickler::malformed()
{
    QFETCH(QByteArray, pickle);
    QFETCH(QString, reason);
    SafeUnpickler unpickler(pickle.constData(), pickle.size());
    QString error;
    QVERIFY(!unpickler.run(0, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
}

void TestSafeUnpickler::deepNestingIsReleasedWithoutRecursion()
{
    // [[[[...]]]] two million levels deep, built through the memo, then released on a thread with a
    // 256 KiB stack: recursive teardown would need far more and crash the test.
    constexpr int kDepth = 2'000'000;
    QByteArray pickle("\x80\x02]r");
    pickle += u32(0);
    // Each level: get list i-1 from the memo, append a new list i to it (memoized), pop list i-1.
    for (quint32 i = 1; i < quint32(kDepth); ++i)
        pickle += ('j' + u32(i - 1)) + ']' + ('r' + u32(i)) + 'a' + '0';
    pickle += '.';
    bool ran = false;
    int depth = 0;
    QString error;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        auto unpickler = std::make_unique<SafeUnpickler>(pickle.constData(), pickle.size());
        ran = unpickler->run(0, &error);
        // Walk down iteratively: the whole depth was built, not cut short.
        for (PickleValuePtr value = unpickler->result(); value && value->type == PickleValue::Type::List;
             value = value->items.empty() ? nullptr : value->items.front())
            ++depth;
        unpickler.reset();
    }));
    thread->setStackSize(256 * 1024);
    thread->start();
    QVERIFY(thread->wait(120000));
    QVERIFY2(ran, qPrintable(error));
    QCOMPARE(depth, kDepth);
}

void TestSafeUnpickler::lengthsAtTheBoundary_data()
{
    // Every opcode that reads a length, with that length at the bytes left - 1, exactly the bytes
    // left, and one more. The data after the length is R bytes: R - 1 of payload, then STOP.
    QTest::addColumn<QByteArray>("pickle");
    QTest::addColumn<QString>("error"); // empty: reads fine
    struct LengthOpcode
    {
        const char *name;
        char op;
        int lengthBytes;
        const char *tooLong;
    };
    const LengthOpcode opcodes[] = {
        {"BINUNICODE", 'X', 4, "string longer than the data"},
        {"SHORT_BINUNICODE", char(0x8c), 1, "string longer than the data"},
        {"BINUNICODE8", char(0x8d), 8, "string longer than the data"},
        {"BINBYTES", 'B', 4, "string longer than the data"},
        {"SHORT_BINBYTES", 'C', 1, "string longer than the data"},
        {"BINBYTES8", char(0x8e), 8, "string longer than the data"},
        {"BYTEARRAY8", char(0x96), 8, "string longer than the data"},
        {"BINSTRING", 'T', 4, "string longer than the data"},
        {"SHORT_BINSTRING", 'U', 1, "string longer than the data"},
        {"LONG1", char(0x8a), 1, "integer too long"},
        {"LONG4", char(0x8b), 4, "integer too long"},
    };
    const int remaining = 6;
    for (const LengthOpcode &opcode : opcodes) {
        const QByteArray head = QByteArray("\x80\x04") + opcode.op;
        const int payloadStart = head.size() + opcode.lengthBytes;
        const int size = payloadStart + remaining;
        for (int delta : {-1, 0, 1}) {
            const quint64 length = quint64(remaining + delta);
            QByteArray pickle = head;
            for (int i = 0; i < opcode.lengthBytes; ++i)
                pickle += char((length >> (8 * i)) & 0xff);
            pickle += QByteArray(remaining - 1, 'a') + '.';
            QString error;
            if (delta == 0)
                error = QStringLiteral("pickle: truncated data (at byte %1)").arg(size);
            else if (delta == 1)
                error = QStringLiteral("pickle: %1 (at byte %2)")
                            .arg(QLatin1String(opcode.tooLong))
                            .arg(payloadStart);
            QTest::addRow("%s, length = bytes left %+d", opcode.name, delta) << pickle << error;
        }
    }
    // FRAME's 8-byte size and PROTO's version byte: one byte short, and exactly there.
    QTest::newRow("FRAME size one byte short") << QByteArray("\x80\x04\x95") + QByteArray(7, '\0')
                                               << QStringLiteral("pickle: truncated data (at byte 3)");
    QTest::newRow("FRAME size complete")
        << QByteArray("\x80\x04\x95") + QByteArray(8, '\0') + "N." << QString();
    QTest::newRow("PROTO without its version")
        << QByteArray("\x80") << QStringLiteral("pickle: truncated data (at byte 1)");
    QTest::newRow("BINFLOAT one byte short")
        << QByteArray("G") + QByteArray(7, '\0') << QStringLiteral("pickle: truncated data (at byte 1)");
    QTest::newRow("BINFLOAT complete") << QByteArray("G") + QByteArray(8, '\0') + "." << QString();
}

void TestSafeUnpickler::lengthsAtTheBoundary()
{
    QFETCH(QByteArray, pickle);
    QFETCH(QString, error);
    SafeUnpickler unpickler(pickle.constData(), pickle.size());
    QString reason;
    const bool ok = unpickler.run(0, &reason);
    if (error.isEmpty()) {
        QVERIFY2(ok, qPrintable(reason));
        QCOMPARE(unpickler.endOffset(), qint64(pickle.size()));
    } else {
        QVERIFY(!ok);
        QCOMPARE(reason, error);
    }
}

void TestSafeUnpickler::everyCallingOpcodeIsRefusedAndNamed_data()
{
    QTest::addColumn<QByteArray>("pickle");
    QTest::addColumn<QString>("call");
    const QString system = QStringLiteral("posix.system");
    // The same call, posix.system("id"), spelled as each pickle protocol spells it.
    for (int protocol = 0; protocol <= 5; ++protocol) {
        const QByteArray header = protocol >= 2 ? QByteArray("\x80") + char(protocol) : QByteArray();
        const auto text = [&](const QByteArray &value) -> QByteArray {
            if (protocol == 0)
                return 'V' + value + '\n';
            if (protocol >= 4)
                return QByteArray("\x8c") + char(value.size()) + value; // SHORT_BINUNICODE
            return str(value);
        };
        // GLOBAL, or STACK_GLOBAL from two strings from protocol 4 on.
        const QByteArray callable =
            protocol >= 4 ? QByteArray(text("posix") + text("system") + "\x93") : global("posix", "system");
        const QByteArray argument = text("id");
        const QByteArray oneTuple =
            protocol >= 2 ? QByteArray(argument + "\x85") : QByteArray("(" + argument + "t");
        QTest::addRow("REDUCE, protocol %d", protocol) << header + callable + oneTuple + "R." << system;
        QTest::addRow("OBJ, protocol %d", protocol) << header + "(" + callable + argument + "o." << system;
        QTest::addRow("INST, protocol %d", protocol)
            << header + "(" + argument + "iposix\nsystem\n." << system;
        // NEWOBJ and NEWOBJ_EX would call cls.__new__; BUILD on a global would call its __setstate__.
        QTest::addRow("NEWOBJ, protocol %d", protocol) << header + callable + oneTuple + "\x81." << system;
        QTest::addRow("NEWOBJ_EX, protocol %d", protocol)
            << header + callable + oneTuple + "}\x92." << system;
        QTest::addRow("BUILD with __setstate__, protocol %d", protocol)
            << header + callable + "}" + text("state") + text("x") + "sb."
            << QStringLiteral("posix.system.__setstate__");
        // A refused call nested inside containers and a dict value is still found and named.
        QTest::addRow("REDUCE inside a dict, protocol %d", protocol)
            << header + "}" + text("key") + callable + oneTuple + "Rs." << system;
    }
}

void TestSafeUnpickler::everyCallingOpcodeIsRefusedAndNamed()
{
    QFETCH(QByteArray, pickle);
    QFETCH(QString, call);
    const QString refusal = QStringLiteral("would call %1 on load; refused").arg(call);
    SafeUnpickler unpickler(pickle.constData(), pickle.size());
    QString error;
    QVERIFY2(unpickler.run(0, &error), qPrintable(error));
    QCOMPARE(unpickler.refusals(), QStringList{refusal});
    // As a checkpoint whose only content is refused: an error naming the call.
    CheckpointContent content;
    QVERIFY(!readCheckpointBytes(zipWith(pickle), &content, &error));
    QVERIFY2(error.contains(refusal), qPrintable(error));
}

void TestSafeUnpickler::objectFloodHasABound()
{
    QByteArray pickle("\x80\x02");
    pickle += QByteArray(9 << 20, 'N'); // nine million Nones
    pickle += '.';
    SafeUnpickler unpickler(pickle.constData(), pickle.size());
    QString error;
    QVERIFY(!unpickler.run(0, &error));
    QVERIFY2(error.contains(QStringLiteral("stack too deep")) || error.contains(QStringLiteral("objects")),
             qPrintable(error));
}

QTEST_GUILESS_MAIN(TestSafeUnpickler)
#include "tst_safeunpickler.moc"
