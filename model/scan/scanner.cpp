#include "scan/scanner.h"

#include "formats/checkpointreader.h"
#include "formats/pickle/safeunpickler.h"
#include "formats/pickle/weightsonly.h"
#include "jobs/progress.h"
#include "scan/containeraudit.h"
#include "tensor/checkpointcontent.h"
#include "tensor/mappedfile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMap>
#include <QSet>
#include <QStringDecoder>
#include <QUrl>

#include <algorithm>
#include <memory>

namespace torchscope {

namespace {
// lupdate sees the strings of this file under the context Scanner.
struct ScannerText
{
    Q_DECLARE_TR_FUNCTIONS(Scanner)
};
} // namespace

QString scanSeverityName(ScanSeverity severity)
{
    switch (severity) {
    case ScanSeverity::Error:
        return QStringLiteral("error");
    case ScanSeverity::Warning:
        return QStringLiteral("warning");
    case ScanSeverity::Note:
        break;
    }
    return QStringLiteral("note");
}

const QVector<ScanRule> &scanRules()
{
    static const QVector<ScanRule> rules{
        {QStringLiteral("TS001"), ScanSeverity::Error, QStringLiteral("pickle-call"),
         ScannerText::tr("A pickle in the file would call a function on torch.load (refused here: nothing "
                         "ran).")},
        {QStringLiteral("TS002"), ScanSeverity::Note, QStringLiteral("needs-weights-only-false"),
         ScannerText::tr("The file refers to classes and functions outside torch.load's weights_only "
                         "allowlist the way torch.save(model) does (a model's own classes, an activation "
                         "function): it loads only with weights_only=False.")},
        {QStringLiteral("TS003"), ScanSeverity::Warning, QStringLiteral("unreadable"),
         ScannerText::tr("The file cannot be read as any format Torchscope knows, or is damaged.")},
        {QStringLiteral("TS004"), ScanSeverity::Note, QStringLiteral("weights-only-refuses"),
         ScannerText::tr("A constructor of plain data that weights_only refuses (a NumPy scalar, a path): "
                         "the file is otherwise plain, but loads only with weights_only=False.")},
        {QStringLiteral("TS005"), ScanSeverity::Warning, QStringLiteral("imported-global"),
         ScannerText::tr("A pickle imports a function that reaches the system (os, subprocess, eval...) "
                         "without calling it: kept for a later call.")},
        {QStringLiteral("TS010"), ScanSeverity::Error, QStringLiteral("zip-entry-outside"),
         ScannerText::tr("A zip entry's name climbs out of the archive (.., an absolute path, a drive).")},
        {QStringLiteral("TS011"), ScanSeverity::Error, QStringLiteral("zip-hidden-pickle"),
         ScannerText::tr("Two pickles under one name: torch.load reads one, another tool may check the "
                         "other.")},
        {QStringLiteral("TS012"), ScanSeverity::Warning, QStringLiteral("zip-encrypted"),
         ScannerText::tr("A zip entry has the encrypted flag: no checkpoint writer sets it.")},
        {QStringLiteral("TS013"), ScanSeverity::Warning, QStringLiteral("zip-record-lies"),
         ScannerText::tr("A zip record's CRC, sizes, name or offsets disagree with the bytes.")},
        {QStringLiteral("TS014"), ScanSeverity::Warning, QStringLiteral("zip-duplicate-name"),
         ScannerText::tr("Two zip entries share a name.")},
        {QStringLiteral("TS015"), ScanSeverity::Warning, QStringLiteral("zip-extra-bytes"),
         ScannerText::tr("Bytes before a zip archive's first record or after its end record.")},
        {QStringLiteral("TS016"), ScanSeverity::Warning, QStringLiteral("hidden-archive"),
         ScannerText::tr("A zip archive hidden after the bytes of something else.")},
        {QStringLiteral("TS017"), ScanSeverity::Warning, QStringLiteral("truncated"),
         ScannerText::tr("The file ends before the bytes its own records promise.")},
        {QStringLiteral("TS020"), ScanSeverity::Warning, QStringLiteral("safetensors-header"),
         ScannerText::tr("A safetensors header with overlapping or unclaimed bytes, a duplicate name, sizes "
                         "that disagree with dtype and shape, or a length past the file.")},
    };
    return rules;
}

const ScanRule *findScanRule(const QString &id)
{
    for (const ScanRule &rule : scanRules()) {
        if (rule.id == id)
            return &rule;
    }
    return nullptr;
}

QStringList scanTargets(const QStringList &paths)
{
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isDir()) {
            files << path;
            continue;
        }
        // Symlinks are not followed: a link out of the folder is not the folder's.
        QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System,
                        QDirIterator::Subdirectories);
        QStringList found;
        while (it.hasNext()) {
            it.next();
            if (!it.fileInfo().isSymLink())
                found << it.filePath();
        }
        found.sort();
        files += found;
    }
    return files;
}

namespace {
bool looksLikeText(const QString &path)
{
    // A file named as a checkpoint is one, broken, whatever it holds.
    static const QStringList checkpointSuffixes{
        QStringLiteral("pt"),     QStringLiteral("pth"), QStringLiteral("bin"),
        QStringLiteral("ckpt"),   QStringLiteral("pkl"), QStringLiteral("pickle"),
        QStringLiteral("joblib"), QStringLiteral("npy"), QStringLiteral("safetensors"),
        QStringLiteral("distcp"), QStringLiteral("ptl"), QStringLiteral("tar")};
    if (checkpointSuffixes.contains(QFileInfo(path).suffix().toLower()))
        return false;
    // A config, a README, a log or a tokenizer beside the weights is no model file: text, with no
    // control bytes in its first 4 KiB. (A protocol 0 pickle is text too; it is judged by what it
    // calls before this is asked.)
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(4096);
    if (head.isEmpty())
        return false;
    const bool control = std::any_of(head.begin(), head.end(), [](char c) {
        const auto u = uchar(c);
        return (u < 0x20 && c != '\n' && c != '\r' && c != '\t') || u == 0x7f;
    });
    // Valid UTF-8, allowing for a character cut at the 4 KiB boundary.
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8.decode(head.size() == 4096 ? head.left(4090) : head);
    return !control && !utf8.hasError() && !text.isEmpty();
}
} // namespace

namespace {
// What a refused call amounts to. Benign checkpoints make a few calls weights_only refuses: a NumPy
// scalar, a path, an enum member looked up, a class of the model's or a library's constructed. Those
// run no code of the file's choosing; every other call is the file's.
enum class CallKind { Code, DataConstructor, ClassInstance };

CallKind callKind(const RefusedCallSite &call)
{
    if (isPlainDataCall(call.callable, call.arguments))
        return CallKind::DataConstructor;
    return looksLikeClass(call.callable) ? CallKind::ClassInstance : CallKind::Code;
}

QString placeOf(const RefusedCallSite &call)
{
    return call.place.isEmpty() ? ScannerText::tr("byte %1").arg(call.offset)
                                : ScannerText::tr("%1, byte %2").arg(call.place).arg(call.offset);
}

// "a, b, c and 4 more": a finding's line stays one line.
QString listed(const QStringList &names)
{
    constexpr int kShown = 6;
    if (names.size() <= kShown)
        return names.join(QStringLiteral(", "));
    return ScannerText::tr("%1 and %n more", nullptr, int(names.size() - kShown))
        .arg(names.mid(0, kShown).join(QStringLiteral(", ")));
}

// A call of what a refused call returned reads as Python would write it: functools.partial(...)(...).
QString calledText(const QString &callable)
{
    static const QString refused = QStringLiteral("<refused: ");
    if (callable.startsWith(refused) && callable.endsWith(u'>'))
        return callable.mid(refused.size(), callable.size() - refused.size() - 1) + QStringLiteral("(...)");
    return callable;
}

// The reader's reason without the path it starts with: the finding names the file already.
QString withoutPath(const QString &reason, const QString &path)
{
    return reason.startsWith(path + QStringLiteral(": ")) ? reason.mid(path.size() + 2) : reason;
}
} // namespace

QVector<ScanFinding> scanFile(const QString &path, const QString &shownName)
{
    QVector<ScanFinding> findings;
    const auto add = [&](const QString &ruleId, const QString &place, const QString &message) {
        findings.append({ruleId, findScanRule(ruleId)->severity, shownName, place, message, path});
    };
    CheckpointContent content;
    QString error;
    const bool read = readCheckpoint(path, Progress(), &content, &error);
    ContainerAudit audit;
    QString mapError;
    if (const std::shared_ptr<MappedFile> file = MappedFile::open(path, &mapError); file && file->size() > 0)
        audit = auditContainer(file->data(), file->size());

    // Every call, the reader's (the pickles torch.load reads) and the audit's (every pickle in every
    // archive), once each.
    QVector<RefusedCallSite> calls = content.refusedCalls;
    QSet<QString> seenCalls;
    for (const RefusedCallSite &call : std::as_const(calls))
        seenCalls.insert(call.place + u'\n' + QString::number(call.offset) + u'\n' + call.callable);
    for (const RefusedCallSite &call : std::as_const(audit.calls)) {
        if (!seenCalls.contains(call.place + u'\n' + QString::number(call.offset) + u'\n' + call.callable))
            calls.append(call);
    }
    QSet<QString> called;
    QStringList classes;
    QMap<QString, QStringList> constructed; // data constructors, by callable: where
    for (const RefusedCallSite &call : std::as_const(calls)) {
        called.insert(call.callable);
        switch (callKind(call)) {
        case CallKind::Code:
            add(QStringLiteral("TS001"), placeOf(call),
                ScannerText::tr("torch.load would call %1(%2)")
                    .arg(calledText(call.callable), call.arguments));
            break;
        case CallKind::ClassInstance:
            if (!classes.contains(call.callable))
                classes << call.callable;
            break;
        case CallKind::DataConstructor:
            constructed[call.callable] << placeOf(call);
            break;
        }
    }
    for (const WeightsOnlyBlocker &blocker : std::as_const(content.weightsOnlyBlockers)) {
        if (called.contains(blocker.global) || classes.contains(blocker.global))
            continue;
        // What a model refers to (its classes, an activation function, a type) needs weights_only=False;
        // a gadget (os.system, builtins.eval) imported and kept is what an attack leaves for later.
        if (isInterpretedCallable(blocker.global))
            constructed[blocker.global] << blocker.paths.value(0);
        else if (isGadgetClass(blocker.global))
            add(QStringLiteral("TS005"), blocker.paths.value(0),
                ScannerText::tr("imports %1 without calling it; torch.load would import it")
                    .arg(blocker.global));
        else
            classes << blocker.global;
    }
    if (!classes.isEmpty())
        add(QStringLiteral("TS002"), QString(),
            ScannerText::tr(
                "needs weights_only=False for %n class(es) and function(s) outside its allowlist: %1",
                nullptr, int(classes.size()))
                .arg(listed(classes)));
    for (auto it = constructed.cbegin(); it != constructed.cend(); ++it)
        add(QStringLiteral("TS004"), it.value().value(0),
            ScannerText::tr("needs weights_only=False for %1, which makes plain data (%n place(s))", nullptr,
                            int(it.value().size()))
                .arg(it.key()));
    bool containerFault = false;
    for (const ContainerFinding &finding : std::as_const(audit.findings)) {
        add(finding.ruleId, finding.place, finding.message);
        containerFault = true;
    }
    // A file the reader cannot read is a finding of its own unless something more precise says why:
    // a refused call, a container fault, archives back to back (a DCP .distcp file: its items are
    // read through the folder's .metadata), or a text file beside the weights.
    if (!read && calls.isEmpty() && !containerFault && audit.archives < 2 && !looksLikeText(path))
        add(QStringLiteral("TS003"), QString(), withoutPath(error, path));
    return findings;
}

QString scanShownName(const QString &file, const QString &scannedPath)
{
    QString here = QDir::current().relativeFilePath(QFileInfo(file).absoluteFilePath());
    if (!here.startsWith(QLatin1String("../")) && !QDir::isAbsolutePath(here))
        return here;
    if (QFileInfo(scannedPath).isDir())
        return QDir(scannedPath).relativeFilePath(file);
    return file;
}

ScanReport scanPaths(const QStringList &paths, const Progress &progress)
{
    ScanReport report;
    QVector<QPair<QString, QString>> files; // (file, the path it was found under)
    for (const QString &path : paths) {
        if (!QFileInfo::exists(path)) {
            report.findings.append({QStringLiteral("TS003"), findScanRule(QStringLiteral("TS003"))->severity,
                                    path, QString(), ScannerText::tr("no such file or folder"), path});
            continue;
        }
        for (const QString &file : scanTargets({path}))
            files.append({file, path});
    }
    for (const auto &[file, path] : std::as_const(files)) {
        if (progress.isCanceled())
            break;
        progress.set(report.files, files.size());
        report.findings += scanFile(file, scanShownName(file, path));
        ++report.files;
    }
    progress.set(report.files, files.size());
    return report;
}

bool scanReaches(const QVector<ScanFinding> &findings, ScanSeverity threshold)
{
    return std::any_of(findings.begin(), findings.end(),
                       [threshold](const ScanFinding &finding) { return finding.severity >= threshold; });
}

QJsonObject scanJson(const QVector<ScanFinding> &findings, int files)
{
    QJsonArray list;
    for (const ScanFinding &finding : findings)
        list.append(QJsonObject{{QStringLiteral("rule_id"), finding.ruleId},
                                {QStringLiteral("severity"), scanSeverityName(finding.severity)},
                                {QStringLiteral("file"), finding.file},
                                {QStringLiteral("place"), finding.place},
                                {QStringLiteral("message"), finding.message}});
    QJsonArray rules;
    for (const ScanRule &rule : scanRules())
        rules.append(QJsonObject{{QStringLiteral("id"), rule.id},
                                 {QStringLiteral("severity"), scanSeverityName(rule.severity)},
                                 {QStringLiteral("name"), rule.name},
                                 {QStringLiteral("description"), rule.description}});
    return QJsonObject{{QStringLiteral("files"), files},
                       {QStringLiteral("findings"), list},
                       {QStringLiteral("rules"), rules}};
}

QJsonObject scanSarif(const QVector<ScanFinding> &findings, const QString &toolVersion)
{
    QJsonArray rules;
    for (const ScanRule &rule : scanRules())
        rules.append(QJsonObject{
            {QStringLiteral("id"), rule.id},
            {QStringLiteral("name"), rule.name},
            {QStringLiteral("shortDescription"), QJsonObject{{QStringLiteral("text"), rule.description}}},
            {QStringLiteral("defaultConfiguration"),
             QJsonObject{{QStringLiteral("level"), scanSeverityName(rule.severity)}}}});
    QJsonArray results;
    for (const ScanFinding &finding : findings) {
        // Stable between runs: what was found and where, nothing of the run itself.
        const QByteArray key =
            (finding.ruleId + u'\n' + finding.file + u'\n' + finding.place + u'\n' + finding.message)
                .toUtf8();
        const QString fingerprint =
            QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(32));
        QJsonObject location{
            {QStringLiteral("physicalLocation"),
             QJsonObject{{QStringLiteral("artifactLocation"),
                          QJsonObject{{QStringLiteral("uri"), QString::fromUtf8(QUrl::toPercentEncoding(
                                                                  finding.file, QByteArrayLiteral("/")))},
                                      {QStringLiteral("uriBaseId"), QStringLiteral("%SRCROOT%")}}}}}};
        if (!finding.place.isEmpty())
            location.insert(QStringLiteral("logicalLocations"),
                            QJsonArray{QJsonObject{{QStringLiteral("fullyQualifiedName"), finding.place}}});
        results.append(
            QJsonObject{{QStringLiteral("ruleId"), finding.ruleId},
                        {QStringLiteral("level"), scanSeverityName(finding.severity)},
                        {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), finding.message}}},
                        {QStringLiteral("locations"), QJsonArray{location}},
                        {QStringLiteral("partialFingerprints"),
                         QJsonObject{{QStringLiteral("torchscopeFinding/v1"), fingerprint}}}});
    }
    const QJsonObject driver{{QStringLiteral("name"), QStringLiteral("torchscope")},
                             {QStringLiteral("version"), toolVersion},
                             {QStringLiteral("rules"), rules}};
    return QJsonObject{
        {QStringLiteral("$schema"), QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json")},
        {QStringLiteral("version"), QStringLiteral("2.1.0")},
        {QStringLiteral("runs"),
         QJsonArray{QJsonObject{{QStringLiteral("tool"), QJsonObject{{QStringLiteral("driver"), driver}}},
                                {QStringLiteral("results"), results}}}}};
}

} // namespace torchscope
