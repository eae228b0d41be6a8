#pragma once

#include "inspect/spectrum.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace torchscope {

class JobStatusStrip;

class CheckpointDocument;
class Job;

// The singular values of the selected weight matrix, log-log, with its stable rank, effective rank
// and power-law exponent alpha. Computed off the UI thread when the panel is shown (at once for
// matrices up to kAutomaticElements, on request beyond), and kept per tensor.
class SpectrumPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SpectrumPanel(QWidget *parent = nullptr);
    ~SpectrumPanel() override;

    static constexpr qint64 kAutomaticElements = qint64(4) << 20;

    void setDocument(CheckpointDocument *document);
    void showTensor(int tensorIndex);
    // Starts the computation for the shown tensor unless it is known or running.
    void compute();
    bool isComputing() const { return m_running != nullptr; }
    bool hasSpectrum(int tensorIndex) const { return m_spectra.contains(tensorIndex); }
    const Spectrum *spectrum(int tensorIndex) const;
    QString summaryText() const;
    QCustomPlot *plot() const { return m_plot; }

Q_SIGNALS:
    void spectrumReady(int tensorIndex);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void display();

    QPointer<CheckpointDocument> m_document;
    int m_tensorIndex = -1;
    QHash<int, Spectrum> m_spectra;
    QCustomPlot *m_plot;
    JobStatusStrip *m_status;
    QPushButton *m_compute;

    QPointer<Job> m_running;
};

} // namespace torchscope
