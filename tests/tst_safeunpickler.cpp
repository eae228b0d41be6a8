// The restricted pickle interpreter on hand-written pickles: what it builds, what it refuses, and
// that malformed or hostile input ends in a one-line reason rather than a crash.

#include "formats/checkpointreader.h"
#include "formats/pickle/safeunpickler.h"
#include "formats/zip/zipwriter.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

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
    void initTestCase();
    void everyOpcodeBuildsWhatPythonPickled_data();
    void everyOpcodeBuildsWhatPythonPickled();
    void buildsOrderedDictOfTensors();
    void refusesCallsButKeepsReading();
    void malformed_data();
    void malformed();
    void deepNestingIsReleasedWithoutRecursion();
    void lengthsAtTheBoundary_data();
    void lengthsAtTheBoundary();
    void callablesThatAreNotGlobalsAreRefusedByWhatTheyAre_data();
    void callablesThatAreNotGlobalsAreRefusedByWhatTheyAre();
    void everyCallingOpcodeIsRefusedAndNamed_data();
    void everyCallingOpcodeIsRefusedAndNamed();
    void oldParametersAndTheirBackend_data();
    void oldParametersAndTheirBackend();
    void storageElementBound_data();
    void storageElementBound();
    void everyWayAMarkLeavesIsCounted_data();
    void everyWayAMarkLeavesIsCounted();
    void resourceBoundsAtTheBoundary_data();
    void resourceBoundsAtTheBoundary();

private:
    QTemporaryDir m_dir;
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
    // Each call named with its arguments as Python writes them and the offset of its REDUCE.
    const QVector<RefusedCall> &calls = unpickler.refusedCalls();
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls[0].callable, QStringLiteral("posix.system"));
    QCOMPARE(calls[0].arguments, QStringLiteral("'touch x'"));
    QCOMPARE(calls[0].offset, qint64(pickle.indexOf("\x85R") + 1));
    QCOMPARE(pickle.at(calls[0].offset), 'R');
    QCOMPARE(calls[1].callable, QStringLiteral("builtins.eval"));
    QCOMPARE(calls[1].arguments, QStringLiteral("'1'"));
    QCOMPARE(calls[1].offset, qint64(pickle.lastIndexOf('R')));
    QCOMPARE(unpickler.refusedCallCount(), qint64(2));

    // functools.partial(torch.load): one call, the function handed to it named among its arguments (and
    // among the refusals, since partial would call it), not a second call without arguments.
    const QByteArray partial = QByteArray("\x80\x02") + global("functools", "partial") +
                               global("torch.serialization", "load") + "\x85R.";
    SafeUnpickler handed(partial.constData(), partial.size());
    QVERIFY2(handed.run(0, &error), qPrintable(error));
    QCOMPARE(handed.refusals().size(), 2);
    QCOMPARE(handed.refusedCalls().size(), 1);
    QCOMPARE(handed.refusedCalls()[0].callable, QStringLiteral("functools.partial"));
    QCOMPARE(handed.refusedCalls()[0].arguments, QStringLiteral("torch.serialization.load"));
}

namespace {
// The canonical text tests/python/peer.py renders Python values to.
QString render(const PickleValuePtr &v)
{
    using Type = PickleValue::Type;
    const auto join = [](const PickleValueList &items) {
        QStringList parts;
        for (const PickleValuePtr &item : items)
            parts << render(item);
        return parts;
    };
    switch (v->type) {
    case Type::None:
        return QStringLiteral("None");
    case Type::Bool:
        return v->boolean ? QStringLiteral("True") : QStringLiteral("False");
    case Type::Int:
        return QString::number(v->integer);
    case Type::BigInt:
        return QStringLiteral("big:") + QString::fromLatin1(v->bytes().toHex());
    case Type::Float: // QString::number drops the sign of -0
        return v->real == 0 && std::signbit(v->real) ? QStringLiteral("-0")
                                                     : QString::number(v->real, 'g', 17);
    case Type::String:
        return QStringLiteral("s:") + QString::fromLatin1(v->text().toUtf8().toHex());
    case Type::Bytes:
        return QStringLiteral("b:") + QString::fromLatin1(v->bytes().toHex());
    case Type::Tuple:
        return QLatin1Char('(') + join(v->items).join(QLatin1Char(',')) + QLatin1Char(')');
    case Type::List:
        return QLatin1Char('[') + join(v->items).join(QLatin1Char(',')) + QLatin1Char(']');
    case Type::Set: {
        QStringList items = join(v->items);
        items.sort();
        return QStringLiteral("set{") + items.join(QLatin1Char(',')) + QLatin1Char('}');
    }
    case Type::Dict: {
        QStringList parts;
        for (const auto &[key, value] : v->entries)
            parts << render(key) + QLatin1Char(':') + render(value);
        return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
    }
    case Type::Global:
        return QStringLiteral("g:") + v->text();
    default:
        return v->describe();
    }
}
} // namespace

void TestSafeUnpickler::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString output;
    QVERIFY2(test::runPeer({QStringLiteral("opcode-pickles"), m_dir.path()}, &output) == 0,
             qPrintable(output));
}

void TestSafeUnpickler::everyOpcodeBuildsWhatPythonPickled_data()
{
    QTest::addColumn<QByteArray>("pickle");
    QTest::addColumn<QString>("expected");
    QFile file(m_dir.filePath(QStringLiteral("opcodes.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray cases = QJsonDocument::fromJson(file.readAll()).array();
    QVERIFY(cases.size() > 40);
    for (const QJsonValue entry : cases) {
        const QJsonObject c = entry.toObject();
        QTest::newRow(qPrintable(c.value("name").toString()))
            << QByteArray::fromHex(c.value("pickle").toString().toLatin1()) << c.value("render").toString();
    }
    // Opcodes Python 3's pickler no longer writes, as older picklers wrote them.
    QTest::newRow("DUP, POP, POP_MARK") << QByteArray("K\x01"
                                                      "2"
                                                      "0"
                                                      "(K\x02"
                                                      "1"
                                                      ".")
                                        << "1";
    QTest::newRow("text INT, LONG, FLOAT, STRING, booleans")
        << QByteArray("(I42\nL-7L\nF2.5\nS'quoted'\nI01\nI00\nt.") << "(42,-7,2.5,s:71756f746564,True,False)";
    QTest::newRow("text PUT and GET") << QByteArray("(I1\nlp0\n(g0\ng0\nt.") << "([1],[1])";
    QTest::newRow("DICT and LIST from MARK") << QByteArray("(S'k'\n(I1\nI2\nld.") << "{s:6b:[1,2]}";
    QTest::newRow("MEMOIZE and LONG_BINGET") << QByteArray("\x80\x04]\x94j") + u32(0) + "\x86."
                                             << "([],[])";
    QTest::newRow("BINPUT and BINGET") << QByteArray("]q\x05h\x05\x86.") << "([],[])";
    // Memo ids far from the count (kept aside from the dense ids), written over, and then reached by
    // the dense ids as they grow: every entry is still found under its own id.
    QTest::newRow("LONG_BINPUT at ids far apart, rewritten")
        << QByteArray("K\x01r") + u32(4000000000u) + "0K\x02r" + u32(5000) + "0K\x03r" + u32(4000000000u) +
               "0(" + QByteArray("j") + u32(4000000000u) + "j" + u32(5000) + "t."
        << "(3,2)";
    QTest::newRow("dense ids growing past a far one") << []() -> QByteArray {
        QByteArray pickle = QByteArray("K\x07r") + u32(3000) + "0";
        for (quint32 i = 0; i < 4000; ++i) // ids 0..3999 but 3000, in order
            pickle += i == 3000 ? QByteArray() : QByteArray("K\x01r") + u32(i) + "0";
        return pickle + "(j" + u32(3000) + "j" + u32(3999) + "t.";
    }() << "(7,1)";
    const auto hexOf = [](const QByteArray &utf8) -> QString {
        return QStringLiteral("s:") + QString::fromLatin1(utf8.toHex());
    };
    QTest::newRow("STRING with escapes") << QByteArray("S'a\\nb\\x41\\\\c\\'d'\n.") << hexOf("a\nbA\\c'd");
    QTest::newRow("UNICODE with \\U and upper-case hex")
        << QByteArray("V\\U0001F600x\\u00E9\n.") << hexOf("\xf0\x9f\x98\x80x\xc3\xa9");
    QTest::newRow("text persistent id, kept inert")
        << QByteArray("Pfoo\n.") << "<refused: unknown persistent id>";
    QTest::newRow("LONG1 negative") << QByteArray("\x8a\x01\xff.") << "-1";
    QTest::newRow("builtins.dict of pairs")
        << global("builtins", "dict") + "(](" + str("k") + int1(1) + "tatR."
        << "{s:6b:1}";
    QTest::newRow("torch.Size") << global("torch", "Size") + "((" + int1(2) + int1(3) + "ttR."
                                << "(2,3)";
    QTest::newRow("torch.device") << global("torch", "device") + "(" + str("cuda") + int1(1) + "tR."
                                  << hexOf("cuda:1");
    QTest::newRow("restore_type_tag")
        << global("torch.jit._pickle", "restore_type_tag") + "(" + int1(7) + str("int") + "tR."
        << "7";
    QTest::newRow("state given twice to one object")
        << global("__main__", "Net") + ")\x81}" + str("a") + int1(1) + "sb}" + str("b") + int1(2) + "sb."
        << "__main__.Net object";
}

void TestSafeUnpickler::everyOpcodeBuildsWhatPythonPickled()
{
    QFETCH(QByteArray, pickle);
    QFETCH(QString, expected);
    SafeUnpickler unpickler(pickle.constData(), pickle.size());
    QString error;
    QVERIFY2(unpickler.run(0, &error), qPrintable(error));
    QVERIFY(unpickler.refusals().isEmpty());
    const QString actual = render(unpickler.result());
    int at = 0;
    while (at < actual.size() && at < expected.size() && actual[at] == expected[at])
        ++at;
    QVERIFY2(
        actual == expected,
        qPrintable(QStringLiteral("first difference at %1: ours \"%2\", Python's \"%3\"")
                       .arg(at)
                       .arg(actual.mid(std::max(0, at - 40), 80), expected.mid(std::max(0, at - 40), 80))));
    QCOMPARE(unpickler.endOffset(), qint64(pickle.size()));
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
        << (QByteArray("\x80\x02") + storage("QUInt2x4Storage", "0", 4) + ".") << "unsupported storage";
    QTest::newRow("shape and stride ranks differ")
        << (QByteArray("\x80\x02") + global("torch._utils", "_rebuild_tensor_v2") + "(" +
            storage("FloatStorage", "0", 4) + int1(0) + int1(2) + "\x85" + int1(1) + int1(1) + "\x86\x89)tR.")
        << "malformed tensor";
    // Each opcode that takes from the stack, on a stack too short for it.
    QTest::newRow("POP on an empty stack") << QByteArray("0.") << "stack underflow";
    QTest::newRow("DUP on an empty stack") << QByteArray("2.") << "stack underflow";
    QTest::newRow("POP_MARK without a MARK") << QByteArray("K\x01"
                                                           "1.")
                                             << "MARK missing";
    QTest::newRow("APPEND on an empty stack") << QByteArray("a.") << "stack underflow";
    QTest::newRow("APPENDS without a MARK") << QByteArray("]e.") << "MARK missing";
    QTest::newRow("SETITEM on an empty stack") << QByteArray("s.") << "stack underflow";
    QTest::newRow("SETITEMS without a MARK") << QByteArray("}u.") << "MARK missing";
    QTest::newRow("SETITEMS with an odd count") << QByteArray("}(K\x01u.") << "malformed SETITEMS";
    QTest::newRow("REDUCE on an empty stack") << QByteArray("R.") << "stack underflow";
    QTest::newRow("BUILD on an empty stack") << QByteArray("b.") << "stack underflow";
    QTest::newRow("NEWOBJ on an empty stack") << QByteArray("\x81.") << "stack underflow";
    QTest::newRow("NEWOBJ_EX on an empty stack") << QByteArray("\x92.") << "stack underflow";
    QTest::newRow("BINPERSID on an empty stack") << QByteArray("Q.") << "stack underflow";
    QTest::newRow("MEMOIZE on an empty stack") << QByteArray("\x94.") << "nothing to memoize";
    QTest::newRow("STACK_GLOBAL from numbers") << QByteArray("K\x01K\x02\x93.") << "malformed STACK_GLOBAL";
    QTest::newRow("OBJ without a class") << QByteArray("(o.") << "malformed OBJ";
    QTest::newRow("text GET of a missing entry") << QByteArray("g3\n.") << "memo entry 3 missing";
    QTest::newRow("bad text integer") << QByteArray("I12x\n.") << "bad integer";
    QTest::newRow("line without its end") << QByteArray("Vabc") << "unterminated line";
    QTest::newRow("text PUT of no number") << QByteArray("Npabc\n.") << "bad memo index";

    QTest::newRow("parameter without its flag")
        << global("torch._utils", "_rebuild_parameter") + "(" + int1(1) + "tR."
        << "malformed parameter";
    QTest::newRow("tensor subclass without its type")
        << global("torch._tensor", "_rebuild_from_type_v2") + "(" + int1(1) + int1(2) + int1(3) + "tR."
        << "malformed tensor subclass";
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
            const quint64 length = quint64(qint64(remaining) + delta);
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
    // A text line (INT, GLOBAL, UNICODE...) is at most 64 KiB with its newline.
    for (int delta : {-1, 0, 1}) {
        const int n = (1 << 16) - 1 + delta;
        QTest::addRow("text line of 64 KiB - 1 characters %+d", delta)
            << QByteArray("V") + QByteArray(n, 'a') + "\n."
            << (delta > 0 ? QStringLiteral("pickle: unterminated line (at byte 1)") : QString());
    }
    // A tensor has at most 64 dimensions.
    for (int delta : {0, 1}) {
        const int rank = 64 + delta;
        QByteArray ones = "(";
        for (int i = 0; i < rank; ++i)
            ones += "K\x01";
        ones += "t";
        auto text = [](const QByteArray &utf8) -> QByteArray { // BINUNICODE
            return QByteArray("X") + char(utf8.size()) + QByteArray(3, '\0') + utf8;
        };
        const QByteArray storage = "(" + text("storage") + "ctorch\nFloatStorage\n" + text("0") +
                                   text("cpu") +
                                   "K\x01"
                                   "tQ";
        const QByteArray pickle = "\x80\x02"
                                  "ctorch._utils\n_rebuild_tensor_v2\n(" +
                                  storage + "K" + '\0' + ones + ones +
                                  "\x89"
                                  "ccollections\nOrderedDict\n)RtR.";
        QTest::addRow("tensor of 64 dimensions %+d", delta)
            << pickle
            << (delta > 0 ? QStringLiteral("pickle: malformed tensor (at byte %1)").arg(pickle.size() - 1)
                          : QString());
    }
    // The bound on open MARKs, 2^20: at it the pickle is read on, one more is refused.
    QTest::newRow("2^20 marks") << QByteArray(1 << 20, '(') + "N." << QString();
    QTest::newRow("2^20 + 1 marks") << QByteArray((1 << 20) + 1, '(') + "N."
                                    << QStringLiteral("pickle: too many marks (at byte 1048577)");
    // LONG4's bound on the integer's length, 1 MiB: at it the integer is read, above it refused.
    for (int delta : {0, 1}) {
        const int n = (1 << 20) + delta;
        const QByteArray pickle = QByteArray("\x8b") + u32(quint32(n)) + QByteArray(n, '\x01') + ".";
        QTest::addRow("LONG4 of 1 MiB %+d", delta)
            << pickle << (delta > 0 ? QStringLiteral("pickle: integer too long (at byte 5)") : QString());
    }
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

// A storage's element count is bounded by 2^40 where the persistent id is read, so that no reader
// multiplies a larger count by an element size (2^62 float32 elements once made a zero-byte storage).
void TestSafeUnpickler::storageElementBound_data()
{
    QTest::addColumn<qint64>("numel");
    QTest::addColumn<QString>("reason");
    const qint64 bound = qint64(1) << 40;
    QTest::newRow("2^40") << bound << QString();
    QTest::newRow("2^40 + 1") << bound + 1
                              << QStringLiteral("storage of 1099511627777 elements: more than 2^40");
    QTest::newRow("2^62") << (qint64(1) << 62) << QStringLiteral("storage of 4611686018427387904 elements");
}

void TestSafeUnpickler::storageElementBound()
{
    QFETCH(qint64, numel);
    QFETCH(QString, reason);
    QByteArray count;
    for (int i = 0; i < 8; ++i)
        count += char((quint64(numel) >> (8 * i)) & 0xff);
    auto text = [](const QByteArray &utf8) -> QByteArray { // BINUNICODE
        return QByteArray("X") + char(utf8.size()) + QByteArray(3, '\0') + utf8;
    };
    const QByteArray pickle = QByteArray("\x80\x02(") + text("storage") + "ctorch\nFloatStorage\n" +
                              text("0") + text("cpu") + "\x8a\x08" + count + "tQ.";
    SafeUnpickler unpickler(pickle.constData(), pickle.size());
    QString error;
    const bool ok = unpickler.run(0, &error);
    QVERIFY(test::outcomeMatches(ok, error, reason));
    if (ok) {
        QCOMPARE(unpickler.storages().size(), size_t(1));
        QCOMPARE(unpickler.storages().front().numel, numel);
    }
}

// The bound on open MARKs counts marks still on the stack: every opcode that takes one off (POP_MARK,
// POP of a bare mark, and the six that build from a mark) gives it back. More than 2^20 marks opened and
// closed one after another is a pickle Python loads; so must we, with the value Python gives.
void TestSafeUnpickler::everyWayAMarkLeavesIsCounted_data()
{
    QTest::addColumn<QByteArray>("pickle");
    QTest::addColumn<QString>("expected"); // the rendered value, or the reason
    const int pairs = (1 << 20) + 1;
    auto repeated = [pairs](const QByteArray &unit) {
        QByteArray out;
        out.reserve(unit.size() * pairs);
        for (int i = 0; i < pairs; ++i)
            out += unit;
        return out;
    };
    QTest::newRow("MARK POP_MARK") << QByteArray("\x80\x02") + repeated("(1") + "}."
                                   << "{}";
    QTest::newRow("MARK POP") << QByteArray("\x80\x02") + repeated("(0") + "}."
                              << "{}";
    QTest::newRow("MARK TUPLE POP") << QByteArray("\x80\x02") + repeated("(t0") + "}."
                                    << "{}";
    QTest::newRow("MARK LIST POP") << QByteArray("\x80\x02") + repeated("(l0") + "}."
                                   << "{}";
    QTest::newRow("MARK DICT POP") << QByteArray("\x80\x02") + repeated("(d0") + "}."
                                   << "{}";
    QTest::newRow("EMPTY_LIST MARK APPENDS") << QByteArray("\x80\x02]") + repeated("(e") + "."
                                             << "[]";
    QTest::newRow("EMPTY_DICT MARK SETITEMS") << QByteArray("\x80\x02}") + repeated("(u") + "."
                                              << "{}";
    // A MARK is no value: DUP of one is an underflow, as Python's IndexError.
    QTest::newRow("DUP of a MARK") << QByteArray("\x80\x02(2") << "pickle: stack underflow (at byte 4)";
}

void TestSafeUnpickler::everyWayAMarkLeavesIsCounted()
{
    QFETCH(QByteArray, pickle);
    QFETCH(QString, expected);
    SafeUnpickler unpickler(pickle.constData(), pickle.size());
    QString reason;
    const bool ok = unpickler.run(0, &reason);
    if (expected.startsWith(QLatin1String("pickle: "))) {
        QVERIFY(!ok);
        QCOMPARE(reason, expected);
        return;
    }
    QVERIFY2(ok, qPrintable(reason));
    QCOMPARE(render(unpickler.result()), expected);
    // ... and that is what Python makes of the same bytes.
    const QString path = m_dir.filePath(QStringLiteral("marks.pkl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(pickle), qint64(pickle.size()));
    file.close();
    QString output;
    QVERIFY2(test::runPeer({QStringLiteral("render-pickle"), path}, &output) == 0, qPrintable(output));
    QCOMPARE(output.trimmed(), expected);
}

void TestSafeUnpickler::callablesThatAreNotGlobalsAreRefusedByWhatTheyAre_data()
{
    QTest::addColumn<QByteArray>("callable");
    QTest::addColumn<QString>("named");
    QTest::newRow("None") << QByteArray("N") << "None";
    QTest::newRow("True") << QByteArray("\x88") << "True";
    QTest::newRow("int") << int1(7) << "7";
    QTest::newRow("big int") << QByteArray("\x8a\x09") + QByteArray(9, '\x01') << "<big int>";
    QTest::newRow("float") << QByteArray("G?\xf8") + QByteArray(6, '\0') << "1.5";
    QTest::newRow("string") << str("abc") << "'abc'";
    QTest::newRow("bytes") << QByteArray("C\x02"
                                         "ab")
                           << "<2 bytes>";
    QTest::newRow("tuple") << QByteArray(")") << "tuple";
    QTest::newRow("list") << QByteArray("]") << "list";
    QTest::newRow("dict") << QByteArray("}") << "dict";
    QTest::newRow("set") << QByteArray("\x8f") << "set";
    QTest::newRow("object") << global("__main__", "Net") + ")\x81"
                            << "__main__.Net object";
    QTest::newRow("refused call") << global("posix", "system") + ")R"
                                  << "<refused: posix.system>";
}

// Calling something that is not a global (an int, a tuple...) is refused too, named by what it is.
void TestSafeUnpickler::callablesThatAreNotGlobalsAreRefusedByWhatTheyAre()
{
    QFETCH(QByteArray, callable);
    QFETCH(QString, named);
    const QByteArray pickle = QByteArray("\x80\x04") + callable + ")R.";
    SafeUnpickler unpickler(pickle.constData(), pickle.size());
    QString error;
    QVERIFY2(unpickler.run(0, &error), qPrintable(error));
    QVERIFY2(unpickler.refusals().contains(QStringLiteral("would call %1 on load; refused").arg(named)),
             qPrintable(unpickler.refusals().join(QLatin1Char('|'))));
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
        QTest::addRow("REDUCE with arguments that are no tuple, protocol %d", protocol)
            << header + callable + argument + "R." << system;
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
    // The call as a finding: its callable, its argument as Python writes it, and the byte offset of
    // the opcode that makes it.
    QCOMPARE(unpickler.refusedCalls().size(), 1);
    const RefusedCall &found = unpickler.refusedCalls().first();
    QCOMPARE(found.callable, call);
    QVERIFY2(found.offset >= 0 && found.offset < pickle.size() &&
                 QByteArray("Roi\x81\x92\x62").contains(pickle.at(found.offset)),
             qPrintable(QString::number(found.offset)));
    if (!call.endsWith(QLatin1String("__setstate__")))
        QCOMPARE(found.arguments, QStringLiteral("'id'"));
    // As a checkpoint whose only content is refused: an error naming the call.
    CheckpointContent content;
    QVERIFY(!readCheckpointBytes(zipWith(pickle), &content, &error));
    QVERIFY2(error.contains(refusal), qPrintable(error));
}

// How PyTorch before 1.0 pickled modules: Parameter(tensor) with the flag set by a BUILD of
// (requires_grad, volatile, hooks), and the thnn backend getter, which PyTorch 1.13 loads as an inert
// placeholder. Both are understood, nothing is refused.
void TestSafeUnpickler::oldParametersAndTheirBackend_data()
{
    QTest::addColumn<QByteArray>("pickle");
    QTest::addColumn<bool>("requiresGrad");
    // Parameter(_rebuild_tensor(storage, 0, (2,), (1,))) then BUILD (False, False, None).
    const QByteArray frozen = QByteArray::fromHex("63746f7263682e6e6e2e706172616d657465720a506172616d65746572"
                                                  "0a2863746f7263682e5f7574696c730a5f72656275696c645f"
                                                  "74656e736f720a28285673746f726167650a63746f7263680a466c6f61"
                                                  "7453746f726167650a566b0a566370750a49320a4e74514930"
                                                  "0a2849320a742849310a7474527452284930300a4930300a4e74622e");
    QTest::newRow("Parameter(tensor), BUILD (False, ...)") << frozen << false;
    QByteArray trainable = frozen;
    trainable.replace("(I00\nI00\nNtb.", "(I01\nI00\nNtb.");
    QTest::newRow("Parameter(tensor), BUILD (True, ...)") << trainable << true;
    QByteArray unbuilt = frozen;
    unbuilt.replace("(I00\nI00\nNtb.", ".");
    QTest::newRow("Parameter(tensor) alone trains") << unbuilt << true;
    QTest::newRow("the thnn backend")
        << QByteArray("ctorch.nn.backends.thnn\n_get_thnn_function_backend\n)R.") << false;
}

void TestSafeUnpickler::oldParametersAndTheirBackend()
{
    QFETCH(QByteArray, pickle);
    QFETCH(bool, requiresGrad);
    SafeUnpickler unpickler(pickle.constData(), pickle.size());
    QString error;
    QVERIFY2(unpickler.run(0, &error), qPrintable(error));
    QVERIFY2(unpickler.refusals().isEmpty(), qPrintable(unpickler.refusals().join(QLatin1Char('\n'))));
    const PickleValuePtr result = unpickler.result();
    if (result->type == PickleValue::Type::Object) {
        QCOMPARE(result->text(), QStringLiteral("torch.nn.backends.thnn._get_thnn_function_backend"));
        return;
    }
    QCOMPARE(result->type, PickleValue::Type::Tensor);
    QVERIFY(result->tensor->isParameter);
    QCOMPARE(result->tensor->requiresGrad, requiresGrad);
    QCOMPARE(result->tensor->shape, QVector<qint64>{2});
}

// The three resource bounds of one pickle (stack depth 4 Mi, objects made 8 Mi, memo entries 16 Mi)
// at the bound - 1, exactly, and + 1: a flood of Nones one object short of the bound and at it
// unpickles; one more is refused with the bound named.
void TestSafeUnpickler::resourceBoundsAtTheBoundary_data()
{
    QTest::addColumn<QByteArray>("pickle");
    QTest::addColumn<QString>("reason"); // empty: unpickles
    const qint64 stack = qint64(4) << 20, objects = qint64(8) << 20, memo = qint64(16) << 20;
    for (int delta : {-1, 0, 1}) {
        // All Nones stay on the stack; STOP takes the top one.
        QByteArray pickle = QByteArray("\x80\x02") + QByteArray(stack + delta, 'N') + '.';
        QTest::addRow("stack depth: 4 Mi %+d", delta)
            << pickle << (delta > 0 ? QStringLiteral("stack too deep") : QString());
    }
    for (int delta : {-1, 0, 1}) {
        // Each None is popped at once, so only the count of objects made grows.
        QByteArray pickle("\x80\x02");
        pickle.reserve(2 * (objects + delta) + 4);
        for (qint64 i = 1; i < objects + delta; ++i)
            pickle += "N0";
        pickle += "N.";
        QTest::addRow("objects: 8 Mi %+d", delta)
            << pickle << (delta > 0 ? QStringLiteral("more than 8388608 objects") : QString());
    }
    for (int delta : {-1, 0, 1}) {
        // One None memoized under ever new ids (protocol 4's MEMOIZE takes the next free id).
        QByteArray pickle = QByteArray("\x80\x04N") + QByteArray(memo + delta, '\x94') + '.';
        QTest::addRow("memo entries: 16 Mi %+d", delta)
            << pickle << (delta > 0 ? QStringLiteral("memo too large") : QString());
    }
}

void TestSafeUnpickler::resourceBoundsAtTheBoundary()
{
    QFETCH(QByteArray, pickle);
    QFETCH(QString, reason);
    SafeUnpickler unpickler(pickle.constData(), pickle.size());
    QString error;
    const bool ok = unpickler.run(0, &error);
    QVERIFY(test::outcomeMatches(ok, error, reason));
    if (ok)
        QCOMPARE(unpickler.result()->type, PickleValue::Type::None);
}

QTEST_GUILESS_MAIN(TestSafeUnpickler)
#include "tst_safeunpickler.moc"
