#include "saveasdialog.h"

#include "document/checkpointdocument.h"
#include "document/freezeplan.h"
#include "filedialog.h"
#include "itemmodels/displayformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <functional>

namespace torchscope {

SaveAsDialog::SaveAsDialog(const CheckpointDocument *document, const QString &selectedModulePath,
                           QWidget *parent)
    : QDialog(parent), m_document(document)
{
    setWindowTitle(tr("Save As"));

    auto *modeBox = new QGroupBox(tr("Save"), this);
    m_weightsOnlyButton = new QRadioButton(tr("&Weights only (state_dict)"), modeBox);
    m_weightsOnlyButton->setObjectName(QStringLiteral("weightsOnlyButton"));
    m_entireModelButton = new QRadioButton(tr("&Entire model (TorchScript)"), modeBox);
    m_entireModelButton->setObjectName(QStringLiteral("entireModelButton"));
    auto *modeLayout = new QVBoxLayout(modeBox);
    modeLayout->addWidget(m_weightsOnlyButton);
    modeLayout->addWidget(m_entireModelButton);

    const bool canSaveEntireModel = document->canSaveEntireModel();
    m_entireModelButton->setEnabled(canSaveEntireModel);
    if (!canSaveEntireModel)
        m_entireModelButton->setToolTip(
            tr("Only models opened from TorchScript can be saved as an entire model."));
    (canSaveEntireModel ? m_entireModelButton : m_weightsOnlyButton)->setChecked(true);

    m_noteLabel = new QLabel(this);
    m_noteLabel->setObjectName(QStringLiteral("noteLabel"));
    m_noteLabel->setWordWrap(true);
    m_freezePlanCheck = new QCheckBox(this);
    m_freezePlanCheck->setObjectName(QStringLiteral("freezePlanCheck"));
    m_freezePlanCheck->setChecked(document->storesRequiresGrad());

    m_moduleCombo = new QComboBox(this);
    m_moduleCombo->setObjectName(QStringLiteral("moduleCombo"));
    std::function<void(const ModuleNode *)> addModules = [&](const ModuleNode *node) {
        const QString label = node->displayTitle();
        const QString type = node->shortTypeName();
        m_moduleCombo->addItem(type.isEmpty() ? label : QStringLiteral("%1  (%2)").arg(label, type),
                               node->path());
        for (int i = 0; i < node->childCount(); ++i)
            addModules(node->child(i));
    };
    addModules(document->root());
    setModulePath(selectedModulePath);

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));

    m_pathEdit = new QLineEdit(this);
    m_pathEdit->setObjectName(QStringLiteral("pathEdit"));
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    browseButton->setObjectName(QStringLiteral("browseButton"));
    auto *pathLayout = new QHBoxLayout;
    pathLayout->addWidget(m_pathEdit, 1);
    pathLayout->addWidget(browseButton);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);

    auto *form = new QFormLayout;
    form->addRow(tr("&Module:"), m_moduleCombo);
    form->addRow(QString(), m_summaryLabel);
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_pathEdit);
    form->addRow(fileLabel, pathLayout);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(modeBox);
    layout->addWidget(m_noteLabel);
    layout->addWidget(m_freezePlanCheck);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(m_weightsOnlyButton, &QRadioButton::toggled, this, &SaveAsDialog::updateState);
    connect(m_moduleCombo, &QComboBox::currentIndexChanged, this, &SaveAsDialog::updateState);
    connect(m_pathEdit, &QLineEdit::textChanged, this, &SaveAsDialog::updateState);
    connect(browseButton, &QPushButton::clicked, this, &SaveAsDialog::browse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (!document->filePath().isEmpty()) {
        const QFileInfo source(document->filePath());
        m_pathEdit->setText(source.dir().filePath(source.completeBaseName() + QStringLiteral("-edited.pt")));
    }
    updateState();
    resize(520, sizeHint().height());
}

SaveRequest SaveAsDialog::request() const
{
    const bool weightsOnly = m_weightsOnlyButton->isChecked();
    return {m_pathEdit->text().trimmed(), weightsOnly ? SaveMode::WeightsOnly : SaveMode::EntireModel,
            m_moduleCombo->currentData().toString(),
            weightsOnly && m_freezePlanCheck->isVisibleTo(this) && m_freezePlanCheck->isChecked()};
}

void SaveAsDialog::setFilePath(const QString &path)
{
    m_pathEdit->setText(path);
}

void SaveAsDialog::setMode(SaveMode mode)
{
    (mode == SaveMode::WeightsOnly ? m_weightsOnlyButton : m_entireModelButton)->setChecked(true);
}

void SaveAsDialog::setModulePath(const QString &path)
{
    const int index = m_moduleCombo->findData(path);
    m_moduleCombo->setCurrentIndex(index < 0 ? 0 : index);
}

void SaveAsDialog::browse()
{
    const QString path =
        FileDialog::getSaveFileName(this, tr("Save Checkpoint"), m_pathEdit->text(),
                                    tr("PyTorch checkpoints (*.pt *.pth *.bin);;safetensors, weights only "
                                       "(*.safetensors);;All files (*)"));
    if (!path.isEmpty())
        m_pathEdit->setText(path);
}

void SaveAsDialog::updateState()
{
    const bool weightsOnly = m_weightsOnlyButton->isChecked();
    if (weightsOnly) {
        m_noteLabel->setText(
            tr("<b>Weights-only files keep no requires_grad flags.</b> They hold names and tensors "
               "only, as <tt>module.state_dict()</tt> gives them; PyTorch marks every parameter "
               "trainable when it loads them into a freshly built model."));
    } else {
        m_noteLabel->setText(
            tr("The file keeps the architecture, the weights and each parameter's requires_grad "
               "flag as set here; load it with <tt>torch.jit.load</tt>."));
    }
    // The flags a weights-only file drops can travel beside it as a freeze plan.
    const QString planName = QFileInfo(FreezePlan::pathBeside(m_pathEdit->text().trimmed())).fileName();
    m_freezePlanCheck->setText(
        tr("Also write the requires_grad flags as a freeze plan beside it (%1)").arg(planName));
    m_freezePlanCheck->setVisible(weightsOnly && m_document->storesRequiresGrad());
    const ModuleNode *module = m_document->findModule(m_moduleCombo->currentData().toString());
    if (module) {
        const int tensors = int(m_document->tensorsInSubtree(module).size());
        m_summaryLabel->setText(tr("Tensors: %1 · parameters: %2 · trainable: %3")
                                    .arg(DisplayFormat::count(tensors),
                                         DisplayFormat::count(module->parameterCount()),
                                         DisplayFormat::count(module->trainableCount())));
    }
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!m_pathEdit->text().trimmed().isEmpty());
}

} // namespace torchscope
