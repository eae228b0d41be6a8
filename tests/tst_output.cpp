// The output layer: RFC 4180 CSV and the statistics' JSON every export shares.
#include "output/csvwriter.h"
#include "output/statisticsjson.h"
#include "stats/tensorstats.h"

#include <QJsonValue>
#include <QTest>

#include <cmath>
#include <limits>

using namespace torchscope;

class TestOutput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvQuotesWhatMustBeQuoted_data();
    void csvQuotesWhatMustBeQuoted();
    void csvNumbersReadBackExactly();
    void csvRecordsEndInCrlf();
    void statisticsJsonNullsWhatDoesNotExist_data();
    void statisticsJsonNullsWhatDoesNotExist();
};

void TestOutput::csvQuotesWhatMustBeQuoted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("field");
    QTest::newRow("plain") << "layer1.0.weight" << QByteArray("layer1.0.weight");
    QTest::newRow("empty") << "" << QByteArray("");
    QTest::newRow("comma") << "a,b" << QByteArray("\"a,b\"");
    QTest::newRow("quote") << "say \"hi\"" << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("line feed") << "a\nb" << QByteArray("\"a\nb\"");
    QTest::newRow("carriage return") << "a\rb" << QByteArray("\"a\rb\"");
    QTest::newRow("spaces stay") << " a b " << QByteArray(" a b ");
    QTest::newRow("UTF-8") << QString::fromUtf8("權重,ä") << QString::fromUtf8("\"權重,ä\"").toUtf8();
}

void TestOutput::csvQuotesWhatMustBeQuoted()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, field);
    CsvWriter csv;
    csv.field(text);
    csv.field("next");
    csv.endRow();
    QCOMPARE(csv.bytes(), field + ",next\r\n");
}

void TestOutput::csvNumbersReadBackExactly()
{
    CsvWriter csv;
    const double third = 1.0 / 3.0;
    csv.number(third);
    csv.number(std::numeric_limits<double>::infinity());
    csv.number(-std::numeric_limits<double>::infinity());
    csv.number(std::numeric_limits<double>::quiet_NaN());
    csv.number(qint64(-9007199254740993));
    csv.number(0.0);
    csv.endRow();
    const QList<QByteArray> fields = csv.bytes().chopped(2).split(',');
    QCOMPARE(fields.size(), 6);
    QCOMPARE(fields[0].toDouble(), third); // 17 digits: the same double
    QCOMPARE(fields[1], QByteArray("inf"));
    QCOMPARE(fields[2], QByteArray("-inf"));
    QCOMPARE(fields[3], QByteArray()); // NaN: no value
    QCOMPARE(fields[4], QByteArray("-9007199254740993"));
    QCOMPARE(fields[5], QByteArray("0"));
}

void TestOutput::csvRecordsEndInCrlf()
{
    CsvWriter csv;
    csv.field("a");
    csv.empty();
    csv.endRow();
    csv.empty();
    csv.field("b");
    csv.endRow();
    QCOMPARE(csv.bytes(), QByteArray("a,\r\n,b\r\n"));
    // Taken in parts (a writer streaming to a file), the parts join to the same bytes.
    const QByteArray first = csv.take();
    QVERIFY(csv.bytes().isEmpty());
    csv.field("c");
    csv.endRow();
    QCOMPARE(first + csv.take(), QByteArray("a,\r\n,b\r\nc\r\n"));
}

void TestOutput::statisticsJsonNullsWhatDoesNotExist_data()
{
    QTest::addColumn<qint64>("count");
    QTest::addColumn<qint64>("finite");
    QTest::addColumn<bool>("hasData");
    QTest::addColumn<bool>("moments");      // min ... l2_norm are numbers
    QTest::addColumn<bool>("zeroFraction"); // zero_fraction is a number
    QTest::newRow("values") << qint64(4) << qint64(4) << true << true << true;
    QTest::newRow("all NaN") << qint64(4) << qint64(0) << true << false << true;
    QTest::newRow("empty tensor") << qint64(0) << qint64(0) << true << false << false;
    QTest::newRow("no data in the file") << qint64(4) << qint64(4) << false << false << false;
}

void TestOutput::statisticsJsonNullsWhatDoesNotExist()
{
    QFETCH(qint64, count);
    QFETCH(qint64, finite);
    QFETCH(bool, hasData);
    QFETCH(bool, moments);
    QFETCH(bool, zeroFraction);
    TensorStats stats;
    stats.count = count;
    stats.finite = finite;
    stats.nanCount = count - finite;
    stats.zeroCount = finite > 0 ? 1 : 0;
    stats.min = -1;
    stats.max = 2;
    stats.mean = 0.5;
    stats.std = 1.25;
    stats.l2Norm = 3;
    const QJsonObject json = statisticsJson(stats, hasData);
    QStringList keys = json.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{"inf_count", "l2_norm", "max", "mean", "min", "nan_count", "std",
                                "zero_fraction"}));
    const double want[] = {-1, 2, 0.5, 1.25, 3};
    int i = 0;
    for (const char *key : {"min", "max", "mean", "std", "l2_norm"}) {
        const QJsonValue value = json.value(QLatin1String(key));
        QVERIFY2(moments ? value.toDouble() == want[i] : value.isNull(), key);
        ++i;
    }
    const QJsonValue fraction = json.value("zero_fraction");
    QVERIFY(zeroFraction ? fraction.toDouble() == double(stats.zeroCount) / double(count)
                         : fraction.isNull());
    QCOMPARE(json.value("nan_count").toInteger(), count - finite);
    QCOMPARE(json.value("inf_count").toInteger(), qint64(0));
}

QTEST_GUILESS_MAIN(TestOutput)
#include "tst_output.moc"
