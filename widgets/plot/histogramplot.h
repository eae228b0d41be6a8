#pragma once

#include "stats/histogramkernel.h"

#include "plot/qcustomplotinclude.h"

namespace torchscope {

// A QCustomPlot that draws one histogram, optionally a second one over it for comparison, and
// exports itself as PNG, PDF or SVG. Shared by the histogram panel and `torchscope-cli hist --png`.
class HistogramPlot : public QCustomPlot
{
    Q_OBJECT
public:
    explicit HistogramPlot(QWidget *parent = nullptr);

    void setHistogram(const HistogramResult &result, const QString &name);
    void setOverlay(const HistogramResult &result, const QString &name);
    void clearOverlay();
    void clearHistogram();
    void setLogarithmicCounts(bool logarithmic);
    bool logarithmicCounts() const;

    const HistogramResult &histogram() const { return m_result; }
    QCPBars *bars() const { return m_bars; }
    QCPBars *overlayBars() const { return m_overlay; }
    // The bin under a horizontal plot coordinate, or -1.
    int binAt(double x) const;

    // Writes the plot; the format follows the suffix (.png, .pdf, .svg).
    bool exportTo(const QString &path, QString *error, int width = 900, int height = 520);

private:
    void fill(QCPBars *bars, const HistogramResult &result);
    void rescale();

    QCPBars *m_bars;
    QCPBars *m_overlay;
    HistogramResult m_result;
    HistogramResult m_overlayResult;
};

} // namespace torchscope
