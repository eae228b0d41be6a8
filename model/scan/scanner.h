#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>

#include "jobs/progress.h"

namespace torchscope {

// What a finding asks of a person: an error is a call the file would make on torch.load; a warning a
// file that cannot be read or whose container is odd; a note something that needs weights_only=False.
enum class ScanSeverity { Note, Warning, Error };
QString scanSeverityName(ScanSeverity severity); // "note", "warning", "error" (SARIF's levels)

// One rule of the scanner: its id (SARIF's ruleId), its severity, a short name and one sentence.
struct ScanRule
{
    QString id;
    ScanSeverity severity;
    QString name;
    QString description;
};
// Every rule, in id order; the README and SARIF's tool.driver.rules list them from here.
const QVector<ScanRule> &scanRules();
const ScanRule *findScanRule(const QString &id);

struct ScanFinding
{
    QString ruleId;
    ScanSeverity severity = ScanSeverity::Note;
    QString file;  // as given, or relative to the folder scanned
    QString place; // inside the file: a zip entry, "byte N" of a pickle, a header field
    QString message;
    QString path; // the file on disk, to open it (not in the JSON or SARIF)
};

// The files to scan under `paths`: files as given, folders walked (symlinks not followed out of the
// folder), in a stable order.
QStringList scanTargets(const QStringList &paths);
// Scans one file, judged by its content; `shownName` is what findings call it.
QVector<ScanFinding> scanFile(const QString &path, const QString &shownName);
// What findings call a file found under `scannedPath`: relative to the working directory when inside it
// (so SARIF's URIs resolve against a checkout), else relative to the folder scanned, else as given.
QString scanShownName(const QString &file, const QString &scannedPath);

struct ScanReport
{
    QVector<ScanFinding> findings;
    int files = 0;
};
// Scans every file under `paths` (a path that does not exist is a finding), reporting progress per
// file; on cancel, what was scanned so far.
ScanReport scanPaths(const QStringList &paths, const Progress &progress);
// 1 when anything reaches `threshold`: error > warning > note.
bool scanReaches(const QVector<ScanFinding> &findings, ScanSeverity threshold);

// The findings for scripts: {"files": N, "findings": [{"rule_id", "severity", "file", "place", "message"}],
// "rules": [{"id", "severity", "name", "description"}]}.
QJsonObject scanJson(const QVector<ScanFinding> &findings, int files);
// The findings as SARIF 2.1.0 (one run; the rules in tool.driver.rules; each result's file a relative
// URI; partialFingerprints stable between runs).
QJsonObject scanSarif(const QVector<ScanFinding> &findings, const QString &toolVersion);

} // namespace torchscope
