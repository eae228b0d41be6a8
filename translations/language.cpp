#include "language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>
#include <vector>

namespace torchscope::Language {

namespace {
const QString kResourceFolder = QStringLiteral(":/i18n");
const QString kName = QStringLiteral("torchscope");
const QString kPrefix = kName + QLatin1Char('_');

bool isEnglish(const QLocale &locale)
{
    return locale.language() == QLocale::English;
}

// The translators install() put in place; the next install() replaces them.
std::vector<std::unique_ptr<QTranslator>> &installedTranslators()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

// The language of the translation installed ("de" for de_DE), or an empty string when there is none.
QString installTranslator(const QLocale &locale, const QString &fileName, const QString &folder)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(locale, fileName, QStringLiteral("_"), folder))
        return QString();
    QCoreApplication::installTranslator(translator.get());
    QString language = translator->language();
    installedTranslators().push_back(std::move(translator));
    return language;
}

void removeTranslators()
{
    for (const std::unique_ptr<QTranslator> &translator : installedTranslators())
        QCoreApplication::removeTranslator(translator.get());
    installedTranslators().clear();
}

// English has no translation of its own, but its plural forms ("1 tensor", "2 tensors") come from one.
void installEnglishPlurals()
{
    installTranslator(QLocale(QLocale::English), kName, kResourceFolder);
}
} // namespace

QStringList available()
{
    QStringList languages;
    const QStringList files =
        QDir(kResourceFolder).entryList({kPrefix + QStringLiteral("*.qm")}, QDir::Files);
    for (const QString &file : files) {
        const QString name = file.mid(kPrefix.size()).chopped(3);
        if (name != QLatin1String("en"))
            languages << name;
    }
    return languages;
}

QString install(const QString &forced, QString *error)
{
    removeTranslators();
    QLocale locale = QLocale::system();
    QLocale::setDefault(locale);
    if (!forced.isEmpty()) {
        locale = QLocale(forced);
        // QLocale falls back to C for a name it does not know; "en" is English, not unknown.
        const bool known = locale.language() != QLocale::C || forced == QLatin1String("C");
        const bool translated = isEnglish(locale) || locale.language() == QLocale::C ||
                                QTranslator().load(locale, kName, QStringLiteral("_"), kResourceFolder);
        if (!known || !translated) {
            if (error)
                *error = QStringLiteral("no translation for '%1'; available: en, %2")
                             .arg(forced, available().join(QStringLiteral(", ")));
            installEnglishPlurals();
            return QString();
        }
        // Numbers, dates and Qt's own strings follow the forced language too.
        QLocale::setDefault(locale);
    }
    // load(QLocale, ...) tries each of the locale's UI languages in turn (zh_CN, then zh), as Qt's lookup
    // does.
    for (const QString &language : locale.uiLanguages()) {
        const QLocale candidate(language);
        if (isEnglish(candidate) || candidate.language() == QLocale::C)
            break;
        if (QString installed = installTranslator(candidate, kName, kResourceFolder); !installed.isEmpty()) {
            installTranslator(candidate, QStringLiteral("qtbase"),
                              QLibraryInfo::path(QLibraryInfo::TranslationsPath));
            return installed;
        }
    }
    installEnglishPlurals();
    return QStringLiteral("en");
}

QString takeOption(QStringList *arguments, bool *missing)
{
    if (missing)
        *missing = false;
    QString language;
    for (int i = 0; i < arguments->size();) {
        const QString &argument = arguments->at(i);
        if (argument == QLatin1String("--lang")) {
            if (i + 1 >= arguments->size()) {
                if (missing)
                    *missing = true;
                arguments->removeAt(i);
                continue;
            }
            language = arguments->at(i + 1);
            arguments->remove(i, 2);
        } else if (argument.startsWith(QLatin1String("--lang="))) {
            language = argument.mid(7);
            arguments->removeAt(i);
        } else {
            ++i;
        }
    }
    return language;
}

} // namespace torchscope::Language
