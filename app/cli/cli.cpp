#include "cli.h"

#include "document/checkpointdocument.h"
#include "formats/checkpointreader.h"
#include "document/examplemodel.h"
#include "document/savejob.h"
#include "document/freezeplan.h"
#include "stats/histogramkernel.h"
#include "plot/histogramplot.h"
#include "document/namepattern.h"
#include "stats/tensorstats.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <functional>

namespace torchscope {

namespace {
// Takes "--name VALUE" or "--name=VALUE" at position i; returns false if the value is missing.
bool takeValue(QStringList &args, int i, const QString &name, QString *value)
{
    const QString arg = args[i];
    if (arg.startsWith(name + QLatin1Char('='))) {
        *value = arg.mid(name.size() + 1);
        args.removeAt(i);
        return true;
    }
    if (i + 1 >= args.size())
        return false;
    *value = args[i + 1];
    args.remove(i, 2);
    return true;
}

bool isOption(const QString &arg, const QString &name)
{
    return arg == name || arg.startsWith(name + QLatin1Char('='));
}

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

QJsonArray shapeArray(const QVector<qint64> &shape)
{
    QJsonArray array;
    for (qint64 d : shape)
        array.append(d);
    return array;
}

void printTree(QTextStream &out, const ModuleNode *node, int depth)
{
    const QLocale locale = QLocale::c();
    const QString name = node->parent() ? node->name() : QStringLiteral("(model)");
    const QString type = node->shortTypeName().isEmpty() ? QString() : QStringLiteral(" ") + node->shortTypeName();
    out << QString(depth * 2, QLatin1Char(' ')) << name << type << "  params " << locale.toString(node->parameterCount())
        << ", trainable " << locale.toString(node->trainableCount()) << "\n";
    for (int i = 0; i < node->childCount(); ++i)
        printTree(out, node->child(i), depth + 1);
}
} // namespace

Cli::Cli(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

int Cli::usage(const QString &message)
{
    m_err << "torchscope-cli: " << message << "\n"
          << "Try 'torchscope-cli --help'.\n";
    m_err.flush();
    return UsageError;
}

int Cli::fileError(const QString &message)
{
    m_err << "torchscope-cli: " << message << "\n";
    m_err.flush();
    return FileError;
}

void Cli::printHelp()
{
    m_out << "Usage:\n"
             "  torchscope-cli info FILE [--json] [--stats]\n"
             "  torchscope-cli export IN -o OUT (--weights-only | --entire-model) [--module PATH]\n"
             "                        [--freeze GLOB]... [--unfreeze GLOB]... [--freeze-plan FILE]\n"
             "  torchscope-cli example -o FILE [--weights-only]\n"
             "  torchscope-cli hist FILE TENSOR [--bins N] [--range LO,HI] [--json] [--png OUT]\n"
             "  torchscope-cli --version\n"
             "\n"
             "Globs match whole parameter names (full dotted names from the root) as Python's fnmatch does;\n"
             "--freeze, --unfreeze and --freeze-plan (JSON: {\"requires_grad\": {name: bool}}) apply in the order given.\n"
             "Exit status: 0 success, 1 a file cannot be read or written, 2 usage error.\n";
}

int Cli::run(const QStringList &arguments)
{
    QStringList args = arguments.mid(1);
    if (args.isEmpty())
        return usage(QStringLiteral("missing command"));
    const QString command = args.takeFirst();
    if (command == QLatin1String("--version") || command == QLatin1String("-V")) {
        m_out << "torchscope-cli " << TORCHSCOPE_VERSION << "\n";
        return Success;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        printHelp();
        return Success;
    }
    if (command == QLatin1String("info"))
        return info(args);
    if (command == QLatin1String("export"))
        return exportCheckpoint(args);
    if (command == QLatin1String("example"))
        return example(args);
    if (command == QLatin1String("hist"))
        return histogram(args);
    return usage(QStringLiteral("unknown command '%1'").arg(command));
}

int Cli::info(QStringList args)
{
    bool json = false;
    bool stats = false;
    QString file;
    for (const QString &arg : std::as_const(args)) {
        if (arg == QLatin1String("--json"))
            json = true;
        else if (arg == QLatin1String("--stats"))
            stats = true;
        else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1)
            return usage(QStringLiteral("info: unknown option '%1'").arg(arg));
        else if (file.isEmpty())
            file = arg;
        else
            return usage(QStringLiteral("info: more than one file given"));
    }
    if (file.isEmpty())
        return usage(QStringLiteral("info: missing FILE"));

    CheckpointContent content;
    QString error;
    if (!readCheckpoint(file, Progress(), &content, &error))
        return fileError(error);
    CheckpointDocument document(std::move(content));
    const ParameterTotals totals = document.totals();

    if (json) {
        QJsonObject root;
        root.insert(QStringLiteral("file"), file);
        root.insert(QStringLiteral("format"), checkpointFormatName(document.format()));
        QJsonArray modules;
        if (document.storesRequiresGrad()) {
            std::function<void(const ModuleNode *)> walk = [&](const ModuleNode *node) {
                modules.append(QJsonObject{{QStringLiteral("path"), node->path()}, {QStringLiteral("type"), node->typeName()}});
                for (int i = 0; i < node->childCount(); ++i)
                    walk(node->child(i));
            };
            walk(document.root());
        }
        root.insert(QStringLiteral("modules"), modules);
        QJsonArray tensors;
        for (int i = 0; i < document.tensorCount(); ++i) {
            const TensorInfo &tensor = document.tensor(i);
            QJsonObject entry{{QStringLiteral("name"), tensor.name},
                              {QStringLiteral("kind"), tensorKindName(tensor.kind)},
                              {QStringLiteral("dtype"), dtypeName(tensor.dtype)},
                              {QStringLiteral("shape"), shapeArray(tensor.shape)},
                              {QStringLiteral("requires_grad"),
                               tensor.kind == TensorKind::Parameter && tensor.hasRequiresGrad
                                   ? QJsonValue(document.requiresGrad(i))
                                   : QJsonValue()}};
            if (tensor.tiedTo >= 0)
                entry.insert(QStringLiteral("tied_to"), document.tensor(tensor.tiedTo).name);
            if (stats) {
                const TensorStats s = TensorStats::compute(tensor);
                const bool has = s.hasMoments();
                entry.insert(QStringLiteral("min"), has ? number(s.min) : QJsonValue());
                entry.insert(QStringLiteral("max"), has ? number(s.max) : QJsonValue());
                entry.insert(QStringLiteral("mean"), has ? number(s.mean) : QJsonValue());
                entry.insert(QStringLiteral("std"), has ? number(s.std) : QJsonValue());
                entry.insert(QStringLiteral("nan_count"), s.nanCount);
                entry.insert(QStringLiteral("inf_count"), s.infCount);
            }
            tensors.append(entry);
        }
        root.insert(QStringLiteral("tensors"), tensors);
        root.insert(QStringLiteral("totals"), QJsonObject{{QStringLiteral("parameters"), totals.parameters},
                                                          {QStringLiteral("trainable"), totals.trainable},
                                                          {QStringLiteral("frozen"), totals.frozen()}});
        QJsonArray warnings;
        for (const QString &warning : document.warnings())
            warnings.append(warning);
        root.insert(QStringLiteral("warnings"), warnings);
        m_out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return Success;
    }

    const QLocale locale = QLocale::c();
    m_out << "File: " << file << "\n"
          << "Format: " << checkpointFormatName(document.format()) << "\n";
    if (!document.storesRequiresGrad())
        m_out << "Note: weights-only files store no requires_grad flags; PyTorch makes parameters trainable "
                 "when it loads them into a freshly built model.\n";
    m_out << "\nModules:\n";
    printTree(m_out, document.root(), 1);
    m_out << "\nTensors:\n";
    for (int i = 0; i < document.tensorCount(); ++i) {
        const TensorInfo &tensor = document.tensor(i);
        QString flag = QStringLiteral("-");
        if (tensor.kind == TensorKind::Parameter && tensor.hasRequiresGrad)
            flag = document.requiresGrad(i) ? QStringLiteral("trainable") : QStringLiteral("frozen");
        m_out << "  " << tensor.name << "  " << tensorKindName(tensor.kind) << "  " << dtypeName(tensor.dtype) << "  "
              << shapeToString(tensor.shape) << "  " << flag;
        if (tensor.tiedTo >= 0)
            m_out << "  tied to " << document.tensor(tensor.tiedTo).name;
        if (stats) {
            const TensorStats s = TensorStats::compute(tensor);
            if (s.hasMoments())
                m_out << QStringLiteral("  min %1 max %2 mean %3 std %4")
                             .arg(s.min, 0, 'g', 6).arg(s.max, 0, 'g', 6).arg(s.mean, 0, 'g', 6).arg(s.std, 0, 'g', 6);
            if (s.nanCount || s.infCount)
                m_out << "  nan " << s.nanCount << " inf " << s.infCount;
        }
        m_out << "\n";
    }
    m_out << "\nTotals: " << locale.toString(totals.parameters) << " parameters ("
          << locale.toString(totals.trainable) << " trainable, " << locale.toString(totals.frozen()) << " frozen)\n";
    for (const QString &warning : document.warnings())
        m_out << "Warning: " << warning << "\n";
    return Success;
}

int Cli::exportCheckpoint(QStringList args)
{
    QString input, output, modulePath;
    bool weightsOnly = false, entireModel = false;
    // Steps in command-line order: (train, glob), or a freeze plan file when the glob is empty.
    struct Step
    {
        bool train;
        QString glob;
        QString planFile;
    };
    QVector<Step> patterns;
    for (int i = 0; i < args.size();) {
        const QString arg = args[i];
        QString value;
        if (arg == QLatin1String("--weights-only")) {
            weightsOnly = true;
            args.removeAt(i);
        } else if (arg == QLatin1String("--entire-model")) {
            entireModel = true;
            args.removeAt(i);
        } else if (arg == QLatin1String("-o") || isOption(arg, QStringLiteral("--output"))) {
            if (!takeValue(args, i, arg == QLatin1String("-o") ? arg : QStringLiteral("--output"), &value))
                return usage(QStringLiteral("export: %1 needs a file").arg(arg));
            output = value;
        } else if (isOption(arg, QStringLiteral("--module"))) {
            if (!takeValue(args, i, QStringLiteral("--module"), &value))
                return usage(QStringLiteral("export: --module needs a module path"));
            modulePath = value;
        } else if (isOption(arg, QStringLiteral("--freeze")) || isOption(arg, QStringLiteral("--unfreeze"))) {
            const bool train = arg.startsWith(QLatin1String("--unfreeze"));
            const QString name = train ? QStringLiteral("--unfreeze") : QStringLiteral("--freeze");
            if (!takeValue(args, i, name, &value))
                return usage(QStringLiteral("export: %1 needs a glob").arg(name));
            patterns.append({train, value, QString()});
        } else if (isOption(arg, QStringLiteral("--freeze-plan"))) {
            if (!takeValue(args, i, QStringLiteral("--freeze-plan"), &value))
                return usage(QStringLiteral("export: --freeze-plan needs a file"));
            patterns.append({false, QString(), value});
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            return usage(QStringLiteral("export: unknown option '%1'").arg(arg));
        } else if (input.isEmpty()) {
            input = arg;
            args.removeAt(i);
        } else {
            return usage(QStringLiteral("export: unexpected argument '%1'").arg(arg));
        }
    }
    if (input.isEmpty())
        return usage(QStringLiteral("export: missing input file"));
    if (output.isEmpty())
        return usage(QStringLiteral("export: missing -o OUT"));
    if (weightsOnly == entireModel)
        return usage(QStringLiteral("export: choose exactly one of --weights-only and --entire-model"));

    CheckpointContent content;
    QString error;
    if (!readCheckpoint(input, Progress(), &content, &error))
        return fileError(error);
    CheckpointDocument document(std::move(content));
    if (!document.findModule(modulePath))
        return usage(QStringLiteral("export: no module '%1' in %2").arg(modulePath, input));

    for (const Step &step : std::as_const(patterns)) {
        if (!document.storesRequiresGrad()) {
            m_err << "torchscope-cli: warning: " << input
                  << " stores no requires_grad flags; --freeze/--unfreeze/--freeze-plan have no effect\n";
            break;
        }
        if (!step.planFile.isEmpty()) {
            QFile planFile(step.planFile);
            if (!planFile.open(QIODevice::ReadOnly))
                return fileError(QStringLiteral("%1: %2").arg(step.planFile, planFile.errorString()));
            QHash<QString, bool> flags;
            if (!FreezePlan::parseJson(planFile.readAll(), &flags, &error) || !FreezePlan::apply(document, flags, &error))
                return fileError(QStringLiteral("%1: %2").arg(step.planFile, error));
            continue;
        }
        const bool train = step.train;
        const QString &glob = step.glob;
        const NamePattern pattern(glob);
        if (!pattern.isValid())
            return usage(QStringLiteral("export: bad glob '%1'").arg(glob));
        const QVector<int> matched = document.parametersMatching(pattern);
        if (matched.isEmpty())
            m_err << "torchscope-cli: warning: '" << glob << "' matches no parameter\n";
        document.setRequiresGrad(matched, train);
    }

    const SaveRequest request{output, weightsOnly ? SaveMode::WeightsOnly : SaveMode::EntireModel, modulePath};
    const std::unique_ptr<SaveJob> job = SaveJob::prepare(document, request, &error);
    if (!job)
        return fileError(QStringLiteral("%1: %2").arg(output, error));
    if (!job->run(Progress(), &error))
        return fileError(error);
    return Success;
}

bool Cli::needsGui(const QStringList &arguments)
{
    return arguments.size() > 1 && arguments.at(1) == QLatin1String("hist")
           && std::any_of(arguments.begin(), arguments.end(),
                          [](const QString &arg) { return isOption(arg, QStringLiteral("--png")); });
}

int Cli::histogram(QStringList args)
{
    QString file, name, png;
    bool json = false;
    HistogramRequest request;
    for (int i = 0; i < args.size();) {
        const QString arg = args[i];
        QString value;
        if (arg == QLatin1String("--json")) {
            json = true;
            args.removeAt(i);
        } else if (isOption(arg, QStringLiteral("--bins"))) {
            bool ok = false;
            if (!takeValue(args, i, QStringLiteral("--bins"), &value) || (request.bins = value.toInt(&ok), !ok)
                || request.bins < 1 || request.bins > 1000000)
                return usage(QStringLiteral("hist: --bins needs a whole number from 1 to 1000000"));
        } else if (isOption(arg, QStringLiteral("--range"))) {
            const bool given = takeValue(args, i, QStringLiteral("--range"), &value);
            const QStringList parts = value.split(QLatin1Char(','));
            bool lowOk = false, highOk = false;
            if (given && parts.size() == 2) {
                request.low = parts[0].trimmed().toDouble(&lowOk);
                request.high = parts[1].trimmed().toDouble(&highOk);
            }
            if (!lowOk || !highOk || !std::isfinite(request.low) || !std::isfinite(request.high) || !(request.low < request.high))
                return usage(QStringLiteral("hist: --range needs LO,HI with finite LO < HI"));
            request.hasRange = true;
        } else if (isOption(arg, QStringLiteral("--png"))) {
            if (!takeValue(args, i, QStringLiteral("--png"), &png))
                return usage(QStringLiteral("hist: --png needs a file"));
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            return usage(QStringLiteral("hist: unknown option '%1'").arg(arg));
        } else if (file.isEmpty()) {
            file = arg;
            args.removeAt(i);
        } else if (name.isNull()) {
            name = arg;
            args.removeAt(i);
        } else {
            return usage(QStringLiteral("hist: unexpected argument '%1'").arg(arg));
        }
    }
    if (file.isEmpty() || name.isNull())
        return usage(QStringLiteral("hist: needs FILE and TENSOR"));

    CheckpointContent content;
    QString error;
    if (!readCheckpoint(file, Progress(), &content, &error))
        return fileError(error);
    CheckpointDocument document(std::move(content));
    // A tensor by name, or a module whose parameters are pooled, as the GUI does.
    std::vector<const TensorInfo *> tensors;
    if (const int index = document.findTensor(name); index >= 0) {
        tensors.push_back(&document.tensor(index));
    } else if (const ModuleNode *module = document.findModule(name)) {
        for (int i : document.pooledTensors(module))
            tensors.push_back(&document.tensor(i));
    }
    if (tensors.empty())
        return usage(QStringLiteral("hist: no tensor or module '%1' in %2").arg(name, file));
    for (const TensorInfo *tensor : tensors) {
        if (dtypeIsComplex(tensor->dtype))
            return fileError(QStringLiteral("%1: complex tensors are listed, not plotted").arg(tensor->name));
    }
    const HistogramResult result = HistogramKernel::compute(tensors, request);
    const TensorStats &s = result.stats;

    if (!png.isEmpty()) {
        HistogramPlot plot;
        plot.resize(900, 520);
        plot.setHistogram(result, name);
        QString reason;
        if (!plot.exportTo(png, &reason))
            return fileError(reason);
    }
    if (json) {
        QJsonArray edges, counts;
        for (double edge : result.edges)
            edges.append(edge);
        for (qint64 count : result.counts)
            counts.append(count);
        const bool has = s.hasMoments();
        const QJsonObject root{{QStringLiteral("tensor"), name},
                               {QStringLiteral("edges"), edges},
                               {QStringLiteral("counts"), counts},
                               {QStringLiteral("numel"), s.count},
                               {QStringLiteral("min"), has ? number(s.min) : QJsonValue()},
                               {QStringLiteral("max"), has ? number(s.max) : QJsonValue()},
                               {QStringLiteral("mean"), has ? number(s.mean) : QJsonValue()},
                               {QStringLiteral("std"), has ? number(s.std) : QJsonValue()},
                               {QStringLiteral("l2_norm"), has ? number(s.l2Norm) : QJsonValue()},
                               {QStringLiteral("zero_fraction"), s.count ? QJsonValue(double(s.zeroCount) / double(s.count)) : QJsonValue()},
                               {QStringLiteral("nan_count"), s.nanCount},
                               {QStringLiteral("inf_count"), s.infCount}};
        m_out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return Success;
    }
    m_out << name << ": " << s.count << " elements";
    if (s.hasMoments())
        m_out << QStringLiteral(", min %1, max %2, mean %3, std %4, L2 %5")
                     .arg(s.min, 0, 'g', 6).arg(s.max, 0, 'g', 6).arg(s.mean, 0, 'g', 6).arg(s.std, 0, 'g', 6).arg(s.l2Norm, 0, 'g', 6);
    m_out << ", zeros " << s.zeroCount << ", NaN " << s.nanCount << ", Inf " << s.infCount << "\n";
    qint64 peak = 1;
    for (qint64 count : result.counts)
        peak = std::max(peak, count);
    for (int i = 0; i < result.counts.size(); ++i) {
        const bool last = i == result.counts.size() - 1;
        m_out << QStringLiteral("[%1, %2%3 %4 ")
                     .arg(result.edges[i], 12, 'g', 6).arg(result.edges[i + 1], 12, 'g', 6)
                     .arg(last ? QLatin1Char(']') : QLatin1Char(')')).arg(result.counts[i], 10)
              << QString(int(40 * result.counts[i] / peak), QLatin1Char('#')) << "\n";
    }
    return Success;
}

int Cli::example(QStringList args)
{
    QString output;
    bool weightsOnly = false;
    for (int i = 0; i < args.size();) {
        const QString arg = args[i];
        QString value;
        if (arg == QLatin1String("-o") || isOption(arg, QStringLiteral("--output"))) {
            if (!takeValue(args, i, arg == QLatin1String("-o") ? arg : QStringLiteral("--output"), &value))
                return usage(QStringLiteral("example: %1 needs a file").arg(arg));
            output = value;
        } else if (arg == QLatin1String("--weights-only")) {
            weightsOnly = true;
            args.removeAt(i);
        } else {
            return usage(QStringLiteral("example: unexpected argument '%1'").arg(arg));
        }
    }
    if (output.isEmpty())
        return usage(QStringLiteral("example: missing -o FILE"));
    CheckpointContent content;
    QString error;
    if (!readExampleModel(&content, &error))
        return fileError(error);
    CheckpointDocument document(std::move(content));
    const SaveRequest request{output, weightsOnly ? SaveMode::WeightsOnly : SaveMode::EntireModel, QString()};
    const std::unique_ptr<SaveJob> job = SaveJob::prepare(document, request, &error);
    if (!job || !job->run(Progress(), &error))
        return fileError(error);
    return Success;
}

} // namespace torchscope
