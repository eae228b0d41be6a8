#include "itemmodels/healthreportmodel.h"

#include "inspect/spectrum.h"
#include "itemmodels/displayformat.h"

#include <QColor>

#include <utility>

namespace torchscope {

HealthReportModel::HealthReportModel(QObject *parent) : QAbstractTableModel(parent) {}

void HealthReportModel::setReport(QVector<TensorHealth> report, QVector<int> tensorIndices)
{
    beginResetModel();
    m_report = std::move(report);
    m_tensorIndices = std::move(tensorIndices);
    m_spectra = QVector<SpectrumSummary>(m_report.size());
    endResetModel();
}

void HealthReportModel::clear()
{
    setReport({}, {});
}

int HealthReportModel::flaggedCount() const
{
    return int(std::count_if(m_report.begin(), m_report.end(),
                             [](const TensorHealth &entry) { return entry.hasTrouble(); }));
}

void HealthReportModel::setSpectrum(int row, const Spectrum &spectrum)
{
    if (row < 0 || row >= m_spectra.size())
        return;
    SpectrumSummary &summary = m_spectra[row];
    summary.computed = true;
    summary.stableRank = spectrum.stableRank;
    summary.effectiveRank = spectrum.effectiveRank;
    summary.hasAlpha = spectrum.alpha.valid;
    summary.alpha = spectrum.alpha.alpha;
    Q_EMIT dataChanged(index(row, StableRankColumn), index(row, AlphaColumn));
}

bool HealthReportModel::hasSpectrum(int row) const
{
    return row >= 0 && row < m_spectra.size() && m_spectra[row].computed;
}

int HealthReportModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.size());
}

int HealthReportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

// The number a numeric cell holds, or an invalid QVariant where there is none.
QVariant HealthReportModel::number(int row, int column) const
{
    const TensorHealth &entry = m_report[row];
    const TensorStats &s = entry.stats;
    const bool moments = entry.hasData && s.hasMoments();
    const SpectrumSummary &spectrum = m_spectra[row];
    switch (column) {
    case NumelColumn:
        return entry.numel;
    case MinColumn:
        return moments ? QVariant(s.min) : QVariant();
    case MaxColumn:
        return moments ? QVariant(s.max) : QVariant();
    case MeanColumn:
        return moments ? QVariant(s.mean) : QVariant();
    case StdColumn:
        return moments ? QVariant(s.std) : QVariant();
    case NormColumn:
        return entry.hasData ? QVariant(s.l2Norm) : QVariant();
    case ZeroColumn:
        return entry.hasData ? QVariant(entry.zeroFraction()) : QVariant();
    case NaNColumn:
        return s.nanCount;
    case InfColumn:
        return s.infCount;
    case StableRankColumn:
        return spectrum.computed ? QVariant(spectrum.stableRank) : QVariant();
    case EffectiveRankColumn:
        return spectrum.computed ? QVariant(spectrum.effectiveRank) : QVariant();
    case AlphaColumn:
        return spectrum.computed && spectrum.hasAlpha ? QVariant(spectrum.alpha) : QVariant();
    default:
        return QVariant();
    }
}

QVariant HealthReportModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_report.size())
        return QVariant();
    const TensorHealth &entry = m_report[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return entry.name;
        case DTypeColumn:
            return dtypeName(entry.dtype);
        case NumelColumn:
            return DisplayFormat::count(entry.numel);
        case ZeroColumn: {
            const QVariant v = number(index.row(), column);
            return v.isValid() ? QStringLiteral("%1%").arg(100 * v.toDouble(), 0, 'f', 1) : QString();
        }
        case FlagsColumn:
            return entry.flags.join(QStringLiteral(", "));
        case NaNColumn:
        case InfColumn:
            return QString::number(number(index.row(), column).toLongLong());
        default: {
            const QVariant v = number(index.row(), column);
            return v.isValid() ? QString::number(v.toDouble(), 'g', 5) : QString();
        }
        }
    case SortRole:
        if (column == NameColumn)
            return entry.name;
        if (column == DTypeColumn)
            return dtypeName(entry.dtype);
        if (column == FlagsColumn)
            return entry.flags.join(u' ');
        // Cells without a number sort below every number.
        return number(index.row(), column).isValid() ? number(index.row(), column) : QVariant(-qInf());
    case TensorIndexRole:
        return tensorIndex(index.row());
    case Qt::ToolTipRole:
        if (column == FlagsColumn && !entry.flags.isEmpty()) {
            QStringList lines;
            for (const QString &flag : entry.flags)
                lines << QStringLiteral("%1: %2").arg(flag, HealthReport::describeFlag(flag));
            return lines.join(u'\n');
        }
        if (column != NameColumn && column != DTypeColumn && column != FlagsColumn) {
            const QVariant v = number(index.row(), column);
            return v.isValid() ? QString::number(v.toDouble(), 'g', 17) : QVariant();
        }
        return QVariant();
    case Qt::TextAlignmentRole:
        return column == NameColumn || column == DTypeColumn || column == FlagsColumn
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        return entry.hasTrouble() ? QVariant(QColor(255, 228, 225)) : QVariant();
    default:
        return QVariant();
    }
}

QVariant HealthReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole)
        return columnToolTip(section);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DTypeColumn:
        return tr("Dtype");
    case NumelColumn:
        return tr("Elements");
    case MinColumn:
        return tr("Min");
    case MaxColumn:
        return tr("Max");
    case MeanColumn:
        return tr("Mean");
    case StdColumn:
        return tr("Std");
    case NormColumn:
        return tr("L2 norm");
    case ZeroColumn:
        return tr("Zeros");
    case NaNColumn:
        return tr("NaN");
    case InfColumn:
        return tr("Inf");
    case FlagsColumn:
        return tr("Flags");
    case StableRankColumn:
        return tr("Stable rank");
    case EffectiveRankColumn:
        return tr("Effective rank");
    case AlphaColumn:
        return tr("Alpha");
    default:
        return QVariant();
    }
}

HealthReportFilter::HealthReportFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(HealthReportModel::SortRole);
}

void HealthReportFilter::setFilter(const QString &text, bool onlyFlagged)
{
    m_text = text;
    m_onlyFlagged = onlyFlagged;
    invalidateFilter();
}

bool HealthReportFilter::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    const auto *report = qobject_cast<const HealthReportModel *>(sourceModel());
    if (!report || parent.isValid() || row >= report->report().size())
        return false;
    const TensorHealth &entry = report->report().at(row);
    return (!m_onlyFlagged || entry.hasTrouble()) &&
           (m_text.isEmpty() || entry.name.contains(m_text, Qt::CaseInsensitive));
}

QString HealthReportModel::columnToolTip(int column)
{
    switch (column) {
    case NumelColumn:
        return tr("Number of elements");
    case MinColumn:
    case MaxColumn:
    case MeanColumn:
    case StdColumn:
        return tr("Over the finite values; NaN and Inf are counted apart");
    case NormColumn:
        return tr("The L2 (Frobenius) norm: the square root of the sum of squares. Blocks of one model have "
                  "norms of one size; a norm far from its siblings' is flagged norm_outlier");
    case ZeroColumn:
        return tr("The share of values that are exactly zero: high in pruned weights, 100% in a bias "
                  "still at its initial value");
    case NaNColumn:
    case InfColumn:
        return tr("Values that are NaN or infinite: any at all make a forward pass give NaN, usually "
                  "the trace of a diverged training step or an overflow in float16");
    case FlagsColumn: {
        QStringList lines{tr("What the numbers point at (hover a cell for its own):")};
        for (const QString &flag : HealthReport::flagNames())
            lines << QStringLiteral("%1: %2").arg(flag, HealthReport::describeFlag(flag));
        return lines.join(u'\n');
    }
    case StableRankColumn:
        return tr("Stable rank, ||W||_F² / ||W||_2²: how many directions carry the weight's "
                  "energy (1: one direction dominates; at most the smaller dimension)");
    case EffectiveRankColumn:
        return tr("Effective rank, exp of the entropy of the normalised singular values (Roy and Vetterli): "
                  "how many singular values matter, counting their spread");
    case AlphaColumn:
        return tr("Alpha: the exponent of a power law fitted to the tail of the eigenvalues of WᵀW "
                  "(as WeightWatcher fits it). WeightWatcher reads 2 to 6 as usual for trained layers: "
                  "below 2 over-fitted or over-trained, above 6 barely trained; random weights show no "
                  "power-law tail at all. A reading, not a test: small layers give loose fits");
    default:
        return QString();
    }
}

} // namespace torchscope
