#include "cli.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("torchscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TORCHSCOPE_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    torchscope::Cli cli(out, err);
    const int code = cli.run(QCoreApplication::arguments());
    out.flush();
    err.flush();
    return code;
}
