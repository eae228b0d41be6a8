#include "document/namepattern.h"

#include <QStringList>

#include <utility>

namespace torchscope {

namespace {
constexpr qint64 kMaxRangeValues = 100000;

// `{a..b}` at glob[*at]: appends a group matching any whole number from a to b (a maximal run of
// digits, so {0..3} does not match the 1 of 12) and moves *at to the closing brace. Returns false,
// leaving both alone, when the brace does not start a range.
bool appendNumericRange(const QString &glob, int *at, QString *out)
{
    static const QRegularExpression range(QStringLiteral("\\{(\\d{1,9})\\.\\.(\\d{1,9})\\}"));
    const QRegularExpressionMatch match = range.match(glob, *at, QRegularExpression::NormalMatch,
                                                      QRegularExpression::AnchorAtOffsetMatchOption);
    if (!match.hasMatch())
        return false;
    qint64 low = match.captured(1).toLongLong(), high = match.captured(2).toLongLong();
    if (low > high)
        std::swap(low, high);
    if (high - low >= kMaxRangeValues)
        return false;
    QStringList numbers;
    for (qint64 n = high; n >= low; --n)
        numbers << QString::number(n);
    *out += QStringLiteral("(?<![0-9])(?:") + numbers.join(QLatin1Char('|')) + QStringLiteral(")(?![0-9])");
    *at = int(match.capturedEnd()) - 1;
    return true;
}
} // namespace

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
        } else if (c == QLatin1Char('{') && appendNumericRange(glob, &i, &out)) {
            continue;
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
