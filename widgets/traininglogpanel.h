#pragma once

#include "training/traininglog.h"

#include <QWidget>

class QCustomPlot;
class QLabel;

namespace torchscope {

class CheckpointDocument;

// What the training logged (a Hugging Face Trainer's trainer_state.json): training and evaluation
// loss, learning rate and gradient norm against the step, one plot each, sharing the step axis.
class TrainingLogPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TrainingLogPanel(QWidget *parent = nullptr);

    void setDocument(const CheckpointDocument *document);
    static bool applies(const CheckpointDocument *document);
    const QMap<QString, LogSeries> &log() const { return m_log; }
    QCustomPlot *plot() const { return m_plot; }

private:
    QMap<QString, LogSeries> m_log;
    QCustomPlot *m_plot;
    QLabel *m_summary;
};

} // namespace torchscope
