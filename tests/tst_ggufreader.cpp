// GGUF: files llama.cpp's gguf-py writes (metadata of every value type, tensors in F32, F16, BF16, Q8_0,
// Q4_0, Q4_1, Q5_0, Q5_1 and Q2_K to Q6_K) read as gguf-py's GGUFReader reads them, values equal bit for bit
// to gguf-py's dequantize, and files that lie refused with one line.

#include "formats/checkpointreader.h"
#include "formats/dtypeconversion.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace torchscope;

class TestGgufReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsWhatGgufReaderReads();
    void valuesEqualGgufPyDequantize();
    void infoJsonGivesEachTensorsGgmlType();
    void exportWritesTheDecodedValues();
    void lyingFilesGiveOneLineReasons_data();
    void lyingFilesGiveOneLineReasons();

private:
    QJsonObject readJson(const QString &path);

    QTemporaryDir m_dir;
    QString m_folder;
};

void TestGgufReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (test::pythonPath(test::Peer::Modern).isEmpty())
        return;
    m_folder = m_dir.filePath(QStringLiteral("gguf"));
    const QString script = QFileInfo(test::peerScript()).dir().filePath(QStringLiteral("gguf_files.py"));
    QString out, err;
    QVERIFY2(test::runProcess(test::pythonPath(test::Peer::Modern),
                              {script, QStringLiteral("write"), m_folder}, &out, &err, 300000) == 0,
             qPrintable(err.right(2000)));
    QVERIFY2(test::runProcess(test::pythonPath(test::Peer::Modern),
                              {script, QStringLiteral("bad"), m_folder + QStringLiteral("/bad")}, &out, &err,
                              300000) == 0,
             qPrintable(err.right(2000)));
}

QJsonObject TestGgufReader::readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Every key with its type and value (arrays as their length and first items), every tensor with its ggml
// type, its shape in PyTorch's order (GGUF lists the innermost dimension first), its bytes and offset.
void TestGgufReader::readsWhatGgufReaderReads()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    CheckpointContent content;
    QString error;
    QVERIFY2(readCheckpoint(m_folder + QStringLiteral("/model.gguf"), Progress(), &content, &error),
             qPrintable(error));
    QCOMPARE(content.format, CheckpointFormat::Gguf);
    const QJsonObject expected = readJson(m_folder + QStringLiteral("/expected.json"));
    const QJsonObject keys = expected.value(QStringLiteral("keys")).toObject();
    QCOMPARE(content.values.size(), keys.size());
    for (const CheckpointValue &value : std::as_const(content.values)) {
        const QJsonObject want = keys.value(value.path).toObject();
        QVERIFY2(!want.isEmpty(), qPrintable(value.path));
        QCOMPARE(value.type, want.value(QStringLiteral("type")).toString());
        if (value.type.startsWith(QLatin1String("array"))) {
            QCOMPARE(value.value[QStringLiteral("length")].toInteger(),
                     want.value(QStringLiteral("length")).toInteger());
            QCOMPARE(value.value[QStringLiteral("first")].toArray(),
                     want.value(QStringLiteral("first")).toArray());
        } else {
            QCOMPARE(value.value, want.value(QStringLiteral("value")));
        }
    }
    const QJsonObject tensors = expected.value(QStringLiteral("tensors")).toObject();
    QCOMPARE(int(content.tensors.size()), tensors.size());
    for (const TensorInfo &tensor : content.tensors) {
        const QJsonObject want = tensors.value(tensor.name).toObject();
        QVERIFY2(!want.isEmpty(), qPrintable(tensor.name));
        QCOMPARE(tensor.storedEncoding, want.value(QStringLiteral("ggml_type")).toString());
        QVector<qint64> shape;
        for (const QJsonValue d : want.value(QStringLiteral("shape")).toArray())
            shape << d.toInteger();
        QCOMPARE(tensor.shape, shape);
        QCOMPARE(tensor.storedBytes, want.value(QStringLiteral("bytes")).toInteger());
        QCOMPARE(tensor.storedOffset, want.value(QStringLiteral("offset")).toInteger());
    }
    // The header's description of the model, shown as a Hugging Face folder's config.json is.
    QCOMPARE(content.config.modelType, QStringLiteral("llama"));
    QCOMPARE(content.config.hiddenLayers, 3);
    QCOMPARE(content.config.hiddenSize, 64);
    QCOMPARE(content.config.attentionHeads, 4);
    QCOMPARE(content.config.vocabularySize, 100);
    QCOMPARE(content.config.torchDtype, QStringLiteral("Q8_0"));
    // The tree folds llama.cpp's names into numbered blocks.
    QVERIFY(std::any_of(content.tensors.begin(), content.tensors.end(), [](const TensorInfo &t) {
        return t.name == QLatin1String("blk.1.ffn_down.weight");
    }));
}

// Each type's values are gguf-py's dequantize's, bit for bit, as float32: F32, F16 and BF16 in place, the
// legacy block types and the K-quants decoded.
void TestGgufReader::valuesEqualGgufPyDequantize()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    CheckpointContent content, reference;
    QString error;
    QVERIFY2(readCheckpoint(m_folder + QStringLiteral("/model.gguf"), Progress(), &content, &error),
             qPrintable(error));
    QVERIFY2(
        readCheckpoint(m_folder + QStringLiteral("/reference.safetensors"), Progress(), &reference, &error),
        qPrintable(error));
    QHash<QString, const TensorInfo *> ours;
    for (const TensorInfo &tensor : content.tensors)
        ours.insert(tensor.name, &tensor);
    int compared = 0;
    for (const TensorInfo &want : reference.tensors) {
        const TensorInfo *got = ours.value(want.name);
        QVERIFY2(got, qPrintable(want.name));
        QVERIFY2(!got->meta, qPrintable(want.name));
        QCOMPARE(got->shape, want.shape);
        QByteArray asFloat(qsizetype(got->numel() * 4), Qt::Uninitialized);
        DTypeConversion::convertRange(*got, DType::Float32, 0, got->numel(), asFloat.data());
        QVERIFY2(asFloat == want.contiguousBytes(),
                 qPrintable(want.name + QLatin1Char(' ') + got->storedEncoding));
        // A range that starts and ends inside blocks decodes the same values.
        if (got->numel() > 80) {
            QByteArray part(40 * 4, Qt::Uninitialized);
            QVERIFY(got->storage->read(got->byteSize() / got->numel() * 21, part.data(), part.size()) ||
                    got->dtype != DType::Float32);
            if (got->dtype == DType::Float32)
                QCOMPARE(part, asFloat.mid(21 * 4, 40 * 4));
        }
        ++compared;
    }
    QCOMPARE(compared, 14);
    QVERIFY2(content.warnings.isEmpty(), qPrintable(content.warnings.join(QLatin1Char('\n'))));
}

void TestGgufReader::infoJsonGivesEachTensorsGgmlType()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    QString out, err;
    QCOMPARE(test::runProcess(
                 test::cliPath(),
                 {QStringLiteral("info"), m_folder + QStringLiteral("/model.gguf"), QStringLiteral("--json")},
                 &out, &err),
             0);
    const QJsonObject info = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(info.value(QStringLiteral("format")).toString(), QStringLiteral("gguf"));
    QHash<QString, QJsonObject> tensors;
    for (const QJsonValue tensor : info.value(QStringLiteral("tensors")).toArray())
        tensors.insert(tensor[QStringLiteral("name")].toString(), tensor.toObject());
    const QJsonObject q8 = tensors.value(QStringLiteral("blk.0.ffn_up.weight"));
    QCOMPARE(q8.value(QStringLiteral("ggml_type")).toString(), QStringLiteral("Q8_0"));
    QCOMPARE(q8.value(QStringLiteral("dtype")).toString(), QStringLiteral("float32"));
    QCOMPARE(q8.value(QStringLiteral("shape")).toArray(), QJsonArray({96, 64}));
    QCOMPARE(q8.value(QStringLiteral("ggml_bytes")).toInteger(), 96 * 64 / 32 * 34);
    QCOMPARE(tensors.value(QStringLiteral("blk.0.attn_q.weight")).value(QStringLiteral("dtype")).toString(),
             QStringLiteral("float16"));
}

// export streams the decoded values out: as float32 every tensor equals gguf-py's dequantize bit for bit
// (the diff against its reference finds every tensor identical), and safetensors loads the file.
void TestGgufReader::exportWritesTheDecodedValues()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString out = m_dir.filePath(QStringLiteral("exported.safetensors"));
    QString text, err;
    QCOMPARE(
        test::runProcess(test::cliPath(),
                         {QStringLiteral("export"), m_folder + QStringLiteral("/model.gguf"),
                          QStringLiteral("-o"), out, QStringLiteral("--dtype"), QStringLiteral("float32")},
                         &text, &err),
        0);
    QCOMPARE(test::runProcess(test::cliPath(),
                              {QStringLiteral("diff"), out,
                               m_folder + QStringLiteral("/reference.safetensors"), QStringLiteral("--json")},
                              &text, &err),
             0);
    const QJsonObject totals =
        QJsonDocument::fromJson(text.toUtf8()).object().value(QStringLiteral("totals")).toObject();
    QCOMPARE(totals.value(QStringLiteral("identical")).toInt(), 14);
    QCOMPARE(totals.value(QStringLiteral("tensors")).toInt(), 14);
    QString peer;
    QCOMPARE(test::runProcess(test::pythonPath(test::Peer::Modern),
                              {QStringLiteral("-c"),
                               QStringLiteral("import sys; from safetensors.numpy import load_file; "
                                              "print(len(load_file(sys.argv[1])))"),
                               out},
                              &peer, &err),
             0);
    QCOMPARE(peer.trimmed(), QStringLiteral("14"));
}

void TestGgufReader::lyingFilesGiveOneLineReasons_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    const QJsonObject cases = readJson(m_folder + QStringLiteral("/bad/bad.json"));
    for (auto it = cases.begin(); it != cases.end(); ++it)
        QTest::newRow(qPrintable(it.key())) << it.key() + QStringLiteral(".gguf") << it.value().toString();
    if (cases.isEmpty())
        QTest::newRow("no fixtures") << QString() << QString();
}

void TestGgufReader::lyingFilesGiveOneLineReasons()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    QVERIFY(!file.isEmpty());
    CheckpointContent content;
    QString error;
    QVERIFY(readCheckpoint(m_folder + QStringLiteral("/bad/good.gguf"), Progress(), &content, &error));
    QVERIFY2(!readCheckpoint(m_folder + QStringLiteral("/bad/") + file, Progress(), &content, &error),
             qPrintable(file));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestGgufReader)
#include "tst_ggufreader.moc"
