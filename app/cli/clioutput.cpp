#include "clioutput.h"

#include "jsonwriter.h"

#include "diff/checkpointdiff.h"
#include "document/checkpointdocument.h"
#include "formats/pickle/weightsonly.h"
#include "inspect/elementvalue.h"
#include "inspect/healthreport.h"
#include "itemmodels/displayformat.h"
#include "output/statisticsjson.h"
#include "stats/histogramkernel.h"
#include "stats/tensorstats.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace torchscope::cli {

namespace {
// lupdate sees the words of the human-readable output under the context CliOutput; JSON keys never change.
struct CliOutputText
{
    Q_DECLARE_TR_FUNCTIONS(CliOutput)
};

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

QString mappingName(OptimizerMapping mapping)
{
    switch (mapping) {
    case OptimizerMapping::ParamNames:
        return QStringLiteral("param_names");
    case OptimizerMapping::ModelOrder:
        return QStringLiteral("model_order");
    case OptimizerMapping::TrainerGroups:
        return QStringLiteral("trainer_groups");
    case OptimizerMapping::ByShape:
        return QStringLiteral("by_shape");
    case OptimizerMapping::ById:
        return QStringLiteral("by_id");
    }
    return QString();
}

// An optimizer as `info --json` lists it: its groups' settings with the names of their parameters
// (ids where they could not be mapped), and each parameter's state.
QJsonObject optimizerJson(const OptimizerState &optimizer)
{
    // Each parameter by name where its id was mapped, by id where it was not.
    QJsonArray groups;
    for (const OptimizerGroup &group : optimizer.groups) {
        QJsonObject object = group.settings;
        QJsonArray params;
        for (int j = 0; j < group.ids.size(); ++j) {
            const QString name = group.parameterNames.value(j);
            params.append(name.isEmpty() ? QJsonValue(group.ids[j]) : QJsonValue(name));
        }
        object.insert(QStringLiteral("params"), params);
        groups.append(object);
    }
    QJsonObject state;
    for (const OptimizerEntry &entry : optimizer.entries) {
        if (entry.stateNames.isEmpty())
            continue;
        // The step is a number of its own, not one of the state's tensors.
        QStringList tensors = entry.stateNames;
        tensors.removeAll(QStringLiteral("step"));
        QJsonObject object{{QStringLiteral("tensors"), QJsonArray::fromStringList(tensors)}};
        object.insert(QStringLiteral("step"), entry.step >= 0 ? QJsonValue(entry.step) : QJsonValue());
        state.insert(entry.parameter.isEmpty() ? QString::number(entry.id) : entry.parameter, object);
    }
    QJsonObject object{{QStringLiteral("path"), optimizer.path},
                       {QStringLiteral("family"), DisplayFormat::optimizerFamily(optimizer)},
                       {QStringLiteral("mapping"), mappingName(optimizer.mapping)},
                       {QStringLiteral("param_groups"), groups},
                       {QStringLiteral("state"), state}};
    if (!optimizer.unmappedReason.isEmpty())
        object.insert(QStringLiteral("unmapped_reason"), optimizer.unmappedReason);
    return object;
}

QJsonObject checkpointJson(const CheckpointParts &parts)
{
    const auto orNull = [](const QString &text) { return text.isNull() ? QJsonValue() : QJsonValue(text); };
    return {
        {QStringLiteral("kind"), checkpointKindName(parts.kind)},
        {QStringLiteral("framework"), parts.framework.isEmpty() ? QJsonValue() : QJsonValue(parts.framework)},
        {QStringLiteral("framework_version"), orNull(parts.frameworkVersion)},
        {QStringLiteral("model"), parts.modelPath.isNull() ? QString() : parts.modelPath},
        {QStringLiteral("ema"), orNull(parts.emaPath)},
        {QStringLiteral("optimizers"), QJsonArray::fromStringList(parts.optimizers)},
        {QStringLiteral("other_state"), QJsonArray::fromStringList(parts.otherState)},
        {QStringLiteral("schedulers"), QJsonArray::fromStringList(parts.schedulers)}};
}

// Long values shortened in the text `info`; `--json` has them whole.
QString shortened(const QString &text)
{
    constexpr int kLongest = 100;
    return text.size() > kLongest ? text.left(kLongest - 1) + QChar(0x2026) : text;
}

void printTree(QTextStream &out, const ModuleNode *node, int depth)
{
    const QString name = node->treeName();
    const QString type =
        node->shortTypeName().isEmpty() ? QString() : QStringLiteral(" ") + node->shortTypeName();
    out << QString(depth * 2, QLatin1Char(' ')) << name << type << "  "
        << CliOutputText::tr("params %1, trainable %2")
               .arg(DisplayFormat::count(node->parameterCount()),
                    DisplayFormat::count(node->trainableCount()))
        << "\n";
    for (int i = 0; i < node->childCount(); ++i)
        printTree(out, node->child(i), depth + 1);
}
} // namespace

void writeInfoJson(QIODevice *device, const CheckpointDocument &document, const QString &file, bool withStats)
{
    // Keys in the order QJsonObject keeps them (sorted), so the bytes are what Qt would write.
    JsonWriter json(device);
    const ParameterTotals totals = document.totals();
    json.beginObject();
    json.key("checkpoint");
    json.value(checkpointJson(document.parts()));
    if (const ModelConfig &config = document.modelConfig(); !config.isEmpty()) {
        // As config.json states them; null where it does not.
        const auto count = [&json](qint64 value) { value >= 0 ? json.value(value) : json.null(); };
        const auto text = [&json](const QString &value) {
            value.isEmpty() ? json.null() : json.value(value);
        };
        json.key("config");
        json.beginObject();
        json.key("architecture");
        text(config.architecture);
        json.key("hidden_size");
        count(config.hiddenSize);
        json.key("model_type");
        text(config.modelType);
        json.key("num_attention_heads");
        count(config.attentionHeads);
        json.key("num_hidden_layers");
        count(config.hiddenLayers);
        json.key("path");
        json.value(config.path);
        json.key("torch_dtype");
        text(config.torchDtype);
        json.key("vocab_size");
        count(config.vocabularySize);
        json.endObject();
    }
    json.key("file");
    json.value(file);
    json.key("format");
    json.value(checkpointFormatName(document.format()));
    json.key("modules");
    json.beginArray();
    if (document.storesRequiresGrad()) {
        // Depth first, in named_children order, without recursion: a hostile file may nest deeply.
        std::vector<const ModuleNode *> pending{document.root()};
        while (!pending.empty()) {
            const ModuleNode *node = pending.back();
            pending.pop_back();
            json.beginObject();
            json.key("path");
            json.value(node->path());
            json.key("type");
            json.value(node->typeName());
            json.endObject();
            for (int i = node->childCount() - 1; i >= 0; --i)
                pending.push_back(node->child(i));
        }
    }
    json.endArray();
    json.key("optimizers");
    json.beginArray();
    for (const OptimizerState &optimizer : document.optimizers())
        json.value(optimizerJson(optimizer));
    json.endArray();
    json.key("tensors");
    json.beginArray();
    for (int i = 0; i < document.tensorCount(); ++i) {
        const TensorInfo &tensor = document.tensor(i);
        // The statistics' keys among the tensor's own, in the order QJsonDocument writes keys (sorted).
        const QJsonObject stats = withStats ? statisticsJson(TensorStats::compute(tensor)) : QJsonObject();
        const auto statistics = [&json, &stats](std::initializer_list<const char *> keys) {
            for (const char *key : keys) {
                const auto it = stats.constFind(QLatin1String(key));
                if (it == stats.constEnd())
                    continue;
                json.key(key);
                json.value(*it);
            }
        };
        json.beginObject();
        if (tensor.chunks) { // where the pieces of a DCP checkpoint's tensor are
            json.key("chunks");
            json.beginArray();
            for (const TensorChunk &chunk : *tensor.chunks) {
                json.beginObject();
                json.key("byte_length");
                json.value(chunk.byteLength);
                json.key("byte_offset");
                json.value(chunk.byteOffset);
                json.key("file");
                json.value(chunk.file);
                for (const auto &[key, values] :
                     {std::pair{"offsets", &chunk.offsets}, std::pair{"sizes", &chunk.sizes}}) {
                    json.key(key);
                    json.beginArray();
                    for (const qint64 v : *values)
                        json.value(v);
                    json.endArray();
                }
                json.endObject();
            }
            json.endArray();
        }
        json.key("dtype");
        json.value(dtypeName(tensor.dtype));
        if (!tensor.storedEncoding.isEmpty()) { // a GGUF tensor: its ggml type, bytes and place
            json.key("ggml_bytes");
            json.value(tensor.storedBytes);
            json.key("ggml_offset");
            json.value(tensor.storedOffset);
            json.key("ggml_type");
            json.value(tensor.storedEncoding);
        }
        statistics({"inf_count"});
        json.key("kind");
        json.value(tensorKindName(tensor.kind));
        statistics({"l2_norm", "max", "mean", "min"});
        json.key("name");
        json.value(tensor.name);
        statistics({"nan_count"});
        if (const Quantization *q = tensor.quantization.get()) {
            // Per tensor: numbers and a null axis; per channel: one number a channel and the axis.
            const bool perTensor = q->scheme == Quantization::Scheme::PerTensorAffine;
            const auto values = [&json, perTensor](const QVector<double> &list) {
                if (perTensor) {
                    json.value(list.value(0));
                    return;
                }
                json.beginArray();
                for (const double v : list)
                    json.value(v);
                json.endArray();
            };
            json.key("quantization");
            json.beginObject();
            json.key("axis");
            perTensor ? json.null() : json.value(q->axis);
            json.key("scale");
            values(q->scales);
            json.key("scheme");
            json.value(q->schemeName());
            json.key("zero_point");
            values(q->zeroPoints);
            json.endObject();
        }
        json.key("requires_grad");
        if (tensor.kind == TensorKind::Parameter && tensor.hasRequiresGrad)
            json.value(document.requiresGrad(i));
        else
            json.null();
        json.key("shape");
        json.beginArray();
        for (const qint64 d : tensor.shape)
            json.value(d);
        json.endArray();
        statistics({"std"});
        if (tensor.tiedTo >= 0) {
            json.key("tied_to");
            json.value(document.tensor(tensor.tiedTo).name);
        }
        statistics({"zero_fraction"});
        json.endObject();
    }
    json.endArray();
    json.key("totals");
    json.beginObject();
    json.key("frozen");
    json.value(totals.frozen());
    json.key("parameters");
    json.value(totals.parameters);
    json.key("trainable");
    json.value(totals.trainable);
    json.endObject();
    json.key("values");
    json.beginArray();
    for (const CheckpointValue &value : document.values()) {
        json.beginObject();
        json.key("path");
        json.value(value.path);
        json.key("type");
        json.value(value.type);
        json.key("value");
        json.value(value.value);
        json.endObject();
    }
    json.endArray();
    json.key("warnings");
    json.beginArray();
    for (const QString &warning : document.warnings())
        json.value(warning);
    json.endArray();
    json.key("weights_only_blockers");
    json.beginArray();
    for (const WeightsOnlyBlocker &blocker : document.weightsOnlyBlockers()) {
        json.beginObject();
        json.key("global");
        json.value(blocker.global);
        json.key("paths");
        json.beginArray();
        for (const QString &path : blocker.paths)
            json.value(path);
        json.endArray();
        json.key("places");
        json.value(blocker.places);
        json.endObject();
    }
    json.endArray();
    json.endObject();
}

void printInfo(QTextStream &out, const CheckpointDocument &document, const QString &file, bool withStats)
{
    const bool stats = withStats;
    const ParameterTotals totals = document.totals();
    out << CliOutputText::tr("File: %1").arg(file) << "\n"
        << CliOutputText::tr("Format: %1").arg(checkpointFormatName(document.format())) << "\n";
    if (const ModelConfig &config = document.modelConfig(); !config.isEmpty()) {
        const QStringList parts =
            QStringList{DisplayFormat::configName(config)} + DisplayFormat::configFacts(config);
        out << CliOutputText::tr("Config: %1 (%2)").arg(parts.join(CliOutputText::tr(", ")), config.path)
            << "\n";
    }
    if (document.format() == CheckpointFormat::Pickle)
        out << CliOutputText::tr(
                   "Note: a plain pickle, not a PyTorch checkpoint; torch.load would run it as it "
                   "unpickles it. Nothing was run; below are the values it holds.")
            << "\n";
    if (const QString summary = DisplayFormat::checkpointSummary(document); !summary.isEmpty())
        out << CliOutputText::tr("Checkpoint: %1").arg(summary) << "\n";
    else if (document.format() != CheckpointFormat::Pickle && !document.storesRequiresGrad())
        out << CliOutputText::tr(
                   "Note: weights-only files store no requires_grad flags; PyTorch makes parameters "
                   "trainable when it loads them into a freshly built model.")
            << "\n";
    out << "\n" << CliOutputText::tr("Modules:") << "\n";
    printTree(out, document.root(), 1);
    out << "\n" << CliOutputText::tr("Tensors:") << "\n";
    for (int i = 0; i < document.tensorCount(); ++i) {
        const TensorInfo &tensor = document.tensor(i);
        QString flag = QStringLiteral("-");
        if (tensor.kind == TensorKind::Parameter && tensor.hasRequiresGrad)
            flag = document.requiresGrad(i) ? CliOutputText::tr("trainable") : CliOutputText::tr("frozen");
        out << "  " << tensor.name << "  " << tensorKindName(tensor.kind) << "  " << dtypeName(tensor.dtype);
        if (tensor.quantization)
            out << " (" << tensor.quantization->describe() << ")";
        if (!tensor.storedEncoding.isEmpty() && tensor.storedBytes != tensor.byteSize()) // decoded blocks
            out << " (" << CliOutputText::tr("stored as %1").arg(tensor.storedEncoding) << ")";
        out << "  " << shapeToString(tensor.shape) << "  " << flag;
        if (tensor.tiedTo >= 0)
            out << "  " << CliOutputText::tr("tied to %1").arg(document.tensor(tensor.tiedTo).name);
        if (stats) {
            const TensorStats s = TensorStats::compute(tensor);
            if (s.hasMoments())
                out << QStringLiteral("  min %1 max %2 mean %3 std %4")
                           .arg(s.min, 0, 'g', 6)
                           .arg(s.max, 0, 'g', 6)
                           .arg(s.mean, 0, 'g', 6)
                           .arg(s.std, 0, 'g', 6);
            if (s.nanCount || s.infCount)
                out << "  nan " << s.nanCount << " inf " << s.infCount;
        }
        out << "\n";
    }
    out << "\n"
        << CliOutputText::tr("Totals: %1 parameters (%2 trainable, %3 frozen)")
               .arg(DisplayFormat::count(totals.parameters), DisplayFormat::count(totals.trainable),
                    DisplayFormat::count(totals.frozen()))
        << "\n";
    if (!document.values().isEmpty()) {
        out << "\n" << CliOutputText::tr("Values:") << "\n";
        for (const CheckpointValue &value : document.values())
            out << "  " << value.path << " = " << shortened(DisplayFormat::checkpointValue(value)) << "  ("
                << value.type << ")\n";
    }
    for (const OptimizerState &optimizer : document.optimizers()) {
        out << "\n"
            << CliOutputText::tr("Optimizer %1 (%2):")
                   .arg(optimizer.path, DisplayFormat::optimizerFamily(optimizer))
            << "\n";
        for (int g = 0; g < optimizer.groups.size(); ++g)
            out << "  "
                << CliOutputText::tr("group %1: %n parameter(s), %2", nullptr,
                                     int(optimizer.groups[g].ids.size()))
                       .arg(g)
                       .arg(QString::fromUtf8(
                           QJsonDocument(optimizer.groups[g].settings).toJson(QJsonDocument::Compact)))
                << "\n";
        if (!optimizer.unmappedReason.isEmpty())
            out << "  " << optimizer.unmappedReason << "\n";
        for (const OptimizerEntry &entry : optimizer.entries) {
            if (entry.stateNames.isEmpty())
                continue;
            out << "  " << entry.id << " -> "
                << (entry.parameter.isEmpty() ? QStringLiteral("?") : entry.parameter) << "  "
                << entry.stateNames.join(QLatin1String(", "));
            if (entry.step >= 0)
                out << "  " << CliOutputText::tr("step %1").arg(entry.step);
            out << "\n";
        }
    }
    for (const QString &warning : document.warnings())
        out << CliOutputText::tr("Warning: %1").arg(warning) << "\n";
    if (!document.weightsOnlyBlockers().isEmpty())
        out << CliOutputText::tr("PyTorch's default torch.load (weights_only=True) refuses this file: %1")
                   .arg(describeWeightsOnlyBlockers(document.weightsOnlyBlockers()))
            << "\n";
}

QJsonObject histogramJson(const QString &name, const HistogramResult &result)
{
    QJsonArray edges, counts;
    for (double edge : result.edges)
        edges.append(edge);
    for (qint64 count : result.counts)
        counts.append(count);
    QJsonObject object = statisticsJson(result.stats);
    object.insert(QStringLiteral("tensor"), name);
    object.insert(QStringLiteral("edges"), edges);
    object.insert(QStringLiteral("counts"), counts);
    object.insert(QStringLiteral("numel"), result.stats.count);
    return object;
}

void printHistogram(QTextStream &out, const QString &name, const HistogramResult &result)
{
    const TensorStats &s = result.stats;
    out << CliOutputText::tr("%1: %2 elements", nullptr, DisplayFormat::pluralCount(s.count))
               .arg(name, DisplayFormat::count(s.count));
    if (s.hasMoments())
        out << CliOutputText::tr(", min %1, max %2, mean %3, std %4, L2 %5")
                   .arg(s.min, 0, 'g', 6)
                   .arg(s.max, 0, 'g', 6)
                   .arg(s.mean, 0, 'g', 6)
                   .arg(s.std, 0, 'g', 6)
                   .arg(s.l2Norm, 0, 'g', 6);
    out << CliOutputText::tr(", zeros %1, NaN %2, Inf %3")
               .arg(DisplayFormat::count(s.zeroCount), DisplayFormat::count(s.nanCount),
                    DisplayFormat::count(s.infCount))
        << "\n";
    qint64 peak = 1;
    for (qint64 count : result.counts)
        peak = std::max(peak, count);
    for (int i = 0; i < result.counts.size(); ++i) {
        const bool last = i == result.counts.size() - 1;
        out << QStringLiteral("[%1, %2%3 %4 ")
                   .arg(result.edges[i], 12, 'g', 6)
                   .arg(result.edges[i + 1], 12, 'g', 6)
                   .arg(last ? QLatin1Char(']') : QLatin1Char(')'))
                   .arg(DisplayFormat::count(result.counts[i]), 13)
            << QString(int(40 * result.counts[i] / peak), QLatin1Char('#')) << "\n";
    }
}

namespace {
QString prefixAdvice(const PrefixSuggestion &suggestion)
{
    const QString side =
        suggestion.side == PrefixSuggestion::Side::A ? QStringLiteral("a") : QStringLiteral("b");
    return CliOutputText::tr("%n names in %1 match once '%2' is stripped (--strip-prefix-%3 %2)", nullptr,
                             suggestion.matches)
        .arg(side.toUpper(), suggestion.prefix, side);
}
} // namespace

QJsonObject diffJson(const Comparison &comparison, const DiffSide &a, const DiffSide &b)
{
    QJsonArray tensors;
    for (const TensorDiff &diff : comparison.tensors) {
        const TensorInfo *ta = diff.indexA >= 0 ? &a.tensors[size_t(diff.indexA)] : nullptr;
        const TensorInfo *tb = diff.indexB >= 0 ? &b.tensors[size_t(diff.indexB)] : nullptr;
        auto statistic = [&diff](double v) { return diff.hasStatistics ? number(v) : QJsonValue(); };
        auto flag = [](const TensorInfo *t) {
            return t && t->hasRequiresGrad ? QJsonValue(t->requiresGrad) : QJsonValue();
        };
        tensors.append(QJsonObject{
            {QStringLiteral("name"), diff.name},
            {QStringLiteral("status"), diffStatusName(diff.status)},
            {QStringLiteral("max_abs"), statistic(diff.maxAbs)},
            {QStringLiteral("mean_abs"), statistic(diff.meanAbs)},
            {QStringLiteral("rel_l2"), statistic(diff.relL2)},
            {QStringLiteral("changed_fraction"), statistic(diff.changedFraction())},
            {QStringLiteral("cosine"), statistic(diff.cosine)},
            {QStringLiteral("changed_elements"),
             diff.hasStatistics ? QJsonValue(diff.changedElements) : QJsonValue()},
            {QStringLiteral("elements"), diff.hasStatistics ? QJsonValue(diff.elements) : QJsonValue()},
            {QStringLiteral("bit_identical"),
             diff.hasStatistics ? QJsonValue(diff.bitIdentical) : QJsonValue()},
            {QStringLiteral("within_tolerance"),
             diff.hasStatistics ? QJsonValue(diff.withinTolerance) : QJsonValue()},
            {QStringLiteral("name_a"), ta ? QJsonValue(ta->name) : QJsonValue()},
            {QStringLiteral("name_b"), tb ? QJsonValue(tb->name) : QJsonValue()},
            {QStringLiteral("dtype_a"), ta ? QJsonValue(dtypeName(ta->dtype)) : QJsonValue()},
            {QStringLiteral("dtype_b"), tb ? QJsonValue(dtypeName(tb->dtype)) : QJsonValue()},
            {QStringLiteral("shape_a"), ta ? QJsonValue(shapeArray(ta->shape)) : QJsonValue()},
            {QStringLiteral("shape_b"), tb ? QJsonValue(shapeArray(tb->shape)) : QJsonValue()},
            {QStringLiteral("requires_grad_a"), flag(ta)},
            {QStringLiteral("requires_grad_b"), flag(tb)},
        });
    }
    const DiffTotals totals = comparison.totals();
    QJsonObject root;
    root.insert(QStringLiteral("file_a"), a.label);
    root.insert(QStringLiteral("file_b"), b.label);
    root.insert(QStringLiteral("tensors"), tensors);
    root.insert(QStringLiteral("totals"),
                QJsonObject{{QStringLiteral("tensors"), totals.tensors},
                            {QStringLiteral("identical"), totals.identical},
                            {QStringLiteral("changed"), totals.changed},
                            {QStringLiteral("only_in_a"), totals.onlyInA},
                            {QStringLiteral("only_in_b"), totals.onlyInB},
                            {QStringLiteral("shape_differs"), totals.shapeDiffers},
                            {QStringLiteral("dtype_differs"), totals.dtypeDiffers},
                            {QStringLiteral("requires_grad_differs"), totals.requiresGradDiffers},
                            {QStringLiteral("elements_compared"), totals.elementsCompared},
                            {QStringLiteral("elements_changed"), totals.elementsChanged},
                            {QStringLiteral("largest_rel_l2"), number(totals.largestRelL2)},
                            {QStringLiteral("equal"), totals.equal},
                            {QStringLiteral("atol"), comparison.options.atol},
                            {QStringLiteral("rtol"), comparison.options.rtol}});
    const PrefixSuggestion &s = comparison.suggestion;
    root.insert(QStringLiteral("suggestion"),
                s.isValid()
                    ? QJsonValue(QJsonObject{{QStringLiteral("strip_prefix"), s.prefix},
                                             {QStringLiteral("side"), s.side == PrefixSuggestion::Side::A
                                                                          ? QStringLiteral("a")
                                                                          : QStringLiteral("b")},
                                             {QStringLiteral("matches"), s.matches}})
                    : QJsonValue());
    root.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(comparison.warnings));
    return root;
}

void printDiff(QTextStream &out, const Comparison &comparison, const DiffSide &a, const DiffSide &b)
{
    const DiffTotals totals = comparison.totals();
    out << CliOutputText::tr("A: %1 (%n tensors)", nullptr, int(a.tensors.size())).arg(a.label) << "\n"
        << CliOutputText::tr("B: %1 (%n tensors)", nullptr, int(b.tensors.size())).arg(b.label) << "\n";
    out << CliOutputText::tr(
               "%n names: %1 identical, %2 changed, %3 dtype differs, %4 shape differs, %5 only "
               "in A, %6 only in B",
               nullptr, totals.tensors)
               .arg(totals.identical)
               .arg(totals.changed)
               .arg(totals.dtypeDiffers)
               .arg(totals.shapeDiffers)
               .arg(totals.onlyInA)
               .arg(totals.onlyInB);
    if (totals.requiresGradDiffers > 0)
        out << CliOutputText::tr("; requires_grad differs for %1").arg(totals.requiresGradDiffers);
    out << "\n";
    if (comparison.options.atol > 0 || comparison.options.rtol > 0)
        out << CliOutputText::tr("Tolerances: atol %1, rtol %2")
                   .arg(comparison.options.atol)
                   .arg(comparison.options.rtol)
            << "\n";
    for (const QString &warning : comparison.warnings)
        out << CliOutputText::tr("warning: %1").arg(warning) << "\n";

    auto tensorOf = [&](const TensorDiff &d, bool sideA) -> const TensorInfo & {
        return sideA ? a.tensors[size_t(d.indexA)] : b.tensors[size_t(d.indexB)];
    };
    // Values that moved, largest relative change first.
    QVector<const TensorDiff *> moved;
    for (const TensorDiff &d : comparison.tensors)
        if (d.hasStatistics && (d.status == DiffStatus::Changed || d.status == DiffStatus::DtypeDiffers))
            moved.append(&d);
    std::stable_sort(moved.begin(), moved.end(), [](const TensorDiff *x, const TensorDiff *y) {
        const double rx = std::isnan(x->relL2) ? -1 : x->relL2, ry = std::isnan(y->relL2) ? -1 : y->relL2;
        return rx > ry;
    });
    if (!moved.isEmpty()) {
        out << "\n" << CliOutputText::tr("Changed values, largest relative change first:") << "\n";
        out << QStringLiteral("  %1 %2 %3 %4 %5  %6\n")
                   .arg(QStringLiteral("rel_l2"), -10)
                   .arg(QStringLiteral("max_abs"), -10)
                   .arg(QStringLiteral("mean_abs"), -10)
                   .arg(QStringLiteral("changed"), -8)
                   .arg(QStringLiteral("cosine"), -10)
                   .arg(QStringLiteral("name"));
        for (const TensorDiff *d : std::as_const(moved)) {
            QString note;
            if (d->status == DiffStatus::DtypeDiffers)
                note = CliOutputText::tr("  (converted: %1 vs %2)")
                           .arg(dtypeName(tensorOf(*d, true).dtype), dtypeName(tensorOf(*d, false).dtype));
            out << QStringLiteral("  %1 %2 %3 %4 %5  %6%7\n")
                       .arg(d->relL2, -10, 'g', 4)
                       .arg(d->maxAbs, -10, 'g', 4)
                       .arg(d->meanAbs, -10, 'g', 4)
                       .arg(QStringLiteral("%1%").arg(100.0 * d->changedFraction(), 0, 'f', 1), -8)
                       .arg(d->cosine, -10, 'g', 6)
                       .arg(d->name, note);
        }
    }
    auto list = [&](DiffStatus status, const QString &title) {
        bool first = true;
        for (const TensorDiff &d : comparison.tensors) {
            if (d.status != status)
                continue;
            if (first)
                out << "\n" << title << ":\n";
            first = false;
            out << "  " << d.name;
            if (status == DiffStatus::ShapeDiffers)
                out << "  "
                    << CliOutputText::tr("%1 vs %2")
                           .arg(shapeToString(tensorOf(d, true).shape),
                                shapeToString(tensorOf(d, false).shape));
            if (status == DiffStatus::DtypeDiffers && !d.hasStatistics)
                out << "  "
                    << CliOutputText::tr("%1 vs %2")
                           .arg(dtypeName(tensorOf(d, true).dtype), dtypeName(tensorOf(d, false).dtype));
            out << "\n";
        }
    };
    list(DiffStatus::ShapeDiffers, CliOutputText::tr("Shape differs"));
    list(DiffStatus::OnlyInA, CliOutputText::tr("Only in A"));
    list(DiffStatus::OnlyInB, CliOutputText::tr("Only in B"));
    bool firstFlag = true;
    for (const TensorDiff &d : comparison.tensors) {
        if (!d.requiresGradDiffers())
            continue;
        if (firstFlag)
            out << "\n" << CliOutputText::tr("requires_grad differs:") << "\n";
        firstFlag = false;
        out << "  " << d.name << "  " << (d.requiresGradA ? "True" : "False") << " -> "
            << (d.requiresGradB ? "True" : "False") << "\n";
    }
    if (comparison.suggestion.isValid())
        out << "\n" << CliOutputText::tr("Hint: %1").arg(prefixAdvice(comparison.suggestion)) << "\n";
    out << "\n" << (totals.equal ? CliOutputText::tr("Equal") : CliOutputText::tr("Different")) << "\n";
}

namespace {

// NumPy's print options: more than kSummaryThreshold elements are summarised to kEdgeItems at each
// end of every axis.
constexpr qint64 kSummaryThreshold = 1000;
constexpr qint64 kEdgeItems = 3;

// The indices of an axis to show; -1 marks the "..." between the two ends.
QVector<qint64> shownIndices(qint64 size, bool summarise)
{
    QVector<qint64> indices;
    if (!summarise || size <= 2 * kEdgeItems) {
        for (qint64 i = 0; i < size; ++i)
            indices.append(i);
        return indices;
    }
    for (qint64 i = 0; i < kEdgeItems; ++i)
        indices.append(i);
    indices.append(-1);
    for (qint64 i = size - kEdgeItems; i < size; ++i)
        indices.append(i);
    return indices;
}

} // namespace

void printValues(QTextStream &out, const TensorInfo &view, const QString &sliceText)
{
    out << view.name;
    if (!sliceText.isEmpty())
        out << "[" << sliceText << "]";
    out << "  " << dtypeName(view.dtype) << "  " << shapeToString(view.shape) << "\n";
    if (view.numel() == 0) {
        out << CliOutputText::tr("(empty)") << "\n";
        return;
    }
    const int rank = int(view.shape.size());
    if (rank == 0) {
        out << readElement(view, {}).text() << "\n";
        return;
    }
    const bool summarise = view.numel() > kSummaryThreshold;
    // The plane is the last two axes (or the only one); the axes before it are walked.
    const int planeAxes = std::min(rank, 2);
    const int outer = rank - planeAxes;
    QVector<QVector<qint64>> outerIndices;
    for (int axis = 0; axis < outer; ++axis)
        outerIndices.append(shownIndices(view.shape[axis], summarise));
    const QVector<qint64> rows =
        planeAxes == 2 ? shownIndices(view.shape[rank - 2], summarise) : QVector<qint64>{0};
    const QVector<qint64> columns = shownIndices(view.shape[rank - 1], summarise);

    QVector<int> position(outer, 0);
    while (true) {
        QVector<qint64> index(rank, 0);
        bool skipped = false;
        for (int axis = 0; axis < outer; ++axis) {
            index[axis] = outerIndices[axis][position[axis]];
            skipped = skipped || index[axis] < 0;
        }
        if (skipped) {
            out << "...\n";
        } else {
            if (outer > 0) {
                QStringList label;
                for (int axis = 0; axis < outer; ++axis)
                    label << QString::number(index[axis]);
                out << "[" << label.join(QLatin1Char(',')) << (planeAxes == 2 ? ",:,:]" : ",:]") << "\n";
            }
            QVector<QStringList> grid;
            QVector<int> widths(columns.size(), 0);
            for (qint64 row : rows) {
                QStringList cells;
                for (int c = 0; c < columns.size(); ++c) {
                    QString cell;
                    if (row < 0 || columns[c] < 0) {
                        cell = QStringLiteral("...");
                    } else {
                        if (planeAxes == 2)
                            index[rank - 2] = row;
                        index[rank - 1] = columns[c];
                        cell = readElement(view, index).text();
                    }
                    widths[c] = std::max(widths[c], int(cell.size()));
                    cells << cell;
                }
                grid.append(cells);
            }
            for (const QStringList &cells : std::as_const(grid)) {
                QStringList padded;
                for (int c = 0; c < cells.size(); ++c)
                    padded << cells[c].rightJustified(widths[c]);
                out << padded.join(QStringLiteral("  ")) << "\n";
            }
        }
        // Next combination of the outer indices, last axis fastest.
        int axis = outer - 1;
        while (axis >= 0 && ++position[axis] == outerIndices[axis].size()) {
            position[axis] = 0;
            --axis;
        }
        if (axis < 0)
            break;
    }
}

void printHealth(QTextStream &out, const QVector<TensorHealth> &report)
{
    const auto cell = [](double v) { return QString::number(v, 'g', 5); };
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9  %10\n")
               .arg(QStringLiteral("numel"), 12)
               .arg(QStringLiteral("dtype"), -9)
               .arg(QStringLiteral("min"), 11)
               .arg(QStringLiteral("max"), 11)
               .arg(QStringLiteral("mean"), 11)
               .arg(QStringLiteral("std"), 11)
               .arg(QStringLiteral("l2_norm"), 11)
               .arg(QStringLiteral("zeros"), 7)
               .arg(QStringLiteral("nan/inf"), 9)
               .arg(QStringLiteral("name  flags"));
    int flagged = 0;
    for (const TensorHealth &entry : report) {
        const TensorStats &s = entry.stats;
        const bool moments = entry.hasData && s.hasMoments();
        const QString none = entry.hasData ? QStringLiteral("-") : CliOutputText::tr("(no data)");
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9  %10")
                   .arg(entry.numel, 12)
                   .arg(dtypeName(entry.dtype), -9)
                   .arg(moments ? cell(s.min) : none, 11)
                   .arg(moments ? cell(s.max) : none, 11)
                   .arg(moments ? cell(s.mean) : none, 11)
                   .arg(moments ? cell(s.std) : none, 11)
                   .arg(entry.hasData ? cell(s.l2Norm) : none, 11)
                   .arg(entry.hasData ? QStringLiteral("%1%").arg(100 * entry.zeroFraction(), 0, 'f', 1)
                                      : none,
                        7)
                   .arg(QStringLiteral("%1/%2").arg(s.nanCount).arg(s.infCount), 9)
                   .arg(entry.name);
        if (!entry.flags.isEmpty())
            out << "  [" << entry.flags.join(QStringLiteral(", ")) << "]";
        // Flagged as trouble: a norm layer at its initial values is a note, not counted.
        flagged += entry.hasTrouble() ? 1 : 0;
        out << "\n";
    }
    out << "\n"
        << CliOutputText::tr("%n tensors, %1 flagged", nullptr, int(report.size())).arg(flagged) << "\n";
}

} // namespace torchscope::cli
