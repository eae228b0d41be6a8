#pragma once

#include <QPointer>
#include <QStringList>
#include <QWidget>

class QTreeView;

namespace torchscope {

class Job;
class JobStatusStrip;
class ScanFindingsModel;

// Scans files off the UI thread and lists the findings: a status line (progress and Cancel while the
// scan runs, then the counts) over a table. The Security tab shows one file's findings; the Scan Folder
// window a folder's, with a File column, opening a file on double click.
class ScanFindingsView : public QWidget
{
    Q_OBJECT
public:
    explicit ScanFindingsView(bool showsFiles, QWidget *parent = nullptr);
    ~ScanFindingsView() override;

    // Scans `paths` (files and folders), replacing what was shown; empty: shows nothing.
    void scan(const QStringList &paths);
    bool isScanning() const { return !m_running.isNull(); }
    QString summaryText() const;
    ScanFindingsModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void scanned();
    // A finding's file was double-clicked.
    void openRequested(const QString &path);

private:
    ScanFindingsModel *m_model;
    QTreeView *m_view;
    JobStatusStrip *m_status;
    QPointer<Job> m_running;
    bool m_showsFiles;
};

} // namespace torchscope
