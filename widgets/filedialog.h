#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace torchscope {

// File dialogs go through here so that tests can answer them in advance.
class FileDialog
{
public:
    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &dir,
                                   const QString &filter);
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &dir,
                                   const QString &filter);
    static QString getExistingDirectory(QWidget *parent, const QString &caption, const QString &dir);

    // "PyTorch checkpoints (*.pt ...);;All files (*)": what every dialog that opens a checkpoint offers.
    static QString checkpointFilter();

    // The next dialog returns `fileName` at once instead of showing ("" means the user canceled).
    static void setNextFileName(const QString &fileName);
    // The filter the last open or save dialog offered, answered or shown.
    static QString lastFilter() { return s_lastFilter; }

private:
    static bool takeNext(QString *fileName);
    static QStringList s_answers;
    static QString s_lastFilter;
};

} // namespace torchscope
