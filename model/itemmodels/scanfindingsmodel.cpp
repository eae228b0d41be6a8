#include "itemmodels/scanfindingsmodel.h"

#include <QBrush>
#include <QColor>

#include <algorithm>

namespace torchscope {

ScanFindingsModel::ScanFindingsModel(QObject *parent) : QAbstractTableModel(parent) {}

void ScanFindingsModel::setFindings(QVector<ScanFinding> findings)
{
    beginResetModel();
    m_findings = std::move(findings);
    // The worst first, then in the order found.
    std::stable_sort(m_findings.begin(), m_findings.end(),
                     [](const ScanFinding &a, const ScanFinding &b) { return a.severity > b.severity; });
    endResetModel();
}

const ScanFinding *ScanFindingsModel::finding(int row) const
{
    return row >= 0 && row < m_findings.size() ? &m_findings[row] : nullptr;
}

QString ScanFindingsModel::summary() const
{
    if (m_findings.isEmpty())
        return tr("No findings: nothing here would run code on torch.load, and every container is sound.");
    int counts[3] = {0, 0, 0};
    for (const ScanFinding &finding : m_findings)
        ++counts[int(finding.severity)];
    return tr("%n error(s)", nullptr, counts[int(ScanSeverity::Error)]) + QStringLiteral(", ") +
           tr("%n warning(s)", nullptr, counts[int(ScanSeverity::Warning)]) + QStringLiteral(", ") +
           tr("%n note(s)", nullptr, counts[int(ScanSeverity::Note)]);
}

int ScanFindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int ScanFindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScanFindingsModel::data(const QModelIndex &index, int role) const
{
    const ScanFinding *f = finding(index.row());
    if (!f)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case SeverityColumn:
            switch (f->severity) {
            case ScanSeverity::Error:
                return tr("Error");
            case ScanSeverity::Warning:
                return tr("Warning");
            case ScanSeverity::Note:
                return tr("Note");
            }
            return QVariant();
        case RuleColumn:
            return f->ruleId;
        case FileColumn:
            return f->file;
        case PlaceColumn:
            return f->place;
        case MessageColumn:
            return f->message;
        default:
            return QVariant();
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == MessageColumn || index.column() == PlaceColumn)
            return f->message;
        if (const ScanRule *rule = findScanRule(f->ruleId))
            return QStringLiteral("%1 %2: %3").arg(rule->id, rule->name, rule->description);
    }
    if (role == Qt::ForegroundRole && index.column() == SeverityColumn) {
        if (f->severity == ScanSeverity::Error)
            return QBrush(QColor(180, 20, 20));
        if (f->severity == ScanSeverity::Warning)
            return QBrush(QColor(150, 90, 0));
    }
    return QVariant();
}

QVariant ScanFindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case RuleColumn:
        return tr("Rule");
    case FileColumn:
        return tr("File");
    case PlaceColumn:
        return tr("Place");
    case MessageColumn:
        return tr("Finding");
    default:
        return QVariant();
    }
}

} // namespace torchscope
