#include "document/checkpointdocument.h"
#include "itemmodels/moduletreemodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <utility>

using namespace torchscope;

class TestModuleTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void passesModelTester();
    void showsCountsAndTypes();
    void triState_data();
    void triState();
    void checkingAModuleSetsItsSubtree();
    void editsRepaintOwnerAndAncestors();
    void weightsOnlyChecksMakeAPlan();
    void foldsRepeatedBlocks();
    void checkingFoldedBlocksIsOneEdit();

private:
    static QModelIndex indexFor(ModuleTreeModel &model, const QString &path, int column = 0);
};

QModelIndex TestModuleTreeModel::indexFor(ModuleTreeModel &model, const QString &path, int column)
{
    return model.indexOf(model.document()->findModule(path), column);
}

void TestModuleTreeModel::passesModelTester()
{
    CheckpointDocument document(test::smallModelContent());
    ModuleTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(&document);
    document.setRequiresGrad({0, 5}, false);
    document.undoStack()->undo();
    model.setDocument(nullptr);
}

void TestModuleTreeModel::showsCountsAndTypes()
{
    CheckpointDocument document(test::smallModelContent());
    ModuleTreeModel model;
    model.setDocument(&document);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex root = model.index(0, 0);
    QCOMPARE(model.rowCount(root), 3);
    QCOMPARE(model.index(0, ModuleTreeModel::TypeColumn, root).data().toString(),
             QStringLiteral("Sequential"));
    QCOMPARE(model.index(0, ModuleTreeModel::TypeColumn, root).data(Qt::ToolTipRole).toString(),
             QStringLiteral("torch.nn.modules.container.Sequential"));
    QCOMPARE(indexFor(model, QStringLiteral("encoder"), ModuleTreeModel::ParametersColumn)
                 .data(ModuleTreeModel::SortRole)
                 .toLongLong(),
             qint64(24));
    QCOMPARE(indexFor(model, QStringLiteral("encoder.0"), ModuleTreeModel::TrainableColumn)
                 .data(ModuleTreeModel::SortRole)
                 .toLongLong(),
             qint64(16));
    QCOMPARE(indexFor(model, QStringLiteral("encoder.1")).data(ModuleTreeModel::ModulePathRole).toString(),
             QStringLiteral("encoder.1"));
}

void TestModuleTreeModel::triState_data()
{
    QTest::addColumn<QVector<int>>("frozen");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("state");

    QTest::newRow("nothing frozen") << QVector<int>{} << QString() << int(Qt::Checked);
    QTest::newRow("one frozen: root partial") << QVector<int>{1} << QString() << int(Qt::PartiallyChecked);
    QTest::newRow("one frozen: its module partial")
        << QVector<int>{1} << QStringLiteral("encoder.0") << int(Qt::PartiallyChecked);
    QTest::newRow("one frozen: sibling untouched")
        << QVector<int>{1} << QStringLiteral("head") << int(Qt::Checked);
    QTest::newRow("module fully frozen")
        << QVector<int>{5, 6} << QStringLiteral("head") << int(Qt::Unchecked);
    QTest::newRow("tie freezes the other module")
        << QVector<int>{0} << QStringLiteral("decoder") << int(Qt::Unchecked);
    QTest::newRow("all frozen") << QVector<int>{0, 1, 2, 3, 5, 6} << QString() << int(Qt::Unchecked);
}

void TestModuleTreeModel::triState()
{
    QFETCH(QVector<int>, frozen);
    QFETCH(QString, path);
    QFETCH(int, state);
    CheckpointDocument document(test::smallModelContent());
    ModuleTreeModel model;
    model.setDocument(&document);
    document.setRequiresGrad(frozen, false);
    QCOMPARE(indexFor(model, path).data(Qt::CheckStateRole).toInt(), state);
}

void TestModuleTreeModel::checkingAModuleSetsItsSubtree()
{
    CheckpointDocument document(test::smallModelContent());
    ModuleTreeModel model;
    model.setDocument(&document);
    const QModelIndex encoder = indexFor(model, QStringLiteral("encoder"));
    QVERIFY(model.flags(encoder) & Qt::ItemIsUserCheckable);
    QVERIFY(model.setData(encoder, Qt::Unchecked, Qt::CheckStateRole));
    for (int i : document.tensorsInSubtree(document.findModule(QStringLiteral("encoder"))))
        QVERIFY(!document.requiresGrad(i));
    QVERIFY(document.requiresGrad(5));
    QCOMPARE(document.undoStack()->count(), 1);
    // A partial module goes to fully trainable when checked, as a click on a partial box does.
    QCOMPARE(indexFor(model, QString()).data(Qt::CheckStateRole).toInt(), int(Qt::PartiallyChecked));
    QVERIFY(model.setData(indexFor(model, QString()), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(document.totals().trainable, document.totals().parameters);
}

void TestModuleTreeModel::editsRepaintOwnerAndAncestors()
{
    CheckpointDocument document(test::smallModelContent());
    ModuleTreeModel model;
    model.setDocument(&document);
    QSignalSpy spy(&model, &QAbstractItemModel::dataChanged);
    document.setRequiresGrad({2}, false); // encoder.1.weight
    QSet<QString> repainted;
    for (const QList<QVariant> &arguments : std::as_const(spy)) {
        const QModelIndex topLeft = arguments.at(0).toModelIndex();
        const QModelIndex bottomRight = arguments.at(1).toModelIndex();
        QCOMPARE(topLeft.column(), 0);
        QCOMPARE(bottomRight.column(), ModuleTreeModel::ColumnCount - 1);
        repainted.insert(model.moduleAt(topLeft)->path());
    }
    QCOMPARE(repainted, (QSet<QString>{QStringLiteral("encoder.1"), QStringLiteral("encoder"), QString()}));
}

// A weights-only file keeps no flags, but its tree has the same checks, for a freeze plan.
void TestModuleTreeModel::weightsOnlyChecksMakeAPlan()
{
    CheckpointContent content;
    content.format = CheckpointFormat::StateDict;
    content.tensors.push_back(test::makeTensor(QStringLiteral("a.weight"), TensorKind::Tensor, {2}));
    content.tensors.back().hasRequiresGrad = false;
    CheckpointDocument document(std::move(content));
    ModuleTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(&document);
    const QModelIndex a = indexFor(model, QStringLiteral("a"));
    QCOMPARE(a.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(model.flags(a) & Qt::ItemIsUserCheckable);
    QVERIFY(model.setData(a, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(a.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(!document.requiresGrad(0));
}

void TestModuleTreeModel::foldsRepeatedBlocks()
{
    CheckpointDocument document(test::blockModelContent());
    ModuleTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(&document);
    const QModelIndex layers = indexFor(model, QStringLiteral("layers"));
    QCOMPARE(model.rowCount(layers), 13);

    model.setFoldRepeatedBlocks(true);
    const QModelIndex folded = indexFor(model, QStringLiteral("layers"));
    // Blocks 0-11 share a structure; block 12 differs and keeps its own row.
    QCOMPARE(model.rowCount(folded), 2);
    const QModelIndex group = model.index(0, ModuleTreeModel::NameColumn, folded);
    QVERIFY(model.isBlockGroup(group));
    QCOMPARE(group.data().toString(), QStringLiteral("0–11: 12 identical blocks"));
    QCOMPARE(group.data(ModuleTreeModel::BlockCountRole).toInt(), 12);
    QCOMPARE(model.index(0, ModuleTreeModel::TypeColumn, folded).data().toString(), QStringLiteral("Block"));
    QCOMPARE(model.index(0, ModuleTreeModel::ParametersColumn, folded)
                 .data(ModuleTreeModel::SortRole)
                 .toLongLong(),
             qint64(12 * 28));
    QCOMPARE(model.moduleAt(group), document.findModule(QStringLiteral("layers")));
    QCOMPARE(model.index(1, 0, folded).data().toString(), QStringLiteral("12"));
    // The blocks are the group's children, and each block is still found by its path.
    QCOMPARE(model.rowCount(group), 12);
    const QModelIndex block7 = indexFor(model, QStringLiteral("layers.7"));
    QCOMPARE(block7.parent(), group);
    QCOMPARE(block7.row(), 7);
    QCOMPARE(block7.data().toString(), QStringLiteral("7"));
    // Siblings of other shapes never fold: the root's children stay as they were.
    QCOMPARE(model.rowCount(model.index(0, 0)), 3);

    model.setFoldRepeatedBlocks(false);
    QCOMPARE(model.rowCount(indexFor(model, QStringLiteral("layers"))), 13);
}

void TestModuleTreeModel::checkingFoldedBlocksIsOneEdit()
{
    CheckpointDocument document(test::blockModelContent());
    ModuleTreeModel model;
    model.setDocument(&document);
    model.setFoldRepeatedBlocks(true);
    const QModelIndex group = model.index(0, 0, indexFor(model, QStringLiteral("layers")));
    QCOMPARE(group.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(group, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->text(0), QStringLiteral("Freeze layers.0–11"));
    QCOMPARE(document.totals().frozen(), qint64(12 * 28));
    QVERIFY(!document.requiresGrad(document.findTensor(QStringLiteral("layers.11.norm.bias"))));
    QVERIFY(document.requiresGrad(document.findTensor(QStringLiteral("layers.12.norm.bias"))));
    QCOMPARE(group.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QCOMPARE(indexFor(model, QStringLiteral("layers")).data(Qt::CheckStateRole).value<Qt::CheckState>(),
             Qt::PartiallyChecked);
    // The group's row was repainted with the rest.
    bool groupRepainted = false;
    for (const QList<QVariant> &arguments : std::as_const(changed)) {
        const QModelIndex first = arguments.at(0).toModelIndex(), last = arguments.at(1).toModelIndex();
        groupRepainted |= first.parent() == group.parent() && first.row() <= 0 && last.row() >= 0;
    }
    QVERIFY(groupRepainted);
    document.undoStack()->undo();
    QCOMPARE(document.totals().frozen(), qint64(0));
}

QTEST_GUILESS_MAIN(TestModuleTreeModel)
#include "tst_moduletreemodel.moc"
