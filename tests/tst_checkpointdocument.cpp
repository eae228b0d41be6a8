#include "document/checkpointdocument.h"
#include "document/namepattern.h"
#include "document/savejob.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <utility>
#include <vector>

using namespace torchscope;

class TestCheckpointDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void buildsModuleTreeInOrder();
    void repeatedBlocks();
    void countsPerModule_data();
    void countsPerModule();
    void freezingTiedParameterFreezesItsTwin();
    void undoRedoRestoresExactFlags();
    void moduleFreezeIsOneUndoStep();
    void buffersAndNoOpsPushNothing();
    void subtreeAndRelativeNames();
    void weightsOnlyTreeFromDottedNames();
    void freezeAllExceptIsOneStep();
    void parametersOfType();
    void perParameterValues();
    void undoRedoSequence_data();
    void undoRedoSequence();
    void bytesFollowFlags();
};

void TestCheckpointDocument::buildsModuleTreeInOrder()
{
    CheckpointDocument document(test::smallModelContent());
    ModuleNode *root = document.root();
    QCOMPARE(root->typeName(), QStringLiteral("Net"));
    QCOMPARE(root->childCount(), 3);
    QCOMPARE(root->child(0)->name(), QStringLiteral("encoder"));
    QCOMPARE(root->child(1)->name(), QStringLiteral("head"));
    QCOMPARE(root->child(2)->name(), QStringLiteral("decoder"));
    QCOMPARE(root->child(0)->child(1)->path(), QStringLiteral("encoder.1"));
    QCOMPARE(root->child(0)->child(1)->shortTypeName(), QStringLiteral("BatchNorm1d"));
    QCOMPARE(root->child(0)->child(1)->row(), 1);
    QCOMPARE(document.findModule(QStringLiteral("encoder.0")), root->child(0)->child(0));
    QCOMPARE(document.moduleOfTensor(4)->path(), QStringLiteral("encoder.1"));
    QVERIFY(document.storesRequiresGrad());
}

void TestCheckpointDocument::countsPerModule_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("parameters");
    QTest::addColumn<qint64>("trainableAfterFreezingEncoder0Weight");

    // encoder.0.weight (12) is tied to decoder.weight: counted once wherever both are in the subtree.
    QTest::newRow("root counts the tie once")
        << QString() << qint64(12 + 4 + 4 + 4 + 8 + 2) << qint64(34 - 12);
    QTest::newRow("encoder") << QStringLiteral("encoder") << qint64(24) << qint64(12);
    QTest::newRow("linear") << QStringLiteral("encoder.0") << qint64(16) << qint64(4);
    QTest::newRow("buffers are not parameters") << QStringLiteral("encoder.1") << qint64(8) << qint64(8);
    QTest::newRow("head") << QStringLiteral("head") << qint64(10) << qint64(10);
    QTest::newRow("decoder holds the alias") << QStringLiteral("decoder") << qint64(12) << qint64(0);
}

void TestCheckpointDocument::countsPerModule()
{
    QFETCH(QString, path);
    QFETCH(qint64, parameters);
    QFETCH(qint64, trainableAfterFreezingEncoder0Weight);
    CheckpointDocument document(test::smallModelContent());
    const ModuleNode *module = document.findModule(path);
    QVERIFY(module);
    QCOMPARE(module->parameterCount(), parameters);
    QCOMPARE(module->trainableCount(), parameters);
    QVERIFY(document.setRequiresGrad({0}, false));
    QCOMPARE(module->trainableCount(), trainableAfterFreezingEncoder0Weight);
    QCOMPARE(module->frozenCount(), parameters - trainableAfterFreezingEncoder0Weight);
}

void TestCheckpointDocument::freezingTiedParameterFreezesItsTwin()
{
    CheckpointDocument document(test::smallModelContent());
    QSignalSpy spy(&document, &CheckpointDocument::requiresGradChanged);
    const int decoder = document.findTensor(QStringLiteral("decoder.weight"));
    QCOMPARE(document.tensor(decoder).tiedTo, 0);
    QVERIFY(document.setRequiresGrad({decoder}, false));
    QVERIFY(!document.requiresGrad(0));
    QVERIFY(!document.requiresGrad(decoder));
    QCOMPARE(spy.count(), 1);
    QVector<int> changed = spy.at(0).at(0).value<QVector<int>>();
    std::sort(changed.begin(), changed.end());
    QCOMPARE(changed, (QVector<int>{0, decoder}));
    QCOMPARE(document.totals().trainable, qint64(22));
    QCOMPARE(document.totals().frozen(), qint64(12));
}

void TestCheckpointDocument::undoRedoRestoresExactFlags()
{
    CheckpointDocument document(test::smallModelContent());
    QUndoStack *stack = document.undoStack();
    QVERIFY(stack->isClean());
    document.setRequiresGrad({5}, false);
    document.setRequiresGrad({5, 6, 1}, false);
    const std::vector<bool> afterEdits = document.requiresGradFlags();
    QCOMPARE(stack->count(), 2);
    QVERIFY(!stack->isClean());
    stack->undo();
    QVERIFY(!document.requiresGrad(5));
    QVERIFY(document.requiresGrad(6));
    QVERIFY(document.requiresGrad(1));
    stack->undo();
    QVERIFY(stack->isClean());
    for (int i = 0; i < document.tensorCount(); ++i)
        QCOMPARE(document.requiresGrad(i), document.isEditable(i));
    QCOMPARE(document.totals().trainable, document.totals().parameters);
    stack->redo();
    stack->redo();
    QCOMPARE(document.requiresGradFlags(), afterEdits);
    QCOMPARE(document.root()->trainableCount(), qint64(34 - 8 - 2 - 4));
}

void TestCheckpointDocument::moduleFreezeIsOneUndoStep()
{
    CheckpointDocument document(test::smallModelContent());
    QVERIFY(document.setModuleRequiresGrad(document.findModule(QStringLiteral("encoder")), false));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->text(0), QStringLiteral("Freeze encoder"));
    QCOMPARE(document.findModule(QStringLiteral("encoder"))->trainableCount(), qint64(0));
    QCOMPARE(document.findModule(QStringLiteral("decoder"))->trainableCount(), qint64(0));
    QCOMPARE(document.findModule(QStringLiteral("head"))->trainableCount(), qint64(10));
    document.undoStack()->undo();
    QCOMPARE(document.findModule(QStringLiteral("encoder"))->trainableCount(), qint64(24));
}

void TestCheckpointDocument::buffersAndNoOpsPushNothing()
{
    CheckpointDocument document(test::smallModelContent());
    const int buffer = document.findTensor(QStringLiteral("encoder.1.running_mean"));
    QVERIFY(!document.isEditable(buffer));
    QVERIFY(!document.setRequiresGrad({buffer}, false));
    QVERIFY(!document.setRequiresGrad({0}, true)); // already trainable
    QVERIFY(!document.setRequiresGrad({-1, 999}, false));
    QCOMPARE(document.undoStack()->count(), 0);
}

void TestCheckpointDocument::subtreeAndRelativeNames()
{
    CheckpointDocument document(test::smallModelContent());
    const ModuleNode *encoder = document.findModule(QStringLiteral("encoder"));
    QCOMPARE(document.tensorsInSubtree(encoder), (QVector<int>{0, 1, 2, 3, 4}));
    QCOMPARE(document.relativeName(4, encoder), QStringLiteral("1.running_mean"));
    QCOMPARE(document.relativeName(4, document.root()), QStringLiteral("encoder.1.running_mean"));
    QCOMPARE(document.tensorsInSubtree(document.root()).size(), 8);
    // Pooled for a histogram: weight matrices by default (BatchNorm's weights of 1 and the biases
    // would stretch the range), every parameter when asked; the tied decoder.weight once (with
    // encoder.0.weight), but on its own when its twin lies outside the module; a module of vectors only
    // pools them.
    using Pool = CheckpointDocument::Pool;
    QCOMPARE(document.pooledTensors(document.root()), (QVector<int>{0, 5}));
    QCOMPARE(document.pooledTensors(document.root(), Pool::EveryParameter), (QVector<int>{0, 1, 2, 3, 5, 6}));
    QCOMPARE(document.pooledTensors(document.findModule(QStringLiteral("decoder"))), (QVector<int>{7}));
    QCOMPARE(document.pooledTensors(document.findModule(QStringLiteral("encoder.1"))), (QVector<int>{2, 3}));
}

void TestCheckpointDocument::weightsOnlyTreeFromDottedNames()
{
    CheckpointContent content;
    content.format = CheckpointFormat::StateDict;
    content.tensors.push_back(
        test::makeTensor(QStringLiteral("model.layers.0.attn.weight"), TensorKind::Tensor, {2}));
    content.tensors.push_back(
        test::makeTensor(QStringLiteral("model.layers.1.attn.weight"), TensorKind::Tensor, {2}));
    content.tensors.push_back(test::makeTensor(QStringLiteral("lm_head"), TensorKind::Tensor, {3}));
    for (TensorInfo &tensor : content.tensors)
        tensor.hasRequiresGrad = false;
    CheckpointDocument document(std::move(content));
    QVERIFY(!document.storesRequiresGrad());
    // No flags in the file: freezing is a plan, from every floating-point parameter trainable.
    QVERIFY(document.freezingIsPlan());
    QVERIFY(document.isEditable(0));
    QVERIFY(document.requiresGrad(0));
    QVERIFY(!document.hasFrozenParameters());
    QVERIFY(document.setRequiresGrad(
        document.parametersMatching(NamePattern(QStringLiteral("model.layers.{0..0}.*"))), false));
    QVERIFY(!document.requiresGrad(0));
    QVERIFY(document.requiresGrad(1));
    QVERIFY(document.hasFrozenParameters());
    // Written back as weights, the document is that file only with its plan beside it: the plan is an edit.
    SaveRequest weights{QStringLiteral("/tmp/weights.pt"), SaveMode::WeightsOnly, QString(), false};
    weights.format = SaveFormat::PyTorch;
    QVERIFY(!saveReplacesDocument(document, weights));
    weights.writeFreezePlan = true;
    QVERIFY(saveReplacesDocument(document, weights));
    document.undoStack()->undo();
    weights.writeFreezePlan = false;
    QVERIFY(saveReplacesDocument(document, weights));
    QVERIFY(document.requiresGrad(0));
    QVERIFY(document.findModule(QStringLiteral("model.layers.1.attn")));
    QCOMPARE(document.findModule(QStringLiteral("model.layers"))->childCount(), 2);
    QCOMPARE(document.moduleOfTensor(2), document.root());
}

void TestCheckpointDocument::freezeAllExceptIsOneStep()
{
    CheckpointDocument document(test::smallModelContent());
    document.setRequiresGrad({5}, false); // head.weight frozen first: "except head" must unfreeze it
    QVERIFY(document.freezeAllExcept(document.findModule(QStringLiteral("head"))));
    QCOMPARE(document.undoStack()->count(), 2);
    for (int i = 0; i < document.tensorCount(); ++i) {
        if (document.isEditable(i))
            QCOMPARE(document.requiresGrad(i), document.tensor(i).name.startsWith(QLatin1String("head.")));
    }
    QCOMPARE(document.totals().trainable, qint64(10));
    document.undoStack()->undo();
    QVERIFY(!document.requiresGrad(5));
    QVERIFY(document.requiresGrad(0));
}

void TestCheckpointDocument::parametersOfType()
{
    CheckpointDocument document(test::smallModelContent());
    QCOMPARE(document.parametersOfType(QStringLiteral("Linear")), (QVector<int>{0, 1, 5, 6, 7}));
    QCOMPARE(document.parametersOfType(QStringLiteral("BatchNorm1d")),
             (QVector<int>{2, 3})); // not the buffer
    QVERIFY(document.parametersOfType(QStringLiteral("Conv2d")).isEmpty());
}

void TestCheckpointDocument::perParameterValues()
{
    CheckpointDocument document(test::smallModelContent());
    QSignalSpy spy(&document, &CheckpointDocument::requiresGradChanged);
    QVERIFY(document.setRequiresGrad({1, 2, 6}, {false, true, false}, QStringLiteral("mixed")));
    QCOMPARE(spy.count(), 1);
    QVERIFY(!document.requiresGrad(1));
    QVERIFY(document.requiresGrad(2));
    QVERIFY(!document.requiresGrad(6));
    QCOMPARE(document.undoStack()->text(0), QStringLiteral("mixed"));
}

void TestCheckpointDocument::undoRedoSequence_data()
{
    QTest::addColumn<int>("undos");
    for (int undos = 0; undos <= 4; ++undos)
        QTest::addRow("%d undos", undos) << undos;
}

void TestCheckpointDocument::undoRedoSequence()
{
    QFETCH(int, undos);
    CheckpointDocument document(test::smallModelContent());
    std::vector<std::vector<bool>> states{document.requiresGradFlags()};
    document.setModuleRequiresGrad(document.root(), false);
    states.push_back(document.requiresGradFlags());
    document.setModuleRequiresGrad(document.findModule(QStringLiteral("encoder.1")), true);
    states.push_back(document.requiresGradFlags());
    document.freezeAllExcept(document.findModule(QStringLiteral("decoder")));
    states.push_back(document.requiresGradFlags());
    document.setRequiresGrad({6}, true);
    states.push_back(document.requiresGradFlags());
    for (int i = 0; i < undos; ++i)
        document.undoStack()->undo();
    QCOMPARE(document.requiresGradFlags(), states[size_t(4 - undos)]);
    qint64 trainable = 0;
    for (int i = 0; i < document.tensorCount(); ++i) {
        if (document.isEditable(i) && document.requiresGrad(i) && document.tensor(i).tiedTo < 0)
            trainable += document.tensor(i).numel();
    }
    QCOMPARE(document.totals().trainable, trainable);
    for (int i = 0; i < undos; ++i)
        document.undoStack()->redo();
    QCOMPARE(document.requiresGradFlags(), states.back());
    QCOMPARE(document.undoStack()->isClean(), false);
}

void TestCheckpointDocument::bytesFollowFlags()
{
    CheckpointDocument document(test::smallModelContent());
    QCOMPARE(document.totals().parameterBytes, qint64(34 * 4));
    document.setModuleRequiresGrad(document.findModule(QStringLiteral("head")), false);
    QCOMPARE(document.totals().frozenBytes(), qint64(10 * 4));
    QCOMPARE(CheckpointDocument::totals(document.findModule(QStringLiteral("head"))).trainableBytes,
             qint64(0));
}

void TestCheckpointDocument::repeatedBlocks()
{
    CheckpointDocument document(test::blockModelContent());
    const ModuleNode *layers = document.findModule(QStringLiteral("layers"));
    QVERIFY(layers->hasNumberedChildren());
    QVERIFY(!document.root()->hasNumberedChildren());
    QVERIFY(!document.findModule(QStringLiteral("layers.0"))->hasNumberedChildren());
    // Blocks 0-11 match; 12 has another shape; the root's children all differ.
    const QVector<BlockRun> runs = document.repeatedBlocks(layers);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs[0].firstRow, 0);
    QCOMPARE(runs[0].count, 12);
    QVERIFY(document.repeatedBlocks(document.root()).isEmpty());
    // Blocks 10-12 (rows clamp to the children there are), in state_dict order.
    const QVector<int> parameters = document.parametersOfChildren(layers, 10, 20);
    QCOMPARE(parameters.size(), 12);
    QCOMPARE(document.tensor(parameters.first()).name, QStringLiteral("layers.10.attn.weight"));
    QCOMPARE(document.tensor(parameters.last()).name, QStringLiteral("layers.12.norm.bias"));
    QVERIFY(std::is_sorted(parameters.begin(), parameters.end()));
}

QTEST_GUILESS_MAIN(TestCheckpointDocument)
#include "tst_checkpointdocument.moc"
