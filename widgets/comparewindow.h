#pragma once

#include "diff/difftree.h"
#include "jobs/job.h"
#include "stats/histogramkernel.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTreeView;

namespace torchscope {

class DiffFilterModel;
class DiffTableModel;
class DiffTreeModel;
class HistogramPlot;

// File > Compare With...: the open checkpoint (A) against another file (B). Reads B and compares
// off the UI thread behind a progress dialog with Cancel; shows the module tree coloured by status,
// the table of tensors with their statistics, and for the selected tensor both histograms overlaid
// and the histogram of a - b. Name prefixes and tolerances can be changed and compared again.
class CompareWindow : public QMainWindow
{
    Q_OBJECT
public:
    CompareWindow(std::shared_ptr<const DiffSide> a, const QString &pathB, QWidget *parent = nullptr);
    ~CompareWindow() override;

    // Reads B, then compares.
    void start();
    // Compares again with the prefixes and tolerances as they are now set.
    void compare();
    const ComparisonResult *result() const { return m_result.get(); }
    bool isBusy() const { return m_running != nullptr; }
    void exportCsv(const QString &path);

Q_SIGNALS:
    void comparisonFinished();
    void comparisonFailed(const QString &reason);
    void histogramsShown();

private:
    void showResult(std::shared_ptr<const ComparisonResult> result);
    void showTensor(int diffIndex);
    void applySuggestion();
    void exportClicked();
    bool readOptions(DiffOptions *options);
    void fail(const QString &reason);

    std::shared_ptr<const DiffSide> m_a;
    std::shared_ptr<const DiffSide> m_b;
    QString m_pathB;
    std::shared_ptr<const ComparisonResult> m_result;
    QPointer<Job> m_running;
    QPointer<Job> m_histogramJob;

    QLineEdit *m_stripA;
    QLineEdit *m_addA;
    QLineEdit *m_stripB;
    QLineEdit *m_addB;
    QLineEdit *m_atol;
    QLineEdit *m_rtol;
    QPushButton *m_compare;
    QLabel *m_suggestion;
    QPushButton *m_applySuggestion;
    QLabel *m_summary;
    QCheckBox *m_onlyDifferent;
    QPushButton *m_exportCsv;
    DiffTreeModel *m_treeModel;
    DiffTableModel *m_tableModel;
    DiffFilterModel *m_filter;
    QTreeView *m_tree;
    QTableView *m_table;
    HistogramPlot *m_valuesPlot;
    HistogramPlot *m_differencePlot;
    QLabel *m_tensorStats;
};

} // namespace torchscope
