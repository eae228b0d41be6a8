#include "freezepatterndialog.h"

#include "dialogbuttons.h"
#include "document/checkpointdocument.h"
#include "document/namepattern.h"
#include "itemmodels/displayformat.h"
#include "windowsize.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QStringListModel>
#include <QVBoxLayout>

namespace torchscope {

FreezePatternDialog::FreezePatternDialog(const CheckpointDocument *document, QWidget *parent)
    : QDialog(parent), m_document(document)
{
    setWindowTitle(tr("Freeze by Pattern"));
    m_patternEdit = new QLineEdit(this);
    m_patternEdit->setObjectName(QStringLiteral("patternEdit"));
    m_patternEdit->setPlaceholderText(tr("e.g. layer1.*  or  *.bias  or  model.layers.{0..23}.*"));
    m_syntaxCombo = new QComboBox(this);
    m_syntaxCombo->setObjectName(QStringLiteral("syntaxCombo"));
    m_syntaxCombo->addItem(tr("Glob (whole name)"));
    m_syntaxCombo->addItem(tr("Regular expression (whole name)"));
    m_freezeButton = new QRadioButton(tr("&Freeze matches"), this);
    m_freezeButton->setObjectName(QStringLiteral("freezeButton"));
    m_unfreezeButton = new QRadioButton(tr("&Unfreeze matches"), this);
    m_unfreezeButton->setObjectName(QStringLiteral("unfreezeButton"));
    m_freezeButton->setChecked(true);
    m_invertCheck = new QCheckBox(tr("All &except the matches"), this);
    m_invertCheck->setObjectName(QStringLiteral("invertCheck"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_previewModel = new QStringListModel(this);
    m_preview = new QListView(this);
    m_preview->setObjectName(QStringLiteral("previewList"));
    m_preview->setModel(m_previewModel);
    m_preview->setUniformItemSizes(true);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    // Enter applies the preview; it never cancels silently.
    makeEnterAccept(m_buttons, QDialogButtonBox::Apply);

    auto *patternRow = new QHBoxLayout;
    patternRow->addWidget(m_patternEdit, 1);
    patternRow->addWidget(m_syntaxCombo);
    auto *actionRow = new QHBoxLayout;
    actionRow->addWidget(m_freezeButton);
    actionRow->addWidget(m_unfreezeButton);
    actionRow->addStretch();
    actionRow->addWidget(m_invertCheck);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Parameter names matching (the whole name must match):"), this));
    layout->addLayout(patternRow);
    layout->addLayout(actionRow);
    layout->addWidget(m_summary);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_buttons);

    connect(m_patternEdit, &QLineEdit::textChanged, this, &FreezePatternDialog::updatePreview);
    connect(m_syntaxCombo, &QComboBox::currentIndexChanged, this, &FreezePatternDialog::updatePreview);
    connect(m_invertCheck, &QCheckBox::toggled, this, &FreezePatternDialog::updatePreview);
    connect(m_freezeButton, &QRadioButton::toggled, this, &FreezePatternDialog::updatePreview);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updatePreview();
    resizeWithinScreen(this, QSize(560, 480));
}

bool FreezePatternDialog::unfreeze() const
{
    return m_unfreezeButton->isChecked();
}

bool FreezePatternDialog::allExceptMatches() const
{
    return m_invertCheck->isChecked();
}

QString FreezePatternDialog::pattern() const
{
    return m_patternEdit->text();
}

void FreezePatternDialog::setPattern(const QString &pattern, bool regularExpression)
{
    m_syntaxCombo->setCurrentIndex(regularExpression ? 1 : 0);
    m_patternEdit->setText(pattern);
}

void FreezePatternDialog::updatePreview()
{
    m_matched.clear();
    QStringList names;
    const QString text = m_patternEdit->text();
    const NamePattern pattern(text, m_syntaxCombo->currentIndex() == 1
                                        ? NamePattern::Syntax::RegularExpression
                                        : NamePattern::Syntax::Glob);
    if (!pattern.isValid()) {
        m_summary->setText(tr("<span style='color:#c00000'>Not a valid regular expression: %1</span>")
                               .arg(pattern.errorString().toHtmlEscaped()));
    } else if (!text.isEmpty()) {
        m_matched = m_document->parametersMatching(pattern);
        const int matches = int(m_matched.size());
        if (m_invertCheck->isChecked()) {
            QVector<int> others;
            for (int index = 0; index < m_document->tensorCount(); ++index) {
                if (m_document->isEditable(index) && !m_matched.contains(index))
                    others << index;
            }
            m_matched = others;
        }
        qint64 elements = 0;
        int changing = 0;
        const bool target = m_unfreezeButton->isChecked();
        for (int index : std::as_const(m_matched)) {
            const TensorInfo &tensor = m_document->tensor(index);
            names << tensor.name;
            if (tensor.tiedTo < 0)
                elements += tensor.numel();
            changing += m_document->requiresGrad(index) != target ? 1 : 0;
        }
        m_summary->setText(
            (m_invertCheck->isChecked()
                 ? tr("Matching: %1 · applying to the other %2 parameters · elements: %3")
                       .arg(DisplayFormat::count(matches), DisplayFormat::count(m_matched.size()),
                            DisplayFormat::count(elements))
                 : tr("Matching parameters: %1 · elements: %2")
                       .arg(DisplayFormat::count(m_matched.size()), DisplayFormat::count(elements))) +
            tr(" · flags that would change: %1").arg(DisplayFormat::count(changing)));
    } else {
        m_summary->setText(tr("Type a pattern to see what it matches."));
    }
    m_previewModel->setStringList(names);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(!m_matched.isEmpty());
}

} // namespace torchscope
