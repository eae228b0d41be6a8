#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <memory>

class QJsonObject;
class QTextStream;

namespace torchscope {

class CheckpointDocument;

// torchscope-cli: `info`, `export`, `example`, `hist`, `diff`, `values`, `stats`, `load-weights`. Exit codes:
// 0 success, 1 a file that cannot be read or written (one line on stderr), 2 a usage error, 3 `diff` found
// differences.
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    enum ExitCode { Success = 0, FileError = 1, UsageError = 2, Different = 3 };

    Cli(QTextStream &out, QTextStream &err);
    ~Cli();
    int run(const QStringList &arguments);
    // Whether these arguments draw an image, which needs a QApplication rather than a QCoreApplication.
    static bool needsGui(const QStringList &arguments);

private:
    // Each subcommand parses its arguments into typed options (clioptions.h), then runs.
    int info(const QStringList &arguments);
    int exportCheckpoint(const QStringList &arguments);
    int example(const QStringList &arguments);
    int histogram(const QStringList &arguments);
    int diff(const QStringList &arguments);
    int values(const QStringList &arguments);
    int stats(const QStringList &arguments);
    int loadWeights(const QStringList &arguments);
    int scan(const QStringList &arguments);
    int usage(const QString &message);
    int fileError(const QString &message);
    void printHelp();
    void writeJson(const QJsonObject &object);

    QTextStream &m_out;
    QTextStream &m_err;
    // The document `info` read, left for the process's exit to free (see main).
    std::unique_ptr<CheckpointDocument> m_document;
};

} // namespace torchscope
