// The histogram kernel: exact numpy.histogram semantics for every dtype and view, by hand and
// against real numpy on tensors PyTorch wrote.

#include "document/checkpointdocument.h"
#include "formats/checkpointreader.h"
#include "formats/dtypeconversion.h"
#include "stats/decodekernel.h"
#include "stats/histogramkernel.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

using namespace torchscope;

namespace {
template <typename T> QByteArray bytesOf(const std::vector<T> &values)
{
    return QByteArray(reinterpret_cast<const char *>(values.data()), qsizetype(values.size() * sizeof(T)));
}

HistogramRequest rangeRequest(int bins, double low, double high)
{
    HistogramRequest request;
    request.bins = bins;
    request.hasRange = true;
    request.low = low;
    request.high = high;
    return request;
}

// numpy.histogram(values, bins=edges): searchsorted semantics, the last bin closed.
QVector<qint64> referenceCounts(const std::vector<double> &values, const QVector<double> &edges)
{
    QVector<qint64> counts(edges.size() - 1, 0);
    for (double v : values) {
        if (!(v >= edges.front() && v <= edges.back()))
            continue;
        int bin = int(std::upper_bound(edges.begin(), edges.end(), v) - edges.begin()) - 1;
        counts[std::min<int>(bin, int(counts.size()) - 1)]++;
    }
    return counts;
}
} // namespace

class TestHistogramKernel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void handCases_data();
    void handCases();
    void edgesAreNumpyLinspace();
    void defaultRange_data();
    void defaultRange();
    void largeTensorAcrossThreadsMatchesReference_data();
    void largeTensorAcrossThreadsMatchesReference();
    void stridedViewsCountLikeContiguousCopies();
    void bitPatternPassAgreesWithTheValuePasses_data();
    void bitPatternPassAgreesWithTheValuePasses();
    void valuesOnEdgesAndNarrowRanges_data();
    void valuesOnEdgesAndNarrowRanges();
    void poolsSeveralTensors();
    void filePiecesCountAsValuesInMemory_data();
    void filePiecesCountAsValuesInMemory();
    void cancelStopsEarly();
    void simdDecodingEqualsScalarForEveryBitPattern();
    void matchesNumpy_data();
    void matchesNumpy();

private:
    QTemporaryDir m_dir;
};

void TestHistogramKernel::handCases_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("dtype");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<int>("bins");
    QTest::addColumn<QVector<qint64>>("counts");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();

    QTest::newRow("upper edge falls in the last bin")
        << bytesOf<double>({0, 0.5, 1, 1}) << int(DType::Float64) << 0.0 << 1.0 << 2 << QVector<qint64>{1, 3};
    QTest::newRow("lower edge in the first bin") << bytesOf<double>({0, 0.25}) << int(DType::Float64) << 0.0
                                                 << 1.0 << 4 << QVector<qint64>{1, 1, 0, 0};
    QTest::newRow("values outside the range are dropped")
        << bytesOf<float>({-1, 0.1f, 2, 0.9f}) << int(DType::Float32) << 0.0 << 1.0 << 2
        << QVector<qint64>{1, 1};
    QTest::newRow("NaN and Inf are left out") << bytesOf<double>({nan, inf, -inf, 0.5}) << int(DType::Float64)
                                              << 0.0 << 1.0 << 1 << QVector<qint64>{1};
    QTest::newRow("interior edges are half-open") << bytesOf<double>({0.1, 0.2, 0.3}) << int(DType::Float64)
                                                  << 0.0 << 0.3 << 3 << QVector<qint64>{0, 1, 2};
    QTest::newRow("int32") << bytesOf<qint32>({-3, 0, 3, 3}) << int(DType::Int32) << -3.0 << 3.0 << 3
                           << QVector<qint64>{1, 1, 2};
    QTest::newRow("uint8") << bytesOf<quint8>({0, 255, 128}) << int(DType::UInt8) << 0.0 << 255.0 << 2
                           << QVector<qint64>{1, 2};
    QTest::newRow("bool") << bytesOf<quint8>({0, 1, 1}) << int(DType::Bool) << 0.0 << 1.0 << 2
                          << QVector<qint64>{1, 2};
    // float16: 1.0 = 0x3c00, -2.0 = 0xc000, 65504 = 0x7bff, NaN = 0x7e00
    QTest::newRow("float16") << bytesOf<quint16>({0x3c00, 0xc000, 0x7bff, 0x7e00}) << int(DType::Float16)
                             << -2.0 << 65504.0 << 2 << QVector<qint64>{2, 1};
    // bfloat16: 1.0 = 0x3f80, -3.0 = 0xc040, +Inf = 0x7f80
    QTest::newRow("bfloat16") << bytesOf<quint16>({0x3f80, 0xc040, 0x7f80}) << int(DType::BFloat16) << -3.0
                              << 1.0 << 4 << QVector<qint64>{1, 0, 0, 1};
    QTest::newRow("empty") << QByteArray() << int(DType::Float32) << 0.0 << 1.0 << 3
                           << QVector<qint64>{0, 0, 0};
    QTest::newRow("one element") << bytesOf<float>({0.5f}) << int(DType::Float32) << 0.0 << 1.0 << 3
                                 << QVector<qint64>{0, 1, 0};
}

void TestHistogramKernel::handCases()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, dtype);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(int, bins);
    QFETCH(QVector<qint64>, counts);
    const qint64 n = bytes.size() / dtypeElementSize(DType(dtype));
    const TensorInfo tensor = test::tensorFromBytes(QStringLiteral("t"), DType(dtype), {n}, bytes);
    const HistogramResult result = HistogramKernel::compute({&tensor}, rangeRequest(bins, low, high));
    QCOMPARE(result.counts, counts);
    QCOMPARE(result.edges.size(), bins + 1);
    QCOMPARE(result.stats.count, n);
}

void TestHistogramKernel::edgesAreNumpyLinspace()
{
    // numpy.linspace(-0.1, 0.7, 9): i * step + start, the last edge exactly the stop value.
    const QVector<double> edges = HistogramKernel::linspaceEdges(-0.1, 0.7, 8);
    QCOMPARE(edges.size(), 9);
    const double step = (0.7 - -0.1) / 8;
    for (int i = 0; i < 8; ++i)
        QCOMPARE(edges[i], double(i) * step + -0.1);
    QCOMPARE(edges[8], 0.7);
}

void TestHistogramKernel::defaultRange_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::newRow("min and max of finite values")
        << bytesOf<double>({2, -1, std::numeric_limits<double>::infinity(), 5}) << -1.0 << 5.0;
    QTest::newRow("constant tensor widens by 0.5") << bytesOf<double>({3, 3}) << 2.5 << 3.5;
    QTest::newRow("no finite values: [0, 1]")
        << bytesOf<double>({std::numeric_limits<double>::quiet_NaN()}) << 0.0 << 1.0;
}

void TestHistogramKernel::defaultRange()
{
    QFETCH(QByteArray, bytes);
    QFETCH(double, low);
    QFETCH(double, high);
    const TensorInfo tensor =
        test::tensorFromBytes(QStringLiteral("t"), DType::Float64, {bytes.size() / 8}, bytes);
    HistogramRequest request;
    request.bins = 10;
    const HistogramResult result = HistogramKernel::compute({&tensor}, request);
    QCOMPARE(result.edges.front(), low);
    QCOMPARE(result.edges.back(), high);
}

void TestHistogramKernel::largeTensorAcrossThreadsMatchesReference_data()
{
    QTest::addColumn<int>("dtype");
    QTest::newRow("float32") << int(DType::Float32);
    QTest::newRow("float16") << int(DType::Float16);
    QTest::newRow("bfloat16") << int(DType::BFloat16);
    QTest::newRow("int16") << int(DType::Int16);
}

void TestHistogramKernel::largeTensorAcrossThreadsMatchesReference()
{
    QFETCH(int, dtype);
    const qint64 n = 6'000'000; // large enough to be split across threads
    std::mt19937 random(7);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    QByteArray bytes(n * dtypeElementSize(DType(dtype)), Qt::Uninitialized);
    for (qint64 i = 0; i < n; ++i) {
        const float v = normal(random);
        char *p = bytes.data() + i * dtypeElementSize(DType(dtype));
        if (DType(dtype) == DType::Float32) {
            std::memcpy(p, &v, 4);
        } else if (DType(dtype) == DType::Int16) {
            const qint16 s = qint16(v * 1000);
            std::memcpy(p, &s, 2);
        } else {
            quint32 bits;
            std::memcpy(&bits, &v, 4);
            // Any 16-bit pattern is a valid half or bfloat16 value; take the top half of the float.
            const quint16 half = DType(dtype) == DType::BFloat16 ? quint16(bits >> 16) : quint16(bits >> 13);
            std::memcpy(p, &half, 2);
        }
    }
    const TensorInfo tensor = test::tensorFromBytes(QStringLiteral("t"), DType(dtype), {n}, bytes);
    HistogramRequest request;
    request.bins = 97;
    const HistogramResult result = HistogramKernel::compute({&tensor}, request);
    std::vector<double> values;
    values.reserve(size_t(n));
    for (qint64 i = 0; i < n; ++i)
        values.push_back(
            dtypeElementToDouble(DType(dtype), bytes.constData() + i * dtypeElementSize(DType(dtype))));
    QCOMPARE(result.counts, referenceCounts(values, result.edges));
    qint64 total = 0;
    for (qint64 c : result.counts)
        total += c;
    QCOMPARE(total, result.stats.finite);
}

void TestHistogramKernel::stridedViewsCountLikeContiguousCopies()
{
    std::vector<float> values(60);
    for (int i = 0; i < 60; ++i)
        values[size_t(i)] = std::sin(float(i));
    TensorInfo transposed =
        test::tensorFromBytes(QStringLiteral("t"), DType::Float32, {12, 5}, bytesOf(values));
    transposed.strides = {1, 12}; // a (5, 12) tensor's .t()
    QString error;
    QVERIFY(transposed.validateView(&error));
    const TensorInfo copy =
        test::tensorFromBytes(QStringLiteral("c"), DType::Float32, {12, 5}, transposed.contiguousBytes());
    HistogramRequest request;
    request.bins = 7;
    const HistogramResult a = HistogramKernel::compute({&transposed}, request);
    const HistogramResult b = HistogramKernel::compute({&copy}, request);
    QCOMPARE(a.counts, b.counts);
    QCOMPARE(a.stats.mean, b.stats.mean);
}

void TestHistogramKernel::bitPatternPassAgreesWithTheValuePasses_data()
{
    QTest::addColumn<int>("dtype");
    QTest::addColumn<bool>("givenRange");
    QTest::newRow("float16, data range") << int(DType::Float16) << false;
    QTest::newRow("bfloat16, data range") << int(DType::BFloat16) << false;
    QTest::newRow("float16, a range cutting values off") << int(DType::Float16) << true;
    QTest::newRow("bfloat16, a range cutting values off") << int(DType::BFloat16) << true;
}

// Contiguous 16-bit floats are counted by bit pattern in one pass; a strided view of the same values takes
// the statistics and counting passes over decoded values. Both must give the same histogram and
// statistics, NaN, infinities, zeros and subnormals included, pooled over two tensors.
void TestHistogramKernel::bitPatternPassAgreesWithTheValuePasses()
{
    QFETCH(int, dtype);
    QFETCH(bool, givenRange);
    const qint64 n = 3'000'000;
    std::mt19937 random(11);
    std::normal_distribution<float> normal(0.0f, 2.0f);
    std::vector<quint16> bits(static_cast<size_t>(n));
    for (qint64 i = 0; i < n; ++i) {
        float v = normal(random);
        quint32 word;
        std::memcpy(&word, &v, 4);
        bits[size_t(i)] = DType(dtype) == DType::BFloat16 ? quint16(word >> 16) : quint16(word >> 13);
    }
    // NaN, both infinities, both zeros and the smallest subnormal of each sign.
    const quint16 special[] = {0x7e00, 0x7c00, 0xfc00, 0x0000, 0x8000, 0x0001, 0x8001};
    const quint16 specialBrain[] = {0x7fc0, 0x7f80, 0xff80, 0x0000, 0x8000, 0x0001, 0x8001};
    for (int k = 0; k < 7; ++k)
        bits[size_t(k) * 1000] = DType(dtype) == DType::BFloat16 ? specialBrain[k] : special[k];
    const QByteArray bytes(reinterpret_cast<const char *>(bits.data()), qsizetype(2 * n));
    const qint64 half = n / 2;
    const TensorInfo a =
        test::tensorFromBytes(QStringLiteral("a"), DType(dtype), {half}, bytes.left(2 * half));
    const TensorInfo b =
        test::tensorFromBytes(QStringLiteral("b"), DType(dtype), {n - half}, bytes.mid(2 * half));
    // The same values as views with a stride of 2 into buffers twice the size.
    const auto spread = [](const QByteArray &from) {
        QByteArray to(2 * from.size(), '\0');
        for (qsizetype i = 0; i < from.size() / 2; ++i)
            std::memcpy(to.data() + 4 * i, from.constData() + 2 * i, 2);
        return to;
    };
    TensorInfo stridedA =
        test::tensorFromBytes(QStringLiteral("a"), DType(dtype), {2 * half}, spread(bytes.left(2 * half)));
    stridedA.shape = {half};
    stridedA.strides = {2};
    TensorInfo stridedB = test::tensorFromBytes(QStringLiteral("b"), DType(dtype), {2 * (n - half)},
                                                spread(bytes.mid(2 * half)));
    stridedB.shape = {n - half};
    stridedB.strides = {2};
    QVERIFY(!stridedA.isContiguous());

    HistogramRequest request;
    request.bins = 61;
    if (givenRange) {
        request.hasRange = true;
        request.low = -1.3;
        request.high = 2.7;
    }
    const HistogramResult byPattern = HistogramKernel::compute({&a, &b}, request);
    const HistogramResult byValue = HistogramKernel::compute({&stridedA, &stridedB}, request);
    QCOMPARE(byPattern.edges, byValue.edges);
    QCOMPARE(byPattern.counts, byValue.counts);
    QCOMPARE(HistogramKernel::counts({&a, &b}, byValue.edges), byValue.counts);
    const TensorStats &p = byPattern.stats, &v = byValue.stats;
    QCOMPARE(p.count, v.count);
    QCOMPARE(p.finite, v.finite);
    QCOMPARE(p.nanCount, v.nanCount);
    QCOMPARE(p.infCount, v.infCount);
    QCOMPARE(p.zeroCount, v.zeroCount);
    QCOMPARE(p.min, v.min);
    QCOMPARE(p.max, v.max);
    // Sums in another order: equal to rounding.
    QVERIFY2(std::abs(p.mean - v.mean) <= 1e-12 * std::max(1.0, std::abs(v.mean)),
             qPrintable(QString::number(p.mean - v.mean)));
    QVERIFY(std::abs(p.std - v.std) <= 1e-12 * v.std);
    QVERIFY(std::abs(p.l2Norm - v.l2Norm) <= 1e-12 * v.l2Norm);
}

void TestHistogramKernel::valuesOnEdgesAndNarrowRanges_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<int>("bins");
    QTest::addColumn<int>("dtype");
    // float64 values take the float64 kernel; float32 values the float32-lane kernel where its rounding
    // allows, the float64 one where it does not (a narrow range far from zero).
    for (const DType dtype : {DType::Float64, DType::Float32}) {
        const QByteArray name = dtype == DType::Float64 ? "float64" : "float32";
        QTest::newRow(QByteArray(name + ", unit range").constData()) << -1.0 << 1.0 << 100 << int(dtype);
        QTest::newRow(QByteArray(name + ", narrow range far from zero").constData())
            << 1e6 << 1e6 + 1e-3 << 100 << int(dtype);
        QTest::newRow(QByteArray(name + ", tiny values").constData()) << -3e-30 << 7e-30 << 33 << int(dtype);
        QTest::newRow(QByteArray(name + ", many bins").constData()) << -0.1 << 0.7 << 100000 << int(dtype);
        QTest::newRow(QByteArray(name + ", off-centre range").constData())
            << -3.7 << 1234.5 << 997 << int(dtype);
        QTest::newRow(QByteArray(name + ", normal weights").constData())
            << -0.0731 << 0.0689 << 100 << int(dtype);
        // float32 lanes hand over bins as bytes up to 254 bins, as 32-bit integers beyond.
        QTest::newRow(QByteArray(name + ", the most bins a byte holds").constData())
            << -1.5 << 2.5 << 254 << int(dtype);
        QTest::newRow(QByteArray(name + ", one bin more").constData()) << -1.5 << 2.5 << 255 << int(dtype);
    }
}

void TestHistogramKernel::valuesOnEdgesAndNarrowRanges()
{
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(int, bins);
    QFETCH(int, dtype);
    // Every edge itself, its neighbours one ulp away, and random values in between; for float32, the
    // floats nearest each edge and their neighbours, where a float32 computation of the bin would err.
    const QVector<double> edges = HistogramKernel::linspaceEdges(low, high, bins);
    std::vector<double> values;
    for (double edge : edges) {
        values.push_back(edge);
        values.push_back(std::nextafter(edge, -INFINITY));
        values.push_back(std::nextafter(edge, INFINITY));
        const float nearest = float(edge);
        for (const float f : {nearest, std::nextafter(nearest, -INFINITY), std::nextafter(nearest, INFINITY),
                              std::nextafter(std::nextafter(nearest, INFINITY), INFINITY)})
            values.push_back(double(f));
    }
    std::mt19937_64 random(11);
    std::uniform_real_distribution<double> uniform(low, high);
    for (int i = 0; i < 200000; ++i)
        values.push_back(uniform(random));
    QByteArray bytes;
    if (DType(dtype) == DType::Float32) {
        std::vector<float> floats;
        for (double &v : values) {
            floats.push_back(float(v));
            v = double(floats.back()); // the reference counts what the tensor holds
        }
        bytes = bytesOf(floats);
    } else {
        bytes = bytesOf(values);
    }
    const TensorInfo tensor =
        test::tensorFromBytes(QStringLiteral("t"), DType(dtype), {qint64(values.size())}, bytes);
    const HistogramResult result = HistogramKernel::compute({&tensor}, rangeRequest(bins, low, high));
    QCOMPARE(result.edges, edges);
    QCOMPARE(result.counts, referenceCounts(values, edges));
}

void TestHistogramKernel::poolsSeveralTensors()
{
    const TensorInfo a =
        test::tensorFromBytes(QStringLiteral("a"), DType::Float32, {2}, bytesOf<float>({0, 1}));
    const TensorInfo b =
        test::tensorFromBytes(QStringLiteral("b"), DType::Float64, {2}, bytesOf<double>({2, 3}));
    HistogramRequest request;
    request.bins = 3;
    const HistogramResult result = HistogramKernel::compute({&a, &b}, request);
    QCOMPARE(result.edges.front(), 0.0);
    QCOMPARE(result.edges.back(), 3.0);
    QCOMPARE(result.counts, (QVector<qint64>{1, 1, 2}));
    QCOMPARE(result.stats.count, qint64(4));
    QCOMPARE(result.stats.mean, 1.5);
}

// Tensors of a file are read a buffer at a time with pread, a piece of work in several parts: the
// statistics and counts must be those of the same values in memory, for tensors that span several
// pieces and reads, end in a partial read, and start anywhere in the file.
void TestHistogramKernel::filePiecesCountAsValuesInMemory_data()
{
    QTest::addColumn<QString>("dtype");
    QTest::addColumn<int>("elementSize");
    QTest::newRow("float32") << QStringLiteral("F32") << 4;
    QTest::newRow("float64") << QStringLiteral("F64") << 8;
    QTest::newRow("float16") << QStringLiteral("F16") << 2;
    QTest::newRow("int8") << QStringLiteral("I8") << 1;
}

void TestHistogramKernel::filePiecesCountAsValuesInMemory()
{
    QFETCH(QString, dtype);
    QFETCH(int, elementSize);
    // 2.5 Mi + 3 elements: three pieces of work, the last partly read; after it a small tensor.
    const qint64 counts[] = {(qint64(5) << 19) + 3, 1000};
    std::mt19937 random(7);
    QByteArray data;
    QByteArray header = "{";
    for (int t = 0; t < 2; ++t) {
        const qint64 begin = data.size();
        for (qint64 i = 0; i < counts[t]; ++i) {
            const float v = std::normal_distribution<float>(0.0f, 3.0f)(random);
            if (elementSize == 4) {
                data.append(reinterpret_cast<const char *>(&v), 4);
            } else if (elementSize == 8) {
                const double d = double(v);
                data.append(reinterpret_cast<const char *>(&d), 8);
            } else if (elementSize == 2) {
                const quint16 h = DTypeConversion::floatToHalf(v);
                data.append(reinterpret_cast<const char *>(&h), 2);
            } else {
                data.append(char(qint8(std::clamp(v * 20.0f, -128.0f, 127.0f))));
            }
        }
        header += QStringLiteral(R"(%1"t%2": {"dtype": "%3", "shape": [%4], "data_offsets": [%5, %6]})")
                      .arg(t ? QStringLiteral(", ") : QString())
                      .arg(t)
                      .arg(dtype)
                      .arg(counts[t])
                      .arg(begin)
                      .arg(data.size())
                      .toUtf8();
    }
    header += '}';
    QByteArray file(8, '\0');
    qToLittleEndian<quint64>(quint64(header.size()), file.data());
    file += header + data;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pieces.safetensors"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(file);
    out.close();
    CheckpointContent content;
    QString error;
    QVERIFY2(readCheckpoint(path, Progress(), &content, &error), qPrintable(error));
    QCOMPARE(int(content.tensors.size()), 2);
    QVERIFY(content.tensors[0].storage->prefersRead());
    std::vector<TensorInfo> inMemory;
    for (const TensorInfo &tensor : content.tensors) {
        const QByteArray bytes(tensor.firstElement(), tensor.byteSize());
        inMemory.push_back(test::tensorFromBytes(tensor.name, tensor.dtype, tensor.shape, bytes));
        QVERIFY(!inMemory.back().storage->prefersRead());
    }
    const std::vector<const TensorInfo *> fromFile{&content.tensors[0], &content.tensors[1]};
    const std::vector<const TensorInfo *> fromMemory{&inMemory[0], &inMemory[1]};
    HistogramRequest request;
    request.bins = 97;
    const HistogramResult a = HistogramKernel::compute(fromFile, request);
    const HistogramResult b = HistogramKernel::compute(fromMemory, request);
    QCOMPARE(a.edges, b.edges);
    QCOMPARE(a.counts, b.counts);
    QCOMPARE(a.stats.count, b.stats.count);
    QCOMPARE(a.stats.min, b.stats.min);
    QCOMPARE(a.stats.max, b.stats.max);
    QVERIFY(std::abs(a.stats.mean - b.stats.mean) <= 1e-12 * (1 + std::abs(b.stats.mean)));
    QVERIFY(std::abs(a.stats.std - b.stats.std) <= 1e-12 * b.stats.std);
    const std::vector<TensorStats> each = HistogramKernel::statisticsEach(fromFile);
    for (size_t t = 0; t < 2; ++t) {
        const TensorStats alone = HistogramKernel::statistics({fromMemory[t]});
        QCOMPARE(each[t].count, alone.count);
        QCOMPARE(each[t].min, alone.min);
        QCOMPARE(each[t].max, alone.max);
        QVERIFY(std::abs(each[t].mean - alone.mean) <= 1e-12 * (1 + std::abs(alone.mean)));
    }
}

void TestHistogramKernel::cancelStopsEarly()
{
    // 16 pieces of work; the cancel comes with the first progress report, so the workers must stop
    // after the pieces they hold and never start the counting pass.
    const qint64 total = 16 << 20;
    const TensorInfo tensor = test::makeTensor(QStringLiteral("t"), TensorKind::Tensor, {total});
    std::atomic<qint64> furthest{0};
    std::atomic<int> reports{0};
    std::atomic<bool> cancel{false};
    Progress progress;
    progress.report = [&](qint64 done, qint64) {
        ++reports;
        furthest = std::max(furthest.load(), done);
        cancel = true;
    };
    progress.canceled = [&] { return cancel.load(); };
    const HistogramResult result = HistogramKernel::compute({&tensor}, HistogramRequest(), progress);
    QVERIFY(progress.isCanceled());
    QVERIFY(reports.load() >= 1);
    QVERIFY2(furthest.load() <= 4 << 20, qPrintable(QString::number(furthest.load())));
    QVERIFY(result.counts.isEmpty());
}

void TestHistogramKernel::matchesNumpy_data()
{
    QTest::addColumn<int>("bins");
    QTest::addColumn<QString>("range");
    QTest::newRow("10 bins, data range") << 10 << QString();
    QTest::newRow("7 bins, fixed range") << 7 << QStringLiteral("-1.5,1.25");
    QTest::newRow("1 bin") << 1 << QString();
    QTest::newRow("333 bins") << 333 << QString();
}

void TestHistogramKernel::matchesNumpy()
{
    QFETCH(int, bins);
    QFETCH(QString, range);
    if (!QFile::exists(m_dir.filePath("formats/tensors.pt"))) {
        QString output;
        QVERIFY2(test::runPeer({"formats", m_dir.filePath("formats")}, &output) == 0, qPrintable(output));
    }
    const QString path = m_dir.filePath("formats/tensors.pt");
    QStringList arguments{"histograms", path, QString::number(bins)};
    if (!range.isEmpty())
        arguments << range;
    QString output;
    QVERIFY2(test::runPeer(arguments, &output) == 0, qPrintable(output));
    const QJsonObject expected = QJsonDocument::fromJson(output.toUtf8()).object();
    QVERIFY(expected.size() >= 15);

    CheckpointContent content;
    QString error;
    QVERIFY2(readCheckpoint(path, Progress(), &content, &error), qPrintable(error));
    for (const TensorInfo &tensor : content.tensors) {
        if (dtypeIsComplex(tensor.dtype))
            continue;
        const QJsonObject want = expected.value(tensor.name).toObject();
        QVERIFY2(!want.isEmpty(), qPrintable(tensor.name));
        HistogramRequest request;
        request.bins = bins;
        if (!range.isEmpty()) {
            request.hasRange = true;
            request.low = range.section(QLatin1Char(','), 0, 0).toDouble();
            request.high = range.section(QLatin1Char(','), 1, 1).toDouble();
        }
        const HistogramResult result = HistogramKernel::compute({&tensor}, request);
        QVector<double> edges;
        for (const QJsonValue e : want.value("edges").toArray())
            edges << e.toDouble();
        QVector<qint64> counts;
        for (const QJsonValue c : want.value("counts").toArray())
            counts << qint64(c.toDouble());
        QVERIFY2(result.edges == edges, qPrintable(tensor.name));
        QVERIFY2(result.counts == counts, qPrintable(tensor.name));
    }
}

void TestHistogramKernel::simdDecodingEqualsScalarForEveryBitPattern()
{
    // All 65,536 float16 and bfloat16 values (subnormals, infinities, NaNs), at every offset of a
    // SIMD register (the odd count leaves a tail): the vector decoder gives the scalar one's bits.
    std::vector<quint16> bits(65537);
    for (size_t i = 0; i < bits.size(); ++i)
        bits[i] = quint16(i);
    std::vector<float> decoded(bits.size());
    for (const bool brain : {false, true}) {
        (brain ? decodeBFloat16 : decodeFloat16)(bits.data(), decoded.data(), bits.size());
        for (size_t i = 0; i < bits.size(); ++i) {
            const float expected = brain ? bfloat16ToFloat(bits[i]) : halfToFloat(bits[i]);
            if (std::isnan(expected)) {
                QVERIFY2(std::isnan(decoded[i]), qPrintable(QString::number(i)));
                continue;
            }
            quint32 got, want;
            std::memcpy(&got, &decoded[i], 4);
            std::memcpy(&want, &expected, 4);
            QVERIFY2(got == want,
                     qPrintable(QStringLiteral("%1 0x%2").arg(brain ? "bfloat16" : "float16").arg(i, 4, 16)));
        }
    }
}

QTEST_GUILESS_MAIN(TestHistogramKernel)
#include "tst_histogramkernel.moc"
