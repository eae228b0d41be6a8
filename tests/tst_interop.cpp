// Real PyTorch as the judge, both directions: PyTorch writes TorchScript models that Torchscope
// must read exactly, and loads what Torchscope writes.

#include "document/checkpointdocument.h"
#include "document/examplemodel.h"
#include "document/namepattern.h"
#include "document/savejob.h"
#include "documentsupport.h"
#include "formats/checkpointreader.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

using namespace torchscope;

class TestInterop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void readsWhatPyTorchWrote_data();
    void readsWhatPyTorchWrote();
    void pyTorchLoadsWhatWeWrite_data();
    void pyTorchLoadsWhatWeWrite();
    void exampleModelRunsInPyTorch();
    void weightsWrittenByTodaysPyTorchRoundTrip_data();
    void weightsWrittenByTodaysPyTorchRoundTrip();
    void pickledModelsWriteBack_data();
    void pickledModelsWriteBack();
    void unwritablePicklesAreRefused_data();
    void unwritablePicklesAreRefused();
    void failedSaveLeavesExistingFileUntouched_data();
    void failedSaveLeavesExistingFileUntouched();

private:
    static void applyRules(CheckpointDocument *document, const QStringList &rules);
    static QString writeFlags(const CheckpointDocument &document, const QString &path);
    QTemporaryDir m_dir;
    QJsonObject m_manifest;
};

void TestInterop::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString output;
    QCOMPARE(test::runPeer({QStringLiteral("fixtures"), m_dir.path()}, &output), 0);
    QFile file(m_dir.filePath(QStringLiteral("manifest.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_manifest = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(m_manifest.size() >= 5);
}

void TestInterop::readsWhatPyTorchWrote_data()
{
    QTest::addColumn<QString>("model");
    for (const QString &name : m_manifest.keys())
        QTest::newRow(qPrintable(name)) << name;
}

void TestInterop::readsWhatPyTorchWrote()
{
    QFETCH(QString, model);
    const QJsonObject expected = m_manifest.value(model).toObject();
    auto document = test::openDocument(expected.value(QStringLiteral("file")).toString());
    QVERIFY(document);
    QCOMPARE(document->format(), CheckpointFormat::TorchScript);

    const QJsonArray modules = expected.value(QStringLiteral("modules")).toArray();
    QStringList expectedPaths, paths;
    for (const QJsonValue module : modules) {
        const QString path = module.toObject().value(QStringLiteral("path")).toString();
        expectedPaths << path;
        const ModuleNode *node = document->findModule(path);
        QVERIFY2(node, qPrintable(path));
        QCOMPARE(node->shortTypeName(), module.toObject().value(QStringLiteral("type")).toString());
    }
    std::function<void(const ModuleNode *)> walk = [&](const ModuleNode *node) {
        paths << node->path();
        for (int i = 0; i < node->childCount(); ++i)
            walk(node->child(i));
    };
    walk(document->root());
    QCOMPARE(paths, expectedPaths);

    const QJsonArray tensors = expected.value(QStringLiteral("tensors")).toArray();
    QCOMPARE(document->tensorCount(), int(tensors.size()));
    for (int i = 0; i < document->tensorCount(); ++i) {
        const QJsonObject want = tensors.at(i).toObject();
        const TensorInfo &tensor = document->tensor(i);
        const QString name = want.value(QStringLiteral("name")).toString();
        QCOMPARE(tensor.name, name);
        QCOMPARE(tensorKindName(tensor.kind), want.value(QStringLiteral("kind")).toString());
        QCOMPARE(dtypeName(tensor.dtype), want.value(QStringLiteral("dtype")).toString());
        QVector<qint64> shape;
        for (const QJsonValue d : want.value(QStringLiteral("shape")).toArray())
            shape << qint64(d.toDouble());
        QCOMPARE(tensor.shape, shape);
        if (tensor.kind == TensorKind::Parameter)
            QCOMPARE(document->requiresGrad(i), want.value(QStringLiteral("requires_grad")).toBool());
        const QByteArray digest =
            QCryptographicHash::hash(tensor.contiguousBytes(), QCryptographicHash::Sha256).toHex();
        QVERIFY2(digest == want.value(QStringLiteral("sha256")).toString().toLatin1(), qPrintable(name));
    }
    if (model.startsWith(QLatin1String("tied"))) {
        const int head = document->findTensor(QStringLiteral("head.weight"));
        QCOMPARE(document->tensor(head).tiedTo, document->findTensor(QStringLiteral("embed.weight")));
        QCOMPARE(document->totals().parameters, qint64(12 * 6 + 6 + 6));
    }
}

void TestInterop::pyTorchLoadsWhatWeWrite_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("weightsOnly");
    QTest::addColumn<QString>("module");
    QTest::addColumn<QStringList>("freeze");
    QTest::addColumn<test::Peer>("peer");

    // Each case judged by both peers: PyTorch 1.13 and the modern one.
    struct Row
    {
        const char *name;
        QString model;
        bool weightsOnly;
        QString module;
        QStringList freeze;
    };
    const QStringList allButFc{QStringLiteral("*"), QStringLiteral("!fc.*")};
    const std::vector<Row> rows{
        {"cnn weights-only", "cnn_scripted", true, "", {}},
        {"cnn weights-only of layer2", "cnn_scripted", true, "layer2", {}},
        {"cnn entire, all but fc frozen", "cnn_scripted", false, "", allButFc},
        {"cnn entire layer2", "cnn_scripted", false, "layer2", {QStringLiteral("layer2.0.*")}},
        {"traced entire, all but fc frozen", "cnn_traced", false, "", allButFc},
        {"traced weights-only", "cnn_traced", true, "", {}},
        {"partly frozen, unfrozen again", "cnn_partly_frozen", false, "", {QStringLiteral("!*")}},
        {"tied weights-only", "tied_scripted", true, "", {}},
        {"tied entire, embed frozen", "tied_scripted", false, "", {QStringLiteral("embed.*")}},
        {"resnet18 weights-only", "resnet18_scripted", true, "", {}},
        {"resnet18 entire, layer4 and fc trainable",
         "resnet18_scripted",
         false,
         "",
         {QStringLiteral("*"), QStringLiteral("!layer4.*"), QStringLiteral("!fc.*")}},
        {"resnet18 weights-only of layer3.1", "resnet18_scripted", true, "layer3.1", {}},
    };
    for (const test::Peer peer : {test::Peer::Debian, test::Peer::Modern}) {
        for (const Row &r : rows)
            QTest::addRow("%s, %s", r.name, qPrintable(test::peerName(peer)))
                << r.model << r.weightsOnly << r.module << r.freeze << peer;
    }
}

void TestInterop::pyTorchLoadsWhatWeWrite()
{
    QFETCH(QString, model);
    QFETCH(bool, weightsOnly);
    QFETCH(QString, module);
    QFETCH(QStringList, freeze);
    QFETCH(test::Peer, peer);
    TORCHSCOPE_REQUIRE_PEER(peer);
    const QString source = m_manifest.value(model).toObject().value(QStringLiteral("file")).toString();
    auto document = test::openDocument(source);
    QVERIFY(document);
    TORCHSCOPE_HELPER(applyRules(document.get(), freeze));
    const QString output =
        m_dir.filePath(QStringLiteral("%1-%2-%3.pt")
                           .arg(model, weightsOnly ? QStringLiteral("w") : QStringLiteral("e"), module));
    QString error;
    auto job = SaveJob::prepare(
        *document, {output, weightsOnly ? SaveMode::WeightsOnly : SaveMode::EntireModel, module}, &error);
    QVERIFY2(job, qPrintable(error));
    QVERIFY2(job->run(Progress(), &error), qPrintable(error));

    QString peerOutput;
    QStringList arguments;
    if (weightsOnly) {
        arguments = {QStringLiteral("check-weights"), source, output};
    } else {
        arguments = {QStringLiteral("check-entire"), source, output, writeFlags(*document, output)};
    }
    if (!module.isEmpty())
        arguments << QStringLiteral("--module") << module;
    const int code = test::runPeer(peer, arguments, &peerOutput);
    QVERIFY2(code == 0, qPrintable(peerOutput));
}

// "!glob" unfreezes, "glob" freezes, in order, as the CLI's --unfreeze / --freeze do.
void TestInterop::applyRules(CheckpointDocument *document, const QStringList &rules)
{
    for (const QString &rule : rules) {
        const bool train = rule.startsWith(QLatin1Char('!'));
        const QVector<int> matched = document->parametersMatching(NamePattern(train ? rule.mid(1) : rule));
        QVERIFY2(!matched.isEmpty(), qPrintable(rule));
        document->setRequiresGrad(matched, train);
    }
}

// The flags the written model must carry, by full name, for the peer to check.
QString TestInterop::writeFlags(const CheckpointDocument &document, const QString &path)
{
    QJsonObject flags;
    for (int i = 0; i < document.tensorCount(); ++i) {
        if (document.isEditable(i))
            flags.insert(document.tensor(i).name, document.requiresGrad(i));
    }
    QString flagsPath = path + QStringLiteral(".flags.json");
    QFile file(flagsPath);
    if (file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(flags).toJson());
    return flagsPath;
}

void TestInterop::exampleModelRunsInPyTorch()
{
    CheckpointContent content;
    QString error;
    QVERIFY2(readExampleModel(&content, &error), qPrintable(error));
    CheckpointDocument document(std::move(content));
    QStringList children;
    for (int i = 0; i < document.root()->childCount(); ++i)
        children << document.root()->child(i)->name();
    QCOMPARE(children, (QStringList{QStringLiteral("sequential"), QStringLiteral("layer1"),
                                    QStringLiteral("layer2"), QStringLiteral("fc")}));
    QCOMPARE(document.findModule(QStringLiteral("fc"))->shortTypeName(), QStringLiteral("Linear"));
    document.setModuleRequiresGrad(document.findModule(QStringLiteral("layer1")), false);
    const QString output = m_dir.filePath(QStringLiteral("example.pt"));
    auto job = SaveJob::prepare(document, {output, SaveMode::EntireModel, QString()}, &error);
    QVERIFY2(job && job->run(Progress(), &error), qPrintable(error));
    QString peerOutput;
    QVERIFY2(test::runPeer({QStringLiteral("check-example"), output}, &peerOutput) == 0,
             qPrintable(peerOutput));
}

void TestInterop::failedSaveLeavesExistingFileUntouched_data()
{
    QTest::addColumn<bool>("weightsOnly");
    QTest::newRow("weights-only") << true;
    QTest::newRow("entire model") << false;
}

void TestInterop::failedSaveLeavesExistingFileUntouched()
{
    QFETCH(bool, weightsOnly);
    auto document = test::openDocument(
        m_manifest.value(QStringLiteral("cnn_scripted")).toObject().value(QStringLiteral("file")).toString());
    QVERIFY(document);
    const QString target = m_dir.filePath(QStringLiteral("precious.pt"));
    {
        QFile file(target);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("precious bytes");
    }
    QString error;
    auto job = SaveJob::prepare(
        *document, {target, weightsOnly ? SaveMode::WeightsOnly : SaveMode::EntireModel, QString()}, &error);
    QVERIFY(job);
    Progress canceled;
    canceled.canceled = [] { return true; };
    QVERIFY(!job->run(canceled, &error));
    QVERIFY(error.contains(QStringLiteral("canceled")));
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("precious bytes"));
    const QStringList leftovers = QDir(m_dir.path()).entryList({QStringLiteral("precious*")}, QDir::Files);
    QCOMPARE(leftovers, QStringList{QStringLiteral("precious.pt")});
}

void TestInterop::pickledModelsWriteBack_data()
{
    QTest::addColumn<QString>("file"); // written by peer.py formats
    QTest::addColumn<QString>("module");
    QTest::addColumn<QStringList>("freeze");
    QTest::addColumn<test::Peer>("peer"); // wrote the file, and judges what Torchscope writes back
    const QStringList allButFc{QStringLiteral("*"), QStringLiteral("!fc.*")};
    // Written by PyTorch 2.15, frozen, written back, loaded by PyTorch 2.15.
    QTest::newRow("cnn by PyTorch 2.15, all but fc frozen") << "whole_cnn.pt"
                                                            << "" << allButFc << test::Peer::Modern;
    QTest::newRow("resnet18 by PyTorch 2.15, all but fc frozen") << "whole_resnet18.pt"
                                                                 << "" << allButFc << test::Peer::Modern;
    QTest::newRow("tied by PyTorch 2.15, embed frozen")
        << "whole_tied.pt"
        << "" << QStringList{QStringLiteral("embed.*")} << test::Peer::Modern;
    QTest::newRow("language model by PyTorch 2.15, block 0 frozen")
        << "whole_llm.pt"
        << "" << QStringList{QStringLiteral("model.layers.0.*")} << test::Peer::Modern;
    QTest::newRow("attributes by PyTorch 2.15") << "whole_attributes.pt"
                                                << "" << QStringList() << test::Peer::Modern;
    QTest::newRow("transformer encoder by PyTorch 2.15, layer 0 frozen")
        << "whole_transformer.pt"
        << "" << QStringList{QStringLiteral("layers.0.*")} << test::Peer::Modern;
    QTest::newRow("transformer encoder, layer 1 frozen")
        << "whole_transformer.pt"
        << "" << QStringList{QStringLiteral("layers.1.*")} << test::Peer::Debian;
    QTest::newRow("cnn, all but fc frozen") << "whole_cnn.pt"
                                            << "" << allButFc << test::Peer::Debian;
    QTest::newRow("cnn's layer2") << "whole_cnn.pt"
                                  << "layer2" << QStringList{QStringLiteral("layer2.0.*")}
                                  << test::Peer::Debian;
    QTest::newRow("legacy cnn, everything trainable again") << "whole_cnn_legacy.pt"
                                                            << "" << QStringList{"!*"} << test::Peer::Debian;
    QTest::newRow("resnet18 as saved (layer1 frozen)") << "whole_resnet18.pt"
                                                       << "" << QStringList() << test::Peer::Debian;
    QTest::newRow("resnet18, layer4 frozen too")
        << "whole_resnet18.pt"
        << "" << QStringList{QStringLiteral("layer4.*")} << test::Peer::Debian;
    QTest::newRow("resnet18's layer2") << "whole_resnet18.pt"
                                       << "layer2" << QStringList{"layer2.0.*"} << test::Peer::Debian;
    QTest::newRow("tied, embed frozen") << "whole_tied.pt"
                                        << "" << QStringList{QStringLiteral("embed.*")} << test::Peer::Debian;
    QTest::newRow("non-tensor attributes") << "whole_attributes.pt"
                                           << "" << QStringList{"!linear.bias"} << test::Peer::Debian;
    QTest::newRow("attributes' linear") << "whole_attributes.pt"
                                        << "linear" << QStringList() << test::Peer::Debian;
    QTest::newRow("language model's block 3")
        << "whole_llm.pt"
        << "model.layers.3" << QStringList{QStringLiteral("model.layers.3.mlp.*")} << test::Peer::Debian;
}

// What PyTorch 2.15 writes (every 2.x element type, a big-endian archive, one without CRCs, page-aligned
// records, a subclass), opened and saved as weights: PyTorch 2.15 loads each with its default torch.load,
// bit for bit.
void TestInterop::weightsWrittenByTodaysPyTorchRoundTrip_data()
{
    QTest::addColumn<QString>("file");
    for (const char *file :
         {"state_dict.pt", "v3_dtypes.pt", "big_endian.pt", "no_crc.pt", "aligned_4096.pt", "subclass.pt"})
        QTest::newRow(file) << file;
}

void TestInterop::weightsWrittenByTodaysPyTorchRoundTrip()
{
    QFETCH(QString, file);
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString formats = m_dir.filePath(QStringLiteral("formats-modern"));
    QString output;
    if (!QFile::exists(formats + QStringLiteral("/formats.json")))
        QVERIFY2(test::runPeer(test::Peer::Modern, {QStringLiteral("formats"), formats}, &output) == 0,
                 qPrintable(output));
    const QString source = formats + u'/' + file;
    auto document = test::openDocument(source);
    QVERIFY(document);
    const QString target = m_dir.filePath(QStringLiteral("round-trip-") + file);
    QString error;
    auto job = SaveJob::prepare(*document, {target, SaveMode::WeightsOnly, QString()}, &error);
    QVERIFY2(job && job->run(Progress(), &error), qPrintable(error));
    const QJsonArray manifest{QJsonObject{{"original", source}, {"exported", target}, {"dtype", "keep"}}};
    QFile list(target + QStringLiteral(".json"));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write(QJsonDocument(manifest).toJson());
    list.close();
    QVERIFY2(test::runPeer(test::Peer::Modern, {QStringLiteral("check-exports"), list.fileName()}, &output) ==
                 0,
             qPrintable(output));
}

// Save As "Entire model" on a torch.save(model) pickle: real torch.load gives back the same objects
// with the flags as edited, for the whole model and for a submodule.
void TestInterop::pickledModelsWriteBack()
{
    QFETCH(QString, file);
    QFETCH(QString, module);
    QFETCH(QStringList, freeze);
    QFETCH(test::Peer, peer);
    TORCHSCOPE_REQUIRE_PEER(peer);
    const QString formats = m_dir.filePath(peer == test::Peer::Modern ? QStringLiteral("formats-modern")
                                                                      : QStringLiteral("formats"));
    QString output;
    if (!QFile::exists(formats + QStringLiteral("/formats.json")))
        QVERIFY2(test::runPeer(peer, {QStringLiteral("formats"), formats}, &output) == 0, qPrintable(output));
    const QString source = formats + u'/' + file;
    auto document = test::openDocument(source);
    QVERIFY(document);
    QCOMPARE(document->format(), CheckpointFormat::PickleModule);
    QVERIFY(document->canSaveEntireModel());
    TORCHSCOPE_HELPER(applyRules(document.get(), freeze));
    const QString target = m_dir.filePath(
        QStringLiteral("written-%1-%2-%3.pt").arg(file, module, peer == test::Peer::Modern ? "2" : "1"));
    QString error;
    auto job = SaveJob::prepare(*document, {target, SaveMode::EntireModel, module}, &error);
    QVERIFY2(job, qPrintable(error));
    QCOMPARE(job->format(), SaveFormat::Pickle);
    QVERIFY2(job->run(Progress(), &error), qPrintable(error));
    QStringList arguments{QStringLiteral("check-pickle"), source, target, writeFlags(*document, target)};
    if (!module.isEmpty())
        arguments << QStringLiteral("--module") << module;
    QVERIFY2(test::runPeer(peer, arguments, &output) == 0, qPrintable(output));

    // Torchscope reads back what it wrote as it read the source: same tensors, same flags.
    auto written = test::openDocument(target);
    QVERIFY(written);
    QCOMPARE(written->format(), CheckpointFormat::PickleModule);
    const ModuleNode *root = document->findModule(module);
    const QVector<int> subtree = document->tensorsInSubtree(root);
    QCOMPARE(written->tensorCount(), int(subtree.size()));
    for (int i = 0; i < written->tensorCount(); ++i) {
        const int index = subtree[i];
        QCOMPARE(written->tensor(i).name, document->relativeName(index, root));
        QCOMPARE(written->tensor(i).contiguousBytes(), document->tensor(index).contiguousBytes());
        QCOMPARE(written->tensor(i).tiedTo >= 0, document->tensor(index).tiedTo >= 0);
        if (written->isEditable(i))
            QCOMPARE(written->requiresGrad(i), document->requiresGrad(index));
    }
}

void TestInterop::unwritablePicklesAreRefused_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    const QString folder = m_dir.filePath(QStringLiteral("unwritable"));
    QString output;
    if (test::runPeer({QStringLiteral("unwritable"), folder}, &output) != 0)
        qFatal("peer.py unwritable: %s", qPrintable(output));
    QFile file(folder + QStringLiteral("/unwritable.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no unwritable.json");
    const QJsonObject cases = QJsonDocument::fromJson(file.readAll()).object().value("cases").toObject();
    for (const QString &name : cases.keys())
        QTest::newRow(qPrintable(name)) << folder + u'/' + name << cases.value(name).toString();
}

// What cannot be written back as it was is refused before anything is written, with the reason.
void TestInterop::unwritablePicklesAreRefused()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    auto document = test::openDocument(file);
    QVERIFY(document);
    QCOMPARE(document->format(), CheckpointFormat::PickleModule);
    const QString target = file + QStringLiteral(".written.pt");
    QString error;
    // The pickle is emitted when the save runs (off the UI thread), before the file is opened.
    auto job = SaveJob::prepare(*document, {target, SaveMode::EntireModel, QString()}, &error);
    QVERIFY2(job, qPrintable(error));
    QVERIFY(!job->run(Progress(), &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(!QFile::exists(target));
    QVERIFY(!QFile::exists(QFileInfo(file).dir().filePath(QStringLiteral("pwned"))));
    // The weights still save, and so does a submodule the refused part is not in.
    job = SaveJob::prepare(*document, {target, SaveMode::WeightsOnly, QString()}, &error);
    QVERIFY2(job && job->run(Progress(), &error), qPrintable(error));
    const QString layer2 = file + QStringLiteral(".layer2.pt");
    job = SaveJob::prepare(*document, {layer2, SaveMode::EntireModel, QStringLiteral("layer2")}, &error);
    QVERIFY2(job && job->run(Progress(), &error), qPrintable(error));
    auto written = test::openDocument(layer2);
    QVERIFY(written && written->format() == CheckpointFormat::PickleModule);
    QCOMPARE(written->tensorCount(), int(document->tensorsInSubtree(document->findModule("layer2")).size()));
}

QTEST_GUILESS_MAIN(TestInterop)
#include "tst_interop.moc"
