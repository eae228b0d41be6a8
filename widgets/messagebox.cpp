#include "messagebox.h"

namespace torchscope {

QList<QMessageBox::StandardButton> MessageBox::s_answers;
QString MessageBox::s_lastText;

void MessageBox::setNextAnswer(QMessageBox::StandardButton button)
{
    s_answers.append(button);
}

QString MessageBox::lastText()
{
    return s_lastText;
}

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    s_lastText = text;
    if (!s_answers.isEmpty())
        return s_answers.takeFirst();
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void MessageBox::critical(QWidget *parent, const QString &title, const QString &text)
{
    s_lastText = text;
    if (!s_answers.isEmpty()) {
        s_answers.takeFirst();
        return;
    }
    QMessageBox::critical(parent, title, text);
}

} // namespace torchscope
