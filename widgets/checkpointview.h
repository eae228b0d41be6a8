#pragma once

#include <QSplitter>

class QLabel;
class QTabWidget;

namespace torchscope {

class CheckpointDocument;
class CheckpointValuesPanel;
class HistogramPanel;
class OptimizerPanel;
class TrainingLogPanel;
class ScanFindingsView;
class ShardsPanel;
class ModuleNode;
class ModulePane;
class ParameterPane;
class SpectrumPanel;
class ValuesPanel;

// What the window shows of one document: the module tree on the left; on the right a banner for
// what the user should know, the selected module's tensors, and in tabs below them the histogram,
// the selected tensor's values and its spectrum.
class CheckpointView : public QSplitter
{
    Q_OBJECT
public:
    explicit CheckpointView(QWidget *parent = nullptr);
    ~CheckpointView() override;

    void setDocument(CheckpointDocument *document);
    const ModuleNode *currentModule() const;
    // Shows a tensor as if the user had clicked it: its module in the tree, its row in the table.
    void selectTensor(int tensorIndex);
    ValuesPanel *valuesPanel() const { return m_values; }
    SpectrumPanel *spectrumPanel() const { return m_spectrum; }
    CheckpointValuesPanel *checkpointValuesPanel() const { return m_checkpointValues; }
    OptimizerPanel *optimizerPanel() const { return m_optimizer; }
    TrainingLogPanel *trainingLogPanel() const { return m_trainingLog; }
    ScanFindingsView *securityPanel() const { return m_security; }
    ShardsPanel *shardsPanel() const { return m_shards; }
    QTabWidget *tensorTabs() const { return m_tabs; }
    // Splitter sizes and column widths, kept in QSettings between sessions. Column widths come back
    // once a document has filled the views.
    void saveLayout() const;
    void restoreLayout();

Q_SIGNALS:
    void moduleMenuRequested(const ModuleNode *module, const QPoint &globalPosition);
    void tensorMenuRequested(const QVector<int> &tensors, const QPoint &globalPosition);

private:
    void showModule(const ModuleNode *module);
    void showTensor(int tensorIndex);
    void updateBanner();
    void updateModelHeader();

    CheckpointDocument *m_document = nullptr;
    ModulePane *m_modulePane;
    ParameterPane *m_parameterPane;
    HistogramPanel *m_histogram;
    ValuesPanel *m_values;
    SpectrumPanel *m_spectrum;
    CheckpointValuesPanel *m_checkpointValues;
    OptimizerPanel *m_optimizer;
    TrainingLogPanel *m_trainingLog;
    ScanFindingsView *m_security;
    ShardsPanel *m_shards;
    QTabWidget *m_tabs;
    QSplitter *m_tableAndPlot;
    QByteArray m_treeColumns;  // to restore when the first document fills the tree
    QByteArray m_tableColumns; // ... and the table
    QLabel *m_banner;
    QLabel *m_modelHeader;
};

} // namespace torchscope
