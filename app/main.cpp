#include "heapmemory.h"
#include "language.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>

int main(int argc, char *argv[])
{
    // Before any thread starts: opening a model of 60,000 modules makes a hundred megabytes of small
    // objects, which come faster in huge pages.
    torchscope::preferHugePagesForTheHeap();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Torchscope"));
    QApplication::setApplicationName(QStringLiteral("Torchscope"));
    QApplication::setApplicationVersion(QStringLiteral(TORCHSCOPE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/torchscope.svg")));

    // The language first, so the help text and everything after it is translated.
    QStringList arguments = QApplication::arguments();
    QString languageError;
    if (torchscope::Language::install(torchscope::Language::takeOption(&arguments), &languageError).isEmpty())
        std::fprintf(stderr, "torchscope: %s\n", qPrintable(languageError));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Explore PyTorch checkpoints."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "Checkpoint to open."));
    const QCommandLineOption example(QStringLiteral("example"),
                                     QApplication::translate("main", "Open the built-in example model."));
    parser.addOption(example);
    // Taken out above; listed here for --help.
    parser.addOption(QCommandLineOption(
        QStringLiteral("lang"),
        QApplication::translate("main",
                                "Show Torchscope in this language (e.g. zh_CN, de, en) instead of the "
                                "system's."),
        QStringLiteral("language")));
    parser.process(arguments);

    torchscope::MainWindow window;
    window.show();
    // The window appears at once, welcoming; a file (or the example) loads in the background.
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty())
        window.openFile(files.first());
    else if (parser.isSet(example))
        window.openExampleModel();
    return app.exec();
}
