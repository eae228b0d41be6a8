#include "saveasdialog.h"

#include "dialogbuttons.h"
#include "document/checkpointdocument.h"
#include "document/freezeplan.h"
#include "filedialog.h"
#include "formats/dtypeconversion.h"
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
#include <QSettings>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace torchscope {

namespace {
// Rows of the format box.
enum FormatRow { PyTorchRow, SafetensorsRow, ShardedSafetensorsRow, ShardedPyTorchRow, WeightsOnlySafeRow };
} // namespace

SaveAsDialog::SaveAsDialog(const CheckpointDocument *document, QWidget *parent)
    : QDialog(parent), m_document(document)
{
    setWindowTitle(tr("Save As"));

    auto *modeBox = new QGroupBox(tr("Save"), this);
    m_weightsOnlyButton = new QRadioButton(tr("&Weights only (state_dict)"), modeBox);
    m_weightsOnlyButton->setObjectName(QStringLiteral("weightsOnlyButton"));
    const bool pickled = document->format() == CheckpointFormat::PickleModule;
    m_entireModelButton =
        new QRadioButton(pickled ? tr("&Entire model (pickle, as torch.save(model) writes it)")
                                 : tr("&Entire model (TorchScript)"),
                         modeBox);
    m_entireModelButton->setObjectName(QStringLiteral("entireModelButton"));
    auto *modeLayout = new QVBoxLayout(modeBox);
    modeLayout->addWidget(m_weightsOnlyButton);
    modeLayout->addWidget(m_entireModelButton);

    const bool canSaveEntireModel = document->canSaveEntireModel();
    m_entireModelButton->setEnabled(canSaveEntireModel);
    if (!canSaveEntireModel)
        m_entireModelButton->setToolTip(
            tr("Only models opened from TorchScript or from a torch.save(model) pickle can be saved as an "
               "entire model."));
    (canSaveEntireModel ? m_entireModelButton : m_weightsOnlyButton)->setChecked(true);

    m_noteLabel = new QLabel(this);
    m_noteLabel->setObjectName(QStringLiteral("noteLabel"));
    m_noteLabel->setWordWrap(true);
    m_freezePlanCheck = new QCheckBox(this);
    m_freezePlanCheck->setObjectName(QStringLiteral("freezePlanCheck"));
    // Flags the weights cannot keep go beside them: an entire model's, or a plan with something frozen.
    m_freezePlanCheck->setChecked(document->storesRequiresGrad() || document->hasFrozenParameters());

    // A training checkpoint's weights are its model part's, or its EMA's, unless a module is chosen.
    const CheckpointParts &parts = document->parts();
    m_partCombo = new QComboBox(this);
    m_partCombo->setObjectName(QStringLiteral("partCombo"));
    if (parts.kind == CheckpointKind::Training && !parts.modelIsWholeFile()) {
        m_partCombo->addItem(parts.modelPath.isEmpty() ? tr("The model's weights")
                                                       : tr("The model's weights (%1)").arg(parts.modelPath),
                             int(SavePart::Model));
        if (!parts.emaPath.isNull())
            m_partCombo->addItem(tr("The EMA weights (%1), under the model's names").arg(parts.emaPath),
                                 int(SavePart::Ema));
    }
    m_partCombo->addItem(tr("A module, or the whole file"), int(SavePart::Module));
    m_stripPrefixCheck = new QCheckBox(this);
    m_stripPrefixCheck->setObjectName(QStringLiteral("stripPrefixCheck"));
    m_leftOutLabel = new QLabel(this);
    m_leftOutLabel->setObjectName(QStringLiteral("leftOutLabel"));
    m_leftOutLabel->setWordWrap(true);

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
    // The whole model, whatever row is selected: a subtree is saved only when chosen here.
    setModulePath(QString());

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));

    // Weights-only choices.
    m_weightsBox = new QGroupBox(tr("Weights"), this);
    m_formatCombo = new QComboBox(m_weightsBox);
    m_formatCombo->setObjectName(QStringLiteral("formatCombo"));
    m_formatCombo->addItem(tr("PyTorch (torch.save, .pt / .pth / .bin)"));
    m_formatCombo->addItem(tr("safetensors (.safetensors)"));
    m_formatCombo->addItem(tr("Sharded safetensors (a folder, as save_pretrained writes it)"));
    m_formatCombo->addItem(tr("Sharded PyTorch .bin (a folder, as save_pretrained writes it)"));
    // A copy of the whole file that today's torch.load reads, for the files it refuses.
    const bool blocked = !m_document->weightsOnlyBlockers().isEmpty() && m_document->pickleModule() &&
                         !m_document->storesRequiresGrad();
    if (blocked)
        m_formatCombo->addItem(
            tr("The whole file, loadable with weights_only=True (torch.save, values kept)"));
    m_shardSizeEdit = new QLineEdit(QStringLiteral("5GB"), m_weightsBox);
    m_shardSizeEdit->setObjectName(QStringLiteral("shardSizeEdit"));
    m_shardSizeLabel = new QLabel(tr("Largest shard:"), m_weightsBox);
    m_dtypeCombo = new QComboBox(m_weightsBox);
    m_dtypeCombo->setObjectName(QStringLiteral("dtypeCombo"));
    m_dtypeCombo->addItem(tr("Keep each tensor's dtype"), int(DType::Invalid));
    for (const DType dtype : DTypeConversion::targets())
        m_dtypeCombo->addItem(dtypeName(dtype), int(dtype));
    m_buffersCheck =
        new QCheckBox(tr("Include buffers (running statistics and other non-parameter state)"), m_weightsBox);
    m_buffersCheck->setObjectName(QStringLiteral("buffersCheck"));
    m_buffersCheck->setChecked(true);
    m_choicesLabel = new QLabel(m_weightsBox);
    m_choicesLabel->setObjectName(QStringLiteral("choicesLabel"));
    m_choicesLabel->setWordWrap(true);
    auto *weightsForm = new QFormLayout;
    weightsForm->addRow(tr("F&ormat:"), m_formatCombo);
    weightsForm->addRow(m_shardSizeLabel, m_shardSizeEdit);
    weightsForm->addRow(tr("&Dtype:"), m_dtypeCombo);
    weightsForm->addRow(QString(), m_buffersCheck);
    // Below the form, not in it: a form row does not grow with a wrapped label's lines.
    auto *weightsLayout = new QVBoxLayout(m_weightsBox);
    weightsLayout->addLayout(weightsForm);
    weightsLayout->addWidget(m_choicesLabel);
    // The input's own kind every time (a choice remembered from another file could write the wrong
    // thing); only the shard size, a habit rather than a choice about this file, is remembered.
    m_formatCombo->setCurrentIndex(blocked ? int(WeightsOnlySafeRow) : int(ownFormatRow()));
    m_shardSizeEdit->setText(
        QSettings().value(QStringLiteral("saveAs/shardSize"), QStringLiteral("5GB")).toString());

    m_pathEdit = new QLineEdit(this);
    m_pathEdit->setObjectName(QStringLiteral("pathEdit"));
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    browseButton->setObjectName(QStringLiteral("browseButton"));
    auto *pathLayout = new QHBoxLayout;
    pathLayout->addWidget(m_pathEdit, 1);
    pathLayout->addWidget(browseButton);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    makeEnterAccept(m_buttons, QDialogButtonBox::Save);

    auto *form = new QFormLayout;
    if (m_partCombo->count() > 1)
        form->addRow(tr("&Part:"), m_partCombo);
    else
        m_partCombo->hide();
    form->addRow(tr("&Module:"), m_moduleCombo);
    form->addRow(QString(), m_stripPrefixCheck);
    form->addRow(QString(), m_leftOutLabel);
    form->addRow(QString(), m_summaryLabel);
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_pathEdit);
    form->addRow(fileLabel, pathLayout);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(modeBox);
    layout->addWidget(m_noteLabel);
    layout->addWidget(m_freezePlanCheck);
    layout->addWidget(m_weightsBox);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(m_weightsOnlyButton, &QRadioButton::toggled, this, &SaveAsDialog::updateState);
    connect(m_moduleCombo, &QComboBox::currentIndexChanged, this, &SaveAsDialog::updateState);
    connect(m_partCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (SavePart(m_partCombo->currentData().toInt()) != SavePart::Module)
            m_weightsOnlyButton->setChecked(true);
        updateState();
    });
    connect(m_stripPrefixCheck, &QCheckBox::toggled, this, &SaveAsDialog::updateState);
    connect(m_pathEdit, &QLineEdit::textChanged, this, &SaveAsDialog::updateState);
    connect(m_formatCombo, &QComboBox::currentIndexChanged, this, &SaveAsDialog::formatChosen);
    connect(m_dtypeCombo, &QComboBox::currentIndexChanged, this, &SaveAsDialog::updateState);
    connect(m_buffersCheck, &QCheckBox::toggled, this, &SaveAsDialog::updateState);
    connect(m_shardSizeEdit, &QLineEdit::textChanged, this, &SaveAsDialog::updateState);
    connect(browseButton, &QPushButton::clicked, this, &SaveAsDialog::browse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        rememberChoices();
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_proposedPath = proposedPath();
    m_pathEdit->setText(m_proposedPath);
    formatChosen();
    updateState();
    resize(520, sizeHint().height());
}

SaveRequest SaveAsDialog::request() const
{
    const bool weightsOnly = m_weightsOnlyButton->isChecked();
    SaveRequest request{
        m_pathEdit->text().trimmed(), weightsOnly ? SaveMode::WeightsOnly : SaveMode::EntireModel,
        m_moduleCombo->currentData().toString(),
        weightsOnly && m_freezePlanCheck->isVisibleTo(this) && m_freezePlanCheck->isChecked()};
    if (!weightsOnly)
        return request;
    const int row = m_formatCombo->currentIndex();
    if (row == WeightsOnlySafeRow) {
        request.format = SaveFormat::WeightsOnlySafe;
        request.modulePath.clear();
        request.writeFreezePlan = false;
        return request;
    }
    request.format =
        row == SafetensorsRow || row == ShardedSafetensorsRow ? SaveFormat::Safetensors : SaveFormat::PyTorch;
    request.maxShardSize = sharded() ? parseShardSize(m_shardSizeEdit->text()) : 0;
    request.dtype = DType(m_dtypeCombo->currentData().toInt());
    request.includeBuffers = m_buffersCheck->isChecked();
    request.part = SavePart(m_partCombo->currentData().toInt());
    if (m_stripPrefixCheck->isVisibleTo(this) && m_stripPrefixCheck->isChecked())
        request.stripPrefix = m_stripPrefixCheck->property("prefix").toString();
    return request;
}

void SaveAsDialog::setPart(SavePart part)
{
    const int index = m_partCombo->findData(int(part));
    if (index >= 0)
        m_partCombo->setCurrentIndex(index);
}

void SaveAsDialog::rememberChoices() const
{
    QSettings().setValue(QStringLiteral("saveAs/shardSize"), m_shardSizeEdit->text());
}

int SaveAsDialog::ownFormatRow() const
{
    const bool safetensors = m_document->filePath().contains(QLatin1String(".safetensors"));
    switch (m_document->format()) {
    case CheckpointFormat::Safetensors:
        return SafetensorsRow;
    case CheckpointFormat::Sharded:
        return safetensors ? ShardedSafetensorsRow : ShardedPyTorchRow;
    default:
        return PyTorchRow;
    }
}

QString SaveAsDialog::proposedPath() const
{
    // Beside what was opened: "<name>-edited", then the module's path when only a subtree goes, then
    // the suffix of the format (none for a folder of shards).
    const QString opened = m_document->openedPath();
    if (opened.isEmpty())
        return QString();
    const QFileInfo source(opened);
    QString path = source.dir().filePath((source.isDir() ? source.fileName() : source.completeBaseName()) +
                                         QStringLiteral("-edited"));
    const QString module = m_moduleCombo->currentData().toString();
    if (!module.isEmpty() && SavePart(m_partCombo->currentData().toInt()) == SavePart::Module)
        path += u'.' + module;
    if (!m_weightsOnlyButton->isChecked())
        return path + QStringLiteral(".pt");
    switch (m_formatCombo->currentIndex()) {
    case SafetensorsRow:
        return path + QStringLiteral(".safetensors");
    case ShardedSafetensorsRow:
    case ShardedPyTorchRow:
        return path;
    default:
        return path + QStringLiteral(".pt");
    }
}

bool SaveAsDialog::sharded() const
{
    return m_formatCombo->currentIndex() == ShardedSafetensorsRow ||
           m_formatCombo->currentIndex() == ShardedPyTorchRow;
}

void SaveAsDialog::formatChosen()
{
    // The name follows the format: .safetensors, a PyTorch suffix, or a folder for shards.
    // A proposed name is proposed again by updateState; one the user wrote keeps its stem.
    const QString path = m_pathEdit->text().trimmed();
    if (!path.isEmpty() && path != m_proposedPath && m_weightsOnlyButton->isChecked()) {
        const QFileInfo info(path);
        const QString base = info.dir().filePath(info.completeBaseName());
        const QString suffix = info.suffix().toLower();
        const bool safetensors = suffix == QLatin1String("safetensors");
        switch (m_formatCombo->currentIndex()) {
        case PyTorchRow:
        case WeightsOnlySafeRow:
            if (safetensors || suffix.isEmpty())
                m_pathEdit->setText(base + QStringLiteral(".pt"));
            break;
        case SafetensorsRow:
            if (!safetensors)
                m_pathEdit->setText(base + QStringLiteral(".safetensors"));
            break;
        default:
            if (!suffix.isEmpty())
                m_pathEdit->setText(base);
        }
    }
    updateState();
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
    // The proposed name follows the choices until the user writes one of their own.
    if (const QString proposal = proposedPath();
        m_pathEdit->text() == m_proposedPath && proposal != m_proposedPath) {
        m_proposedPath = proposal;
        const QSignalBlocker blocker(m_pathEdit);
        m_pathEdit->setText(proposal);
    }
    const bool weightsOnly = m_weightsOnlyButton->isChecked();
    if (weightsOnly) {
        m_noteLabel->setText(
            tr("<b>Weights-only files keep no requires_grad flags.</b> They hold names and tensors "
               "only, as <tt>module.state_dict()</tt> gives them; PyTorch marks every parameter "
               "trainable when it loads them into a freshly built model."));
    } else if (m_document->format() == CheckpointFormat::PickleModule) {
        m_noteLabel->setText(
            tr("The file keeps the model's objects as the input pickled them (classes, attributes, buffers), "
               "the weights and each parameter's requires_grad flag as set here; load it with "
               "<tt>torch.load</tt> where the model's classes can be imported."));
    } else {
        m_noteLabel->setText(
            tr("The file keeps the architecture, the weights and each parameter's requires_grad "
               "flag as set here; load it with <tt>torch.jit.load</tt>."));
    }
    // The flags a weights-only file drops can travel beside it as a freeze plan.
    const QString planName = QFileInfo(FreezePlan::pathBeside(m_pathEdit->text().trimmed())).fileName();
    m_freezePlanCheck->setText(
        tr("Also write the requires_grad flags as a freeze plan beside it (%1)").arg(planName));
    m_freezePlanCheck->setVisible(weightsOnly &&
                                  (m_document->storesRequiresGrad() || m_document->hasFrozenParameters()));
    m_weightsBox->setVisible(weightsOnly);
    m_shardSizeLabel->setVisible(sharded());
    m_shardSizeEdit->setVisible(sharded());
    const bool shardSizeOk = !sharded() || parseShardSize(m_shardSizeEdit->text()) > 0;
    m_shardSizeEdit->setStyleSheet(shardSizeOk ? QString() : QStringLiteral("QLineEdit { color: #c00000; }"));
    // What each choice keeps and drops, in one paragraph.
    QStringList sentences;
    switch (m_formatCombo->currentIndex()) {
    case PyTorchRow:
        sentences << tr(
            "A torch.save zip: torch.load gives back the state_dict; tied weights share one storage.");
        break;
    case WeightsOnlySafeRow:
        sentences << tr(
            "A torch.save zip of the whole file that PyTorch's default torch.load (weights_only=True) "
            "reads: every tensor as it is, numpy values as numbers and tensors, namespaces and config "
            "objects as dicts, paths as strings; anything else that stops torch.load is left out, and "
            "the save says what.");
        break;
    case SafetensorsRow:
        sentences << tr(
            "safetensors holds names, dtypes, shapes and bytes only, loads without running code, and "
            "keeps the input's metadata; of tied weights, which it cannot share, the first name in sorted "
            "order is written and __metadata__ maps the others to it, as safetensors.torch.save_model does.");
        break;
    default:
        sentences << tr(
            "A folder of shards no larger than the size given, and the index that maps each name to "
            "its shard, which from_pretrained and Torchscope read as one checkpoint.");
    }
    // The copy of the whole file takes no other choice.
    const bool safeCopy = m_formatCombo->currentIndex() == WeightsOnlySafeRow;
    m_dtypeCombo->setEnabled(!safeCopy);
    m_buffersCheck->setEnabled(!safeCopy);
    m_moduleCombo->setEnabled(!(weightsOnly && safeCopy));
    const DType dtype = DType(m_dtypeCombo->currentData().toInt());
    if (!safeCopy)
        sentences
            << (dtype == DType::Invalid
                    ? tr("Every tensor keeps its dtype, bit for bit.")
                    : tr("Floating-point tensors become %1, rounded as tensor.to() rounds; integer, bool and "
                         "quantized tensors keep theirs.")
                          .arg(dtypeName(dtype)));
    if (!safeCopy)
        sentences << (m_buffersCheck->isChecked()
                          ? tr("Buffers (batch-norm running statistics...) go along.")
                          : tr("Buffers are left out: load_state_dict(strict=False) keeps the model's own."));
    m_choicesLabel->setText(sentences.join(u' '));
    // A part of a training checkpoint: the module is the part's; the prefix a framework adds is offered
    // for stripping; what stays behind is said before the save.
    const SavePart part = SavePart(m_partCombo->currentData().toInt());
    m_moduleCombo->setEnabled(m_moduleCombo->isEnabled() && part == SavePart::Module);
    SaveRequest asked = request();
    asked.stripPrefix.clear();
    const QString prefix = weightsOnly && !safeCopy ? offeredStripPrefix(*m_document, asked) : QString();
    m_stripPrefixCheck->setProperty("prefix", prefix);
    m_stripPrefixCheck->setText(tr("Remove \"%1\" from the start of every name").arg(prefix));
    m_stripPrefixCheck->setVisible(!prefix.isEmpty());
    QString leftOut;
    int written = -1;
    if (weightsOnly && !safeCopy && m_document->parts().kind == CheckpointKind::Training) {
        asked.path = QStringLiteral("unused"); // prepared, never run
        QString error;
        if (const auto job = SaveJob::prepare(*m_document, asked, &error)) {
            leftOut = job->leftOut();
            written = job->entryCount();
        } else {
            leftOut = error;
        }
    }
    m_leftOutLabel->setText(leftOut);
    m_leftOutLabel->setVisible(!leftOut.isEmpty());
    const ModuleNode *module = m_document->findModule(m_moduleCombo->currentData().toString());
    if (part != SavePart::Module) {
        m_summaryLabel->setText(tr("Tensors: %1 · parameters: %2")
                                    .arg(DisplayFormat::count(std::max(written, 0)),
                                         DisplayFormat::count(m_document->totals().parameters)));
    } else if (module) {
        const int tensors = int(m_document->tensorsInSubtree(module).size());
        const QString counts = tr("parameters: %1 · trainable: %2")
                                   .arg(DisplayFormat::count(module->parameterCount()),
                                        DisplayFormat::count(module->trainableCount()));
        // A subtree is said as one, with how much of the file it leaves behind.
        m_summaryLabel->setText(
            module == m_document->root()
                ? tr("The whole model: %1 tensors · %2").arg(DisplayFormat::count(tensors), counts)
                : tr("<b>Only %1: %2 of %3 tensors</b> · %4")
                      .arg(module->path().toHtmlEscaped(), DisplayFormat::count(tensors),
                           DisplayFormat::count(m_document->tensorCount()), counts));
    }
    m_buttons->button(QDialogButtonBox::Save)
        ->setEnabled(!m_pathEdit->text().trimmed().isEmpty() && (!weightsOnly || shardSizeOk));
    // Grow when a choice's sentences take more lines (wrapped text has no fixed minimum height).
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (height() < needed)
        resize(width(), needed);
}

} // namespace torchscope
