#include "checkpointview.h"

#include "checkpointvaluespanel.h"
#include "document/checkpointdocument.h"
#include "formats/pickle/weightsonly.h"
#include "histogrampanel.h"
#include "itemmodels/displayformat.h"
#include "modulepane.h"
#include "optimizerpanel.h"
#include "parameterpane.h"
#include "parametertableview.h"
#include "scanfindingsview.h"
#include "shardspanel.h"
#include "spectrumpanel.h"
#include "traininglogpanel.h"
#include "valuespanel.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace torchscope {

CheckpointView::CheckpointView(QWidget *parent) : QSplitter(parent)
{
    m_modulePane = new ModulePane(this);
    m_modulePane->setObjectName(QStringLiteral("modulePane"));
    m_parameterPane = new ParameterPane(this);
    m_parameterPane->setObjectName(QStringLiteral("parameterPane"));
    m_histogram = new HistogramPanel(this);
    // The choice of what a module's histogram pools is offered only while a module is shown.
    connect(m_histogram, &HistogramPanel::poolChanged, this, [this] { showModule(currentModule()); });
    m_histogram->setObjectName(QStringLiteral("histogramPanel"));
    m_values = new ValuesPanel(this);
    m_values->setObjectName(QStringLiteral("valuesPanel"));
    m_spectrum = new SpectrumPanel(this);
    m_spectrum->setObjectName(QStringLiteral("spectrumPanel"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tensorTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_histogram, tr("Histogram"));
    m_tabs->addTab(m_values, tr("Values"));
    m_tabs->addTab(m_spectrum, tr("Spectrum"));
    // What a training checkpoint holds besides tensors, each shown only where the file has it.
    m_checkpointValues = new CheckpointValuesPanel(this);
    m_checkpointValues->setObjectName(QStringLiteral("checkpointValuesPanel"));
    m_optimizer = new OptimizerPanel(this);
    m_optimizer->setObjectName(QStringLiteral("optimizerPanel"));
    m_trainingLog = new TrainingLogPanel(this);
    m_trainingLog->setObjectName(QStringLiteral("trainingLogPanel"));
    m_tabs->addTab(m_checkpointValues, tr("Checkpoint Values"));
    m_tabs->addTab(m_optimizer, tr("Optimizer"));
    m_tabs->addTab(m_trainingLog, tr("Training"));
    m_shards = new ShardsPanel(this);
    m_shards->setObjectName(QStringLiteral("shardsPanel"));
    m_tabs->addTab(m_shards, tr("Shards"));
    // What the file would do on torch.load and how sound its container is, scanned when it opens.
    m_security = new ScanFindingsView(false, this);
    m_security->setObjectName(QStringLiteral("securityPanel"));
    m_tabs->addTab(m_security, tr("Security"));
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #3b2f00; padding: 6px; "
                                           "border: 1px solid #e0c060; border-radius: 3px; }"));
    m_banner->hide();
    m_modelHeader = new QLabel(this);
    m_modelHeader->setObjectName(QStringLiteral("modelHeader"));
    m_modelHeader->setWordWrap(true);
    m_modelHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_modelHeader->hide();

    auto *tableAndPlot = new QSplitter(Qt::Vertical, this);
    m_tableAndPlot = tableAndPlot;
    tableAndPlot->addWidget(m_parameterPane);
    tableAndPlot->addWidget(m_tabs);
    tableAndPlot->setStretchFactor(0, 3);
    tableAndPlot->setStretchFactor(1, 2);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_modelHeader);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(tableAndPlot, 1);
    right->setMinimumWidth(520);
    addWidget(m_modulePane);
    addWidget(right);
    setStretchFactor(0, 2);
    setStretchFactor(1, 3);
    setSizes({460, 740});

    connect(m_modulePane, &ModulePane::currentModuleChanged, this, &CheckpointView::showModule);
    connect(m_modulePane, &ModulePane::contextMenuRequested, this, &CheckpointView::moduleMenuRequested);
    connect(m_parameterPane, &ParameterPane::currentTensorChanged, this, &CheckpointView::showTensor);
    connect(m_parameterPane, &ParameterPane::contextMenuRequested, this,
            &CheckpointView::tensorMenuRequested);
}

CheckpointView::~CheckpointView()
{
    // Views must let go of the models before the document they adapt goes away.
    setDocument(nullptr);
}

void CheckpointView::setDocument(CheckpointDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_histogram->setDocument(document);
    m_values->setDocument(document);
    m_spectrum->setDocument(document);
    m_checkpointValues->setDocument(document);
    m_optimizer->setDocument(document);
    m_trainingLog->setDocument(document);
    m_tabs->setTabVisible(m_tabs->indexOf(m_checkpointValues), document && !document->values().isEmpty());
    m_tabs->setTabVisible(m_tabs->indexOf(m_optimizer), OptimizerPanel::applies(document));
    m_tabs->setTabVisible(m_tabs->indexOf(m_trainingLog), TrainingLogPanel::applies(document));
    m_shards->setDocument(document);
    m_tabs->setTabVisible(m_tabs->indexOf(m_shards), ShardsPanel::applies(document));
    const QString path = document ? document->openedPath() : QString();
    const bool onDisk = !path.isEmpty() && !path.startsWith(u':') && QFileInfo::exists(path);
    m_tabs->setTabVisible(m_tabs->indexOf(m_security), onDisk);
    m_security->scan(onDisk ? QStringList{path} : QStringList());
    if (document) {
        connect(document, &CheckpointDocument::tensorValuesChanged, this,
                [this](const QVector<int> &indices) {
                    // Shown again from the document's new values; the spectra computed before are dropped.
                    const int shown = m_values->tensorIndex();
                    m_spectrum->setDocument(m_document);
                    if (shown >= 0 && indices.contains(shown)) {
                        m_values->showTensor(shown);
                        m_spectrum->showTensor(shown);
                    }
                });
    }
    m_modulePane->setDocument(nullptr);
    m_parameterPane->setDocument(document);
    updateBanner();
    updateModelHeader();
    // Last: selecting the root shows its table and histogram.
    m_modulePane->setDocument(document);
    if (document && !m_treeColumns.isEmpty()) {
        m_modulePane->view()->header()->restoreState(m_treeColumns);
        m_treeColumns.clear();
    }
    if (document && !m_tableColumns.isEmpty()) {
        m_parameterPane->view()->horizontalHeader()->restoreState(m_tableColumns);
        m_tableColumns.clear();
    }
}

void CheckpointView::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("view/splitter"), saveState());
    settings.setValue(QStringLiteral("view/tableSplitter"), m_tableAndPlot->saveState());
    if (m_document) {
        settings.setValue(QStringLiteral("view/treeColumns"), m_modulePane->view()->header()->saveState());
        settings.setValue(QStringLiteral("view/tableColumns"),
                          m_parameterPane->view()->horizontalHeader()->saveState());
    }
}

void CheckpointView::restoreLayout()
{
    const QSettings settings;
    restoreState(settings.value(QStringLiteral("view/splitter")).toByteArray());
    m_tableAndPlot->restoreState(settings.value(QStringLiteral("view/tableSplitter")).toByteArray());
    m_treeColumns = settings.value(QStringLiteral("view/treeColumns")).toByteArray();
    m_tableColumns = settings.value(QStringLiteral("view/tableColumns")).toByteArray();
    if (m_document) { // already filled: apply now
        m_modulePane->view()->header()->restoreState(m_treeColumns);
        m_parameterPane->view()->horizontalHeader()->restoreState(m_tableColumns);
        m_treeColumns.clear();
        m_tableColumns.clear();
    }
}

const ModuleNode *CheckpointView::currentModule() const
{
    return m_modulePane->currentModule();
}

void CheckpointView::updateBanner()
{
    QStringList notes;
    if (m_document && m_document->format() == CheckpointFormat::Pickle)
        notes << tr(
            "<b>A plain pickle, not a PyTorch checkpoint.</b> torch.load would run it as it unpickles "
            "it; Torchscope ran nothing and shows the values it holds.");
    else if (const QString summary = m_document ? DisplayFormat::checkpointSummary(*m_document) : QString();
             !summary.isEmpty())
        notes << QStringLiteral("<b>%1.</b> ").arg(summary.toHtmlEscaped()) +
                     tr("File > Extract Model Weights saves the model's weights without the training state.");
    else if (m_document && !m_document->storesRequiresGrad())
        notes << tr(
            "This is a weights-only file: it stores no requires_grad flags. PyTorch makes every parameter "
            "trainable when it loads these weights into a freshly built model.");
    // Freezing works everywhere; where the file cannot keep the flags they are a plan, and say so.
    if (m_document && m_document->freezingIsPlan() && m_document->totals().parameters > 0)
        notes << tr("<b>Freezing here makes a freeze plan:</b> this file will not store it. Take it to "
                    "your training script with File > Export Freeze Plan or Copy Freeze Plan as PyTorch "
                    "Code, or save the weights with the plan beside them.");
    if (m_document) {
        for (const QString &warning : m_document->warnings())
            notes << warning.toHtmlEscaped();
        // For a pickled model weights_only is moot (its classes are the point); elsewhere it is the
        // commonest failure of PyTorch >= 2.6 on old files.
        if (!m_document->weightsOnlyBlockers().isEmpty() && !m_document->storesRequiresGrad())
            notes << tr("PyTorch's default torch.load (weights_only=True) refuses this file: %1. "
                        "Save As a weights-only-safe copy to load it without that.")
                         .arg(describeWeightsOnlyBlockers(m_document->weightsOnlyBlockers()).toHtmlEscaped());
    }
    m_banner->setText(notes.join(QStringLiteral("<br>")));
    m_banner->setVisible(!notes.isEmpty());
}

void CheckpointView::updateModelHeader()
{
    const ModelConfig config = m_document ? m_document->modelConfig() : ModelConfig();
    if (config.isEmpty()) {
        m_modelHeader->hide();
        return;
    }
    const QStringList facts = DisplayFormat::configFacts(config);
    const QString name = DisplayFormat::configName(config);
    // Where the description comes from: a folder's config.json, or the file's own header (GGUF).
    const QString source = QFileInfo(config.path).fileName();
    m_modelHeader->setText(tr("<b>%1</b> · %2 <span style='color:gray'>(%3)</span>")
                               .arg(name.toHtmlEscaped(), facts.join(QStringLiteral(" · ")).toHtmlEscaped(),
                                    source.toHtmlEscaped()));
    m_modelHeader->setToolTip(config.path);
    m_modelHeader->show();
}

void CheckpointView::showModule(const ModuleNode *module)
{
    if (!m_document || !module)
        return;
    m_parameterPane->showModule(module);
    m_values->showTensor(-1);
    m_spectrum->showTensor(-1);
    m_optimizer->showTensor(-1);
    const bool every = m_histogram->poolsEveryParameter();
    const QVector<int> pooled = m_document->pooledTensors(
        module, every ? CheckpointDocument::Pool::EveryParameter : CheckpointDocument::Pool::WeightMatrices);
    if (!pooled.isEmpty())
        m_histogram->showTensors(
            pooled,
            every ? tr("%1 (pooled: every parameter)").arg(module->displayName())
                  : tr("%1 (pooled: %n tensor(s))", nullptr, int(pooled.size())).arg(module->displayName()),
            true);
}

void CheckpointView::showTensor(int tensorIndex)
{
    if (!m_document)
        return;
    m_histogram->showTensors({tensorIndex}, m_document->tensor(tensorIndex).name);
    m_values->showTensor(tensorIndex);
    m_spectrum->showTensor(tensorIndex);
    m_optimizer->showTensor(tensorIndex);
    m_shards->showTensor(tensorIndex);
}

void CheckpointView::selectTensor(int tensorIndex)
{
    if (!m_document || tensorIndex < 0 || tensorIndex >= m_document->tensorCount())
        return;
    // Its module, or the nearest ancestor the tree shows (folded blocks or a filter may hide it).
    const ModuleNode *module = m_document->moduleOfTensor(tensorIndex);
    QModelIndex moduleIndex = m_modulePane->indexOf(module ? module->path() : QString());
    while (!moduleIndex.isValid() && module && module->parent()) {
        module = module->parent();
        moduleIndex = m_modulePane->indexOf(module->path());
    }
    if (moduleIndex.isValid()) {
        m_modulePane->view()->setCurrentIndex(moduleIndex);
        m_modulePane->view()->scrollTo(moduleIndex);
    }
    m_parameterPane->selectTensor(tensorIndex);
}

} // namespace torchscope
