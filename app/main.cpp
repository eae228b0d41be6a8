#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Torchscope"));
    QApplication::setApplicationName(QStringLiteral("Torchscope"));
    QApplication::setApplicationVersion(QStringLiteral(TORCHSCOPE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/torchscope.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Explore PyTorch checkpoints."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "Checkpoint to open."));
    const QCommandLineOption example(QStringLiteral("example"),
                                     QApplication::translate("main", "Open the built-in example model."));
    parser.addOption(example);
    parser.process(app);

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
