#pragma once

#include <QRegularExpression>
#include <QString>

namespace torchscope {

// A pattern over parameter names, the one place that says what each syntax means. Globs follow
// Python's fnmatch: '*' and '?' also match dots, '[...]' is a character class, and the whole name
// must match; besides, `{0..23}` matches any whole number from 0 to 23 (at most 100,000 of them), so
// `model.layers.{0..23}.*` is the lower 24 blocks. RegularExpression matches whole names too (as
// freeze-by-pattern and the CLI use it); RegularExpressionSearch and Substring find a match anywhere in a
// name (as the table filter does), Substring ignoring case.
class NamePattern
{
public:
    enum class Syntax { Glob, RegularExpression, RegularExpressionSearch, Substring };

    explicit NamePattern(const QString &pattern, Syntax syntax = Syntax::Glob);

    bool isValid() const { return m_regex.isValid(); }
    QString errorString() const { return m_regex.errorString(); }
    bool matches(const QString &name) const { return m_regex.match(name).hasMatch(); }
    const QRegularExpression &regularExpression() const { return m_regex; }

    static QString globToRegularExpression(const QString &glob);

private:
    QRegularExpression m_regex;
};

} // namespace torchscope
