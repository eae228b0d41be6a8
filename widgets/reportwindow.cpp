#include "reportwindow.h"

#include "document/checkpointdocument.h"
#include "filedialog.h"
#include "inspect/spectrum.h"
#include "itemmodels/healthreportmodel.h"
#include "jobs/job.h"
#include "jobstatusstrip.h"
#include "windowsize.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

namespace torchscope {

namespace {

struct ReportResult
{
    QVector<TensorHealth> report;
    QVector<int> indices;
};

// Spectra of the report's matrices, by row.
using SpectrumResults = std::vector<std::pair<int, Spectrum>>;

} // namespace

ReportWindow::ReportWindow(CheckpointDocument *document, QWidget *parent)
    : QWidget(parent, Qt::Window), m_document(document), m_model(new HealthReportModel(this)),
      m_proxy(new HealthReportFilter(this))
{
    setObjectName(QStringLiteral("reportWindow"));
    // Esc closes it, as it closes a dialog.
    connect(new QShortcut(QKeySequence(Qt::Key_Escape), this), &QShortcut::activated, this, &QWidget::close);
    setWindowTitle(
        tr("Model Report — %1").arg(document ? QFileInfo(document->filePath()).fileName() : QString()));
    m_proxy->setSourceModel(m_model);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("reportTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_view->horizontalHeader()->setResizeContentsPrecision(500);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("reportFilter"));
    m_filter->setPlaceholderText(tr("Filter by name"));
    m_filter->setClearButtonEnabled(true);
    m_onlyFlagged = new QCheckBox(tr("Only flagged"), this);
    m_onlyFlagged->setObjectName(QStringLiteral("onlyFlagged"));
    m_spectra = new QPushButton(tr("Compute Spectra"), this);
    m_spectra->setObjectName(QStringLiteral("computeSpectra"));
    m_spectra->setToolTip(
        tr("Singular values of every weight matrix: stable rank, effective rank and alpha"));
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("exportReport"));
    m_recompute = new QPushButton(tr("Compute"), this);
    m_recompute->setObjectName(QStringLiteral("computeReport"));
    m_recompute->hide();
    m_status = new JobStatusStrip(this);
    m_status->label()->setObjectName(QStringLiteral("reportSummary"));

    auto *tools = new QHBoxLayout;
    tools->addWidget(m_filter, 1);
    tools->addWidget(m_onlyFlagged);
    tools->addWidget(m_spectra);
    tools->addWidget(m_export);
    m_status->addWidget(m_recompute);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(tools);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    resizeWithinScreen(this, QSize(1100, 600));

    connect(m_filter, &QLineEdit::textChanged, this, &ReportWindow::applyFilter);
    connect(m_onlyFlagged, &QCheckBox::toggled, this, &ReportWindow::applyFilter);
    connect(m_spectra, &QPushButton::clicked, this, &ReportWindow::computeSpectra);
    connect(m_recompute, &QPushButton::clicked, this, &ReportWindow::computeReport);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path =
            FileDialog::getSaveFileName(this, tr("Export the report"), QStringLiteral("report.csv"),
                                        tr("Comma-separated values (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    Q_EMIT tensorActivated(current.data(HealthReportModel::TensorIndexRole).toInt());
            });
    m_spectra->setEnabled(false);
    m_export->setEnabled(false);
    computeReport();
}

ReportWindow::~ReportWindow()
{
    if (m_running)
        m_running->cancel();
}

void ReportWindow::computeReport()
{
    if (!m_document || m_running)
        return;
    std::vector<TensorInfo> tensors = m_document->tensors();
    m_recompute->hide();
    auto *job = ResultJob<ReportResult>::start(
        this, [tensors = std::move(tensors)](const Progress &progress, ReportResult *result, QString *) {
            std::vector<const TensorInfo *> pointers;
            pointers.reserve(tensors.size());
            for (const TensorInfo &tensor : tensors)
                pointers.push_back(&tensor);
            result->report = HealthReport::compute(pointers, progress);
            for (int i = 0; i < int(tensors.size()); ++i)
                result->indices.append(i);
            return !progress.isCanceled();
        });
    startJob(job, tr("Reading every tensor…"));
    connect(job, &Job::finished, this, [this, job] {
        finishJob();
        if (!job->succeeded()) {
            m_status->setMessage(tr("Canceled: no report."));
            m_recompute->show();
            return;
        }
        m_model->setReport(std::move(job->result().report), std::move(job->result().indices));
        // Numbers sized to their contents (sampled); the name gets the room that is left, up to
        // what the longest name needs.
        m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        m_view->resizeColumnsToContents();
        m_view->horizontalHeader()->setStretchLastSection(true);
        const int em = fontMetrics().horizontalAdvance(QLatin1Char('m'));
        m_view->setColumnWidth(
            HealthReportModel::NameColumn,
            std::clamp(m_view->columnWidth(HealthReportModel::NameColumn), em * 12, em * 40));
        m_spectra->setEnabled(true);
        m_export->setEnabled(true);
        updateSummary();
        Q_EMIT reportReady();
    });
}

void ReportWindow::computeSpectra()
{
    if (!m_document || m_running || m_model->rowCount() == 0)
        return;
    std::vector<std::pair<int, TensorInfo>> matrices;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const TensorInfo &tensor = m_document->tensor(m_model->tensorIndex(row));
        if (!m_model->hasSpectrum(row) && Spectrum::applies(tensor) &&
            m_model->report().at(row).stats.nanCount == 0 && m_model->report().at(row).stats.infCount == 0)
            matrices.emplace_back(row, tensor);
    }
    auto *job = ResultJob<SpectrumResults>::start(
        this,
        [matrices = std::move(matrices)](const Progress &progress, SpectrumResults *results, QString *) {
            // Progress by elements: the work grows with each matrix's size.
            qint64 total = 0, done = 0;
            for (const auto &m : matrices)
                total += m.second.numel();
            for (const auto &[row, tensor] : matrices) {
                if (progress.isCanceled())
                    return false;
                Spectrum spectrum;
                QString error;
                Progress part;
                part.canceled = progress.canceled;
                if (Spectrum::compute(tensor, &spectrum, part, &error))
                    results->emplace_back(row, std::move(spectrum));
                done += tensor.numel();
                progress.set(done, total);
            }
            return true;
        });
    startJob(job, tr("Computing spectra…"));
    connect(job, &Job::finished, this, [this, job] {
        finishJob();
        // What finished before a cancel is kept.
        for (const auto &[row, spectrum] : job->result())
            m_model->setSpectrum(row, spectrum);
        updateSummary();
        if (job->succeeded())
            Q_EMIT spectraReady();
    });
}

void ReportWindow::exportCsv(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(HealthReport::toCsv(m_model->report())) < 0 ||
        !file.commit()) {
        m_status->setMessage(tr("Could not write %1: %2").arg(path, file.errorString()));
        return;
    }
    m_status->setMessage(tr("Wrote %1.").arg(QFileInfo(path).fileName()));
}

void ReportWindow::startJob(Job *job, const QString &what)
{
    m_running = job;
    m_spectra->setEnabled(false);
    m_status->track(job, what, QString()); // the job's end says how it ended
}

void ReportWindow::finishJob()
{
    m_running.clear();
    m_spectra->setEnabled(m_model->rowCount() > 0);
}

void ReportWindow::updateSummary()
{
    m_status->setMessage(
        tr("%n tensors, %1 flagged", nullptr, m_model->rowCount()).arg(m_model->flaggedCount()));
}

QString ReportWindow::summaryText() const
{
    return m_status->message();
}

QSortFilterProxyModel *ReportWindow::proxy() const
{
    return m_proxy;
}

void ReportWindow::applyFilter()
{
    m_proxy->setFilter(m_filter->text(), m_onlyFlagged->isChecked());
}

} // namespace torchscope
