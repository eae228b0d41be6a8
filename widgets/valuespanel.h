#pragma once

#include "inspect/valueexport.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <utility>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace torchscope {

class JobStatusStrip;

class CheckpointDocument;
class HeatLegend;
class Job;
class TensorValuesModel;

// The selected tensor's values as a grid (a tab beside the histogram): two chosen axes as rows and
// columns, a spin box for the index on every other axis, a heat map, go to, find next, copy and
// export. Cells are decoded only as the grid shows them; searches, the heat map's range and exports
// run off the UI thread.
class ValuesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ValuesPanel(QWidget *parent = nullptr);
    ~ValuesPanel() override;

    void setDocument(CheckpointDocument *document);
    // -1 shows no tensor (a module is selected).
    void showTensor(int tensorIndex);
    int tensorIndex() const { return m_tensorIndex; }

    TensorValuesModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // The element the grid's current cell shows; empty when none.
    QVector<qint64> currentElement() const;
    // Moves the grid to an element ("3, 0, 7" or a list) and selects it; false with a message when
    // the index is not in the tensor.
    bool goTo(const QVector<qint64> &index);
    void findNext();
    bool isBusy() const { return m_running != nullptr; }
    // The selected cells as tab-separated text, or as a NumPy literal, on the clipboard.
    void copySelection(bool asNumpy);
    // Writes the tensor (or the plane shown) to `path`, .npy or .csv by its suffix.
    void exportTo(const QString &path, bool wholeTensor);
    QString statusText() const;

Q_SIGNALS:
    void searchFinished(bool found);
    void heatRangeReady();
    void exportFinished(bool ok, const QString &message);

private:
    void rebuildAxisControls();
    void axesChosen();
    void setHeatMap(bool on);
    void goToTyped();
    void exportChosen(bool wholeTensor);
    void startJob(Job *job, const QString &what);
    void finishJob();
    void setStatus(const QString &text);
    QString sliceOfPlane() const;

    QPointer<CheckpointDocument> m_document;
    int m_tensorIndex = -1;
    TensorValuesModel *m_model;
    QTableView *m_view;
    QLabel *m_title;
    QComboBox *m_rowAxis;
    QComboBox *m_columnAxis;
    QLabel *m_rowsLabel;
    QLabel *m_columnsLabel;
    QWidget *m_fixedAxes;
    QHBoxLayout *m_fixedLayout;
    QLineEdit *m_goTo;
    QComboBox *m_findKind;
    QDoubleSpinBox *m_threshold;
    QPushButton *m_findNext;
    QCheckBox *m_heatMap;
    HeatLegend *m_legend;
    QToolButton *m_export;
    JobStatusStrip *m_status;
    QPointer<Job> m_running;
    QHash<int, std::pair<double, double>> m_ranges; // heat-map range per tensor
    bool m_rebuilding = false;
};

} // namespace torchscope
