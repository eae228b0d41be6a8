#pragma once

#include <QWidget>

namespace torchscope {

class ScanFindingsView;

// File > Scan Folder: a folder's findings, every file under it judged by its content, while the scan
// runs off the UI thread; double click opens a finding's file in the main window.
class ScanFolderWindow : public QWidget
{
    Q_OBJECT
public:
    explicit ScanFolderWindow(const QString &folder, QWidget *parent = nullptr);

    ScanFindingsView *findings() const { return m_findings; }

Q_SIGNALS:
    void openRequested(const QString &path);

private:
    ScanFindingsView *m_findings;
};

} // namespace torchscope
