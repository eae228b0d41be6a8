#include "filedialog.h"

#include <QFileDialog>

namespace torchscope {

QStringList FileDialog::s_answers;

void FileDialog::setNextFileName(const QString &fileName)
{
    s_answers.append(fileName);
}

bool FileDialog::takeNext(QString *fileName)
{
    if (s_answers.isEmpty())
        return false;
    *fileName = s_answers.takeFirst();
    return true;
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &dir,
                                    const QString &filter)
{
    QString answer;
    if (takeNext(&answer))
        return answer;
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &dir,
                                    const QString &filter)
{
    QString answer;
    if (takeNext(&answer))
        return answer;
    return QFileDialog::getSaveFileName(parent, caption, dir, filter);
}

QString FileDialog::getExistingDirectory(QWidget *parent, const QString &caption, const QString &dir)
{
    QString answer;
    if (takeNext(&answer))
        return answer;
    return QFileDialog::getExistingDirectory(parent, caption, dir);
}

} // namespace torchscope
