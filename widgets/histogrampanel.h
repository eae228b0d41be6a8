#pragma once

#include "jobs/job.h"
#include "stats/histogramkernel.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <utility>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStringListModel;
class QToolButton;

namespace torchscope {

class JobStatusStrip;

class CheckpointDocument;
class HistogramPlot;
class Job;

// Histogram and statistics of the selected tensor, or of a module's parameters pooled, computed off
// the UI thread. A new selection cancels the running job; results are cached per tensor and settings.
// A selection of more than kLongReadValues values waits for the user to ask: opening a 7-billion-
// parameter model must not read 13 GB because the root is selected.
class HistogramPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistogramPanel(QWidget *parent = nullptr);
    ~HistogramPanel() override;

    void setDocument(CheckpointDocument *document);
    // `pooled`: a module's tensors, pooled; the panel then offers the choice of what the pool holds.
    void showTensors(const QVector<int> &indices, const QString &title, bool pooled = false);
    // The user's choice for pooled modules: every parameter, rather than the weight matrices only.
    bool poolsEveryParameter() const;

    static constexpr qint64 kLongReadValues = qint64(256) << 20;

    bool isComputing() const { return m_running != nullptr; }
    int cachedResults() const { return int(m_cache.size()); }
    void exportTo(const QString &path);

Q_SIGNALS:
    void histogramShown();
    // The pool's choice changed: the module is to be pooled again.
    void poolChanged();

private:
    void recompute();
    void showResult(const HistogramResult &main, const HistogramResult &overlay, bool hasOverlay);
    void cancelRunning();
    void updateOverlayChoices();
    void exportClicked();
    void showToolTip(QMouseEvent *event);
    QString selectionKey() const;
    QString cacheKey() const;
    int overlayTensor() const;

    QPointer<CheckpointDocument> m_document;
    QVector<int> m_indices;
    QString m_title;
    HistogramPlot *m_plot;
    QSpinBox *m_bins;
    QCheckBox *m_fixedRange;
    QDoubleSpinBox *m_low;
    QDoubleSpinBox *m_high;
    QCheckBox *m_logCounts;
    QCheckBox *m_everyParameter;
    QComboBox *m_overlay;
    QStringListModel *m_overlayModel;
    QVector<int> m_overlayTensors; // tensor index of each overlay choice; -1 for none
    QToolButton *m_export;
    QLabel *m_statistics;
    JobStatusStrip *m_status;
    QPushButton *m_compute;
    QPointer<Job> m_running;
    QHash<QString, std::pair<HistogramResult, HistogramResult>> m_cache;
    // Statistics of each selection computed so far: a new bin count or range needs one pass, not two.
    QHash<QString, TensorStats> m_knownStatistics;
    // Selections too large to read unasked that the user chose to compute.
    QSet<QString> m_approved;
};

} // namespace torchscope
