#include "freezeblocksdialog.h"

#include "dialogbuttons.h"
#include "document/checkpointdocument.h"
#include "itemmodels/displayformat.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace torchscope {

FreezeBlocksDialog::FreezeBlocksDialog(const CheckpointDocument *document, const ModuleNode *blocks,
                                       QWidget *parent)
    : QDialog(parent), m_document(document), m_blocks(blocks)
{
    setWindowTitle(tr("Freeze Blocks of %1").arg(blocks->displayName()));
    const int count = blocks->childCount();
    const auto spin = [this](const QString &name, int low, int high, int value) {
        auto *box = new QSpinBox(this);
        box->setObjectName(name);
        box->setRange(low, high);
        box->setValue(value);
        connect(box, &QSpinBox::valueChanged, this, &FreezeBlocksDialog::updatePreview);
        return box;
    };
    m_first = new QRadioButton(tr("The &first"), this);
    m_first->setObjectName(QStringLiteral("firstBlocksRadio"));
    m_last = new QRadioButton(tr("The &last"), this);
    m_last->setObjectName(QStringLiteral("lastBlocksRadio"));
    m_range = new QRadioButton(tr("Blocks &from"), this);
    m_range->setObjectName(QStringLiteral("rangeBlocksRadio"));
    m_first->setChecked(true);
    m_firstCount = spin(QStringLiteral("firstCountSpin"), 1, count, std::max(1, count / 2));
    m_lastCount = spin(QStringLiteral("lastCountSpin"), 1, count, std::max(1, count / 2));
    m_rangeFrom = spin(QStringLiteral("rangeFromSpin"), 0, count - 1, 0);
    m_rangeTo = spin(QStringLiteral("rangeToSpin"), 0, count - 1, count - 1);
    for (QRadioButton *button : {m_first, m_last, m_range})
        connect(button, &QRadioButton::toggled, this, &FreezeBlocksDialog::updatePreview);
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("blocksPreview"));
    m_preview->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Freeze"));
    makeEnterAccept(m_buttons, QDialogButtonBox::Ok);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *grid = new QGridLayout;
    grid->addWidget(m_first, 0, 0);
    grid->addWidget(m_firstCount, 0, 1);
    grid->addWidget(new QLabel(tr("blocks"), this), 0, 2);
    grid->addWidget(m_last, 1, 0);
    grid->addWidget(m_lastCount, 1, 1);
    grid->addWidget(new QLabel(tr("blocks"), this), 1, 2);
    grid->addWidget(m_range, 2, 0);
    grid->addWidget(m_rangeFrom, 2, 1);
    grid->addWidget(new QLabel(tr("to"), this), 2, 2);
    grid->addWidget(m_rangeTo, 2, 3);
    grid->setColumnStretch(4, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
        tr("%1 holds %n numbered blocks. Freeze:", nullptr, count).arg(blocks->displayTitle()), this));
    layout->addLayout(grid);
    layout->addWidget(m_preview);
    layout->addStretch();
    layout->addWidget(m_buttons);
    updatePreview();
}

int FreezeBlocksDialog::firstRow() const
{
    if (m_last->isChecked())
        return m_blocks->childCount() - m_lastCount->value();
    if (m_range->isChecked())
        return std::min(m_rangeFrom->value(), m_rangeTo->value());
    return 0;
}

int FreezeBlocksDialog::lastRow() const
{
    if (m_first->isChecked())
        return m_firstCount->value() - 1;
    if (m_range->isChecked())
        return std::max(m_rangeFrom->value(), m_rangeTo->value());
    return m_blocks->childCount() - 1;
}

QVector<int> FreezeBlocksDialog::parameters() const
{
    return m_document->parametersOfChildren(m_blocks, firstRow(), lastRow());
}

QString FreezeBlocksDialog::description() const
{
    const QString prefix = m_blocks->path().isEmpty() ? QString() : m_blocks->path() + QLatin1Char('.');
    const QString first = m_blocks->child(firstRow())->name(), last = m_blocks->child(lastRow())->name();
    return first == last ? QString(prefix + first) : QString(prefix + first + QStringLiteral("–") + last);
}

void FreezeBlocksDialog::updatePreview()
{
    m_firstCount->setEnabled(m_first->isChecked());
    m_lastCount->setEnabled(m_last->isChecked());
    m_rangeFrom->setEnabled(m_range->isChecked());
    m_rangeTo->setEnabled(m_range->isChecked());
    const QVector<int> indices = parameters();
    qint64 elements = 0, trainable = 0;
    for (int index : indices) {
        const TensorInfo &tensor = m_document->tensor(index);
        if (tensor.tiedTo >= 0)
            continue;
        elements += tensor.numel();
        trainable += m_document->requiresGrad(index) ? tensor.numel() : 0;
    }
    m_preview->setText(
        tr("Freezes %1 (%2 of %3 blocks): %4 parameters in %5 tensors, %6 of them trainable now.")
            .arg(description())
            .arg(lastRow() - firstRow() + 1)
            .arg(m_blocks->childCount())
            .arg(DisplayFormat::count(elements), DisplayFormat::count(indices.size()),
                 DisplayFormat::count(trainable)));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(trainable > 0);
}

} // namespace torchscope
