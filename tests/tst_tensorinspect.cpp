#include "formats/checkpointreader.h"
#include "inspect/elementvalue.h"
#include "inspect/healthreport.h"
#include "inspect/spectrum.h"
#include "inspect/tensorslice.h"
#include "inspect/valueexport.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

using namespace torchscope;

namespace {

const TensorInfo *findIn(const CheckpointContent &content, const QString &name)
{
    for (const TensorInfo &tensor : content.tensors)
        if (tensor.name == name)
            return &tensor;
    return nullptr;
}

template <typename T>
TensorInfo tensorOf(const QString &name, DType dtype, const QVector<qint64> &shape,
                    std::initializer_list<T> values)
{
    QByteArray bytes;
    for (T v : values)
        bytes.append(reinterpret_cast<const char *>(&v), sizeof v);
    return test::tensorFromBytes(name, dtype, shape, bytes);
}

bool close(double got, double want, double relative)
{
    return std::abs(got - want) <= relative * std::max(1.0, std::abs(want));
}

} // namespace

// The inspector's domain: slices, single elements, exports, search, the health report and spectra,
// each against what numpy and PyTorch say of the same tensors.
class TestTensorInspect : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void slices_data();
    void slices();
    void elementText_data();
    void elementText();
    void exportsEqualNumpy();
    void exportsOfEmptyAndScalar();
    void findNext_data();
    void findNext();
    void numpyLiteral();
    void healthStatisticsEqualPyTorchs();
    void healthFlagsPointAtThePlantedFaults();
    void healthJsonAndCsv();
    void siblingKey_data();
    void siblingKey();
    void spectrumEqualsNumpy_data();
    void spectrumEqualsNumpy();
    void powerLawRecoversAKnownExponent();
    void spectrumRefusesWhatIsNoMatrix_data();
    void spectrumRefusesWhatIsNoMatrix();

private:
    QTemporaryDir m_dir;
    CheckpointContent m_values;
    CheckpointContent m_health;
    CheckpointContent m_matrices;
    QJsonObject m_healthExpected;
    QJsonObject m_spectra;
};

void TestTensorInspect::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString output;
    QVERIFY2(test::runPeer({QStringLiteral("inspect"), m_dir.path()}, &output) == 0, qPrintable(output));
    QString error;
    QVERIFY2(readCheckpoint(m_dir.filePath("values.pt"), Progress(), &m_values, &error), qPrintable(error));
    QVERIFY2(readCheckpoint(m_dir.filePath("health.pt"), Progress(), &m_health, &error), qPrintable(error));
    QVERIFY2(readCheckpoint(m_dir.filePath("spectrum.pt"), Progress(), &m_matrices, &error),
             qPrintable(error));
    QFile health(m_dir.filePath("health.json"));
    QVERIFY(health.open(QIODevice::ReadOnly));
    m_healthExpected = QJsonDocument::fromJson(health.readAll()).object();
    QFile spectra(m_dir.filePath("spectrum.json"));
    QVERIFY(spectra.open(QIODevice::ReadOnly));
    m_spectra = QJsonDocument::fromJson(spectra.readAll()).object();
}

void TestTensorInspect::slices_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVector<qint64>>("shape"); // of a 4 x 5 x 6 tensor
    QTest::addColumn<QVector<qint64>>("strides");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QString>("error");
    using V = QVector<qint64>;
    QTest::newRow("whole") << "" << V{4, 5, 6} << V{30, 6, 1} << qint64(0) << "";
    QTest::newRow("index") << "1" << V{5, 6} << V{6, 1} << qint64(30) << "";
    QTest::newRow("negative index") << "-1,2" << V{6} << V{1} << qint64(90 + 12) << "";
    QTest::newRow("all indices") << "3,4,5" << V{} << V{} << qint64(119) << "";
    QTest::newRow("ranges") << ":,1:3,::2" << V{4, 2, 3} << V{30, 6, 2} << qint64(6) << "";
    QTest::newRow("clipped") << "2:100,-2:" << V{2, 2, 6} << V{30, 6, 1} << qint64(60 + 18) << "";
    QTest::newRow("reversed") << "::-1" << V{4, 5, 6} << V{-30, 6, 1} << qint64(90) << "";
    QTest::newRow("reversed range") << ":,3:0:-2" << V{4, 2, 6} << V{30, -12, 1} << qint64(18) << "";
    QTest::newRow("empty range") << "3:1" << V{0, 5, 6} << V{30, 6, 1} << qint64(0) << "";
    QTest::newRow("spaces") << " 0 , : " << V{5, 6} << V{6, 1} << qint64(0) << "";
    QTest::newRow("out of range") << "4" << V{} << V{} << qint64(0) << "out of range";
    QTest::newRow("too many") << "0,0,0,0" << V{} << V{} << qint64(0) << "the slice names more";
    QTest::newRow("not a number") << "a" << V{} << V{} << qint64(0) << "bad slice item 'a'";
    QTest::newRow("zero step") << "::0" << V{} << V{} << qint64(0) << "step cannot be zero";
    QTest::newRow("four colons") << "1:2:3:4" << V{} << V{} << qint64(0) << "bad slice item";
}

void TestTensorInspect::slices()
{
    QFETCH(QString, text);
    QFETCH(QVector<qint64>, shape);
    QFETCH(QVector<qint64>, strides);
    QFETCH(qint64, offset);
    QFETCH(QString, error);
    const TensorInfo tensor = test::makeTensor("t", TensorKind::Tensor, {4, 5, 6});
    TensorSlice slice;
    QString reason;
    TensorInfo view;
    const bool ok = TensorSlice::parse(text, &slice, &reason) && slice.apply(tensor, &view, &reason);
    QVERIFY2(test::outcomeMatches(ok, reason, error), qPrintable(reason));
    if (!ok)
        return;
    QCOMPARE(view.shape, shape);
    QCOMPARE(view.strides, strides);
    QCOMPARE(view.storageOffset, offset);
    // The text form parses back to the same view.
    TensorSlice again;
    TensorInfo sameView;
    QVERIFY(TensorSlice::parse(slice.toString(), &again, &reason) && again.apply(tensor, &sameView, &reason));
    QCOMPARE(sameView.shape, view.shape);
    QCOMPARE(sameView.storageOffset, view.storageOffset);
}

void TestTensorInspect::elementText_data()
{
    QTest::addColumn<TensorInfo>("tensor");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("roundTrip");
    QTest::addColumn<QString>("exact");
    QTest::addColumn<QString>("bits");
    const float nan = std::numeric_limits<float>::quiet_NaN();
    QTest::newRow("float32 0.1") << tensorOf<float>("t", DType::Float32, {}, {0.1f}) << "0.1"
                                 << "0.1"
                                 << "0.100000001490116119384765625"
                                 << "0x3dcccccd (0 01111011 10011001100110011001101)";
    QTest::newRow("float64 1/3") << tensorOf<double>("t", DType::Float64, {}, {1.0 / 3}) << "0.333333"
                                 << "0.3333333333333333"
                                 << "0.333333333333333314829616256247390992939472198486328125"
                                 << "0x3fd5555555555555 (0 01111111101 "
                                    "0101010101010101010101010101010101010101010101010101)";
    QTest::newRow("float16 65504") << tensorOf<quint16>("t", DType::Float16, {}, {0x7bff}) << "65504"
                                   << "65504"
                                   << "65504"
                                   << "0x7bff (0 11110 1111111111)";
    QTest::newRow("bfloat16 pi") << tensorOf<quint16>("t", DType::BFloat16, {}, {0x4049}) << "3.14063"
                                 << "3.140625"
                                 << "3.140625"
                                 << "0x4049 (0 10000000 1001001)";
    QTest::newRow("float32 nan") << tensorOf<float>("t", DType::Float32, {}, {nan}) << "nan"
                                 << "nan"
                                 << "nan"
                                 << "0x7fc00000 (0 11111111 10000000000000000000000)";
    QTest::newRow("float32 -inf") << tensorOf<float>("t", DType::Float32, {}, {-INFINITY}) << "-inf"
                                  << "-inf"
                                  << "-inf"
                                  << "0xff800000 (1 11111111 00000000000000000000000)";
    QTest::newRow("int64 min") << tensorOf<qint64>("t", DType::Int64, {},
                                                   {std::numeric_limits<qint64>::min()})
                               << "-9223372036854775808"
                               << "-9223372036854775808"
                               << "-9223372036854775808"
                               << "0x8000000000000000";
    QTest::newRow("uint64 max") << tensorOf<quint64>("t", DType::UInt64, {}, {~quint64(0)})
                                << "18446744073709551615"
                                << "18446744073709551615"
                                << "18446744073709551615"
                                << "0xffffffffffffffff";
    QTest::newRow("int8") << tensorOf<qint8>("t", DType::Int8, {}, {-5}) << "-5"
                          << "-5"
                          << "-5"
                          << "0xfb";
    QTest::newRow("bool") << tensorOf<quint8>("t", DType::Bool, {}, {1}) << "True"
                          << "True"
                          << "True"
                          << "0x01";
    QTest::newRow("complex64") << tensorOf<float>("t", DType::Complex64, {}, {1.5f, -0.25f}) << "1.5-0.25j"
                               << "1.5-0.25j"
                               << "1.5"
                               << "0x3fc00000 (0 01111111 10000000000000000000000)";
}

void TestTensorInspect::elementText()
{
    QFETCH(TensorInfo, tensor);
    QFETCH(QString, text);
    QFETCH(QString, roundTrip);
    QFETCH(QString, exact);
    QFETCH(QString, bits);
    const ElementValue value = readElement(tensor, {});
    QCOMPARE(value.text(), text);
    QCOMPARE(value.roundTrip(), roundTrip);
    QCOMPARE(value.exactDecimal(), exact);
    QCOMPARE(value.bitPattern(), bits);
}

// Every tensor of values.pt, whole and sliced, written as .npy and .csv; numpy loads each and
// compares it bit for bit with the same slice of the tensor torch.load gives.
void TestTensorInspect::exportsEqualNumpy()
{
    QJsonArray manifest;
    int written = 0;
    for (const TensorInfo &tensor : m_values.tensors) {
        QStringList slices{QString()};
        if (tensor.shape.size() >= 1 && tensor.numel() > 0)
            slices << "-1"
                   << "::-1";
        if (tensor.shape.size() >= 2 && tensor.numel() > 0)
            slices << "1:,::2"
                   << ":,-1"
                   << "::-2,1:3";
        if (tensor.shape.size() >= 3)
            slices << "1,:,2";
        for (const QString &text : std::as_const(slices)) {
            TensorSlice slice;
            TensorInfo view;
            QString error;
            QVERIFY2(TensorSlice::parse(text, &slice, &error) && slice.apply(tensor, &view, &error),
                     qPrintable(error));
            const QString stem = m_dir.filePath(QStringLiteral("export%1").arg(written++));
            for (const QString &suffix : {QStringLiteral(".npy"), QStringLiteral(".csv")}) {
                QFile file(stem + suffix);
                QVERIFY(file.open(QIODevice::WriteOnly));
                const bool ok = suffix == QLatin1String(".npy")
                                    ? ValueExport::writeNpy(view, &file, Progress(), &error)
                                    : ValueExport::writeCsv(view, &file, Progress(), &error);
                QVERIFY2(ok, qPrintable(error));
            }
            manifest.append(QJsonObject{{"file", m_dir.filePath("values.pt")},
                                        {"tensor", tensor.name},
                                        {"slice", text},
                                        {"npy", QString(stem + ".npy")},
                                        {"csv", QString(stem + ".csv")}});
        }
    }
    QVERIFY(written > 60);
    QFile file(m_dir.filePath("manifest.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(manifest).toJson());
    file.close();
    QString output;
    QVERIFY2(test::runPeer({"check-values", file.fileName()}, &output) == 0, qPrintable(output));
}

void TestTensorInspect::exportsOfEmptyAndScalar()
{
    // The header alone for an empty tensor; "()" for a scalar; NumPy's 64-byte alignment.
    const TensorInfo *empty = findIn(m_values, "empty");
    QVERIFY(empty);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    QVERIFY(ValueExport::writeNpy(*empty, &buffer, Progress(), &error));
    QCOMPARE(buffer.data().size(), 128);
    QVERIFY(buffer.data().contains("'shape': (0, 7)"));
    const TensorInfo *scalar = findIn(m_values, "scalar");
    QVERIFY(scalar);
    QBuffer scalarBuffer;
    scalarBuffer.open(QIODevice::WriteOnly);
    QVERIFY(ValueExport::writeNpy(*scalar, &scalarBuffer, Progress(), &error));
    QVERIFY(scalarBuffer.data().contains("'shape': ()"));
    QCOMPARE(scalarBuffer.data().size() % 64, 4);
    // A canceled export says so.
    Progress cancel;
    cancel.canceled = [] { return true; };
    QBuffer canceled;
    canceled.open(QIODevice::WriteOnly);
    QVERIFY(!ValueExport::writeNpy(*findIn(m_values, "f32"), &canceled, cancel, &error));
    QCOMPARE(error, QStringLiteral("canceled"));
}

void TestTensorInspect::findNext_data()
{
    QTest::addColumn<QString>("tensor");
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("found");
    using K = ValueQuery::Kind;
    // f16_special: 0, -0, 65504, 6e-8, inf, nan
    QTest::newRow("nan") << "f16_special" << int(K::NaN) << 0.0 << qint64(0) << qint64(5);
    QTest::newRow("inf") << "f16_special" << int(K::Inf) << 0.0 << qint64(0) << qint64(4);
    QTest::newRow("zero") << "f16_special" << int(K::Zero) << 0.0 << qint64(0) << qint64(0);
    QTest::newRow("negative zero is zero") << "f16_special" << int(K::Zero) << 0.0 << qint64(1) << qint64(1);
    QTest::newRow("no zero after") << "f16_special" << int(K::Zero) << 0.0 << qint64(2) << qint64(-1);
    QTest::newRow("above") << "f16_special" << int(K::AbsAbove) << 1000.0 << qint64(0) << qint64(2);
    QTest::newRow("inf is above") << "f16_special" << int(K::AbsAbove) << 1000.0 << qint64(3) << qint64(4);
    // bf16_special: 1e38, -1e-38, -inf, 3.140625, nan
    QTest::newRow("bfloat16 -inf") << "bf16_special" << int(K::Inf) << 0.0 << qint64(0) << qint64(2);
    // f32_view = arange(24).reshape(4, 6).t()[1:, ::2]: rows [1, 13], [2, 14], ...; 14 is element 3.
    QTest::newRow("strided view") << "f32_view" << int(K::AbsAbove) << 13.5 << qint64(0) << qint64(3);
    QTest::newRow("integers have no nan") << "i32" << int(K::NaN) << 0.0 << qint64(0) << qint64(-1);
    QTest::newRow("empty") << "empty" << int(K::Zero) << 0.0 << qint64(0) << qint64(-1);
}

void TestTensorInspect::findNext()
{
    QFETCH(QString, tensor);
    QFETCH(int, kind);
    QFETCH(double, threshold);
    QFETCH(qint64, from);
    QFETCH(qint64, found);
    const TensorInfo *t = findIn(m_values, tensor);
    QVERIFY(t);
    ValueQuery query;
    query.kind = ValueQuery::Kind(kind);
    query.threshold = threshold;
    QCOMPARE(query.findNext(*t, from), found);
}

void TestTensorInspect::numpyLiteral()
{
    const TensorInfo *t = findIn(m_values, "f32_view");
    QVERIFY(t);
    QVector<QVector<ElementValue>> rows;
    for (qint64 r = 0; r < 2; ++r)
        rows.append({readElement(*t, {r, 0}), readElement(*t, {r, 1})});
    QCOMPARE(ValueExport::numpyLiteral(rows, t->dtype),
             QStringLiteral("np.array([[1, 13],\n          [2, 14]], dtype='<f4')"));
    QCOMPARE(ValueExport::tabSeparated(rows), QStringLiteral("1\t13\n2\t14\n"));
    const TensorInfo *special = findIn(m_values, "bf16_special");
    QVERIFY(special);
    QVector<QVector<ElementValue>> one{{readElement(*special, {2}), readElement(*special, {4})}};
    QCOMPARE(
        ValueExport::numpyLiteral(one, special->dtype),
        QStringLiteral("np.array([[-np.inf, np.nan]], dtype='<f4')  # bfloat16 values, exact in float32"));
}

void TestTensorInspect::healthStatisticsEqualPyTorchs()
{
    std::vector<const TensorInfo *> tensors;
    for (const TensorInfo &t : m_health.tensors)
        tensors.push_back(&t);
    const QVector<TensorHealth> report = HealthReport::compute(tensors);
    const QJsonObject expected = m_healthExpected.value("tensors").toObject();
    QCOMPARE(report.size(), expected.size());
    for (const TensorHealth &entry : report) {
        const QJsonObject want = expected.value(entry.name).toObject();
        QVERIFY2(!want.isEmpty(), qPrintable(entry.name));
        QCOMPARE(entry.numel, want.value("numel").toInteger());
        QCOMPARE(entry.stats.nanCount, want.value("nan_count").toInteger());
        QCOMPARE(entry.stats.infCount, want.value("inf_count").toInteger());
        QVERIFY2(close(entry.zeroFraction(), want.value("zero_fraction").toDouble(), 1e-15),
                 qPrintable(entry.name));
        const struct
        {
            const char *key;
            double got;
        } checks[] = {{"min", entry.stats.min},
                      {"max", entry.stats.max},
                      {"mean", entry.stats.mean},
                      {"std", entry.stats.std},
                      {"l2_norm", entry.stats.l2Norm}};
        for (const auto &check : checks)
            QVERIFY2(close(check.got, want.value(check.key).toDouble(), 1e-12),
                     qPrintable(QString("%1 %2: %3 vs PyTorch %4")
                                    .arg(entry.name, check.key)
                                    .arg(check.got, 0, 'g', 17)
                                    .arg(want.value(check.key).toDouble(), 0, 'g', 17)));
    }
}

void TestTensorInspect::healthFlagsPointAtThePlantedFaults()
{
    std::vector<const TensorInfo *> tensors;
    for (const TensorInfo &t : m_health.tensors)
        tensors.push_back(&t);
    const QVector<TensorHealth> report = HealthReport::compute(tensors);
    const QJsonObject planted = m_healthExpected.value("flags").toObject();
    for (const TensorHealth &entry : report) {
        QStringList want;
        for (const auto &flag : planted.value(entry.name).toArray())
            want << flag.toString();
        QVERIFY2(entry.flags == want,
                 qPrintable(QString("%1: flags [%2], planted [%3]")
                                .arg(entry.name, entry.flags.join(", "), want.join(", "))));
    }
}

void TestTensorInspect::healthJsonAndCsv()
{
    std::vector<const TensorInfo *> tensors;
    for (const TensorInfo &t : m_health.tensors)
        tensors.push_back(&t);
    const QVector<TensorHealth> report = HealthReport::compute(tensors);
    const QJsonArray rows = HealthReport::toJson(report).value("tensors").toArray();
    QCOMPARE(rows.size(), report.size());
    const QStringList keys{"name", "dtype",   "numel",         "min",       "max",       "mean",
                           "std",  "l2_norm", "zero_fraction", "nan_count", "inf_count", "flags"};
    for (const auto &row : rows) {
        QStringList have = row.toObject().keys();
        have.sort();
        QStringList want = keys;
        want.sort();
        QCOMPARE(have, want);
    }
    const QByteArray csv = HealthReport::toCsv(report);
    QCOMPARE(csv.count("\r\n"), report.size() + 1); // RFC 4180 records
    QCOMPARE(csv.count('\n'), report.size() + 1);
    const QList<QByteArray> lines = csv.trimmed().split('\n');
    QCOMPARE(lines.size(), report.size() + 1);
    QCOMPARE(
        lines.first(),
        QByteArray("name,dtype,numel,min,max,mean,std,l2_norm,zero_fraction,nan_count,inf_count,flags\r"));
    QVERIFY(csv.contains("blocks.4.weight,float32,256,0,0,0,0,0,1,0,0,all_zero norm_outlier\r\n"));
}

void TestTensorInspect::siblingKey_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("key");
    QTest::newRow("block") << "model.layers.12.self_attn.q_proj.weight"
                           << "model.layers.#.self_attn.q_proj.weight";
    QTest::newRow("sequential") << "3.weight"
                                << "#.weight";
    QTest::newRow("digits inside a name stay") << "conv1.weight"
                                               << "conv1.weight";
    QTest::newRow("nested") << "h.0.mlp.experts.7.w1"
                            << "h.#.mlp.experts.#.w1";
}

void TestTensorInspect::siblingKey()
{
    QFETCH(QString, name);
    QFETCH(QString, key);
    QCOMPARE(HealthReport::siblingKey(name), key);
}

void TestTensorInspect::spectrumEqualsNumpy_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name : {"linear", "tall", "conv", "half", "powerlaw"})
        QTest::newRow(qPrintable(name)) << name;
}

// Singular values, stable and effective rank and the power-law fit against numpy.linalg.svd and
// the powerlaw package's method applied to numpy's eigenvalues.
void TestTensorInspect::spectrumEqualsNumpy()
{
    QFETCH(QString, name);
    const TensorInfo *tensor = findIn(m_matrices, name);
    QVERIFY(tensor);
    Spectrum spectrum;
    QString error;
    QVERIFY2(Spectrum::compute(*tensor, &spectrum, Progress(), &error), qPrintable(error));
    const QJsonObject want = m_spectra.value(name).toObject();
    const QJsonArray singular = want.value("singular_values").toArray();
    QCOMPARE(spectrum.singularValues.size(), singular.size());
    QCOMPARE(spectrum.rows, tensor->shape[0]);
    const double largest = singular.first().toDouble();
    for (int i = 0; i < singular.size(); ++i)
        QVERIFY2(std::abs(spectrum.singularValues[i] - singular[i].toDouble()) <= 1e-9 * largest,
                 qPrintable(QString("singular value %1: %2 vs numpy %3")
                                .arg(i)
                                .arg(spectrum.singularValues[i], 0, 'g', 17)
                                .arg(singular[i].toDouble(), 0, 'g', 17)));
    QVERIFY(close(spectrum.stableRank, want.value("stable_rank").toDouble(), 1e-9));
    QVERIFY(close(spectrum.effectiveRank, want.value("effective_rank").toDouble(), 1e-9));
    QVERIFY(spectrum.alpha.valid);
    QVERIFY2(
        close(spectrum.alpha.xmin, want.value("xmin").toDouble(), 1e-9),
        qPrintable(QString("xmin %1 vs %2").arg(spectrum.alpha.xmin).arg(want.value("xmin").toDouble())));
    QVERIFY2(
        close(spectrum.alpha.alpha, want.value("alpha").toDouble(), 1e-7),
        qPrintable(QString("alpha %1 vs %2").arg(spectrum.alpha.alpha).arg(want.value("alpha").toDouble())));
}

void TestTensorInspect::powerLawRecoversAKnownExponent()
{
    // Eigenvalues drawn from p(x) ~ x^-3 for x >= 1 (the "powerlaw" matrix): the fit finds 3.
    const TensorInfo *tensor = findIn(m_matrices, "powerlaw");
    QVERIFY(tensor);
    Spectrum spectrum;
    QString error;
    QVERIFY(Spectrum::compute(*tensor, &spectrum, Progress(), &error));
    QVERIFY2(std::abs(spectrum.alpha.alpha - 3.0) < 0.3, qPrintable(QString::number(spectrum.alpha.alpha)));
    // A sample that is exactly a power law's quantiles: every xmin fits, the MLE is close to 2.5.
    QVector<double> quantiles;
    for (int i = 0; i < 2000; ++i)
        quantiles.append(std::pow(1.0 - (i + 0.5) / 2000.0, -1.0 / 1.5));
    const PowerLawFit fit = PowerLawFit::fit(quantiles);
    QVERIFY(fit.valid);
    QVERIFY2(std::abs(fit.alpha - 2.5) < 0.05, qPrintable(QString::number(fit.alpha)));
    QVERIFY(!PowerLawFit::fit({1.0}).valid);
    QVERIFY(!PowerLawFit::fit({2.0, 2.0, 2.0}).valid);
}

void TestTensorInspect::spectrumRefusesWhatIsNoMatrix_data()
{
    QTest::addColumn<TensorInfo>("tensor");
    QTest::addColumn<QString>("reason");
    QTest::newRow("vector") << test::makeTensor("v", TensorKind::Parameter, {5}) << "two or more axes";
    QTest::newRow("integers") << test::makeTensor("i", TensorKind::Buffer, {2, 2}, false, DType::Int32)
                              << "floating-point";
    QTest::newRow("complex") << test::makeTensor("c", TensorKind::Buffer, {2, 2}, false, DType::Complex64)
                             << "floating-point";
    QTest::newRow("empty") << test::makeTensor("e", TensorKind::Buffer, {0, 3}) << "empty";
    const float nan = std::numeric_limits<float>::quiet_NaN();
    QTest::newRow("nan") << tensorOf<float>("n", DType::Float32, {2, 2}, {1, nan, 0, 1}) << "NaN";
}

void TestTensorInspect::spectrumRefusesWhatIsNoMatrix()
{
    QFETCH(TensorInfo, tensor);
    QFETCH(QString, reason);
    Spectrum spectrum;
    QString error;
    QVERIFY(!Spectrum::compute(tensor, &spectrum, Progress(), &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestTensorInspect)
#include "tst_tensorinspect.moc"
