// The window in each language: menus, dialogs and the status bar show translated text, and nothing is cut
// off at the default size. Run under Xvfb with the Noto CJK fonts (ctest does), each screen is also saved
// as a PNG to look at (TORCHSCOPE_SCREENSHOTS, or screenshots/ in the build folder).
#include "comparewindow.h"
#include "document/checkpointdocument.h"
#include "document/examplemodel.h"
#include "document/savejob.h"
#include "filedialog.h"
#include "formats/checkpointreader.h"
#include "freezeblocksdialog.h"
#include "freezepatterndialog.h"
#include "itemmodels/diffmodels.h"
#include "itemmodels/healthreportmodel.h"
#include "language.h"
#include "loadweightsdialog.h"
#include "mainwindow.h"
#include "reportwindow.h"
#include "saveasdialog.h"
#include "testsupport.h"
#include "welcomepage.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QXmlStreamReader>

#include <functional>
#include <memory>

using namespace torchscope;

namespace {

// What a user reads, without markup, mnemonics or the trailing "…" and ":" that menus and forms add.
QString normalized(QString text)
{
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    static const QRegularExpression mnemonic(QStringLiteral("\\(&\\w\\)|&(?=\\w)"),
                                             QRegularExpression::UseUnicodePropertiesOption);
    text.remove(tags).remove(mnemonic);
    text = text.trimmed();
    while (text.endsWith(u'…') || text.endsWith(u':') || text.endsWith(u'：'))
        text.chop(1);
    return text.trimmed();
}

// English sources whose translation in `ts` reads differently: seeing one of these on screen means a
// string escaped tr().
QSet<QString> translatedEnglish(const QString &ts)
{
    QSet<QString> english;
    QFile file(ts);
    if (!file.open(QIODevice::ReadOnly))
        return english;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            const QString key = normalized(source);
            // Only whole words count: "%1 (%2)" and the like are shapes, not English.
            if (normalized(translation) != key && !key.contains(u'%') && key.size() > 2)
                english.insert(key);
        }
    }
    return english;
}

// Every text a user sees in `top`, with where it is.
QList<QPair<QString, QString>> shownTexts(QWidget *top)
{
    QList<QPair<QString, QString>> texts;
    QList<QWidget *> widgets = top->findChildren<QWidget *>();
    widgets.prepend(top);
    for (QWidget *widget : std::as_const(widgets)) {
        if (!widget->isVisible())
            continue;
        const QString where =
            QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName();
        if (widget->isWindow())
            texts.append({widget->windowTitle(), where + QStringLiteral(" title")});
        if (auto *label = qobject_cast<QLabel *>(widget))
            texts.append({label->text(), where});
        else if (auto *button = qobject_cast<QAbstractButton *>(widget))
            texts.append({button->text(), where});
        else if (auto *edit = qobject_cast<QLineEdit *>(widget))
            texts.append({edit->placeholderText(), where + QStringLiteral(" placeholder")});
        else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i)
                texts.append({combo->itemText(i), where + QStringLiteral(" item")});
        } else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                texts.append({tabs->tabText(i), where + QStringLiteral(" tab")});
        } else if (auto *header = qobject_cast<QHeaderView *>(widget); header && header->model()) {
            for (int i = 0; i < header->count(); ++i)
                texts.append({header->model()->headerData(i, header->orientation()).toString(),
                              where + QStringLiteral(" header")});
        }
    }
    // Menus, with everything in them, shown or not.
    std::function<void(const QList<QAction *> &, const QString &)> walk = [&](const QList<QAction *> &actions,
                                                                              const QString &path) {
        for (QAction *action : actions) {
            if (action->isSeparator())
                continue;
            texts.append({action->text(), path + QStringLiteral(" > ") + action->text()});
            if (QMenu *menu = action->menu())
                walk(menu->actions(), path + QStringLiteral(" > ") + action->text());
        }
    };
    for (QMenuBar *bar : top->findChildren<QMenuBar *>())
        walk(bar->actions(), QStringLiteral("menu"));
    return texts;
}

// Widgets whose text does not fit: a label, button or combo box narrower than its text needs, a header
// section narrower than its title, a menu title past the menu bar's end, a toolbar that had to fold.
QStringList cutOff(QWidget *top)
{
    QStringList problems;
    QList<QWidget *> widgets = top->findChildren<QWidget *>();
    for (QWidget *widget : std::as_const(widgets)) {
        if (!widget->isVisible() || widget->window() != top)
            continue;
        const QString where =
            QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName();
        auto tooNarrow = [&](const QString &text, int needed) {
            if (widget->width() < needed)
                problems << QStringLiteral("%1 \"%2\": %3 px wide, needs %4")
                                .arg(where, text)
                                .arg(widget->width())
                                .arg(needed);
        };
        if (auto *label = qobject_cast<QLabel *>(widget)) {
            if (!label->wordWrap() && !label->text().isEmpty())
                tooNarrow(label->text(), label->minimumSizeHint().width());
        } else if (auto *tool = qobject_cast<QToolButton *>(widget)) {
            if (tool->toolButtonStyle() != Qt::ToolButtonIconOnly && !tool->text().isEmpty() &&
                !tool->objectName().startsWith(QLatin1String("qt_")))
                tooNarrow(tool->text(), tool->sizeHint().width());
        } else if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            if (!button->text().isEmpty())
                tooNarrow(button->text(), button->sizeHint().width());
        } else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            // The current text against the field the style draws it in.
            QStyleOptionComboBox option;
            option.initFrom(combo);
            option.editable = combo->isEditable();
            const QRect field = combo->style()->subControlRect(QStyle::CC_ComboBox, &option,
                                                               QStyle::SC_ComboBoxEditField, combo);
            // The ink, not the advance: a full-width "）" ends in blank space that may be clipped unseen.
            const int text = combo->fontMetrics().boundingRect(combo->currentText()).right() + 1;
            if (field.width() < text)
                problems << QStringLiteral("%1 \"%2\": a field of %3 px for %4 px of text")
                                .arg(where, combo->currentText())
                                .arg(field.width())
                                .arg(text);
        } else if (auto *header = qobject_cast<QHeaderView *>(widget); header && header->model()) {
            for (int i = 0; i < header->count(); ++i) {
                if (header->isSectionHidden(i) || header->orientation() != Qt::Horizontal)
                    continue;
                // As the style draws a section's title: elided to the section less its margins.
                const QString title = header->model()->headerData(i, Qt::Horizontal).toString();
                const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
                const QString drawn = header->fontMetrics().elidedText(title, Qt::ElideRight,
                                                                       header->sectionSize(i) - 2 * margin);
                if (drawn != title && header->sectionViewportPosition(i) < header->width())
                    problems << QStringLiteral("%1 column \"%2\" shows \"%3\" (%4 px wide)")
                                    .arg(where, title, drawn)
                                    .arg(header->sectionSize(i));
            }
        } else if (auto *bar = qobject_cast<QMenuBar *>(widget)) {
            for (QAction *action : bar->actions()) {
                if (bar->actionGeometry(action).right() >= bar->width())
                    problems << QStringLiteral("menu \"%1\" lies past the end of the menu bar")
                                    .arg(action->text());
            }
        } else if (auto *toolBar = qobject_cast<QToolBar *>(widget)) {
            if (auto *extension = toolBar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"));
                extension && extension->isVisible())
                problems
                    << QStringLiteral("toolbar %1 folds some of its buttons away").arg(toolBar->objectName());
        }
    }
    return problems;
}

} // namespace

class TestTranslatedGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void windowInEachLanguage_data();
    void windowInEachLanguage();
    void executableTakesLangFromTheCommandLine_data();
    void executableTakesLangFromTheCommandLine();

private:
    // Fails on any English that has a translation, and on anything cut off; saves a screenshot.
    void check(QWidget *top, const QString &name);
    // The same for a window just shown, which is closed afterwards.
    void checkWindow(QWidget *window, const QString &name);

    QString m_language;
    QSet<QString> m_english;
    QDir m_screenshots;
    QTemporaryDir m_dir;
    QString m_model;   // the example as TorchScript
    QString m_weights; // and as a state_dict
};

void TestTranslatedGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings in a test folder, never the user's
    QString folder = qEnvironmentVariable("TORCHSCOPE_SCREENSHOTS");
    if (folder.isEmpty())
        folder = QStringLiteral(TORCHSCOPE_SCREENSHOT_DIR);
    QVERIFY(QDir().mkpath(folder));
    m_screenshots = QDir(folder);
    // Without a CJK font every Chinese character is the same box, and no width check means anything.
    QVERIFY2(!QFontDatabase::families(QFontDatabase::SimplifiedChinese).isEmpty(),
             "no font for Simplified Chinese: install fonts-noto-cjk");
    // The example as files, for the windows that compare and load them.
    QVERIFY(m_dir.isValid());
    m_model = m_dir.filePath(QStringLiteral("cnn.pt"));
    m_weights = m_dir.filePath(QStringLiteral("weights.pt"));
    CheckpointContent content;
    QString error;
    QVERIFY2(readExampleModel(&content, &error), qPrintable(error));
    const CheckpointDocument example(std::move(content));
    for (const auto &[path, mode] :
         {std::pair{m_model, SaveMode::EntireModel}, std::pair{m_weights, SaveMode::WeightsOnly}}) {
        auto job = SaveJob::prepare(example, {path, mode, QString()}, &error);
        QVERIFY2(job && job->run(Progress(), &error), qPrintable(error));
    }
}

void TestTranslatedGui::cleanup()
{
    Language::install(QStringLiteral("en"));
}

void TestTranslatedGui::check(QWidget *top, const QString &name)
{
    QTest::qWait(50); // let layouts settle
    const QString shot = m_screenshots.filePath(m_language + u'-' + name + QStringLiteral(".png"));
    QVERIFY(top->grab().save(shot));
    QStringList untranslated;
    for (const auto &[text, where] : shownTexts(top)) {
        if (m_english.contains(normalized(text)))
            untranslated << QStringLiteral("%1: \"%2\"").arg(where, text);
    }
    QVERIFY2(untranslated.isEmpty(), qPrintable(QStringLiteral("English left in %1 (%2):\n").arg(name, shot) +
                                                untranslated.join(u'\n')));
    // A window opens inside the screen it opens on (Xvfb's is 1280x800, a small laptop's).
    if (top->isWindow() && top->screen()) {
        const QRect screen = top->screen()->availableGeometry();
        QVERIFY2(screen.contains(top->frameGeometry()),
                 qPrintable(QStringLiteral("%1 (%2x%3 at %4,%5) runs past the screen (%6x%7)")
                                .arg(name)
                                .arg(top->frameGeometry().width())
                                .arg(top->frameGeometry().height())
                                .arg(top->frameGeometry().x())
                                .arg(top->frameGeometry().y())
                                .arg(screen.width())
                                .arg(screen.height())));
    }
    const QStringList problems = cutOff(top);
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("cut off in %1 (%2):\n").arg(name, shot) + problems.join(u'\n')));
}

void TestTranslatedGui::checkWindow(QWidget *window, const QString &name)
{
    QVERIFY(QTest::qWaitForWindowExposed(window));
    TORCHSCOPE_HELPER(check(window, name));
    window->close();
}

void TestTranslatedGui::windowInEachLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("fileMenu");
    QTest::addColumn<QString>("totalsStart");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("文件(&F)")
                           << QStringLiteral("参数总数");
    QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("&Datei")
                        << QStringLiteral("Parameter gesamt");
    // English too: the words are the source's, but cut-off text and windows past the screen are not.
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("&File") << QStringLiteral("Total params");
}

void TestTranslatedGui::windowInEachLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, fileMenu);
    QFETCH(QString, totalsStart);
    QSettings().clear();
    m_language = language;
    QCOMPARE(Language::install(language), language);
    m_english =
        language == QLatin1String("en")
            ? QSet<QString>()
            : translatedEnglish(
                  QStringLiteral(TORCHSCOPE_SOURCE_DIR "/translations/torchscope_%1.ts").arg(language));
    QVERIFY(language == QLatin1String("en") || m_english.size() > 300);

    // The welcoming window, before any file.
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.menuBar()->actions().first()->text(), fileMenu);
    QVERIFY(window.findChild<WelcomePage *>(QStringLiteral("welcomePage"))->isVisible());
    TORCHSCOPE_HELPER(check(&window, QStringLiteral("welcome")));

    // The example model, a tensor chosen so the histogram shows, and the status bar's totals.
    QSignalSpy loaded(&window, &MainWindow::documentLoaded);
    window.openFile(m_model);
    QVERIFY(loaded.wait(60000));
    auto *table = window.findChild<QTableView *>(QStringLiteral("parameterTable"));
    QVERIFY(table);
    const QModelIndex first = table->model()->index(0, 0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, table->visualRect(first).center());
    auto *totals = window.statusBar()->findChild<QLabel *>();
    QVERIFY(totals);
    QTRY_VERIFY2(totals->text().startsWith(totalsStart), qPrintable(totals->text()));
    QTest::qWait(500); // the histogram arrives from its job
    TORCHSCOPE_HELPER(check(&window, QStringLiteral("window")));
    // The other tabs below the table: the values grid and the spectrum.
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("tensorTabs"));
    QVERIFY(tabs);
    for (int tab = 1; tab < tabs->count(); ++tab) {
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, Qt::NoModifier,
                          tabs->tabBar()->tabRect(tab).center());
        QTest::qWait(300);
        TORCHSCOPE_HELPER(check(&window, QStringLiteral("window-tab%1").arg(tab)));
    }

    // Menus open as a user opens them.
    for (QAction *action : window.menuBar()->actions()) {
        QMenu *menu = action->menu();
        menu->popup(window.mapToGlobal(window.menuBar()->actionGeometry(action).bottomLeft()));
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        QStringList clipped;
        for (QAction *item : menu->actions()) {
            if (!item->isSeparator() && menu->actionGeometry(item).right() > menu->width())
                clipped << item->text();
        }
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(u'\n')));
        menu->grab().save(m_screenshots.filePath(language + QStringLiteral("-menu-") +
                                                 QString(action->text()).remove(u'&') +
                                                 QStringLiteral(".png")));
        menu->hide();
    }

    // The dialogs a user meets first, at the size they open with.
    SaveAsDialog saveAs(window.document(), &window);
    saveAs.show();
    TORCHSCOPE_HELPER(checkWindow(&saveAs, QStringLiteral("save-as")));

    FreezePatternDialog pattern(window.document(), &window);
    pattern.show();
    TORCHSCOPE_HELPER(checkWindow(&pattern, QStringLiteral("freeze-by-pattern")));

    const ModuleNode *blocks = window.document()->findModule(QStringLiteral("sequential"));
    QVERIFY(blocks);
    FreezeBlocksDialog freezeBlocks(window.document(), blocks, &window);
    freezeBlocks.show();
    TORCHSCOPE_HELPER(checkWindow(&freezeBlocks, QStringLiteral("freeze-blocks")));

    WeightsFile weights;
    QString error;
    QVERIFY2(readWeightsFile(m_weights, window.document()->tensors(), Progress(), &weights, &error),
             qPrintable(error));
    LoadWeightsDialog loadWeights(window.document(), std::move(weights), &window);
    loadWeights.show();
    TORCHSCOPE_HELPER(checkWindow(&loadWeights, QStringLiteral("load-weights")));

    // The windows beside the main one: the comparison and the model report.
    FileDialog::setNextFileName(m_weights);
    window.findChild<QAction *>(QStringLiteral("compareWithAction"))->trigger();
    auto *compare = window.findChild<CompareWindow *>(QStringLiteral("compareWindow"));
    QVERIFY(compare);
    QSignalSpy compared(compare, &CompareWindow::comparisonFinished);
    QVERIFY(compared.wait(60000));
    // What answers "what changed" is in view without scrolling: name, status, rel. change, cosine and
    // max |a-b|; the rest is a scroll away.
    auto *diffTable = compare->findChild<QTableView *>(QStringLiteral("diffTable"));
    QVERIFY(diffTable);
    QTest::qWait(50);
    for (const int column :
         {DiffTableModel::NameColumn, DiffTableModel::StatusColumn, DiffTableModel::RelL2Column,
          DiffTableModel::CosineColumn, DiffTableModel::MaxAbsColumn}) {
        const QHeaderView *header = diffTable->horizontalHeader();
        const int left = header->sectionViewportPosition(column);
        QVERIFY2(!header->isSectionHidden(column) && left >= 0 &&
                     left + header->sectionSize(column) <= diffTable->viewport()->width(),
                 qPrintable(diffTable->model()->headerData(column, Qt::Horizontal).toString()));
    }
    TORCHSCOPE_HELPER(checkWindow(compare, QStringLiteral("compare")));

    window.findChild<QAction *>(QStringLiteral("modelReportAction"))->trigger();
    auto *report = window.findChild<ReportWindow *>(QStringLiteral("reportWindow"));
    QVERIFY(report);
    auto *reportTable = report->findChild<QTableView *>(QStringLiteral("reportTable"));
    QTRY_VERIFY_WITH_TIMEOUT(reportTable->model()->rowCount() > 0, 30000);
    // Every column reachable: in view, or a scroll away; the name and the flags in view.
    {
        const QHeaderView *header = reportTable->horizontalHeader();
        int width = 0;
        for (int column = 0; column < header->count(); ++column)
            width += header->sectionSize(column);
        QVERIFY(width <= reportTable->viewport()->width() ||
                reportTable->horizontalScrollBar()->maximum() > 0);
        for (const int column : {HealthReportModel::NameColumn, HealthReportModel::FlagsColumn}) {
            const int left = header->sectionViewportPosition(column);
            QVERIFY2(left >= 0 && left < reportTable->viewport()->width(),
                     qPrintable(reportTable->model()->headerData(column, Qt::Horizontal).toString()));
        }
    }
    TORCHSCOPE_HELPER(checkWindow(report, QStringLiteral("report")));

    // Help's pages.
    for (const char *action : {"quickStartAction", "shortcutsAction"}) {
        window.findChild<QAction *>(QLatin1String(action))->trigger();
        const QString name = QLatin1String(action).chopped(6) + QStringLiteral("Dialog");
        auto *dialog = window.findChild<QDialog *>(name);
        QVERIFY2(dialog, qPrintable(name));
        TORCHSCOPE_HELPER(checkWindow(dialog, name));
    }

    window.findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
    auto *about = window.findChild<QMessageBox *>(QStringLiteral("aboutBox"));
    QVERIFY(about);
    TORCHSCOPE_HELPER(checkWindow(about, QStringLiteral("about")));
    window.document()->undoStack()->setClean();
}

void TestTranslatedGui::executableTakesLangFromTheCommandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("said");   // in --help, on stdout
    QTest::addColumn<QString>("warned"); // on stderr
    QTest::newRow("zh_CN") << QStringList{QStringLiteral("--lang"), QStringLiteral("zh_CN")}
                           << QStringLiteral("打开内置的示例模型。") << QString();
    QTest::newRow("de") << QStringList{QStringLiteral("--lang=de")}
                        << QStringLiteral("Das eingebaute Beispielmodell öffnen.") << QString();
    QTest::newRow("a language without a translation")
        << QStringList{QStringLiteral("--lang"), QStringLiteral("zz")}
        << QStringLiteral("Open the built-in example model.") << QStringLiteral("no translation for 'zz'");
}

// The installed program, started as a user starts it: --lang chooses the language of everything after
// it, --help included, whatever the system's.
void TestTranslatedGui::executableTakesLangFromTheCommandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, said);
    QFETCH(QString, warned);
    QProcess gui;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    gui.setProcessEnvironment(environment);
    gui.start(QStringLiteral(TORCHSCOPE_GUI), arguments + QStringList{QStringLiteral("--help")});
    QVERIFY(gui.waitForFinished(30000));
    QCOMPARE(gui.exitCode(), 0);
    const QString out = QString::fromUtf8(gui.readAllStandardOutput());
    const QString err = QString::fromUtf8(gui.readAllStandardError());
    QVERIFY2(out.contains(said), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("--lang")), qPrintable(out));
    if (!warned.isEmpty())
        QVERIFY2(err.contains(warned), qPrintable(err));
}

QTEST_MAIN(TestTranslatedGui)
#include "tst_translatedgui.moc"
