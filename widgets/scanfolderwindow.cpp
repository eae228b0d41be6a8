#include "scanfolderwindow.h"

#include "scanfindingsview.h"
#include "windowsize.h"

#include <QDir>
#include <QLabel>
#include <QVBoxLayout>

namespace torchscope {

ScanFolderWindow::ScanFolderWindow(const QString &folder, QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("scanFolderWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Scan of %1").arg(QDir::toNativeSeparators(folder)));
    auto *hint = new QLabel(tr("Every file under the folder, judged by its content, as torch.load would meet "
                               "it. Double-click a finding to open its file."),
                            this);
    hint->setWordWrap(true);
    m_findings = new ScanFindingsView(true, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_findings, 1);
    connect(m_findings, &ScanFindingsView::openRequested, this, &ScanFolderWindow::openRequested);
    resizeWithinScreen(this, QSize(1000, 560));
    m_findings->scan({folder});
}

} // namespace torchscope
