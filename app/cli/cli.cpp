#include "cli.h"

#include "clioptions.h"
#include "clioutput.h"
#include "diff/checkpointdiff.h"
#include "document/checkpointdocument.h"
#include "document/examplemodel.h"
#include "document/freezeplan.h"
#include "document/loadweights.h"
#include "document/namepattern.h"
#include "document/savejob.h"
#include "formats/checkpointreader.h"
#include "inspect/healthreport.h"
#include "inspect/tensorslice.h"
#include "inspect/valueexport.h"
#include "plot/histogramplot.h"
#include "scan/scanner.h"
#include "stats/histogramkernel.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace torchscope {

Cli::Cli(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

Cli::~Cli() = default;

int Cli::usage(const QString &message)
{
    m_err << "torchscope-cli: " << message << "\n" << tr("Try 'torchscope-cli --help'.") << "\n";
    m_err.flush();
    return UsageError;
}

void Cli::writeJson(const QJsonObject &object)
{
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Indented);
    // Already UTF-8: straight to the device, not through the stream's conversion to text and back.
    m_out.flush();
    if (QIODevice *device = m_out.device())
        device->write(json);
    else
        m_out << QString::fromUtf8(json);
}

int Cli::fileError(const QString &message)
{
    m_err << "torchscope-cli: " << message << "\n";
    m_err.flush();
    return FileError;
}

void Cli::printHelp()
{
    // The synopsis is the same in every language; the explanation below it is translated.
    m_out << tr("Usage:")
          << "\n"
             "  torchscope-cli info FILE [--json] [--stats]\n"
             "  torchscope-cli export IN -o OUT (--weights-only | --entire-model) [--module PATH]\n"
             "                        [--freeze GLOB]... [--unfreeze GLOB]... [--freeze-plan FILE]\n"
             "                        [--format pytorch|safetensors|dcp|torchscript|pickle]\n"
             "                        [--dtype keep|float32|float16|bfloat16]\n"
             "                        [--no-buffers] [--max-shard-size SIZE]\n"
             "                        [--part model|ema|all] [--strip-prefix P]\n"
             "  torchscope-cli export IN -o OUT --weights-only-safe\n"
             "  torchscope-cli export IN --freeze-plan-out PLAN [--freeze GLOB]... [--unfreeze GLOB]...\n"
             "  torchscope-cli example -o FILE [--weights-only]\n"
             "  torchscope-cli hist FILE TENSOR [--bins N] [--range LO,HI] [--json] [--png OUT]\n"
             "  torchscope-cli diff A B [--json] [--csv OUT] [--atol X] [--rtol Y] [--strip-prefix P]\n"
             "                      [--strip-prefix-a P] [--strip-prefix-b P] [--add-prefix-a P] "
             "[--add-prefix-b P]\n"
             "  torchscope-cli values FILE TENSOR [--slice \"0,:,:\"] [--npy OUT] [--csv OUT]\n"
             "  torchscope-cli stats FILE [--module PATH] [--json | --csv]\n"
             "  torchscope-cli load-weights MODEL WEIGHTS -o OUT [--strict] [--strip-prefix P] [--add-prefix "
             "P]\n"
             "                              [--json]\n"
             "  torchscope-cli scan PATH... [--format text|json|sarif] [-o OUT] [--fail-on "
             "error|warning|note]\n"
             "  torchscope-cli --version\n"
             "  torchscope-cli --lang LANG COMMAND ...\n"
             "\n";
    m_out << tr(
        "Globs match whole parameter names (full dotted names from the root) as Python's fnmatch does,\n"
        "and {A..B} matches the whole numbers A to B (model.layers.{0..23}.* is the lower 24 blocks);\n"
        "--freeze, --unfreeze and --freeze-plan (JSON: {\"requires_grad\": {name: bool}}) apply in the "
        "order given.\n"
        "On files that keep no flags (weights-only files, folders, training checkpoints) they make a\n"
        "plan from every floating-point parameter trainable; --freeze-plan-out PLAN writes the flags\n"
        "as that JSON (with or without -o).\n"
        "diff matches names as load_state_dict does, after the prefixes; elements are equal when\n"
        "|a - b| <= atol + rtol * |b| (NaN equals NaN). --strip-prefix strips from either side.\n"
        "export writes weights (--weights-only: pytorch, the default, or safetensors by OUT's name) or\n"
        "the entire model (--entire-model: torchscript from TorchScript, pickle from a torch.save(model)\n"
        "pickle, re-emitted from its parsed objects, never run). safetensors keeps one name of tied\n"
        "weights and maps the others to it in __metadata__. --dtype, --no-buffers and --max-shard-size\n"
        "(OUT becomes a folder of shards and their index) apply to weights only. On a training\n"
        "checkpoint --weights-only writes the model part (--part model, the default; ema: the EMA weights\n"
        "under the model's names; all: every tensor) and says what it left out; --strip-prefix P removes P\n"
        "from every name that begins with it (Lightning's model., torch.compile's _orig_mod.).\n"
        "load-weights matches WEIGHTS' names to MODEL's as load_state_dict does (after removing\n"
        "--strip-prefix where present and adding --add-prefix), reports what applies and what does not,\n"
        "and writes MODEL with those values as OUT (its entire-model format; flags kept). With --strict\n"
        "any mismatch exits 1 and writes nothing.\n"
        "values takes a NumPy basic index (integers and start:stop:step per axis); without --npy or\n"
        "--csv it prints the slice. .npy files hold bfloat16, float8 and quantized tensors as float32.\n"
        "stats flags: nan, inf, all_zero, constant, norm_outlier (the norm is far from the same\n"
        "tensor's in other blocks), negative_running_var, initial_value (a norm layer's weight 1\n"
        "or bias 0 as initialisation left them: a note, not trouble).\n"
        "Exit status: 0 success (diff: equal), 1 a file cannot be read or written, 2 usage error,\n"
        "3 diff found differences.\n"
        "--lang LANG (zh_CN, de, en; by default the system's language) translates messages and tables;\n"
        "JSON, CSV and the files written are the same in every language.\n");
    m_out << tr("export --weights-only-safe copies a torch.save file so that PyTorch's default torch.load\n"
                "(weights_only=True) reads it: tensors as they are, numpy scalars and arrays as numbers and\n"
                "tensors, namespaces and config objects as dicts, paths as strings; what else stops it is\n"
                "left out and named.\n");
    m_out << tr(
        "scan judges every file under the PATHs by its content, running nothing, and lists findings\n"
        "(rule, severity, file, place, one line): error for a call torch.load would make, a zip entry\n"
        "outside its archive or a second pickle under one name; warning for other zip and safetensors\n"
        "anomalies, truncation and files it cannot read; note for what needs weights_only=False (a\n"
        "model's classes, NumPy scalars). --format sarif writes SARIF 2.1.0 for code scanning. Exit 1\n"
        "when a finding reaches --fail-on (default error), 0 otherwise.\n");
}

int Cli::run(const QStringList &arguments)
{
    QStringList args = arguments.mid(1);
    if (args.isEmpty())
        return usage(tr("missing command"));
    const QString command = args.takeFirst();
    if (command == QLatin1String("--version") || command == QLatin1String("-V")) {
        m_out << "torchscope-cli " << TORCHSCOPE_VERSION << "\n";
        return Success;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
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
    if (command == QLatin1String("diff"))
        return diff(args);
    if (command == QLatin1String("values"))
        return values(args);
    if (command == QLatin1String("stats"))
        return stats(args);
    if (command == QLatin1String("load-weights"))
        return loadWeights(args);
    if (command == QLatin1String("scan"))
        return scan(args);
    return usage(tr("unknown command '%1'").arg(command));
}

int Cli::info(const QStringList &arguments)
{
    cli::InfoOptions options;
    QString message;
    if (!cli::parseInfo(arguments, &options, &message))
        return usage(message);
    CheckpointContent content;
    QString error;
    if (!readCheckpoint(options.file, Progress(), &content, &error))
        return fileError(error);
    // Kept until the process exits, which frees it faster than its destructor would: a model's
    // millions of pickle values and tens of thousands of modules, tensors and names.
    m_document = std::make_unique<CheckpointDocument>(std::move(content));
    const CheckpointDocument &document = *m_document;
    if (options.json) {
        m_out.flush();
        cli::writeInfoJson(m_out.device(), document, options.file, options.stats);
    } else
        cli::printInfo(m_out, document, options.file, options.stats);
    // A plain pickle that is nothing but a call: described above, and an error all the same.
    if (!document.refusedContent().isEmpty())
        return fileError(QStringLiteral("%1: %2").arg(options.file, document.refusedContent()));
    return Success;
}

int Cli::exportCheckpoint(const QStringList &arguments)
{
    cli::ExportOptions options;
    QString message;
    if (!cli::parseExport(arguments, &options, &message))
        return usage(message);
    CheckpointContent content;
    QString error;
    if (!readCheckpoint(options.input, Progress(), &content, &error))
        return fileError(error);
    CheckpointDocument document(std::move(content));
    if (!document.findModule(options.request.modulePath))
        return usage(tr("export: no module '%1' in %2").arg(options.request.modulePath, options.input));
    if (!options.modeGiven) {
        if (document.canSaveEntireModel())
            return usage(tr("export: %1 holds an entire model: choose exactly one of --weights-only and "
                            "--entire-model")
                             .arg(options.input));
        options.request.mode = SaveMode::WeightsOnly;
    }

    // Where the file cannot keep flags the steps make a plan, from what PyTorch would do (every
    // floating-point parameter trainable), which --freeze-plan-out writes.
    for (const cli::FreezeStep &step : std::as_const(options.steps)) {
        if (step.kind == cli::FreezeStep::Kind::Plan) {
            QFile planFile(step.value);
            if (!planFile.open(QIODevice::ReadOnly))
                return fileError(QStringLiteral("%1: %2").arg(step.value, planFile.errorString()));
            QHash<QString, bool> flags;
            if (!FreezePlan::parseJson(planFile.readAll(), &flags, &error) ||
                !FreezePlan::apply(document, flags, &error))
                return fileError(QStringLiteral("%1: %2").arg(step.value, error));
            continue;
        }
        const bool train = step.kind == cli::FreezeStep::Kind::Unfreeze;
        const QString &glob = step.value;
        const NamePattern pattern(glob);
        if (!pattern.isValid())
            return usage(tr("export: bad glob '%1'").arg(glob));
        const QVector<int> matched = document.parametersMatching(pattern);
        if (matched.isEmpty())
            m_err << "torchscope-cli: " << tr("warning: '%1' matches no parameter").arg(glob) << "\n";
        document.setRequiresGrad(matched, train);
    }
    if (!options.freezePlanOut.isEmpty()) {
        QSaveFile plan(options.freezePlanOut);
        const QByteArray json = FreezePlan::toJson(document);
        if (!plan.open(QIODevice::WriteOnly) || plan.write(json) != json.size() || !plan.commit())
            return fileError(QStringLiteral("%1: %2").arg(options.freezePlanOut, plan.errorString()));
        const ParameterTotals totals = document.totals();
        m_err << "torchscope-cli: "
              << tr("wrote the freeze plan %1: %2 of %3 parameters trainable")
                     .arg(options.freezePlanOut)
                     .arg(totals.trainable)
                     .arg(totals.parameters)
              << "\n";
        if (options.request.path.isEmpty())
            return Success;
    } else if (!options.steps.isEmpty() && document.freezingIsPlan() &&
               options.request.mode == SaveMode::WeightsOnly) {
        m_err << "torchscope-cli: "
              << tr("note: %1 keeps no requires_grad flags; --freeze-plan-out FILE writes the plan")
                     .arg(options.request.path)
              << "\n";
    }

    // A training checkpoint's weights are its model part's unless another part is asked for.
    const CheckpointParts &parts = document.parts();
    const bool training = parts.kind == CheckpointKind::Training;
    if (options.part == QLatin1String("model") ||
        (options.part.isEmpty() && training && options.request.mode == SaveMode::WeightsOnly &&
         options.request.format != SaveFormat::WeightsOnlySafe && options.request.modulePath.isEmpty() &&
         !parts.modelIsWholeFile()))
        options.request.part = SavePart::Model;
    else if (options.part == QLatin1String("ema"))
        options.request.part = SavePart::Ema;
    const std::unique_ptr<SaveJob> job = SaveJob::prepare(document, options.request, &error);
    if (!job)
        return fileError(QStringLiteral("%1: %2").arg(options.request.path, error));
    if (!job->run(Progress(), &error))
        return fileError(error);
    for (const QString &note : job->notes())
        m_err << "torchscope-cli: " << tr("note: %1").arg(note) << "\n";
    if (training && options.request.mode == SaveMode::WeightsOnly) {
        const QString what =
            options.request.part == SavePart::Model ? tr("the model part '%1'").arg(parts.modelPath)
            : options.request.part == SavePart::Ema ? tr("the EMA weights '%1'").arg(parts.emaPath)
                                                    : tr("the whole checkpoint");
        m_err << "torchscope-cli: "
              << tr("wrote %1: %n tensor(s). %2", nullptr, job->entryCount()).arg(what, job->leftOut())
              << "\n";
        if (const QString prefix = offeredStripPrefix(document, options.request);
            !prefix.isEmpty() && options.request.stripPrefix.isEmpty())
            m_err << "torchscope-cli: "
                  << tr("note: every name begins with '%1'; --strip-prefix %1 removes it").arg(prefix)
                  << "\n";
    }
    return Success;
}

bool Cli::needsGui(const QStringList &arguments)
{
    // Decided before any QCoreApplication exists, from the raw words.
    return arguments.size() > 1 && arguments.at(1) == QLatin1String("hist") &&
           std::any_of(arguments.begin(), arguments.end(), [](const QString &arg) {
               return arg == QLatin1String("--png") || arg.startsWith(QLatin1String("--png="));
           });
}

int Cli::histogram(const QStringList &arguments)
{
    cli::HistOptions options;
    QString message;
    if (!cli::parseHist(arguments, &options, &message))
        return usage(message);
    CheckpointContent content;
    QString error;
    if (!readCheckpoint(options.file, Progress(), &content, &error))
        return fileError(error);
    CheckpointDocument document(std::move(content));
    // A tensor by name, or a module whose parameters are pooled, as the GUI does.
    std::vector<const TensorInfo *> tensors;
    if (const int index = document.findTensor(options.tensor); index >= 0) {
        tensors.push_back(&document.tensor(index));
    } else if (const ModuleNode *module = document.findModule(options.tensor)) {
        // Every parameter, as hist has always pooled (the window pools weight matrices by default).
        for (int i : document.pooledTensors(module, CheckpointDocument::Pool::EveryParameter))
            tensors.push_back(&document.tensor(i));
    }
    if (tensors.empty())
        return usage(tr("hist: no tensor or module '%1' in %2").arg(options.tensor, options.file));
    for (const TensorInfo *tensor : tensors) {
        if (dtypeIsComplex(tensor->dtype))
            return fileError(tr("%1: complex tensors are listed, not plotted").arg(tensor->name));
    }
    // Meta tensors have no values to count.
    tensors.erase(std::remove_if(tensors.begin(), tensors.end(), [](const TensorInfo *t) { return t->meta; }),
                  tensors.end());
    if (tensors.empty())
        return fileError(tr("%1 has no data in %2 (a meta tensor)").arg(options.tensor, options.file));
    const HistogramResult result = HistogramKernel::compute(tensors, options.request);
    if (!options.png.isEmpty()) {
        HistogramPlot plot;
        plot.resize(900, 520);
        plot.setHistogram(result, options.tensor);
        QString reason;
        if (!plot.exportTo(options.png, &reason))
            return fileError(reason);
    }
    if (options.json)
        writeJson(cli::histogramJson(options.tensor, result));
    else
        cli::printHistogram(m_out, options.tensor, result);
    return Success;
}

int Cli::example(const QStringList &arguments)
{
    cli::ExampleOptions options;
    QString message;
    if (!cli::parseExample(arguments, &options, &message))
        return usage(message);
    CheckpointContent content;
    QString error;
    if (!readExampleModel(&content, &error))
        return fileError(error);
    CheckpointDocument document(std::move(content));
    const SaveRequest request{options.output,
                              options.weightsOnly ? SaveMode::WeightsOnly : SaveMode::EntireModel, QString()};
    const std::unique_ptr<SaveJob> job = SaveJob::prepare(document, request, &error);
    if (!job || !job->run(Progress(), &error))
        return fileError(error);
    return Success;
}

int Cli::diff(const QStringList &arguments)
{
    cli::DiffOptions options;
    QString message;
    if (!cli::parseDiff(arguments, &options, &message))
        return usage(message);
    DiffSide sides[2];
    const QString files[2] = {options.fileA, options.fileB};
    for (int i = 0; i < 2; ++i) {
        CheckpointContent content;
        QString error;
        if (!readCheckpoint(files[i], Progress(), &content, &error))
            return fileError(error);
        if (!content.refusedContent.isEmpty())
            return fileError(QStringLiteral("%1: %2").arg(files[i], content.refusedContent));
        sides[i] = DiffSide::fromContent(content);
        sides[i].label = files[i];
    }
    options.diff.longRead = CheckpointDiff::needsLongRead(sides[0], sides[1]);
    Comparison comparison = CheckpointDiff::match(sides[0], sides[1], options.diff);
    CheckpointDiff::compare(sides[0], sides[1], &comparison);
    if (!options.csv.isEmpty()) {
        QSaveFile csv(options.csv);
        if (!csv.open(QIODevice::WriteOnly) ||
            csv.write(CheckpointDiff::toCsv(comparison, sides[0], sides[1])) < 0 || !csv.commit())
            return fileError(QStringLiteral("%1: %2").arg(options.csv, csv.errorString()));
    }
    if (options.json)
        writeJson(cli::diffJson(comparison, sides[0], sides[1]));
    else
        cli::printDiff(m_out, comparison, sides[0], sides[1]);
    return comparison.totals().equal ? Success : Different;
}

int Cli::values(const QStringList &arguments)
{
    cli::ValuesOptions options;
    QString message;
    if (!cli::parseValues(arguments, &options, &message))
        return usage(message);
    TensorSlice slice;
    if (!TensorSlice::parse(options.slice, &slice, &message))
        return usage(tr("values: %1").arg(message));
    CheckpointContent content;
    QString error;
    if (!readCheckpoint(options.file, Progress(), &content, &error))
        return fileError(error);
    const CheckpointDocument document(std::move(content));
    const int index = document.findTensor(options.tensor);
    if (index < 0)
        return usage(tr("values: no tensor '%1' in %2").arg(options.tensor, options.file));
    const TensorInfo &tensor = document.tensor(index);
    TensorInfo view;
    if (!slice.apply(tensor, &view, &message))
        return usage(tr("values: %1").arg(message));
    if (view.numel() > 0 && !view.storage)
        return fileError(tr("%1: %2 has no data in this file").arg(options.file, tensor.name));
    const auto writeTo = [&](const QString &path, auto write) {
        QSaveFile file(path);
        QString reason;
        if (!file.open(QIODevice::WriteOnly))
            return file.errorString();
        if (!write(&file, &reason)) {
            file.cancelWriting();
            return reason;
        }
        return file.commit() ? QString() : file.errorString();
    };
    if (!options.npy.isEmpty()) {
        const QString reason = writeTo(options.npy, [&](QIODevice *out, QString *why) {
            return ValueExport::writeNpy(view, out, Progress(), why);
        });
        if (!reason.isEmpty())
            return fileError(QStringLiteral("%1: %2").arg(options.npy, reason));
    }
    if (!options.csv.isEmpty()) {
        const QString reason = writeTo(options.csv, [&](QIODevice *out, QString *why) {
            return ValueExport::writeCsv(view, out, Progress(), why);
        });
        if (!reason.isEmpty())
            return fileError(QStringLiteral("%1: %2").arg(options.csv, reason));
    }
    if (options.npy.isEmpty() && options.csv.isEmpty())
        cli::printValues(m_out, view, slice.toString());
    return Success;
}

int Cli::scan(const QStringList &arguments)
{
    cli::ScanOptions options;
    QString message;
    if (!cli::parseScan(arguments, &options, &message))
        return usage(message);
    // A progress line on a terminal only: logs and pipes get the findings alone.
    Progress progress;
    const bool terminal = isatty(fileno(stderr)) != 0;
    QElapsedTimer sinceLine;
    sinceLine.start();
    if (terminal)
        progress.report = [this, &sinceLine](qint64 done, qint64 total) {
            if (done < total && sinceLine.elapsed() < 100)
                return;
            sinceLine.restart();
            m_err << "\r" << tr("scan: %1 of %n file(s)", nullptr, int(total)).arg(done)
                  << (done == total ? "\n" : "");
            m_err.flush();
        };
    const ScanReport report = scanPaths(options.paths, progress);
    const QVector<ScanFinding> &findings = report.findings;
    QByteArray bytes;
    if (options.format == QLatin1String("json") || options.format == QLatin1String("sarif")) {
        const QJsonObject object = options.format == QLatin1String("json")
                                       ? scanJson(findings, report.files)
                                       : scanSarif(findings, QStringLiteral(TORCHSCOPE_VERSION));
        bytes = QJsonDocument(object).toJson(QJsonDocument::Indented);
    } else {
        QString text;
        QTextStream lines(&text);
        for (const ScanFinding &finding : findings)
            lines << finding.file
                  << (finding.place.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(finding.place))
                  << ": " << scanSeverityName(finding.severity) << " " << finding.ruleId << ": "
                  << finding.message << "\n";
        lines << tr("%n file(s) scanned; findings: %1", nullptr, report.files).arg(findings.size()) << "\n";
        lines.flush();
        bytes = text.toUtf8();
    }
    if (options.output.isEmpty()) {
        m_out << QString::fromUtf8(bytes);
    } else {
        QSaveFile out(options.output);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
            return fileError(QStringLiteral("%1: %2").arg(options.output, out.errorString()));
    }
    const ScanSeverity threshold = options.failOn == QLatin1String("note")      ? ScanSeverity::Note
                                   : options.failOn == QLatin1String("warning") ? ScanSeverity::Warning
                                                                                : ScanSeverity::Error;
    return scanReaches(findings, threshold) ? FileError : Success;
}

int Cli::stats(const QStringList &arguments)
{
    cli::StatsOptions options;
    QString message;
    if (!cli::parseStats(arguments, &options, &message))
        return usage(message);
    CheckpointContent content;
    QString error;
    if (!readCheckpoint(options.file, Progress(), &content, &error))
        return fileError(error);
    const CheckpointDocument document(std::move(content));
    const ModuleNode *module = document.findModule(options.modulePath);
    if (!module)
        return usage(tr("stats: no module '%1' in %2").arg(options.modulePath, options.file));
    std::vector<const TensorInfo *> tensors;
    for (int i : document.tensorsInSubtree(module))
        tensors.push_back(&document.tensor(i));
    const QVector<TensorHealth> report = HealthReport::compute(tensors);
    if (options.json)
        writeJson(HealthReport::toJson(report));
    else if (options.csv)
        m_out << HealthReport::toCsv(report);
    else
        cli::printHealth(m_out, report);
    return Success;
}

int Cli::loadWeights(const QStringList &arguments)
{
    cli::LoadWeightsCliOptions options;
    QString message;
    if (!cli::parseLoadWeights(arguments, &options, &message))
        return usage(message);
    CheckpointContent modelContent;
    QString error;
    if (!readCheckpoint(options.model, Progress(), &modelContent, &error))
        return fileError(error);
    CheckpointDocument model(std::move(modelContent));
    if (!model.canSaveEntireModel())
        return fileError(tr("%1: not an entire model that can be written back (a TorchScript archive or a "
                            "torch.save(model) pickle is needed)")
                             .arg(options.model));
    CheckpointContent weights;
    if (!readCheckpoint(options.weights, Progress(), &weights, &error))
        return fileError(error);
    if (!weights.refusedContent.isEmpty())
        return fileError(QStringLiteral("%1: %2").arg(options.weights, weights.refusedContent));
    const WeightsMatch match = WeightsMatch::match(model, weights, options.mapping);
    if (options.json)
        writeJson(match.toJson());
    else
        m_out << match.describe() << "\n";
    m_out.flush();
    if (!torchscope::loadWeights(&model, match, options.strict, options.weights, &error))
        return fileError(QStringLiteral("%1: %2").arg(options.weights, error));
    const SaveRequest request{options.output, SaveMode::EntireModel, QString()};
    const std::unique_ptr<SaveJob> job = SaveJob::prepare(model, request, &error);
    if (!job || !job->run(Progress(), &error))
        return fileError(error);
    return Success;
}

} // namespace torchscope
