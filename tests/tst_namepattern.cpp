#include "document/namepattern.h"

#include <QTest>

using namespace torchscope;

class TestNamePattern : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matches_data();
    void matches();
};

void TestNamePattern::matches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("expected");

    QTest::newRow("star matches across dots") << "*" << false << "layer1.0.weight" << true;
    QTest::newRow("prefix glob") << "fc.*" << false << "fc.weight" << true;
    QTest::newRow("glob is anchored at the start") << "fc.*" << false << "head.fc.weight" << false;
    QTest::newRow("glob is anchored at the end") << "*.bias" << false << "fc.bias_extra" << false;
    QTest::newRow("dot is literal") << "fc.*" << false << "fcXweight" << false;
    QTest::newRow("question mark") << "layer?.0.weight" << false << "layer2.0.weight" << true;
    QTest::newRow("character class") << "layer[12].*" << false << "layer2.1.bias" << true;
    QTest::newRow("negated class") << "layer[!12].*" << false << "layer2.1.bias" << false;
    QTest::newRow("negated class matches others") << "layer[!12].*" << false << "layer3.1.bias" << true;
    QTest::newRow("unclosed bracket is literal") << "a[b" << false << "a[b" << true;
    QTest::newRow("regex special chars in glob") << "a+b(c)" << false << "a+b(c)" << true;
    QTest::newRow("regex anchored") << "layer\\d\\.0\\..*" << true << "xlayer1.0.weight" << false;
    QTest::newRow("regex matches") << "layer\\d\\.0\\..*" << true << "layer1.0.weight" << true;
}

void TestNamePattern::matches()
{
    QFETCH(QString, pattern);
    QFETCH(bool, regex);
    QFETCH(QString, name);
    QFETCH(bool, expected);
    const NamePattern p(pattern, regex ? NamePattern::Syntax::RegularExpression : NamePattern::Syntax::Glob);
    QVERIFY(p.isValid());
    QCOMPARE(p.matches(name), expected);
}

QTEST_GUILESS_MAIN(TestNamePattern)
#include "tst_namepattern.moc"
