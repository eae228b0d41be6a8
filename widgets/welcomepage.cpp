#include "welcomepage.h"

#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace torchscope {

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *title = new QLabel(tr("<h2>Torchscope</h2>"), this);
    auto *about = new QLabel(
        tr("Look inside PyTorch checkpoints without writing Python: the module tree, every parameter and "
           "buffer, histograms of the weights. Freeze layers with a click or a pattern and save weights only "
           "or the entire model with its requires_grad flags."),
        this);
    about->setWordWrap(true);
    auto *open = new QPushButton(tr("&Open Checkpoint…"), this);
    open->setObjectName(QStringLiteral("welcomeOpenButton"));
    auto *openFolder = new QPushButton(tr("Open Model &Folder…"), this);
    auto *example = new QPushButton(tr("Open the &Example Model"), this);
    example->setObjectName(QStringLiteral("welcomeExampleButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addWidget(openFolder);
    buttons->addWidget(example);
    buttons->addStretch(1);
    auto *recentLabel = new QLabel(tr("Recent files:"), this);
    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("welcomeRecentList"));
    recentLabel->setBuddy(m_recent);
    auto *drop = new QLabel(tr("…or drop a checkpoint file or model folder anywhere on this window."), this);
    drop->setEnabled(false);

    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(about);
    column->addSpacing(12);
    column->addLayout(buttons);
    column->addSpacing(12);
    column->addWidget(recentLabel);
    column->addWidget(m_recent, 1);
    column->addWidget(drop);
    // A readable column in the middle of a wide window.
    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 4);
    outer->addStretch(1);

    connect(open, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(openFolder, &QPushButton::clicked, this, &WelcomePage::openFolderRequested);
    connect(example, &QPushButton::clicked, this, &WelcomePage::exampleRequested);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT recentFileActivated(item->data(Qt::UserRole).toString());
    });
}

void WelcomePage::setRecentFiles(const QStringList &paths)
{
    m_recent->clear();
    if (paths.isEmpty()) {
        // Said, not an empty white box.
        auto *none = new QListWidgetItem(tr("No recent files"), m_recent);
        none->setFlags(Qt::NoItemFlags);
    }
    for (const QString &path : paths) {
        auto *item =
            new QListWidgetItem(QStringLiteral("%1 — %2").arg(QFileInfo(path).fileName(), path), m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
        if (!QFileInfo::exists(path))
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
}

} // namespace torchscope
