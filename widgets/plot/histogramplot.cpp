#include "plot/histogramplot.h"

#include <QFileInfo>
#include <QSvgGenerator>

#include <algorithm>

namespace torchscope {

HistogramPlot::HistogramPlot(QWidget *parent) : QCustomPlot(parent)
{
    m_bars = new QCPBars(xAxis, yAxis);
    m_bars->setPen(QPen(QColor(0x1f, 0x5f, 0xa8)));
    m_bars->setBrush(QColor(0x3d, 0x85, 0xc6, 200));
    m_overlay = new QCPBars(xAxis, yAxis);
    m_overlay->setPen(QPen(QColor(0xc0, 0x50, 0x10)));
    m_overlay->setBrush(QColor(0xee, 0x80, 0x30, 120));
    m_overlay->setVisible(false);
    m_overlay->removeFromLegend();
    xAxis->setLabel(tr("value"));
    yAxis->setLabel(tr("count"));
    legend->setVisible(false);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    axisRect()->setRangeZoom(Qt::Horizontal | Qt::Vertical);
}

void HistogramPlot::fill(QCPBars *bars, const HistogramResult &result)
{
    QVector<double> keys, values;
    const int bins = int(result.counts.size());
    for (int i = 0; i < bins; ++i) {
        keys << (result.edges[i] + result.edges[i + 1]) / 2;
        values << double(result.counts[i]);
    }
    bars->setData(keys, values, true);
    bars->setWidth(bins > 0 ? (result.edges.back() - result.edges.front()) / bins : 1);
}

void HistogramPlot::setHistogram(const HistogramResult &result, const QString &name)
{
    m_result = result;
    fill(m_bars, result);
    m_bars->setName(name);
    rescale();
}

void HistogramPlot::setOverlay(const HistogramResult &result, const QString &name)
{
    m_overlayResult = result;
    fill(m_overlay, result);
    m_overlay->setName(name);
    m_overlay->setVisible(true);
    m_overlay->addToLegend();
    legend->setVisible(true);
    rescale();
}

void HistogramPlot::clearOverlay()
{
    m_overlay->data()->clear();
    m_overlay->setVisible(false);
    m_overlay->removeFromLegend();
    legend->setVisible(false);
    rescale();
}

void HistogramPlot::clearHistogram()
{
    m_result = HistogramResult();
    m_bars->data()->clear();
    clearOverlay();
}

void HistogramPlot::setLogarithmicCounts(bool logarithmic)
{
    if (logarithmic) {
        yAxis->setScaleType(QCPAxis::stLogarithmic);
        yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        // Bars start just under one so that single counts stay visible on a log axis.
        m_bars->setBaseValue(0.5);
        m_overlay->setBaseValue(0.5);
    } else {
        yAxis->setScaleType(QCPAxis::stLinear);
        yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        m_bars->setBaseValue(0);
        m_overlay->setBaseValue(0);
    }
    rescale();
}

bool HistogramPlot::logarithmicCounts() const
{
    return yAxis->scaleType() == QCPAxis::stLogarithmic;
}

void HistogramPlot::rescale()
{
    rescaleAxes();
    const bool logarithmic = logarithmicCounts();
    QCPRange counts = yAxis->range();
    counts.lower = logarithmic ? 0.5 : 0;
    counts.upper = std::max(counts.upper * (logarithmic ? 2.0 : 1.05), logarithmic ? 10.0 : 1.0);
    yAxis->setRange(counts);
    if (!m_result.edges.isEmpty())
        xAxis->setRange(m_result.edges.front(), m_result.edges.back());
    replot();
}

int HistogramPlot::binAt(double x) const
{
    const QVector<double> &edges = m_result.edges;
    if (edges.size() < 2 || x < edges.front() || x > edges.back())
        return -1;
    const auto it = std::upper_bound(edges.begin(), edges.end(), x);
    return int(std::min<qsizetype>(std::distance(edges.begin(), it) - 1, edges.size() - 2));
}

bool HistogramPlot::exportTo(const QString &path, QString *error, int width, int height)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        ok = savePng(path, width, height);
    } else if (suffix == QLatin1String("pdf")) {
        ok = savePdf(path, width, height);
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(QSize(width, height));
        generator.setViewBox(QRect(0, 0, width, height));
        generator.setTitle(tr("Torchscope histogram"));
        QCPPainter painter;
        ok = painter.begin(&generator);
        if (ok) {
            toPainter(&painter, width, height);
            painter.end();
        }
    } else {
        *error = tr("unknown image type \"%1\": use .png, .pdf or .svg").arg(suffix);
        return false;
    }
    if (!ok)
        *error = tr("%1: cannot write the image").arg(path);
    return ok;
}

} // namespace torchscope
