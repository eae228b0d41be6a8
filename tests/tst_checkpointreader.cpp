// Every format real PyTorch writes, read back without Python and compared with what PyTorch
// says; hostile and damaged files refused with a reason, never run, never a crash.

#include "document/checkpointdocument.h"
#include "document/savejob.h"
#include "formats/checkpointreader.h"
#include "formats/safetensorswriter.h"
#include "formats/zip/zipwriter.h"
#include "heapmemory.h"
#include "stats/tensorstats.h"
#include "testsupport.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <utility>
#include <vector>

using namespace torchscope;

class TestCheckpointReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void heapPrefersHugePages();
    void modernPeerIsInstalled();
    void wrapperSubclassesWithoutDataNameTheFix();
    void dictSubclassesHoldTheirItems_data();
    void dictSubclassesHoldTheirItems();
    void readsEveryFormat_data();
    void readsEveryFormat();
    void hostilePicklesRunNothing_data();
    void hostilePicklesRunNothing();
    void truncatedFilesFailWithAReason_data();
    void truncatedFilesFailWithAReason();
    void corruptBytesNeverCrash_data();
    void corruptBytesNeverCrash();
    void absurdSafetensorsHeaders_data();
    void absurdSafetensorsHeaders();
    void legacyBoundaries_data();
    void legacyBoundaries();
    void sizeBoundsOfHeadersAndIndexes_data();
    void sizeBoundsOfHeadersAndIndexes();
    void safetensorsBoundaries_data();
    void safetensorsBoundaries();
    void recordSizeBounds_data();
    void recordSizeBounds();
    void barePickles_data();
    void barePickles();
    void realWorldRefusals_data();
    void realWorldRefusals();
    void realWorldFiles_data();
    void realWorldFiles();
    void quantizedTensors();
    void oldTorchScriptFormats_data();
    void oldTorchScriptFormats();
    void huggingFaceFolders_data();
    void huggingFaceFolders();
    void shardNamesCannotLeaveTheFolder();
    void shardedOpenReportsProgressAndCancels();
    void filesLargerThanMemoryOpen();
    void safetensorsWriterRoundTripsAndRefusesQuantized();

private:
    static QJsonObject readJson(const QString &path);
    // The files of ../shared/corpus/realworld (TORCHSCOPE_CORPUS) as (path, the last column of
    // SOURCES.tsv: "match", "refuse ; calls=..."...); false where there is no corpus.
    static bool corpusFiles(QList<std::pair<QString, QString>> *files);
    static bool read(const QString &path, CheckpointContent *content, QString *error);
    // Reading `path` fails with a reason containing `reason`; the file is removed after.
    static void refusedWith(const QString &path, const QString &reason);
    // The content read from a real-world file is what `peer` reads from it: tensors, flags, modules.
    static void matchesWhatThePeerReads(test::Peer peer, const QString &path,
                                        const CheckpointContent &content);
    QString writeFile(const QString &name, const QByteArray &bytes);

    QTemporaryDir m_dir;
    QJsonObject m_formats;       // what PyTorch 1.13 wrote
    QJsonObject m_modernFormats; // what PyTorch 2.15 wrote (empty without the modern peer)
    QJsonObject m_hostile;
};

QJsonObject TestCheckpointReader::readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QJsonObject();
    return QJsonDocument::fromJson(file.readAll()).object();
}

bool TestCheckpointReader::corpusFiles(QList<std::pair<QString, QString>> *files)
{
    const QString corpus = qEnvironmentVariable("TORCHSCOPE_CORPUS");
    QFile sources(corpus + QStringLiteral("/SOURCES.tsv"));
    if (corpus.isEmpty() || !sources.open(QIODevice::ReadOnly))
        return false;
    sources.readLine(); // the column names
    while (!sources.atEnd()) {
        const QStringList columns = QString::fromUtf8(sources.readLine()).trimmed().split(QLatin1Char('\t'));
        if (columns.size() >= 6)
            files->append({corpus + QLatin1Char('/') + columns[0], columns[5]});
    }
    return true;
}

bool TestCheckpointReader::read(const QString &path, CheckpointContent *content, QString *error)
{
    return readCheckpoint(path, Progress(), content, error);
}

void TestCheckpointReader::refusedWith(const QString &path, const QString &reason)
{
    CheckpointContent content;
    QString error;
    const bool ok = read(path, &content, &error);
    QFile::remove(path);
    QVERIFY(!ok);
    QVERIFY2(error.contains(reason), qPrintable(error));
}

QString TestCheckpointReader::writeFile(const QString &name, const QByteArray &bytes)
{
    QString path = m_dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    return path;
}

void TestCheckpointReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString output;
    QVERIFY2(test::runPeer({"formats", m_dir.filePath("formats")}, &output) == 0, qPrintable(output));
    QVERIFY2(test::runPeer({"hostile", m_dir.filePath("hostile")}, &output) == 0, qPrintable(output));
    m_formats = readJson(m_dir.filePath("formats/formats.json"));
    m_hostile = readJson(m_dir.filePath("hostile/hostile.json"));
    QVERIFY(m_formats.size() >= 12);
    if (test::peerAvailable(test::Peer::Modern)) {
        QVERIFY2(test::runPeer(test::Peer::Modern, {"formats", m_dir.filePath("formats-modern")}, &output) ==
                     0,
                 qPrintable(output));
        m_modernFormats = readJson(m_dir.filePath("formats-modern/formats.json"));
        QVERIFY(m_modernFormats.size() > m_formats.size());
    }
}

void TestCheckpointReader::modernPeerIsInstalled()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    QVERIFY(!m_modernFormats.isEmpty());
}

// A DTensor saved by torch.save (its shards live on the ranks, not in the file): one line naming the fix.
void TestCheckpointReader::wrapperSubclassesWithoutDataNameTheFix()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString path = m_dir.filePath("dtensor.pt");
    QString output;
    QVERIFY2(test::runPeer(test::Peer::Modern, {"dtensor", path}, &output) == 0, qPrintable(output));
    CheckpointContent content;
    QString error;
    QVERIFY(!read(path, &content, &error));
    QVERIFY2(error.contains("torch.distributed.tensor.DTensor is a wrapper tensor subclass") &&
                 error.contains("full_state_dict=True") && error.contains("distributed checkpoint") &&
                 !error.contains('\n'),
             qPrintable(error));
}

// Every file each peer writes, read as that PyTorch reads it: PyTorch 1.13's and, where the modern peer
// is installed, PyTorch 2.15's (the same models, and what only 2.x writes).
void TestCheckpointReader::readsEveryFormat_data()
{
    QTest::addColumn<QJsonObject>("expected");
    QTest::addColumn<QString>("name");
    for (const QString &name : m_formats.keys())
        QTest::addRow("1.13: %s", qPrintable(name)) << m_formats.value(name).toObject() << name;
    for (const QString &name : m_modernFormats.keys())
        QTest::addRow("2.15: %s", qPrintable(name)) << m_modernFormats.value(name).toObject() << name;
}

void TestCheckpointReader::readsEveryFormat()
{
    QFETCH(QJsonObject, expected);
    QFETCH(QString, name);
    CheckpointContent content;
    QString error;
    QVERIFY2(read(expected.value("file").toString(), &content, &error), qPrintable(error));
    CheckpointDocument document(std::move(content));
    QCOMPARE(checkpointFormatName(document.format()), expected.value("format").toString());

    const QJsonArray tensors = expected.value("tensors").toArray();
    QStringList expectedNames, names;
    for (const QJsonValue t : tensors)
        expectedNames << t.toObject().value("name").toString();
    for (const TensorInfo &t : document.tensors())
        names << t.name;
    QCOMPARE(names, expectedNames);
    for (int i = 0; i < document.tensorCount(); ++i) {
        const QJsonObject want = tensors.at(i).toObject();
        const TensorInfo &tensor = document.tensor(i);
        QCOMPARE(dtypeName(tensor.dtype), want.value("dtype").toString());
        QVector<qint64> shape;
        for (const QJsonValue d : want.value("shape").toArray())
            shape << qint64(d.toDouble());
        QCOMPARE(tensor.shape, shape);
        // Views read back as PyTorch gives them: same strides and offset into the same storage.
        if (document.format() != CheckpointFormat::Safetensors &&
            document.format() != CheckpointFormat::Sharded) {
            QVector<qint64> strides;
            for (const QJsonValue d : want.value("stride").toArray())
                strides << qint64(d.toDouble());
            QVERIFY2(tensor.strides == strides || tensor.numel() <= 1, qPrintable(tensor.name));
            QCOMPARE(tensor.storageOffset, qint64(want.value("storage_offset").toDouble()));
        }
        QCOMPARE(tensorKindName(tensor.kind), want.value("kind").toString());
        if (want.value("requires_grad").isNull()) {
            QVERIFY(!tensor.hasRequiresGrad);
        } else {
            QVERIFY(tensor.hasRequiresGrad);
            QCOMPARE(document.requiresGrad(i), want.value("requires_grad").toBool());
        }
        QCOMPARE(tensor.meta, want.value("meta").toBool());
        if (tensor.meta) { // shape and dtype, said to have no data
            QVERIFY(!tensor.storage);
            QVERIFY2(document.warnings().join(' ').contains("meta tensor"),
                     qPrintable(document.warnings().join(' ')));
            continue;
        }
        const QByteArray digest =
            QCryptographicHash::hash(tensor.contiguousBytes(), QCryptographicHash::Sha256).toHex();
        QVERIFY2(digest == want.value("sha256").toString().toLatin1(), qPrintable(tensor.name));
        // Statistics equal PyTorch's of .double() (of the bytes, for types PyTorch cannot convert).
        if (want.contains("stats")) {
            const QJsonObject stats = want.value("stats").toObject();
            const TensorStats got = TensorStats::compute(tensor);
            QCOMPARE(got.count, qint64(stats.value("count").toDouble()));
            QCOMPARE(got.nanCount, qint64(stats.value("nan").toDouble()));
            QCOMPARE(got.infCount, qint64(stats.value("inf").toDouble()));
            if (stats.contains("min")) {
                QCOMPARE(got.min, stats.value("min").toDouble());
                QCOMPARE(got.max, stats.value("max").toDouble());
                const double scale = std::max(1.0, std::abs(stats.value("mean").toDouble()));
                QVERIFY2(std::abs(got.mean - stats.value("mean").toDouble()) <= 1e-9 * scale,
                         qPrintable(tensor.name));
                QVERIFY2(std::abs(got.std - stats.value("std").toDouble()) <= 1e-9 * std::max(1.0, got.std),
                         qPrintable(tensor.name));
            }
        }
    }

    // Numbered children (ModuleList, Sequential) are listed as they count, whatever order the file
    // lists names in.
    std::function<void(const ModuleNode *)> checkCounting = [&](const ModuleNode *node) {
        qint64 previous = -1;
        for (int i = 0; i < node->childCount(); ++i) {
            bool numbered = false;
            const qint64 number = node->child(i)->name().toLongLong(&numbered);
            if (numbered) {
                QVERIFY2(number > previous, qPrintable(node->child(i)->path()));
                previous = number;
            }
            checkCounting(node->child(i));
        }
    };
    checkCounting(document.root());
    if (name.startsWith(QLatin1String("llm/"))) {
        const ModuleNode *layers = document.findModule(QStringLiteral("model.layers"));
        QVERIFY(layers);
        QCOMPARE(layers->childCount(), 12);
        QCOMPARE(layers->child(10)->name(), QStringLiteral("10"));
        // A weights-only export keeps that order: a torch.save zip, whose order is its own, reads back so.
        const QString exported = m_dir.filePath(QStringLiteral("llm_export.pt"));
        QString error;
        auto job = SaveJob::prepare(document, {exported, SaveMode::WeightsOnly, QString()}, &error);
        QVERIFY2(job && job->run(Progress(), &error), qPrintable(error));
        CheckpointContent again;
        QVERIFY2(read(exported, &again, &error), qPrintable(error));
        QStringList exportedNames;
        for (const TensorInfo &t : again.tensors)
            exportedNames << t.name;
        QCOMPARE(exportedNames, names);
    }

    const QJsonArray modules = expected.value("modules").toArray();
    if (!modules.isEmpty()) {
        QStringList expectedModules, readModules;
        for (const QJsonValue m : modules)
            expectedModules << m.toObject().value("path").toString() + QLatin1Char(' ') +
                                   m.toObject().value("type").toString();
        std::function<void(const ModuleNode *)> walk = [&](const ModuleNode *node) {
            readModules << node->path() + QLatin1Char(' ') + node->typeName();
            for (int i = 0; i < node->childCount(); ++i)
                walk(node->child(i));
        };
        walk(document.root());
        QCOMPARE(readModules, expectedModules);
    }
    for (const QJsonValue tie : expected.value("ties").toArray()) {
        const int alias = document.findTensor(tie.toArray().at(0).toString());
        const int canonical = document.findTensor(tie.toArray().at(1).toString());
        QVERIFY(alias >= 0 && canonical >= 0);
        QCOMPARE(document.tensor(alias).tiedTo, canonical);
    }
    const QJsonObject metadata = expected.value("metadata").toObject();
    for (auto it = metadata.begin(); it != metadata.end(); ++it)
        QVERIFY(document.metadata().contains(qMakePair(it.key(), it.value().toString())));
}

void TestCheckpointReader::hostilePicklesRunNothing_data()
{
    QTest::addColumn<QString>("name");
    const QJsonObject cases = m_hostile.value("cases").toObject();
    for (const QString &name : cases.keys())
        QTest::newRow(qPrintable(name)) << name;
}

void TestCheckpointReader::hostilePicklesRunNothing()
{
    QFETCH(QString, name);
    const QJsonObject expected = m_hostile.value("cases").toObject().value(name).toObject();
    const QString refusal =
        QStringLiteral("would call %1 on load; refused").arg(expected.value("callable").toString());
    CheckpointContent content;
    QString error;
    const bool ok = read(m_dir.filePath("hostile/") + name, &content, &error);
    if (expected.value("tensors").toInt() == 0) {
        QVERIFY(!ok);
        QCOMPARE(error.section(QStringLiteral(": "), 1), refusal);
    } else {
        QVERIFY2(ok, qPrintable(error));
        QVERIFY2(content.warnings.contains(refusal), qPrintable(content.warnings.join('|')));
        QCOMPARE(int(content.tensors.size()), expected.value("tensors").toInt());
        QCOMPARE(content.tensors[0].name, QStringLiteral("layer.weight"));
    }
    // The call as a finding: the callable, its arguments as Python writes them, the pickle it is in and
    // the offset of the calling opcode (checked in the file's own bytes where the pickle is the file's).
    QCOMPARE(content.refusedCalls.size(), 1);
    const RefusedCallSite &call = content.refusedCalls.first();
    QCOMPARE(call.callable, expected.value("callable").toString());
    QCOMPARE(call.arguments, expected.value("arguments").toString());
    QCOMPARE(call.place, expected.value("place").toString());
    QVERIFY(call.offset >= 0);
    if (call.place.isEmpty()) {
        QFile file(m_dir.filePath("hostile/") + name);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().at(call.offset), 'R');
    }
    QVERIFY2(!QFile::exists(m_hostile.value("marker").toString()), "a payload ran");
}

void TestCheckpointReader::truncatedFilesFailWithAReason_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("fraction");
    for (const QString &name : {QStringLiteral("state_dict.pt"), QStringLiteral("state_dict_legacy.pt"),
                                QStringLiteral("whole_cnn.pt"), QStringLiteral("whole_cnn_legacy.pt"),
                                QStringLiteral("model.safetensors"), QStringLiteral("tensors_legacy.pt")}) {
        for (double fraction : {0.0001, 0.01, 0.3, 0.5, 0.9, 0.999})
            QTest::addRow("%s at %g", qPrintable(name), fraction) << name << fraction;
    }
}

void TestCheckpointReader::truncatedFilesFailWithAReason()
{
    QFETCH(QString, name);
    QFETCH(double, fraction);
    QFile file(m_dir.filePath("formats/") + name);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const QString path = writeFile(QStringLiteral("truncated-") + name,
                                   bytes.left(std::max<qsizetype>(1, qsizetype(bytes.size() * fraction))));
    CheckpointContent content;
    QString error;
    QVERIFY(!read(path, &content, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
}

void TestCheckpointReader::corruptBytesNeverCrash_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : {QStringLiteral("tensors.pt"), QStringLiteral("tensors_legacy.pt"),
                                QStringLiteral("whole_tied.pt"), QStringLiteral("model.safetensors")})
        QTest::newRow(qPrintable(name)) << name;
}

void TestCheckpointReader::corruptBytesNeverCrash()
{
    QFETCH(QString, name);
    QFile file(m_dir.filePath("formats/") + name);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    // Damage one byte at a time across the file; each read must end in content or a reason.
    quint32 seed = 12345;
    for (int round = 0; round < 300; ++round) {
        QByteArray bytes = original;
        seed = seed * 1664525u + 1013904223u;
        const qsizetype at = qsizetype(seed % quint32(bytes.size()));
        bytes[at] = char(bytes[at] ^ char(1 + (seed >> 24) % 255));
        const QString path = writeFile(QStringLiteral("corrupt-") + name, bytes);
        CheckpointContent content;
        QString error;
        if (read(path, &content, &error)) {
            for (const TensorInfo &tensor : content.tensors)
                QVERIFY(tensor.contiguousBytes().size() == tensor.byteSize());
        } else {
            QVERIFY(!error.isEmpty());
        }
    }
}

void TestCheckpointReader::absurdSafetensorsHeaders_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("dataBytes");
    QTest::addColumn<QString>("reason");
    QTest::newRow("shape beyond 2^40")
        << QByteArray(R"({"w":{"dtype":"F32","shape":[2199023255553],"data_offsets":[0,8]}})") << 8 << "2^40";
    QTest::newRow("offsets past the end")
        << QByteArray(R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8000000000000]}})") << 8
        << "outside";
    QTest::newRow("size mismatch") << QByteArray(R"({"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})")
                                   << 8 << "bytes of data";
    QTest::newRow("overlap")
        << QByteArray(
               R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})")
        << 8 << "overlaps";
    QTest::newRow("hole") << QByteArray(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})") << 8
                          << "hole";
    QTest::newRow("trailing bytes") << QByteArray(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})")
                                    << 8 << "cover";
    QTest::newRow("not json") << QByteArray("{not json at all") << 0 << "bad safetensors header";
    QTest::newRow("negative shape") << QByteArray(
                                           R"({"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,0]}})")
                                    << 0 << "bad shape";
}

void TestCheckpointReader::absurdSafetensorsHeaders()
{
    QFETCH(QByteArray, header);
    QFETCH(int, dataBytes);
    QFETCH(QString, reason);
    QByteArray bytes(8, '\0');
    const quint64 length = quint64(header.size());
    for (int i = 0; i < 8; ++i)
        bytes[i] = char((length >> (8 * i)) & 0xff);
    bytes += header + QByteArray(dataBytes, '\0');
    CheckpointContent content;
    QString error;
    QVERIFY(!read(writeFile(QStringLiteral("absurd.safetensors"), bytes), &content, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));

    // A header length larger than the file is refused before anything is allocated.
    QByteArray huge = bytes;
    for (int i = 0; i < 8; ++i)
        huge[i] = char(0x7f);
    huge[8] = '{';
    QVERIFY(!read(writeFile(QStringLiteral("huge.safetensors"), huge), &content, &error));
}

void TestCheckpointReader::legacyBoundaries_data()
{
    // The legacy format ends with each storage's element count (int64) and bytes. The one storage of
    // this file (6 float32) is last: its count sits 32 bytes before the end.
    QTest::addColumn<int>("sizeDelta");  // bytes cut (< 0) or added (> 0) at the end
    QTest::addColumn<int>("countDelta"); // change to the stored element count
    QTest::addColumn<QString>("reason"); // empty: reads fine
    QTest::newRow("data one byte short") << -1 << 0 << "claims 6 elements";
    QTest::newRow("data exactly there") << 0 << 0 << "";
    QTest::newRow("one byte after the data") << 1 << 0 << "1 unexpected bytes at the end";
    QTest::newRow("count one less than the pickle says") << 0 << -1 << "claims 5 elements; the pickle says 6";
    QTest::newRow("count one more than the pickle says") << 0 << 1 << "claims 7 elements; the pickle says 6";
    QTest::newRow("count field cut in half") << -28 << 0 << "is missing or truncated";
}

void TestCheckpointReader::legacyBoundaries()
{
    QFETCH(int, sizeDelta);
    QFETCH(int, countDelta);
    QFETCH(QString, reason);
    QFile source(m_dir.filePath("formats/one_storage_legacy.pt"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QByteArray bytes = source.readAll();
    const int countAt = bytes.size() - 32;
    QCOMPARE(int(bytes[countAt]), 6);
    bytes[countAt] = char(6 + countDelta);
    if (sizeDelta < 0)
        bytes.chop(-sizeDelta);
    else
        bytes.append(QByteArray(sizeDelta, '\0'));
    CheckpointContent content;
    QString error;
    const bool ok = read(writeFile(QStringLiteral("boundary_legacy.pt"), bytes), &content, &error);
    QVERIFY(test::outcomeMatches(ok, error, reason));
    if (ok)
        QCOMPARE(content.tensors.front().numel(), qint64(6));
}

void TestCheckpointReader::sizeBoundsOfHeadersAndIndexes_data()
{
    // The size bounds on what is parsed whole: a safetensors header (100 MB) and a sharded index
    // (256 MiB). Files are sparse: at the bound the bytes are parsed (and found not to be JSON); one
    // byte past it they are refused unread.
    QTest::addColumn<bool>("safetensors");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("reason");
    const qint64 header = 100 * 1000 * 1000;
    QTest::newRow("safetensors header: bound - 1") << true << header - 1 << "bad safetensors header";
    QTest::newRow("safetensors header: bound") << true << header << "bad safetensors header";
    QTest::newRow("safetensors header: bound + 1")
        << true << header + 1 << "safetensors header claims 100000001";
    const qint64 index = qint64(256) << 20;
    QTest::newRow("index: bound - 1") << false << index - 1 << "not a sharded checkpoint index";
    QTest::newRow("index: bound") << false << index << "not a sharded checkpoint index";
    QTest::newRow("index: bound + 1") << false << index + 1 << "index file too large";
}

void TestCheckpointReader::sizeBoundsOfHeadersAndIndexes()
{
    QFETCH(bool, safetensors);
    QFETCH(qint64, size);
    QFETCH(QString, reason);
    const QString path =
        m_dir.filePath(safetensors ? QStringLiteral("bound.safetensors") : QStringLiteral("bound.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    if (safetensors) {
        QByteArray start(8, '\0');
        for (int i = 0; i < 8; ++i)
            start[i] = char((quint64(size) >> (8 * i)) & 0xff);
        file.write(start + '{');
        QVERIFY(file.resize(size + 8));
    } else {
        file.write("{");
        QVERIFY(file.resize(size));
    }
    file.close();
    TORCHSCOPE_HELPER(refusedWith(path, reason));
}

void TestCheckpointReader::safetensorsBoundaries_data()
{
    // Each length and offset check of the safetensors reader at its boundary - 1, exactly, and + 1.
    // headerDelta changes the declared header length; the data are spaces, so a header that swallows
    // them is still valid JSON and only the length check decides.
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("headerDelta");
    QTest::addColumn<int>("dataBytes");
    QTest::addColumn<QString>("reason"); // empty: reads fine
    const QByteArray metadataOnly = R"({"__metadata__":{"format":"pt"}})";
    QTest::newRow("header length: file size - 9")
        << metadataOnly << 3 << 4 << "data buffer is 1 bytes, the tensors cover 0";
    QTest::newRow("header length: file size - 8") << metadataOnly << 4 << 4 << "";
    QTest::newRow("header length: file size - 7") << metadataOnly << 5 << 4 << "safetensors header claims";
    const auto tensor = [](int end) {
        return QStringLiteral(R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0,%1]}})").arg(end).toUtf8();
    };
    QTest::newRow("data end: buffer - 1") << tensor(7) << 0 << 8 << "7 bytes of data for 2 elements";
    QTest::newRow("data end: buffer") << tensor(8) << 0 << 8 << "";
    QTest::newRow("data end: buffer + 1") << tensor(9) << 0 << 8 << "data offsets outside the file";
    const auto second = [](int begin) {
        return QStringLiteral(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                              R"("b":{"dtype":"F32","shape":[1],"data_offsets":[%1,%2]}})")
            .arg(begin)
            .arg(begin + 4)
            .toUtf8();
    };
    QTest::newRow("next tensor: one byte early") << second(3) << 0 << 8 << "data overlaps another tensor";
    QTest::newRow("next tensor: right after") << second(4) << 0 << 8 << "";
    QTest::newRow("next tensor: one byte late") << second(5) << 0 << 9 << "hole in the data";
    // The element-count bound, 2^40: at and below it the data size decides; above it, the bound.
    const auto elements = [](qint64 n) {
        return QStringLiteral(R"({"w":{"dtype":"U8","shape":[%1],"data_offsets":[0,1]}})").arg(n).toUtf8();
    };
    const qint64 bound = qint64(1) << 40;
    QTest::newRow("elements: 2^40 - 1") << elements(bound - 1) << 0 << 1 << "bytes of data for";
    QTest::newRow("elements: 2^40") << elements(bound) << 0 << 1 << "bytes of data for";
    QTest::newRow("elements: 2^40 + 1") << elements(bound + 1) << 0 << 1 << "more than 2^40 elements";
}

void TestCheckpointReader::safetensorsBoundaries()
{
    QFETCH(QByteArray, header);
    QFETCH(int, headerDelta);
    QFETCH(int, dataBytes);
    QFETCH(QString, reason);
    QByteArray bytes(8, '\0');
    const quint64 length = quint64(header.size() + headerDelta);
    for (int i = 0; i < 8; ++i)
        bytes[i] = char((length >> (8 * i)) & 0xff);
    bytes += header + QByteArray(dataBytes, ' ');
    CheckpointContent content;
    QString error;
    const bool ok = read(writeFile(QStringLiteral("boundary.safetensors"), bytes), &content, &error);
    QVERIFY(test::outcomeMatches(ok, error, reason));
}

namespace {
// Writes a stored (uncompressed) zip archive whose records are zeros of the given sizes, sparse on
// disk, with no CRCs: what a record's bytes hold is never reached unless it is read whole.
bool writeSparseArchive(const QString &path, const QList<std::pair<QByteArray, qint64>> &records)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QByteArray directory;
    qint64 pos = 0;
    for (const auto &[name, size] : records) {
        const test::ZipEntryFields entry{name, quint64(size), quint64(size), quint64(pos), 0, 20, {}};
        const QByteArray local = test::zipLocalHeader(entry);
        if (!file.seek(pos) || file.write(local) != local.size())
            return false;
        directory += test::zipCentralEntry(entry);
        pos += local.size() + size;
    }
    const QByteArray end =
        test::zipEndRecord(quint64(records.size()), quint64(directory.size()), quint64(pos));
    return file.seek(pos) && file.write(directory + end) == directory.size() + end.size();
}
} // namespace

// The bounds on the records read whole (data.pkl 2 GiB, each TorchScript class source 64 MiB) at
// the bound - 1, exactly, and + 1. Within the bound the record is read, and its missing CRC says
// so; past it the record is refused unread, with its name and size.
void TestCheckpointReader::recordSizeBounds_data()
{
    QTest::addColumn<QByteArray>("record");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("reason");
    const qint64 pickle = qint64(2) << 30, source = qint64(64) << 20;
    for (int delta : {-1, 0, 1}) {
        QTest::addRow("data.pkl: 2 GiB %+d", delta)
            << QByteArray("archive/data.pkl") << pickle + delta
            << (delta > 0 ? QStringLiteral("archive/data.pkl is too large (2147483649 bytes)")
                          : QStringLiteral("CRC mismatch in archive/data.pkl"));
    }
    for (int delta : {-1, 0, 1}) {
        QTest::addRow("TorchScript source: 64 MiB %+d", delta)
            << QByteArray("archive/code/__torch__/net.py") << source + delta
            << (delta > 0 ? QStringLiteral("archive/code/__torch__/net.py is too large (67108865 bytes)")
                          : QStringLiteral("CRC mismatch in archive/code/__torch__/net.py"));
    }
}

void TestCheckpointReader::recordSizeBounds()
{
    QFETCH(QByteArray, record);
    QFETCH(qint64, size);
    QFETCH(QString, reason);
    const QString path = m_dir.filePath(QStringLiteral("record_bound.pt"));
    QList<std::pair<QByteArray, qint64>> records{{record, size}};
    if (record != "archive/data.pkl")
        records += {{"archive/constants.pkl", 4}, {"archive/data.pkl", 4}}; // a TorchScript archive
    QVERIFY(writeSparseArchive(path, records));
    TORCHSCOPE_HELPER(refusedWith(path, reason));
}

// A plain pickle, not a checkpoint: shown as the values it holds, each call it would make refused and
// named; a pickle that is nothing but a call says so as its content.
void TestCheckpointReader::barePickles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("rows"); // "path = label" of each tree row; empty: it fails
    QTest::addColumn<QString>("refused");  // the refused content, or the error
    QTest::addColumn<QStringList>("warnings");
    QTest::newRow("a dict of a number and a list, protocol 2")
        << QByteArray::fromHex("80027d7100285801000000614b015803000000622e6371025d7103284b014b0265752e")
        << QStringList{" = dict of 2", "a = 1", "b·c = list of 2", "b·c.0 = 1", "b·c.1 = 2"} << QString()
        << QStringList();
    QTest::newRow("os.system, protocol 0")
        << QByteArray("cos\nsystem\n(S'ls'\ntR.") << QStringList{" = refused call: os.system"}
        << "would call os.system on load; refused" << QStringList{"would call os.system on load; refused"};
    // The module attribute trick: BUILD on torch._utils sets _rebuild_tensor to "builtins", and a
    // STACK_GLOBAL of computed strings then reaches builtins.eval.
    QTest::newRow("eval through an overridden module attribute, protocol 4")
        << QByteArray("\x80\x04Vtorch\nV_utils\n\x93}V_rebuild_tensor\nVbuiltins\nsb0Vtorch._utils\nV_"
                      "rebuild_tensor\n\x93"
                      "Veval\n\x93Vprint(1)\n\x85R.")
        << QStringList{" = refused call: builtins.eval"} << "would call builtins.eval on load; refused"
        << QStringList{"would call torch._utils.__setstate__ on load; refused",
                       "would call builtins.eval on load; refused"};
    QTest::newRow("two pickles in one file")
        << QByteArray::fromHex("80024b012e80025d4b02612e")
        << QStringList{" = 2 pickles, one after the other", "pickle1 = 1", "pickle2 = list of 1",
                       "pickle2.0 = 2"}
        << QString() << QStringList();
    QTest::newRow("a call inside a list is a value among others")
        << QByteArray("(lp0\nI7\nacposix\nsystem\n(S'id'\ntRa.")
        << QStringList{" = list of 2", "0 = 7", "1 = refused call: posix.system"} << QString()
        << QStringList{"would call posix.system on load; refused"};
    QTest::newRow("text that starts like a pickle")
        << QByteArray("Not a pickle at all\n") << QStringList()
        << "not a PyTorch checkpoint: 20 bytes beginning \"Not a pi\" (4e 6f 74 20 61 20 70 69), the start "
           "of "
           "no zip archive, pickle, legacy checkpoint or safetensors file (read as a protocol 0 pickle"
        << QStringList();
    QTest::newRow("a pickle cut short") << QByteArray::fromHex("80027d710028580500") << QStringList()
                                        << "a pickle, but not a well-formed one" << QStringList();
    QTest::newRow("broken after a call: the call is named")
        << QByteArray::fromHex("8002636f730a73797374656d0a58020000006c7385523068092e") << QStringList()
        << "memo entry 9 missing (at byte 25); would call os.system on load; refused" << QStringList();
}

void TestCheckpointReader::barePickles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, rows);
    QFETCH(QString, refused);
    QFETCH(QStringList, warnings);
    const QString path = writeFile(QStringLiteral("bare.pkl"), bytes);
    CheckpointContent content;
    QString error;
    const bool ok = read(path, &content, &error);
    if (rows.isEmpty()) {
        QVERIFY(!ok);
        QVERIFY2(error.contains(refused), qPrintable(error));
        return;
    }
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(checkpointFormatName(content.format), QStringLiteral("pickle"));
    QCOMPARE(content.refusedContent, refused);
    QCOMPARE(content.warnings, warnings);
    QStringList shown;
    for (const ModuleEntry &entry : std::as_const(content.modules))
        shown << entry.path + QStringLiteral(" = ") + entry.typeName;
    QCOMPARE(shown, rows);
    QVERIFY(content.tensors.empty());
}

// The malicious pickles of ../shared/corpus/realworld (picklescan's and modelaudit's test files):
// each is read without running anything, and every call it would make is named.
void TestCheckpointReader::realWorldRefusals_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("calls");
    QList<std::pair<QString, QString>> files;
    if (!corpusFiles(&files))
        QSKIP("no real-world corpus beside the checkout (../shared/corpus/realworld)");
    for (const auto &[path, expected] : std::as_const(files)) {
        if (!expected.startsWith(QLatin1String("refuse ; calls=")))
            continue;
        QStringList calls = expected.section(QStringLiteral(" ; "), 1, 1).mid(6).split(QLatin1Char('|'));
        for (QString &call : calls)
            call.replace(QLatin1String("__builtin__."), QLatin1String("builtins.")); // Python 2 names
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path << calls;
    }
}

void TestCheckpointReader::realWorldRefusals()
{
    QFETCH(QString, path);
    QFETCH(QStringList, calls);
    CheckpointContent content;
    QString error;
    const bool ok = read(path, &content, &error);
    // Refused content reads as such, or fails with the refusals in its one line.
    const QString said = ok ? content.warnings.join(QLatin1Char('\n')) : error;
    QVERIFY2(!ok || !content.refusedContent.isEmpty() || !content.warnings.isEmpty(), qPrintable(said));
    for (const QString &call : std::as_const(calls)) {
        QVERIFY2(said.contains(QStringLiteral("would call ") + call),
                 qPrintable(call + QStringLiteral(": ") + said));
    }
}

// Every other file of ../shared/corpus/realworld against the last column of its SOURCES.tsv: `match`
// files read as real PyTorch 1.13 reads them (names, dtypes, shapes, bit-exact values, kinds, flags,
// module paths and classes); `reject` files fail with a specific one-line reason; `safe` and `robust`
// files read or fail with one line, never crash, and a `robust` failure names the format it met.
void TestCheckpointReader::realWorldFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QList<std::pair<QString, QString>> files;
    if (!corpusFiles(&files))
        QSKIP("no real-world corpus beside the checkout (../shared/corpus/realworld)");
    for (const auto &[path, expected] : std::as_const(files)) {
        if (!expected.startsWith(QLatin1String("refuse"))) // refusals: realWorldRefusals
            QTest::newRow(qPrintable(QFileInfo(path).fileName()))
                << path << expected.section(QLatin1Char(' '), 0, 0);
    }
}

void TestCheckpointReader::realWorldFiles()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    CheckpointContent content;
    QString error;
    const bool ok = read(path, &content, &error);
    if (!ok) {
        QVERIFY2(!error.isEmpty() && !error.contains(QLatin1Char('\n')), qPrintable(error));
        QVERIFY2(expected != QLatin1String("match"), qPrintable(error));
        if (expected == QLatin1String("reject"))
            QVERIFY2(!error.contains(QLatin1String("unrecognised")), qPrintable(error));
        if (expected == QLatin1String("reject"))
            QVERIFY2(error.contains(QLatin1String(" bytes")), qPrintable(error));
        if (expected == QLatin1String("robust")) // the format met, and which PyTorch wrote it
            QVERIFY2(error.contains(QRegularExpression(QStringLiteral("PyTorch \\d"))), qPrintable(error));
        return;
    }
    QVERIFY2(expected != QLatin1String("reject"), "a broken file read without complaint");
    if (expected != QLatin1String("match"))
        return;

    // Judged by both peers: what PyTorch 1.13 reads, and what PyTorch 2.15 reads (weights_only=True first).
    for (const test::Peer peer : {test::Peer::Debian, test::Peer::Modern}) {
        if (!test::peerAvailable(peer))
            continue; // modernPeerIsInstalled says so
        TORCHSCOPE_HELPER(matchesWhatThePeerReads(peer, path, content));
        if (QTest::currentTestFailed())
            return;
    }
}

void TestCheckpointReader::matchesWhatThePeerReads(test::Peer peer, const QString &path,
                                                   const CheckpointContent &content)
{
    // The description on stdout; PyTorch 2.x's deprecation warnings go to stderr.
    QString output, warnings;
    QVERIFY2(test::runProcess(test::pythonPath(peer),
                              {test::peerScript(), QStringLiteral("corpus-describe"), path}, &output,
                              &warnings) == 0,
             qPrintable(test::peerName(peer) + QLatin1String(": ") + output + warnings));
    const QJsonObject want = QJsonDocument::fromJson(output.toUtf8()).object();
    QVERIFY2(!want.isEmpty(), qPrintable(output));
    QStringList wantTensors, gotTensors;
    for (const QJsonValue value : want.value("tensors").toArray()) {
        const QJsonObject t = value.toObject();
        QStringList shape;
        for (const QJsonValue d : t.value("shape").toArray())
            shape << QString::number(qint64(d.toDouble()));
        const QString flag = t.value("requires_grad").isNull()
                                 ? QStringLiteral("-")
                                 : QString::fromLatin1(t.value("requires_grad").toBool() ? "true" : "false");
        // Weights files: torch.nn's buffers by name, the rest plain tensors, as the peer describes them.
        wantTensors << QStringList{t.value("name").toString(),
                                   t.value("dtype").toString(),
                                   shape.join(QLatin1Char(',')),
                                   t.value("kind").toString(),
                                   flag,
                                   t.value("sha256").toString()}
                           .join(QLatin1Char(' '));
    }
    for (const TensorInfo &t : content.tensors) {
        if (t.dtype == DType::Invalid)
            continue; // opaque entries (packed quantized weights) have no values to compare
        QStringList shape;
        for (qint64 d : t.shape)
            shape << QString::number(d);
        gotTensors << QStringList{t.name,
                                  dtypeName(t.dtype),
                                  shape.join(QLatin1Char(',')),
                                  tensorKindName(t.kind),
                                  t.hasRequiresGrad ? QString::fromLatin1(t.requiresGrad ? "true" : "false")
                                                    : QStringLiteral("-"),
                                  QString::fromLatin1(QCryptographicHash::hash(t.contiguousBytes(),
                                                                               QCryptographicHash::Sha256)
                                                          .toHex())}
                          .join(QLatin1Char(' '));
    }
    QCOMPARE(gotTensors, wantTensors);

    QStringList wantModules, gotModules;
    const bool script = want.value("kind").toString() == QLatin1String("torchscript");
    for (const QJsonValue value : want.value("modules").toArray())
        wantModules << value.toObject().value("path").toString() + QLatin1Char(' ') +
                           value.toObject().value("type").toString();
    for (const ModuleEntry &module : std::as_const(content.modules))
        gotModules << module.path + QLatin1Char(' ') +
                          (script ? module.typeName.section(QLatin1Char('.'), -1) : module.typeName);
    QCOMPARE(gotModules, wantModules);
}

// Quantized tensors of every dtype and scheme read as PyTorch writes them: int_repr bit for bit, the
// quantizer's scheme, scales, zero points and axis, statistics over the dequantized values; a weights-only
// export loads in PyTorch with equal int_repr and quantizers. A quantized Linear's packed parameters
// (the (weight, bias) tuple of its state_dict) are listed, not an error.
void TestCheckpointReader::quantizedTensors()
{
    QString output;
    QVERIFY2(test::runPeer({QStringLiteral("quantized"), m_dir.filePath(QStringLiteral("quantized"))},
                           &output) == 0,
             qPrintable(output));
    const QJsonObject manifest = readJson(m_dir.filePath(QStringLiteral("quantized/quantized.json")));
    const QJsonObject expected = manifest.value("tensors").toObject();
    QVERIFY(expected.size() >= 8);
    CheckpointContent content;
    QString error;
    QVERIFY2(read(manifest.value("file").toString(), &content, &error), qPrintable(error));
    int checked = 0;
    for (const TensorInfo &tensor : content.tensors) {
        if (!expected.contains(tensor.name))
            continue;
        ++checked;
        const QJsonObject want = expected.value(tensor.name).toObject();
        const QByteArray name = tensor.name.toUtf8();
        QCOMPARE(dtypeName(tensor.dtype), want.value("dtype").toString());
        QVERIFY2(tensor.quantization, name.constData());
        const QJsonObject q = want.value("quantization").toObject();
        QCOMPARE(tensor.quantization->schemeName(), q.value("scheme").toString());
        QVector<double> scales, zeroPoints;
        for (const QJsonValue v :
             q.value("scale").isArray() ? q.value("scale").toArray() : QJsonArray{q.value("scale")})
            scales << v.toDouble();
        for (const QJsonValue v : q.value("zero_point").isArray() ? q.value("zero_point").toArray()
                                                                  : QJsonArray{q.value("zero_point")})
            zeroPoints << v.toDouble();
        QCOMPARE(tensor.quantization->scales, scales);
        QCOMPARE(tensor.quantization->zeroPoints, zeroPoints);
        QCOMPARE(tensor.quantization->axis, q.value("axis").isNull() ? -1 : q.value("axis").toInt());
        QCOMPARE(QCryptographicHash::hash(tensor.contiguousBytes(), QCryptographicHash::Sha256).toHex(),
                 want.value("sha256").toString().toLatin1());
        const TensorStats stats = TensorStats::compute(tensor);
        const QJsonArray s = want.value("stats").toArray();
        const double got[] = {stats.min, stats.max, stats.mean, stats.std};
        for (int i = 0; i < 4; ++i)
            QVERIFY2(std::abs(got[i] - s.at(i).toDouble()) <=
                         1e-6 * std::max(1.0, std::abs(s.at(i).toDouble())),
                     qPrintable(tensor.name + QStringLiteral(": statistic %1 is %2, PyTorch says %3")
                                                  .arg(i)
                                                  .arg(got[i])
                                                  .arg(s.at(i).toDouble())));
    }
    QCOMPARE(checked, expected.size());

    // Packed weights of whole quantized models, pickled and scripted, are listed with their values.
    for (const QJsonValue packed : manifest.value("packed").toArray()) {
        CheckpointContent model;
        QVERIFY2(read(packed.toString(), &model, &error), qPrintable(error));
        QStringList got, want;
        for (const TensorInfo &tensor : model.tensors)
            got << tensor.name + QLatin1Char(' ') +
                       QCryptographicHash::hash(tensor.contiguousBytes(), QCryptographicHash::Sha256).toHex();
        const QJsonObject tensors = manifest.value("packed_tensors").toObject();
        for (auto it = tensors.begin(); it != tensors.end(); ++it)
            want << it.key() + QLatin1Char(' ') + it.value().toString();
        QCOMPARE(got, want);
    }

    for (const QString &file : {manifest.value("file").toString(), manifest.value("linear").toString()}) {
        CheckpointContent again;
        QVERIFY2(read(file, &again, &error), qPrintable(error));
        CheckpointDocument document(std::move(again));
        const QString exported = m_dir.filePath(QStringLiteral("quantized/exported.pt"));
        auto job = SaveJob::prepare(document, {exported, SaveMode::WeightsOnly, QString()}, &error);
        QVERIFY2(job && job->run(Progress(), &error), qPrintable(error));
        QVERIFY2(test::runPeer({QStringLiteral("check-quantized"), file, exported}, &output) == 0,
                 qPrintable(output));
        // ... and PyTorch 2.15's default torch.load, with no global outside its allowlist.
        if (test::peerAvailable(test::Peer::Modern))
            QVERIFY2(test::runPeer(test::Peer::Modern, {QStringLiteral("check-quantized"), file, exported},
                                   &output) == 0,
                     qPrintable(output));
    }
}

// The TorchScript formats before PyTorch 1.2 fail with the format and the PyTorch that wrote it named.
void TestCheckpointReader::oldTorchScriptFormats_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    QByteArray container("PYTORCH1");
    container += QByteArray("\x02\0\0\0\0\0\0\0", 8) + QByteArray(48, '\xef') + QByteArray(64, '\0');
    QTest::newRow("PYTORCH1 container")
        << container
        << "a TorchScript model in the 'PYTORCH1' container (version 2) of the PyTorch 1.0 previews";
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ZipWriter zip(&buffer, QStringLiteral("model"));
    const QByteArray json(R"({"protoVersion": "3", "producerName": "pytorch", "producerVersion": "1.1",)"
                          R"( "mainModule": {"name": "Net"}, "tensors": []})");
    zip.addRecord(QStringLiteral("model.json"), json.constData(), json.size());
    zip.finish();
    QTest::newRow("model.json archive") << buffer.data()
                                        << "a TorchScript archive in the model.json format of PyTorch 1.0 "
                                           "and 1.1 (proto version 3, written by "
                                           "pytorch 1.1)";
}

void TestCheckpointReader::oldTorchScriptFormats()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    CheckpointContent content;
    QString error;
    QVERIFY(!readCheckpointBytes(bytes, &content, &error));
    QVERIFY2(error.startsWith(reason), qPrintable(error));
}

// A Hugging Face model folder opens its checkpoint and reads config.json beside it: the architecture
// names the root, and a config that disagrees with the blocks present is a warning.
void TestCheckpointReader::huggingFaceFolders_data()
{
    QTest::addColumn<QStringList>("files"); // copied from the sharded Llama-layout fixture, or "config:N"
    QTest::addColumn<QString>("opens");     // the checkpoint file it opens; empty: fails
    QTest::addColumn<QString>("message");   // a warning, or the error
    const QString index = QStringLiteral("model.safetensors.index.json");
    const QStringList shards{QStringLiteral("model-00001-of-00002.safetensors"),
                             QStringLiteral("model-00002-of-00002.safetensors")};
    QTest::newRow("index and config")
        << (QStringList{index, QStringLiteral("config:12")} + shards) << index << QString();
    QTest::newRow("config disagrees")
        << (QStringList{index, QStringLiteral("config:16")} + shards) << index
        << "config.json says 16 hidden layers, but the checkpoint holds 12 blocks in "
           "model.layers";
    QTest::newRow("one safetensors file, no config")
        << QStringList{shards.first()} << shards.first() << QString();
    QTest::newRow("two files, no index") << shards << QString() << "2 checkpoint files and no index";
    QTest::newRow("nothing to open") << QStringList{QStringLiteral("config:12")} << QString()
                                     << "no checkpoint in this folder";
}

void TestCheckpointReader::huggingFaceFolders()
{
    QFETCH(QStringList, files);
    QFETCH(QString, opens);
    QFETCH(QString, message);
    QTemporaryDir folder;
    const QDir fixtures(
        QFileInfo(m_formats.value("llm/model.safetensors.index.json").toObject().value("file").toString())
            .absolutePath());
    int layers = -1;
    for (const QString &file : std::as_const(files)) {
        if (file.startsWith(QLatin1String("config:"))) {
            layers = file.mid(7).toInt();
            QFile config(folder.filePath(QStringLiteral("config.json")));
            QVERIFY(config.open(QIODevice::WriteOnly));
            config.write(QJsonDocument(QJsonObject{{"architectures", QJsonArray{"LlamaForCausalLM"}},
                                                   {"model_type", "llama"},
                                                   {"hidden_size", 8},
                                                   {"num_hidden_layers", layers},
                                                   {"num_attention_heads", 2},
                                                   {"vocab_size", 32},
                                                   {"torch_dtype", "float32"}})
                             .toJson());
        } else {
            QVERIFY(QFile::copy(fixtures.filePath(file), folder.filePath(file)));
        }
    }
    CheckpointContent content;
    QString error;
    const bool ok = read(folder.path(), &content, &error);
    if (opens.isEmpty()) {
        QVERIFY(!ok);
        QVERIFY2(error.contains(message), qPrintable(error));
        return;
    }
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(QFileInfo(content.filePath).fileName(), opens);
    CheckpointDocument document(std::move(content));
    if (layers < 0) {
        QVERIFY(document.modelConfig().isEmpty());
        QVERIFY(document.root()->typeName().isEmpty());
        return;
    }
    QCOMPARE(document.root()->typeName(), QStringLiteral("LlamaForCausalLM"));
    QCOMPARE(document.modelConfig().hiddenLayers, qint64(layers));
    QCOMPARE(document.modelConfig().attentionHeads, qint64(2));
    QCOMPARE(document.modelConfig().torchDtype, QStringLiteral("float32"));
    QCOMPARE(document.warnings().join(QLatin1Char('\n')).contains(QStringLiteral("hidden layers")),
             !message.isEmpty());
    if (!message.isEmpty())
        QVERIFY2(document.warnings().contains(message),
                 qPrintable(document.warnings().join(QLatin1Char('\n'))));
}

void TestCheckpointReader::shardNamesCannotLeaveTheFolder()
{
    const QString index =
        writeFile(QStringLiteral("evil.index.json"), R"({"weight_map": {"w": "../../etc/passwd"}})");
    CheckpointContent content;
    QString error;
    QVERIFY(!read(index, &content, &error));
    QVERIFY2(error.contains(QStringLiteral("bad shard name")), qPrintable(error));
}

void TestCheckpointReader::shardedOpenReportsProgressAndCancels()
{
    const QString index = m_dir.filePath(QStringLiteral("formats/model.safetensors.index.json"));
    QList<QPair<qint64, qint64>> reports;
    Progress progress;
    progress.report = [&](qint64 done, qint64 total) { reports.append({done, total}); };
    CheckpointContent content;
    QString error;
    QVERIFY2(readCheckpoint(index, progress, &content, &error), qPrintable(error));
    // Busy first, then shard by shard up to the end.
    QCOMPARE(reports.first(), qMakePair(qint64(0), qint64(0)));
    QCOMPARE(reports.last(), qMakePair(qint64(2), qint64(2)));
    for (int i = 1; i < reports.size(); ++i)
        QVERIFY(reports[i].first >= reports[i - 1].first);

    int shardsStarted = 0;
    Progress canceling;
    canceling.report = [&](qint64 done, qint64 total) { shardsStarted += total > 0 && done < total; };
    canceling.canceled = [&] { return shardsStarted >= 1; };
    CheckpointContent partial;
    QVERIFY(!readCheckpoint(index, canceling, &partial, &error));
    QVERIFY2(error.endsWith(QStringLiteral(": canceled")), qPrintable(error));
    QCOMPARE(shardsStarted, 1);
}

void TestCheckpointReader::filesLargerThanMemoryOpen()
{
    // A 32 GiB safetensors file (more than this machine's memory), sparse on disk: opening maps it and
    // reads only the header, so it opens at once; one value read touches one page.
    const qint64 tensorBytes = qint64(8) << 30;
    QByteArray header = QStringLiteral(R"({"a":{"dtype":"F32","shape":[%1],"data_offsets":[0,%2]},)"
                                       R"("b":{"dtype":"F32","shape":[%1],"data_offsets":[%2,%3]},)"
                                       R"("c":{"dtype":"F32","shape":[%1],"data_offsets":[%3,%4]},)"
                                       R"("d":{"dtype":"F32","shape":[%1],"data_offsets":[%4,%5]}})")
                            .arg(tensorBytes / 4)
                            .arg(tensorBytes)
                            .arg(2 * tensorBytes)
                            .arg(3 * tensorBytes)
                            .arg(4 * tensorBytes)
                            .toLatin1();
    header += QByteArray((8 - header.size() % 8) % 8, ' ');
    const QString path = m_dir.filePath(QStringLiteral("huge.safetensors"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray length(8, '\0');
    for (int i = 0; i < 8; ++i)
        length[i] = char((quint64(header.size()) >> (8 * i)) & 0xff);
    file.write(length + header);
    QVERIFY(file.resize(8 + header.size() + 4 * tensorBytes));
    file.close();

    CheckpointContent content;
    QString error;
    QVERIFY2(read(path, &content, &error), qPrintable(error));
    CheckpointDocument document(std::move(content));
    QCOMPARE(document.tensorCount(), 4);
    QCOMPARE(document.totals().parameters, 4 * tensorBytes / 4);
    const TensorInfo &d = document.tensor(3);
    QCOMPARE(dtypeElementToDouble(d.dtype, d.firstElement() + d.byteSize() - 4), 0.0);
    QFile::remove(path);
}

void TestCheckpointReader::safetensorsWriterRoundTripsAndRefusesQuantized()
{
    // A strided view (a transpose) is written row-major; what our reader reads back is equal.
    QByteArray values(6 * 4, '\0');
    for (int i = 0; i < 6; ++i) {
        const float v = float(i);
        std::memcpy(values.data() + 4 * i, &v, 4);
    }
    TensorInfo transposed = test::tensorFromBytes(QStringLiteral("t"), DType::Float32, {3, 2}, values);
    transposed.strides = {1, 3};
    const std::vector<StateDictWriter::Entry> entries{
        {QStringLiteral("t"), transposed, -1},
        {QStringLiteral("empty"),
         test::tensorFromBytes(QStringLiteral("e"), DType::Int64, {0, 3}, QByteArray()), -1}};
    const QString file = m_dir.filePath(QStringLiteral("written.safetensors"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QString error;
        QVERIFY2(SafetensorsWriter::write(entries, &out, Progress(), &error), qPrintable(error));
    }
    CheckpointContent content;
    QString error;
    QVERIFY2(readCheckpoint(file, Progress(), &content, &error), qPrintable(error));
    QCOMPARE(content.format, CheckpointFormat::Safetensors);
    QCOMPARE(int(content.tensors.size()), 2);
    const TensorInfo &t =
        content.tensors[1].name == QLatin1String("t") ? content.tensors[1] : content.tensors[0];
    QCOMPARE(t.shape, (QVector<qint64>{3, 2}));
    QCOMPARE(t.contiguousBytes(), transposed.contiguousBytes());
    QCOMPARE(content.metadata.value(0).first, QStringLiteral("format"));

    // Quantized tensors have no safetensors dtype: refused with the name, nothing half written.
    TensorInfo quantized = test::tensorFromBytes(QStringLiteral("q"), DType::QInt8, {2}, QByteArray(2, '\1'));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(
        !SafetensorsWriter::write({{QStringLiteral("fc.q"), quantized, -1}}, &buffer, Progress(), &error));
    QCOMPARE(error, QStringLiteral("fc.q: safetensors cannot hold qint8 tensors"));
    QCOMPARE(buffer.size(), qint64(0));
}

void TestCheckpointReader::dictSubclassesHoldTheirItems_data()
{
    QTest::addColumn<test::Peer>("peer");
    QTest::newRow("PyTorch 1.13") << test::Peer::Debian;
    QTest::newRow("PyTorch 2.15") << test::Peer::Modern;
}

// Dicts that are instances of dict subclasses (Lightning's AttributeDict in hyper_parameters, an
// OrderedDict subclass) are pickled as NEWOBJ or a call, then SETITEMS: the file opened not at all
// ("SETITEMS on a ... object"). Their items read as a dict's, tensors by their dotted names, with PyTorch's
// values; the class made by a call stays refused and named.
void TestCheckpointReader::dictSubclassesHoldTheirItems()
{
    QFETCH(test::Peer, peer);
    TORCHSCOPE_REQUIRE_PEER(peer);
    const QString path = m_dir.filePath(QStringLiteral("dict-subclass-%1.pt").arg(int(peer)));
    QString output;
    QVERIFY2(test::runPeer(peer, {QStringLiteral("dict-subclass"), path}, &output) == 0, qPrintable(output));
    CheckpointContent content;
    QString error;
    QVERIFY2(read(path, &content, &error), qPrintable(error));
    const QJsonObject want = readJson(QString(path).replace(QStringLiteral(".pt"), QStringLiteral(".json")));
    QStringList names;
    for (const TensorInfo &tensor : content.tensors)
        names << tensor.name;
    QCOMPARE(names, (QStringList{"hyper_parameters.nested.gamma", "state_dict.weight", "state_dict.bias"}));
    for (const TensorInfo &tensor : content.tensors) {
        const QJsonObject expected = want.value(tensor.name).toObject();
        QVector<qint64> shape;
        for (const QJsonValue d : expected.value("shape").toArray())
            shape << qint64(d.toDouble());
        QCOMPARE(tensor.shape, shape);
        QCOMPARE(tensor.dtype, DType::Float32);
        const QByteArray bytes = tensor.contiguousBytes();
        const QJsonArray values = expected.value("values").toArray();
        QCOMPARE(bytes.size(), values.size() * qsizetype(sizeof(float)));
        for (int i = 0; i < values.size(); ++i) {
            float v;
            std::memcpy(&v, bytes.constData() + i * sizeof(float), sizeof v);
            QCOMPARE(double(v), values.at(i).toDouble());
        }
    }
    QVERIFY2(content.warnings.join(u'\n').contains(
                 QStringLiteral("would call __main__.StateDictCopy on load; refused")),
             qPrintable(content.warnings.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestCheckpointReader)
// Both executables ask for the heap in huge pages first thing: a model of 60,000 modules makes a
// hundred megabytes of small objects, and faulting in 4 KiB pages took most of the time to open it.
void TestCheckpointReader::heapPrefersHugePages()
{
    QFile setting(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
    if (!setting.open(QIODevice::ReadOnly) || setting.readAll().contains("[never]"))
        QSKIP("transparent huge pages are off on this system");
    QVERIFY(preferHugePagesForTheHeap());
    // The heap's mapping carries the advice ("hg" in its VmFlags) and spans the reserve.
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    QVERIFY(smaps.open(QIODevice::ReadOnly));
    bool inHeap = false, advised = false;
    qint64 heapBytes = 0;
    for (const QByteArray &line : smaps.readAll().split('\n')) {
        if (line.contains('-') && line.indexOf(' ') > 0 && !line.startsWith("VmFlags")) {
            const QList<QByteArray> range = line.left(line.indexOf(' ')).split('-');
            inHeap = line.endsWith("[heap]");
            if (inHeap && range.size() == 2)
                heapBytes += range[1].toLongLong(nullptr, 16) - range[0].toLongLong(nullptr, 16);
        } else if (inHeap && line.startsWith("VmFlags") && line.contains(" hg")) {
            advised = true;
        }
    }
    QVERIFY(advised);
    QVERIFY2(heapBytes >= (qint64(512) << 20), QByteArray::number(heapBytes).constData());
}

#include "tst_checkpointreader.moc"
