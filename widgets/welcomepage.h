#pragma once

#include <QWidget>

class QListWidget;

namespace torchscope {

// What the window shows with no file open: what Torchscope does, how to open something, the recent
// files, and that a file can be dropped here.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // Lists these files (newest first); missing ones are shown disabled.
    void setRecentFiles(const QStringList &paths);

Q_SIGNALS:
    void openRequested();
    void openFolderRequested();
    void exampleRequested();
    void recentFileActivated(const QString &path);

private:
    QListWidget *m_recent;
};

} // namespace torchscope
