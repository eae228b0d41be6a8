#include "formats/checkpointreader.h"
#include "stats/histogramkernel.h"
#include "stats/tensorstats.h"
#include "testsupport.h"

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
    void viewBoundsCannotWrap_data();
    void viewBoundsCannotWrap();
    void halfAndBfloat16Decode_data();
    void halfAndBfloat16Decode();
    void float8AndUnsignedDecode_data();
    void float8AndUnsignedDecode();
    void everyDTypeDecodesAsPyTorch_data();
    void everyDTypeDecodesAsPyTorch();

private:
    QTemporaryDir m_dir;
    QJsonObject m_expected;
    CheckpointContent m_content;
    QJsonObject m_decoded;
    CheckpointContent m_decodeContent;
};

void TestTensorStats::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString output;
    QVERIFY2(test::runPeer({QStringLiteral("special-values"), m_dir.path()}, &output) == 0,
             qPrintable(output));
    QVERIFY2(test::runPeer({QStringLiteral("decode-values"), m_dir.path()}, &output) == 0,
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

// A view's last element (offset + sum (size - 1) * stride) against the end of its storage: at the last
// element, one past it, and offsets, sizes and strides whose sum would wrap a 64-bit integer.
void TestTensorStats::viewBoundsCannotWrap_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QVector<qint64>>("shape");
    QTest::addColumn<QVector<qint64>>("strides");
    QTest::addColumn<QString>("reason"); // empty: a valid view
    const qint64 big = std::numeric_limits<qint64>::max();
    // The storage holds 12 float32 elements.
    QTest::newRow("last element: 11")
        << qint64(0) << QVector<qint64>{3, 4} << QVector<qint64>{4, 1} << QString();
    QTest::newRow("last element: 12")
        << qint64(1) << QVector<qint64>{3, 4} << QVector<qint64>{4, 1} << QStringLiteral("past the end");
    QTest::newRow("offset at the last element")
        << qint64(11) << QVector<qint64>{1} << QVector<qint64>{1} << QString();
    QTest::newRow("offset at the end")
        << qint64(12) << QVector<qint64>{1} << QVector<qint64>{1} << QStringLiteral("past the end");
    QTest::newRow("stride 11, size 2") << qint64(0) << QVector<qint64>{2} << QVector<qint64>{11} << QString();
    QTest::newRow("stride 12, size 2")
        << qint64(0) << QVector<qint64>{2} << QVector<qint64>{12} << QStringLiteral("past the end");
    QTest::newRow("offset near 2^63")
        << big - 1 << QVector<qint64>{2} << QVector<qint64>{2} << QStringLiteral("past the end");
    QTest::newRow("stride near 2^63")
        << qint64(0) << QVector<qint64>{2} << QVector<qint64>{big} << QStringLiteral("past the end");
    // Four terms of 2^62 each: their sum wraps to 0 in 64 bits.
    QTest::newRow("terms that wrap to zero")
        << qint64(0) << QVector<qint64>{2, 2, 2, 2}
        << QVector<qint64>{qint64(1) << 62, qint64(1) << 62, qint64(1) << 62, qint64(1) << 62}
        << QStringLiteral("past the end");
    QTest::newRow("size times stride wraps")
        << qint64(0) << QVector<qint64>{qint64(1) << 32, 1} << QVector<qint64>{qint64(1) << 32, 1}
        << QStringLiteral("past the end");
}

void TestTensorStats::viewBoundsCannotWrap()
{
    QFETCH(qint64, offset);
    QFETCH(QVector<qint64>, shape);
    QFETCH(QVector<qint64>, strides);
    QFETCH(QString, reason);
    TensorInfo tensor =
        test::tensorFromBytes(QStringLiteral("x"), DType::Float32, {12}, QByteArray(48, '\0'));
    tensor.shape = shape;
    tensor.strides = strides;
    tensor.storageOffset = offset;
    QString error;
    QVERIFY(test::outcomeMatches(tensor.validateView(&error), error, reason));
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

// PyTorch 1.13 has no float8 or wide unsigned types: bit patterns worked out by hand from the
// formats' definitions (e4m3fn: bias 7, no infinities; e5m2: bias 15, IEEE-like).
void TestTensorStats::float8AndUnsignedDecode_data()
{
    QTest::addColumn<int>("dtype");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<double>("value");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const auto e4m3 = [](int bits) { return QByteArray(1, char(bits)); };
    QTest::newRow("e4m3 one") << int(DType::Float8E4M3) << e4m3(0x38) << 1.0;
    QTest::newRow("e4m3 -1") << int(DType::Float8E4M3) << e4m3(0xb8) << -1.0;
    QTest::newRow("e4m3 max 448") << int(DType::Float8E4M3) << e4m3(0x7e) << 448.0;
    QTest::newRow("e4m3 smallest normal") << int(DType::Float8E4M3) << e4m3(0x08) << 0.015625;
    QTest::newRow("e4m3 smallest subnormal") << int(DType::Float8E4M3) << e4m3(0x01) << 0.001953125;
    QTest::newRow("e4m3 largest subnormal") << int(DType::Float8E4M3) << e4m3(0x07) << 0.013671875;
    QTest::newRow("e4m3 1.125") << int(DType::Float8E4M3) << e4m3(0x39) << 1.125;
    QTest::newRow("e4m3 nan") << int(DType::Float8E4M3) << e4m3(0x7f) << nan;
    QTest::newRow("e4m3 -nan") << int(DType::Float8E4M3) << e4m3(0xff) << nan;
    QTest::newRow("e4m3 -0") << int(DType::Float8E4M3) << e4m3(0x80) << -0.0;
    QTest::newRow("e5m2 one") << int(DType::Float8E5M2) << e4m3(0x3c) << 1.0;
    QTest::newRow("e5m2 -2") << int(DType::Float8E5M2) << e4m3(0xc0) << -2.0;
    QTest::newRow("e5m2 max 57344") << int(DType::Float8E5M2) << e4m3(0x7b) << 57344.0;
    QTest::newRow("e5m2 smallest subnormal") << int(DType::Float8E5M2) << e4m3(0x01) << 1.52587890625e-05;
    QTest::newRow("e5m2 inf") << int(DType::Float8E5M2) << e4m3(0x7c) << inf;
    QTest::newRow("e5m2 -inf") << int(DType::Float8E5M2) << e4m3(0xfc) << -inf;
    QTest::newRow("e5m2 nan") << int(DType::Float8E5M2) << e4m3(0x7d) << nan;
    QTest::newRow("uint16 max") << int(DType::UInt16) << bytesOf<quint16>({65535}) << 65535.0;
    QTest::newRow("uint32 max") << int(DType::UInt32) << bytesOf<quint32>({4294967295u}) << 4294967295.0;
    QTest::newRow("uint64 2^63") << int(DType::UInt64) << bytesOf<quint64>({quint64(1) << 63})
                                 << 9223372036854775808.0;
    QTest::newRow("int8 -128") << int(DType::Int8) << bytesOf<qint8>({-128}) << -128.0;
    QTest::newRow("complex64 real part") << int(DType::Complex64) << bytesOf<float>({1.5f, -7.0f}) << 1.5;
}

void TestTensorStats::float8AndUnsignedDecode()
{
    QFETCH(int, dtype);
    QFETCH(QByteArray, bytes);
    QFETCH(double, value);
    const double decoded = dtypeElementToDouble(DType(dtype), bytes.constData());
    if (std::isnan(value)) {
        QVERIFY(std::isnan(decoded));
        return;
    }
    QCOMPARE(decoded, value);
    QCOMPARE(std::signbit(decoded), std::signbit(value));
}

void TestTensorStats::everyDTypeDecodesAsPyTorch_data()
{
    QTest::addColumn<int>("index");
    QFile json(m_dir.filePath(QStringLiteral("decode.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    m_decoded = QJsonDocument::fromJson(json.readAll()).object();
    QString error;
    QVERIFY2(
        readCheckpoint(m_dir.filePath(QStringLiteral("decode.pt")), Progress(), &m_decodeContent, &error),
        qPrintable(error));
    QVERIFY(m_decodeContent.tensors.size() >= 11);
    for (int i = 0; i < int(m_decodeContent.tensors.size()); ++i)
        QTest::newRow(qPrintable(m_decodeContent.tensors[size_t(i)].name)) << i;
}

// Element by element, through each tensor's strides and offset, against PyTorch's .double().
void TestTensorStats::everyDTypeDecodesAsPyTorch()
{
    QFETCH(int, index);
    const TensorInfo &tensor = m_decodeContent.tensors[size_t(index)];
    const QJsonArray want = m_decoded.value(tensor.name).toArray();
    QCOMPARE(qint64(want.size()), tensor.numel());
    const QByteArray bytes = tensor.contiguousBytes();
    const int size = dtypeElementSize(tensor.dtype);
    for (int i = 0; i < want.size(); ++i) {
        const double got = dtypeElementToDouble(tensor.dtype, bytes.constData() + qint64(i) * size);
        const QJsonValue expected = want.at(i);
        if (expected.isString()) { // "nan", "inf", "-inf": JSON has no such numbers
            const QString text = expected.toString();
            QVERIFY2(text == QLatin1String("nan") ? std::isnan(got)
                                                  : got == (text.startsWith(QLatin1Char('-')) ? -1 : 1) *
                                                               std::numeric_limits<double>::infinity(),
                     qPrintable(text));
        } else {
            QCOMPARE(got, expected.toDouble());
        }
    }
}

QTEST_GUILESS_MAIN(TestTensorStats)
#include "tst_tensorstats.moc"
