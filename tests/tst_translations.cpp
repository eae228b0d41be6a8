// The translations are complete and in step with the sources: lupdate reads the sources afresh, and every
// string it finds must have a finished translation in each language, with the same placeholders and a
// keyboard mnemonic where the English has one. Then the embedded translations must reach the running
// program, --lang and the system locale choosing among them.
#include "language.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace torchscope;

namespace {

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    QString type;             // "unfinished", "vanished", "obsolete" or empty when finished
    QStringList translations; // one, or one per plural form
};

QString keyOf(const QString &context, const QString &source)
{
    return context + QChar(4) + source;
}

// The messages of a Qt Linguist file, by context and source.
QHash<QString, Message> readTsFile(const QString &path, QString *language, QString *error)
{
    QHash<QString, Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message") && inMessage) {
            messages.insert(keyOf(message.context, message.source), message);
            inMessage = false;
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message{};
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            inMessage = true;
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus)
                message.translations << xml.readElementText();
        } else if (name == QLatin1String("numerusform")) {
            message.translations << xml.readElementText();
        }
    }
    if (xml.hasError())
        *error = path + QStringLiteral(": ") + xml.errorString();
    return messages;
}

// %1..%99 and %n, as a set: a translation may reorder them but never drop or invent one.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(?:n|L?\\d{1,2})"));
    QSet<QString> found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    QStringList sorted(found.begin(), found.end());
    sorted.sort();
    return sorted;
}

// A keyboard mnemonic: "&" before a letter, not "&&".
bool hasMnemonic(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("(?<!&)&(?!&)\\w"),
                                            QRegularExpression::UseUnicodePropertiesOption);
    return pattern.match(text).hasMatch();
}

// Plural forms per language, as Qt's plural rules have them.
int pluralForms(const QString &language)
{
    return language.startsWith(QLatin1String("zh")) ? 1 : 2;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyStringIsTranslated_data();
    void everyStringIsTranslated();
    void englishPluralsAreComplete();
    void installFollowsTheForcedLanguage_data();
    void installFollowsTheForcedLanguage();
    void installFollowsTheSystemLocale();
    void unknownLanguageIsRefused();
    void langOptionIsTakenFromAnywhere();

private:
    QTemporaryDir m_dir;
    QHash<QString, Message> m_extracted; // what the sources hold now
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString ts = m_dir.filePath(QStringLiteral("extracted.ts"));
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(TORCHSCOPE_SOURCE_DIR));
    lupdate.start(QStringLiteral(TORCHSCOPE_LUPDATE),
                  {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral("app"), QStringLiteral("model"), QStringLiteral("widgets"),
                   QStringLiteral("-ts"), ts});
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
    QString language, error;
    m_extracted = readTsFile(ts, &language, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Hundreds of strings: a broken extraction (wrong folder, a parser change) must not pass as "all done".
    QVERIFY2(m_extracted.size() > 500, qPrintable(QString::number(m_extracted.size())));
}

void TestTranslations::everyStringIsTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("Simplified Chinese") << QStringLiteral("zh_CN");
    QTest::newRow("German") << QStringLiteral("de");
}

void TestTranslations::everyStringIsTranslated()
{
    QFETCH(QString, language);
    const QString path = QStringLiteral(TORCHSCOPE_SOURCE_DIR "/translations/torchscope_%1.ts").arg(language);
    QString fileLanguage, error;
    const QHash<QString, Message> committed = readTsFile(path, &fileLanguage, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(fileLanguage, language);

    QStringList problems;
    for (const Message &wanted : std::as_const(m_extracted)) {
        const QString where = wanted.context + QStringLiteral(": \"") + wanted.source + QLatin1Char('"');
        const auto it = committed.constFind(keyOf(wanted.context, wanted.source));
        if (it == committed.constEnd()) {
            problems << QStringLiteral("missing (run scripts/update-translations.sh) ") + where;
            continue;
        }
        const Message &have = *it;
        if (!have.type.isEmpty()) {
            problems << have.type + QLatin1Char(' ') + where;
            continue;
        }
        const int forms = wanted.numerus ? pluralForms(language) : 1;
        if (have.translations.size() != forms) {
            problems << QStringLiteral("%1 forms instead of %2: ").arg(have.translations.size()).arg(forms) +
                            where;
            continue;
        }
        for (const QString &translation : have.translations) {
            if (translation.trimmed().isEmpty() && !wanted.source.trimmed().isEmpty())
                problems << QStringLiteral("empty translation ") + where;
            else if (placeholders(translation) != placeholders(wanted.source))
                problems << QStringLiteral("placeholders %1 in \"%2\" for ")
                                    .arg(placeholders(translation).join(u' '), translation) +
                                where;
            else if (hasMnemonic(wanted.source) && !hasMnemonic(translation))
                problems << QStringLiteral("no keyboard mnemonic in \"%1\" for ").arg(translation) + where;
        }
    }
    // Strings the sources no longer have: the file was not refreshed.
    for (const Message &have : committed) {
        if (!m_extracted.contains(keyOf(have.context, have.source)))
            problems << QStringLiteral("no longer in the sources (run scripts/update-translations.sh): ") +
                            have.context + QStringLiteral(": \"") + have.source + QLatin1Char('"');
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QString::number(problems.size()) + QStringLiteral(" problems:\n") +
                        problems.mid(0, 40).join(u'\n')));
}

// English is the source language, but "1 tensors" is not English: each plural message has its two forms.
void TestTranslations::englishPluralsAreComplete()
{
    QString language, error;
    const QHash<QString, Message> english =
        readTsFile(QStringLiteral(TORCHSCOPE_SOURCE_DIR "/translations/torchscope_en.ts"), &language, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems;
    for (const Message &wanted : std::as_const(m_extracted)) {
        if (!wanted.numerus)
            continue;
        const Message have = english.value(keyOf(wanted.context, wanted.source));
        if (have.translations.size() != 2 || !have.type.isEmpty() || have.translations.contains(QString()))
            problems << wanted.context + QStringLiteral(": ") + wanted.source;
        else if (have.translations.at(1).contains(QLatin1String("(s)")))
            problems << QStringLiteral("plural still says (s): ") + wanted.source;
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestTranslations::installFollowsTheForcedLanguage_data()
{
    QTest::addColumn<QString>("forced");
    QTest::addColumn<QString>("installed");
    QTest::addColumn<QString>("fileMenu");
    QTest::addColumn<QString>("oneTensor");
    QTest::addColumn<QString>("twoTensors");
    QTest::newRow("zh_CN") << "zh_CN"
                           << "zh_CN" << QStringLiteral("文件(&F)")
                           << QStringLiteral("已从 a.pt 加载 1 个张量")
                           << QStringLiteral("已从 a.pt 加载 2 个张量");
    QTest::newRow("de_DE finds de") << "de_DE"
                                    << "de" << QStringLiteral("&Datei")
                                    << QStringLiteral("1 Tensor aus a.pt geladen")
                                    << QStringLiteral("2 Tensoren aus a.pt geladen");
    QTest::newRow("en") << "en"
                        << "en" << QStringLiteral("&File") << QStringLiteral("Loaded 1 tensor from a.pt")
                        << QStringLiteral("Loaded 2 tensors from a.pt");
}

// The embedded .qm files reach tr(), plural forms included, and a later install replaces an earlier one.
void TestTranslations::installFollowsTheForcedLanguage()
{
    QFETCH(QString, forced);
    QFETCH(QString, installed);
    QFETCH(QString, fileMenu);
    QFETCH(QString, oneTensor);
    QFETCH(QString, twoTensors);
    QString error;
    QCOMPARE(Language::install(forced, &error), installed);
    QVERIFY(error.isEmpty());
    QCOMPARE(QCoreApplication::translate("torchscope::MainActions", "&File"), fileMenu);
    const char *loaded = "Loaded %n tensors from %1";
    QCOMPARE(
        QCoreApplication::translate("torchscope::MainWindow", loaded, nullptr, 1).arg(QStringLiteral("a.pt")),
        oneTensor);
    QCOMPARE(
        QCoreApplication::translate("torchscope::MainWindow", loaded, nullptr, 2).arg(QStringLiteral("a.pt")),
        twoTensors);
}

void TestTranslations::installFollowsTheSystemLocale()
{
    // Without --lang the system's UI languages decide; the C locale of the test environment is English.
    QCOMPARE(Language::install(QString()), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("torchscope::MainActions", "&File"), QStringLiteral("&File"));
    QStringList available = Language::available();
    available.sort();
    QCOMPARE(available, (QStringList{QStringLiteral("de"), QStringLiteral("zh_CN")}));
}

void TestTranslations::unknownLanguageIsRefused()
{
    QString error;
    QVERIFY(Language::install(QStringLiteral("zz"), &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("zz")) && error.contains(QLatin1String("zh_CN")),
             qPrintable(error));
    // English stays, plurals and all.
    QCOMPARE(QCoreApplication::translate("torchscope::MainWindow", "Loaded %n tensors from %1", nullptr, 2),
             QStringLiteral("Loaded 2 tensors from %1"));
}

void TestTranslations::langOptionIsTakenFromAnywhere()
{
    QStringList arguments{QStringLiteral("torchscope-cli"), QStringLiteral("info"), QStringLiteral("--lang"),
                          QStringLiteral("de"), QStringLiteral("a.pt")};
    QCOMPARE(Language::takeOption(&arguments), QStringLiteral("de"));
    QCOMPARE(arguments,
             (QStringList{QStringLiteral("torchscope-cli"), QStringLiteral("info"), QStringLiteral("a.pt")}));
    arguments = {QStringLiteral("torchscope"), QStringLiteral("--lang=zh_CN")};
    QCOMPARE(Language::takeOption(&arguments), QStringLiteral("zh_CN"));
    QCOMPARE(arguments, QStringList{QStringLiteral("torchscope")});
    bool missing = false;
    arguments = {QStringLiteral("torchscope-cli"), QStringLiteral("--lang")};
    QVERIFY(Language::takeOption(&arguments, &missing).isEmpty());
    QVERIFY(missing);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
