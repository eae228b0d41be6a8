#include "optimizerpanel.h"

#include "document/checkpointdocument.h"
#include "itemmodels/displayformat.h"
#include "jobs/job.h"
#include "jobstatusstrip.h"
#include "plot/qcustomplotinclude.h"

#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace torchscope {

namespace {
const OptimizerState *adamState(const CheckpointDocument *document)
{
    if (!document)
        return nullptr;
    for (const OptimizerState &optimizer : document->optimizers()) {
        if (optimizer.isAdamFamily())
            return &optimizer;
    }
    return nullptr;
}

QString number(double value)
{
    return QString::number(value, 'g', 3);
}
} // namespace

OptimizerPanel::OptimizerPanel(QWidget *parent) : QWidget(parent)
{
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("optimizerPlot"));
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(QColor(31, 119, 180));
    m_bars->setWidth(0.8);
    m_selected = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_selected->setPen(Qt::NoPen);
    m_selected->setBrush(QColor(214, 39, 40));
    m_selected->setWidth(0.8);
    m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    m_plot->xAxis->setLabel(tr("parameter, down the model"));
    // Whole positions: a parameter is a bar.
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setLabel(tr("next update ‖Δw‖ / ‖w‖"));
    m_status = new JobStatusStrip(this);
    m_status->label()->setObjectName(QStringLiteral("optimizerSelection"));
    m_status->label()->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->label()->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_plot, 1);
    display();
}

OptimizerPanel::~OptimizerPanel()
{
    if (m_running)
        m_running->cancel();
}

bool OptimizerPanel::applies(const CheckpointDocument *document)
{
    return adamState(document) != nullptr;
}

void OptimizerPanel::setDocument(const CheckpointDocument *document)
{
    if (m_running)
        m_running->cancel();
    m_document = document;
    m_updates.clear();
    m_computed = false;
    m_tensorIndex = -1;
    display();
    if (isVisible())
        compute();
}

void OptimizerPanel::showTensor(int tensorIndex)
{
    m_tensorIndex = tensorIndex;
    display();
}

void OptimizerPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    compute();
}

void OptimizerPanel::compute()
{
    const OptimizerState *optimizer = adamState(m_document);
    if (!optimizer || m_running || m_computed)
        return;
    const std::vector<TensorInfo> tensors = m_document->tensors();
    const OptimizerState state = *optimizer;
    const QString modelPath = m_document->parts().modelPath;
    QHash<QString, int> byName;
    for (int i = 0; i < m_document->tensorCount(); ++i) {
        if (m_document->isParameter(i))
            byName.insert(m_document->modelRelativeName(i), i);
    }
    auto *job = ResultJob<QVector<ParameterUpdate>>::start(
        this,
        [tensors, state, byName](const Progress &progress, QVector<ParameterUpdate> *out, QString *error) {
            *out = computeParameterUpdates(
                state, tensors, [&byName](const QString &name) { return byName.value(name, -1); }, progress);
            if (progress.isCanceled())
                *error = tr("Canceled.");
            return !progress.isCanceled();
        });
    m_running = job;
    m_status->track(job, tr("Reading the optimizer's moments…"), QString());
    connect(job, &Job::finished, this, [this, job] {
        m_running.clear();
        if (job->succeeded()) {
            m_updates = job->result();
            m_computed = true;
            Q_EMIT updatesReady();
        }
        display();
        if (!job->succeeded())
            m_status->setMessage(job->wasCanceled() ? tr("Canceled.") : job->error());
    });
}

QString OptimizerPanel::selectionText() const
{
    return m_status->message();
}

void OptimizerPanel::display()
{
    const OptimizerState *optimizer = adamState(m_document);
    QVector<double> keys, values, selectedKeys, selectedValues;
    const ParameterUpdate *selected = nullptr;
    for (int i = 0; i < m_updates.size(); ++i) {
        const ParameterUpdate &update = m_updates[i];
        const double relative = update.relativeUpdate();
        if (!std::isfinite(relative) || relative <= 0)
            continue;
        (update.weightTensor == m_tensorIndex ? selectedKeys : keys) << i;
        (update.weightTensor == m_tensorIndex ? selectedValues : values) << relative;
        if (update.weightTensor == m_tensorIndex)
            selected = &update;
    }
    m_bars->setData(keys, values, true);
    m_selected->setData(selectedKeys, selectedValues, true);
    m_plot->xAxis->setRange(-1, std::max<double>(m_updates.size(), 1));
    // The range of the values themselves: the bars' own range includes their base, 0, which a
    // logarithmic axis cannot show.
    double lowest = std::numeric_limits<double>::infinity(), highest = 0;
    for (const QVector<double> *list : {&values, &selectedValues}) {
        for (const double value : *list) {
            lowest = std::min(lowest, value);
            highest = std::max(highest, value);
        }
    }
    if (highest > 0)
        m_plot->yAxis->setRange(lowest / 2, highest * 2);
    m_plot->setVisible(!m_updates.isEmpty());
    m_plot->replot();
    if (m_running)
        return;
    if (!optimizer) {
        m_status->setMessage(tr("No Adam-family optimizer state in this file."));
    } else if (selected) {
        m_status->setMessage(tr("%1 (%2): step %3, ‖exp_avg‖ %4, ‖√exp_avg_sq‖ %5; the next update is %6 of "
                                "the weight's norm %7.")
                                 .arg(selected->parameter, optimizer->path, number(selected->step),
                                      number(selected->expAvgNorm), number(selected->sqrtExpAvgSqNorm),
                                      number(selected->relativeUpdate()), number(selected->weightNorm)));
    } else if (m_computed) {
        m_status->setMessage(
            tr("%1 (%2): %n parameter(s) with state; select one to see its step, moments and next update.",
               nullptr, int(m_updates.size()))
                .arg(optimizer->path, DisplayFormat::optimizerFamily(*optimizer)) +
            (optimizer->unmappedReason.isEmpty() ? QString() : QLatin1Char(' ') + optimizer->unmappedReason));
    }
}

} // namespace torchscope
