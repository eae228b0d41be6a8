#include "filedialog.h"

#include "formats/checkpointreader.h"

#include <QCoreApplication>
#include <QFileDialog>

namespace torchscope {

QStringList FileDialog::s_answers;
QString FileDialog::s_lastFilter;

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

namespace {
// lupdate sees the strings of this file under the context FileDialog.
struct FileDialogText
{
    Q_DECLARE_TR_FUNCTIONS(FileDialog)
};
} // namespace

QString FileDialog::checkpointFilter()
{
    return FileDialogText::tr("PyTorch checkpoints (%1);;All files (*)")
        .arg(checkpointFilePatterns().join(QLatin1Char(' ')));
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &dir,
                                    const QString &filter)
{
    s_lastFilter = filter;
    QString answer;
    if (takeNext(&answer))
        return answer;
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &dir,
                                    const QString &filter)
{
    s_lastFilter = filter;
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
