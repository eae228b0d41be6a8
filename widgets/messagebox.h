#pragma once

#include <QMessageBox>

namespace torchscope {

// Message boxes go through here so that tests can answer them in advance and read what was said.
class MessageBox
{
public:
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);
    static void critical(QWidget *parent, const QString &title, const QString &text);

    // The next message box returns `button` at once instead of showing.
    static void setNextAnswer(QMessageBox::StandardButton button);
    // Text of the last message box shown or answered.
    static QString lastText();

private:
    static QList<QMessageBox::StandardButton> s_answers;
    static QString s_lastText;
};

} // namespace torchscope
