#pragma once

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace torchscope {

class HealthReportFilter;
class JobStatusStrip;

class CheckpointDocument;
class HealthReportModel;
class Job;

// View > Model Report: the health of every tensor of the open model in one sortable table, computed
// in the background with progress and cancel, kept while the document is open. Flags point at
// trouble; the spectra of the weight matrices add columns on request. Activating a row selects the
// tensor in the main window.
class ReportWindow : public QWidget
{
    Q_OBJECT
public:
    explicit ReportWindow(CheckpointDocument *document, QWidget *parent = nullptr);
    ~ReportWindow() override;

    void computeReport();
    void computeSpectra();
    bool isComputing() const { return m_running != nullptr; }
    void exportCsv(const QString &path);

    HealthReportModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const;
    QTableView *view() const { return m_view; }
    QString summaryText() const;

Q_SIGNALS:
    void tensorActivated(int tensorIndex);
    void reportReady();
    void spectraReady();

private:
    void startJob(Job *job, const QString &what);
    void finishJob();
    void updateSummary();
    void applyFilter();

    QPointer<CheckpointDocument> m_document;
    HealthReportModel *m_model;
    HealthReportFilter *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QCheckBox *m_onlyFlagged;
    QPushButton *m_spectra;
    QPushButton *m_export;
    QPushButton *m_recompute;
    JobStatusStrip *m_status;
    QPointer<Job> m_running;
};

} // namespace torchscope
