#include "formats/checkpointreader.h"
#include "stats/histogramkernel.h"
#include "stats/tensorstats.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>

using namespace torchscope;

namespace {
template <typename T> QByteArray bytesOf(std::initializer_list<T> values)
{
    QByteArray out;
    for (T v : values)
        out.append(reinterpret_cast<const char *>(&v), sizeof(T));
    return out;
}
} // namespace

class TestTensorStats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyStatisticEqualsPyTorchs_data();
    void everyStatisticEqualsPyTorchs();
    void statistics_data();
    void statistics();
    void stridedViewReadsLikePyTorch();
    void halfAndBfloat16Decode_data();
    void halfAndBfloat16Decode();

private:
    QTemporaryDir m_dir;
    QJsonObject m_expected;
    CheckpointContent m_content;
};

void TestTensorStats::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString output;
    QVERIFY2(test::runPeer({QStringLiteral("special-values"), m_dir.path()}, &output) == 0,
             qPrintable(output));
    QFile json(m_dir.filePath(QStringLiteral("special.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    m_expected = QJsonDocument::fromJson(json.readAll()).object();
    QString error;
    QVERIFY2(readCheckpoint(m_dir.filePath(QStringLiteral("special.pt")), Progress(), &m_content, &error),
             qPrintable(error));
    QCOMPARE(int(m_content.tensors.size()), m_expected.size());
}

void TestTensorStats::everyStatisticEqualsPyTorchs_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < int(m_content.tensors.size()); ++i)
        QTest::newRow(qPrintable(m_content.tensors[size_t(i)].name)) << i;
}

// Each statistic of tensors holding NaN, +-Inf, zeros and -0 against PyTorch's own (float64) values,
// through both ways Torchscope computes them: per tensor and the pooled histogram kernel.
void TestTensorStats::everyStatisticEqualsPyTorchs()
{
    QFETCH(int, index);
    const TensorInfo &tensor = m_content.tensors[size_t(index)];
    const QJsonObject want = m_expected.value(tensor.name).toObject();
    const auto close = [](double got, const QJsonValue &expected) {
        const double e = expected.toDouble();
        return std::abs(got - e) <= 1e-12 * std::max(1.0, std::abs(e));
    };
    for (const TensorStats &stats : {TensorStats::compute(tensor),
                                     HistogramKernel::statistics(std::vector<const TensorInfo *>{&tensor})}) {
        QCOMPARE(stats.count, qint64(want.value("numel").toInteger()));
        QCOMPARE(stats.nanCount, qint64(want.value("nan_count").toInteger()));
        QCOMPARE(stats.infCount, qint64(want.value("inf_count").toInteger()));
        QCOMPARE(stats.zeroCount, qint64(want.value("zero_count").toInteger()));
        QCOMPARE(stats.finite, stats.count - stats.nanCount - stats.infCount);
        QCOMPARE(stats.hasMoments(), !want.value("min").isNull());
        if (!stats.hasMoments())
            continue;
        QVERIFY2(close(stats.min, want.value("min")), qPrintable(QString::number(stats.min, 'g', 17)));
        QVERIFY2(close(stats.max, want.value("max")), qPrintable(QString::number(stats.max, 'g', 17)));
        QVERIFY2(close(stats.mean, want.value("mean")), qPrintable(QString::number(stats.mean, 'g', 17)));
        QVERIFY2(close(stats.std, want.value("std")), qPrintable(QString::number(stats.std, 'g', 17)));
        QVERIFY2(close(stats.l2Norm, want.value("l2_norm")),
                 qPrintable(QString::number(stats.l2Norm, 'g', 17)));
        QVERIFY(close(double(stats.zeroCount) / double(stats.count), want.value("zero_fraction")));
    }
}

void TestTensorStats::statistics_data()
{
    QTest::addColumn<int>("dtype");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<qint64>("finite");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("std");
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();

    QTest::newRow("float32") << int(DType::Float32) << bytesOf<float>({1, 2, 3, 4}) << qint64(4) << qint64(4)
                             << 1.0 << 4.0 << 2.5 << std::sqrt(1.25);
    QTest::newRow("nan and inf left out") << int(DType::Float32) << bytesOf<float>({nan, 2, inf, 4, -inf})
                                          << qint64(5) << qint64(2) << 2.0 << 4.0 << 3.0 << 1.0;
    QTest::newRow("int64") << int(DType::Int64) << bytesOf<qint64>({-5, 5}) << qint64(2) << qint64(2) << -5.0
                           << 5.0 << 0.0 << 5.0;
    QTest::newRow("uint8") << int(DType::UInt8) << bytesOf<quint8>({0, 255}) << qint64(2) << qint64(2) << 0.0
                           << 255.0 << 127.5 << 127.5;
    QTest::newRow("bool") << int(DType::Bool) << bytesOf<quint8>({1, 0, 1, 1}) << qint64(4) << qint64(4)
                          << 0.0 << 1.0 << 0.75 << std::sqrt(0.1875);
    QTest::newRow("float64 one element") << int(DType::Float64) << bytesOf<double>({-0.5}) << qint64(1)
                                         << qint64(1) << -0.5 << -0.5 << -0.5 << 0.0;
    QTest::newRow("all nan") << int(DType::Float32) << bytesOf<float>({nan, nan}) << qint64(2) << qint64(0)
                             << 0.0 << 0.0 << 0.0 << 0.0;
}

void TestTensorStats::statistics()
{
    QFETCH(int, dtype);
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, count);
    QFETCH(qint64, finite);
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(double, mean);
    QFETCH(double, std);
    const TensorInfo tensor = test::tensorFromBytes(QStringLiteral("t"), DType(dtype), {count}, bytes);
    const TensorStats stats = TensorStats::compute(tensor);
    QCOMPARE(stats.count, count);
    QCOMPARE(stats.finite, finite);
    QCOMPARE(stats.hasMoments(), finite > 0);
    if (finite > 0) {
        QCOMPARE(stats.min, min);
        QCOMPARE(stats.max, max);
        QCOMPARE(stats.mean, mean);
        QVERIFY(std::abs(stats.std - std) < 1e-12);
    }
}

void TestTensorStats::stridedViewReadsLikePyTorch()
{
    // x = torch.arange(6.).reshape(2, 3).t()  -> [[0, 3], [1, 4], [2, 5]]
    TensorInfo tensor = test::tensorFromBytes(QStringLiteral("x"), DType::Float32, {3, 2},
                                              bytesOf<float>({0, 1, 2, 3, 4, 5}));
    tensor.strides = {1, 3};
    QString error;
    QVERIFY2(tensor.validateView(&error), qPrintable(error));
    QVERIFY(!tensor.isContiguous());
    QCOMPARE(tensor.contiguousBytes(), bytesOf<float>({0, 3, 1, 4, 2, 5}));
    // A view past the storage end is refused.
    tensor.storageOffset = 1;
    QVERIFY(!tensor.validateView(&error));
    QVERIFY(error.contains(QStringLiteral("past the end")));
    TensorInfo empty = test::tensorFromBytes(QStringLiteral("e"), DType::Float32, {0, 3}, QByteArray());
    QVERIFY(empty.validateView(&error));
    QCOMPARE(TensorStats::compute(empty).count, qint64(0));
    QVERIFY(!TensorStats::compute(empty).hasMoments());
}

void TestTensorStats::halfAndBfloat16Decode_data()
{
    QTest::addColumn<bool>("bfloat");
    QTest::addColumn<int>("bits");
    QTest::addColumn<float>("value");
    QTest::newRow("half one") << false << 0x3c00 << 1.0f;
    QTest::newRow("half -2") << false << 0xc000 << -2.0f;
    QTest::newRow("half max") << false << 0x7bff << 65504.0f;
    QTest::newRow("half smallest subnormal") << false << 0x0001 << 5.9604644775390625e-08f;
    QTest::newRow("half -0") << false << 0x8000 << -0.0f;
    QTest::newRow("half inf") << false << 0x7c00 << std::numeric_limits<float>::infinity();
    QTest::newRow("bf16 one") << true << 0x3f80 << 1.0f;
    QTest::newRow("bf16 -3") << true << 0xc040 << -3.0f;
}

void TestTensorStats::halfAndBfloat16Decode()
{
    QFETCH(bool, bfloat);
    QFETCH(int, bits);
    QFETCH(float, value);
    const float decoded = bfloat ? bfloat16ToFloat(quint16(bits)) : halfToFloat(quint16(bits));
    QCOMPARE(decoded, value);
    QCOMPARE(std::signbit(decoded), std::signbit(value));
    QVERIFY(std::isnan(halfToFloat(0x7e00)));
}

QTEST_GUILESS_MAIN(TestTensorStats)
#include "tst_tensorstats.moc"
