// The item models of a comparison: what the tree and the table show for every status, how they
// sort and how the filter narrows them.

#include "diff/difftree.h"
#include "itemmodels/diffmodels.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

using namespace torchscope;
using namespace torchscope::test;

namespace {

QByteArray floats(const QVector<float> &values)
{
    return QByteArray(reinterpret_cast<const char *>(values.constData()), values.size() * int(sizeof(float)));
}

TensorInfo tensor(const QString &name, const QVector<float> &values, bool flag = false, bool stored = false)
{
    TensorInfo t = tensorFromBytes(name, DType::Float32, {qint64(values.size())}, floats(values));
    t.hasRequiresGrad = stored;
    t.requiresGrad = flag;
    return t;
}

// One tensor of every status, in a tree two levels deep:
//   enc.0.w   identical        enc.0.b   changed (and requires_grad True -> False)
//   enc.1.w   shape differs    dec.w     converted (float32 -> float16)
//   head.w    only in A        extra.w   only in B
std::shared_ptr<const ComparisonResult> everyStatus()
{
    auto a = std::make_shared<DiffSide>();
    auto b = std::make_shared<DiffSide>();
    a->label = QStringLiteral("a.pt");
    b->label = QStringLiteral("b.pt");
    a->tensors = {tensor("enc.0.w", {1, 2}), tensor("enc.0.b", {1, 2}, true, true), tensor("enc.1.w", {1, 2}),
                  tensor("dec.w", {1, 2}), tensor("head.w", {0, 0})};
    a->modules = {{QString(), QStringLiteral("__main__.Net")},
                  {QStringLiteral("enc"), QStringLiteral("torch.nn.Sequential")}};
    QByteArray halves(4, '\0');
    const quint16 one = 0x3c00, two = 0x4000;
    std::memcpy(halves.data(), &one, 2);
    std::memcpy(halves.data() + 2, &two, 2);
    b->tensors = {tensor("enc.0.w", {1, 2}), tensor("enc.0.b", {1, 3}, false, true),
                  tensor("enc.1.w", {1, 2, 3}), tensorFromBytes("dec.w", DType::Float16, {2}, halves),
                  tensor("extra.w", {5})};
    auto result = std::make_shared<ComparisonResult>();
    if (!ComparisonResult::compute(a, b, DiffOptions(), Progress(), result.get()))
        qFatal("canceled");
    return result;
}

int rowOf(const QAbstractItemModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, DiffTableModel::NameColumn).data().toString() == name)
            return row;
    return -1;
}

} // namespace

class TestDiffModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tableShowsEveryStatus_data();
    void tableShowsEveryStatus();
    void tableSortsByNumbersAndTooltipsExplain();
    void treeRollsUpAndColours();
    void filterNarrowsToModuleAndDifferences();
    void headersAndOutOfRange();
};

void TestDiffModels::tableShowsEveryStatus_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<DiffStatus>("status");
    QTest::addColumn<QString>("statusText");
    QTest::addColumn<QString>("dtype");
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("maxAbs");
    QTest::addColumn<QString>("changed");
    QTest::addColumn<QString>("requiresGrad");
    QTest::newRow("identical") << "enc.0.w" << DiffStatus::Identical << "identical (bits)"
                               << "float32"
                               << "[2]"
                               << "0"
                               << "0.00%"
                               << "";
    QTest::newRow("changed") << "enc.0.b" << DiffStatus::Changed << "changed"
                             << "float32"
                             << "[2]"
                             << "1"
                             << "50.00%"
                             << "True → False";
    QTest::newRow("shape differs") << "enc.1.w" << DiffStatus::ShapeDiffers << "shape differs"
                                   << "float32"
                                   << "[2] → [3]"
                                   << ""
                                   << ""
                                   << "";
    QTest::newRow("converted") << "dec.w" << DiffStatus::DtypeDiffers << "converted (dtype differs)"
                               << "float32 → float16"
                               << "[2]"
                               << "0"
                               << "0.00%"
                               << "";
    QTest::newRow("only in A") << "head.w" << DiffStatus::OnlyInA << "only in A"
                               << "float32"
                               << "[2]"
                               << ""
                               << ""
                               << "";
    QTest::newRow("only in B") << "extra.w" << DiffStatus::OnlyInB << "only in B"
                               << "float32"
                               << "[1]"
                               << ""
                               << ""
                               << "";
}

void TestDiffModels::tableShowsEveryStatus()
{
    QFETCH(QString, name);
    QFETCH(DiffStatus, status);
    QFETCH(QString, statusText);
    QFETCH(QString, dtype);
    QFETCH(QString, shape);
    QFETCH(QString, maxAbs);
    QFETCH(QString, changed);
    QFETCH(QString, requiresGrad);
    DiffTableModel model;
    // Every change the test makes is checked against the item-model contract as it happens.
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResult(everyStatus());
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.columnCount(), int(DiffTableModel::ColumnCount));
    const int row = rowOf(model, name);
    QVERIFY(row >= 0);
    auto cell = [&](int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
    QCOMPARE(cell(DiffTableModel::StatusColumn).toString(), statusText);
    QCOMPARE(cell(DiffTableModel::StatusColumn, Qt::DecorationRole).value<QColor>(), diffStatusColor(status));
    QCOMPARE(cell(DiffTableModel::StatusColumn, DiffTableModel::SortRole).toInt(), int(status));
    QCOMPARE(cell(DiffTableModel::DTypeColumn).toString(), dtype);
    QCOMPARE(cell(DiffTableModel::ShapeColumn).toString(), shape);
    QCOMPARE(cell(DiffTableModel::MaxAbsColumn).toString(), maxAbs);
    QCOMPARE(cell(DiffTableModel::ChangedColumn).toString(), changed);
    QCOMPARE(cell(DiffTableModel::RequiresGradColumn).toString(), requiresGrad);
    QCOMPARE(cell(DiffTableModel::NameColumn, DiffTableModel::NameRole).toString(), name);
    QCOMPARE(cell(DiffTableModel::NameColumn, DiffTableModel::DiffIndexRole).toInt(), row);
    QCOMPARE(cell(DiffTableModel::NameColumn, DiffTableModel::DifferentRole).toBool(),
             status != DiffStatus::Identical);
    // Identical rows are greyed; the numbers are right-aligned.
    QCOMPARE(cell(DiffTableModel::NameColumn, Qt::ForegroundRole).isValid(), status == DiffStatus::Identical);
    QVERIFY(cell(DiffTableModel::MaxAbsColumn, Qt::TextAlignmentRole).isValid());
    QVERIFY(!cell(DiffTableModel::NameColumn, Qt::TextAlignmentRole).isValid());
    // Statistics only where there are any: no number to sort by sorts below zero.
    const bool stats = !maxAbs.isEmpty();
    for (int column : {int(DiffTableModel::MaxAbsColumn), int(DiffTableModel::MeanAbsColumn),
                       int(DiffTableModel::RelL2Column), int(DiffTableModel::ChangedColumn),
                       int(DiffTableModel::CosineColumn)}) {
        QCOMPARE(cell(column).toString().isEmpty(), !stats);
        QCOMPARE(cell(column, DiffTableModel::SortRole).toDouble() >= 0, stats);
    }
}

void TestDiffModels::tableSortsByNumbersAndTooltipsExplain()
{
    DiffTableModel model;
    // Every change the test makes is checked against the item-model contract as it happens.
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResult(everyStatus());
    DiffFilterModel filter;
    // Every change the test makes is checked against the item-model contract as it happens.
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&model);
    filter.sort(DiffTableModel::MaxAbsColumn, Qt::DescendingOrder);
    QCOMPARE(filter.index(0, DiffTableModel::NameColumn).data().toString(), QStringLiteral("enc.0.b"));
    filter.sort(DiffTableModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(filter.index(0, DiffTableModel::NameColumn).data().toString(), QStringLiteral("dec.w"));
    const int changed = rowOf(model, "enc.0.b");
    const int identical = rowOf(model, "enc.0.w");
    QCOMPARE(model.index(changed, DiffTableModel::StatusColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("1 of 2 elements differ"));
    QCOMPARE(model.index(identical, DiffTableModel::StatusColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Identical bit for bit"));
    QVERIFY(!model.index(identical, DiffTableModel::NameColumn).data(Qt::ToolTipRole).isValid());
    // The cosine of a changed tensor: exact to six places.
    QCOMPARE(model.index(changed, DiffTableModel::CosineColumn).data().toString(),
             QLocale().toString(7.0 / std::sqrt(5.0 * 10.0), 'f', 6));
    // An all-zero A makes the relative change infinite and the cosine undefined.
    auto a = std::make_shared<DiffSide>();
    auto b = std::make_shared<DiffSide>();
    a->tensors = {tensor("z", {0, 0})};
    b->tensors = {tensor("z", {0, 1})};
    auto zero = std::make_shared<ComparisonResult>();
    QVERIFY(ComparisonResult::compute(a, b, DiffOptions(), Progress(), zero.get()));
    model.setResult(zero);
    QCOMPARE(model.index(0, DiffTableModel::RelL2Column).data().toString(), QStringLiteral("∞"));
    QCOMPARE(model.index(0, DiffTableModel::CosineColumn).data().toString(), QStringLiteral("—"));
    QCOMPARE(model.index(0, DiffTableModel::CosineColumn).data(DiffTableModel::SortRole).toDouble(), -1.0);
}

void TestDiffModels::treeRollsUpAndColours()
{
    DiffTreeModel model;
    // Every change the test makes is checked against the item-model contract as it happens.
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const std::shared_ptr<const ComparisonResult> result = everyStatus();
    model.setResult(result);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex root = model.index(0, 0);
    QCOMPARE(root.data().toString(), QStringLiteral("(model)"));
    QCOMPARE(root.siblingAtColumn(DiffTreeModel::TypeColumn).data().toString(), QStringLiteral("Net"));
    QCOMPARE(root.siblingAtColumn(DiffTreeModel::DifferentColumn).data().toString(),
             QStringLiteral("5 of 6"));
    QCOMPARE(model.rowCount(root), 4); // enc, dec, head, extra: A's modules first, then as names come
    const QModelIndex enc = model.index(0, 0, root);
    QCOMPARE(enc.data().toString(), QStringLiteral("enc"));
    QCOMPARE(enc.siblingAtColumn(DiffTreeModel::TypeColumn).data().toString(), QStringLiteral("Sequential"));
    QCOMPARE(model.rowCount(enc), 2);
    QCOMPARE(model.rowCount(enc.siblingAtColumn(1)), 0); // only the first column has children
    const QModelIndex enc0 = model.index(0, 0, enc);
    const QModelIndex enc1 = model.index(1, 0, enc);
    QCOMPARE(model.parent(enc1), enc);
    QCOMPARE(model.parent(enc1).row(), 0);
    QCOMPARE(enc0.data(DiffTreeModel::PathRole).toString(), QStringLiteral("enc.0"));
    // enc.0 holds an identical and a changed tensor: changed, 1 of 2, the changed one's relative change.
    QCOMPARE(enc0.data(Qt::DecorationRole).value<QColor>(), diffStatusColor(DiffStatus::Changed));
    QCOMPARE(enc0.data(Qt::ToolTipRole).toString(), QStringLiteral("1 identical, 1 changed"));
    QCOMPARE(enc0.siblingAtColumn(DiffTreeModel::DifferentColumn).data().toString(),
             QStringLiteral("1 of 2"));
    const TensorDiff *changed = nullptr;
    for (const TensorDiff &d : result->comparison.tensors)
        if (d.name == QLatin1String("enc.0.b"))
            changed = &d;
    QVERIFY(changed);
    QCOMPARE(enc0.siblingAtColumn(DiffTreeModel::LargestChangeColumn).data().toString(),
             QLocale().toString(changed->relL2, 'g', 4));
    // Subtrees of one status take its colour; with nothing compared there is no largest change.
    const QModelIndex enc1Status = enc1.siblingAtColumn(DiffTreeModel::StatusColumn);
    QCOMPARE(enc1Status.data().toString(), diffStatusText(DiffStatus::ShapeDiffers));
    QCOMPARE(enc1.siblingAtColumn(DiffTreeModel::LargestChangeColumn).data().toString(), QString());
    for (int row = 1; row < 4; ++row) {
        const QModelIndex child = model.index(row, 0, root);
        const DiffModule *module = model.module(child);
        QVERIFY(module);
        QCOMPARE(child.data(Qt::DecorationRole).value<QColor>(), diffStatusColor(module->status()));
        QCOMPARE(model.indexOf(module), child);
    }
    QCOMPARE(model.index(0, 0, root).data(Qt::ForegroundRole).isValid(), false);
    QVERIFY(!model.index(9, 0, root).isValid());
    QVERIFY(!model.index(1, 0).isValid());
    QVERIFY(!model.parent(root).isValid());
}

void TestDiffModels::filterNarrowsToModuleAndDifferences()
{
    DiffTableModel model;
    // Every change the test makes is checked against the item-model contract as it happens.
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResult(everyStatus());
    DiffFilterModel filter;
    // Every change the test makes is checked against the item-model contract as it happens.
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&model);
    QCOMPARE(filter.rowCount(), 6);
    filter.setOnlyDifferent(true);
    QVERIFY(filter.onlyDifferent());
    QCOMPARE(filter.rowCount(), 5);
    filter.setModulePath(QStringLiteral("enc"));
    QCOMPARE(filter.rowCount(), 2); // enc.0.b changed, enc.1.w reshaped
    filter.setOnlyDifferent(false);
    QCOMPARE(filter.rowCount(), 3);
    // A path matches whole parts only: "enc.0" is not "enc.0x".
    filter.setModulePath(QStringLiteral("enc.0"));
    QCOMPARE(filter.rowCount(), 2);
    filter.setModulePath(QStringLiteral("en"));
    QCOMPARE(filter.rowCount(), 0);
    filter.setModulePath(QString());
    QCOMPARE(filter.rowCount(), 6);
}

void TestDiffModels::headersAndOutOfRange()
{
    DiffTableModel table;
    // Every change the test makes is checked against the item-model contract as it happens.
    QAbstractItemModelTester tableTester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
    DiffTreeModel tree;
    // Every change the test makes is checked against the item-model contract as it happens.
    QAbstractItemModelTester treeTester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(table.rowCount(), 0);
    QCOMPARE(tree.rowCount(), 0);
    QVERIFY(!tree.index(0, 0).isValid());
    QVERIFY(!table.index(0, 0).data().isValid());
    QStringList tableHeaders, treeHeaders;
    for (int c = 0; c < DiffTableModel::ColumnCount; ++c)
        tableHeaders << table.headerData(c, Qt::Horizontal).toString();
    for (int c = 0; c < DiffTreeModel::ColumnCount; ++c)
        treeHeaders << tree.headerData(c, Qt::Horizontal).toString();
    QCOMPARE(tableHeaders, QStringList({"Name", "Status", "Dtype", "Shape", "Max |a−b|", "Mean |a−b|",
                                        "Rel. L2", "Changed", "Cosine", "requires_grad"}));
    QCOMPARE(treeHeaders, QStringList({"Module", "Type", "Status", "Differ", "Largest rel. change"}));
    QCOMPARE(table.headerData(DiffTableModel::RelL2Column, Qt::Horizontal, Qt::ToolTipRole).toString(),
             QStringLiteral("||a − b|| / ||a||"));
    QVERIFY(!table.headerData(DiffTableModel::NameColumn, Qt::Horizontal, Qt::ToolTipRole).isValid());
    QVERIFY(!table.headerData(DiffTableModel::ColumnCount, Qt::Horizontal).isValid());
    QVERIFY(!tree.headerData(DiffTreeModel::ColumnCount, Qt::Horizontal).isValid());
    QVERIFY(!table.headerData(0, Qt::Vertical).isValid());
    QVERIFY(!tree.headerData(0, Qt::Vertical).isValid());
}

QTEST_GUILESS_MAIN(TestDiffModels)
#include "tst_diffmodels.moc"
