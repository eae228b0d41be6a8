// Name matching, the one module the comparison, load-weights and later features line names up with:
// mappings, the collision rule (the first of a name wins, the rest reported), the prefix suggestion
// and load_state_dict's report.
#include "diff/checkpointdiff.h"
#include "diff/namematching.h"
#include "document/checkpointdocument.h"
#include "document/loadweights.h"
#include "testsupport.h"

#include <QTest>

#include <vector>

using namespace torchscope;

namespace {
std::vector<TensorInfo> tensors(const QStringList &names, const QVector<qint64> &shape = {2})
{
    std::vector<TensorInfo> out;
    for (const QString &name : names)
        out.push_back(test::makeTensor(name, TensorKind::Tensor, shape));
    return out;
}
} // namespace

class TestNameMatching : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mappingApplies_data();
    void mappingApplies();
    void firstOfANameWinsAndTheRestIsReported();
    void prefixSuggestion_data();
    void prefixSuggestion();
    void loadStateDictReport();
    void diffAndLoadWeightsShareTheRule();
    void suggestedMappingStripsOrAdds_data();
    void suggestedMappingStripsOrAdds();
};

void TestNameMatching::mappingApplies_data()
{
    QTest::addColumn<QString>("strip");
    QTest::addColumn<QString>("add");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("mapped");
    QTest::newRow("identity") << ""
                              << ""
                              << "fc.weight"
                              << "fc.weight";
    QTest::newRow("strip where it starts") << "module."
                                           << ""
                                           << "module.fc.weight"
                                           << "fc.weight";
    QTest::newRow("strip nowhere else") << "module."
                                        << ""
                                        << "fc.module.weight"
                                        << "fc.module.weight";
    QTest::newRow("strip, then add") << "module."
                                     << "model."
                                     << "module.fc.weight"
                                     << "model.fc.weight";
    QTest::newRow("add to every name") << ""
                                       << "model."
                                       << "fc.weight"
                                       << "model.fc.weight";
}

void TestNameMatching::mappingApplies()
{
    QFETCH(QString, strip);
    QFETCH(QString, add);
    QFETCH(QString, name);
    QFETCH(QString, mapped);
    QCOMPARE((NameMapping{strip, add}.apply(name)), mapped);
    QCOMPARE((NameMapping{strip, add}.isIdentity()), strip.isEmpty() && add.isEmpty());
}

void TestNameMatching::firstOfANameWinsAndTheRestIsReported()
{
    const auto side = tensors({"module.a", "a", "b", "module.b", "module.a.x"});
    const MappedNames mapped = MappedNames::of(side, {"module.", ""});
    QCOMPARE(mapped.names, (QStringList{"a", "a", "b", "b", "a.x"}));
    QCOMPARE(mapped.indexOf.value("a"), 0);
    QCOMPARE(mapped.indexOf.value("b"), 2);
    QCOMPARE(mapped.collisions, (QVector<std::pair<int, int>>{{0, 1}, {2, 3}}));
    QVERIFY(mapped.isFirst(0) && !mapped.isFirst(1) && mapped.isFirst(4));
}

void TestNameMatching::prefixSuggestion_data()
{
    QTest::addColumn<QStringList>("a");
    QTest::addColumn<QStringList>("b");
    QTest::addColumn<int>("side"); // 0 A, 1 B, -1 none
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<int>("matches");
    QTest::newRow("DataParallel on B")
        << QStringList{"fc.w", "fc.b"} << QStringList{"module.fc.w", "module.fc.b"} << 1 << "module." << 2;
    QTest::newRow("a wrapper on A") << QStringList{"model.x", "model.y"} << QStringList{"x", "y"} << 0
                                    << "model." << 2;
    QTest::newRow("the prefix explaining most")
        << QStringList{"x", "y", "z"} << QStringList{"p.x", "q.y", "q.z"} << 1 << "q." << 2;
    QTest::newRow("ties: the first in string order")
        << QStringList{"x", "y"} << QStringList{"q.x", "p.y"} << 1 << "p." << 1;
    QTest::newRow("nothing in common") << QStringList{"x"} << QStringList{"y"} << -1 << "" << 0;
    QTest::newRow("a suffix that is not a whole part")
        << QStringList{"weight"} << QStringList{"fcweight"} << -1 << "" << 0;
}

void TestNameMatching::prefixSuggestion()
{
    QFETCH(QStringList, a);
    QFETCH(QStringList, b);
    QFETCH(int, side);
    QFETCH(QString, prefix);
    QFETCH(int, matches);
    const PrefixSuggestion s =
        suggestPrefix(QSet<QString>(a.cbegin(), a.cend()), QSet<QString>(b.cbegin(), b.cend()));
    QCOMPARE(s.isValid(), side >= 0);
    QCOMPARE(s.matches, matches);
    if (side >= 0) {
        QCOMPARE(int(s.side), side);
        QCOMPARE(s.prefix, prefix);
    }
}

void TestNameMatching::loadStateDictReport()
{
    auto target = tensors({"a", "b", "c", "d"});
    auto source = tensors({"module.a", "module.b", "module.c", "module.e", "module.a"});
    source[1].shape = {3};
    source[2].dtype = DType::Float16;
    const NameMatch match = NameMatch::of(target, source, {"module.", ""});
    QCOMPARE(match.applied, QStringList{"a"});
    QCOMPARE(match.shapeMismatch, QStringList{"b"});
    QCOMPARE(match.dtypeMismatch, QStringList{"c"});
    QCOMPARE(match.missing, QStringList{"d"});
    QCOMPARE(match.unexpected, QStringList{"e"});
    QCOMPARE(match.pairs, (QVector<std::pair<int, int>>{{0, 0}})); // the first "module.a", not the last
    QCOMPARE(match.collisions.size(), 1);
    QVERIFY2(match.collisions.first().contains("'module.a' and 'module.a' both map to 'a'"),
             qPrintable(match.collisions.first()));
}

// The comparison and load-weights keep the same tensor of a colliding name, and both say so.
void TestNameMatching::diffAndLoadWeightsShareTheRule()
{
    CheckpointContent modelContent;
    modelContent.format = CheckpointFormat::PickleModule;
    modelContent.tensors = tensors({"a"}, {1});
    CheckpointDocument model(std::move(modelContent));
    CheckpointContent weights;
    weights.tensors = {test::tensorFromBytes("module.a", DType::Float32, {1}, QByteArray(4, '\1')),
                       test::tensorFromBytes("a", DType::Float32, {1}, QByteArray(4, '\2'))};
    const WeightsMatch match = WeightsMatch::match(model, weights, {"module.", ""});
    QCOMPARE(match.replacements.size(), 1);
    QCOMPARE(match.replacements.first().second.contiguousBytes(), QByteArray(4, '\1'));
    QVERIFY2(match.describe().contains("both map to 'a'"), qPrintable(match.describe()));

    DiffSide a, b;
    a.tensors = model.tensors();
    b.tensors = weights.tensors;
    DiffOptions options;
    options.b = {"module.", ""};
    const Comparison comparison = CheckpointDiff::match(a, b, options);
    QCOMPARE(comparison.tensors.size(), 1);
    QCOMPARE(comparison.tensors.first().indexB, 0);
    QCOMPARE(comparison.warnings.size(), 1);
}

void TestNameMatching::suggestedMappingStripsOrAdds_data()
{
    QTest::addColumn<QStringList>("model");
    QTest::addColumn<QStringList>("weights");
    QTest::addColumn<QString>("strip");
    QTest::addColumn<QString>("add");
    QTest::newRow("names match as they are") << QStringList{"fc.w"} << QStringList{"fc.w", "x"} << ""
                                             << "";
    QTest::newRow("strip DataParallel's module.")
        << QStringList{"fc.w", "fc.b"} << QStringList{"module.fc.w", "module.fc.b"} << "module."
        << "";
    QTest::newRow("add the model's model.")
        << QStringList{"model.fc.w", "lm_head.w"} << QStringList{"fc.w"} << ""
        << "model.";
    QTest::newRow("nothing to suggest") << QStringList{"a"} << QStringList{"b"} << ""
                                        << "";
}

void TestNameMatching::suggestedMappingStripsOrAdds()
{
    QFETCH(QStringList, model);
    QFETCH(QStringList, weights);
    QFETCH(QString, strip);
    QFETCH(QString, add);
    CheckpointContent modelContent;
    modelContent.tensors = tensors(model);
    const CheckpointDocument document(std::move(modelContent));
    CheckpointContent weightsContent;
    weightsContent.tensors = tensors(weights);
    const NameMapping mapping = WeightsMatch::suggestedMapping(document.tensors(), weightsContent);
    QCOMPARE(mapping.strip, strip);
    QCOMPARE(mapping.add, add);
}

QTEST_GUILESS_MAIN(TestNameMatching)
#include "tst_namematching.moc"
