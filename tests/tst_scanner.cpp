// The scanner (model/scan, torchscope-cli scan): findings for what real files hold, judged against files
// PyTorch, safetensors, transformers, Lightning and DCP write, rewritten where a container must lie, and
// against other projects' malicious files; SARIF checked against the OASIS schema.

#include "scan/scanner.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace torchscope;

class TestScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void containerAnomalies_data();
    void containerAnomalies();
    void benignFilesGiveNothingAboveNote();
    void corpusCallsAreNamed_data();
    void corpusCallsAreNamed();
    void sarifIsValidStableAndLikeTheJson();
    void exitCodesFollowTheThreshold_data();
    void exitCodesFollowTheThreshold();
    void fuzzInputsNeverCrashTheScan();
    void readmeListsEveryRule();
    void tenThousandFilesInBoundedMemoryWithProgress();

private:
    QString scanScript() const
    {
        return QFileInfo(test::peerScript()).dir().filePath(QStringLiteral("scan.py"));
    }
    // Runs tests/python/scan.py with the modern peer.
    int runScanScript(const QStringList &arguments, QString *output);
    QString containersFolder();
    QString benignFolder();
    int cli(const QStringList &arguments, QString *out = nullptr, QString *err = nullptr)
    {
        QString o, e;
        return test::runProcess(test::cliPath(), arguments, out ? out : &o, err ? err : &e);
    }
    // Rule ids at or above warning, per file as findings name it.
    static QHash<QString, QSet<QString>> seriousRules(const QVector<ScanFinding> &findings);

    QTemporaryDir m_dir;
    QString m_containers, m_benign;
};

void TestScanner::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Findings name files relative to the working directory when inside it: keep the temp dir outside.
    QDir::setCurrent(QDir::rootPath());
}

int TestScanner::runScanScript(const QStringList &arguments, QString *output)
{
    QString err;
    const int code = test::runProcess(test::pythonPath(test::Peer::Modern),
                                      QStringList{scanScript()} + arguments, output, &err, 600000);
    *output += err;
    return code;
}

QString TestScanner::containersFolder()
{
    if (m_containers.isEmpty()) {
        const QString folder = m_dir.filePath(QStringLiteral("containers"));
        QString output;
        if (runScanScript({QStringLiteral("containers"), folder}, &output) != 0)
            qWarning("%s", qPrintable(output));
        else
            m_containers = folder;
    }
    return m_containers;
}

QString TestScanner::benignFolder()
{
    if (m_benign.isEmpty()) {
        const QString folder = m_dir.filePath(QStringLiteral("benign"));
        QString output;
        if (runScanScript({QStringLiteral("benign"), folder, QStringLiteral("18")}, &output) != 0)
            qWarning("%s", qPrintable(output));
        else
            m_benign = folder;
    }
    return m_benign;
}

QHash<QString, QSet<QString>> TestScanner::seriousRules(const QVector<ScanFinding> &findings)
{
    QHash<QString, QSet<QString>> rules;
    for (const ScanFinding &finding : findings) {
        if (finding.severity >= ScanSeverity::Warning)
            rules[finding.file].insert(finding.ruleId);
    }
    return rules;
}

// Each file holds one anomaly, made by rewriting what torch.save or safetensors wrote; the rules it must
// raise come from expected.json beside them, and nothing else at or above warning.
void TestScanner::containerAnomalies_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("rules");
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = containersFolder();
    QVERIFY2(!folder.isEmpty(), "scan.py containers failed");
    QFile file(QDir(folder).filePath(QStringLiteral("expected.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(file.readAll()).object();
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        QStringList rules;
        for (const QJsonValue rule : it.value().toArray())
            rules << rule.toString();
        QTest::newRow(qPrintable(it.key())) << it.key() << rules;
    }
}

void TestScanner::containerAnomalies()
{
    QFETCH(QString, file);
    QFETCH(QStringList, rules);
    const QString path = QDir(containersFolder()).filePath(file);
    const QVector<ScanFinding> findings = scanFile(path, file);
    QSet<QString> got = seriousRules(findings).value(file);
    QStringList lines;
    for (const ScanFinding &finding : findings)
        lines << finding.ruleId + QStringLiteral(" (") + finding.place + QStringLiteral("): ") +
                     finding.message;
    QStringList actual(got.begin(), got.end()), wanted = rules;
    actual.sort();
    wanted.sort();
    QVERIFY2(actual == wanted, qPrintable(QStringLiteral("rules %1, expected %2:\n%3")
                                              .arg(actual.join(u','), wanted.join(u','), lines.join(u'\n'))));
    // Every finding names a place inside the file when the anomaly has one, and says it in one line.
    for (const ScanFinding &finding : findings)
        QVERIFY2(!finding.message.contains(u'\n'), qPrintable(finding.message));
    if (rules.contains(QStringLiteral("TS001")))
        QVERIFY2(lines.join(u'\n').contains(QStringLiteral("posix.system('echo scanned')")),
                 qPrintable(lines.join(u'\n')));
}

// What the libraries write, every format Torchscope reads, whole models and framework folders included:
// nothing above note; the whole models' notes name their classes.
void TestScanner::benignFilesGiveNothingAboveNote()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = benignFolder();
    QVERIFY2(!folder.isEmpty(), "scan.py benign failed");
    const ScanReport report = scanPaths({folder}, Progress());
    QVERIFY2(report.files >= 18, qPrintable(QString::number(report.files)));
    QStringList serious, notes;
    for (const ScanFinding &finding : report.findings) {
        (finding.severity >= ScanSeverity::Warning ? serious : notes)
            << finding.file + u' ' + finding.ruleId + QStringLiteral(": ") + finding.message;
    }
    QVERIFY2(serious.isEmpty(), qPrintable(serious.join(u'\n')));
    const QString all = notes.join(u'\n');
    QVERIFY2(all.contains(QStringLiteral("whole.pt TS002")) && all.contains(QStringLiteral("__main__.Net")),
             qPrintable(all));
    // A DCP folder's metadata and a training checkpoint's NumPy scalars: data constructors, named.
    QVERIFY2(all.contains(QStringLiteral("dcp/.metadata TS004")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("numpy.dtype")), qPrintable(all));
}

// ../shared/corpus/realworld: every malicious file flagged with each of its calls named (picklescan's
// and modelaudit's test files, those in containers PyTorch cannot reach too); benign files nothing
// above note; broken ones a warning, never an error.
void TestScanner::corpusCallsAreNamed_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expectation");
    const QString corpus = qEnvironmentVariable("TORCHSCOPE_CORPUS");
    QFile sources(QDir(corpus).filePath(QStringLiteral("SOURCES.tsv")));
    if (!sources.open(QIODevice::ReadOnly))
        QSKIP("no real-world corpus beside the checkout (../shared/corpus/realworld)");
    const QStringList lines = QString::fromUtf8(sources.readAll()).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines.mid(1)) {
        const QStringList columns = line.split(u'\t');
        QTest::newRow(qPrintable(columns.first()))
            << QDir(corpus).filePath(columns.first()) << columns.last().trimmed();
    }
}

void TestScanner::corpusCallsAreNamed()
{
    QFETCH(QString, file);
    QFETCH(QString, expectation);
    const QVector<ScanFinding> findings = scanFile(file, QFileInfo(file).fileName());
    QStringList errors, warnings, lines;
    for (const ScanFinding &finding : findings) {
        lines << finding.ruleId + QStringLiteral(": ") + finding.message;
        if (finding.severity == ScanSeverity::Error)
            errors << finding.message;
        else if (finding.severity == ScanSeverity::Warning)
            warnings << finding.message;
    }
    const QString said = lines.join(u'\n');
    const QString kind = expectation.section(u' ', 0, 0);
    if (kind == QLatin1String("match")) {
        QVERIFY2(errors.isEmpty() && warnings.isEmpty(), qPrintable(said));
        return;
    }
    if (kind == QLatin1String("reject") || kind == QLatin1String("robust")) {
        QVERIFY2(errors.isEmpty() && !warnings.isEmpty(), qPrintable(said));
        return;
    }
    // refuse and safe: calls=a|b|c, Python 2's __builtin__ being Python 3's builtins.
    const QString calls =
        expectation.section(QStringLiteral("calls="), 1).section(QStringLiteral(" ;"), 0, 0);
    QVERIFY2(!errors.isEmpty(), qPrintable(said));
    for (QString call : calls.split(u'|')) {
        call.replace(QStringLiteral("__builtin__."), QStringLiteral("builtins."));
        QVERIFY2(errors.join(u'\n').contains(call),
                 qPrintable(call + QStringLiteral(" not named in:\n") + said));
    }
}

void TestScanner::sarifIsValidStableAndLikeTheJson()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = containersFolder();
    QVERIFY(!folder.isEmpty());
    const QString first = m_dir.filePath(QStringLiteral("first.sarif")),
                  second = m_dir.filePath(QStringLiteral("second.sarif"));
    QCOMPARE(cli({QStringLiteral("scan"), folder, QStringLiteral("--format"), QStringLiteral("sarif"),
                  QStringLiteral("-o"), first}),
             1);
    QCOMPARE(
        cli({QStringLiteral("scan"), QStringLiteral("--format=sarif"), QStringLiteral("-o"), second, folder}),
        1);
    const auto results = [](const QString &path) {
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        return QJsonDocument::fromJson(file.readAll())
            .object()
            .value(QStringLiteral("runs"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("results"))
            .toArray();
    };
    const QJsonArray a = results(first), b = results(second);
    QVERIFY(a.size() >= 15);
    QCOMPARE(a.size(), b.size());
    QSet<QString> fingerprints;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QJsonObject fa = a.at(i).toObject().value(QStringLiteral("partialFingerprints")).toObject();
        QCOMPARE(fa, b.at(i).toObject().value(QStringLiteral("partialFingerprints")).toObject());
        fingerprints.insert(fa.begin().value().toString());
    }
    QCOMPARE(fingerprints.size(), a.size()); // one per finding
    // The JSON for scripts says the same.
    QString out;
    QCOMPARE(cli({QStringLiteral("scan"), folder, QStringLiteral("--format"), QStringLiteral("json")}, &out),
             1);
    const QJsonArray findings =
        QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("findings")).toArray();
    QCOMPARE(findings.size(), a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(findings.at(i).toObject().value(QStringLiteral("rule_id")).toString(),
                 a.at(i).toObject().value(QStringLiteral("ruleId")).toString());
        QCOMPARE(findings.at(i).toObject().value(QStringLiteral("message")).toString(),
                 a.at(i)
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toObject()
                     .value(QStringLiteral("text"))
                     .toString());
    }
    // Valid against the OASIS schema, with what GitHub code scanning relies on.
    const QString schema = qEnvironmentVariable("TORCHSCOPE_SARIF_SCHEMA");
    if (!QFileInfo::exists(schema))
        QSKIP("no SARIF schema beside the checkout (../shared/schemas/sarif-schema-2.1.0.json)");
    QString output;
    QVERIFY2(runScanScript({QStringLiteral("check-sarif"), first, schema}, &output) == 0, qPrintable(output));
    // A log that breaks the schema is caught: the check can fail.
    QFile broken(m_dir.filePath(QStringLiteral("broken.sarif")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(R"({"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": []}]})");
    broken.close();
    QVERIFY(runScanScript({QStringLiteral("check-sarif"), broken.fileName(), schema}, &output) != 0);
}

void TestScanner::exitCodesFollowTheThreshold_data()
{
    QTest::addColumn<QString>("file"); // in the containers folder; "" for none
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("error, default threshold") << "second-pickle.pt" << QStringList() << 1;
    QTest::newRow("warning, default threshold") << "crc-lies.pt" << QStringList() << 0;
    QTest::newRow("warning, --fail-on warning") << "crc-lies.pt" << QStringList{"--fail-on", "warning"} << 1;
    QTest::newRow("plain file, --fail-on note") << "plain.pt" << QStringList{"--fail-on", "note"} << 0;
    QTest::newRow("missing file: a warning") << "no-such.pt" << QStringList() << 0;
    QTest::newRow("missing file, --fail-on warning")
        << "no-such.pt" << QStringList{"--fail-on", "warning"} << 1;
    QTest::newRow("bad --format") << "plain.pt" << QStringList{"--format", "xml"} << 2;
    QTest::newRow("bad --fail-on") << "plain.pt" << QStringList{"--fail-on", "sometimes"} << 2;
    QTest::newRow("no path") << "" << QStringList() << 2;
}

void TestScanner::exitCodesFollowTheThreshold()
{
    QFETCH(QString, file);
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    QStringList arguments{QStringLiteral("scan")};
    arguments += options;
    if (!file.isEmpty())
        arguments << QDir(containersFolder()).filePath(file);
    QString out, err;
    QCOMPARE(cli(arguments, &out, &err), exitCode);
    if (exitCode == 2)
        QVERIFY2(err.startsWith(QStringLiteral("torchscope-cli: scan: ")), qPrintable(err));
}

// The fuzzers' inputs (tests/fuzz/corpus): scanned to the end, each a finding or none, no crash.
void TestScanner::fuzzInputsNeverCrashTheScan()
{
    const QString corpus = QStringLiteral(TORCHSCOPE_SOURCE_DIR "/tests/fuzz/corpus");
    int files = 0;
    for (QDirIterator it(corpus, QDir::Files, QDirIterator::Subdirectories); it.hasNext(); it.next())
        ++files;
    QVERIFY(files > 1000);
    QString out, err;
    const int code =
        cli({QStringLiteral("scan"), corpus, QStringLiteral("--format"), QStringLiteral("json")}, &out, &err);
    QVERIFY2(code == 0 || code == 1, qPrintable(err.left(2000)));
    QCOMPARE(QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("files")).toInt(), files);
}

// 10,000 files: memory bounded (the peak of 10,000 within a few MB of the peak of 1,000) and, on a
// terminal, a progress line.
void TestScanner::tenThousandFilesInBoundedMemoryWithProgress()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString benign = benignFolder();
    QVERIFY(!benign.isEmpty());
    QStringList sources;
    for (const QFileInfo &info : QDir(benign).entryInfoList(QDir::Files, QDir::Name))
        sources << info.filePath();
    const QString many = m_dir.filePath(QStringLiteral("many"));
    const QString few = m_dir.filePath(QStringLiteral("few"));
    for (int i = 0; i < 10000; ++i) {
        const QString folder = QStringLiteral("%1/d%2").arg(many).arg(i / 500, 2, 10, QLatin1Char('0'));
        QDir().mkpath(folder);
        const QString &source = sources.at(i % sources.size());
        QVERIFY(QFile::copy(source,
                            QStringLiteral("%1/%2-%3").arg(folder).arg(i).arg(QFileInfo(source).fileName())));
    }
    QDir().mkpath(few);
    for (int i = 0; i < 1000; ++i) {
        const QString &source = sources.at(i % sources.size());
        QVERIFY(QFile::copy(source,
                            QStringLiteral("%1/%2-%3").arg(few).arg(i).arg(QFileInfo(source).fileName())));
    }
    // The peak resident memory of a scan, from the kernel's accounting of the finished child.
    const auto peakKiB = [](const QString &folder, QString *output) {
        QString out, err;
        test::runProcess(QStringLiteral("/usr/bin/python3"),
                         {QStringLiteral("-c"),
                          QStringLiteral("import resource, subprocess, sys; "
                                         "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
                                         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
                                         "print(r.stdout[-200:])"),
                          test::cliPath(), QStringLiteral("scan"), folder},
                         &out, &err);
        *output = out;
        return out.section(u'\n', 0, 0).toLongLong();
    };
    QString fewOut, manyOut;
    const qint64 fewPeak = peakKiB(few, &fewOut), manyPeak = peakKiB(many, &manyOut);
    QVERIFY2(manyOut.contains(QStringLiteral("10000 file")), qPrintable(manyOut));
    QVERIFY2(
        fewPeak > 0 && manyPeak < fewPeak + 16 * 1024,
        qPrintable(
            QStringLiteral("peak %1 KiB for 1,000 files, %2 KiB for 10,000").arg(fewPeak).arg(manyPeak)));
    // On a terminal (script(1) gives it one) the scan says how far it is; in a pipe it says nothing.
    QString out, err;
    test::runProcess(QStringLiteral("script"),
                     {QStringLiteral("-qec"), test::cliPath() + QStringLiteral(" scan ") + many,
                      QStringLiteral("/dev/null")},
                     &out, &err);
    QVERIFY2(out.contains(QStringLiteral("scan: 10000 of 10000 files")), qPrintable(out.left(300)));
    QString piped;
    cli({QStringLiteral("scan"), few}, &out, &piped);
    QVERIFY2(!piped.contains(QStringLiteral("scan:")), qPrintable(piped));
}

// The README's table of rules is the scanner's: every id with its severity and name, and no other.
void TestScanner::readmeListsEveryRule()
{
    QFile readme(QStringLiteral(TORCHSCOPE_SOURCE_DIR "/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    const QRegularExpression row(QStringLiteral(R"(^\| (TS\d{3}) \| (\w+) \| ([\w-]+) \|)"),
                                 QRegularExpression::MultilineOption);
    QStringList listed;
    for (auto it = row.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const ScanRule *rule = findScanRule(match.captured(1));
        QVERIFY2(rule, qPrintable(match.captured(1)));
        QCOMPARE(match.captured(2), scanSeverityName(rule->severity));
        QCOMPARE(match.captured(3), rule->name);
        listed << rule->id;
    }
    QStringList ids;
    for (const ScanRule &rule : scanRules())
        ids << rule.id;
    QCOMPARE(listed, ids);
}

QTEST_GUILESS_MAIN(TestScanner)
#include "tst_scanner.moc"
