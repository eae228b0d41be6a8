// Freeze plans: JSON both ways, applied as one edit, and the PyTorch snippet run by real PyTorch on a
// freshly built model, which must end with exactly the flags Torchscope shows.

#include "document/checkpointdocument.h"
#include "document/freezeplan.h"
#include "document/namepattern.h"
#include "formats/checkpointreader.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <utility>

using namespace torchscope;

class TestFreezePlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void jsonRoundTrip();
    void unknownNamesAreAnError();
    void malformedPlans_data();
    void malformedPlans();
    void snippetGivesExactFlagsInPyTorch_data();
    void snippetGivesExactFlagsInPyTorch();

private:
    QTemporaryDir m_dir;
    QString m_resnet;
};

void TestFreezePlan::initTestCase()
{
    QString output;
    QVERIFY2(test::runPeer({"fixtures", m_dir.path()}, &output) == 0, qPrintable(output));
    m_resnet = m_dir.filePath("resnet18_scripted.pt");
}

void TestFreezePlan::jsonRoundTrip()
{
    CheckpointDocument document(test::smallModelContent());
    document.setRequiresGrad({1, 5}, false);
    const QByteArray json = FreezePlan::toJson(document);
    QHash<QString, bool> flags;
    QString error;
    QVERIFY2(FreezePlan::parseJson(json, &flags, &error), qPrintable(error));
    QCOMPARE(flags.size(), 7); // editable parameters, tied alias included; no buffer
    QCOMPARE(flags.value(QStringLiteral("encoder.0.bias")), false);
    QCOMPARE(flags.value(QStringLiteral("head.weight")), false);
    QCOMPARE(flags.value(QStringLiteral("head.bias")), true);
    QVERIFY(!flags.contains(QStringLiteral("encoder.1.running_mean")));

    CheckpointDocument other(test::smallModelContent());
    QVERIFY(FreezePlan::apply(other, flags, &error));
    QCOMPARE(other.requiresGradFlags(), document.requiresGradFlags());
    QCOMPARE(other.undoStack()->count(), 1);

    // A submodule's plan is keyed relative to it.
    const QJsonObject encoder =
        QJsonDocument::fromJson(FreezePlan::toJson(document, document.findModule(QStringLiteral("encoder"))))
            .object()
            .value(QStringLiteral("requires_grad"))
            .toObject();
    QCOMPARE(encoder.keys(), (QStringList{"0.bias", "0.weight", "1.bias", "1.weight"}));
}

void TestFreezePlan::unknownNamesAreAnError()
{
    CheckpointDocument document(test::smallModelContent());
    QString error;
    QVERIFY(!FreezePlan::apply(
        document, {{QStringLiteral("head.weight"), false}, {QStringLiteral("nope.weight"), true}}, &error));
    QVERIFY2(error.contains(QStringLiteral("nope.weight")), qPrintable(error));
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!FreezePlan::apply(document, {{QStringLiteral("encoder.1.running_mean"), false}}, &error));
}

void TestFreezePlan::malformedPlans_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not json") << QByteArray("requires_grad: yes");
    QTest::newRow("no requires_grad") << QByteArray(R"({"flags": {}})");
    QTest::newRow("not a bool") << QByteArray(R"({"requires_grad": {"a": 1}})");
}

void TestFreezePlan::malformedPlans()
{
    QFETCH(QByteArray, json);
    QHash<QString, bool> flags;
    QString error;
    QVERIFY(!FreezePlan::parseJson(json, &flags, &error));
    QVERIFY(!error.isEmpty());
}

void TestFreezePlan::snippetGivesExactFlagsInPyTorch_data()
{
    QTest::addColumn<QStringList>("rules"); // "glob" freezes, "!glob" unfreezes, in order
    QTest::newRow("as loaded") << QStringList();
    QTest::newRow("everything frozen") << QStringList{"*"};
    QTest::newRow("all but fc") << QStringList{"*", "!fc.*"};
    QTest::newRow("mixed inside a block")
        << QStringList{"layer2.*", "!layer2.0.conv1.weight", "layer3.1.bn2.bias"};
    QTest::newRow("every batch norm") << QStringList{"*bn*", "*downsample.1.*"};
    QTest::newRow("one parameter") << QStringList{"!*", "conv1.weight"};
}

void TestFreezePlan::snippetGivesExactFlagsInPyTorch()
{
    QFETCH(QStringList, rules);
    CheckpointContent content;
    QString error;
    QVERIFY2(readCheckpoint(m_resnet, Progress(), &content, &error), qPrintable(error));
    CheckpointDocument document(std::move(content));
    for (const QString &rule : rules) {
        const bool train = rule.startsWith(QLatin1Char('!'));
        const NamePattern pattern(train ? rule.mid(1) : rule);
        QVector<int> matched;
        for (int i = 0; i < document.tensorCount(); ++i) {
            if (pattern.matches(document.tensor(i).name))
                matched << i;
        }
        document.setRequiresGrad(matched, train);
    }
    const QString snippet = FreezePlan::pythonSnippet(document);
    QVERIFY(snippet.contains(QStringLiteral("model.named_parameters()")));
    QVERIFY2(snippet.count(QLatin1Char('\n')) < 40,
             qPrintable(snippet)); // short: modules become prefix rules
    const QString snippetPath = m_dir.filePath("snippet.py");
    const QString flagsPath = m_dir.filePath("flags.json");
    QFile snippetFile(snippetPath);
    QVERIFY(snippetFile.open(QIODevice::WriteOnly));
    snippetFile.write(snippet.toUtf8());
    snippetFile.close();
    QFile flagsFile(flagsPath);
    QVERIFY(flagsFile.open(QIODevice::WriteOnly));
    flagsFile.write(
        QJsonDocument(
            QJsonDocument::fromJson(FreezePlan::toJson(document)).object().value("requires_grad").toObject())
            .toJson());
    flagsFile.close();
    QString output;
    QVERIFY2(test::runPeer({"check-snippet", snippetPath, flagsPath}, &output) == 0,
             qPrintable(output + snippet));
}

QTEST_GUILESS_MAIN(TestFreezePlan)
#include "tst_freezeplan.moc"
