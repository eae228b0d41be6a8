#include "histogrampanel.h"

#include "document/checkpointdocument.h"
#include "filedialog.h"
#include "itemmodels/displayformat.h"
#include "jobs/job.h"
#include "jobstatusstrip.h"
#include "messagebox.h"
#include "plot/histogramplot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStringListModel>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <limits>
#include <utility>
#include <vector>

namespace torchscope {

namespace {
struct PanelHistograms
{
    HistogramResult main;
    HistogramResult overlay;
    bool hasOverlay = false;
};
} // namespace

HistogramPanel::HistogramPanel(QWidget *parent) : QWidget(parent)
{
    m_plot = new HistogramPlot(this);
    m_plot->setObjectName(QStringLiteral("histogramPlot"));
    m_plot->setMinimumHeight(220);
    connect(m_plot, &QCustomPlot::mouseMove, this, &HistogramPanel::showToolTip);

    m_bins = new QSpinBox(this);
    m_bins->setObjectName(QStringLiteral("binsSpin"));
    m_bins->setRange(0, 10000);
    m_bins->setSpecialValueText(tr("auto"));
    m_bins->setToolTip(tr("Number of bars; auto picks one from the number of values"));
    m_fixedRange = new QCheckBox(tr("Range"), this);
    m_fixedRange->setObjectName(QStringLiteral("fixedRangeCheck"));
    m_low = new QDoubleSpinBox(this);
    m_high = new QDoubleSpinBox(this);
    for (QDoubleSpinBox *box : {m_low, m_high}) {
        box->setRange(-1e15, 1e15);
        box->setDecimals(6);
        box->setEnabled(false);
        box->setMaximumWidth(box->fontMetrics().horizontalAdvance(QStringLiteral("-0000.000000")) + 30);
    }
    m_low->setObjectName(QStringLiteral("rangeLow"));
    m_high->setObjectName(QStringLiteral("rangeHigh"));
    m_high->setValue(1);
    m_logCounts = new QCheckBox(tr("Log counts"), this);
    m_logCounts->setObjectName(QStringLiteral("logCountsCheck"));
    m_overlay = new QComboBox(this);
    m_overlay->setObjectName(QStringLiteral("overlayCombo"));
    m_overlay->setToolTip(tr("Draw a second tensor over this one, on the same bins"));
    m_overlay->setMinimumContentsLength(10);
    m_overlay->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_overlayModel = new QStringListModel(this);
    m_overlay->setModel(m_overlayModel);
    m_everyParameter = new QCheckBox(tr("Every parameter"), this);
    m_everyParameter->setObjectName(QStringLiteral("everyParameterCheck"));
    m_everyParameter->setToolTip(
        tr("A module's histogram pools its weight matrices and convolution kernels (dimension ≥ 2): "
           "vectors such as a norm layer's weights of 1 and biases of 0 would stretch the range to "
           "them and squeeze the weights into a spike. Tick to pool every parameter."));
    m_everyParameter->hide();
    m_export = new QToolButton(this);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setText(tr("Export…"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Bins"), this));
    controls->addWidget(m_bins);
    controls->addWidget(m_fixedRange);
    controls->addWidget(m_low);
    controls->addWidget(m_high);
    controls->addWidget(m_logCounts);
    controls->addWidget(new QLabel(tr("Compare with"), this));
    controls->addWidget(m_overlay, 1);

    m_status = new JobStatusStrip(this);
    m_status->label()->setObjectName(QStringLiteral("histogramMessage"));
    m_status->label()->setWordWrap(false);
    m_compute = new QPushButton(tr("Compute"), this);
    m_compute->setObjectName(QStringLiteral("computeButton"));
    m_compute->hide();
    m_status->addWidget(m_compute);
    // On the line below the controls, where the words of any language leave room for them.
    m_status->addWidget(m_everyParameter);
    m_status->addWidget(m_export);

    m_statistics = new QLabel(this);
    m_statistics->setObjectName(QStringLiteral("statisticsLabel"));
    m_statistics->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statistics->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_statistics->setMinimumWidth(190);

    auto *body = new QHBoxLayout;
    body->addWidget(m_plot, 1);
    body->addWidget(m_statistics);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addLayout(body, 1);

    // The bins and the count scale are the user's habit, not the tensor's: kept between sessions.
    {
        const QSettings settings;
        m_bins->setValue(settings.value(QStringLiteral("histogram/bins"), 0).toInt());
        m_logCounts->setChecked(settings.value(QStringLiteral("histogram/logCounts"), false).toBool());
        m_plot->setLogarithmicCounts(m_logCounts->isChecked());
    }
    connect(m_bins, &QSpinBox::valueChanged, this,
            [](int bins) { QSettings().setValue(QStringLiteral("histogram/bins"), bins); });
    connect(m_logCounts, &QCheckBox::toggled, this,
            [](bool on) { QSettings().setValue(QStringLiteral("histogram/logCounts"), on); });
    connect(m_bins, &QSpinBox::valueChanged, this, &HistogramPanel::recompute);
    connect(m_fixedRange, &QCheckBox::toggled, this, [this](bool on) {
        m_low->setEnabled(on);
        m_high->setEnabled(on);
        if (on && m_plot->histogram().edges.size() > 1) {
            const QSignalBlocker blockLow(m_low), blockHigh(m_high);
            m_low->setValue(m_plot->histogram().edges.front());
            m_high->setValue(m_plot->histogram().edges.back());
        }
        recompute();
    });
    connect(m_low, &QDoubleSpinBox::editingFinished, this, &HistogramPanel::recompute);
    connect(m_high, &QDoubleSpinBox::editingFinished, this, &HistogramPanel::recompute);
    connect(m_logCounts, &QCheckBox::toggled, m_plot, &HistogramPlot::setLogarithmicCounts);
    connect(m_overlay, &QComboBox::currentIndexChanged, this, &HistogramPanel::recompute);
    connect(m_export, &QToolButton::clicked, this, &HistogramPanel::exportClicked);
    connect(m_everyParameter, &QCheckBox::toggled, this, &HistogramPanel::poolChanged);
    connect(m_compute, &QPushButton::clicked, this, [this] {
        m_approved.insert(selectionKey());
        recompute();
    });
    connect(m_status, &JobStatusStrip::canceledByUser, this, [this] { m_running.clear(); });
}

HistogramPanel::~HistogramPanel()
{
    cancelRunning();
}

void HistogramPanel::setDocument(CheckpointDocument *document)
{
    cancelRunning();
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_cache.clear();
    m_knownStatistics.clear();
    m_approved.clear();
    m_compute->hide();
    m_indices.clear();
    m_plot->clearHistogram();
    m_statistics->clear();
    m_status->setMessage(QString());
    updateOverlayChoices();
    if (document) {
        // Weights loaded from another file: what was computed no longer holds.
        connect(document, &CheckpointDocument::tensorValuesChanged, this, [this] {
            cancelRunning();
            m_cache.clear();
            m_knownStatistics.clear();
            if (!m_indices.isEmpty())
                recompute();
        });
    }
}

void HistogramPanel::updateOverlayChoices()
{
    // One model set at once: adding 100,000 items one by one would stall the window.
    const QSignalBlocker blocker(m_overlay);
    QStringList names{tr("(nothing)")};
    m_overlayTensors = {-1};
    if (m_document) {
        for (int i = 0; i < m_document->tensorCount(); ++i) {
            if (!dtypeIsComplex(m_document->tensor(i).dtype)) {
                names << m_document->tensor(i).name;
                m_overlayTensors << i;
            }
        }
    }
    m_overlayModel->setStringList(names);
    m_overlay->setCurrentIndex(0);
}

int HistogramPanel::overlayTensor() const
{
    return m_overlayTensors.value(m_overlay->currentIndex(), -1);
}

bool HistogramPanel::poolsEveryParameter() const
{
    return m_everyParameter->isChecked();
}

void HistogramPanel::showTensors(const QVector<int> &indices, const QString &title, bool pooled)
{
    m_everyParameter->setVisible(pooled);
    m_indices = indices;
    m_title = title;
    recompute();
}

QString HistogramPanel::selectionKey() const
{
    // A digest of the index list: a module's histogram can pool 100,000 tensors.
    const size_t digest = qHashRange(m_indices.begin(), m_indices.end());
    return QStringLiteral("%1:%2:%3").arg(digest).arg(m_indices.size()).arg(m_indices.value(0));
}

QString HistogramPanel::cacheKey() const
{
    return selectionKey() + QStringLiteral("|%1|%2|%3|%4|%5")
                                .arg(m_bins->value())
                                .arg(m_fixedRange->isChecked())
                                .arg(m_low->value(), 0, 'g', 17)
                                .arg(m_high->value(), 0, 'g', 17)
                                .arg(overlayTensor());
}

void HistogramPanel::cancelRunning()
{
    m_status->cancel();
    m_running.clear();
}

void HistogramPanel::recompute()
{
    cancelRunning();
    m_compute->hide();
    if (!m_document || m_indices.isEmpty()) {
        m_plot->clearHistogram();
        m_statistics->clear();
        return;
    }
    std::vector<TensorInfo> tensors;
    for (int index : std::as_const(m_indices)) {
        if (!dtypeIsComplex(m_document->tensor(index).dtype))
            tensors.push_back(m_document->tensor(index));
    }
    if (tensors.empty()) {
        m_plot->clearHistogram();
        m_statistics->clear();
        m_status->setMessage(tr("%1: complex tensors are listed, not plotted").arg(m_title));
        return;
    }
    const QString key = cacheKey();
    if (const auto cached = m_cache.constFind(key); cached != m_cache.constEnd()) {
        showResult(cached->first, cached->second, overlayTensor() >= 0);
        return;
    }
    HistogramRequest request;
    request.bins = m_bins->value();
    request.hasRange = m_fixedRange->isChecked();
    request.low = m_low->value();
    request.high = m_high->value();
    if (request.hasRange && !(request.low < request.high)) {
        m_status->setMessage(tr("The range needs its low end below its high end"));
        return;
    }
    qint64 values = 0, bytes = 0;
    for (const TensorInfo &tensor : tensors) {
        values += tensor.numel();
        bytes += tensor.byteSize();
    }
    const QString selection = selectionKey();
    request.longRead = values > kLongReadValues;
    if (request.longRead && !m_approved.contains(selection)) {
        m_plot->clearHistogram();
        m_statistics->clear();
        m_status->setMessage(
            tr("%1: %2 values, %3 to read", nullptr, DisplayFormat::pluralCount(values))
                .arg(m_title, DisplayFormat::compactCount(values), DisplayFormat::bytes(bytes)));
        m_compute->show();
        return;
    }
    const bool statisticsKnown = m_knownStatistics.contains(selection);
    const TensorStats known = m_knownStatistics.value(selection);
    std::vector<TensorInfo> overlay;
    if (const int other = overlayTensor(); other >= 0)
        overlay.push_back(m_document->tensor(other));

    auto *job = ResultJob<PanelHistograms>::start(
        this, [tensors = std::move(tensors), overlay = std::move(overlay), request, statisticsKnown,
               known](const Progress &progress, PanelHistograms *result, QString *) {
            std::vector<const TensorInfo *> pointers;
            for (const TensorInfo &tensor : tensors)
                pointers.push_back(&tensor);
            result->main = statisticsKnown ? HistogramKernel::compute(pointers, request, known, progress)
                                           : HistogramKernel::compute(pointers, request, progress);
            if (!overlay.empty() && !progress.isCanceled()) {
                // The comparison uses the same bins, so the bars line up.
                result->hasOverlay = true;
                result->overlay.edges = result->main.edges;
                result->overlay.stats = HistogramKernel::statistics({&overlay.front()}, progress);
                result->overlay.counts =
                    HistogramKernel::counts({&overlay.front()}, result->main.edges, progress);
            }
            return !progress.isCanceled();
        });
    m_running = job;
    m_status->track(job, tr("Computing %1…").arg(m_title), tr("Canceled"));
    connect(job, &Job::finished, this, [this, job, key, selection] {
        if (m_running != job)
            return;
        m_running.clear();
        if (!job->succeeded())
            return;
        const PanelHistograms &result = job->result();
        m_cache.insert(key, {result.main, result.overlay});
        m_knownStatistics.insert(selection, result.main.stats);
        showResult(result.main, result.overlay, result.hasOverlay);
    });
}

void HistogramPanel::showResult(const HistogramResult &main, const HistogramResult &overlay, bool hasOverlay)
{
    m_plot->setHistogram(main, m_title);
    if (hasOverlay)
        m_plot->setOverlay(overlay, m_overlay->currentText());
    else
        m_plot->clearOverlay();

    const QLocale locale;
    const TensorStats &s = main.stats;
    auto number = [&](double v) { return locale.toString(v, 'g', 6); };
    QString text = QStringLiteral("<b>%1</b><table>").arg(m_title.toHtmlEscaped());
    auto row = [&](const QString &name, const QString &value, bool alarm = false) {
        text +=
            QStringLiteral("<tr><td>%1</td><td align=right>%2</td></tr>")
                .arg(name, alarm ? QStringLiteral("<span style='color:#c00000'><b>%1</b></span>").arg(value)
                                 : value);
    };
    row(tr("elements"), DisplayFormat::count(s.count));
    if (s.hasMoments()) {
        row(tr("min"), number(s.min));
        row(tr("max"), number(s.max));
        row(tr("mean"), number(s.mean));
        row(tr("std"), number(s.std));
        row(tr("L2 norm"), number(s.l2Norm));
    }
    row(tr("zeros"), s.count ? QStringLiteral("%1 %").arg(
                                   locale.toString(100.0 * double(s.zeroCount) / double(s.count), 'f', 2))
                             : QStringLiteral("—"));
    row(tr("NaN"), DisplayFormat::count(s.nanCount), s.nanCount > 0);
    row(tr("Inf"), DisplayFormat::count(s.infCount), s.infCount > 0);
    text += QStringLiteral("</table>");
    if (s.nanCount || s.infCount)
        text += tr("<p style='color:#c00000'>NaN and Inf are left out of the histogram and the moments.</p>");
    m_statistics->setText(text);
    m_status->setMessage(tr("Bins: %1").arg(main.counts.size()));
    Q_EMIT histogramShown();
}

void HistogramPanel::showToolTip(QMouseEvent *event)
{
    const double x = m_plot->xAxis->pixelToCoord(event->position().x());
    const int bin = m_plot->binAt(x);
    if (bin < 0) {
        QToolTip::hideText();
        return;
    }
    const HistogramResult &result = m_plot->histogram();
    const bool last = bin == result.counts.size() - 1;
    const QLocale locale;
    QToolTip::showText(
        event->globalPosition().toPoint(),
        tr("[%1, %2%3\n%4 values", nullptr, DisplayFormat::pluralCount(result.counts[bin]))
            .arg(locale.toString(result.edges[bin], 'g', 6), locale.toString(result.edges[bin + 1], 'g', 6),
                 last ? QStringLiteral("]") : QStringLiteral(")"), DisplayFormat::count(result.counts[bin])),
        m_plot);
}

void HistogramPanel::exportClicked()
{
    const QString path =
        FileDialog::getSaveFileName(this, tr("Export Histogram"), QString(),
                                    tr("PNG image (*.png);;PDF document (*.pdf);;SVG image (*.svg)"));
    if (!path.isEmpty())
        exportTo(path);
}

void HistogramPanel::exportTo(const QString &path)
{
    QString error;
    if (!m_plot->exportTo(path, &error))
        MessageBox::critical(this, tr("Cannot export"), error);
}

} // namespace torchscope
