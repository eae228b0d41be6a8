#pragma once

#include "scan/scanner.h"

#include <QAbstractTableModel>
#include <QVector>

namespace torchscope {

// The scanner's findings as a table: severity, rule, file (when several files were scanned), the place
// inside the file and the one line. Tooltips give the rule's name and sentence.
class ScanFindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, RuleColumn, FileColumn, PlaceColumn, MessageColumn, ColumnCount };

    explicit ScanFindingsModel(QObject *parent = nullptr);

    void setFindings(QVector<ScanFinding> findings);
    const QVector<ScanFinding> &findings() const { return m_findings; }
    const ScanFinding *finding(int row) const;
    // "2 errors, 1 warning, 3 notes" (or that nothing was found).
    QString summary() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<ScanFinding> m_findings;
};

} // namespace torchscope
