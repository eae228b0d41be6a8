#pragma once

#include <QRegularExpression>
#include <QString>

namespace torchscope {

// A pattern over parameter names. Globs follow Python's fnmatch: '*' and '?' also match dots,
// '[...]' is a character class, and the whole name must match.
class NamePattern
{
public:
    enum class Syntax { Glob, RegularExpression };

    explicit NamePattern(const QString &pattern, Syntax syntax = Syntax::Glob);

    bool isValid() const { return m_regex.isValid(); }
    QString errorString() const { return m_regex.errorString(); }
    bool matches(const QString &name) const { return m_regex.match(name).hasMatch(); }

    static QString globToRegularExpression(const QString &glob);

private:
    QRegularExpression m_regex;
};

} // namespace torchscope
