#include "cli.h"
#include "heapmemory.h"
#include "language.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileDevice>
#include <QTextStream>

#include <cstdio>
#include <cstdlib>
#include <memory>

int main(int argc, char *argv[])
{
    torchscope::preferHugePagesForTheHeap();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    // --lang goes anywhere on the line; the commands never see it.
    bool languageMissing = false;
    const QString language = torchscope::Language::takeOption(&arguments, &languageMissing);
    // Drawing an image needs a GUI application, but never a display.
    std::unique_ptr<QCoreApplication> application;
    if (torchscope::Cli::needsGui(arguments)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("torchscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TORCHSCOPE_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    // Messages and tables follow the system's language, or --lang's; JSON, CSV and files never change.
    QString languageError;
    if (languageMissing)
        languageError = QStringLiteral("--lang needs a language, e.g. zh_CN, de or en");
    else if (torchscope::Language::install(language, &languageError).isEmpty())
        languageError = QStringLiteral("--lang: ") + languageError;
    if (!languageError.isEmpty()) {
        err << "torchscope-cli: " << languageError << "\n";
        return torchscope::Cli::UsageError;
    }
    torchscope::Cli cli(out, err);
    const int code = cli.run(arguments);
    // The streams' files buffer too (JSON is written to them directly), and no destructor runs below.
    for (QTextStream *stream : {&out, &err}) {
        stream->flush();
        if (auto *file = qobject_cast<QFileDevice *>(stream->device()))
            file->flush();
    }
    // Everything is written (files are committed before run returns). Leaving now, past the
    // destructors of what main holds, hands a model's millions of values back to the system at
    // once instead of freeing them one by one, which took a tenth of `info`'s time.
    std::fflush(stdout);
    std::exit(code);
}
