// The torchscope-cli contract that scripts and outside checks rely on: commands, JSON keys,
// exit codes, one-line errors, and outputs left untouched on failure.

#include "document/savejob.h"
#include "formats/checkpointreader.h"
#include "inspect/elementvalue.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace torchscope;

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void versionStartsWithoutLibTorch();
    void infoJsonContract();
    void infoJsonIsWhatQtWouldWrite_data();
    void infoJsonIsWhatQtWouldWrite();
    void infoText();
    void trainingCheckpointInfo();
    void trainingCheckpointExport();
    void statsAgreeWithPyTorch();
    void exportAppliesGlobsInOrder();
    void exportFreezesNumericRanges();
    void freezePlanOnAFolderThatKeepsNoFlags();
    void scanNamesTheCallsAndExitsByTheThreshold();
    void infoOnAModelFolder();
    void infoOnABarePickle();
    void infoShowsQuantization();
    void exportSubmoduleWeightsOnly();
    void exportWritesSafetensorsByName_data();
    void exportWritesSafetensorsByName();
    void exportAppliesFreezePlan();
    void histogramMatchesNumpy();
    void histogramPng();
    void statisticsKeysCarryPyTorchsValues_data();
    void statisticsKeysCarryPyTorchsValues();
    void diffExitCodesAndJson();
    void diffTextAndCsv();
    void exportFormatsDtypesAndShards();
    void fullDiskAndKillLeaveTheOldFile_data();
    void fullDiskAndKillLeaveTheOldFile();
    void loadWeights_data();
    void loadWeights();
    void exportOverItsOwnInput();
    void exportRefusesPicklesItCannotWriteBack();
    void weightsOnlyBlockersNamedAndRepaired();
    void modernDtypesExportAndCountAsPyTorch();
    void shardSizes_data();
    void shardSizes();
    void valuesPrintsTheSlice();
    void valuesExportsLoadInNumpy();
    void statsJsonContractAndFlags();
    void statsCsvTextAndModule();
    void errors_data();
    void errors();
    void outputUntouchedOnFailure_data();
    void outputUntouchedOnFailure();
    void speaksTheUsersLanguage_data();
    void speaksTheUsersLanguage();
    void jsonIsTheSameInEveryLanguage();

private:
    int cli(const QStringList &arguments, QString *out = nullptr, QString *err = nullptr);
    QJsonObject infoJson(const QString &file);
    QString path(const QString &name) const { return m_dir.filePath(name); }
    void writeFile(const QString &name, const QByteArray &bytes);
    // peer.py formats: every checkpoint format PyTorch writes, made on first use.
    QString formatsFolder();
    // peer.py training: training checkpoints PyTorch 1.13 writes, made on first use.
    QString trainingFolder();
    // The peer's inspector fixtures (values.pt, health.pt and health.json), written once.
    QString inspectFixtures();

    QTemporaryDir m_dir;
    QString m_example;
};

int TestCli::cli(const QStringList &arguments, QString *out, QString *err)
{
    QString o, e;
    const int code = test::runProcess(test::cliPath(), arguments, &o, &e);
    if (out)
        *out = o;
    if (err)
        *err = e;
    return code;
}

QString TestCli::formatsFolder()
{
    QString folder = path(QStringLiteral("formats"));
    QString output;
    if (!QFile::exists(folder + QStringLiteral("/formats.json")) &&
        test::runPeer({QStringLiteral("formats"), folder}, &output) != 0)
        qFatal("peer.py formats: %s", qPrintable(output));
    return folder;
}

void TestCli::writeFile(const QString &name, const QByteArray &bytes)
{
    QFile file(path(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QJsonObject TestCli::infoJson(const QString &file)
{
    QString out, err;
    const int code = cli({QStringLiteral("info"), file, QStringLiteral("--json")}, &out, &err);
    if (code != 0)
        qWarning("%s", qPrintable(err));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(out.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        qWarning("bad JSON: %s", qPrintable(parseError.errorString()));
    return document.object();
}

QString TestCli::inspectFixtures()
{
    QString dir = path(QStringLiteral("inspect"));
    if (!QFile::exists(dir + QStringLiteral("/health.json"))) {
        QString output;
        if (test::runPeer({QStringLiteral("inspect"), dir}, &output) != 0)
            qWarning("%s", qPrintable(output));
    }
    return dir;
}

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_example = path(QStringLiteral("example.pt"));
    QString err;
    QCOMPARE(cli({QStringLiteral("example"), QStringLiteral("-o"), m_example}, nullptr, &err), 0);
    QVERIFY(QFile::exists(m_example));
}

void TestCli::versionStartsWithoutLibTorch()
{
    QString out;
    QCOMPARE(cli({QStringLiteral("--version")}, &out), 0);
    QCOMPARE(out.trimmed(), QStringLiteral("torchscope-cli " TORCHSCOPE_VERSION));
    // LibTorch is loaded on demand: the executable itself must not depend on it.
    QString ldd, lddErr;
    QCOMPARE(test::runProcess(QStringLiteral("ldd"), {test::cliPath()}, &ldd, &lddErr), 0);
    QVERIFY2(!ldd.contains(QStringLiteral("libtorch")) && !ldd.contains(QStringLiteral("libc10")),
             qPrintable(ldd));
    // Nor on the window: the CLI links the document and the plot, never the widgets library. By its symbols:
    // the embedded translations name every context, widgets' included, as text.
    QString symbols, nmErr;
    QCOMPARE(
        test::runProcess(QStringLiteral("nm"), {QStringLiteral("-C"), test::cliPath()}, &symbols, &nmErr), 0);
    QVERIFY(symbols.contains(QLatin1String("torchscope::HistogramPlot::")));
    QVERIFY(!symbols.contains(QLatin1String("torchscope::MainWindow::")));
    QVERIFY(!symbols.contains(QLatin1String("torchscope::SaveAsDialog::")));
}

QString TestCli::trainingFolder()
{
    QString folder = path(QStringLiteral("training"));
    QString output;
    if (!QFile::exists(folder + QStringLiteral("/cnn-train.pt")) &&
        test::runPeer({QStringLiteral("training"), folder}, &output) != 0)
        qFatal("peer.py training: %s", qPrintable(output));
    return folder;
}

// A training checkpoint's parts, values and optimizer in `info --json` and the text `info`; a plain
// state_dict's empty ones.
void TestCli::trainingCheckpointInfo()
{
    const QString folder = trainingFolder();
    const QJsonObject info = infoJson(QDir(folder).filePath(QStringLiteral("cnn-train.pt")));
    const QJsonObject checkpoint = info.value(QStringLiteral("checkpoint")).toObject();
    QCOMPARE(checkpoint.value(QStringLiteral("kind")).toString(), QStringLiteral("training"));
    QCOMPARE(checkpoint.value(QStringLiteral("model")).toString(), QStringLiteral("model"));
    QVERIFY(checkpoint.value(QStringLiteral("framework")).isNull());
    QVERIFY(checkpoint.value(QStringLiteral("ema")).isNull());
    QCOMPARE(checkpoint.value(QStringLiteral("optimizers")).toArray(),
             QJsonArray{QStringLiteral("optimizer")});
    QCOMPARE(checkpoint.value(QStringLiteral("schedulers")).toArray(),
             QJsonArray{QStringLiteral("scheduler")});
    const QJsonArray values = info.value(QStringLiteral("values")).toArray();
    QCOMPARE(values.at(0).toObject(), (QJsonObject{{QStringLiteral("path"), QStringLiteral("epoch")},
                                                   {QStringLiteral("type"), QStringLiteral("int")},
                                                   {QStringLiteral("value"), 7}}));
    QHash<QString, QJsonValue> byPath;
    for (const QJsonValue value : values)
        byPath.insert(value.toObject().value(QStringLiteral("path")).toString(),
                      value.toObject().value(QStringLiteral("value")));
    QCOMPARE(byPath.value(QStringLiteral("config.nan")), QJsonValue(QStringLiteral("nan")));
    QCOMPARE(byPath.value(QStringLiteral("config.inf")), QJsonValue(QStringLiteral("inf")));
    QCOMPARE(byPath.value(QStringLiteral("config.blob")),
             QJsonValue(QJsonObject{{QStringLiteral("bytes"), 3}}));
    QCOMPARE(byPath.value(QStringLiteral("args")),
             QJsonValue(QJsonObject{{QStringLiteral("class"), QStringLiteral("argparse.Namespace")}}));
    QCOMPARE(byPath.value(QStringLiteral("args.epochs")), QJsonValue(10));
    QCOMPARE(byPath.value(QStringLiteral("best_acc")), QJsonValue(0.91));
    QVERIFY(byPath.value(QStringLiteral("config.dropout")).isNull());
    const QJsonObject optimizer = info.value(QStringLiteral("optimizers")).toArray().at(0).toObject();
    QCOMPARE(optimizer.value(QStringLiteral("path")).toString(), QStringLiteral("optimizer"));
    QCOMPARE(optimizer.value(QStringLiteral("mapping")).toString(), QStringLiteral("model_order"));
    const QJsonObject group = optimizer.value(QStringLiteral("param_groups")).toArray().at(0).toObject();
    QCOMPARE(group.value(QStringLiteral("lr")).toDouble(), 3e-4);
    QCOMPARE(group.value(QStringLiteral("betas")).toArray(), (QJsonArray{0.9, 0.999}));
    QCOMPARE(group.value(QStringLiteral("params")).toArray().at(0).toString(),
             QStringLiteral("sequential.0.weight"));
    const QJsonObject fc =
        optimizer.value(QStringLiteral("state")).toObject().value(QStringLiteral("fc.weight")).toObject();
    QCOMPARE(fc.value(QStringLiteral("step")).toDouble(), 1.0);
    QCOMPARE(fc.value(QStringLiteral("tensors")).toArray(),
             (QJsonArray{QStringLiteral("exp_avg"), QStringLiteral("exp_avg_sq")}));
    // Adam's state is no parameter: the totals are the model's.
    QFile facts(QDir(folder).filePath(QStringLiteral("cnn-train.pt.json")));
    QVERIFY(facts.open(QIODevice::ReadOnly));
    QCOMPARE(
        info.value(QStringLiteral("totals")).toObject().value(QStringLiteral("parameters")).toInteger(),
        QJsonDocument::fromJson(facts.readAll()).object().value(QStringLiteral("parameters")).toInteger());

    const QJsonObject plain = infoJson(QDir(folder).filePath(QStringLiteral("cnn-state_dict.pt")));
    QCOMPARE(plain.value(QStringLiteral("checkpoint")).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("weights"));
    QCOMPARE(plain.value(QStringLiteral("checkpoint")).toObject().value(QStringLiteral("model")).toString(),
             QString());
    QVERIFY(plain.value(QStringLiteral("values")).toArray().isEmpty());
    QVERIFY(plain.value(QStringLiteral("optimizers")).toArray().isEmpty());

    QString out;
    QCOMPARE(cli({QStringLiteral("info"), QDir(folder).filePath(QStringLiteral("cnn-train.pt"))}, &out), 0);
    QVERIFY2(out.contains(QStringLiteral("Checkpoint: Training checkpoint: epoch 7, step 120; model ")),
             qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("\nValues:\n  epoch = 7  (int)\n")));
    QVERIFY(out.contains(QStringLiteral("  config.name = \"cnn\"  (str)\n")));
    QVERIFY(out.contains(QStringLiteral("Optimizer optimizer (Adam):")));
    QVERIFY(out.contains(QStringLiteral("  13 -> fc.bias  step, exp_avg, exp_avg_sq  step 1\n")));
    QVERIFY(!out.contains(QStringLiteral("weights-only files store no requires_grad flags")));
}

// `export --weights-only` on a training checkpoint writes its model part and says what it left out; the
// weights load strictly into a fresh model.
void TestCli::trainingCheckpointExport()
{
    const QString folder = trainingFolder();
    const QString train = QDir(folder).filePath(QStringLiteral("cnn-train.pt"));
    const QString output = path(QStringLiteral("cnn-weights.pt"));
    QString out, err;
    QCOMPARE(
        cli({QStringLiteral("export"), train, QStringLiteral("-o"), output, QStringLiteral("--weights-only")},
            &out, &err),
        0);
    QVERIFY2(err.contains(QStringLiteral("wrote the model part 'model': 23 tensors.")), qPrintable(err));
    QVERIFY2(err.contains(
                 QStringLiteral("Left out: optimizer 'optimizer' (Adam, 42 tensors), scheduler 'scheduler'")),
             qPrintable(err));
    QString peer;
    QVERIFY2(
        test::runPeer({QStringLiteral("check-extracted"), QStringLiteral("cnn"), output, train}, &peer) == 0,
        qPrintable(peer));
    // The EMA weights under the model's own names.
    const QString ema = path(QStringLiteral("cnn-ema.pt"));
    QCOMPARE(cli({QStringLiteral("export"), QDir(folder).filePath(QStringLiteral("ema-train.pt")),
                  QStringLiteral("-o"), ema, QStringLiteral("--weights-only"), QStringLiteral("--part"),
                  QStringLiteral("ema")},
                 &out, &err),
             0);
    QVERIFY2(test::runPeer({QStringLiteral("check-extracted"), QStringLiteral("cnn"), ema,
                            QDir(folder).filePath(QStringLiteral("ema-train.pt.ema-expected.pt"))},
                           &peer) == 0,
             qPrintable(peer));
    // Every tensor, the optimizer's too.
    QCOMPARE(cli({QStringLiteral("export"), train, QStringLiteral("-o"), path(QStringLiteral("all.pt")),
                  QStringLiteral("--weights-only"), QStringLiteral("--part"), QStringLiteral("all")},
                 &out, &err),
             0);
    QVERIFY2(err.contains(QStringLiteral("wrote the whole checkpoint")), qPrintable(err));
    // Asking for what is not there, or for two things at once.
    QCOMPARE(cli({QStringLiteral("export"), train, QStringLiteral("-o"), path(QStringLiteral("none.pt")),
                  QStringLiteral("--weights-only"), QStringLiteral("--part"), QStringLiteral("ema")},
                 &out, &err),
             1);
    QVERIFY2(err.contains(QStringLiteral("holds no EMA weights")), qPrintable(err));
    QVERIFY(!QFile::exists(path(QStringLiteral("none.pt"))));
    QCOMPARE(cli({QStringLiteral("export"), train, QStringLiteral("-o"), path(QStringLiteral("x.pt")),
                  QStringLiteral("--weights-only"), QStringLiteral("--part"), QStringLiteral("optimizer")},
                 &out, &err),
             2);
    QCOMPARE(cli({QStringLiteral("export"), train, QStringLiteral("-o"), path(QStringLiteral("x.pt")),
                  QStringLiteral("--weights-only"), QStringLiteral("--part"), QStringLiteral("model"),
                  QStringLiteral("--module"), QStringLiteral("model")},
                 &out, &err),
             2);
}

void TestCli::infoJsonContract()
{
    const QJsonObject info = infoJson(m_example);
    QCOMPARE(info.value(QStringLiteral("format")).toString(), QStringLiteral("torchscript"));
    const QJsonArray modules = info.value(QStringLiteral("modules")).toArray();
    QVERIFY(modules.size() > 4);
    QCOMPARE(modules.at(0).toObject().value(QStringLiteral("path")).toString(), QString());
    QCOMPARE(modules.at(0).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("CNN"));
    QStringList paths;
    for (const QJsonValue module : modules)
        paths << module.toObject().value(QStringLiteral("path")).toString();
    QVERIFY(paths.contains(QStringLiteral("layer1.0")));
    QCOMPARE(
        modules.at(paths.indexOf(QStringLiteral("fc"))).toObject().value(QStringLiteral("type")).toString(),
        QStringLiteral("torch.nn.modules.linear.Linear"));

    qint64 parameterElements = 0;
    const QJsonArray tensors = info.value(QStringLiteral("tensors")).toArray();
    for (const QJsonValue value : tensors) {
        const QJsonObject tensor = value.toObject();
        for (const char *key : {"name", "kind", "dtype", "shape", "requires_grad"})
            QVERIFY2(tensor.contains(QLatin1String(key)), key);
        const QString kind = tensor.value(QStringLiteral("kind")).toString();
        QVERIFY(kind == QLatin1String("parameter") || kind == QLatin1String("buffer"));
        if (kind == QLatin1String("parameter")) {
            QVERIFY(tensor.value(QStringLiteral("requires_grad")).isBool());
            qint64 numel = 1;
            for (const QJsonValue d : tensor.value(QStringLiteral("shape")).toArray())
                numel *= qint64(d.toDouble());
            parameterElements += numel;
        } else {
            QVERIFY(tensor.value(QStringLiteral("requires_grad")).isNull());
        }
    }
    const QJsonObject first = tensors.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("sequential.0.weight"));
    QCOMPARE(first.value(QStringLiteral("dtype")).toString(), QStringLiteral("float32"));
    QCOMPARE(first.value(QStringLiteral("shape")).toArray(), (QJsonArray{8, 1, 3, 3}));
    const QJsonObject totals = info.value(QStringLiteral("totals")).toObject();
    QCOMPARE(qint64(totals.value(QStringLiteral("parameters")).toDouble()), parameterElements);
    QCOMPARE(qint64(totals.value(QStringLiteral("trainable")).toDouble()), parameterElements);
    QCOMPARE(qint64(totals.value(QStringLiteral("frozen")).toDouble()), qint64(0));
}

// `info --json` is written straight to bytes, not through QJsonObject: the bytes must be exactly what
// Qt would write for the same values (sorted keys, its layout, escapes and numbers), so that nothing
// reading it sees a change.
void TestCli::infoJsonIsWhatQtWouldWrite_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<bool>("stats");
    for (const char *fixture :
         {"torchscript", "quantized", "folder with config", "awkward names", "training checkpoint"}) {
        QTest::addRow("%s", fixture) << QString::fromLatin1(fixture) << false;
        QTest::addRow("%s, stats", fixture) << QString::fromLatin1(fixture) << true;
    }
}

void TestCli::infoJsonIsWhatQtWouldWrite()
{
    QFETCH(QString, fixture);
    QFETCH(bool, stats);
    QString file = m_example;
    QString out;
    if (fixture == QLatin1String("quantized")) {
        QVERIFY2(test::runPeer({QStringLiteral("quantized"), path(QStringLiteral("quantized"))}, &out) == 0,
                 qPrintable(out));
        file = path(QStringLiteral("quantized/quantized.pt"));
    } else if (fixture == QLatin1String("folder with config")) {
        file = path(QStringLiteral("json-folder"));
        QVERIFY(QDir().mkpath(file));
        QCOMPARE(cli({"example", "-o", file + "/pytorch_model.bin", "--weights-only"}), 0);
        QFile config(file + QStringLiteral("/config.json"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(R"({"architectures": ["CNN"], "num_hidden_layers": 5, "vocab_size": 30522})");
    } else if (fixture == QLatin1String("training checkpoint")) {
        file = QDir(trainingFolder()).filePath(QStringLiteral("cnn-train.pt"));
    } else if (fixture == QLatin1String("awkward names")) {
        // Each name with one thing escaping must get right: a quote, a backslash, a newline, a tab, a
        // control character, Latin-1, CJK, a surrogate pair, a lone surrogate; and statistics that are
        // not numbers.
        QByteArray header =
            R"({"a\"b\\c\n\t\u0001d": {"dtype": "F32", "shape": [3], "data_offsets": [0, 12]})";
        for (const char *name : {R"(quote\")", R"(back\\slash)", R"(new\nline)", R"(tab\t)", R"(ctl\u001f)",
                                 R"(caf\u00e9)", R"(\u4e2d)", R"(\ud83d\ude00)", R"(lone\ud800)"})
            header += QByteArray(R"(, ")") + name +
                      R"(": {"dtype": "F32", "shape": [1, 0], "data_offsets": [12, 12]})";
        header += '}';
        QByteArray bytes(8, '\0');
        qToLittleEndian<quint64>(quint64(header.size()), bytes.data());
        const float values[] = {1.5f, std::numeric_limits<float>::quiet_NaN(),
                                std::numeric_limits<float>::infinity()};
        bytes += header + QByteArray(reinterpret_cast<const char *>(values), sizeof values);
        file = path(QStringLiteral("awkward.safetensors"));
        TORCHSCOPE_HELPER(writeFile(QStringLiteral("awkward.safetensors"), bytes));
    }
    QStringList arguments{QStringLiteral("info"), file, QStringLiteral("--json")};
    if (stats)
        arguments << QStringLiteral("--stats");
    QString err;
    QCOMPARE(cli(arguments, &out, &err), 0);
    const QByteArray bytes = out.toUtf8();
    QJsonParseError parseError;
    const QJsonDocument parsed = QJsonDocument::fromJson(bytes, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(bytes, parsed.toJson(QJsonDocument::Indented));
    if (fixture == QLatin1String("awkward names")) {
        const QJsonArray tensors = parsed.object().value(QStringLiteral("tensors")).toArray();
        QCOMPARE(tensors.size(), 10);
        // The lone surrogate is escaped as Qt escapes it, not replaced.
        QStringList names;
        for (const QJsonValue tensor : tensors)
            names << tensor.toObject().value(QStringLiteral("name")).toString();
        QVERIFY2(names.contains(QStringLiteral("lone") + QChar(0xd800)), qPrintable(names.join(u'|')));
        QCOMPARE(tensors.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("a\"b\\c\n\t\u0001d"));
        if (stats) {
            QCOMPARE(tensors.at(0).toObject().value(QStringLiteral("nan_count")).toInt(), 1);
            QVERIFY(tensors.at(1).toObject().value(QStringLiteral("min")).isNull());
        }
    }
}

void TestCli::infoText()
{
    QString out;
    QCOMPARE(cli({QStringLiteral("info"), m_example}, &out), 0);
    QVERIFY(out.contains(QStringLiteral("Format: torchscript")));
    QVERIFY(out.contains(QStringLiteral("layer2 Sequential")));
    // Digits grouped, as counts of billions need.
    QVERIFY(out.contains(QStringLiteral("fc Linear  params 15,690, trainable 15,690")));
    QVERIFY(out.contains(QStringLiteral("Totals: 31,930 parameters (31,930 trainable, 0 frozen)")));
}

void TestCli::statsAgreeWithPyTorch()
{
    QString out;
    QCOMPARE(
        cli({QStringLiteral("info"), m_example, QStringLiteral("--json"), QStringLiteral("--stats")}, &out),
        0);
    const QJsonArray tensors =
        QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("tensors")).toArray();
    QString peer;
    QCOMPARE(test::runPeer({QStringLiteral("stats"), m_example}, &peer), 0);
    const QJsonObject expected = QJsonDocument::fromJson(peer.toUtf8()).object();
    QCOMPARE(tensors.size(), expected.size());
    for (const QJsonValue value : tensors) {
        const QJsonObject tensor = value.toObject();
        const QJsonArray want = expected.value(tensor.value(QStringLiteral("name")).toString()).toArray();
        const char *keys[] = {"min", "max", "mean", "std"};
        for (int k = 0; k < 4; ++k) {
            const double got = tensor.value(QLatin1String(keys[k])).toDouble();
            QVERIFY2(std::abs(got - want.at(k).toDouble()) <= 1e-9 * (1 + std::abs(want.at(k).toDouble())),
                     qPrintable(tensor.value(QStringLiteral("name")).toString() + QLatin1Char(' ') +
                                QLatin1String(keys[k])));
        }
    }
}

void TestCli::exportAppliesGlobsInOrder()
{
    const QString out = path(QStringLiteral("frozen.pt"));
    QString err;
    QCOMPARE(cli({QStringLiteral("export"), m_example, QStringLiteral("-o"), out,
                  QStringLiteral("--entire-model"), QStringLiteral("--freeze"), QStringLiteral("*"),
                  QStringLiteral("--unfreeze"), QStringLiteral("fc.*"), QStringLiteral("--freeze=fc.bias")},
                 nullptr, &err),
             0);
    const QJsonObject info = infoJson(out);
    for (const QJsonValue value : info.value(QStringLiteral("tensors")).toArray()) {
        const QJsonObject tensor = value.toObject();
        if (tensor.value(QStringLiteral("kind")).toString() != QLatin1String("parameter"))
            continue;
        const QString name = tensor.value(QStringLiteral("name")).toString();
        QCOMPARE(tensor.value(QStringLiteral("requires_grad")).toBool(), name == QLatin1String("fc.weight"));
    }
    const QJsonObject totals = info.value(QStringLiteral("totals")).toObject();
    QCOMPARE(qint64(totals.value(QStringLiteral("trainable")).toDouble()), qint64(15680));
    QCOMPARE(qint64(totals.value(QStringLiteral("frozen")).toDouble()), qint64(31930 - 15680));
}

void TestCli::exportFreezesNumericRanges()
{
    // {1..2} picks the example's second and third Sequential blocks by number, not layer1 or layer2.
    const QString out = path(QStringLiteral("range.pt"));
    QCOMPARE(
        cli({QStringLiteral("export"), m_example, QStringLiteral("-o"), out, QStringLiteral("--entire-model"),
             QStringLiteral("--freeze"), QStringLiteral("*.{1..2}.*")}),
        0);
    for (const QJsonValue value : infoJson(out).value(QStringLiteral("tensors")).toArray()) {
        const QJsonObject tensor = value.toObject();
        if (tensor.value(QStringLiteral("kind")).toString() != QLatin1String("parameter"))
            continue;
        const QString name = tensor.value(QStringLiteral("name")).toString();
        const bool frozen = name.contains(QLatin1String(".1.")) || name.contains(QLatin1String(".2."));
        QCOMPARE(tensor.value(QStringLiteral("requires_grad")).toBool(), !frozen);
    }
}

// The README's example on the models it was written for: a Llama folder transformers wrote keeps no
// flags, so --freeze makes a plan (from every parameter trainable), and --freeze-plan-out writes it,
// with or without -o; transformers' own model takes the plan name for name.
void TestCli::freezePlanOnAFolderThatKeepsNoFlags()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = path(QStringLiteral("llama-folder"));
    QString peer;
    QVERIFY2(test::runPeer(test::Peer::Modern, {QStringLiteral("llama-folder"), folder}, &peer) == 0,
             qPrintable(peer));
    const QString plan = path(QStringLiteral("llama.freeze.json"));
    QString out, err;
    QCOMPARE(cli({QStringLiteral("export"), folder, QStringLiteral("--freeze"),
                  QStringLiteral("model.layers.{0..1}.*"), QStringLiteral("--freeze-plan-out"), plan},
                 &out, &err),
             0);
    QVERIFY2(err.contains(QStringLiteral("wrote the freeze plan")), qPrintable(err));
    QVERIFY2(test::runPeer(test::Peer::Modern,
                           {QStringLiteral("check-freeze-plan"), folder, plan,
                            QStringLiteral("model.layers.0.,model.layers.1.")},
                           &peer) == 0,
             qPrintable(peer));
    // Beside a weights-only export the plan is the same, and without --freeze-plan-out the CLI says
    // where it would go.
    const QString weights = path(QStringLiteral("llama-weights.safetensors"));
    QCOMPARE(cli({QStringLiteral("export"), folder, QStringLiteral("-o"), weights,
                  QStringLiteral("--weights-only"), QStringLiteral("--freeze"),
                  QStringLiteral("model.layers.{0..1}.*")},
                 &out, &err),
             0);
    QVERIFY2(err.contains(QStringLiteral("--freeze-plan-out FILE writes the plan")), qPrintable(err));
    // Options that shape a file need that file.
    QCOMPARE(cli({QStringLiteral("export"), folder, QStringLiteral("--freeze-plan-out"), plan,
                  QStringLiteral("--dtype"), QStringLiteral("float16")},
                 &out, &err),
             2);
    QVERIFY2(err.contains(QStringLiteral("--dtype needs -o OUT")), qPrintable(err));
}

// scan on a folder of files PyTorch wrote with payloads: each call named with its arguments and place,
// as text, JSON and SARIF; exit 1 at the default threshold, 0 for the benign files PyTorch writes.
void TestCli::scanNamesTheCallsAndExitsByTheThreshold()
{
    const QString folder = path(QStringLiteral("scan-hostile"));
    QString output;
    QVERIFY2(test::runPeer({QStringLiteral("hostile"), folder}, &output) == 0, qPrintable(output));
    QString out, err;
    QCOMPARE(
        cli({QStringLiteral("scan"), folder, QStringLiteral("--format"), QStringLiteral("json")}, &out, &err),
        1);
    const QJsonObject report = QJsonDocument::fromJson(out.toUtf8()).object();
    QSet<QString> called;
    for (const QJsonValue value : report.value(QStringLiteral("findings")).toArray()) {
        const QJsonObject finding = value.toObject();
        if (finding.value(QStringLiteral("rule_id")).toString() != QLatin1String("TS001"))
            continue;
        QCOMPARE(finding.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
        called.insert(finding.value(QStringLiteral("file")).toString());
        QVERIFY2(finding.value(QStringLiteral("message")).toString().contains(QStringLiteral("pwned")),
                 qPrintable(finding.value(QStringLiteral("message")).toString()));
    }
    QCOMPARE(called.size(), 9); // every .pt the peer wrote, zip and legacy
    const QString sarif = path(QStringLiteral("scan.sarif"));
    QCOMPARE(cli({QStringLiteral("scan"), folder, QStringLiteral("--format"), QStringLiteral("sarif"),
                  QStringLiteral("-o"), sarif},
                 &out, &err),
             1);
    QFile file(sarif);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject run = QJsonDocument::fromJson(file.readAll())
                                .object()
                                .value(QStringLiteral("runs"))
                                .toArray()
                                .at(0)
                                .toObject();
    QVERIFY(!run.value(QStringLiteral("results")).toArray().isEmpty());
    for (const QJsonValue value : run.value(QStringLiteral("results")).toArray()) {
        const QString uri = value.toObject()
                                .value(QStringLiteral("locations"))
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(QStringLiteral("physicalLocation"))
                                .toObject()
                                .value(QStringLiteral("artifactLocation"))
                                .toObject()
                                .value(QStringLiteral("uri"))
                                .toString();
        QVERIFY2(!uri.startsWith(u'/'), qPrintable(uri)); // relative to the folder scanned
    }
    // The benign files PyTorch writes: nothing at the default threshold.
    const QString benign = formatsFolder();
    QCOMPARE(cli({QStringLiteral("scan"), benign + QStringLiteral("/state_dict.pt"),
                  benign + QStringLiteral("/whole_cnn.pt")},
                 &out, &err),
             0);
    QCOMPARE(cli({QStringLiteral("scan"), QStringLiteral("--fail-on"), QStringLiteral("sometimes"), folder},
                 &out, &err),
             2);
}

void TestCli::infoOnAModelFolder()
{
    // A Hugging Face style folder: pytorch_model.bin and config.json, opened by the folder's name.
    const QString folder = path(QStringLiteral("hf-model"));
    QVERIFY(QDir().mkpath(folder));
    QCOMPARE(cli({QStringLiteral("example"), QStringLiteral("-o"),
                  folder + QStringLiteral("/pytorch_model.bin"), QStringLiteral("--weights-only")}),
             0);
    QFile config(folder + QStringLiteral("/config.json"));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"model_type": "cnn", "num_hidden_layers": 5, "hidden_size": 32})");
    config.close();
    const QJsonObject info = infoJson(folder);
    QCOMPARE(info.value(QStringLiteral("format")).toString(), QStringLiteral("state_dict"));
    const QJsonObject stated = info.value(QStringLiteral("config")).toObject();
    QCOMPARE(stated.value(QStringLiteral("model_type")).toString(), QStringLiteral("cnn"));
    QCOMPARE(stated.value(QStringLiteral("hidden_size")).toInt(), 32);
    QVERIFY(stated.value(QStringLiteral("num_attention_heads")).isNull());
    // The weights name two numbered blocks in each Sequential (the others hold no tensors), not the 5
    // the config states; the first in the tree is named.
    QCOMPARE(
        info.value(QStringLiteral("warnings")).toArray().at(0).toString(),
        QStringLiteral("config.json says 5 hidden layers, but the checkpoint holds 2 blocks in sequential"));
    QString out;
    QCOMPARE(cli({QStringLiteral("info"), folder}, &out), 0);
    QVERIFY2(out.contains(QStringLiteral("Config: cnn, hidden size 32, 5 layers (")), qPrintable(out));
}

void TestCli::infoOnABarePickle()
{
    // A pickle that is nothing but os.system('ls'): described (format "pickle", the call in the
    // warnings), and exit 1 with the call named on stderr, in text and JSON alike.
    const QString file = path(QStringLiteral("system.pkl"));
    QFile pickle(file);
    QVERIFY(pickle.open(QIODevice::WriteOnly));
    pickle.write("cos\nsystem\n(S'ls'\ntR.");
    pickle.close();
    QString out, err;
    QCOMPARE(cli({QStringLiteral("info"), file, QStringLiteral("--json")}, &out, &err), 1);
    const QJsonObject info = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(info.value(QStringLiteral("format")).toString(), QStringLiteral("pickle"));
    QCOMPARE(info.value(QStringLiteral("warnings")).toArray().at(0).toString(),
             QStringLiteral("would call os.system on load; refused"));
    QCOMPARE(err.trimmed(),
             QStringLiteral("torchscope-cli: %1: would call os.system on load; refused").arg(file));
    QCOMPARE(cli({QStringLiteral("info"), file}, &out, &err), 1);
    QVERIFY2(out.contains(QStringLiteral("refused call: os.system")), qPrintable(out));
    // A harmless pickle is shown and is no error.
    QVERIFY(pickle.open(QIODevice::WriteOnly | QIODevice::Truncate));
    pickle.write("(dp0\nS'epoch'\np1\nI7\ns.");
    pickle.close();
    QCOMPARE(cli({QStringLiteral("info"), file}, &out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("epoch 7")), qPrintable(out));
}

// Quantized tensors carry their quantizer in `info --json` (numbers per tensor, lists and the axis per
// channel) and in the text, and `export --weights-only` keeps them as PyTorch reads them.
void TestCli::infoShowsQuantization()
{
    QString out, err;
    QVERIFY2(test::runPeer({QStringLiteral("quantized"), path(QStringLiteral("quantized"))}, &out) == 0,
             qPrintable(out));
    const QString file = path(QStringLiteral("quantized/quantized.pt"));
    QHash<QString, QJsonObject> quantization;
    for (const QJsonValue t : infoJson(file).value(QStringLiteral("tensors")).toArray())
        quantization.insert(t.toObject().value(QStringLiteral("name")).toString(),
                            t.toObject().value(QStringLiteral("quantization")).toObject());
    QCOMPARE(quantization.value(QStringLiteral("per_tensor_qint8")),
             (QJsonObject{{QStringLiteral("scheme"), QStringLiteral("per_tensor_affine")},
                          {QStringLiteral("scale"), 0.05},
                          {QStringLiteral("zero_point"), 3},
                          {QStringLiteral("axis"), QJsonValue()}}));
    const QJsonObject perChannel = quantization.value(QStringLiteral("per_channel_axis0"));
    QCOMPARE(perChannel.value(QStringLiteral("scheme")).toString(), QStringLiteral("per_channel_affine"));
    QCOMPARE(perChannel.value(QStringLiteral("axis")).toInt(-1), 0);
    QCOMPARE(perChannel.value(QStringLiteral("scale")).toArray(), (QJsonArray{0.05, 0.1, 0.02, 0.3}));
    QCOMPARE(perChannel.value(QStringLiteral("zero_point")).toArray(), (QJsonArray{0, 3, -2, 5}));
    QCOMPARE(quantization.value(QStringLiteral("float_qparams")).value(QStringLiteral("scheme")).toString(),
             QStringLiteral("per_channel_affine_float_qparams"));
    QVERIFY(quantization.value(QStringLiteral("plain")).isEmpty());
    QCOMPARE(cli({QStringLiteral("info"), file}, &out, &err), 0);
    QVERIFY2(
        out.contains(QStringLiteral("per_tensor_qint8  tensor  qint8 (scale 0.05, zero point 3)  [4, 6]")),
        qPrintable(out));
    const QString exported = path(QStringLiteral("quantized/exported.pt"));
    QCOMPARE(cli({QStringLiteral("export"), file, QStringLiteral("-o"), exported,
                  QStringLiteral("--weights-only")},
                 &out, &err),
             0);
    QVERIFY2(test::runPeer({QStringLiteral("check-quantized"), file, exported}, &out) == 0, qPrintable(out));
}

void TestCli::exportSubmoduleWeightsOnly()
{
    // Weights-only archives are checked by PyTorch in tst_interop; here: the flags and exit code.
    const QString out = path(QStringLiteral("layer2.pt"));
    QCOMPARE(cli({QStringLiteral("export"), m_example, QStringLiteral("-o"), out,
                  QStringLiteral("--weights-only"), QStringLiteral("--module"), QStringLiteral("layer2")}),
             0);
    QVERIFY(QFile(out).size() > 12832 * 4);
    const QString entire = path(QStringLiteral("layer2-entire.pt"));
    QCOMPARE(cli({QStringLiteral("export"), m_example, QStringLiteral("-o"), entire,
                  QStringLiteral("--entire-model"), QStringLiteral("--module=layer2")}),
             0);
    const QJsonObject info = infoJson(entire);
    QCOMPARE(info.value(QStringLiteral("modules"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("type"))
                 .toString(),
             QStringLiteral("torch.nn.modules.container.Sequential"));
    QCOMPARE(info.value(QStringLiteral("tensors"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("0.weight"));
}

void TestCli::exportWritesSafetensorsByName_data()
{
    QTest::addColumn<QString>("module");
    QTest::newRow("whole model") << QString();
    QTest::newRow("submodule") << QStringLiteral("layer2");
}

void TestCli::exportWritesSafetensorsByName()
{
    // A .safetensors name writes safetensors; PyTorch checks the layout and every tensor's bytes.
    QFETCH(QString, module);
    const QString out = path(QStringLiteral("weights%1.safetensors").arg(module));
    QStringList arguments{QStringLiteral("export"), m_example, QStringLiteral("-o"), out,
                          QStringLiteral("--weights-only")};
    QStringList check{QStringLiteral("check-safetensors"), m_example, out};
    if (!module.isEmpty()) {
        arguments << QStringLiteral("--module") << module;
        check << QStringLiteral("--module") << module;
    }
    QString err;
    QCOMPARE(cli(arguments, nullptr, &err), 0);
    QString output;
    QVERIFY2(test::runPeer(check, &output) == 0, qPrintable(output));
    QCOMPARE(infoJson(out).value(QStringLiteral("format")).toString(), QStringLiteral("safetensors"));
}

void TestCli::exportAppliesFreezePlan()
{
    TORCHSCOPE_HELPER(writeFile(QStringLiteral("plan.json"),
                                R"({"requires_grad": {"fc.weight": false, "layer1.0.bias": false}})"));
    const QString out = path(QStringLiteral("planned.pt"));
    QString err;
    // The plan, then a glob after it: command-line order.
    QCOMPARE(cli({"export", m_example, "-o", out, "--entire-model", "--freeze-plan", path("plan.json"),
                  "--unfreeze", "fc.*"},
                 nullptr, &err),
             0);
    for (const QJsonValue value : infoJson(out).value("tensors").toArray()) {
        const QJsonObject tensor = value.toObject();
        if (tensor.value("kind").toString() == QLatin1String("parameter"))
            QCOMPARE(tensor.value("requires_grad").toBool(),
                     tensor.value("name").toString() != QLatin1String("layer1.0.bias"));
    }
    TORCHSCOPE_HELPER(writeFile(QStringLiteral("bad-plan.json"),
                                R"({"requires_grad": {"fc.weight": false, "head.weight": true}})"));
    TORCHSCOPE_HELPER(writeFile(QStringLiteral("keep.pt"), QByteArray("keep me")));
    QCOMPARE(cli({"export", m_example, "-o", path("keep.pt"), "--entire-model", "--freeze-plan",
                  path("bad-plan.json")},
                 nullptr, &err),
             1);
    QVERIFY2(err.contains(QStringLiteral("head.weight")) && err.contains(QStringLiteral("does not have")),
             qPrintable(err));
    QFile kept(path(QStringLiteral("keep.pt")));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("keep me"));
}

void TestCli::histogramMatchesNumpy()
{
    // Weights-only copy so that PyTorch's torch.load gives the same tensors by name.
    const QString weights = path(QStringLiteral("hist-weights.pt"));
    QCOMPARE(cli({"export", m_example, "-o", weights, "--weights-only"}), 0);
    QString out, err;
    QCOMPARE(cli({"hist", weights, "layer1.0.weight", "--bins", "13", "--json"}, &out, &err), 0);
    const QJsonObject ours = QJsonDocument::fromJson(out.toUtf8()).object();
    QString peer;
    QCOMPARE(test::runPeer({"histograms", weights, "13"}, &peer), 0);
    const QJsonObject numpy =
        QJsonDocument::fromJson(peer.toUtf8()).object().value("layer1.0.weight").toObject();
    QCOMPARE(ours.value("edges").toArray(), numpy.value("edges").toArray());
    QCOMPARE(ours.value("counts").toArray(), numpy.value("counts").toArray());
    QCOMPARE(qint64(ours.value("numel").toDouble()), qint64(16 * 8 * 5 * 5));
    for (const char *key :
         {"min", "max", "mean", "std", "l2_norm", "zero_fraction", "nan_count", "inf_count"})
        QVERIFY2(ours.contains(QLatin1String(key)), key);

    QCOMPARE(cli({"hist", weights, "fc.bias", "--range", "-1,1", "--bins", "4", "--json"}, &out, &err), 0);
    QCOMPARE(QJsonDocument::fromJson(out.toUtf8()).object().value("edges").toArray(),
             (QJsonArray{-1.0, -0.5, 0.0, 0.5, 1.0}));
    QCOMPARE(cli({"hist", weights, "nope"}, &out, &err), 2);
    QCOMPARE(cli({"hist", weights, "fc.bias", "--bins", "0"}, &out, &err), 2);
    QCOMPARE(cli({"hist", weights, "fc.bias", "--range", "1,0"}, &out, &err), 2);
}

void TestCli::histogramPng()
{
    const QString png = path(QStringLiteral("fc.png"));
    QString out, err;
    QCOMPARE(cli({"hist", m_example, "fc", "--png", png}, &out, &err), 0);
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 600);
    QVERIFY(out.contains(QStringLiteral("fc: 15,690 elements")));
}

void TestCli::statisticsKeysCarryPyTorchsValues_data()
{
    QTest::addColumn<QString>("tensor");
    for (const char *name :
         {"f32", "bf16", "f32_view", "all_nan", "zeros_and_negative_zeros", "i32", "bool", "empty"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

// The values behind hist --json's and info --stats's keys, on tensors with NaN, +-Inf, zeros and -0.
void TestCli::statisticsKeysCarryPyTorchsValues()
{
    QFETCH(QString, tensor);
    const QString dir = path(QStringLiteral("special"));
    if (!QFile::exists(dir + QStringLiteral("/special.pt"))) {
        QString output;
        QVERIFY2(test::runPeer({QStringLiteral("special-values"), dir}, &output) == 0, qPrintable(output));
    }
    QFile json(dir + QStringLiteral("/special.json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject want = QJsonDocument::fromJson(json.readAll()).object().value(tensor).toObject();
    const QString file = dir + QStringLiteral("/special.pt");
    const auto same = [](const QJsonValue &got, const QJsonValue &expected) {
        if (expected.isNull())
            return got.isNull();
        const double e = expected.toDouble();
        return got.isDouble() && std::abs(got.toDouble() - e) <= 1e-12 * std::max(1.0, std::abs(e));
    };
    QString out;
    QCOMPARE(cli({"hist", file, tensor, "--json"}, &out), 0);
    const QJsonObject hist = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(hist.value("numel").toInteger(), want.value("numel").toInteger());
    QCOMPARE(hist.value("nan_count").toInteger(), want.value("nan_count").toInteger());
    QCOMPARE(hist.value("inf_count").toInteger(), want.value("inf_count").toInteger());
    for (const char *key : {"min", "max", "mean", "std", "l2_norm", "zero_fraction"})
        QVERIFY2(same(hist.value(key), want.value(key)), key);

    QCOMPARE(cli({"info", file, "--json", "--stats"}, &out), 0);
    bool listed = false;
    for (const QJsonValue entry : QJsonDocument::fromJson(out.toUtf8()).object().value("tensors").toArray()) {
        if (entry.toObject().value("name").toString() != tensor)
            continue;
        listed = true;
        const QJsonObject stats = entry.toObject();
        QCOMPARE(stats.value("nan_count").toInteger(), want.value("nan_count").toInteger());
        QCOMPARE(stats.value("inf_count").toInteger(), want.value("inf_count").toInteger());
        // The same keys and numbers as hist's (one function writes both).
        for (const char *key : {"min", "max", "mean", "std", "l2_norm", "zero_fraction"})
            QVERIFY2(same(stats.value(key), want.value(key)), key);
    }
    QVERIFY(listed);
}

void TestCli::diffExitCodesAndJson()
{
    QString out, err;
    QCOMPARE(test::runPeer({QStringLiteral("finetune"), path(QStringLiteral("finetune"))}, &out), 0);
    auto diffJson = [this](const QStringList &arguments, int expectedCode) {
        QString o, e;
        const int code = cli(
            QStringList{QStringLiteral("diff")} + arguments + QStringList{QStringLiteral("--json")}, &o, &e);
        if (code != expectedCode)
            qWarning("exit %d: %s", code, qPrintable(e));
        return code == expectedCode ? QJsonDocument::fromJson(o.toUtf8()).object() : QJsonObject();
    };
    auto ft = [this](const char *name) { return path(QStringLiteral("finetune/") + QLatin1String(name)); };

    // Fine-tuned: exit 3, every tensor with the contract's keys, frozen layers identical.
    const QJsonObject trained = diffJson({ft("before.pt"), ft("after.pt")}, 3);
    QVERIFY(!trained.isEmpty());
    const QJsonArray tensors = trained.value("tensors").toArray();
    QCOMPARE(tensors.size(), 23);
    QHash<QString, QString> statusOf;
    for (const auto &value : tensors) {
        const QJsonObject t = value.toObject();
        for (const char *key :
             {"name", "status", "max_abs", "mean_abs", "rel_l2", "changed_fraction", "cosine"})
            QVERIFY2(t.contains(QLatin1String(key)), key);
        statusOf.insert(t.value("name").toString(), t.value("status").toString());
    }
    QCOMPARE(statusOf.value("layer1.0.weight"), QStringLiteral("identical"));
    QCOMPARE(statusOf.value("fc.weight"), QStringLiteral("changed"));
    const QJsonObject totals = trained.value("totals").toObject();
    QCOMPARE(totals.value("identical").toInt() + totals.value("changed").toInt(), 23);
    QCOMPARE(totals.value("equal").toBool(true), false);

    // The same file: exit 0. A prefix on one side: exit 3 with a suggestion, 0 once stripped.
    QCOMPARE(diffJson({ft("after.pt"), ft("after.pt")}, 0).value("totals").toObject().value("equal").toBool(),
             true);
    const QJsonObject prefixed = diffJson({ft("after.pt"), ft("after_dp.pt")}, 3);
    QCOMPARE(prefixed.value("totals").toObject().value("only_in_b").toInt(), 23);
    QCOMPARE(prefixed.value("suggestion").toObject().value("strip_prefix").toString(),
             QStringLiteral("module."));
    const QJsonObject first = prefixed.value("tensors").toArray().first().toObject();
    QCOMPARE(first.value("status").toString(), QStringLiteral("only_in_a"));
    QVERIFY(first.value("max_abs").isNull());
    QVERIFY(first.value("cosine").isNull());
    QCOMPARE(diffJson({ft("after.pt"), ft("after_dp.pt"), "--strip-prefix", "module."}, 0)
                 .value("totals")
                 .toObject()
                 .value("identical")
                 .toInt(),
             23);

    // float16: different without tolerances, equal within what the rounding allows.
    const QJsonObject half = diffJson({ft("after.pt"), ft("after_half.pt")}, 3);
    QCOMPARE(half.value("totals").toObject().value("dtype_differs").toInt(), 20);
    diffJson({ft("after.pt"), ft("after_half.pt"), "--rtol", "0.0009765625", "--atol", "6e-8"}, 0);

    // requires_grad: the example against itself with fc frozen differs; against its weights only it does not.
    const QString frozen = path(QStringLiteral("example-frozen.pt"));
    QCOMPARE(cli({"export", m_example, "-o", frozen, "--entire-model", "--freeze", "fc.*"}, nullptr, &err),
             0);
    const QJsonObject flags = diffJson({m_example, frozen}, 3);
    QCOMPARE(flags.value("totals").toObject().value("requires_grad_differs").toInt(), 2);
    const QString weights = path(QStringLiteral("example-weights.pt"));
    QCOMPARE(cli({"export", frozen, "-o", weights, "--weights-only"}, nullptr, &err), 0);
    diffJson({m_example, weights}, 0);
}

void TestCli::diffTextAndCsv()
{
    QString out, err;
    const QString dir = path(QStringLiteral("finetune"));
    if (!QFile::exists(dir + QStringLiteral("/after_edited.pt")))
        QCOMPARE(test::runPeer({QStringLiteral("finetune"), dir}, &out), 0);
    const QString csv = path(QStringLiteral("diff.csv"));
    QCOMPARE(cli({"diff", dir + "/after.pt", dir + "/after_edited.pt", "--csv", csv}, &out, &err), 3);
    QVERIFY2(
        out.contains(
            "24 names: 21 identical, 0 changed, 0 dtype differs, 1 shape differs, 1 only in A, 1 only in B"),
        qPrintable(out));
    QVERIFY(out.contains("Shape differs:\n  fc.weight  [10, 1568] vs [5, 1568]\n"));
    QVERIFY(out.contains("Only in A:\n  fc.bias\n"));
    QVERIFY(out.contains("Only in B:\n  extra.weight\n"));
    QVERIFY(out.endsWith("Different\n"));
    QFile table(csv);
    QVERIFY(table.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = table.readAll().split('\n');
    QCOMPARE(lines.size(), 26); // header, 24 names, the empty tail
    // Changed tensors are listed largest relative change first.
    QCOMPARE(cli({"diff", dir + "/before.pt", dir + "/after.pt"}, &out, &err), 3);
    const int fc = int(out.indexOf(" fc.weight\n"));
    const int conv = int(out.indexOf(" layer2.0.weight\n"));
    QVERIFY2(fc > 0 && conv > fc, qPrintable(out));
}

// Every weights-only output (PyTorch zip, safetensors, sharded safetensors and .bin with their index)
// x dtype (keep, float16, bfloat16, float32) x scope (whole, a submodule) from a TorchScript model, a
// state_dict and a file of rounding cases; real PyTorch checks each against tensor.to(dtype).
void TestCli::exportFormatsDtypesAndShards()
{
    const QString weights = path(QStringLiteral("weights.pt"));
    QCOMPARE(cli({"example", "-o", weights, "--weights-only"}), 0);
    const QString rounding = path(QStringLiteral("rounding.pt"));
    QString output;
    QVERIFY2(test::runPeer({"rounding", rounding}, &output) == 0, qPrintable(output));
    struct Output
    {
        QString name;
        QStringList flags;
    };
    const QList<Output> outputs{{"out.pt", {}},
                                {"out.safetensors", {}},
                                {"out.bin", {"--format", "pytorch"}},
                                {"shards", {"--max-shard-size", "20KB"}},
                                {"shards-bin", {"--max-shard-size", "0.02MB", "--format", "pytorch"}}};
    // Every input format: TorchScript, zip and legacy state_dicts, safetensors, a sharded index, pickled
    // models (one with tied weights); those without a layer1 are exported whole only.
    const QString formats = formatsFolder();
    const QStringList inputs{m_example,
                             weights,
                             rounding,
                             formats + "/state_dict_legacy.pt",
                             formats + "/model.safetensors",
                             formats + "/model.safetensors.index.json",
                             formats + "/whole_cnn.pt",
                             formats + "/whole_tied.pt"};
    const QStringList wholeOnly{rounding, formats + "/model.safetensors", formats + "/whole_tied.pt"};
    QJsonArray manifest;
    int n = 0;
    for (const QString &input : inputs) {
        for (const QString dtype : {"keep", "float16", "bfloat16", "float32"}) {
            for (const QString &module : {QString(), QStringLiteral("layer1")}) {
                if (wholeOnly.contains(input) && !module.isEmpty())
                    continue;
                for (const Output &out : outputs) {
                    const QString target = path(QStringLiteral("x%1-%2").arg(n++).arg(out.name));
                    QStringList arguments{"export", input, "-o", target, "--weights-only", "--dtype", dtype};
                    arguments << out.flags;
                    if (!module.isEmpty())
                        arguments << "--module" << module;
                    QString err;
                    QVERIFY2(cli(arguments, nullptr, &err) == 0,
                             qPrintable(arguments.join(' ') + ": " + err));
                    QJsonObject entry{
                        {"original", input}, {"exported", target}, {"dtype", dtype}, {"module", module}};
                    manifest.append(entry);
                }
            }
        }
    }
    // Without buffers; and a TorchScript output named by --format alone.
    const QString noBuffers = path(QStringLiteral("no-buffers.safetensors"));
    QCOMPARE(cli({"export", m_example, "-o", noBuffers, "--no-buffers", "--format", "safetensors"}), 0);
    manifest.append(QJsonObject{{"original", m_example}, {"exported", noBuffers}, {"buffers", false}});
    const QString script = path(QStringLiteral("script.pt"));
    QCOMPARE(cli({"export", m_example, "-o", script, "--format", "torchscript"}), 0);
    QFile file(path(QStringLiteral("exports.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(manifest).toJson());
    file.close();
    QVERIFY2(test::runPeer({"check-exports", file.fileName()}, &output) == 0, qPrintable(output));
    QVERIFY2(test::runPeer({"check-example", script}, &output) == 0, qPrintable(output));
    // Today's PyTorch loads every output with its default torch.load (weights_only=True).
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    QVERIFY2(test::runPeer(test::Peer::Modern, {"check-exports", file.fileName()}, &output) == 0,
             qPrintable(output));
    QVERIFY2(test::runPeer(test::Peer::Modern, {"check-example", script}, &output) == 0, qPrintable(output));

    // Pickled models back as pickles, whole and one submodule, with layer1 frozen and the rest trainable.
    for (const QString &input : QStringList{formats + "/whole_cnn.pt", formats + "/whole_tied.pt"}) {
        QString info;
        QCOMPARE(cli({"info", input, "--json"}, &info), 0);
        QJsonObject flags;
        for (const QJsonValue tensor : QJsonDocument::fromJson(info.toUtf8())["tensors"].toArray()) {
            const QString name = tensor["name"].toString();
            if (tensor["kind"].toString() == QLatin1String("parameter"))
                flags.insert(name, !name.startsWith(QLatin1String("layer1.")));
        }
        QFile flagsFile(input + ".flags.json");
        QVERIFY(flagsFile.open(QIODevice::WriteOnly));
        flagsFile.write(QJsonDocument(flags).toJson());
        flagsFile.close();
        for (const QString &module : {QString(), QStringLiteral("layer1")}) {
            if (input.endsWith("tied.pt") && !module.isEmpty())
                continue;
            const QString target = path(QStringLiteral("p%1.pt").arg(n++));
            QStringList arguments{"export", input,        "-o", target,     "--format",
                                  "pickle", "--unfreeze", "*",  "--freeze", "layer1.*"};
            if (!module.isEmpty())
                arguments << "--module" << module;
            QString err;
            QVERIFY2(cli(arguments, nullptr, &err) == 0, qPrintable(err));
            QStringList check{"check-pickle", input, target, flagsFile.fileName()};
            if (!module.isEmpty())
                check << "--module" << module;
            QVERIFY2(test::runPeer(check, &output) == 0, qPrintable(output));
        }
        // Weights, dtypes, buffers and shards are weights-only choices: an entire model is saved as it is.
        QString err;
        QCOMPARE(cli({"export", input, "-o", path("refused.pt"), "--format", "pickle", "--dtype", "float16"},
                     nullptr, &err),
                 1);
        QVERIFY2(err.contains("entire model is saved with every tensor as it is"), qPrintable(err));
        QCOMPARE(cli({"export", input, "-o", path("refused.pt"), "--format", "torchscript"}, nullptr, &err),
                 1);
        QVERIFY2(err.contains("never does; save it as a pickle"), qPrintable(err));
    }
    // Tied weights in safetensors: written once, and said so.
    QString err;
    QCOMPARE(cli({"export", formats + "/whole_tied.pt", "-o", path("tied.safetensors"), "--weights-only"},
                 nullptr, &err),
             0);
    QVERIFY2(err.contains("head.weight is tied to embed.weight"), qPrintable(err));

    // Shards: names and the index as save_pretrained writes them.
    const QDir shards(path(QStringLiteral("x3-shards")));
    QVERIFY(shards.exists(QStringLiteral("model.safetensors.index.json")));
    const QStringList files = shards.entryList({"model-*-of-*.safetensors"});
    QVERIFY(files.size() > 1);
    QCOMPARE(files.first(),
             QStringLiteral("model-00001-of-%1.safetensors").arg(files.size(), 5, 10, QLatin1Char('0')));
    QVERIFY(
        QDir(path(QStringLiteral("x4-shards-bin"))).exists(QStringLiteral("pytorch_model.bin.index.json")));
    // One shard is a plain checkpoint without an index.
    const QString single = path(QStringLiteral("single"));
    QCOMPARE(cli({"export", m_example, "-o", single, "--weights-only", "--max-shard-size", "5GB"}), 0);
    QCOMPARE(QDir(single).entryList(QDir::Files), QStringList{"model.safetensors"});
}

void TestCli::fullDiskAndKillLeaveTheOldFile_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("disk full (ulimit -f)") << "full";
    QTest::newRow("killed in mid-save") << "kill";
}

// A 670 MB bfloat16 model (sparse on disk) exported as float32 into a folder holding an old file of
// the same name: a full disk or a kill -9 partway must leave the old file byte for byte and nothing
// else behind.
void TestCli::fullDiskAndKillLeaveTheOldFile()
{
    QFETCH(QString, how);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString input = m_dir.filePath(QStringLiteral("sparse-model.safetensors"));
    if (!QFile::exists(input))
        test::writeSparseSafetensors(input, test::llamaLayout(4, 2048, 5632, 32000));
    const QString output = folder.filePath(QStringLiteral("model.pt"));
    const QByteArray old("an older checkpoint that must survive\n");
    {
        QFile file(output);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(old);
    }
    const QStringList before =
        QDir(folder.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    const QString command = QStringLiteral("%1 export '%2' -o '%3' --weights-only --dtype float32")
                                .arg(test::cliPath(), input, output);
    QProcess process;
    if (how == QLatin1String("full")) {
        // Writes past 20 MB fail with EFBIG, as on a full disk (the signal is ignored, so the
        // write fails rather than killing the process).
        process.start(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"), QStringLiteral("trap '' XFSZ; ulimit -f 20480; exec ") + command});
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        const QString err = QString::fromLocal8Bit(process.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("File too large")) && err.count(u'\n') == 1, qPrintable(err));
    } else {
        process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("exec ") + command});
        QVERIFY(process.waitForStarted());
        QTest::qWait(400);
        QVERIFY2(process.state() == QProcess::Running, "the export finished before it could be killed");
        process.kill();
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    }
    QFile kept(output);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), old);
    QCOMPARE(
        QDir(folder.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
        before);
}

void TestCli::loadWeights_data()
{
    QTest::addColumn<QString>(
        "model"); // TorchScript (the example, layer1 frozen) or a torch.save(model) pickle
    QTest::addColumn<QString>("weights"); // in the folder peer.py mismatched-weights writes
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrHas");
    QTest::addColumn<QStringList>("peerFlags"); // for check-load-weights when OUT is written
    QTest::newRow("DataParallel prefix stripped, strict")
        << "script"
        << "good.pt" << QStringList{"--strict", "--strip-prefix", "module."} << 0 << ""
        << QStringList{"--strip", "module."};
    QTest::newRow("safetensors, strict")
        << "script"
        << "good.safetensors" << QStringList{"--strict"} << 0 << "" << QStringList{};
    QTest::newRow("mismatches, not strict") << "script"
                                            << "bad.pt" << QStringList{"--json"} << 0 << "" << QStringList{};
    QTest::newRow("mismatches, strict")
        << "script"
        << "bad.pt" << QStringList{"--strict"} << 1
        << "strict loading refused: 20 applied, 1 missing, 1 unexpected" << QStringList{};
    QTest::newRow("prefix not stripped, strict")
        << "script"
        << "good.pt" << QStringList{"--strict"} << 1 << "23 unexpected" << QStringList{};
    QTest::newRow("nothing matches") << "script"
                                     << "good.pt" << QStringList{} << 1 << "no tensor of" << QStringList{};
    QTest::newRow("pickled model, prefix stripped, strict")
        << "pickle"
        << "good.pt" << QStringList{"--strict", "--strip-prefix", "module."} << 0 << ""
        << QStringList{"--strip", "module."};
    QTest::newRow("pickled model, mismatches, not strict")
        << "pickle"
        << "bad.pt" << QStringList{"--json"} << 0 << "" << QStringList{};
    QTest::newRow("pickled model, mismatches, strict")
        << "pickle"
        << "bad.pt" << QStringList{"--strict"} << 1 << "strict loading refused" << QStringList{};
    QTest::newRow("a submodule's weights, prefix added")
        << "script"
        << "layer1.pt" << QStringList{"--add-prefix", "layer1."} << 0 << ""
        << QStringList{"--add", "layer1."};
}

// load-weights onto the example with layer1 frozen: the report, strict refusals, and OUT as real
// PyTorch loads it (the weights' values where they match, the model's elsewhere, the flags kept).
void TestCli::loadWeights()
{
    QFETCH(QString, model);
    QFETCH(QString, weights);
    QFETCH(QStringList, flags);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrHas);
    QFETCH(QStringList, peerFlags);
    const bool pickled = model == QLatin1String("pickle");
    model =
        pickled ? formatsFolder() + QStringLiteral("/whole_cnn.pt") : path(QStringLiteral("frozen-model.pt"));
    const QString folder =
        path(pickled ? QStringLiteral("load-weights-pickle") : QStringLiteral("load-weights"));
    QString output;
    if (!QFile::exists(folder)) {
        if (!pickled)
            QCOMPARE(cli({"export", m_example, "-o", model, "--entire-model", "--freeze", "layer1.*"}), 0);
        QVERIFY2(test::runPeer({"mismatched-weights", model, folder}, &output) == 0, qPrintable(output));
        QCOMPARE(cli({"export", folder + "/good.safetensors", "-o", folder + "/layer1.pt", "--weights-only",
                      "--module", "layer1"}),
                 0);
    }
    const QString out = path(QStringLiteral("loaded.pt"));
    QFile::remove(out);
    QString stdOut, err;
    QCOMPARE(
        cli(QStringList{"load-weights", model, folder + u'/' + weights, "-o", out} + flags, &stdOut, &err),
        exitCode);
    QVERIFY2(err.contains(stderrHas), qPrintable(err));
    if (exitCode != 0) {
        QVERIFY(!QFile::exists(out));
        QCOMPARE(err.trimmed().count(u'\n'), 0);
        return;
    }
    if (flags.contains(QStringLiteral("--json"))) {
        QFile file(folder + QStringLiteral("/bad.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject want = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject got = QJsonDocument::fromJson(stdOut.toUtf8()).object();
        QCOMPARE(got.keys(), want.keys());
        for (const QString &key : want.keys())
            QCOMPARE(got.value(key).toArray(), want.value(key).toArray());
    }
    QVERIFY2(test::runPeer(QStringList{"check-load-weights", model, folder + u'/' + weights, out} + peerFlags,
                           &output) == 0,
             qPrintable(output));
}

// A pickled model holding a call Torchscope refused to make (or a tensor subclass) is not written back
// as a pickle: one line says why, the exit code is 1, nothing is written and nothing ran.
void TestCli::exportRefusesPicklesItCannotWriteBack()
{
    const QString folder = path(QStringLiteral("unwritable"));
    QString output;
    QVERIFY2(test::runPeer({"unwritable", folder}, &output) == 0, qPrintable(output));
    QFile file(folder + QStringLiteral("/unwritable.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject manifest = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject cases = manifest["cases"].toObject();
    for (const QString &name : cases.keys()) {
        const QString target = folder + u'/' + name + QStringLiteral(".out.pt");
        QString err;
        QCOMPARE(cli({"export", folder + u'/' + name, "-o", target, "--format", "pickle"}, nullptr, &err), 1);
        QVERIFY2(err.contains(cases[name].toString()) && err.contains("cannot write this model back"),
                 qPrintable(err));
        QCOMPARE(err.trimmed().count(u'\n'), 0);
        QVERIFY(!QFile::exists(target));
    }
    QVERIFY(!QFile::exists(manifest["marker"].toString()));
}

// Every PyTorch 2.x element type: `values --npy` and `hist --json` give what PyTorch 2.15 computes from
// .float() (the bytes, for the types it cannot convert), and its statistics in info --stats.
void TestCli::modernDtypesExportAndCountAsPyTorch()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString file = path(QStringLiteral("modern-dtypes.pt"));
    QString output;
    QVERIFY2(test::runPeer(test::Peer::Modern, {"modern-dtypes", file}, &output) == 0, qPrintable(output));
    QJsonArray manifest;
    const QJsonArray tensors = infoJson(file).value("tensors").toArray();
    QVERIFY(tensors.size() >= 15);
    for (const QJsonValue value : tensors) {
        const QString name = value["name"].toString();
        const QString npy = path(QStringLiteral("modern-%1.npy").arg(name));
        const QString hist = path(QStringLiteral("modern-%1.json").arg(name));
        QString out, err;
        QVERIFY2(cli({"values", file, name, "--npy", npy}, &out, &err) == 0, qPrintable(name + ": " + err));
        QJsonObject entry{{"file", file}, {"name", name}, {"npy", npy}};
        if (name != QLatin1String("complex32")) { // complex tensors are listed, not plotted
            QVERIFY2(cli({"hist", file, name, "--bins", "16", "--json"}, &out, &err) == 0,
                     qPrintable(name + ": " + err));
            QFile json(hist);
            QVERIFY(json.open(QIODevice::WriteOnly));
            json.write(out.toUtf8());
            entry.insert("hist", hist);
        }
        manifest.append(entry);
    }
    QFile list(path(QStringLiteral("modern-values.json")));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write(QJsonDocument(manifest).toJson());
    list.close();
    QVERIFY2(test::runPeer(test::Peer::Modern, {"check-modern-values", list.fileName()}, &output) == 0,
             qPrintable(output));
}

// "Weights only load failed", PyTorch >= 2.6's commonest error on old checkpoints: info names each
// global that stops the default torch.load and where it sits; export --weights-only-safe writes a copy
// that PyTorch 2.15 loads by default, every tensor equal. A checkpoint nothing stops has no blockers.
void TestCli::weightsOnlyBlockersNamedAndRepaired()
{
    QCOMPARE(infoJson(m_example).value("weights_only_blockers").toArray(), QJsonArray());
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = path(QStringLiteral("blocked"));
    QString output;
    QVERIFY2(test::runPeer(test::Peer::Modern, {"weights-only-blocked", folder}, &output) == 0,
             qPrintable(output));
    // Dict subclasses (Lightning's AttributeDict; an OrderedDict subclass, made by a refused call) become
    // plain dicts of their items.
    QVERIFY2(test::runPeer(test::Peer::Modern, {"dict-subclass", folder + "/dictsubclass.pt"}, &output) == 0,
             qPrintable(output));
    const QHash<QString, QJsonObject> blockers{
        {"dictsubclass.pt", QJsonObject{{"__main__.AttributeDict", QJsonArray{"hyper_parameters"}},
                                        {"__main__.StateDictCopy", QJsonArray{"state_dict"}}}},
        {"numpy.pt", QJsonObject{{"numpy._core.multiarray.scalar", QJsonArray{"best_acc", "steps"}},
                                 {"numpy._core.multiarray._reconstruct", QJsonArray{"history"}},
                                 {"numpy.dtype", QJsonArray{"best_acc", "steps", "history"}},
                                 {"numpy.ndarray", QJsonArray{"history"}}}},
        {"argparse.pt", QJsonObject{{"argparse.Namespace", QJsonArray{"args"}},
                                    {"pathlib.PosixPath", QJsonArray{"args.out"}}}},
        {"config.pt", QJsonObject{{"__main__.RunConfig", QJsonArray{"config"}},
                                  {"torch.nn.modules.linear.Linear", QJsonArray{"kind"}}}},
        {"dataclass.pt", QJsonObject{{"__main__.TrainConfig", QJsonArray{"train"}},
                                     {"numpy._core.multiarray.scalar", QJsonArray{"step"}},
                                     {"numpy.dtype", QJsonArray{"step"}}}}};
    for (auto it = blockers.begin(); it != blockers.end(); ++it) {
        const QString file = folder + u'/' + it.key();
        QJsonObject found;
        for (const QJsonValue blocker : infoJson(file).value("weights_only_blockers").toArray())
            found.insert(blocker["global"].toString(), blocker["paths"]);
        QCOMPARE(found, it.value());
        QString text;
        QCOMPARE(cli({"info", file}, &text), 0);
        QVERIFY2(text.contains("PyTorch's default torch.load (weights_only=True) refuses this file"),
                 qPrintable(text));
        const QString copy = folder + u'/' + it.key() + QStringLiteral(".safe.pt");
        QString err;
        QVERIFY2(cli({"export", file, "-o", copy, "--weights-only-safe"}, nullptr, &err) == 0,
                 qPrintable(err));
        QVERIFY2(err.contains("note:"), qPrintable(err)); // what was converted or left out, named
        QCOMPARE(infoJson(copy).value("weights_only_blockers").toArray(), QJsonArray());
        QVERIFY2(test::runPeer(test::Peer::Modern, {"check-weights-only-safe", file, copy}, &output) == 0,
                 qPrintable(output));
    }
}

// Saving over the file being read (mapped) works: the new file takes the name, the old bytes stay
// readable for as long as they are mapped.
void TestCli::exportOverItsOwnInput()
{
    const QString file = path(QStringLiteral("in-place.pt"));
    QFile::remove(file);
    QVERIFY(QFile::copy(m_example, file));
    QString err;
    QVERIFY2(cli({"export", file, "-o", file, "--weights-only", "--dtype", "float16"}, nullptr, &err) == 0,
             qPrintable(err));
    const QJsonObject info = infoJson(file);
    QCOMPARE(info.value("format").toString(), QStringLiteral("state_dict"));
    QCOMPARE(info.value("tensors").toArray().first().toObject().value("dtype").toString(),
             QStringLiteral("float16"));
    QJsonArray manifest{QJsonObject{{"original", m_example}, {"exported", file}, {"dtype", "float16"}}};
    QFile list(path(QStringLiteral("in-place.json")));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write(QJsonDocument(manifest).toJson());
    list.close();
    QString output;
    QVERIFY2(test::runPeer({"check-exports", list.fileName()}, &output) == 0, qPrintable(output));
}

void TestCli::shardSizes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("GB") << "5GB" << qint64(5000000000);
    QTest::newRow("GiB") << "2GiB" << (qint64(2) << 30);
    QTest::newRow("MB fraction") << "0.5MB" << qint64(500000);
    QTest::newRow("KiB lower case") << "100kib" << qint64(102400);
    QTest::newRow("bytes") << "123" << qint64(123);
    QTest::newRow("B") << "64B" << qint64(64);
    QTest::newRow("spaces") << " 1 GB " << qint64(1000000000);
    QTest::newRow("zero") << "0" << qint64(0);
    QTest::newRow("unknown unit") << "5GX" << qint64(0);
    QTest::newRow("negative") << "-5GB" << qint64(0);
}

void TestCli::shardSizes()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    QCOMPARE(parseShardSize(text), bytes);
}

void TestCli::valuesPrintsTheSlice()
{
    CheckpointContent content;
    QString error;
    QVERIFY2(readCheckpoint(m_example, Progress(), &content, &error), qPrintable(error));
    const TensorInfo *conv = nullptr;
    for (const TensorInfo &tensor : content.tensors)
        if (tensor.name == QLatin1String("layer1.0.weight"))
            conv = &tensor;
    QVERIFY(conv);
    // One 2-D plane, [2, :, 0] of a 16 x 8 x 5 x 5 weight: 8 rows of 5 values, as readElement reads them.
    QString out, err;
    QCOMPARE(cli({"values", m_example, "layer1.0.weight", "--slice", "2,:,0"}, &out, &err), 0);
    QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), QStringLiteral("layer1.0.weight[2,:,0]  float32  [8, 5]"));
    QCOMPARE(lines.size(), 9);
    for (int row = 0; row < 8; ++row) {
        const QStringList cells = lines[row + 1].split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QCOMPARE(cells.size(), 5);
        for (int column = 0; column < 5; ++column)
            QCOMPARE(cells[column], readElement(*conv, {2, row, 0, column}).text());
    }
    // A larger tensor is summarised as NumPy prints it: three rows and columns at each end.
    QCOMPARE(cli({"values", m_example, "fc.weight"}, &out, &err), 0);
    lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 8);
    QVERIFY2(lines[4].trimmed().startsWith(QStringLiteral("...")), qPrintable(out));
    QCOMPARE(lines[1].split(QLatin1Char(' '), Qt::SkipEmptyParts).size(), 7);
    // A scalar and a reversed range.
    QCOMPARE(cli({"values", m_example, "layer1.1.num_batches_tracked"}, &out, &err), 0);
    QCOMPARE(out, QStringLiteral("layer1.1.num_batches_tracked  int64  []\n0\n"));
    QCOMPARE(cli({"values", m_example, "fc.bias", "--slice", "-1:-4:-1"}, &out, &err), 0);
    lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0], QStringLiteral("fc.bias[-1:-4:-1]  float32  [3]"));
}

void TestCli::valuesExportsLoadInNumpy()
{
    const QString dir = inspectFixtures();
    const QString values = dir + QStringLiteral("/values.pt");
    QJsonArray manifest;
    const QList<QPair<QString, QString>> cases{
        {"bf16_view", "::-1"}, {"f64_3d", "1,:,2:4"}, {"q_per_channel", ":,1:"},
        {"i64_extremes", ""},  {"scalar", ""},        {"c128", "-1"}};
    int n = 0;
    for (const auto &[tensor, slice] : cases) {
        const QString npy = path(QStringLiteral("cli%1.npy").arg(n));
        const QString csv = path(QStringLiteral("cli%1.csv").arg(n++));
        QString out, err;
        QStringList arguments{"values", values, tensor, "--npy", npy, "--csv", csv};
        if (!slice.isEmpty())
            arguments << "--slice" << slice;
        QVERIFY2(cli(arguments, &out, &err) == 0, qPrintable(err));
        QVERIFY(out.isEmpty());
        manifest.append(
            QJsonObject{{"file", values}, {"tensor", tensor}, {"slice", slice}, {"npy", npy}, {"csv", csv}});
    }
    QFile file(path(QStringLiteral("cli-manifest.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(manifest).toJson());
    file.close();
    QString output;
    QVERIFY2(test::runPeer({"check-values", file.fileName()}, &output) == 0, qPrintable(output));
}

void TestCli::statsJsonContractAndFlags()
{
    const QString dir = inspectFixtures();
    QString out, err;
    QCOMPARE(cli({"stats", dir + "/health.pt", "--json"}, &out, &err), 0);
    const QJsonArray tensors = QJsonDocument::fromJson(out.toUtf8()).object().value("tensors").toArray();
    QFile expectedFile(dir + "/health.json");
    QVERIFY(expectedFile.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(expectedFile.readAll()).object();
    const QJsonObject statistics = expected.value("tensors").toObject();
    const QJsonObject planted = expected.value("flags").toObject();
    QCOMPARE(tensors.size(), statistics.size());
    QStringList keys{"name", "dtype",   "numel",         "min",       "max",       "mean",
                     "std",  "l2_norm", "zero_fraction", "nan_count", "inf_count", "flags"};
    keys.sort();
    for (const auto &value : tensors) {
        const QJsonObject row = value.toObject();
        QStringList have = row.keys();
        have.sort();
        QCOMPARE(have, keys);
        const QString name = row.value("name").toString();
        const QJsonObject want = statistics.value(name).toObject();
        QCOMPARE(row.value("numel").toInteger(), want.value("numel").toInteger());
        QCOMPARE(row.value("nan_count").toInteger(), want.value("nan_count").toInteger());
        QCOMPARE(row.value("inf_count").toInteger(), want.value("inf_count").toInteger());
        for (const char *key : {"min", "max", "mean", "std", "l2_norm", "zero_fraction"}) {
            const double got = row.value(key).toDouble(), ref = want.value(key).toDouble();
            QVERIFY2(std::abs(got - ref) <= 1e-12 * std::max(1.0, std::abs(ref)),
                     qPrintable(QString("%1 %2: %3 vs PyTorch %4").arg(name, key).arg(got).arg(ref)));
        }
        QStringList flags, wanted;
        for (const auto &flag : row.value("flags").toArray())
            flags << flag.toString();
        for (const auto &flag : planted.value(name).toArray())
            wanted << flag.toString();
        QVERIFY2(
            flags == wanted,
            qPrintable(QString("%1: [%2] vs planted [%3]").arg(name, flags.join(","), wanted.join(","))));
    }
}

void TestCli::statsCsvTextAndModule()
{
    const QString dir = inspectFixtures();
    QString out, err;
    QCOMPARE(cli({"stats", dir + "/health.pt", "--csv"}, &out, &err), 0);
    QVERIFY(out.endsWith(QLatin1String("\r\n"))); // RFC 4180 records
    const QStringList lines = out.trimmed().split(QStringLiteral("\r\n"));
    QCOMPARE(
        lines.first(),
        QStringLiteral("name,dtype,numel,min,max,mean,std,l2_norm,zero_fraction,nan_count,inf_count,flags"));
    // The header, eight Linear layers, a trained BatchNorm, a fresh BatchNorm and LayerNorm, "scale".
    QCOMPARE(lines.size(), 1 + 8 * 2 + 5 + 5 + 2 + 1);
    QCOMPARE(cli({"stats", dir + "/health.pt"}, &out, &err), 0);
    // The fresh norm layers' initial values are noted, not counted as trouble.
    QVERIFY2(out.contains(QStringLiteral("29 tensors, 6 flagged")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("bn_fresh.weight  [initial_value]")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("blocks.6.weight  [norm_outlier]")));
    // One module: its own tensors only (the outlier needs siblings, so none is flagged as one).
    QCOMPARE(cli({"stats", dir + "/health.pt", "--module", "blocks.6", "--json"}, &out, &err), 0);
    const QJsonArray rows = QJsonDocument::fromJson(out.toUtf8()).object().value("tensors").toArray();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).toObject().value("name").toString(), QStringLiteral("blocks.6.weight"));
    QVERIFY(rows.at(0).toObject().value("flags").toArray().isEmpty());
}

void TestCli::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("reason");

    QTest::newRow("no command") << QStringList() << 2 << "missing command";
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2 << "unknown command";
    QTest::newRow("info without file") << QStringList{"info"} << 2 << "missing FILE";
    QTest::newRow("info unknown option") << QStringList{"info", "x.pt", "--yaml"} << 2 << "unknown option";
    QTest::newRow("export without mode")
        << QStringList{"export", "@example", "-o", "@out.pt"} << 2 << "exactly one";
    QTest::newRow("weights-only-safe with a dtype")
        << QStringList{"export", "@example", "-o", "@out.pt", "--weights-only-safe", "--dtype", "float16"}
        << 2 << "--weights-only-safe copies the whole file as it is";
    QTest::newRow("weights-only-safe of TorchScript")
        << QStringList{"export", "@example", "-o", "@out.pt", "--weights-only-safe"} << 1
        << "a weights-only-safe copy is made of a torch.save file";
    QTest::newRow("export with both modes")
        << QStringList{"export", "@example", "-o", "@out.pt", "--weights-only", "--entire-model"} << 2
        << "exactly one";
    QTest::newRow("export without output")
        << QStringList{"export", "@example", "--weights-only"} << 2 << "missing -o";
    QTest::newRow("export unknown module")
        << QStringList{"export", "@example", "-o", "@out.pt", "--weights-only", "--module", "nope"} << 2
        << "no module";
    QTest::newRow("missing file") << QStringList{"info", "@does-not-exist.pt"} << 1 << "no such file";
    QTest::newRow("folder of several checkpoints, no index")
        << QStringList{"info", "@"} << 1 << "checkpoint files and no index to say which is the model";
    QTest::newRow("empty file") << QStringList{"info", "@empty.pt"} << 1 << "empty file";
    QTest::newRow("not a checkpoint") << QStringList{"info", "@notes.txt"} << 1 << "not a PyTorch checkpoint";
    QTest::newRow("truncated archive") << QStringList{"info", "@truncated.pt"} << 1 << "truncated";
    QTest::newRow("export of a truncated archive")
        << QStringList{"export", "@truncated.pt", "-o", "@out.pt", "--weights-only"} << 1 << "truncated";
    QTest::newRow("unwritable output")
        << QStringList{"export", "@example", "-o", "@no-such-dir/out.pt", "--weights-only"} << 1
        << "cannot write";
    // Every usage error of every subcommand, with its exact line (scripts match on these).
    QTest::newRow("info: two files") << QStringList{"info", "a.pt", "b.pt"} << 2
                                     << "torchscope-cli: info: more than one file given\n";
    QTest::newRow("info: unknown option, as typed") << QStringList{"info", "a.pt", "--yaml=1"} << 2
                                                    << "torchscope-cli: info: unknown option '--yaml=1'\n";
    QTest::newRow("export: no input")
        << QStringList{"export"} << 2 << "torchscope-cli: export: missing input file\n";
    QTest::newRow("export: -o without a file")
        << QStringList{"export", "@example", "-o"} << 2 << "torchscope-cli: export: -o needs a file\n";
    QTest::newRow("export: --output without a file") << QStringList{"export", "@example", "--output"} << 2
                                                     << "torchscope-cli: export: --output needs a file\n";
    QTest::newRow("export: --module without a path")
        << QStringList{"export", "@example", "-o", "@out.pt", "--weights-only", "--module"} << 2
        << "torchscope-cli: export: --module needs a module path\n";
    QTest::newRow("export: --freeze without a glob")
        << QStringList{"export", "@example", "-o", "@out.pt", "--entire-model", "--freeze"} << 2
        << "torchscope-cli: export: --freeze needs a glob\n";
    QTest::newRow("export: --unfreeze without a glob")
        << QStringList{"export", "@example", "-o", "@out.pt", "--entire-model", "--unfreeze"} << 2
        << "torchscope-cli: export: --unfreeze needs a glob\n";
    QTest::newRow("export: --freeze-plan without a file")
        << QStringList{"export", "@example", "-o", "@out.pt", "--entire-model", "--freeze-plan"} << 2
        << "torchscope-cli: export: --freeze-plan needs a file\n";
    QTest::newRow("export: bad glob")
        << QStringList{"export", "@example", "-o", "@out.pt", "--entire-model", "--freeze", "[z-a]"} << 2
        << "torchscope-cli: export: bad glob '[z-a]'\n";
    QTest::newRow("export: unknown option")
        << QStringList{"export", "@example", "-o", "@out.pt", "--weights-only", "--bogus"} << 2
        << "torchscope-cli: export: unknown option '--bogus'\n";
    QTest::newRow("export: two inputs")
        << QStringList{"export", "@example", "extra", "-o", "@out.pt", "--weights-only"} << 2
        << "torchscope-cli: export: unexpected argument 'extra'\n";
    QTest::newRow("example: no output")
        << QStringList{"example"} << 2 << "torchscope-cli: example: missing -o FILE\n";
    QTest::newRow("example: -o without a file")
        << QStringList{"example", "-o"} << 2 << "torchscope-cli: example: -o needs a file\n";
    QTest::newRow("example: stray word") << QStringList{"example", "extra", "-o", "@out.pt"} << 2
                                         << "torchscope-cli: example: unexpected argument 'extra'\n";
    QTest::newRow("example: stray option") << QStringList{"example", "-o", "@out.pt", "--bogus"} << 2
                                           << "torchscope-cli: example: unexpected argument '--bogus'\n";
    QTest::newRow("hist: no tensor") << QStringList{"hist", "@example"} << 2
                                     << "torchscope-cli: hist: needs FILE and TENSOR\n";
    QTest::newRow("hist: three words") << QStringList{"hist", "@example", "fc", "extra"} << 2
                                       << "torchscope-cli: hist: unexpected argument 'extra'\n";
    QTest::newRow("hist: --bins 0")
        << QStringList{"hist", "@example", "fc", "--bins", "0"} << 2
        << "torchscope-cli: hist: --bins needs a whole number from 1 to 1000000\n";
    QTest::newRow("hist: --bins without a number")
        << QStringList{"hist", "@example", "fc", "--bins"} << 2
        << "torchscope-cli: hist: --bins needs a whole number from 1 to 1000000\n";
    QTest::newRow("hist: --range reversed")
        << QStringList{"hist", "@example", "fc", "--range", "1,0"} << 2
        << "torchscope-cli: hist: --range needs LO,HI with finite LO < HI\n";
    QTest::newRow("hist: --range without values")
        << QStringList{"hist", "@example", "fc", "--range"} << 2
        << "torchscope-cli: hist: --range needs LO,HI with finite LO < HI\n";
    QTest::newRow("hist: --png without a file") << QStringList{"hist", "@example", "fc", "--png"} << 2
                                                << "torchscope-cli: hist: --png needs a file\n";
    QTest::newRow("hist: unknown option") << QStringList{"hist", "@example", "fc", "--bogus"} << 2
                                          << "torchscope-cli: hist: unknown option '--bogus'\n";
    QTest::newRow("hist: unknown tensor")
        << QStringList{"hist", "@example", "nope"} << 2 << "hist: no tensor or module 'nope'";
    QTest::newRow("export: an entire model as safetensors")
        << QStringList{"export", "@example", "-o", "@out.safetensors", "--entire-model"} << 1
        << "a .safetensors file holds weights only";
    QTest::newRow("diff: one file") << QStringList{"diff", "@example"} << 2
                                    << "torchscope-cli: diff: needs two files, A and B\n";
    QTest::newRow("diff: three files") << QStringList{"diff", "@example", "@example", "extra"} << 2
                                       << "torchscope-cli: diff: unexpected argument 'extra'\n";
    QTest::newRow("diff: negative tolerance")
        << QStringList{"diff", "@example", "@example", "--atol", "-1"} << 2
        << "torchscope-cli: diff: --atol needs a finite number >= 0\n";
    QTest::newRow("diff: tolerance not a number")
        << QStringList{"diff", "@example", "@example", "--rtol", "x"} << 2
        << "torchscope-cli: diff: --rtol needs a finite number >= 0\n";
    QTest::newRow("diff: --strip-prefix without a prefix")
        << QStringList{"diff", "@example", "@example", "--strip-prefix"} << 2
        << "torchscope-cli: diff: --strip-prefix needs a prefix\n";
    QTest::newRow("diff: unknown option") << QStringList{"diff", "@example", "@example", "--bogus"} << 2
                                          << "torchscope-cli: diff: unknown option '--bogus'\n";
    QTest::newRow("diff: missing B") << QStringList{"diff", "@example", "@does-not-exist.pt"} << 1
                                     << "no such file";
    QTest::newRow("export: bad format")
        << QStringList{"export", "@example", "-o", "@out.pt", "--format", "onnx"} << 2
        << "torchscope-cli: export: --format needs one of pytorch, safetensors, dcp, torchscript, pickle\n";
    QTest::newRow("export: bad dtype")
        << QStringList{"export", "@example", "-o", "@out.pt", "--weights-only", "--dtype", "int8"} << 2
        << "torchscope-cli: export: --dtype needs one of keep, float32, float16, bfloat16\n";
    QTest::newRow("export: bad shard size")
        << QStringList{"export", "@example", "-o", "@out.pt", "--weights-only", "--max-shard-size", "lots"}
        << 2 << "torchscope-cli: export: --max-shard-size needs a size such as 5GB, 500MB or 2GiB\n";
    QTest::newRow("export: torchscript weights")
        << QStringList{"export", "@example", "-o", "@out.pt", "--weights-only", "--format", "torchscript"}
        << 2 << "torchscope-cli: export: --format torchscript does not hold weights only\n";
    QTest::newRow("export: safetensors entire model")
        << QStringList{"export", "@example", "-o", "@out.pt", "--entire-model", "--format", "safetensors"}
        << 2 << "torchscope-cli: export: --format safetensors does not hold an entire model\n";
    QTest::newRow("export: entire model in float16")
        << QStringList{"export", "@example", "-o", "@out.pt", "--entire-model", "--dtype", "float16"} << 1
        << "an entire model is saved with every tensor as it is";
    QTest::newRow("load-weights: no output") << QStringList{"load-weights", "@example", "@example"} << 2
                                             << "torchscope-cli: load-weights: missing -o OUT\n";
    QTest::newRow("load-weights: one file") << QStringList{"load-weights", "@example", "-o", "@out.pt"} << 2
                                            << "torchscope-cli: load-weights: needs MODEL and WEIGHTS\n";
    QTest::newRow("load-weights: weights-only model")
        << QStringList{"load-weights", "@notes.txt", "@example", "-o", "@out.pt"} << 1
        << "not a PyTorch checkpoint";
    QTest::newRow("values: no tensor")
        << QStringList{"values", "@example", "nope"} << 2 << "torchscope-cli: values: no tensor 'nope' in";
    QTest::newRow("values: bad slice") << QStringList{"values", "@example", "fc.weight", "--slice", "0,x"}
                                       << 2 << "torchscope-cli: values: bad slice item 'x' in '0,x'";
    QTest::newRow("values: index out of range")
        << QStringList{"values", "@example", "fc.weight", "--slice", "10"} << 2
        << "torchscope-cli: values: index 10 is out of range for axis 0 of size 10\n";
    QTest::newRow("values: too many axes")
        << QStringList{"values", "@example", "fc.bias", "--slice", "0,0"} << 2 << "the slice names more";
    QTest::newRow("values: --slice without a slice")
        << QStringList{"values", "@example", "fc.bias", "--slice"} << 2 << "--slice needs a slice";
    QTest::newRow("values: no tensor given")
        << QStringList{"values", "@example"} << 2 << "torchscope-cli: values: needs FILE and TENSOR\n";
    QTest::newRow("values: unwritable .npy")
        << QStringList{"values", "@example", "fc.bias", "--npy", "@no-such-dir/x.npy"} << 1 << "x.npy";
    QTest::newRow("stats: both formats") << QStringList{"stats", "@example", "--json", "--csv"} << 2
                                         << "torchscope-cli: stats: choose one of --json and --csv\n";
    QTest::newRow("stats: unknown module") << QStringList{"stats", "@example", "--module", "nope"} << 2
                                           << "torchscope-cli: stats: no module 'nope' in";
    QTest::newRow("stats: no file") << QStringList{"stats"} << 2 << "torchscope-cli: stats: needs FILE\n";
    QTest::newRow("stats: truncated") << QStringList{"stats", "@truncated.pt"} << 1 << "truncated";
    QTest::newRow("diff: truncated A")
        << QStringList{"diff", "@truncated.pt", "@example"} << 1 << "truncated";
}

void TestCli::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, reason);
    TORCHSCOPE_HELPER(writeFile(QStringLiteral("empty.pt"), QByteArray()));
    TORCHSCOPE_HELPER(writeFile(QStringLiteral("notes.txt"), QByteArray("just some notes\n")));
    QFile example(m_example);
    QVERIFY(example.open(QIODevice::ReadOnly));
    TORCHSCOPE_HELPER(
        writeFile(QStringLiteral("truncated.pt"), example.readAll().left(int(example.size() / 2))));
    for (QString &argument : arguments) {
        if (argument == QLatin1String("@example"))
            argument = m_example;
        else if (argument.startsWith(QLatin1Char('@')))
            argument = m_dir.path() + QLatin1Char('/') + argument.mid(1);
    }
    QString out, err;
    QCOMPARE(cli(arguments, &out, &err), exitCode);
    QVERIFY2(err.contains(reason), qPrintable(err));
    if (exitCode == 2)
        QVERIFY2(err.endsWith(QStringLiteral("Try 'torchscope-cli --help'.\n")), qPrintable(err));
    if (exitCode == 1)
        QCOMPARE(err.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY(!QFile::exists(path(QStringLiteral("out.pt"))));
}

void TestCli::outputUntouchedOnFailure_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("truncated input") << QStringList{"export", "@truncated.pt", "-o", "@keep.pt",
                                                    "--entire-model"};
    QTest::newRow("unknown module") << QStringList{"export",         "@example", "-o", "@keep.pt",
                                                   "--entire-model", "--module", "x"};
    QTest::newRow("not a checkpoint")
        << QStringList{"export", "@notes.txt", "-o", "@keep.pt", "--weights-only"};
}

void TestCli::outputUntouchedOnFailure()
{
    QFETCH(QStringList, arguments);
    TORCHSCOPE_HELPER(writeFile(QStringLiteral("keep.pt"), QByteArray("keep me")));
    TORCHSCOPE_HELPER(writeFile(QStringLiteral("notes.txt"), QByteArray("just some notes\n")));
    QFile example(m_example);
    QVERIFY(example.open(QIODevice::ReadOnly));
    TORCHSCOPE_HELPER(
        writeFile(QStringLiteral("truncated.pt"), example.readAll().left(int(example.size() - 30))));
    for (QString &argument : arguments) {
        if (argument == QLatin1String("@example"))
            argument = m_example;
        else if (argument.startsWith(QLatin1Char('@')))
            argument = path(argument.mid(1));
    }
    QVERIFY(cli(arguments) != 0);
    QFile kept(path(QStringLiteral("keep.pt")));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("keep me"));
}

void TestCli::speaksTheUsersLanguage_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("said"); // on stdout and stderr together
    const QStringList chinese{QStringLiteral("LC_ALL=zh_CN.UTF-8")};
    const QStringList info{QStringLiteral("info"), QStringLiteral("EXAMPLE")};
    QTest::newRow("the system's Chinese") << chinese << info << 0
                                          << QStringList{QStringLiteral("模块："), QStringLiteral("张量："),
                                                         QStringLiteral("合计："), QStringLiteral("可训练")};
    QTest::newRow("the system's German, by LANGUAGE")
        << QStringList{QStringLiteral("LC_ALL="), QStringLiteral("LANG=de_DE.UTF-8"),
                       QStringLiteral("LANGUAGE=de")}
        << info << 0
        << QStringList{QStringLiteral("Module:"), QStringLiteral("Tensoren:"), QStringLiteral("Summe:")};
    QTest::newRow("--lang de over the system's Chinese")
        << chinese << (QStringList{QStringLiteral("--lang"), QStringLiteral("de")} + info) << 0
        << QStringList{QStringLiteral("Module:"), QStringLiteral("eingefroren")};
    QTest::newRow("--lang=en after the command")
        << chinese << (info + QStringList{QStringLiteral("--lang=en")}) << 0
        << QStringList{QStringLiteral("Modules:"), QStringLiteral("Totals:")};
    QTest::newRow("a usage error in Chinese")
        << chinese << QStringList{QStringLiteral("info")} << 2
        << QStringList{QStringLiteral("info：缺少 FILE"), QStringLiteral("请尝试 'torchscope-cli --help'。")};
    QTest::newRow("a file error in German")
        << QStringList{}
        << QStringList{QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("info"),
                       QStringLiteral("/nonexistent.pt")}
        << 1 << QStringList{QStringLiteral("/nonexistent.pt: Datei nicht gefunden")};
    QTest::newRow("help in Chinese") << chinese << QStringList{QStringLiteral("--help")} << 0
                                     << QStringList{QStringLiteral("用法："), QStringLiteral("退出状态")};
    QTest::newRow("diff in German") << QStringList{}
                                    << QStringList{QStringLiteral("diff"), QStringLiteral("EXAMPLE"),
                                                   QStringLiteral("EXAMPLE"), QStringLiteral("--lang"),
                                                   QStringLiteral("de")}
                                    << 0
                                    << QStringList{QStringLiteral("Gleich"), QStringLiteral("Tensoren)")};
    QTest::newRow("a language without a translation")
        << QStringList{}
        << QStringList{QStringLiteral("--lang"), QStringLiteral("xx"), QStringLiteral("info")} << 2
        << QStringList{QStringLiteral("no translation for 'xx'"), QStringLiteral("zh_CN")};
    QTest::newRow("--lang without a language")
        << QStringList{} << QStringList{QStringLiteral("info"), QStringLiteral("--lang")} << 2
        << QStringList{QStringLiteral("--lang needs a language")};
}

// Messages, tables and help follow the system's language, or --lang's, wherever it stands on the line.
void TestCli::speaksTheUsersLanguage()
{
    QFETCH(QStringList, environment);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QStringList, said);
    arguments.replaceInStrings(QStringLiteral("EXAMPLE"), m_example);
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &setting : std::as_const(environment))
        env.insert(setting.section(u'=', 0, 0), setting.section(u'=', 1));
    process.setProcessEnvironment(env);
    process.start(test::cliPath(), arguments);
    QVERIFY(process.waitForFinished(60000));
    const QString output = QString::fromUtf8(process.readAllStandardOutput()) +
                           QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitCode(), exitCode);
    for (const QString &words : std::as_const(said))
        QVERIFY2(output.contains(words), qPrintable(words + QStringLiteral(" not in:\n") + output));
}

// Scripts parse JSON: it never changes with the language.
void TestCli::jsonIsTheSameInEveryLanguage()
{
    QString english, chinese, german, err;
    QCOMPARE(cli({QStringLiteral("info"), m_example, QStringLiteral("--json"), QStringLiteral("--stats")},
                 &english, &err),
             0);
    QCOMPARE(cli({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("info"), m_example,
                  QStringLiteral("--json"), QStringLiteral("--stats")},
                 &chinese, &err),
             0);
    QCOMPARE(chinese, english);
    QCOMPARE(cli({QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("diff"), m_example,
                  m_example, QStringLiteral("--json")},
                 &german, &err),
             0);
    QString englishDiff;
    QCOMPARE(
        cli({QStringLiteral("diff"), m_example, m_example, QStringLiteral("--json")}, &englishDiff, &err), 0);
    QCOMPARE(german, englishDiff);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
