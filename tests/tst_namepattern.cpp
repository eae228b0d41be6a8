#include "document/namepattern.h"
#include "tensor/naturalorder.h"

#include <QTest>

using namespace torchscope;

class TestNamePattern : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matches_data();
    void matches();
    void naturalOrder_data();
    void naturalOrder();
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
    QTest::newRow("range: low end") << "layers.{0..23}.*" << false << "layers.0.mlp.weight" << true;
    QTest::newRow("range: high end") << "layers.{0..23}.*" << false << "layers.23.mlp.weight" << true;
    QTest::newRow("range: one past") << "layers.{0..23}.*" << false << "layers.24.mlp.weight" << false;
    QTest::newRow("range: a whole number only") << "layers.{0..3}*" << false << "layers.12.w" << false;
    QTest::newRow("range: digits after it") << "layer{1..2}.*" << false << "layer10.w" << false;
    QTest::newRow("range: reversed ends") << "h.{5..2}.w" << false << "h.3.w" << true;
    QTest::newRow("range: leading zero is not the number") << "h.{0..9}.w" << false << "h.07.w" << false;
    QTest::newRow("range beside a star") << "*.{2..3}" << false << "a.12.3" << true;
    QTest::newRow("two ranges") << "b{0..1}.l{4..6}" << false << "b1.l5" << true;
    QTest::newRow("braces without a range are literal") << "a{b}" << false << "a{b}" << true;
    QTest::newRow("half a range is literal") << "a{1..}" << false << "a{1..}" << true;
    QTest::newRow("a huge range is literal") << "a{0..999999999}" << false << "a5" << false;
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

void TestNamePattern::naturalOrder_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::newRow("numbers count") << "layers.2.w"
                                   << "layers.10.w";
    QTest::newRow("within a name") << "conv9"
                                   << "conv10";
    QTest::newRow("longer numbers than 64 bits") << "x.99999999999999999999"
                                                 << "x.100000000000000000000";
    QTest::newRow("text as text") << "a.bias"
                                  << "a.weight";
    QTest::newRow("a prefix first") << "layers"
                                    << "layers.0";
    QTest::newRow("equal numbers: plain order") << "x.01"
                                                << "x.1";
    QTest::newRow("dot before a digit") << "h.w"
                                        << "h0.w";
    QTest::newRow("digits before letters") << "h0"
                                           << "ha";
}

void TestNamePattern::naturalOrder()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QVERIFY(naturalLess(a, b));
    QVERIFY(!naturalLess(b, a));
    QVERIFY(!naturalLess(a, a));
}

QTEST_GUILESS_MAIN(TestNamePattern)
#include "tst_namepattern.moc"
