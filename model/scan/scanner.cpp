#include "scan/scanner.h"

#include "formats/checkpointreader.h"
#include "jobs/progress.h"
#include "tensor/checkpointcontent.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>
#include <QUrl>

#include <algorithm>

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
         ScannerText::tr(
             "A pickle in the file would call a function on torch.load (refused here: nothing ran).")},
        {QStringLiteral("TS002"), ScanSeverity::Note, QStringLiteral("needs-weights-only-false"),
         ScannerText::tr("The file imports classes outside torch.load's weights_only allowlist (a pickled "
                         "model's own classes): it loads only with weights_only=False.")},
        {QStringLiteral("TS003"), ScanSeverity::Warning, QStringLiteral("unreadable"),
         ScannerText::tr("The file cannot be read as any format Torchscope knows, or is damaged.")},
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
    // A config, a README or a tokenizer beside the weights: no checkpoint format starts as text with
    // no control bytes in its first 4 KiB (pickles of protocol 0 do, but end in '.' after opcodes that
    // a text file would not hold: they are read, not skipped, when they parse).
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(4096);
    if (head.isEmpty())
        return false;
    const bool control = std::any_of(head.begin(), head.end(), [](char c) {
        const auto u = uchar(c);
        return u < 0x20 && c != '\n' && c != '\r' && c != '\t';
    });
    return !control && (head.startsWith('{') || head.startsWith('[') || head.startsWith('#'));
}
} // namespace

QVector<ScanFinding> scanFile(const QString &path, const QString &shownName)
{
    QVector<ScanFinding> findings;
    CheckpointContent content;
    QString error;
    const bool read = readCheckpoint(path, Progress(), &content, &error);
    const auto rule = [](const QString &id) { return findScanRule(id)->severity; };
    for (const RefusedCallSite &call : std::as_const(content.refusedCalls)) {
        const QString place = call.place.isEmpty()
                                  ? ScannerText::tr("byte %1").arg(call.offset)
                                  : ScannerText::tr("%1, byte %2").arg(call.place).arg(call.offset);
        findings.append({QStringLiteral("TS001"), rule(QStringLiteral("TS001")), shownName, place,
                         ScannerText::tr("torch.load would call %1(%2)").arg(call.callable, call.arguments)});
    }
    QSet<QString> called;
    for (const RefusedCallSite &call : std::as_const(content.refusedCalls))
        called.insert(call.callable);
    for (const WeightsOnlyBlocker &blocker : std::as_const(content.weightsOnlyBlockers)) {
        // A global that is called is already an error; the note is for what is only imported.
        if (called.contains(blocker.global))
            continue;
        findings.append(
            {QStringLiteral("TS002"), rule(QStringLiteral("TS002")), shownName, blocker.paths.value(0),
             ScannerText::tr("imports %1, outside weights_only's allowlist").arg(blocker.global)});
    }
    // A refusal-only file is "unreadable" only because of the call, which is already said; a JSON or
    // text file beside the weights is no model file at all.
    if (!read && content.refusedCalls.isEmpty() && !looksLikeText(path))
        findings.append(
            {QStringLiteral("TS003"), rule(QStringLiteral("TS003")), shownName, QString(), error});
    return findings;
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
        QJsonObject location{{QStringLiteral("physicalLocation"),
                              QJsonObject{{QStringLiteral("artifactLocation"),
                                           QJsonObject{{QStringLiteral("uri"),
                                                        QString::fromUtf8(QUrl::toPercentEncoding(
                                                            finding.file, QByteArrayLiteral("/")))}}}}}};
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
