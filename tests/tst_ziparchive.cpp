#include "formats/statedictwriter.h"
#include "formats/zip/ziparchivereader.h"
#include "formats/zip/zipwriter.h"
#include "tensor/mappedfile.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
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
    void localHeadersAgreeWithTheCentralDirectory();

private:
    static QByteArray sampleArchive();
    QTemporaryDir m_dir;
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
    QTest::addColumn<QString>("reason");
    const int size = sampleArchive().size();
    const QString tooShort = QStringLiteral("too short for an end-of-directory record");
    const QString noEnd = QStringLiteral("end of central directory not found");
    // 22 bytes is the smallest end record: one byte less cannot hold it, and any cut of the real
    // archive loses its end record, which sits in the last 22 bytes.
    for (int keep : {0, 4, 21})
        QTest::addRow("keep %d of %d", keep, size) << keep << tooShort;
    for (int keep : {22, 23, 100, size / 2, size - 60, size - 23, size - 1})
        QTest::addRow("keep %d of %d", keep, size) << keep << noEnd;
}

void TestZipArchive::truncatedArchivesFailCleanly()
{
    QFETCH(int, keep);
    QFETCH(QString, reason);
    ZipArchiveReader reader;
    QString error;
    QVERIFY(!reader.open(MappedFile::fromBuffer(sampleArchive().left(keep)), &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
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
    QTest::addColumn<QString>("reason");
    QTest::newRow("text") << QByteArray("this is not a zip archive at all, just words and more words")
                          << QStringLiteral("end of central directory not found");
    QTest::newRow("zeros") << QByteArray(4096, '\0') << QStringLiteral("end of central directory not found");
    QByteArray endOnly(22, '\0');
    endOnly[0] = 'P', endOnly[1] = 'K', endOnly[2] = 5, endOnly[3] = 6;
    endOnly[10] = 1; // one entry, but no directory
    QTest::newRow("end record with a missing directory") << endOnly << QStringLiteral("bad central directory entry");
    QByteArray noEntries = endOnly;
    noEntries[10] = 0;
    QTest::newRow("end record of an empty archive") << noEntries << QStringLiteral("empty zip archive");
}

void TestZipArchive::rejectsNonArchives()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    ZipArchiveReader reader;
    QString error;
    QVERIFY(!reader.open(MappedFile::fromBuffer(bytes), &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

// Other tools (unzip, Python's zipfile, the kernel of a file manager) read the local headers, not
// only the central directory: ours must agree with it entry by entry.
void TestZipArchive::localHeadersAgreeWithTheCentralDirectory()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    std::vector<StateDictWriter::Entry> entries;
    entries.push_back(
        {QStringLiteral("w"), test::makeTensor(QStringLiteral("w"), TensorKind::Parameter, {20, 30}), 0});
    entries.push_back(
        {QStringLiteral("b"), test::makeTensor(QStringLiteral("b"), TensorKind::Buffer, {0}), 1});
    QVERIFY2(StateDictWriter::write(entries, &buffer, Progress(), &error), qPrintable(error));
    const QByteArray archive = buffer.data();
    ZipArchiveReader reader;
    QVERIFY2(reader.open(MappedFile::fromBuffer(archive), &error), qPrintable(error));
    const auto u16 = [&](qint64 at) {
        return quint16(uchar(archive[int(at)]) | uchar(archive[int(at) + 1]) << 8);
    };
    const auto u32 = [&](qint64 at) { return quint32(u16(at)) | quint32(u16(at + 2)) << 16; };
    QVERIFY(reader.entries().size() >= 4);
    for (const ZipArchiveReader::Entry &entry : reader.entries()) {
        const qint64 local = entry.localHeaderOffset;
        QCOMPARE(u32(local), quint32(0x04034b50));
        const quint16 flags = u16(local + 6);
        QVERIFY2(!(flags & 0x8), "sizes and CRC are in the local header, not in a data descriptor");
        QCOMPARE(u16(local + 8), quint16(entry.method));
        QCOMPARE(u32(local + 14), entry.crc32);
        QCOMPARE(qint64(u32(local + 18)), entry.compressedSize);
        QCOMPARE(qint64(u32(local + 22)), entry.uncompressedSize);
        const int nameLength = u16(local + 26);
        QCOMPARE(QString::fromUtf8(archive.mid(int(local) + 30, nameLength)), entry.name);
        QCOMPARE(local + 30 + nameLength + u16(local + 28), entry.dataOffset);
        QByteArray bytes;
        QVERIFY2(reader.read(entry, &bytes, &error), qPrintable(error)); // checks the CRC too
    }
    // And Python's zipfile, reading every member through its local header, finds no bad CRC.
    const QString path = m_dir.filePath(QStringLiteral("written.pt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(archive) == archive.size());
    file.close();
    QString output;
    QVERIFY2(test::runPeer({QStringLiteral("testzip"), path}, &output) == 0, qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("OK")), qPrintable(output));
}

QTEST_GUILESS_MAIN(TestZipArchive)
#include "tst_ziparchive.moc"
