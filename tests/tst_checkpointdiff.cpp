// Comparing two checkpoints: real PyTorch fine-tunes a model with some layers frozen and computes
// its own statistics; the diff must agree tensor by tensor, in every format it reads.

#include "diff/checkpointdiff.h"
#include "diff/difftree.h"
#include "formats/checkpointreader.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <vector>

using namespace torchscope;
using namespace torchscope::test;

namespace {

DiffSide readSide(const QString &path)
{
    CheckpointContent content;
    QString error;
    if (!readCheckpoint(path, Progress(), &content, &error))
        qFatal("%s", qPrintable(error));
    return DiffSide::fromContent(content);
}

const TensorDiff *find(const Comparison &comparison, const QString &name)
{
    for (const TensorDiff &diff : comparison.tensors)
        if (diff.name == name)
            return &diff;
    return nullptr;
}

Comparison compare(const DiffSide &a, const DiffSide &b, const DiffOptions &options = DiffOptions())
{
    Comparison comparison = CheckpointDiff::match(a, b, options);
    if (!CheckpointDiff::compare(a, b, &comparison))
        qFatal("comparison canceled");
    return comparison;
}

QByteArray floats(const QVector<float> &values)
{
    return QByteArray(reinterpret_cast<const char *>(values.constData()), values.size() * int(sizeof(float)));
}

DiffSide sideOf(const std::vector<TensorInfo> &tensors)
{
    DiffSide side;
    side.tensors = tensors;
    return side;
}

// |a - b| within `relative` of the expected value, or both absent/infinite alike.
bool close(double actual, const QJsonValue &expected, double relative = 1e-9)
{
    if (expected.isNull())
        return std::isinf(actual) || std::isnan(actual);
    const double e = expected.toDouble();
    return std::abs(actual - e) <= relative * std::max(1.0, std::abs(e));
}

} // namespace

class TestCheckpointDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void agreesWithPyTorch_data();
    void agreesWithPyTorch();
    void frozenParametersStayIdentical();
    void requiresGradDifferencesAreReported();
    void prefixIsSuggestedAndStripped();
    void missingExtraAndReshapedAreListed();
    void float16ExportComparesAsConverted();
    void moduleRollUps();
    void elementRules_data();
    void elementRules();
    void stridedViewsCompareByValue();
    void partlyEqualLargeTensorKeepsExactNorms();
    void cancelStopsTheComparison();
    void differenceHistogramCountsEveryFiniteDifference();
    void csvHasOneRowPerName();
    void complexAndQuantizedPairs();
    void namesThatCollideAfterTheMappingAreReported();
    void tiedPairsShareTheirStatistics();
    void longReadsGiveTheSameAnswer();
    void differenceHistogramOfEqualTensorsAndCancel();

private:
    QTemporaryDir m_dir;
    QJsonObject m_report;
    QString path(const QString &name) const { return m_dir.filePath(name); }
};

void TestCheckpointDiff::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString output;
    QCOMPARE(runPeer({QStringLiteral("finetune"), m_dir.path()}, &output), 0);
    // The fine-tuned weights as Torchscope's own safetensors export writes them; PyTorch checks it.
    QString out, err;
    QCOMPARE(runProcess(cliPath(),
                        {QStringLiteral("export"), path(QStringLiteral("after.pt")), QStringLiteral("-o"),
                         path(QStringLiteral("after_export.safetensors")), QStringLiteral("--weights-only")},
                        &out, &err),
             0);
    QCOMPARE(runPeer({QStringLiteral("check-safetensors"), path(QStringLiteral("after.pt")),
                      path(QStringLiteral("after_export.safetensors"))},
                     &output),
             0);
    QFile report(path(QStringLiteral("finetune.json")));
    QVERIFY(report.open(QIODevice::ReadOnly));
    m_report = QJsonDocument::fromJson(report.readAll()).object();
    QVERIFY(!m_report.isEmpty());
}

void TestCheckpointDiff::agreesWithPyTorch_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("stripB");
    QTest::addColumn<QString>("expected"); // the pair in finetune.json
    QTest::newRow("state_dict") << "before.pt"
                                << "after.pt"
                                << ""
                                << "state_dict";
    QTest::newRow("safetensors") << "before.safetensors"
                                 << "after.safetensors"
                                 << ""
                                 << "state_dict";
    QTest::newRow("safetensors through our export") << "before.safetensors"
                                                    << "after_export.safetensors"
                                                    << ""
                                                    << "state_dict";
    QTest::newRow("torchscript entire model") << "before_model.pt"
                                              << "after_model.pt"
                                              << ""
                                              << "state_dict";
    QTest::newRow("sharded safetensors") << "before.pt"
                                         << "after_sharded/model.safetensors.index.json"
                                         << ""
                                         << "state_dict";
    QTest::newRow("pickled entire model") << "before_pickle.pt"
                                          << "after_pickle.pt"
                                          << ""
                                          << "state_dict";
    QTest::newRow("state_dict against entire model") << "before.pt"
                                                     << "after_model.pt"
                                                     << ""
                                                     << "state_dict";
    QTest::newRow("DataParallel prefix stripped") << "before.pt"
                                                  << "after_dp.pt"
                                                  << "module."
                                                  << "state_dict";
    QTest::newRow("float16 export") << "after.pt"
                                    << "after_half.pt"
                                    << ""
                                    << "half";
}

void TestCheckpointDiff::agreesWithPyTorch()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, stripB);
    QFETCH(QString, expected);
    DiffOptions options;
    options.b.strip = stripB;
    const Comparison comparison = compare(readSide(path(a)), readSide(path(b)), options);
    const QJsonObject pytorch = m_report.value(QStringLiteral("pairs")).toObject().value(expected).toObject();
    QCOMPARE(comparison.tensors.size(), pytorch.size());
    for (auto it = pytorch.begin(); it != pytorch.end(); ++it) {
        const TensorDiff *diff = find(comparison, it.key());
        QVERIFY2(diff, qPrintable(it.key()));
        const QJsonObject e = it.value().toObject();
        QCOMPARE(diffStatusName(diff->status), e.value(QStringLiteral("status")).toString());
        QVERIFY(diff->hasStatistics);
        QVERIFY2(close(diff->maxAbs, e.value(QStringLiteral("max_abs")), 0),
                 qPrintable(QString(it.key() + " max_abs")));
        QVERIFY2(close(diff->meanAbs, e.value(QStringLiteral("mean_abs"))),
                 qPrintable(QString(it.key() + " mean_abs")));
        QVERIFY2(close(diff->relL2, e.value(QStringLiteral("rel_l2"))),
                 qPrintable(QString(it.key() + " rel_l2")));
        QVERIFY2(close(diff->changedFraction(), e.value(QStringLiteral("changed_fraction")), 0),
                 qPrintable(QString(it.key() + " changed")));
        QVERIFY2(close(diff->cosine, e.value(QStringLiteral("cosine"))),
                 qPrintable(QString(it.key() + " cosine")));
    }
}

void TestCheckpointDiff::frozenParametersStayIdentical()
{
    const Comparison comparison = compare(readSide(path("before.pt")), readSide(path("after.pt")));
    for (const auto &name : m_report.value(QStringLiteral("frozen")).toArray()) {
        const TensorDiff *diff = find(comparison, name.toString());
        QVERIFY(diff);
        QCOMPARE(diff->status, DiffStatus::Identical);
        QVERIFY(diff->bitIdentical);
        QCOMPARE(diff->maxAbs, 0.0);
    }
    for (const auto &name : m_report.value(QStringLiteral("trained")).toArray()) {
        const TensorDiff *diff = find(comparison, name.toString());
        QVERIFY(diff);
        QCOMPARE(diff->status, DiffStatus::Changed);
        QVERIFY(!diff->bitIdentical);
        QVERIFY(diff->maxAbs > 0);
    }
    QVERIFY(!comparison.totals().equal);
    QVERIFY(!comparison.suggestion.isValid());
}

void TestCheckpointDiff::requiresGradDifferencesAreReported()
{
    // The same weights, saved once with the frozen layers frozen (a pickle) and once with every flag
    // True (TorchScript).
    const Comparison comparison =
        compare(readSide(path("after_pickle.pt")), readSide(path("after_unfrozen_model.pt")));
    QStringList differs;
    for (const TensorDiff &diff : comparison.tensors) {
        QCOMPARE(diff.status, DiffStatus::Identical);
        if (diff.requiresGradDiffers()) {
            differs << diff.name;
            QVERIFY(!diff.requiresGradA);
            QVERIFY(diff.requiresGradB);
        }
    }
    QStringList frozen;
    for (const auto &name : m_report.value(QStringLiteral("frozen")).toArray())
        frozen << name.toString();
    QCOMPARE(differs, frozen);
    QCOMPARE(comparison.totals().requiresGradDiffers, frozen.size());
    QVERIFY(!comparison.totals().equal);
    // A state_dict stores no flags: nothing to compare, nothing differs.
    const Comparison weightsOnly =
        compare(readSide(path("after.pt")), readSide(path("after_unfrozen_model.pt")));
    QCOMPARE(weightsOnly.totals().requiresGradDiffers, 0);
    QVERIFY(weightsOnly.totals().equal);
}

void TestCheckpointDiff::prefixIsSuggestedAndStripped()
{
    const DiffSide a = readSide(path("after.pt"));
    const DiffSide b = readSide(path("after_dp.pt"));
    const Comparison unmatched = CheckpointDiff::match(a, b, DiffOptions());
    const int names = int(a.tensors.size());
    QCOMPARE(unmatched.totals().onlyInA, names);
    QCOMPARE(unmatched.totals().onlyInB, names);
    QVERIFY(unmatched.suggestion.isValid());
    QCOMPARE(unmatched.suggestion.side, PrefixSuggestion::Side::B);
    QCOMPARE(unmatched.suggestion.prefix, QStringLiteral("module."));
    QCOMPARE(unmatched.suggestion.matches, names);

    // Swapped, the prefix is on A; adding it to the other side matches as well as stripping it.
    const Comparison swapped = CheckpointDiff::match(b, a, DiffOptions());
    QCOMPARE(swapped.suggestion.side, PrefixSuggestion::Side::A);
    DiffOptions add;
    add.b.add = QStringLiteral("module.");
    const Comparison added = compare(b, a, add);
    QCOMPARE(added.totals().identical, names);
    QVERIFY(added.totals().equal);
    QCOMPARE(added.tensors.first().name, QStringLiteral("module.sequential.0.weight"));
}

void TestCheckpointDiff::missingExtraAndReshapedAreListed()
{
    const Comparison comparison = compare(readSide(path("after.pt")), readSide(path("after_edited.pt")));
    const DiffTotals totals = comparison.totals();
    QCOMPARE(totals.onlyInA, 1);
    QCOMPARE(totals.onlyInB, 1);
    QCOMPARE(totals.shapeDiffers, 1);
    QCOMPARE(find(comparison, "fc.bias")->status, DiffStatus::OnlyInA);
    QCOMPARE(find(comparison, "extra.weight")->status, DiffStatus::OnlyInB);
    QCOMPARE(find(comparison, "fc.weight")->status, DiffStatus::ShapeDiffers);
    QVERIFY(!find(comparison, "fc.weight")->hasStatistics);
    QCOMPARE(totals.identical, totals.tensors - 3);
    // Names only in B come last, after all of A's.
    QCOMPARE(comparison.tensors.last().name, QStringLiteral("extra.weight"));
    QVERIFY(!totals.equal);
}

void TestCheckpointDiff::float16ExportComparesAsConverted()
{
    const DiffSide a = readSide(path("after.pt"));
    const DiffSide b = readSide(path("after_half.pt"));
    const Comparison exact = compare(a, b);
    const QJsonObject pytorch = m_report.value("pairs").toObject().value("half").toObject();
    int converted = 0;
    for (const TensorDiff &diff : exact.tensors) {
        const bool floating = a.tensors[size_t(diff.indexA)].dtype == DType::Float32;
        QCOMPARE(diff.status, floating ? DiffStatus::DtypeDiffers : DiffStatus::Identical);
        if (!floating)
            continue;
        ++converted;
        // Rounding to float16 moves a value by at most half a unit in the last place: 2^-11 of it
        // for normal numbers, 2^-25 below float16's smallest normal.
        const double largest = pytorch.value(diff.name).toObject().value("max_abs_a").toDouble();
        QVERIFY2(diff.maxAbs <= largest * std::ldexp(1.0, -11) + std::ldexp(1.0, -25), qPrintable(diff.name));
        QVERIFY(diff.cosine > 0.99999);
    }
    QCOMPARE(converted, 20);
    QVERIFY(!exact.totals().equal);
    // Within a tolerance the rounding allows, the conversion counts as equal.
    DiffOptions loose;
    loose.rtol = std::ldexp(1.0, -10);
    loose.atol = std::ldexp(1.0, -24);
    const Comparison tolerated = compare(a, b, loose);
    QVERIFY(tolerated.totals().equal);
    QCOMPARE(tolerated.totals().dtypeDiffers, converted);
}

void TestCheckpointDiff::moduleRollUps()
{
    const DiffSide a = readSide(path("before_model.pt"));
    const Comparison comparison = compare(a, readSide(path("after_model.pt")));
    const DiffTree tree(comparison, a);
    const DiffModule *layer1 = tree.find("layer1");
    const DiffModule *layer2 = tree.find("layer2");
    const DiffModule *fc = tree.find("fc");
    QVERIFY(layer1 && layer2 && fc);
    QCOMPARE(layer1->status(), DiffStatus::Identical);
    QCOMPARE(layer1->differentTensors, 0);
    QCOMPARE(layer2->status(), DiffStatus::Changed);
    QCOMPARE(layer2->typeName.section('.', -1), QStringLiteral("Sequential"));
    // layer2: conv weight and bias, batch-norm weight, bias and its three buffers all moved.
    QCOMPARE(layer2->tensorCount, 7);
    QCOMPARE(layer2->differentTensors, 7);
    double largest = 0;
    for (const TensorDiff &diff : comparison.tensors)
        if (diff.name.startsWith("fc."))
            largest = std::max(largest, diff.relL2);
    QCOMPARE(fc->largestRelL2, largest);
    QCOMPARE(tree.root()->tensorCount, comparison.tensors.size());
    QCOMPARE(tree.root()->differentTensors, comparison.totals().changed);
}

void TestCheckpointDiff::elementRules_data()
{
    QTest::addColumn<QVector<float>>("a");
    QTest::addColumn<QVector<float>>("b");
    QTest::addColumn<double>("atol");
    QTest::addColumn<double>("rtol");
    QTest::addColumn<QString>("status");
    QTest::addColumn<qint64>("changed");
    QTest::addColumn<bool>("bitIdentical");
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    using V = QVector<float>;
    QTest::newRow("same") << V{1, 2, 3} << V{1, 2, 3} << 0.0 << 0.0 << "identical" << qint64(0) << true;
    QTest::newRow("one changed") << V{1, 2, 3} << V{1, 2.5f, 3} << 0.0 << 0.0 << "changed" << qint64(1)
                                 << false;
    QTest::newRow("within atol") << V{1, 2, 3} << V{1, 2.5f, 3} << 0.5 << 0.0 << "identical" << qint64(0)
                                 << false;
    QTest::newRow("beyond atol") << V{1, 2, 3} << V{1, 2.5f, 3} << 0.49 << 0.0 << "changed" << qint64(1)
                                 << false;
    QTest::newRow("rtol of b") << V{100, 2} << V{101, 2} << 0.0 << 0.01 << "identical" << qint64(0) << false;
    QTest::newRow("negative zero equals zero")
        << V{0.0f, 1} << V{-0.0f, 1} << 0.0 << 0.0 << "identical" << qint64(0) << false;
    QTest::newRow("NaN equals NaN") << V{nan, 1} << V{nan, 1} << 0.0 << 0.0 << "identical" << qint64(0)
                                    << true;
    QTest::newRow("NaN against a number")
        << V{nan, 1} << V{1, 1} << 1e9 << 0.0 << "changed" << qint64(1) << false;
    QTest::newRow("equal infinities")
        << V{inf, -inf} << V{inf, -inf} << 0.0 << 0.0 << "identical" << qint64(0) << true;
    QTest::newRow("opposite infinities")
        << V{inf, 2} << V{-inf, 2} << 0.0 << 0.0 << "changed" << qint64(1) << false;
}

void TestCheckpointDiff::elementRules()
{
    QFETCH(QVector<float>, a);
    QFETCH(QVector<float>, b);
    QFETCH(double, atol);
    QFETCH(double, rtol);
    QFETCH(QString, status);
    QFETCH(qint64, changed);
    QFETCH(bool, bitIdentical);
    DiffOptions options;
    options.atol = atol;
    options.rtol = rtol;
    // As given (the kernel's scalar tail), and tiled 1001 times (its SIMD body, a block holding a
    // non-finite value redone value by value).
    for (const int copies : {1, 1001}) {
        QVector<float> tiledA, tiledB;
        for (int c = 0; c < copies; ++c) {
            tiledA += a;
            tiledB += b;
        }
        const qint64 n = tiledA.size();
        const Comparison comparison =
            compare(sideOf({tensorFromBytes("t", DType::Float32, {n}, floats(tiledA))}),
                    sideOf({tensorFromBytes("t", DType::Float32, {n}, floats(tiledB))}), options);
        const TensorDiff &diff = comparison.tensors.first();
        QCOMPARE(diffStatusName(diff.status), status);
        QCOMPARE(diff.changedElements, changed * copies);
        QCOMPARE(diff.bitIdentical, bitIdentical);
        QCOMPARE(comparison.totals().equal, changed == 0);
    }
}

void TestCheckpointDiff::stridedViewsCompareByValue()
{
    // B holds A's 3x4 values transposed in storage, seen through a transposed view: equal values,
    // different bytes, and a view that must be walked by its strides.
    QVector<float> values(12), transposed(12);
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 4; ++c) {
            values[r * 4 + c] = float(r * 10 + c);
            transposed[c * 3 + r] = float(r * 10 + c);
        }
    TensorInfo viewB = tensorFromBytes("w", DType::Float32, {3, 4}, floats(transposed));
    viewB.strides = {1, 3};
    TensorInfo b64 = tensorFromBytes("d", DType::Float64, {2}, QByteArray(16, '\0'));
    const Comparison comparison =
        compare(sideOf({tensorFromBytes("w", DType::Float32, {3, 4}, floats(values)),
                        tensorFromBytes("d", DType::Float32, {2}, floats({0, 0}))}),
                sideOf({viewB, b64}));
    QCOMPARE(comparison.tensors[0].status, DiffStatus::Identical);
    QVERIFY(!comparison.tensors[0].bitIdentical);
    QCOMPARE(comparison.tensors[1].status, DiffStatus::DtypeDiffers);
    QVERIFY(comparison.tensors[1].withinTolerance);
    QVERIFY(comparison.totals().equal);

    // One element off in the strided view.
    transposed[1 * 3 + 2] += 1; // (r=2, c=1)
    TensorInfo changed = tensorFromBytes("w", DType::Float32, {3, 4}, floats(transposed));
    changed.strides = {1, 3};
    const Comparison one =
        compare(sideOf({tensorFromBytes("w", DType::Float32, {3, 4}, floats(values))}), sideOf({changed}));
    QCOMPARE(one.tensors[0].changedElements, qint64(1));
    QCOMPARE(one.tensors[0].maxAbs, 1.0);
}

void TestCheckpointDiff::partlyEqualLargeTensorKeepsExactNorms()
{
    // Three million elements: several pieces of which one differs, so the equal pieces are read
    // again for ||a|| and a.b. Everything is checked against a direct float64 computation.
    const int n = 3 << 20;
    QVector<float> a(n), b(n);
    for (int i = 0; i < n; ++i)
        a[i] = b[i] = float(std::sin(i * 0.001) + 0.25);
    for (int i = 1500000; i < 1500100; ++i)
        b[i] += 0.5f;
    double dot = 0, na = 0, nb = 0, nd = 0, sumAbs = 0, maxAbs = 0;
    for (int i = 0; i < n; ++i) {
        const double x = a[i], y = b[i], d = std::abs(x - y);
        dot += x * y;
        na += x * x;
        nb += y * y;
        nd += d * d;
        sumAbs += d;
        maxAbs = std::max(maxAbs, d);
    }
    const Comparison comparison = compare(sideOf({tensorFromBytes("big", DType::Float32, {n}, floats(a))}),
                                          sideOf({tensorFromBytes("big", DType::Float32, {n}, floats(b))}));
    const TensorDiff &diff = comparison.tensors.first();
    QCOMPARE(diff.changedElements, qint64(100));
    QCOMPARE(diff.maxAbs, maxAbs);
    QVERIFY(std::abs(diff.meanAbs - sumAbs / n) <= 1e-12 * sumAbs / n);
    QVERIFY(std::abs(diff.relL2 - std::sqrt(nd) / std::sqrt(na)) <= 1e-9 * diff.relL2);
    QVERIFY(std::abs(diff.cosine - dot / std::sqrt(na * nb)) <= 1e-12);
    QVERIFY(diff.cosine < 1);
}

void TestCheckpointDiff::cancelStopsTheComparison()
{
    const int n = 8 << 20;
    QVector<float> a(n, 1.0f), b(n, 2.0f);
    const DiffSide sideA = sideOf({tensorFromBytes("t", DType::Float32, {n}, floats(a))});
    const DiffSide sideB = sideOf({tensorFromBytes("t", DType::Float32, {n}, floats(b))});
    Comparison comparison = CheckpointDiff::match(sideA, sideB, DiffOptions());
    int reports = 0;
    Progress progress;
    progress.report = [&reports](qint64, qint64) { ++reports; };
    progress.canceled = [&reports] { return reports > 0; };
    QVERIFY(!CheckpointDiff::compare(sideA, sideB, &comparison, progress));
    QVERIFY(reports > 0);
}

void TestCheckpointDiff::differenceHistogramCountsEveryFiniteDifference()
{
    QVector<float> a{0, 1, 2, 3, 4, 5, 6, std::numeric_limits<float>::quiet_NaN()};
    QVector<float> b{0, 1, 2, 3, 4, 5, 4, 1};
    const TensorInfo ta = tensorFromBytes("t", DType::Float32, {8}, floats(a));
    const TensorInfo tb = tensorFromBytes("t", DType::Float32, {8}, floats(b));
    const HistogramResult result = CheckpointDiff::differenceHistogram(ta, tb, 4);
    QCOMPARE(result.stats.count, qint64(8));
    QCOMPARE(result.stats.finite, qint64(7));
    QCOMPARE(result.stats.nanCount, qint64(1));
    QCOMPARE(result.stats.min, 0.0);
    QCOMPARE(result.stats.max, 2.0);
    QCOMPARE(result.edges, (QVector<double>{0, 0.5, 1, 1.5, 2}));
    QCOMPARE(result.counts, (QVector<qint64>{6, 0, 0, 1}));
}

void TestCheckpointDiff::csvHasOneRowPerName()
{
    TensorInfo odd = tensorFromBytes("odd,\"name\"", DType::Float32, {1}, floats({1}));
    const DiffSide a = sideOf({tensorFromBytes("w", DType::Float32, {2}, floats({1, 2})), odd});
    const DiffSide b = sideOf({tensorFromBytes("w", DType::Float32, {2}, floats({1, 3})),
                               tensorFromBytes("new", DType::Float16, {1}, QByteArray(2, '\0'))});
    const Comparison comparison = compare(a, b);
    const QList<QByteArray> lines = CheckpointDiff::toCsv(comparison, a, b).split('\n');
    QCOMPARE(lines.size(), 5); // header, three names, the empty tail after the last line break
    QVERIFY(lines[0].startsWith("name,status,dtype_a,dtype_b,shape_a,shape_b,elements,max_abs"));
    QCOMPARE(lines[1], QByteArray("w,changed,float32,float32,[2],[2],2,1,0.5,0.44721359549995793,0.5,"
                                  "0.98994949366116647,false,,\r"));
    QCOMPARE(lines[2], QByteArray("\"odd,\"\"name\"\"\",only_in_a,float32,,[1],,,,,,,,,,\r"));
    QCOMPARE(lines[3], QByteArray("new,only_in_b,,float16,,[1],,,,,,,,,\r"));
}

void TestCheckpointDiff::complexAndQuantizedPairs()
{
    // complex64 compares by its real and imaginary parts: (1+2i, 3+4i) against (1+2i, 3+6i).
    const QByteArray ca = floats({1, 2, 3, 4}), cb = floats({1, 2, 3, 6});
    const Comparison complex =
        compare(sideOf({tensorFromBytes("c", DType::Complex64, {2}, ca),
                        tensorFromBytes("same", DType::Complex64, {2}, ca),
                        tensorFromBytes("mixed", DType::Complex64, {2}, ca)}),
                sideOf({tensorFromBytes("c", DType::Complex64, {2}, cb),
                        tensorFromBytes("same", DType::Complex64, {2}, ca),
                        tensorFromBytes("mixed", DType::Float32, {2}, floats({1, 3}))}));
    const TensorDiff &c = complex.tensors[0];
    QCOMPARE(c.status, DiffStatus::Changed);
    QCOMPARE(c.changedElements, qint64(1));
    QCOMPARE(c.maxAbs, 2.0);
    QCOMPARE(c.relL2, 2.0 / std::sqrt(30.0));
    QVERIFY(complex.tensors[1].bitIdentical);
    // Complex against real has no element-wise meaning: the dtypes differ, without statistics.
    QCOMPARE(complex.tensors[2].status, DiffStatus::DtypeDiffers);
    QVERIFY(!complex.tensors[2].hasStatistics);
    QVERIFY(!complex.totals().equal);

    // qint8: equal integers under another scale are different values; compared dequantized.
    auto quantized = [](const QString &name, QByteArray q, double scale) {
        TensorInfo t = tensorFromBytes(name, DType::QInt8, {4}, std::move(q));
        auto quantization = std::make_shared<Quantization>();
        quantization->scales = {scale};
        quantization->zeroPoints = {0};
        t.quantization = quantization;
        return t;
    };
    const QByteArray ints("\x01\x02\x03\x04", 4);
    const Comparison q = compare(sideOf({quantized("same", ints, 0.5), quantized("rescaled", ints, 0.5)}),
                                 sideOf({quantized("same", ints, 0.5), quantized("rescaled", ints, 0.25)}));
    QVERIFY(q.tensors[0].bitIdentical);
    QCOMPARE(q.tensors[1].status, DiffStatus::Changed);
    QVERIFY(!q.tensors[1].bitIdentical);
    QCOMPARE(q.tensors[1].maxAbs, 1.0); // 4 * 0.5 - 4 * 0.25
    QCOMPARE(q.tensors[1].changedElements, qint64(4));
}

void TestCheckpointDiff::namesThatCollideAfterTheMappingAreReported()
{
    // Stripping "module." makes two of A's names one; the second is left out and said so.
    const DiffSide a = sideOf({tensorFromBytes("module.w", DType::Float32, {1}, floats({1})),
                               tensorFromBytes("w", DType::Float32, {1}, floats({2}))});
    const DiffSide b = sideOf({tensorFromBytes("w", DType::Float32, {1}, floats({1}))});
    DiffOptions options;
    options.a.strip = QStringLiteral("module.");
    const Comparison comparison = compare(a, b, options);
    QCOMPARE(comparison.warnings,
             QStringList{QStringLiteral("A: 'module.w' and 'w' both map to 'w'; the second is left out")});
    QCOMPARE(comparison.tensors.size(), 1);
    QCOMPARE(comparison.tensors.first().indexA, 0);
    QCOMPARE(comparison.tensors.first().status, DiffStatus::Identical);
}

void TestCheckpointDiff::tiedPairsShareTheirStatistics()
{
    // head.weight is tied to embed.weight on both sides: read once, the same statistics under both
    // names. Tied on one side only, it is compared on its own.
    auto side = [](const QVector<float> &values, bool tied) {
        TensorInfo embed = tensorFromBytes("embed.weight", DType::Float32, {4}, floats(values));
        TensorInfo head = embed;
        head.name = QStringLiteral("head.weight");
        if (tied)
            head.tiedTo = 0;
        else
            head = tensorFromBytes("head.weight", DType::Float32, {4}, floats({1, 2, 3, 4}));
        return sideOf({embed, head});
    };
    const Comparison tied = compare(side({1, 2, 3, 4}, true), side({1, 2, 3, 5}, true));
    QCOMPARE(tied.tensors.size(), 2);
    for (const TensorDiff &diff : tied.tensors) {
        QCOMPARE(diff.status, DiffStatus::Changed);
        QVERIFY(diff.hasStatistics);
        QCOMPARE(diff.changedElements, qint64(1));
        QCOMPARE(diff.maxAbs, 1.0);
        QCOMPARE(diff.cosine, tied.tensors.first().cosine);
    }
    const Comparison oneSide = compare(side({1, 2, 3, 4}, true), side({1, 2, 3, 5}, false));
    QCOMPARE(oneSide.tensors[0].status, DiffStatus::Changed);
    QCOMPARE(oneSide.tensors[1].status, DiffStatus::Identical);
    QVERIFY(oneSide.tensors[1].bitIdentical);
}

void TestCheckpointDiff::longReadsGiveTheSameAnswer()
{
    // A comparison larger than memory reads ahead and gives pages back; the answer is the same.
    const DiffSide a = readSide(path("before.pt"));
    const DiffSide b = readSide(path("after.pt"));
    DiffOptions longRead;
    longRead.longRead = true;
    const Comparison normal = compare(a, b);
    const Comparison streamed = compare(a, b, longRead);
    QCOMPARE(streamed.tensors.size(), normal.tensors.size());
    for (int i = 0; i < normal.tensors.size(); ++i) {
        QCOMPARE(streamed.tensors[i].status, normal.tensors[i].status);
        QCOMPARE(streamed.tensors[i].maxAbs, normal.tensors[i].maxAbs);
        QCOMPARE(streamed.tensors[i].changedElements, normal.tensors[i].changedElements);
    }
    QVERIFY(!CheckpointDiff::needsLongRead(a, b)); // a few hundred KB
}

void TestCheckpointDiff::differenceHistogramOfEqualTensorsAndCancel()
{
    // All differences zero: one unit-wide range around them, as numpy does for a constant.
    const TensorInfo t = tensorFromBytes("t", DType::Float32, {3}, floats({1, 2, 3}));
    const HistogramResult equal = CheckpointDiff::differenceHistogram(t, t, 2);
    QCOMPARE(equal.edges, (QVector<double>{-0.5, 0, 0.5}));
    QCOMPARE(equal.counts, (QVector<qint64>{0, 3}));
    QCOMPARE(equal.stats.zeroCount, qint64(3));
    // Shapes that differ have no differences to count.
    const TensorInfo longer = tensorFromBytes("t", DType::Float32, {4}, floats({1, 2, 3, 4}));
    QVERIFY(CheckpointDiff::differenceHistogram(t, longer, 2).counts.isEmpty());
    // Canceled in either pass: says so and counts nothing.
    for (int cancelAfter : {0, 4}) { // four pieces a pass: in the first, then in the second
        int reports = 0;
        Progress progress;
        progress.report = [&reports](qint64, qint64) { ++reports; };
        progress.canceled = [&reports, cancelAfter] { return reports > cancelAfter; };
        const int n = 4 << 20;
        const TensorInfo big = tensorFromBytes("big", DType::Float32, {n}, floats(QVector<float>(n, 1.0f)));
        const HistogramResult canceled = CheckpointDiff::differenceHistogram(big, big, 10, progress);
        QVERIFY(progress.isCanceled());
        QVERIFY(canceled.counts.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestCheckpointDiff)
#include "tst_checkpointdiff.moc"
