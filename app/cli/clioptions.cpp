#include "clioptions.h"

#include "formats/dtypeconversion.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>

#include <cmath>
#include <utility>

namespace torchscope::cli {

namespace {
// lupdate sees the messages of this file under the context CliOptions.
struct CliOptionsText
{
    Q_DECLARE_TR_FUNCTIONS(CliOptions)
};
} // namespace

namespace {

// An option with a value, and what to say when the value is missing.
struct ValueOption
{
    QStringList names;
    QString missingMessage;
};

// Parses `arguments` for `command` with QCommandLineParser and turns its failures into our
// messages: "<command>: unknown option '--x'" and each option's own "needs a value" line.
class SubcommandParser
{
public:
    SubcommandParser(QString command, const QStringList &flags, const QVector<ValueOption> &valueOptions)
        : m_command(std::move(command)), m_valueOptions(valueOptions)
    {
        m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        for (const QString &flag : flags)
            m_parser.addOption(QCommandLineOption(flag));
        for (const ValueOption &option : valueOptions)
            m_parser.addOption(QCommandLineOption(option.names, QString(), QStringLiteral("value")));
    }

    bool parse(const QStringList &arguments, QString *message)
    {
        // A value option at the very end has no value: say which, in its own words.
        if (!arguments.isEmpty()) {
            const QString &last = arguments.last();
            for (const ValueOption &option : std::as_const(m_valueOptions)) {
                for (const QString &name : option.names) {
                    if (last == dashed(name)) {
                        *message = option.missingMessage.contains(QLatin1String("%1"))
                                       ? option.missingMessage.arg(last)
                                       : option.missingMessage;
                        return false;
                    }
                }
            }
        }
        if (m_parser.parse(QStringList{m_command} + arguments))
            return true;
        const QStringList unknown = m_parser.unknownOptionNames();
        const QString name = unknown.isEmpty() ? QString() : unknown.first();
        // Name the option as it was typed ("--x=1", "-x").
        QString given = dashed(name);
        for (const QString &argument : arguments) {
            const QString bare = argument.mid(argument.startsWith(QLatin1String("--")) ? 2 : 1)
                                     .section(QLatin1Char('='), 0, 0);
            if (argument.startsWith(QLatin1Char('-')) && bare == name) {
                given = argument;
                break;
            }
        }
        *message = unknown.isEmpty() ? QStringLiteral("%1: %2").arg(m_command, m_parser.errorText())
                   : m_unknownIsUnexpected
                       ? CliOptionsText::tr("%1: unexpected argument '%2'").arg(m_command, given)
                       : CliOptionsText::tr("%1: unknown option '%2'").arg(m_command, given);
        return false;
    }

    QCommandLineParser &parser() { return m_parser; }
    void setUnknownIsUnexpected() { m_unknownIsUnexpected = true; }

private:
    static QString dashed(const QString &name)
    {
        return (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
    }

    QString m_command;
    QVector<ValueOption> m_valueOptions;
    QCommandLineParser m_parser;
    bool m_unknownIsUnexpected = false;
};

const QStringList kOutput{QStringLiteral("o"), QStringLiteral("output")};

} // namespace

bool parseInfo(const QStringList &arguments, InfoOptions *options, QString *message)
{
    SubcommandParser parser(QStringLiteral("info"), {QStringLiteral("json"), QStringLiteral("stats")}, {});
    if (!parser.parse(arguments, message))
        return false;
    const QStringList files = parser.parser().positionalArguments();
    if (files.isEmpty()) {
        *message = CliOptionsText::tr("info: missing FILE");
        return false;
    }
    if (files.size() > 1) {
        *message = CliOptionsText::tr("info: more than one file given");
        return false;
    }
    options->file = files.first();
    options->json = parser.parser().isSet(QStringLiteral("json"));
    options->stats = parser.parser().isSet(QStringLiteral("stats"));
    return true;
}

bool parseScan(const QStringList &arguments, ScanOptions *options, QString *message)
{
    const QString formatMessage = CliOptionsText::tr("scan: --format needs one of text, json, sarif");
    const QString failMessage = CliOptionsText::tr("scan: --fail-on needs one of error, warning, note");
    SubcommandParser parser(QStringLiteral("scan"), {},
                            {{kOutput, CliOptionsText::tr("scan: %1 needs a file")},
                             {{QStringLiteral("format")}, formatMessage},
                             {{QStringLiteral("fail-on")}, failMessage}});
    if (!parser.parse(arguments, message))
        return false;
    QCommandLineParser &p = parser.parser();
    options->paths = p.positionalArguments();
    if (options->paths.isEmpty()) {
        *message = CliOptionsText::tr("scan: missing PATH");
        return false;
    }
    if (p.isSet(QStringLiteral("format")))
        options->format = p.value(QStringLiteral("format")).toLower();
    if (!QStringList{QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("sarif")}.contains(
            options->format)) {
        *message = formatMessage;
        return false;
    }
    if (p.isSet(QStringLiteral("fail-on")))
        options->failOn = p.value(QStringLiteral("fail-on")).toLower();
    if (!QStringList{QStringLiteral("error"), QStringLiteral("warning"), QStringLiteral("note")}.contains(
            options->failOn)) {
        *message = failMessage;
        return false;
    }
    options->output = p.values(QStringLiteral("output")).value(p.values(QStringLiteral("output")).size() - 1);
    return true;
}

bool parseExport(const QStringList &arguments, ExportOptions *options, QString *message)
{
    const QString formatMessage =
        CliOptionsText::tr("export: --format needs one of pytorch, safetensors, dcp, torchscript, pickle");
    QStringList dtypeNames{QStringLiteral("keep")};
    for (const DType dtype : DTypeConversion::targets())
        dtypeNames << dtypeName(dtype);
    const QString dtypeMessage =
        CliOptionsText::tr("export: --dtype needs one of %1").arg(dtypeNames.join(QStringLiteral(", ")));
    const QString shardMessage =
        CliOptionsText::tr("export: --max-shard-size needs a size such as 5GB, 500MB or 2GiB");
    SubcommandParser parser(
        QStringLiteral("export"),
        {QStringLiteral("weights-only"), QStringLiteral("entire-model"), QStringLiteral("no-buffers"),
         QStringLiteral("weights-only-safe")},
        {{kOutput, CliOptionsText::tr("export: %1 needs a file")},
         {{QStringLiteral("format")}, formatMessage},
         {{QStringLiteral("dtype")}, dtypeMessage},
         {{QStringLiteral("max-shard-size")}, shardMessage},
         {{QStringLiteral("module")}, CliOptionsText::tr("export: %1 needs a module path")},
         {{QStringLiteral("part")}, CliOptionsText::tr("export: --part needs one of model, ema, all")},
         {{QStringLiteral("strip-prefix")}, CliOptionsText::tr("export: %1 needs a prefix")},
         {{QStringLiteral("freeze")}, CliOptionsText::tr("export: %1 needs a glob")},
         {{QStringLiteral("unfreeze")}, CliOptionsText::tr("export: %1 needs a glob")},
         {{QStringLiteral("freeze-plan")}, CliOptionsText::tr("export: %1 needs a file")},
         {{QStringLiteral("freeze-plan-out")}, CliOptionsText::tr("export: %1 needs a file")}});
    if (!parser.parse(arguments, message))
        return false;
    QCommandLineParser &p = parser.parser();
    const QStringList positional = p.positionalArguments();
    if (positional.size() > 1) {
        *message = CliOptionsText::tr("export: unexpected argument '%1'").arg(positional.at(1));
        return false;
    }
    if (positional.isEmpty()) {
        *message = CliOptionsText::tr("export: missing input file");
        return false;
    }
    options->input = positional.first();
    options->request.path =
        p.values(QStringLiteral("output")).value(p.values(QStringLiteral("output")).size() - 1);
    options->freezePlanOut = p.value(QStringLiteral("freeze-plan-out"));
    // The parser keeps each option's values in order; the names it found give the order across options.
    const QStringList freezes = p.values(QStringLiteral("freeze"));
    const QStringList unfreezes = p.values(QStringLiteral("unfreeze"));
    const QStringList plans = p.values(QStringLiteral("freeze-plan"));
    int freeze = 0, unfreeze = 0, plan = 0;
    for (const QString &name : p.optionNames()) {
        if (name == QLatin1String("freeze"))
            options->steps.append({FreezeStep::Kind::Freeze, freezes.at(freeze++)});
        else if (name == QLatin1String("unfreeze"))
            options->steps.append({FreezeStep::Kind::Unfreeze, unfreezes.at(unfreeze++)});
        else if (name == QLatin1String("freeze-plan"))
            options->steps.append({FreezeStep::Kind::Plan, plans.at(plan++)});
    }
    // Only a freeze plan: for the files that cannot keep flags, that plan is the whole point.
    if (options->request.path.isEmpty() && !options->freezePlanOut.isEmpty()) {
        for (const char *option : {"weights-only", "entire-model", "format", "dtype", "max-shard-size",
                                   "module", "part", "strip-prefix", "no-buffers", "weights-only-safe"}) {
            if (p.isSet(QLatin1String(option))) {
                *message = CliOptionsText::tr("export: --%1 needs -o OUT").arg(QLatin1String(option));
                return false;
            }
        }
        return true;
    }
    if (options->request.path.isEmpty()) {
        *message = CliOptionsText::tr("export: missing -o OUT (or --freeze-plan-out FILE)");
        return false;
    }
    if (p.isSet(QStringLiteral("format"))) {
        static const QHash<QString, SaveFormat> formats{
            {QStringLiteral("pytorch"), SaveFormat::PyTorch},
            {QStringLiteral("safetensors"), SaveFormat::Safetensors},
            {QStringLiteral("dcp"), SaveFormat::Dcp},
            {QStringLiteral("torchscript"), SaveFormat::TorchScript},
            {QStringLiteral("pickle"), SaveFormat::Pickle}};
        const QString value = p.value(QStringLiteral("format")).toLower();
        if (!formats.contains(value)) {
            *message = formatMessage;
            return false;
        }
        options->request.format = formats.value(value);
    }
    if (p.isSet(QStringLiteral("dtype"))) {
        const int index = dtypeNames.indexOf(p.value(QStringLiteral("dtype")).toLower());
        if (index < 0) {
            *message = dtypeMessage;
            return false;
        }
        options->request.dtype = index == 0 ? DType::Invalid : DTypeConversion::targets().at(index - 1);
    }
    if (p.isSet(QStringLiteral("max-shard-size"))) {
        options->request.maxShardSize = parseShardSize(p.value(QStringLiteral("max-shard-size")));
        if (options->request.maxShardSize <= 0) {
            *message = shardMessage;
            return false;
        }
    }
    options->request.includeBuffers = !p.isSet(QStringLiteral("no-buffers"));
    if (p.isSet(QStringLiteral("weights-only-safe"))) {
        // A copy of the whole file, for PyTorch's default torch.load: nothing else to choose.
        if (p.isSet(QStringLiteral("entire-model")) || p.isSet(QStringLiteral("format")) ||
            p.isSet(QStringLiteral("dtype")) || p.isSet(QStringLiteral("max-shard-size")) ||
            p.isSet(QStringLiteral("module")) || !options->request.includeBuffers ||
            p.isSet(QStringLiteral("part")) || p.isSet(QStringLiteral("strip-prefix")) ||
            p.isSet(QStringLiteral("freeze")) || p.isSet(QStringLiteral("unfreeze")) ||
            p.isSet(QStringLiteral("freeze-plan")) || p.isSet(QStringLiteral("freeze-plan-out"))) {
            *message =
                CliOptionsText::tr("export: --weights-only-safe copies the whole file as it is; it takes no "
                                   "--entire-model, --format, --dtype, --module, --part, --strip-prefix, "
                                   "--no-buffers, --max-shard-size or freeze options");
            return false;
        }
        options->request.format = SaveFormat::WeightsOnlySafe;
        options->request.mode = SaveMode::WeightsOnly;
        return true;
    }
    // The mode, or a format that implies it: TorchScript and pickle are entire models, the others weights.
    bool weightsOnly = p.isSet(QStringLiteral("weights-only"));
    bool entireModel = p.isSet(QStringLiteral("entire-model"));
    if (!weightsOnly && !entireModel && options->request.format != SaveFormat::Auto) {
        entireModel = options->request.format == SaveFormat::TorchScript ||
                      options->request.format == SaveFormat::Pickle;
        weightsOnly = !entireModel;
    }
    if (weightsOnly && entireModel) {
        *message = CliOptionsText::tr("export: choose exactly one of --weights-only and --entire-model");
        return false;
    }
    // Neither: the input decides (weights where it can hold nothing else), once it is open.
    options->modeGiven = weightsOnly || entireModel;
    if (((options->request.format == SaveFormat::TorchScript ||
          options->request.format == SaveFormat::Pickle) &&
         weightsOnly) ||
        ((options->request.format == SaveFormat::PyTorch ||
          options->request.format == SaveFormat::Safetensors || options->request.format == SaveFormat::Dcp) &&
         entireModel)) {
        *message = (weightsOnly ? CliOptionsText::tr("export: --format %1 does not hold weights only")
                                : CliOptionsText::tr("export: --format %1 does not hold an entire model"))
                       .arg(p.value(QStringLiteral("format")).toLower());
        return false;
    }
    options->request.mode = weightsOnly ? SaveMode::WeightsOnly : SaveMode::EntireModel;
    const QStringList modules = p.values(QStringLiteral("module"));
    options->request.modulePath = modules.isEmpty() ? QString() : modules.last();
    if (p.isSet(QStringLiteral("part"))) {
        options->part = p.value(QStringLiteral("part")).toLower();
        if (options->part != QLatin1String("model") && options->part != QLatin1String("ema") &&
            options->part != QLatin1String("all")) {
            *message = CliOptionsText::tr("export: --part needs one of model, ema, all");
            return false;
        }
        if (!modules.isEmpty() || entireModel) {
            *message = CliOptionsText::tr("export: --part picks a training checkpoint's weights; it takes no "
                                          "--module or --entire-model");
            return false;
        }
    }
    options->request.stripPrefix = p.value(QStringLiteral("strip-prefix"));
    return true;
}

bool parseExample(const QStringList &arguments, ExampleOptions *options, QString *message)
{
    SubcommandParser parser(QStringLiteral("example"), {QStringLiteral("weights-only")},
                            {{kOutput, CliOptionsText::tr("example: %1 needs a file")}});
    // example has always named any stray word, option or not, as unexpected.
    parser.setUnknownIsUnexpected();
    if (!parser.parse(arguments, message)) {
        return false;
    }
    QCommandLineParser &p = parser.parser();
    if (!p.positionalArguments().isEmpty()) {
        *message =
            CliOptionsText::tr("example: unexpected argument '%1'").arg(p.positionalArguments().first());
        return false;
    }
    const QStringList outputs = p.values(QStringLiteral("output"));
    options->output = outputs.isEmpty() ? QString() : outputs.last();
    if (options->output.isEmpty()) {
        *message = CliOptionsText::tr("example: missing -o FILE");
        return false;
    }
    options->weightsOnly = p.isSet(QStringLiteral("weights-only"));
    return true;
}

bool parseHist(const QStringList &arguments, HistOptions *options, QString *message)
{
    const QString binsMessage = CliOptionsText::tr("hist: --bins needs a whole number from 1 to 1000000");
    const QString rangeMessage = CliOptionsText::tr("hist: --range needs LO,HI with finite LO < HI");
    SubcommandParser parser(QStringLiteral("hist"), {QStringLiteral("json")},
                            {{{QStringLiteral("bins")}, binsMessage},
                             {{QStringLiteral("range")}, rangeMessage},
                             {{QStringLiteral("png")}, CliOptionsText::tr("hist: %1 needs a file")}});
    if (!parser.parse(arguments, message))
        return false;
    QCommandLineParser &p = parser.parser();
    if (p.isSet(QStringLiteral("bins"))) {
        bool ok = false;
        options->request.bins = p.value(QStringLiteral("bins")).toInt(&ok);
        if (!ok || options->request.bins < 1 || options->request.bins > 1000000) {
            *message = binsMessage;
            return false;
        }
    }
    if (p.isSet(QStringLiteral("range"))) {
        const QStringList parts = p.value(QStringLiteral("range")).split(QLatin1Char(','));
        bool lowOk = false, highOk = false;
        HistogramRequest &request = options->request;
        if (parts.size() == 2) {
            request.low = parts[0].trimmed().toDouble(&lowOk);
            request.high = parts[1].trimmed().toDouble(&highOk);
        }
        if (!lowOk || !highOk || !std::isfinite(request.low) || !std::isfinite(request.high) ||
            !(request.low < request.high)) {
            *message = rangeMessage;
            return false;
        }
        request.hasRange = true;
    }
    options->png = p.value(QStringLiteral("png"));
    options->json = p.isSet(QStringLiteral("json"));
    const QStringList positional = p.positionalArguments();
    if (positional.size() > 2) {
        *message = CliOptionsText::tr("hist: unexpected argument '%1'").arg(positional.at(2));
        return false;
    }
    if (positional.size() < 2) {
        *message = CliOptionsText::tr("hist: needs FILE and TENSOR");
        return false;
    }
    options->file = positional.at(0);
    options->tensor = positional.at(1);
    return true;
}

bool parseDiff(const QStringList &arguments, DiffOptions *options, QString *message)
{
    const QString prefixMessage = CliOptionsText::tr("diff: %1 needs a prefix");
    const QString toleranceMessage = CliOptionsText::tr("diff: %1 needs a finite number >= 0");
    SubcommandParser parser(QStringLiteral("diff"), {QStringLiteral("json")},
                            {{{QStringLiteral("strip-prefix")}, prefixMessage},
                             {{QStringLiteral("strip-prefix-a")}, prefixMessage},
                             {{QStringLiteral("strip-prefix-b")}, prefixMessage},
                             {{QStringLiteral("add-prefix-a")}, prefixMessage},
                             {{QStringLiteral("add-prefix-b")}, prefixMessage},
                             {{QStringLiteral("atol")}, toleranceMessage},
                             {{QStringLiteral("rtol")}, toleranceMessage},
                             {{QStringLiteral("csv")}, CliOptionsText::tr("diff: %1 needs a file")}});
    if (!parser.parse(arguments, message))
        return false;
    QCommandLineParser &p = parser.parser();
    for (const char *name : {"atol", "rtol"}) {
        const QString option = QLatin1String(name);
        if (!p.isSet(option))
            continue;
        bool ok = false;
        const double value = p.value(option).toDouble(&ok);
        if (!ok || !std::isfinite(value) || value < 0) {
            *message = toleranceMessage.arg(QStringLiteral("--") + option);
            return false;
        }
        (option == QLatin1String("atol") ? options->diff.atol : options->diff.rtol) = value;
    }
    // --strip-prefix strips from whichever side has it (DataParallel's "module." on one side).
    const QString both = p.value(QStringLiteral("strip-prefix"));
    options->diff.a.strip =
        p.isSet(QStringLiteral("strip-prefix-a")) ? p.value(QStringLiteral("strip-prefix-a")) : both;
    options->diff.b.strip =
        p.isSet(QStringLiteral("strip-prefix-b")) ? p.value(QStringLiteral("strip-prefix-b")) : both;
    options->diff.a.add = p.value(QStringLiteral("add-prefix-a"));
    options->diff.b.add = p.value(QStringLiteral("add-prefix-b"));
    options->json = p.isSet(QStringLiteral("json"));
    options->csv = p.value(QStringLiteral("csv"));
    const QStringList positional = p.positionalArguments();
    if (positional.size() > 2) {
        *message = CliOptionsText::tr("diff: unexpected argument '%1'").arg(positional.at(2));
        return false;
    }
    if (positional.size() < 2) {
        *message = CliOptionsText::tr("diff: needs two files, A and B");
        return false;
    }
    options->fileA = positional.at(0);
    options->fileB = positional.at(1);
    return true;
}

bool parseValues(const QStringList &arguments, ValuesOptions *options, QString *message)
{
    SubcommandParser parser(
        QStringLiteral("values"), {},
        {{{QStringLiteral("slice")}, QStringLiteral("values: %1 needs a slice such as \"0,:,:\"")},
         {{QStringLiteral("npy")}, CliOptionsText::tr("values: %1 needs a file")},
         {{QStringLiteral("csv")}, CliOptionsText::tr("values: %1 needs a file")}});
    if (!parser.parse(arguments, message))
        return false;
    QCommandLineParser &p = parser.parser();
    options->slice = p.value(QStringLiteral("slice"));
    options->npy = p.value(QStringLiteral("npy"));
    options->csv = p.value(QStringLiteral("csv"));
    const QStringList positional = p.positionalArguments();
    if (positional.size() > 2) {
        *message = CliOptionsText::tr("values: unexpected argument '%1'").arg(positional.at(2));
        return false;
    }
    if (positional.size() < 2) {
        *message = CliOptionsText::tr("values: needs FILE and TENSOR");
        return false;
    }
    options->file = positional.at(0);
    options->tensor = positional.at(1);
    return true;
}

bool parseStats(const QStringList &arguments, StatsOptions *options, QString *message)
{
    SubcommandParser parser(
        QStringLiteral("stats"), {QStringLiteral("json"), QStringLiteral("csv")},
        {{{QStringLiteral("module")}, CliOptionsText::tr("stats: %1 needs a module path")}});
    if (!parser.parse(arguments, message))
        return false;
    QCommandLineParser &p = parser.parser();
    options->modulePath = p.value(QStringLiteral("module"));
    options->json = p.isSet(QStringLiteral("json"));
    options->csv = p.isSet(QStringLiteral("csv"));
    if (options->json && options->csv) {
        *message = CliOptionsText::tr("stats: choose one of --json and --csv");
        return false;
    }
    const QStringList positional = p.positionalArguments();
    if (positional.size() != 1) {
        *message = positional.isEmpty()
                       ? CliOptionsText::tr("stats: needs FILE")
                       : CliOptionsText::tr("stats: unexpected argument '%1'").arg(positional.at(1));
        return false;
    }
    options->file = positional.at(0);
    return true;
}

bool parseLoadWeights(const QStringList &arguments, LoadWeightsCliOptions *options, QString *message)
{
    const QString prefixMessage = CliOptionsText::tr("load-weights: %1 needs a prefix");
    SubcommandParser parser(QStringLiteral("load-weights"),
                            {QStringLiteral("strict"), QStringLiteral("json")},
                            {{kOutput, CliOptionsText::tr("load-weights: %1 needs a file")},
                             {{QStringLiteral("strip-prefix")}, prefixMessage},
                             {{QStringLiteral("add-prefix")}, prefixMessage}});
    if (!parser.parse(arguments, message))
        return false;
    QCommandLineParser &p = parser.parser();
    const QStringList positional = p.positionalArguments();
    if (positional.size() != 2) {
        *message = positional.size() < 2
                       ? CliOptionsText::tr("load-weights: needs MODEL and WEIGHTS")
                       : CliOptionsText::tr("load-weights: unexpected argument '%1'").arg(positional.at(2));
        return false;
    }
    options->model = positional.at(0);
    options->weights = positional.at(1);
    options->output = p.value(QStringLiteral("output"));
    if (options->output.isEmpty()) {
        *message = CliOptionsText::tr("load-weights: missing -o OUT");
        return false;
    }
    options->strict = p.isSet(QStringLiteral("strict"));
    options->json = p.isSet(QStringLiteral("json"));
    options->mapping.strip = p.value(QStringLiteral("strip-prefix"));
    options->mapping.add = p.value(QStringLiteral("add-prefix"));
    return true;
}

} // namespace torchscope::cli
