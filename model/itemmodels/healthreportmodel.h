#pragma once

#include "inspect/healthreport.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QVector>

namespace torchscope {

struct Spectrum;

// The health report as a sortable table: one row per tensor, its statistics, its flags, and the
// spectrum's numbers for the matrices whose spectrum has been computed. SortRole gives numbers
// for numeric columns (views sort with a QSortFilterProxyModel on that role).
class HealthReportModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        DTypeColumn,
        NumelColumn,
        MinColumn,
        MaxColumn,
        MeanColumn,
        StdColumn,
        NormColumn,
        ZeroColumn,
        NaNColumn,
        InfColumn,
        FlagsColumn,
        StableRankColumn,
        EffectiveRankColumn,
        AlphaColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, TensorIndexRole };

    explicit HealthReportModel(QObject *parent = nullptr);

    // `tensorIndices[i]` is the document's index of report[i].
    void setReport(QVector<TensorHealth> report, QVector<int> tensorIndices);
    void clear();
    const QVector<TensorHealth> &report() const { return m_report; }
    int tensorIndex(int row) const { return m_tensorIndices.value(row, -1); }
    int rowOfTensor(int tensorIndex) const { return m_tensorIndices.indexOf(tensorIndex); }
    int flaggedCount() const;
    void setSpectrum(int row, const Spectrum &spectrum);
    bool hasSpectrum(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // What a column measures and when it matters, for its header's tooltip.
    static QString columnToolTip(int column);

private:
    struct SpectrumSummary
    {
        bool computed = false;
        double stableRank = 0, effectiveRank = 0, alpha = 0;
        bool hasAlpha = false;
    };
    QVariant number(int row, int column) const;

    QVector<TensorHealth> m_report;
    QVector<int> m_tensorIndices;
    QVector<SpectrumSummary> m_spectra;
};

// The report's rows that pass a name filter (any case) and, when asked, only the flagged ones; sorts on
// HealthReportModel::SortRole.
class HealthReportFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit HealthReportFilter(QObject *parent = nullptr);
    void setFilter(const QString &text, bool onlyFlagged);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    QString m_text;
    bool m_onlyFlagged = false;
};

} // namespace torchscope
