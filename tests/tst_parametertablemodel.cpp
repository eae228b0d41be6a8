#include "document/checkpointdocument.h"
#include "itemmodels/displayformat.h"
#include "itemmodels/moduletreemodel.h"
#include "itemmodels/parametertablemodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QUndoStack>

using namespace torchscope;

class TestParameterTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsAndSizesRead_data();
    void countsAndSizesRead();
    void passesModelTester();
    void rowsFollowSelectedModule_data();
    void rowsFollowSelectedModule();
    void columns();
    void checkboxEditsDocumentAndTreeFollows();
    void buffersHaveNoCheckbox();
    void sortsNumerically();
};

void TestParameterTableModel::passesModelTester()
{
    CheckpointDocument document(test::smallModelContent());
    ParameterTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(&document);
    model.setModule(document.findModule(QStringLiteral("encoder")));
    document.setRequiresGrad({0}, false);
    model.setModule(nullptr);
    model.setDocument(nullptr);
}

void TestParameterTableModel::rowsFollowSelectedModule_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("root shows everything in state_dict order")
        << QString()
        << QStringList{QStringLiteral("encoder.0.weight"),
                       QStringLiteral("encoder.0.bias"),
                       QStringLiteral("encoder.1.weight"),
                       QStringLiteral("encoder.1.bias"),
                       QStringLiteral("encoder.1.running_mean"),
                       QStringLiteral("head.weight"),
                       QStringLiteral("head.bias"),
                       QStringLiteral("decoder.weight")};
    QTest::newRow("names relative to the module")
        << QStringLiteral("encoder")
        << QStringList{QStringLiteral("0.weight"), QStringLiteral("0.bias"), QStringLiteral("1.weight"),
                       QStringLiteral("1.bias"), QStringLiteral("1.running_mean")};
    QTest::newRow("leaf") << QStringLiteral("head")
                          << QStringList{QStringLiteral("weight"), QStringLiteral("bias")};
}

void TestParameterTableModel::rowsFollowSelectedModule()
{
    QFETCH(QString, path);
    QFETCH(QStringList, names);
    CheckpointDocument document(test::smallModelContent());
    ParameterTableModel model;
    model.setDocument(&document);
    model.setModule(document.findModule(path));
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown << model.index(row, ParameterTableModel::NameColumn).data().toString();
    QCOMPARE(shown, names);
}

void TestParameterTableModel::columns()
{
    CheckpointDocument document(test::smallModelContent());
    ParameterTableModel model;
    model.setDocument(&document);
    auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(cell(0, ParameterTableModel::ShapeColumn), QStringLiteral("[4, 3]"));
    QCOMPARE(cell(0, ParameterTableModel::DTypeColumn), QStringLiteral("float32"));
    QCOMPARE(
        model.index(0, ParameterTableModel::NumelColumn).data(ParameterTableModel::SortRole).toLongLong(),
        qint64(12));
    QCOMPARE(
        model.index(0, ParameterTableModel::BytesColumn).data(ParameterTableModel::SortRole).toLongLong(),
        qint64(48));
    QCOMPARE(cell(0, ParameterTableModel::KindColumn), QStringLiteral("parameter"));
    QCOMPARE(cell(4, ParameterTableModel::KindColumn), QStringLiteral("buffer"));
    QVERIFY(cell(7, ParameterTableModel::KindColumn).contains(QStringLiteral("tied to encoder.0.weight")));
    QCOMPARE(model.headerData(ParameterTableModel::RequiresGradColumn, Qt::Horizontal).toString(),
             QStringLiteral("requires_grad"));
}

void TestParameterTableModel::checkboxEditsDocumentAndTreeFollows()
{
    CheckpointDocument document(test::smallModelContent());
    ParameterTableModel table;
    ModuleTreeModel tree;
    table.setDocument(&document);
    tree.setDocument(&document);
    QSignalSpy tableSpy(&table, &QAbstractItemModel::dataChanged);
    const QModelIndex box = table.index(5, ParameterTableModel::RequiresGradColumn); // head.weight
    QCOMPARE(box.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(table.setData(box, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!document.requiresGrad(5));
    QCOMPARE(box.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(tableSpy.count(), 1);
    QCOMPARE(tableSpy.at(0).at(0).toModelIndex().row(), 5);
    const QModelIndex head = tree.indexOf(document.findModule(QStringLiteral("head")));
    QCOMPARE(head.data(Qt::CheckStateRole).toInt(), int(Qt::PartiallyChecked));

    // The other way: a tree edit repaints the table's checkboxes, including the tied twin.
    tableSpy.clear();
    QVERIFY(tree.setData(tree.indexOf(document.findModule(QStringLiteral("decoder"))), Qt::Unchecked,
                         Qt::CheckStateRole));
    QCOMPARE(table.index(0, ParameterTableModel::RequiresGradColumn).data(Qt::CheckStateRole).toInt(),
             int(Qt::Unchecked));
    QCOMPARE(table.index(7, ParameterTableModel::RequiresGradColumn).data(Qt::CheckStateRole).toInt(),
             int(Qt::Unchecked));
    QCOMPARE(tableSpy.count(), 1);
    QCOMPARE(tableSpy.at(0).at(0).toModelIndex().row(), 0);
    QCOMPARE(tableSpy.at(0).at(1).toModelIndex().row(), 7);

    document.undoStack()->undo();
    document.undoStack()->undo();
    QCOMPARE(box.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
}

void TestParameterTableModel::buffersHaveNoCheckbox()
{
    CheckpointDocument document(test::smallModelContent());
    ParameterTableModel model;
    model.setDocument(&document);
    const QModelIndex buffer = model.index(4, ParameterTableModel::RequiresGradColumn);
    QVERIFY(!buffer.data(Qt::CheckStateRole).isValid());
    QVERIFY(!(model.flags(buffer) & Qt::ItemIsUserCheckable));
    QVERIFY(!model.setData(buffer, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(buffer.data().toString(), QStringLiteral("buffer"));
}

void TestParameterTableModel::sortsNumerically()
{
    CheckpointDocument document(test::smallModelContent());
    ParameterTableModel model;
    model.setDocument(&document);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ParameterTableModel::SortRole);
    proxy.sort(ParameterTableModel::NumelColumn, Qt::DescendingOrder);
    QVector<qint64> numels;
    for (int row = 0; row < proxy.rowCount(); ++row)
        numels << proxy.index(row, ParameterTableModel::NumelColumn)
                      .data(ParameterTableModel::SortRole)
                      .toLongLong();
    QCOMPARE(numels, (QVector<qint64>{12, 12, 8, 4, 4, 4, 4, 2}));
}

void TestParameterTableModel::countsAndSizesRead_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<QString>("compact");
    QTest::addColumn<QString>("exact");
    QTest::addColumn<QString>("bytes");
    QTest::newRow("small: exact") << qint64(9408) << "9,408"
                                  << "9,408"
                                  << "9.2 KiB";
    QTest::newRow("below 100,000: exact") << qint64(99999) << "99,999"
                                          << "99,999"
                                          << "97.7 KiB";
    QTest::newRow("thousands") << qint64(131072) << "131.1 k"
                               << "131,072"
                               << "128.0 KiB";
    QTest::newRow("millions") << qint64(131072000) << "131.1 M"
                              << "131,072,000"
                              << "125.0 MiB";
    QTest::newRow("rounds up a unit") << qint64(999999999) << "1.00 B"
                                      << "999,999,999"
                                      << "953.7 MiB";
    QTest::newRow("billions") << qint64(6738415616) << "6.74 B"
                              << "6,738,415,616"
                              << "6.3 GiB";
    QTest::newRow("trillions") << qint64(1200000000000) << "1.20 T"
                               << "1,200,000,000,000"
                               << "1.1 TiB";
    QTest::newRow("bytes") << qint64(512) << "512"
                           << "512"
                           << "512 bytes";
    QTest::newRow("negative") << qint64(-250000) << "-250.0 k"
                              << "-250,000"
                              << "-244.1 KiB";
}

void TestParameterTableModel::countsAndSizesRead()
{
    QFETCH(qint64, value);
    QFETCH(QString, compact);
    QFETCH(QString, exact);
    QFETCH(QString, bytes);
    QCOMPARE(DisplayFormat::compactCount(value), compact);
    QCOMPARE(DisplayFormat::count(value), exact);
    QCOMPARE(DisplayFormat::bytes(value), bytes);
}

QTEST_GUILESS_MAIN(TestParameterTableModel)
#include "tst_parametertablemodel.moc"
