// Training checkpoints as PyTorch 1.13 and 2.15, Lightning and the Hugging Face Trainer save them: the
// values besides tensors, the parts, the model's parameter count, optimizer state mapped to parameter
// names, and the model's (or EMA's) weights extracted so that they load strictly into a fresh model.
// Every expectation comes from the library that wrote the file (tests/python/training.py).

#include "document/checkpointdocument.h"
#include "document/freezeplan.h"
#include "document/namepattern.h"
#include "document/savejob.h"
#include "documentsupport.h"
#include "formats/checkpointreader.h"
#include "itemmodels/displayformat.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <memory>

using namespace torchscope;
using test::Peer;

class TestTrainingCheckpoint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void readAsTheirLibraryWroteThem_data();
    void readAsTheirLibraryWroteThem();
    void buffersRecognisedByName();
    void unmappableOptimizerStaysById();
    void refusedValuesStayRefused();
    void summaryLine();
    void extractedWeightsLoadStrictly_data();
    void extractedWeightsLoadStrictly();
    void stripPrefixOffered();
    void freezePlanNamesTheModelsParameters();
    void modelPickledWholeInsideFreezesAndSavesWhole_data();
    void modelPickledWholeInsideFreezesAndSavesWhole();
    void valuesAreCapped();

private:
    QString fixture(Peer peer, const QString &name) const
    {
        return QDir(peer == Peer::Modern ? m_modern.path() : m_debian.path()).filePath(name);
    }

    QTemporaryDir m_debian;
    QTemporaryDir m_modern;
    bool m_haveModern = false;
};

void TestTrainingCheckpoint::initTestCase()
{
    QString output;
    QVERIFY2(test::runPeer(Peer::Debian, {"training", m_debian.path()}, &output) == 0, qPrintable(output));
    m_haveModern = test::peerAvailable(Peer::Modern);
    if (!m_haveModern)
        return;
    QVERIFY2(test::runPeer(Peer::Modern, {"training", m_modern.path()}, &output) == 0, qPrintable(output));
    QVERIFY2(test::runPeer(Peer::Modern, {"lightning", m_modern.filePath("lightning")}, &output, 600000) == 0,
             qPrintable(output));
    QVERIFY2(test::runPeer(Peer::Modern, {"hf-trainer", m_modern.filePath("trainer")}, &output, 600000) == 0,
             qPrintable(output));
}

namespace {
QJsonObject readFacts(const QString &path)
{
    QFile file(path + QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue item : value.toArray())
        list << item.toString();
    return list;
}
} // namespace

void TestTrainingCheckpoint::readAsTheirLibraryWroteThem_data()
{
    QTest::addColumn<Peer>("peer");
    QTest::addColumn<QString>("file");
    for (const Peer peer : {Peer::Debian, Peer::Modern}) {
        QStringList files;
        for (const char *model : {"cnn", "resnet18", "transformer"})
            for (const char *kind : {"train", "state_dict", "whole"})
                files << QStringLiteral("%1-%2.pt").arg(QLatin1String(model), QLatin1String(kind));
        files << "ema-train.pt"
              << "whole-in-train.pt";
        if (peer == Peer::Modern)
            files << "named-train.pt"
                  << "lightning/lightning.ckpt"
                  << "trainer/checkpoint-4"
                  << "trainer/checkpoint-4-bin";
        for (const QString &file : std::as_const(files))
            QTest::addRow("%s %s", qPrintable(test::peerName(peer)), qPrintable(file)) << peer << file;
    }
}

void TestTrainingCheckpoint::readAsTheirLibraryWroteThem()
{
    QFETCH(Peer, peer);
    QFETCH(QString, file);
    if (peer == Peer::Modern)
        TORCHSCOPE_REQUIRE_PEER(Peer::Modern);
    const QString path = fixture(peer, file);
    const QJsonObject facts = readFacts(path);
    QVERIFY2(!facts.isEmpty(), qPrintable(path));
    const auto document = test::openDocument(path);
    QVERIFY(document);

    // The model's parameters as PyTorch counts them: sum(p.numel() for p in model.parameters()).
    QCOMPARE(document->totals().parameters, facts.value("parameters").toInteger());
    if (facts.contains("trainable"))
        QCOMPARE(document->totals().trainable, facts.value("trainable").toInteger());

    const CheckpointParts &parts = document->parts();
    QCOMPARE(checkpointKindName(parts.kind), facts.value("kind").toString());
    QCOMPARE(parts.modelPath, facts.value("model_part").toString());
    QCOMPARE(parts.optimizers, strings(facts.value("optimizers")));
    QCOMPARE(parts.schedulers, strings(facts.value("schedulers")));
    QCOMPARE(parts.emaPath, facts.contains("ema") ? facts.value("ema").toString() : QString());
    QCOMPARE(parts.framework, facts.value("framework").toString());
    QCOMPARE(parts.frameworkVersion, facts.value("framework_version").toString());

    // Every value besides tensors, in order, as Python holds it (of the files Python reads as they are,
    // in a Trainer's folder).
    const QJsonArray expected = facts.value("values").toArray();
    const QStringList prefixes = strings(facts.value("value_prefixes"));
    QVector<CheckpointValue> values;
    for (const CheckpointValue &value : document->values()) {
        if (prefixes.isEmpty() || std::any_of(prefixes.begin(), prefixes.end(), [&](const QString &prefix) {
                return value.path.startsWith(prefix);
            }))
            values << value;
    }
    for (qsizetype i = 0; i < std::min<qsizetype>(values.size(), expected.size()); ++i) {
        const QJsonObject entry = expected.at(i).toObject();
        QCOMPARE(values[i].path, entry.value("path").toString());
        QVERIFY2(values[i].value == entry.value("value"),
                 qPrintable(
                     QStringLiteral("%1: %2 vs %3")
                         .arg(values[i].path,
                              QString::fromUtf8(
                                  QJsonDocument(QJsonArray{values[i].value}).toJson(QJsonDocument::Compact)),
                              QString::fromUtf8(QJsonDocument(QJsonArray{entry.value("value")})
                                                    .toJson(QJsonDocument::Compact)))));
    }
    QCOMPARE(values.size(), expected.size());

    // Each optimizer's state ids name the parameters PyTorch's optimizer holds under them. A Trainer's
    // safetensors keep no parameter order: there only ids the shapes tell apart are named, and the
    // others are said to stay by id.
    const bool orderKept =
        parts.framework != QLatin1String("hf_trainer") || facts.value("model_order_kept").toBool();
    const QJsonObject ids = facts.value("optimizer_ids").toObject();
    QCOMPARE(document->optimizers().size(), parts.optimizers.size());
    for (const OptimizerState &optimizer : document->optimizers()) {
        const QJsonObject expectedIds = ids.value(optimizer.path).toObject();
        QVERIFY2(optimizer.mapping != OptimizerMapping::ById, qPrintable(optimizer.unmappedReason));
        if (orderKept)
            QVERIFY2(optimizer.unmappedReason.isEmpty(), qPrintable(optimizer.unmappedReason));
        else
            QVERIFY2(optimizer.unmappedReason.contains("stay by id"), qPrintable(optimizer.unmappedReason));
        QCOMPARE(optimizer.entries.size(), expectedIds.size());
        for (const OptimizerEntry &entry : optimizer.entries) {
            if (!orderKept && entry.parameter.isEmpty())
                continue;
            QCOMPARE(entry.parameter, expectedIds.value(QString::number(entry.id)).toString());
        }
        if (file == QLatin1String("named-train.pt"))
            QCOMPARE(optimizer.mapping, OptimizerMapping::ParamNames);
        if (parts.framework == QLatin1String("hf_trainer") && orderKept)
            QCOMPARE(optimizer.mapping, OptimizerMapping::TrainerGroups);
    }
}

void TestTrainingCheckpoint::buffersRecognisedByName()
{
    // BatchNorm's running statistics in a state_dict are buffers, as the model saved whole says.
    const auto stateDict = test::openDocument(fixture(Peer::Debian, "resnet18-state_dict.pt"));
    const auto whole = test::openDocument(fixture(Peer::Debian, "resnet18-whole.pt"));
    QVERIFY(stateDict && whole);
    QCOMPARE(stateDict->tensorCount(), whole->tensorCount());
    for (int i = 0; i < whole->tensorCount(); ++i) {
        QCOMPARE(stateDict->tensor(i).name, whole->tensor(i).name);
        const bool buffer = whole->tensor(i).kind == TensorKind::Buffer;
        QCOMPARE(stateDict->tensor(i).kind == TensorKind::Buffer, buffer);
    }
    QCOMPARE(stateDict->tensor(stateDict->findTensor("bn1.num_batches_tracked")).kind, TensorKind::Buffer);
    QCOMPARE(stateDict->totals().parameters, whole->totals().parameters);
    // The pooled histogram of the model pools its parameters only.
    for (const int index : stateDict->pooledTensors(stateDict->root()))
        QVERIFY(stateDict->tensor(index).kind != TensorKind::Buffer);
}

void TestTrainingCheckpoint::unmappableOptimizerStaysById()
{
    const auto document = test::openDocument(fixture(Peer::Debian, "unmapped-train.pt"));
    QVERIFY(document);
    QCOMPARE(document->optimizers().size(), 1);
    const OptimizerState &optimizer = document->optimizers().first();
    QCOMPARE(optimizer.mapping, OptimizerMapping::ById);
    QVERIFY(optimizer.unmappedReason.contains("stay by id"));
    for (const OptimizerEntry &entry : optimizer.entries)
        QVERIFY(entry.parameter.isEmpty());
    // Its state still never counts as parameters.
    QCOMPARE(document->totals().parameters,
             readFacts(fixture(Peer::Debian, "unmapped-train.pt")).value("parameters").toInteger());
}

void TestTrainingCheckpoint::refusedValuesStayRefused()
{
    const auto document = test::openDocument(fixture(Peer::Debian, "hostile-train.pt"));
    QVERIFY(document);
    const QVector<CheckpointValue> &values = document->values();
    QCOMPARE(values.size(), 2);
    QCOMPARE(values[1].path, QStringLiteral("hook"));
    QCOMPARE(values[1].type, QStringLiteral("refused"));
    QCOMPARE(values[1].value.toObject().value("refused").toString(), QStringLiteral("posix.system"));
    QVERIFY(document->warnings().join('\n').contains("posix.system"));
}

void TestTrainingCheckpoint::summaryLine()
{
    const auto document = test::openDocument(fixture(Peer::Debian, "cnn-train.pt"));
    QVERIFY(document);
    const QString parameters = DisplayFormat::count(document->totals().parameters);
    QCOMPARE(DisplayFormat::checkpointSummary(*document),
             QStringLiteral("Training checkpoint: epoch 7, step 120; model %1 parameters; Adam state for 14 "
                            "tensor(s); 1 scheduler(s)")
                 .arg(parameters));
    const auto weights = test::openDocument(fixture(Peer::Debian, "cnn-state_dict.pt"));
    QVERIFY(weights);
    QVERIFY(DisplayFormat::checkpointSummary(*weights).isEmpty());
    if (!m_haveModern)
        return;
    const auto lightning = test::openDocument(fixture(Peer::Modern, "lightning/lightning.ckpt"));
    QVERIFY(lightning);
    const QJsonObject facts = readFacts(fixture(Peer::Modern, "lightning/lightning.ckpt"));
    QVERIFY2(DisplayFormat::checkpointSummary(*lightning)
                 .startsWith(QStringLiteral("Training checkpoint (PyTorch Lightning %1): epoch %2, step %3;")
                                 .arg(facts.value("framework_version").toString())
                                 .arg(facts.value("epoch").toInteger())
                                 .arg(facts.value("global_step").toInteger())),
             qPrintable(DisplayFormat::checkpointSummary(*lightning)));
}

void TestTrainingCheckpoint::extractedWeightsLoadStrictly_data()
{
    QTest::addColumn<Peer>("peer");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("part");
    QTest::addColumn<QString>("stripPrefix");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("model");    // what peer.py builds fresh to load it into; "-": names only
    QTest::addColumn<QString>("expected"); // the file whose values it must hold
    for (const Peer peer : {Peer::Debian, Peer::Modern}) {
        const QString name = test::peerName(peer);
        for (const char *model : {"cnn", "resnet18", "transformer"}) {
            const QString train = QStringLiteral("%1-train.pt").arg(QLatin1String(model));
            QTest::addRow("%s %s model .pt", qPrintable(name), model)
                << peer << train << int(SavePart::Model) << QString() << "weights.pt" << model << train;
        }
        if (peer == Peer::Modern) // Debian's PyTorch has no safetensors
            QTest::addRow("%s cnn model .safetensors", qPrintable(name))
                << peer << "cnn-train.pt" << int(SavePart::Model) << QString() << "weights.safetensors"
                << "cnn"
                << "cnn-train.pt";
        QTest::addRow("%s EMA as the model's own names", qPrintable(name))
            << peer << "ema-train.pt" << int(SavePart::Ema) << QString() << "ema.pt"
            << "cnn"
            << "ema-train.pt.ema-expected.pt";
    }
    QTest::addRow("Trainer folder's model")
        << Peer::Modern << "trainer/checkpoint-4" << int(SavePart::Model) << QString() << "model.safetensors"
        << "-"
        << "trainer/checkpoint-4-expected.pt";
    QTest::addRow("Lightning, model. stripped")
        << Peer::Modern << "lightning/lightning.ckpt" << int(SavePart::Model) << "model."
        << "lightning.safetensors"
        << "-"
        << "lightning/lightning-expected-stripped.pt";
}

void TestTrainingCheckpoint::extractedWeightsLoadStrictly()
{
    QFETCH(Peer, peer);
    QFETCH(QString, file);
    QFETCH(int, part);
    QFETCH(QString, stripPrefix);
    QFETCH(QString, output);
    QFETCH(QString, model);
    QFETCH(QString, expected);
    if (peer == Peer::Modern)
        TORCHSCOPE_REQUIRE_PEER(Peer::Modern);
    const auto document = test::openDocument(fixture(peer, file));
    QVERIFY(document);
    QTemporaryDir out;
    SaveRequest request;
    request.path = out.filePath(output);
    request.part = SavePart(part);
    request.stripPrefix = stripPrefix;
    QString error;
    const auto job = SaveJob::prepare(*document, request, &error);
    QVERIFY2(job, qPrintable(error));
    QVERIFY2(job->run(Progress(), &error), qPrintable(error));
    // What was left out is said: the optimizer at least.
    QVERIFY2(job->leftOut().contains("optimizer"), qPrintable(job->leftOut()));
    QString result;
    QVERIFY2(
        test::runPeer(peer, {"check-extracted", model, request.path, fixture(peer, expected)}, &result) == 0,
        qPrintable(result));
}

void TestTrainingCheckpoint::stripPrefixOffered()
{
    TORCHSCOPE_REQUIRE_PEER(Peer::Modern);
    const auto document = test::openDocument(fixture(Peer::Modern, "lightning/lightning.ckpt"));
    QVERIFY(document);
    SaveRequest request;
    request.part = SavePart::Model;
    QCOMPARE(offeredStripPrefix(*document, request), QStringLiteral("model."));
    // Plain state_dicts of the CNN carry no framework's prefix.
    const auto plain = test::openDocument(fixture(Peer::Debian, "cnn-train.pt"));
    QVERIFY(plain);
    QCOMPARE(offeredStripPrefix(*plain, request), QString());
}

// A training checkpoint keeps no flags: freezing its model makes a plan named as the training script's
// model names its parameters (without the checkpoint's "model." key), only the model's parameters (no
// buffers, no optimizer state), and the plan read back lands on the same tensors.
void TestTrainingCheckpoint::freezePlanNamesTheModelsParameters()
{
    const auto document = test::openDocument(fixture(Peer::Debian, "cnn-train.pt"));
    QVERIFY(document);
    QVERIFY(document->freezingIsPlan());
    QVERIFY(document->setRequiresGrad(document->parametersMatching(NamePattern(QStringLiteral("model.fc.*"))),
                                      false));
    const QJsonObject plan = QJsonDocument::fromJson(FreezePlan::toJson(*document))
                                 .object()
                                 .value(QStringLiteral("requires_grad"))
                                 .toObject();
    QCOMPARE(plan.size(), 14);
    QCOMPARE(plan.value(QStringLiteral("fc.weight")).toBool(true), false);
    QCOMPARE(plan.value(QStringLiteral("sequential.0.weight")).toBool(false), true);
    for (auto it = plan.begin(); it != plan.end(); ++it)
        QVERIFY2(!it.key().startsWith(QLatin1String("model.")) &&
                     !it.key().contains(QLatin1String("running_")),
                 qPrintable(it.key()));
    QVERIFY(FreezePlan::pythonSnippet(*document).contains(QStringLiteral("\"fc.\": False")));
    document->undoStack()->undo();
    QHash<QString, bool> flags;
    QString error;
    QVERIFY(FreezePlan::parseJson(
        QJsonDocument(QJsonObject{{QStringLiteral("requires_grad"), plan}}).toJson(), &flags, &error));
    QVERIFY2(FreezePlan::apply(*document, flags, &error), qPrintable(error));
    QVERIFY(!document->requiresGrad(document->findTensor(QStringLiteral("model.fc.weight"))));
    QVERIFY(document->requiresGrad(document->findTensor(QStringLiteral("model.sequential.0.weight"))));
}

void TestTrainingCheckpoint::modelPickledWholeInsideFreezesAndSavesWhole_data()
{
    QTest::addColumn<Peer>("peer");
    QTest::newRow("PyTorch 1.13") << Peer::Debian;
    QTest::newRow("PyTorch 2.15") << Peer::Modern;
}

// {"model": model, ...}: the model is an entire model: flags shown and edited, and saved back whole.
void TestTrainingCheckpoint::modelPickledWholeInsideFreezesAndSavesWhole()
{
    QFETCH(Peer, peer);
    if (peer == Peer::Modern)
        TORCHSCOPE_REQUIRE_PEER(Peer::Modern);
    const QString path = fixture(peer, "whole-in-train.pt");
    const auto document = test::openDocument(path);
    QVERIFY(document);
    QVERIFY(document->storesRequiresGrad());
    QVERIFY(document->canSaveEntireModel());
    const int fc = document->findTensor("model.fc.weight");
    QVERIFY(document->isEditable(fc));
    QVERIFY(!document->requiresGrad(fc)); // frozen when it was saved
    // Freeze layer1 too, as one edit.
    QVector<int> layer1;
    for (int i = 0; i < document->tensorCount(); ++i) {
        if (document->tensor(i).name.startsWith("model.layer1.") && document->isEditable(i))
            layer1 << i;
    }
    QVERIFY(document->setRequiresGrad(layer1, false));
    QTemporaryDir out;
    QString error;
    SaveRequest request;
    request.path = out.filePath("model.pt");
    request.mode = SaveMode::EntireModel;
    request.modulePath = "model";
    const auto job = SaveJob::prepare(*document, request, &error);
    QVERIFY2(job, qPrintable(error));
    QVERIFY2(job->run(Progress(), &error), qPrintable(error));
    QJsonObject flags;
    for (int i = 0; i < document->tensorCount(); ++i) {
        if (document->isEditable(i))
            flags.insert(document->modelRelativeName(i), document->requiresGrad(i));
    }
    QFile flagsFile(out.filePath("flags.json"));
    QVERIFY(flagsFile.open(QIODevice::WriteOnly));
    flagsFile.write(QJsonDocument(flags).toJson());
    flagsFile.close();
    QString result;
    QVERIFY2(test::runPeer(peer, {"check-whole-model", request.path, path, flagsFile.fileName()}, &result) ==
                 0,
             qPrintable(result));
    // The checkpoint's root is no model: asked for it whole, the save says which module is.
    request.modulePath.clear();
    QVERIFY(!SaveJob::prepare(*document, request, &error));
    QVERIFY2(error.contains("(model)"), qPrintable(error));
}

void TestTrainingCheckpoint::valuesAreCapped()
{
    // A pickle of more leaves than are ever listed: the first kMaxCheckpointValues, and a warning.
    QTemporaryDir dir;
    const QString path = dir.filePath("many.pt");
    QString output;
    QVERIFY2(test::runProcess(test::pythonPath(Peer::Debian),
                              {"-c", QStringLiteral("import torch; torch.save({'w': torch.zeros(2), 'ids': "
                                                    "list(range(%1))}, '%2')")
                                         .arg(kMaxCheckpointValues + 5)
                                         .arg(path)},
                              &output, &output) == 0,
             qPrintable(output));
    const auto document = test::openDocument(path);
    QVERIFY(document);
    QCOMPARE(document->values().size(), kMaxCheckpointValues);
    QVERIFY2(document->warnings().join('\n').contains("5 more value"),
             qPrintable(document->warnings().join('\n')));
}

QTEST_GUILESS_MAIN(TestTrainingCheckpoint)
#include "tst_trainingcheckpoint.moc"
