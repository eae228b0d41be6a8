// DeepSpeed ZeRO checkpoints: folders DeepSpeed itself saved on CPU (gloo; stages 1, 2 and 3 over 2 and 4
// ranks; two parameter groups, a frozen parameter, a shared one, buffers, sizes that do not divide by the
// world), opened as one model and exported, tensor for tensor and bit for bit equal to zero_to_fp32's
// reconstruction; and folders that lie.

#include "formats/checkpointreader.h"
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

class TestDeepSpeedReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensAsOneModelEqualToZeroToFp32_data();
    void opensAsOneModelEqualToZeroToFp32();
    void lyingFoldersGiveOneLineReasons_data();
    void lyingFoldersGiveOneLineReasons();

private:
    int runScript(const QStringList &arguments, QString *output);
    // The folder `deepspeed_zero.py write` made for this stage and world (made once).
    QString written(int stage, int world);

    QTemporaryDir m_dir;
    QHash<QString, QString> m_written;
};

void TestDeepSpeedReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

int TestDeepSpeedReader::runScript(const QStringList &arguments, QString *output)
{
    const QString script = QFileInfo(test::peerScript()).dir().filePath(QStringLiteral("deepspeed_zero.py"));
    QString err;
    const int code = test::runProcess(test::pythonPath(test::Peer::Modern), QStringList{script} + arguments,
                                      output, &err, 600000);
    *output += err;
    return code;
}

QString TestDeepSpeedReader::written(int stage, int world)
{
    const QString key = QStringLiteral("stage%1-world%2").arg(stage).arg(world);
    if (!m_written.contains(key)) {
        const QString folder = m_dir.filePath(key);
        QString output;
        if (runScript({QStringLiteral("write"), folder, QString::number(stage), QString::number(world)},
                      &output) != 0) {
            qWarning("%s", qPrintable(output.right(3000)));
            return QString();
        }
        m_written.insert(key, folder);
    }
    return m_written.value(key);
}

void TestDeepSpeedReader::opensAsOneModelEqualToZeroToFp32_data()
{
    QTest::addColumn<int>("stage");
    QTest::addColumn<int>("world");
    QTest::newRow("stage 1, 2 ranks") << 1 << 2;
    QTest::newRow("stage 2, 2 ranks") << 2 << 2;
    QTest::newRow("stage 2, 4 ranks") << 2 << 4;
    QTest::newRow("stage 3, 2 ranks") << 3 << 2;
    QTest::newRow("stage 3, 4 ranks") << 3 << 4;
}

// The save folder (its `latest` names global_step2/) opens as one training checkpoint whose model part is
// the module's every parameter, shared one tied to its owner; export writes the model part, which
// zero_to_fp32's state_dict equals bit for bit.
void TestDeepSpeedReader::opensAsOneModelEqualToZeroToFp32()
{
    QFETCH(int, stage);
    QFETCH(int, world);
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = written(stage, world);
    QVERIFY(!folder.isEmpty());
    const QString checkpoint = folder + QStringLiteral("/ckpt");
    QString out, err;
    QCOMPARE(test::runProcess(test::cliPath(), {QStringLiteral("info"), checkpoint, QStringLiteral("--json")},
                              &out, &err),
             0);
    const QJsonObject info = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(info.value(QStringLiteral("format")).toString(), QStringLiteral("deepspeed"));
    QCOMPARE(info.value(QStringLiteral("checkpoint"))[QStringLiteral("model")].toString(),
             QStringLiteral("module"));
    QHash<QString, QJsonObject> tensors;
    for (const QJsonValue tensor : info.value(QStringLiteral("tensors")).toArray())
        tensors.insert(tensor[QStringLiteral("name")].toString(), tensor.toObject());
    QCOMPARE(tensors.value(QStringLiteral("module.embed.weight"))[QStringLiteral("shape")].toArray(),
             QJsonArray({11, 6}));
    QCOMPARE(tensors.value(QStringLiteral("module.frozen.weight"))[QStringLiteral("shape")].toArray(),
             QJsonArray({5, 6}));
    QCOMPARE(tensors.value(QStringLiteral("module.head.weight"))[QStringLiteral("tied_to")].toString(),
             QStringLiteral("module.embed.weight"));
    QCOMPARE(tensors.value(QStringLiteral("module.norm.running_mean"))[QStringLiteral("kind")].toString(),
             QStringLiteral("buffer"));
    const QJsonArray values = info.value(QStringLiteral("values")).toArray();
    const auto valueOf = [&](const QString &path) {
        const auto it = std::find_if(values.begin(), values.end(), [&](const QJsonValue &v) {
            return v[QStringLiteral("path")].toString() == path;
        });
        return it == values.end() ? QJsonValue() : (*it)[QStringLiteral("value")];
    };
    QCOMPARE(valueOf(QStringLiteral("zero_stage")).toInt(), stage);
    QCOMPARE(valueOf(QStringLiteral("dp_world_size")).toInt(), world);
    QCOMPARE(valueOf(QStringLiteral("global_steps")).toInt(), 2);
    QCOMPARE(valueOf(QStringLiteral("epoch")).toInt(), 3); // the client state

    const QString exported = QDir(folder).filePath(QStringLiteral("consolidated.pt"));
    QCOMPARE(test::runProcess(test::cliPath(),
                              {QStringLiteral("export"), checkpoint, QStringLiteral("-o"), exported}, &out,
                              &err),
             0);
    QVERIFY2(err.contains(QLatin1String("wrote the model part 'module'")), qPrintable(err));
    QString peer;
    QVERIFY2(runScript({QStringLiteral("check"), exported, folder}, &peer) == 0,
             qPrintable(peer.right(2000)));
    QVERIFY2(peer.contains(QLatin1String("equal:")), qPrintable(peer));

    // The scanner reads DeepSpeed's classes (LossScaler, ZeroStageEnum, fragment_address) as what they are:
    // notes that weights_only=True refuses them, nothing a CI gate at warning would fail on.
    QCOMPARE(test::runProcess(
                 test::cliPath(),
                 {QStringLiteral("scan"), checkpoint, QStringLiteral("--fail-on"), QStringLiteral("warning")},
                 &out, &err),
             0);
    QVERIFY2(out.contains(QLatin1String("deepspeed.runtime.fp16.loss_scaler.LossScaler")), qPrintable(out));
}

void TestDeepSpeedReader::lyingFoldersGiveOneLineReasons_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("reason");
    QTest::newRow("a rank's optimizer file missing") << "missing-rank"
                                                     << "the optimizer state says 2 ranks";
    QTest::newRow("a partition cut short") << "truncated"
                                           << "zero_pp_rank_1_mp_rank_00_optim_states.pt";
    QTest::newRow("the model states missing") << "no-model-states"
                                              << "mp_rank_00_model_states.pt is missing";
}

// Damaged copies of a stage 2 folder: open fails with one line naming what is wrong, nothing crashes.
void TestDeepSpeedReader::lyingFoldersGiveOneLineReasons()
{
    QFETCH(QString, damage);
    QFETCH(QString, reason);
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = written(2, 2);
    QVERIFY(!folder.isEmpty());
    const QString copy = m_dir.filePath(damage);
    const QString tag = copy + QStringLiteral("/global_step2");
    QVERIFY(QDir().mkpath(tag));
    const QDir source(folder + QStringLiteral("/ckpt/global_step2"));
    for (const QString &name : source.entryList(QDir::Files)) {
        QFile::remove(QDir(tag).filePath(name));
        QVERIFY(QFile::copy(source.filePath(name), QDir(tag).filePath(name)));
    }
    QFile latest(copy + QStringLiteral("/latest"));
    QVERIFY(latest.open(QIODevice::WriteOnly));
    latest.write("global_step2");
    latest.close();
    if (damage == QLatin1String("missing-rank"))
        QVERIFY(
            QFile::remove(QDir(tag).filePath(QStringLiteral("zero_pp_rank_1_mp_rank_00_optim_states.pt"))));
    if (damage == QLatin1String("truncated")) {
        QFile file(QDir(tag).filePath(QStringLiteral("zero_pp_rank_1_mp_rank_00_optim_states.pt")));
        QVERIFY(file.resize(file.size() / 2));
    }
    if (damage == QLatin1String("no-model-states"))
        QVERIFY(
            QFile::rename(QDir(tag).filePath(QStringLiteral("mp_rank_00_model_states.pt")),
                          QDir(tag).filePath(QStringLiteral("zero_pp_rank_0_mp_rank_00_model_states.pt"))));
    CheckpointContent content;
    QString error;
    QVERIFY(!readCheckpoint(copy, Progress(), &content, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestDeepSpeedReader)
#include "tst_deepspeedreader.moc"
