#include "scanfindingsview.h"

#include "itemmodels/scanfindingsmodel.h"
#include "jobs/job.h"
#include "jobstatusstrip.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace torchscope {

ScanFindingsView::ScanFindingsView(bool showsFiles, QWidget *parent)
    : QWidget(parent), m_showsFiles(showsFiles)
{
    m_model = new ScanFindingsModel(this);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("scanFindings"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setModel(m_model);
    m_view->setColumnHidden(ScanFindingsModel::FileColumn, !showsFiles);
    m_view->header()->setStretchLastSection(true);
    // Severity and rule fit their words in every language; file and place are the user's to widen.
    m_view->header()->setSectionResizeMode(ScanFindingsModel::SeverityColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(ScanFindingsModel::RuleColumn, QHeaderView::ResizeToContents);
    m_view->setColumnWidth(ScanFindingsModel::FileColumn, 220);
    m_view->setColumnWidth(ScanFindingsModel::PlaceColumn, 200);
    m_status = new JobStatusStrip(this);
    m_status->label()->setObjectName(QStringLiteral("scanSummary"));
    m_status->label()->setWordWrap(true);
    m_status->label()->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const ScanFinding *finding = m_model->finding(index.row()); finding && m_showsFiles)
            Q_EMIT openRequested(finding->path);
    });
}

ScanFindingsView::~ScanFindingsView()
{
    if (m_running)
        m_running->cancel();
}

void ScanFindingsView::scan(const QStringList &paths)
{
    if (m_running)
        m_running->cancel();
    m_model->setFindings({});
    if (paths.isEmpty()) {
        m_status->setMessage(QString());
        return;
    }
    auto *job = ResultJob<ScanReport>::start(
        this, [paths](const Progress &progress, ScanReport *report, QString *error) {
            *report = scanPaths(paths, progress);
            if (progress.isCanceled()) {
                *error = tr("canceled");
                return false;
            }
            return true;
        });
    m_running = job;
    m_status->track(job, tr("Scanning…"), tr("Scan canceled."));
    connect(job, &Job::finished, this, [this, job] {
        if (job->succeeded()) {
            m_model->setFindings(job->result().findings);
            const QString files =
                m_showsFiles ? tr("%n file(s) scanned: ", nullptr, job->result().files) : QString();
            m_status->setMessage(files + m_model->summary());
        } else if (!job->wasCanceled()) {
            m_status->setMessage(job->error());
        }
        Q_EMIT scanned();
    });
}

QString ScanFindingsView::summaryText() const
{
    return m_status->message();
}

} // namespace torchscope
