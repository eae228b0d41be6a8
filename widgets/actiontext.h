#pragma once

#include <QRegularExpression>
#include <QString>

namespace torchscope {

// An action's or menu's words without its mnemonic and trailing ellipsis, as a button, a list or a
// sentence shows them: "&Open…" -> "Open", "文件(&F)" -> "文件". Qt drops "&" and "..." itself in some
// places, but not a Chinese menu's "(&F)" nor "…".
inline QString actionWords(QString text)
{
    static const QRegularExpression mnemonic(QStringLiteral("\\(&\\w\\)|&"),
                                             QRegularExpression::UseUnicodePropertiesOption);
    text.remove(mnemonic);
    text = text.trimmed();
    while (text.endsWith(u'…') || text.endsWith(u'.'))
        text.chop(1);
    return text;
}

} // namespace torchscope
