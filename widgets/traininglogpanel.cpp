#include "traininglogpanel.h"

#include "document/checkpointdocument.h"
#include "plot/qcustomplotinclude.h"

#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace torchscope {

namespace {
struct Quantity
{
    const char *key;
    int rect; // which of the stacked plots
    QColor color;
};
// Loss beside evaluation loss; learning rate; gradient norm.
const Quantity kQuantities[] = {{"loss", 0, QColor(31, 119, 180)},
                                {"eval_loss", 0, QColor(214, 39, 40)},
                                {"learning_rate", 1, QColor(44, 160, 44)},
                                {"grad_norm", 2, QColor(148, 103, 189)}};
} // namespace

TrainingLogPanel::TrainingLogPanel(QWidget *parent) : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("trainingLogSummary"));
    m_summary->setWordWrap(true);
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("trainingLogPlot"));
    m_plot->plotLayout()->clear();
    const QString labels[] = {tr("loss"), tr("learning rate"), tr("gradient norm")};
    for (int row = 0; row < 3; ++row) {
        auto *rect = new QCPAxisRect(m_plot);
        m_plot->plotLayout()->addElement(row, 0, rect);
        rect->axis(QCPAxis::atLeft)->setLabel(labels[row]);
        rect->axis(QCPAxis::atBottom)->setLabel(row == 2 ? tr("step") : QString());
    }
    auto *legend = new QCPLegend;
    m_plot->axisRect(0)->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignRight);
    legend->setLayer(QStringLiteral("legend"));
    legend->setBrush(QColor(255, 255, 255, 200));
    m_plot->legend = legend;
    for (const Quantity &quantity : kQuantities) {
        QCPAxisRect *rect = m_plot->axisRect(quantity.rect);
        QCPGraph *graph = m_plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        graph->setName(QString::fromLatin1(quantity.key));
        graph->setPen(QPen(quantity.color, 1.5));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_plot, 1);
}

bool TrainingLogPanel::applies(const CheckpointDocument *document)
{
    return document && !trainingLogOf(document->values()).isEmpty();
}

void TrainingLogPanel::setDocument(const CheckpointDocument *document)
{
    m_log = document ? trainingLogOf(document->values()) : QMap<QString, LogSeries>();
    for (int i = 0; i < int(std::size(kQuantities)); ++i) {
        const LogSeries series = m_log.value(QString::fromLatin1(kQuantities[i].key));
        m_plot->graph(i)->setData(series.steps, series.values, true);
        // The lower plots say what they show on their axis; the legend tells the two losses apart.
        m_plot->graph(i)->removeFromLegend();
        if (!series.steps.isEmpty() && kQuantities[i].rect == 0)
            m_plot->graph(i)->addToLegend();
    }
    for (int row = 0; row < 3; ++row) {
        for (QCPAxis *axis : m_plot->axisRect(row)->axes())
            axis->rescale(true);
        m_plot->axisRect(row)->axis(QCPAxis::atLeft)->scaleRange(1.1);
    }
    QStringList others;
    for (auto it = m_log.constBegin(); it != m_log.constEnd(); ++it) {
        if (!std::any_of(std::begin(kQuantities), std::end(kQuantities),
                         [&](const Quantity &q) { return it.key() == QLatin1String(q.key); }))
            others << it.key();
    }
    m_summary->setText(
        m_log.isEmpty()
            ? tr("This checkpoint holds no training log.")
            : tr("trainer_state.json's log_history: %n entry(ies) of loss. Also logged: %1.", nullptr,
                 int(m_log.value(QStringLiteral("loss")).steps.size()))
                  .arg(others.isEmpty() ? tr("nothing else") : others.join(QStringLiteral(", "))));
    m_plot->replot();
}

} // namespace torchscope
