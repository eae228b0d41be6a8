#include "formats/statedictwriter.h"
#include "formats/zip/ziparchivereader.h"
#include "formats/zip/zipwriter.h"
#include "tensor/mappedfile.h"
#include "testsupport.h"

#include <QBuffer>
#include <QTest>

#include <vector>

using namespace torchscope;

class TestZipArchive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripAlignedRecords();
    void stateDictArchiveLayout();
    void truncatedArchivesFailCleanly_data();
    void truncatedArchivesFailCleanly();
    void corruptDataFailsCrc();
    void rejectsNonArchives_data();
    void rejectsNonArchives();

private:
    static QByteArray sampleArchive();
};

QByteArray TestZipArchive::sampleArchive()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ZipWriter writer(&buffer, QStringLiteral("archive"));
    const QByteArray a("hello"), b(1000, 'x'), c;
    writer.addRecord(QStringLiteral("data.pkl"), a.constData(), a.size());
    writer.addRecord(QStringLiteral("data/0"), b.constData(), b.size());
    writer.addRecord(QStringLiteral("empty"), c.constData(), c.size());
    writer.finish();
    return buffer.data();
}

void TestZipArchive::roundTripAlignedRecords()
{
    ZipArchiveReader reader;
    QString error;
    QVERIFY2(reader.open(MappedFile::fromBuffer(sampleArchive()), &error), qPrintable(error));
    QCOMPARE(reader.rootFolder(), QStringLiteral("archive"));
    QCOMPARE(reader.entries().size(), 3);
    const ZipArchiveReader::Entry *data = reader.findRecord(QStringLiteral("data/0"));
    QVERIFY(data);
    QCOMPARE(data->dataOffset % 64, qint64(0));
    QByteArray bytes;
    QVERIFY2(reader.read(*data, &bytes, &error), qPrintable(error));
    QCOMPARE(bytes, QByteArray(1000, 'x'));
    QVERIFY(reader.read(*reader.findRecord(QStringLiteral("empty")), &bytes, &error));
    QVERIFY(bytes.isEmpty());
    QCOMPARE(QByteArray(reader.storedData(*reader.findRecord(QStringLiteral("data.pkl"))), 5),
             QByteArray("hello"));
}

void TestZipArchive::stateDictArchiveLayout()
{
    std::vector<StateDictWriter::Entry> entries;
    entries.push_back(
        {QStringLiteral("w"), test::makeTensor(QStringLiteral("w"), TensorKind::Parameter, {2, 3}), 0});
    entries.push_back(
        {QStringLiteral("tied"), test::makeTensor(QStringLiteral("w"), TensorKind::Parameter, {2, 3}), 0});
    entries.push_back(
        {QStringLiteral("b"), test::makeTensor(QStringLiteral("b"), TensorKind::Parameter, {3}), 2});
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    QVERIFY2(StateDictWriter::write(entries, &buffer, Progress(), &error), qPrintable(error));
    ZipArchiveReader reader;
    QVERIFY2(reader.open(MappedFile::fromBuffer(buffer.data()), &error), qPrintable(error));
    QVERIFY(reader.findRecord(QStringLiteral("data.pkl")));
    QVERIFY(reader.findRecord(QStringLiteral("version")));
    QVERIFY(reader.findRecord(QStringLiteral("data/0")));
    QVERIFY(reader.findRecord(QStringLiteral("data/1")));
    QVERIFY2(!reader.findRecord(QStringLiteral("data/2")), "tied entries share one storage record");
    QCOMPARE(reader.findRecord(QStringLiteral("data/0"))->uncompressedSize, qint64(24));
}

void TestZipArchive::truncatedArchivesFailCleanly_data()
{
    QTest::addColumn<int>("keep");
    const int size = sampleArchive().size();
    for (int keep : {0, 4, 21, 22, 100, size / 2, size - 60, size - 23, size - 1})
        QTest::addRow("keep %d of %d", keep, size) << keep;
}

void TestZipArchive::truncatedArchivesFailCleanly()
{
    QFETCH(int, keep);
    ZipArchiveReader reader;
    QString error;
    QVERIFY(!reader.open(MappedFile::fromBuffer(sampleArchive().left(keep)), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(!error.contains(QLatin1Char('\n')), "reasons are one line");
}

void TestZipArchive::corruptDataFailsCrc()
{
    QByteArray archive = sampleArchive();
    ZipArchiveReader probe;
    QString error;
    QVERIFY(probe.open(MappedFile::fromBuffer(archive), &error));
    const qint64 offset = probe.findRecord(QStringLiteral("data/0"))->dataOffset;
    archive[int(offset + 10)] = 'y';
    ZipArchiveReader reader;
    QVERIFY(reader.open(MappedFile::fromBuffer(archive), &error));
    QByteArray bytes;
    QVERIFY(!reader.read(*reader.findRecord(QStringLiteral("data/0")), &bytes, &error));
    QVERIFY(error.contains(QStringLiteral("CRC")));
}

void TestZipArchive::rejectsNonArchives_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("text") << QByteArray("this is not a zip archive at all, just words and more words");
    QTest::newRow("zeros") << QByteArray(4096, '\0');
    QByteArray endOnly(22, '\0');
    endOnly[0] = 'P', endOnly[1] = 'K', endOnly[2] = 5, endOnly[3] = 6;
    endOnly[10] = 1; // one entry, but no directory
    QTest::newRow("end record with a missing directory") << endOnly;
}

void TestZipArchive::rejectsNonArchives()
{
    QFETCH(QByteArray, bytes);
    ZipArchiveReader reader;
    QString error;
    QVERIFY(!reader.open(MappedFile::fromBuffer(bytes), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestZipArchive)
#include "tst_ziparchive.moc"
