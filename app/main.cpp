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
    parser.process(app);

    torchscope::MainWindow window;
    window.show();
    // The window appears at once; the file (or the example) loads in the background.
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        window.openExampleModel();
    else
        window.openFile(files.first());
    return app.exec();
}
