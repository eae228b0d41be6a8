#include "formats/checkpointreader.h"
#include "formats/statedictwriter.h"
#include "formats/zip/ziparchivereader.h"
#include "formats/zip/zipwriter.h"
#include "tensor/mappedfile.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <memory>
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
    void localHeadersAgreeWithTheCentralDirectory_data();
    void localHeadersAgreeWithTheCentralDirectory();
    void zip64ExtraFieldBoundaries_data();
    void zip64ExtraFieldBoundaries();
    void boundaries_data();
    void boundaries();
    void tinyFilesWithZip64LocatorsStayInside_data();
    void tinyFilesWithZip64LocatorsStayInside();
    void directoriesWhoseEndWraps_data();
    void directoriesWhoseEndWraps();
    void uncompressedSizeBound_data();
    void uncompressedSizeBound();
    void entryCountBound_data();
    void entryCountBound();

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
    QTest::newRow("end record with a missing directory")
        << endOnly << QStringLiteral("bad central directory entry");
    QByteArray noEntries = endOnly;
    noEntries[10] = 0;
    QTest::newRow("end record of an empty archive") << noEntries << QStringLiteral("empty zip archive");
    // Archives of empty stored entries with these names: each reason names the entry at fault.
    auto archiveOf = [](const QList<QByteArray> &names) -> QByteArray {
        QByteArray bytes, directory;
        for (const QByteArray &name : names) {
            test::ZipEntryFields entry;
            entry.name = name;
            entry.localOffset = quint64(bytes.size());
            bytes += test::zipLocalHeader(entry);
            directory += test::zipCentralEntry(entry);
        }
        return bytes + directory +
               test::zipEndRecord(quint64(names.size()), quint64(directory.size()), quint64(bytes.size()));
    };
    QTest::newRow("path traversal")
        << archiveOf(QList<QByteArray>{QByteArray("model/data.pkl"), QByteArray("../../../etc/evil.txt")})
        << QStringLiteral("entry '../../../etc/evil.txt' points outside the archive");
    QTest::newRow("absolute path") << archiveOf(QList<QByteArray>{QByteArray("/etc/passwd")})
                                   << QStringLiteral("entry '/etc/passwd' points outside the archive");
    QTest::newRow("drive letter") << archiveOf(QList<QByteArray>{QByteArray("C:/evil.dll")})
                                  << QStringLiteral("entry 'C:/evil.dll' points outside the archive");
    QTest::newRow("climbing with backslashes")
        << archiveOf(QList<QByteArray>{QByteArray("model/data.pkl"), QByteArray("model\\..\\..\\evil.txt")})
        << QStringLiteral("entry 'model\\..\\..\\evil.txt' points outside the archive");
    QTest::newRow("absolute with a backslash")
        << archiveOf(QList<QByteArray>{QByteArray("\\evil.txt")})
        << QStringLiteral("entry '\\evil.txt' points outside the archive");
    QTest::newRow("no folder") << archiveOf(QList<QByteArray>{QByteArray("data.pkl")})
                               << QStringLiteral("entry 'data.pkl' is not inside a folder");
    QTest::newRow("two folders") << archiveOf(
                                        QList<QByteArray>{QByteArray("a/data.pkl"), QByteArray("b/data/0")})
                                 << QStringLiteral("entry 'b/data/0' is outside the folder 'a'");
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
void TestZipArchive::localHeadersAgreeWithTheCentralDirectory_data()
{
    QTest::addColumn<bool>("fromArchive");
    QTest::newRow("CRCs computed") << false;
    // Records copied unchanged from a source archive take its CRCs without reading the bytes for them.
    QTest::newRow("CRCs carried from the source") << true;
}

void TestZipArchive::localHeadersAgreeWithTheCentralDirectory()
{
    QFETCH(bool, fromArchive);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    std::vector<StateDictWriter::Entry> entries;
    entries.push_back(
        {QStringLiteral("w"), test::makeTensor(QStringLiteral("w"), TensorKind::Parameter, {20, 30}), 0});
    entries.push_back(
        {QStringLiteral("b"), test::makeTensor(QStringLiteral("b"), TensorKind::Buffer, {0}), 1});
    // Over 256 KB: copied through the pread buffer.
    entries.push_back(
        {QStringLiteral("big"), test::makeTensor(QStringLiteral("big"), TensorKind::Buffer, {300, 1000}), 2});
    QVERIFY2(StateDictWriter::write(entries, &buffer, Progress(), &error), qPrintable(error));
    CheckpointContent source;
    if (fromArchive) {
        const QString path = m_dir.filePath(QStringLiteral("source.pt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(buffer.data()) == buffer.size());
        file.close();
        QVERIFY2(readCheckpoint(path, Progress(), &source, &error), qPrintable(error));
        entries.clear();
        for (const TensorInfo &tensor : source.tensors)
            entries.push_back({tensor.name, tensor, int(entries.size())});
        QVERIFY(entries[0].recordedCrc32().has_value() && entries[2].recordedCrc32().has_value());
        buffer.close();
        buffer.setData(QByteArray());
        buffer.open(QIODevice::WriteOnly);
        QVERIFY2(StateDictWriter::write(entries, &buffer, Progress(), &error), qPrintable(error));
    }
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

namespace {
void put16(QByteArray &bytes, qint64 at, quint64 v)
{
    bytes[int(at)] = char(v & 0xff);
    bytes[int(at) + 1] = char((v >> 8) & 0xff);
}
void put32(QByteArray &bytes, qint64 at, quint64 v)
{
    put16(bytes, at, v & 0xffff);
    put16(bytes, at + 2, (v >> 16) & 0xffff);
}
quint32 get32(const QByteArray &bytes, qint64 at)
{
    quint32 v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | uchar(bytes[int(at) + i]);
    return v;
}
quint16 get16(const QByteArray &bytes, qint64 at)
{
    return quint16(uchar(bytes[int(at)]) | uchar(bytes[int(at) + 1]) << 8);
}

void put64(QByteArray &bytes, qint64 at, quint64 v)
{
    put32(bytes, at, v & 0xffffffffu);
    put32(bytes, at + 4, v >> 32);
}

// Where the fields of the sample archive are: its end record (and the ZIP64 end record, which
// PyTorch's layout always has and which then holds the counts and sizes), and its last central entry.
struct Layout
{
    qint64 end, zip64End, directoryOffset, directorySize, entries, lastEntry, lastDataOffset;
};
Layout layoutOf(const QByteArray &archive)
{
    Layout layout{};
    layout.end = archive.size() - 22;
    layout.zip64End = -1;
    layout.entries = get16(archive, layout.end + 10);
    layout.directorySize = get32(archive, layout.end + 12);
    layout.directoryOffset = get32(archive, layout.end + 16);
    if (get32(archive, layout.end - 20) == 0x07064b50) {
        layout.zip64End = get32(archive, layout.end - 20 + 8);
        layout.entries = get32(archive, layout.zip64End + 32);
        layout.directorySize = get32(archive, layout.zip64End + 40);
        layout.directoryOffset = get32(archive, layout.zip64End + 48);
    }
    qint64 pos = layout.directoryOffset;
    for (qint64 i = 0; i < layout.entries; ++i) {
        layout.lastEntry = pos;
        pos += 46 + get16(archive, pos + 28) + get16(archive, pos + 30) + get16(archive, pos + 32);
    }
    const qint64 local = get32(archive, layout.lastEntry + 42);
    layout.lastDataOffset = local + 30 + get16(archive, local + 26) + get16(archive, local + 28);
    return layout;
}
} // namespace

// Each length, count and offset check of the archive reader at its boundary - 1, exactly, and + 1.
void TestZipArchive::boundaries_data()
{
    QTest::addColumn<QByteArray>("archive");
    QTest::addColumn<QString>("reason"); // empty: opens fine
    const QByteArray sample = sampleArchive();
    const Layout at = layoutOf(sample);
    const qint64 size = sample.size();
    // The sample's last entry is the empty record, stored right before the central directory.
    for (int delta : {-1, 0, 1}) {
        QByteArray a = sample;
        const quint64 directorySize = quint64(size - at.directoryOffset + delta);
        at.zip64End >= 0 ? put64(a, at.zip64End + 40, directorySize) : put32(a, at.end + 12, directorySize);
        QTest::addRow("directory size: to the end of the file %+d", delta)
            << a << (delta > 0 ? QStringLiteral("central directory lies outside the file") : QString());
    }
    for (int delta : {-1, 0, 1}) {
        QByteArray a = sample + QByteArray(1, 'c'); // one byte of comment room
        put16(a, at.end + 20, quint64(qint64(1) + delta));
        QTest::addRow("comment length: bytes left %+d", delta)
            << a << (delta > 0 ? QStringLiteral("end of central directory not found") : QString());
    }
    for (int delta : {-1, 0, 1}) {
        QByteArray a = sample;
        const qint64 room = size - at.lastDataOffset;
        put32(a, at.lastEntry + 20, quint64(room + delta));
        put32(a, at.lastEntry + 24, quint64(room + delta));
        QTest::addRow("stored size: bytes left %+d", delta)
            << a << (delta > 0 ? QStringLiteral("data of archive/empty reaches past the end") : QString());
    }
    for (int delta : {-1, 0, 1}) {
        QByteArray a = sample;
        put32(a, at.lastEntry + 42, quint64(size - 30 + delta));
        QTest::addRow("local header offset: last 30 bytes %+d", delta)
            << a
            << (delta > 0 ? QStringLiteral("entry archive/empty lies outside the file")
                          : QStringLiteral("bad local header for archive/empty"));
    }
    for (int delta : {-1, 0, 1}) {
        QByteArray a = sample;
        put16(a, at.lastEntry + 32, quint64(qint64(delta) + 1)); // comment length
        QTest::addRow("entry comment: directory end %+d", delta)
            << a
            << (delta >= 0 ? QStringLiteral("central directory entry overruns the directory") : QString());
        if (delta < 0)
            put16(a, at.lastEntry + 32, 0);
    }
    // The directory's end cuts the last entry's fixed 46-byte header one byte short, or leaves exactly
    // the header (then its name overruns the directory).
    for (int delta : {-1, 0}) {
        QByteArray a = sample;
        const quint64 directorySize = quint64(at.lastEntry + 46 + delta - at.directoryOffset);
        at.zip64End >= 0 ? put64(a, at.zip64End + 40, directorySize) : put32(a, at.end + 12, directorySize);
        QTest::addRow("directory end: last entry's header %+d", delta)
            << a
            << (delta < 0 ? QStringLiteral("bad central directory entry")
                          : QStringLiteral("central directory entry overruns the directory"));
    }
    if (at.zip64End >= 0) {
        // The ZIP64 locator's offset of the ZIP64 end record (56 bytes): past the last 56 bytes of the
        // file it is outside; inside, the record found there must carry its signature.
        for (int delta : {-1, 0, 1}) {
            QByteArray a = sample;
            put64(a, at.end - 20 + 8, quint64(size - 56 + delta));
            QTest::addRow("ZIP64 end record offset: last 56 bytes %+d", delta)
                << a
                << (delta > 0 ? QStringLiteral("ZIP64 end record outside the file")
                              : QStringLiteral("bad ZIP64 end record"));
        }
    }
    const qint64 most = at.directorySize / 46 + 1;
    for (int delta : {-1, 0, 1}) {
        QByteArray a = sample;
        if (at.zip64End >= 0) {
            put64(a, at.zip64End + 24, quint64(most + delta));
            put64(a, at.zip64End + 32, quint64(most + delta));
        } else {
            put16(a, at.end + 8, quint64(most + delta));
            put16(a, at.end + 10, quint64(most + delta));
        }
        QTest::addRow("entry count: directory size / 46 + 1 %+d", delta)
            << a
            << (delta > 0                    ? QStringLiteral("absurd entry count")
                : most + delta == at.entries ? QString() // exactly as many as there are
                                             : QStringLiteral("bad central directory entry"));
    }
}

void TestZipArchive::boundaries()
{
    QFETCH(QByteArray, archive);
    QFETCH(QString, reason);
    ZipArchiveReader reader;
    QString error;
    const bool ok = reader.open(MappedFile::fromBuffer(archive), &error);
    QVERIFY(test::outcomeMatches(ok, error, reason));
}

// The bound on entries (4 Mi) at the bound - 1, exactly, and + 1. The central directory is zeros,
// as large as that many minimal entries: a count within the bound is read, and fails at the first
// entry's signature; one past it is refused before any entry is read.
void TestZipArchive::entryCountBound_data()
{
    QTest::addColumn<qint64>("entries");
    QTest::addColumn<QString>("reason");
    const qint64 bound = qint64(4) << 20;
    QTest::newRow("4 Mi - 1") << bound - 1 << "bad central directory entry";
    QTest::newRow("4 Mi") << bound << "bad central directory entry";
    QTest::newRow("4 Mi + 1") << bound + 1 << "absurd entry count";
}

void TestZipArchive::entryCountBound()
{
    QFETCH(qint64, entries);
    QFETCH(QString, reason);
    const qint64 directorySize = 46 * ((qint64(4) << 20) + 1);
    QByteArray archive(directorySize, '\0');
    const qint64 zip64End = archive.size();
    archive.append(56 + 20 + 22, '\0');
    put32(archive, zip64End, 0x06064b50); // ZIP64 end record
    put64(archive, zip64End + 4, 44);
    put64(archive, zip64End + 24, quint64(entries));
    put64(archive, zip64End + 32, quint64(entries));
    put64(archive, zip64End + 40, quint64(directorySize));
    put64(archive, zip64End + 48, 0);
    put32(archive, zip64End + 56, 0x07064b50); // its locator
    put64(archive, zip64End + 56 + 8, quint64(zip64End));
    put32(archive, zip64End + 56 + 16, 1);
    const qint64 end = zip64End + 56 + 20;
    put32(archive, end, 0x06054b50);
    put16(archive, end + 8, 0xffff);
    put16(archive, end + 10, 0xffff);
    put32(archive, end + 12, 0xffffffffu);
    put32(archive, end + 16, 0xffffffffu);
    ZipArchiveReader reader;
    QString error;
    QVERIFY(!reader.open(MappedFile::fromBuffer(archive), &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

namespace {
// A one-entry archive written by hand whose central entry keeps its sizes in a ZIP64 extra field
// (both 32-bit fields saturated); `fieldLength` is what that field's header claims (16 is right).
QByteArray archiveWithZip64Extra(int fieldLength)
{
    const QByteArray data = "\x80\x02N.";
    test::ZipEntryFields entry{"archive/data.pkl", quint64(data.size()), quint64(data.size()), 0, 0, 20, {}};
    entry.version = 45;
    QByteArray archive = test::zipLocalHeader(entry) + data;
    const qint64 directoryOffset = archive.size();
    test::appendLittleEndian(entry.centralExtra, 0x0001, 2);
    test::appendLittleEndian(entry.centralExtra, quint64(fieldLength), 2);
    test::appendLittleEndian(entry.centralExtra, quint64(data.size()), 8); // uncompressed
    test::appendLittleEndian(entry.centralExtra, quint64(data.size()), 8); // compressed
    entry.compressedSize = entry.uncompressedSize = 0xffffffffu;           // sizes in the extra field
    const QByteArray central = test::zipCentralEntry(entry);
    return archive + central + test::zipEndRecord(1, quint64(central.size()), quint64(directoryOffset));
}
} // namespace

void TestZipArchive::zip64ExtraFieldBoundaries_data()
{
    QTest::addColumn<int>("fieldLength");
    QTest::addColumn<QString>("reason");
    // One byte short of the two 8-byte values it must hold; exactly; one byte past the extra data.
    QTest::newRow("length 15") << 15 << "bad ZIP64 extra field";
    QTest::newRow("length 16") << 16 << "";
    QTest::newRow("length 17") << 17 << "bad extra field";
}

void TestZipArchive::zip64ExtraFieldBoundaries()
{
    QFETCH(int, fieldLength);
    QFETCH(QString, reason);
    ZipArchiveReader reader;
    QString error;
    const bool ok = reader.open(MappedFile::fromBuffer(archiveWithZip64Extra(fieldLength)), &error);
    QVERIFY(test::outcomeMatches(ok, error, reason));
    if (ok)
        QCOMPARE(reader.findRecord(QStringLiteral("data.pkl"))->uncompressedSize, qint64(4));
}

namespace {
// Bytes laid against an inaccessible page, after them (`guardAfter`) or before them, so that a read
// outside them faults at once in any build rather than reading whatever lies beside a heap block.
class GuardedBytes
{
public:
    GuardedBytes(const QByteArray &bytes, bool guardAfter)
    {
        const qint64 page = sysconf(_SC_PAGESIZE);
        const qint64 dataPages = (bytes.size() + page - 1) / page + 1;
        m_length = size_t((dataPages + 2) * page);
        m_base = static_cast<char *>(
            mmap(nullptr, m_length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
        Q_ASSERT(m_base != MAP_FAILED);
        mprotect(m_base, size_t(page), PROT_NONE);                          // the page before
        mprotect(m_base + (dataPages + 1) * page, size_t(page), PROT_NONE); // the page after
        char *start = guardAfter ? m_base + (dataPages + 1) * page - bytes.size() : m_base + page;
        std::memcpy(start, bytes.constData(), size_t(bytes.size()));
        m_file = MappedFile::fromBuffer(QByteArray::fromRawData(start, bytes.size()));
    }
    ~GuardedBytes() { munmap(m_base, m_length); }
    GuardedBytes(const GuardedBytes &) = delete;
    GuardedBytes &operator=(const GuardedBytes &) = delete;
    std::shared_ptr<MappedFile> file() const { return m_file; }

private:
    char *m_base = nullptr;
    size_t m_length = 0;
    std::shared_ptr<MappedFile> m_file;
};

// Opens the bytes laid against a guard page on either side: both must fail with a one-line reason.
void expectOneLineRefusal(const QByteArray &bytes, const char *what)
{
    for (const bool guardAfter : {true, false}) {
        const GuardedBytes guarded(bytes, guardAfter);
        ZipArchiveReader reader;
        QString error;
        QVERIFY2(!reader.open(guarded.file(), &error), what);
        QVERIFY2(!error.isEmpty() && !error.contains(QLatin1Char('\n')), what);
    }
}
} // namespace

// Files of every length up to 64 bytes, too short to hold a ZIP64 end record, ending in an end record
// (where it fits) behind a ZIP64 locator (where that fits too) that points anywhere: into the file, at
// its end, past it, and at offsets that wrap a subtraction from the file's size. The 50-byte file of
// this kind read far outside its mapping before the bounds were written as rangeInside.
void TestZipArchive::tinyFilesWithZip64LocatorsStayInside_data()
{
    QTest::addColumn<int>("length");
    for (int length = 0; length <= 64; ++length)
        QTest::addRow("%d bytes", length) << length;
}

void TestZipArchive::tinyFilesWithZip64LocatorsStayInside()
{
    QFETCH(int, length);
    const auto n = quint64(length);
    const quint64 targets[] = {0,
                               1,
                               n - 1,
                               n,
                               n + 1,
                               n - 56,
                               n - 55,
                               n - 57,
                               n - 20,
                               quint64(1) << 32,
                               quint64(1) << 63,
                               ~quint64(0),
                               ~quint64(0) - 55};
    const quint64 directories[][2] = {{0, 0}, {n, 0}, {n, 1}, {0xffffffffu, 2}, {~quint64(0), 2}};
    for (const quint64 target : targets) {
        for (const auto &[offset, size] : directories) {
            QByteArray bytes(length, '\0');
            if (length >= 22) {
                put32(bytes, length - 22, 0x06054b50);
                put16(bytes, length - 22 + 8, 1);
                put16(bytes, length - 22 + 10, 1);
                put32(bytes, length - 22 + 12, size & 0xffffffffu);
                put32(bytes, length - 22 + 16, offset & 0xffffffffu);
            }
            if (length >= 42) {
                put32(bytes, length - 42, 0x07064b50);
                put64(bytes, length - 42 + 8, target);
                put32(bytes, length - 42 + 16, 1);
            }
            const QByteArray what = QByteArray::number(length) + " bytes, ZIP64 end record at " +
                                    QByteArray::number(target) + ", directory at " +
                                    QByteArray::number(offset);
            TORCHSCOPE_HELPER(expectOneLineRefusal(bytes, what.constData()));
        }
    }
}

// A central directory whose offset and size add past 2^32 (the plain end record's fields) and past
// 2^64 (the ZIP64 end record's): either sum, computed, would wrap to something inside the file.
void TestZipArchive::directoriesWhoseEndWraps_data()
{
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<quint64>("size");
    QTest::newRow("past 2^32") << quint64(0xffffff00u) << quint64(0x200);
    QTest::newRow("past 2^64, offset near the top") << ~quint64(0) - 15 << quint64(32);
    QTest::newRow("past 2^64, size near the top") << quint64(16) << ~quint64(0) - 7;
    QTest::newRow("past 2^64, both halves") << (quint64(1) << 63) << (quint64(1) << 63);
}

void TestZipArchive::directoriesWhoseEndWraps()
{
    QFETCH(quint64, offset);
    QFETCH(quint64, size);
    const QByteArray sample = sampleArchive();
    const Layout at = layoutOf(sample);
    QByteArray archive = sample;
    if (at.zip64End >= 0) {
        put64(archive, at.zip64End + 40, size);
        put64(archive, at.zip64End + 48, offset);
    }
    if ((offset >> 32) == 0 && (size >> 32) == 0) {
        // The same sum in the plain end record, without the ZIP64 records.
        QByteArray plain = sample;
        put32(plain, at.end - 20, 0); // no locator
        put32(plain, at.end + 12, size);
        put32(plain, at.end + 16, offset);
        ZipArchiveReader reader;
        QString error;
        QVERIFY(!reader.open(MappedFile::fromBuffer(plain), &error));
        QVERIFY2(error.contains(QLatin1String("central directory lies outside the file")), qPrintable(error));
    }
    QVERIFY(at.zip64End >= 0);
    ZipArchiveReader reader;
    QString error;
    QVERIFY(!reader.open(MappedFile::fromBuffer(archive), &error));
    QVERIFY2(error.contains(QLatin1String("central directory lies outside the file")), qPrintable(error));
}

namespace {
// A one-entry deflated archive whose sizes sit in a ZIP64 extra field, the uncompressed one as given.
QByteArray deflatedArchiveClaiming(quint64 uncompressed)
{
    const QByteArray data = "\x03\x00"; // an empty deflate stream
    test::ZipEntryFields entry{"archive/data.pkl", 0xffffffffu, 0xffffffffu, 0, 0, 20, {}};
    entry.version = 45;
    QByteArray archive = test::zipLocalHeader(entry) + data;
    const qint64 directoryOffset = archive.size();
    test::appendLittleEndian(entry.centralExtra, 0x0001, 2);
    test::appendLittleEndian(entry.centralExtra, 16, 2);
    test::appendLittleEndian(entry.centralExtra, uncompressed, 8);
    test::appendLittleEndian(entry.centralExtra, quint64(data.size()), 8);
    QByteArray central = test::zipCentralEntry(entry);
    central[10] = 8; // deflated
    return archive + central + test::zipEndRecord(1, quint64(central.size()), quint64(directoryOffset));
}
} // namespace

// An entry's uncompressed size must fit the signed sizes the reader hands on: 2^62 is taken, one more
// is refused (it once became a negative size that passed every "too large" check).
void TestZipArchive::uncompressedSizeBound_data()
{
    QTest::addColumn<quint64>("uncompressed");
    QTest::addColumn<QString>("reason");
    QTest::newRow("2^62") << (quint64(1) << 62) << QString();
    QTest::newRow("2^62 + 1") << (quint64(1) << 62) + 1 << QStringLiteral("claims 4611686018427387905 bytes");
    QTest::newRow("2^64 - 1") << ~quint64(0) << QStringLiteral("claims 18446744073709551615 bytes");
}

void TestZipArchive::uncompressedSizeBound()
{
    QFETCH(quint64, uncompressed);
    QFETCH(QString, reason);
    ZipArchiveReader reader;
    QString error;
    const bool ok = reader.open(MappedFile::fromBuffer(deflatedArchiveClaiming(uncompressed)), &error);
    QVERIFY(test::outcomeMatches(ok, error, reason));
    if (ok) {
        QByteArray out;
        QVERIFY(!reader.read(*reader.findRecord(QStringLiteral("data.pkl")), &out, &error, qint64(1) << 20));
        QVERIFY2(error.contains(QLatin1String("too large")), qPrintable(error));
    }
}

QTEST_GUILESS_MAIN(TestZipArchive)
#include "tst_ziparchive.moc"
