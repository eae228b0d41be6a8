#pragma once

#include <QSplitter>

class QLabel;

namespace torchscope {

class CheckpointDocument;
class HistogramPanel;
class ModuleNode;
class ModulePane;
class ParameterPane;

// What the window shows of one document: the module tree on the left; on the right a banner for
// what the user should know, the selected module's tensors and their histogram.
class CheckpointView : public QSplitter
{
    Q_OBJECT
public:
    explicit CheckpointView(QWidget *parent = nullptr);
    ~CheckpointView() override;

    void setDocument(CheckpointDocument *document);
    const ModuleNode *currentModule() const;

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
    QLabel *m_banner;
    QLabel *m_modelHeader;
};

} // namespace torchscope
