#include "document/namepattern.h"

namespace torchscope {

NamePattern::NamePattern(const QString &pattern, Syntax syntax)
{
    switch (syntax) {
    case Syntax::Glob:
        m_regex.setPattern(QRegularExpression::anchoredPattern(globToRegularExpression(pattern)));
        break;
    case Syntax::RegularExpression:
        m_regex.setPattern(QRegularExpression::anchoredPattern(pattern));
        break;
    case Syntax::RegularExpressionSearch:
        m_regex.setPattern(pattern);
        break;
    case Syntax::Substring:
        m_regex.setPattern(QRegularExpression::escape(pattern));
        m_regex.setPatternOptions(QRegularExpression::CaseInsensitiveOption);
        break;
    }
}

QString NamePattern::globToRegularExpression(const QString &glob)
{
    QString out;
    for (int i = 0; i < glob.size(); ++i) {
        const QChar c = glob[i];
        if (c == QLatin1Char('*')) {
            out += QStringLiteral(".*");
        } else if (c == QLatin1Char('?')) {
            out += QLatin1Char('.');
        } else if (c == QLatin1Char('[')) {
            int j = i + 1;
            if (j < glob.size() && glob[j] == QLatin1Char('!'))
                ++j;
            if (j < glob.size() && glob[j] == QLatin1Char(']'))
                ++j;
            while (j < glob.size() && glob[j] != QLatin1Char(']'))
                ++j;
            if (j >= glob.size()) {
                out += QStringLiteral("\\[");
                continue;
            }
            QString set = glob.mid(i + 1, j - i - 1);
            set.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
            if (set.startsWith(QLatin1Char('!')))
                set[0] = QLatin1Char('^');
            else if (set.startsWith(QLatin1Char('^')))
                set.prepend(QLatin1Char('\\'));
            out += QLatin1Char('[') + set + QLatin1Char(']');
            i = j;
        } else {
            out += QRegularExpression::escape(QString(c));
        }
    }
    return out;
}

} // namespace torchscope
