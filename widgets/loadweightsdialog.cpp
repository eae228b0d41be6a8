#include "loadweightsdialog.h"

#include "dialogbuttons.h"
#include "document/checkpointdocument.h"
#include "windowsize.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>

namespace torchscope {

LoadWeightsDialog::LoadWeightsDialog(const CheckpointDocument *model, WeightsFile weights, QWidget *parent)
    : QDialog(parent), m_model(model), m_weights(std::move(weights))
{
    const QString &path = m_weights.path;
    setWindowTitle(tr("Load Weights Into Model"));
    auto *intro =
        new QLabel(tr("Values from <b>%1</b> go into the open model where a name, shape and dtype "
                      "match, as <tt>load_state_dict</tt> matches them; the requires_grad flags "
                      "stay as they are. Nothing changes until you click Load, and Undo takes it back.")
                       .arg(QFileInfo(path).fileName().toHtmlEscaped()),
                   this);
    intro->setWordWrap(true);
    m_stripPrefix = new QLineEdit(m_weights.suggested.strip, this);
    m_stripPrefix->setObjectName(QStringLiteral("stripPrefix"));
    m_stripPrefix->setPlaceholderText(tr("e.g. module."));
    m_addPrefix = new QLineEdit(m_weights.suggested.add, this);
    m_addPrefix->setObjectName(QStringLiteral("addPrefix"));
    m_addPrefix->setPlaceholderText(tr("e.g. model."));
    m_strict = new QCheckBox(tr("&Strict: refuse unless every name matches with its shape and dtype"), this);
    m_strict->setObjectName(QStringLiteral("strictCheck"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("matchSummary"));
    m_summary->setWordWrap(true);
    m_details = new QTreeWidget(this);
    m_details->setObjectName(QStringLiteral("matchDetails"));
    m_details->setHeaderLabels({tr("Name"), tr("")});
    m_details->header()->setStretchLastSection(false);
    m_details->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Load"));
    makeEnterAccept(m_buttons, QDialogButtonBox::Ok);

    auto *form = new QFormLayout;
    form->addRow(tr("Strip &prefix from the file's names:"), m_stripPrefix);
    form->addRow(tr("&Add prefix to the file's names:"), m_addPrefix);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_strict);
    layout->addWidget(m_summary);
    layout->addWidget(m_details, 1);
    layout->addWidget(m_buttons);
    resizeWithinScreen(this, QSize(640, 520));

    connect(m_stripPrefix, &QLineEdit::textChanged, this, &LoadWeightsDialog::rematch);
    connect(m_addPrefix, &QLineEdit::textChanged, this, &LoadWeightsDialog::rematch);
    connect(m_strict, &QCheckBox::toggled, this, &LoadWeightsDialog::rematch);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    rematch();
}

bool LoadWeightsDialog::strict() const
{
    return m_strict->isChecked();
}

void LoadWeightsDialog::rematch()
{
    m_match = WeightsMatch::match(*m_model, m_weights.content, {m_stripPrefix->text(), m_addPrefix->text()});
    m_summary->setText(m_match.describe().section(u'\n', 0, 0));
    m_details->clear();
    const auto group = [this](const QString &title, const QStringList &names, const QString &what) {
        if (names.isEmpty())
            return;
        auto *top =
            new QTreeWidgetItem(m_details, {QStringLiteral("%1 (%2)").arg(title).arg(names.size()), what});
        for (const QString &name : names)
            new QTreeWidgetItem(top, {name});
        top->setExpanded(names.size() <= 50 && title != tr("Applied"));
    };
    group(tr("Missing from the file"), m_match.missing, tr("kept as they are"));
    group(tr("Unexpected in the file"), m_match.unexpected, tr("ignored"));
    group(tr("Another shape"), m_match.shapeMismatch, tr("kept as they are"));
    group(tr("Another dtype"), m_match.dtypeMismatch, tr("kept as they are"));
    group(tr("Applied"), m_match.applied, tr("take the file's values"));
    m_details->resizeColumnToContents(1);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_match.replacements.isEmpty() && (!m_strict->isChecked() || m_match.isClean()));
}

} // namespace torchscope
