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

    // The next dialog returns `fileName` at once instead of showing ("" means the user canceled).
    static void setNextFileName(const QString &fileName);

private:
    static bool takeNext(QString *fileName);
    static QStringList s_answers;
};

} // namespace torchscope
