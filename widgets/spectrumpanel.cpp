#include "spectrumpanel.h"

#include "document/checkpointdocument.h"
#include "itemmodels/displayformat.h"
#include "itemmodels/healthreportmodel.h"
#include "jobs/job.h"
#include "jobstatusstrip.h"
#include "plot/qcustomplotinclude.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace torchscope {

SpectrumPanel::SpectrumPanel(QWidget *parent) : QWidget(parent)
{
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("spectrumPlot"));
    m_plot->addGraph();
    m_plot->graph(0)->setLineStyle(QCPGraph::lsLine);
    m_plot->graph(0)->setPen(QPen(QColor(31, 119, 180), 1.5));
    m_plot->addGraph(); // the fitted tail, from xmin
    m_plot->graph(1)->setLineStyle(QCPGraph::lsNone);
    m_plot->graph(1)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QColor(214, 39, 40), 4));
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    }
    m_plot->xAxis->setLabel(tr("rank i"));
    m_plot->yAxis->setLabel(tr("singular value σᵢ"));
    m_status = new JobStatusStrip(this);
    m_status->label()->setObjectName(QStringLiteral("spectrumSummary"));
    m_status->label()->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_compute = new QPushButton(tr("Compute Spectrum"), this);
    m_compute->setObjectName(QStringLiteral("computeSpectrum"));
    m_status->addWidget(m_compute);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_plot, 1);
    layout->addStretch();
    connect(m_compute, &QPushButton::clicked, this, &SpectrumPanel::compute);
    display();
}

SpectrumPanel::~SpectrumPanel()
{
    if (m_running)
        m_running->cancel();
}

void SpectrumPanel::setDocument(CheckpointDocument *document)
{
    if (m_running)
        m_running->cancel();
    m_document = document;
    m_spectra.clear();
    showTensor(-1);
}

void SpectrumPanel::showTensor(int tensorIndex)
{
    if (m_running && tensorIndex != m_tensorIndex)
        m_running->cancel();
    m_tensorIndex =
        m_document && tensorIndex >= 0 && tensorIndex < m_document->tensorCount() ? tensorIndex : -1;
    display();
    if (isVisible() && m_tensorIndex >= 0 && !m_spectra.contains(m_tensorIndex) &&
        Spectrum::applies(m_document->tensor(m_tensorIndex)) &&
        m_document->tensor(m_tensorIndex).numel() <= kAutomaticElements)
        compute();
}

void SpectrumPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    showTensor(m_tensorIndex);
}

const Spectrum *SpectrumPanel::spectrum(int tensorIndex) const
{
    const auto it = m_spectra.constFind(tensorIndex);
    return it == m_spectra.constEnd() ? nullptr : &*it;
}

QString SpectrumPanel::summaryText() const
{
    return m_status->message();
}

void SpectrumPanel::compute()
{
    if (!m_document || m_tensorIndex < 0 || m_running || m_spectra.contains(m_tensorIndex))
        return;
    const TensorInfo tensor = m_document->tensor(m_tensorIndex);
    const int index = m_tensorIndex;
    auto *job = ResultJob<Spectrum>::start(
        this, [tensor](const Progress &progress, Spectrum *spectrum, QString *error) {
            return Spectrum::compute(tensor, spectrum, progress, error);
        });
    m_running = job;
    m_compute->hide();
    m_status->track(job, tr("Computing the singular values of %1…").arg(tensor.name), QString());
    connect(job, &Job::finished, this, [this, job, index] {
        m_running.clear();
        if (job->succeeded()) {
            m_spectra.insert(index, job->result());
            Q_EMIT spectrumReady(index);
        }
        display();
        if (!job->succeeded() && index == m_tensorIndex)
            m_status->setMessage(job->wasCanceled() ? tr("Canceled.") : job->error());
    });
}

void SpectrumPanel::display()
{
    m_plot->graph(0)->data()->clear();
    m_plot->graph(1)->data()->clear();
    m_plot->hide(); // shown with a spectrum only
    QString reason;
    const bool applies =
        m_document && m_tensorIndex >= 0 && Spectrum::applies(m_document->tensor(m_tensorIndex), &reason);
    m_compute->setVisible(applies && !m_running && !m_spectra.contains(m_tensorIndex));
    if (m_tensorIndex < 0) {
        m_status->setMessage(tr("Select a weight matrix to see its singular values."));
    } else if (!applies) {
        m_status->setMessage(reason);
    } else if (const Spectrum *s = spectrum(m_tensorIndex)) {
        QVector<double> ranks, values, tailRanks, tailValues;
        for (int i = 0; i < s->singularValues.size(); ++i) {
            const double v = s->singularValues[i];
            if (v <= 0)
                continue; // nothing to place on a logarithmic axis
            ranks.append(i + 1);
            values.append(v);
            if (s->alpha.valid && v * v >= s->alpha.xmin) {
                tailRanks.append(i + 1);
                tailValues.append(v);
            }
        }
        m_plot->show();
        m_plot->graph(0)->setData(ranks, values, true);
        m_plot->graph(1)->setData(tailRanks, tailValues, true);
        m_plot->rescaleAxes();
        QString text = tr("%1 × %2 matrix · stable rank %3 · effective rank %4")
                           .arg(s->rows)
                           .arg(s->columns)
                           .arg(s->stableRank, 0, 'g', 4)
                           .arg(s->effectiveRank, 0, 'g', 4);
        if (s->alpha.valid) {
            text += tr(" · alpha %1 (power-law tail of the %2 largest eigenvalues, KS distance %3)")
                        .arg(s->alpha.alpha, 0, 'f', 2)
                        .arg(s->alpha.tailSize)
                        .arg(s->alpha.ksDistance, 0, 'f', 3);
            // WeightWatcher's reading of alpha, in words beside the number.
            text += s->alpha.alpha < 2   ? tr(": below 2, over-fitted by WeightWatcher's reading")
                    : s->alpha.alpha > 6 ? tr(": above 6, barely trained by WeightWatcher's reading")
                                         : tr(": within 2 to 6, usual for trained layers");
        }
        m_status->setMessage(text);
        m_status->label()->setToolTip(
            QStringList{HealthReportModel::columnToolTip(HealthReportModel::StableRankColumn),
                        HealthReportModel::columnToolTip(HealthReportModel::EffectiveRankColumn),
                        HealthReportModel::columnToolTip(HealthReportModel::AlphaColumn)}
                .join(QStringLiteral("\n\n")));
    } else if (!m_running) {
        const TensorInfo &tensor = m_document->tensor(m_tensorIndex);
        m_status->setMessage(tr("%1: %2 elements; the spectrum is computed on request.", nullptr,
                                DisplayFormat::pluralCount(tensor.numel()))
                                 .arg(tensor.name, DisplayFormat::count(tensor.numel())));
    }
    m_plot->replot();
}

} // namespace torchscope
