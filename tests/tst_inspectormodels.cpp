// The inspector's item models: TensorValuesModel (a virtual plane of any tensor) and HealthReportModel.

#include "inspect/elementvalue.h"
#include "inspect/spectrum.h"
#include "itemmodels/healthreportmodel.h"
#include "itemmodels/tensorvaluesmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <cmath>
#include <limits>

using namespace torchscope;

namespace {

// arange(24) as float32 [2, 3, 4], and views of it as PyTorch makes them.
TensorInfo arange()
{
    return test::makeTensor(QStringLiteral("t"), TensorKind::Parameter, {2, 3, 4});
}

TensorInfo view(const QVector<qint64> &shape, const QVector<qint64> &strides, qint64 offset)
{
    TensorInfo t = arange();
    t.shape = shape;
    t.strides = strides;
    t.storageOffset = offset;
    return t;
}

} // namespace

class TestInspectorModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void planeOfEveryRank_data();
    void planeOfEveryRank();
    void axesAndFixedIndices();
    void cellOfMovesThePlane();
    void heatColours();
    void reportSortsNumbersAndFlags();
};

void TestInspectorModels::planeOfEveryRank_data()
{
    QTest::addColumn<TensorInfo>("tensor");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::addColumn<QStringList>("firstRow"); // texts of row 0
    QTest::newRow("3-D, last two axes") << arange() << 3 << 4 << QStringList{"0", "1", "2", "3"};
    QTest::newRow("transposed view") << view({4, 3}, {1, 4}, 0) << 4 << 3 << QStringList{"0", "4", "8"};
    QTest::newRow("strided with offset") << view({2, 2}, {12, 2}, 13) << 2 << 2 << QStringList{"13", "15"};
    QTest::newRow("1-D: one column") << view({5}, {2}, 1) << 5 << 1 << QStringList{"1"};
    QTest::newRow("0-D: one cell") << view({}, {}, 7) << 1 << 1 << QStringList{"7"};
    QTest::newRow("empty") << view({0, 4}, {4, 1}, 0) << 0 << 4 << QStringList{};
}

void TestInspectorModels::planeOfEveryRank()
{
    QFETCH(TensorInfo, tensor);
    QFETCH(int, rows);
    QFETCH(int, columns);
    QFETCH(QStringList, firstRow);
    TensorValuesModel model;
    // Every change the test makes is checked against the item-model contract as it happens.
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTensor(tensor);
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(model.columnCount(), columns);
    QStringList texts;
    for (int c = 0; rows > 0 && c < (firstRow.isEmpty() ? 0 : columns); ++c)
        texts << model.index(0, c).data().toString();
    QCOMPARE(texts, firstRow);
    if (rows > 0) {
        // The tooltip names the element and its exact value; RoundTripRole reads back the same.
        const QString tip = model.index(rows - 1, columns - 1).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("exact:")) && tip.contains(QStringLiteral("bits: 0x")),
                 qPrintable(tip));
    }
}

void TestInspectorModels::axesAndFixedIndices()
{
    TensorValuesModel model;
    // Every change the test makes is checked against the item-model contract as it happens.
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTensor(arange());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // Axis 0 as rows, axis 2 as columns; axis 1 fixed at 2: element [r, 2, c] = 12 r + 8 + c.
    model.setAxes(0, 2);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 4);
    model.setFixedIndex(1, 2);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(1, 3).data().toString(), QStringLiteral("23"));
    QCOMPARE(model.elementIndex(1, 3), (QVector<qint64>{1, 2, 3}));
    // Rejected: the same axis twice, an index out of range, fixing a shown axis.
    model.setAxes(1, 1);
    model.setFixedIndex(1, 3);
    model.setFixedIndex(0, 1);
    QCOMPARE(model.rowAxis(), 0);
    QCOMPARE(model.fixedIndex(1), qint64(2));
    QCOMPARE(reset.count(), 1);
    // Swapped axes show the transpose.
    model.setAxes(2, 0);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(3, 1).data().toString(), QStringLiteral("23"));
    QCOMPARE(model.headerData(3, Qt::Vertical).toString(), QStringLiteral("3"));
}

void TestInspectorModels::cellOfMovesThePlane()
{
    TensorValuesModel model;
    // Every change the test makes is checked against the item-model contract as it happens.
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTensor(arange());
    QVERIFY(!model.cellOf({1, 2, 3}, false).isValid()); // plane 0 shows [0, :, :]
    const QModelIndex cell = model.cellOf({1, 2, 3}, true);
    QVERIFY(cell.isValid());
    QCOMPARE(model.fixedIndex(0), qint64(1));
    QCOMPARE(cell.data().toString(), QStringLiteral("23"));
    QVERIFY(!model.cellOf({1, 2}, true).isValid()); // wrong rank
}

void TestInspectorModels::heatColours()
{
    TensorValuesModel model;
    // Every change the test makes is checked against the item-model contract as it happens.
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTensor(arange());
    QVERIFY(!model.index(0, 0).data(Qt::BackgroundRole).isValid()); // off until asked
    model.setHeatMap(true);
    QVERIFY(!model.index(0, 0).data(Qt::BackgroundRole).isValid()); // and until the range is known
    model.setHeatRange(-10, 20);
    // Diverging around zero, each side scaled by the larger magnitude; NaN grey.
    QCOMPARE(model.heatColor(0), QColor(247, 247, 247));
    QCOMPARE(model.heatColor(20), QColor(180, 4, 38));
    QVERIFY(model.heatColor(-10).blue() > model.heatColor(-10).red());
    QVERIFY(model.heatColor(-20).blue() > model.heatColor(-10).blue() ||
            model.heatColor(-20) == QColor(59, 76, 192));
    QCOMPARE(model.heatColor(std::numeric_limits<double>::quiet_NaN()), QColor(200, 200, 200));
    QCOMPARE(model.index(2, 3).data(Qt::BackgroundRole).value<QColor>(), model.heatColor(11));
    // One-signed ranges run white to red.
    model.setHeatRange(5, 15);
    QCOMPARE(model.heatColor(5), QColor(247, 247, 247));
    QCOMPARE(model.heatColor(15), QColor(180, 4, 38));
}

void TestInspectorModels::reportSortsNumbersAndFlags()
{
    QVector<TensorHealth> report(3);
    const double norms[] = {10, 2, 300};
    for (int i = 0; i < 3; ++i) {
        report[i].name = QStringLiteral("t%1").arg(i);
        report[i].dtype = DType::Float32;
        report[i].numel = 4;
        report[i].hasData = true;
        report[i].stats.count = report[i].stats.finite = 4;
        report[i].stats.l2Norm = norms[i];
    }
    report[2].flags = QStringList{QStringLiteral("norm_outlier")};
    HealthReportModel model;
    // Every change the test makes is checked against the item-model contract as it happens.
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReport(report, {5, 6, 7});
    QCOMPARE(model.flaggedCount(), 1);
    QCOMPARE(model.tensorIndex(1), 6);
    QCOMPARE(model.rowOfTensor(7), 2);
    QVERIFY(model.index(2, HealthReportModel::FlagsColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("siblings")));
    QVERIFY(model.index(2, 0).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(0, 0).data(Qt::BackgroundRole).isValid());
    HealthReportFilter proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(HealthReportModel::NormColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("t2")); // 300 before 10: numbers, not text
    QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("t1"));
    // The window's filter: by name in any case, and only the flagged.
    proxy.setFilter(QStringLiteral("T1"), false);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("t1"));
    proxy.setFilter(QString(), true);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("t2"));
    proxy.setFilter(QString(), false);
    QCOMPARE(proxy.rowCount(), 3);
    // Spectrum columns fill in when computed.
    QVERIFY(model.index(0, HealthReportModel::AlphaColumn).data().toString().isEmpty());
    Spectrum spectrum;
    spectrum.singularValues = {4, 2, 1};
    spectrum.summarize();
    model.setSpectrum(0, spectrum);
    QVERIFY(model.hasSpectrum(0));
    QCOMPARE(model.index(0, HealthReportModel::StableRankColumn).data(HealthReportModel::SortRole).toDouble(),
             21.0 / 16.0);
}

QTEST_GUILESS_MAIN(TestInspectorModels)
#include "tst_inspectormodels.moc"
