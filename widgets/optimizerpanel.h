#pragma once

#include "training/optimizerstatistics.h"

#include <QPointer>
#include <QWidget>

class QCustomPlot;
class QCPBars;

namespace torchscope {

class CheckpointDocument;
class Job;
class JobStatusStrip;

// An Adam-family optimizer's state down the model: for each parameter the size of the next update
// relative to its weight (log scale), computed off the UI thread when the panel is first shown; the
// selected parameter's step, moment norms and update beside it.
class OptimizerPanel : public QWidget
{
    Q_OBJECT
public:
    explicit OptimizerPanel(QWidget *parent = nullptr);
    ~OptimizerPanel() override;

    void setDocument(const CheckpointDocument *document);
    void showTensor(int tensorIndex);
    // Whether the document holds optimizer state this panel can show.
    static bool applies(const CheckpointDocument *document);
    bool isComputing() const { return m_running != nullptr; }
    const QVector<ParameterUpdate> &updates() const { return m_updates; }
    QCustomPlot *plot() const { return m_plot; }
    QString selectionText() const;

Q_SIGNALS:
    void updatesReady();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void compute();
    void display();

    QPointer<const CheckpointDocument> m_document;
    int m_tensorIndex = -1;
    bool m_computed = false;
    QVector<ParameterUpdate> m_updates;
    QCustomPlot *m_plot;
    QCPBars *m_bars;
    QCPBars *m_selected;
    JobStatusStrip *m_status;
    QPointer<Job> m_running;
};

} // namespace torchscope
