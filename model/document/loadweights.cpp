#include "document/loadweights.h"

#include "document/checkpointdocument.h"
#include "formats/checkpointreader.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

namespace torchscope {

bool WeightsMatch::isClean() const
{
    return missing.isEmpty() && unexpected.isEmpty() && shapeMismatch.isEmpty() && dtypeMismatch.isEmpty();
}

QJsonObject WeightsMatch::toJson() const
{
    return QJsonObject{{QStringLiteral("applied"), QJsonArray::fromStringList(applied)},
                       {QStringLiteral("missing"), QJsonArray::fromStringList(missing)},
                       {QStringLiteral("unexpected"), QJsonArray::fromStringList(unexpected)},
                       {QStringLiteral("shape_mismatch"), QJsonArray::fromStringList(shapeMismatch)},
                       {QStringLiteral("dtype_mismatch"), QJsonArray::fromStringList(dtypeMismatch)}};
}

QString WeightsMatch::describe() const
{
    QStringList lines{QCoreApplication::translate(
                          "LoadWeights", "%1 applied, %2 missing, %3 unexpected, %4 of another shape, "
                                         "%5 of another dtype")
                          .arg(applied.size())
                          .arg(missing.size())
                          .arg(unexpected.size())
                          .arg(shapeMismatch.size())
                          .arg(dtypeMismatch.size())};
    // Chosen before translated: lupdate sees the labels here, in the LoadWeights context.
    const auto list = [&lines](const char *what, const QStringList &names) {
        if (!names.isEmpty())
            lines << QCoreApplication::translate("LoadWeights", what) + QStringLiteral(": ") +
                         names.join(QStringLiteral(", "));
    };
    list(QT_TRANSLATE_NOOP("LoadWeights", "Missing (kept as they are)"), missing);
    list(QT_TRANSLATE_NOOP("LoadWeights", "Unexpected (ignored)"), unexpected);
    list(QT_TRANSLATE_NOOP("LoadWeights", "Another shape (kept as they are)"), shapeMismatch);
    list(QT_TRANSLATE_NOOP("LoadWeights", "Another dtype (kept as they are)"), dtypeMismatch);
    lines << collisions;
    return lines.join(u'\n');
}

WeightsMatch WeightsMatch::match(const CheckpointDocument &model, const CheckpointContent &weights,
                                 const NameMapping &weightsMapping)
{
    WeightsMatch result;
    static_cast<NameMatch &>(result) = NameMatch::of(model.tensors(), weights.tensors, weightsMapping);
    for (const auto &[index, given] : std::as_const(result.pairs)) {
        const TensorInfo &tensor = model.tensor(index);
        TensorInfo replacement = weights.tensors[size_t(given)];
        // The model's identity stays: its name, kind, ties and flags; the values are the file's.
        replacement.name = tensor.name;
        replacement.kind = tensor.kind;
        replacement.tiedTo = tensor.tiedTo;
        replacement.hasRequiresGrad = tensor.hasRequiresGrad;
        replacement.requiresGrad = tensor.requiresGrad;
        result.replacements.append({index, replacement});
    }
    return result;
}

NameMapping WeightsMatch::suggestedMapping(const std::vector<TensorInfo> &model,
                                           const CheckpointContent &weights)
{
    NameMapping mapping;
    if (!NameMatch::of(model, weights.tensors, mapping).applied.isEmpty())
        return mapping; // names already match
    const PrefixSuggestion suggestion = NameMatch::suggestion(model, weights.tensors);
    if (suggestion.isValid())
        (suggestion.side == PrefixSuggestion::Side::B ? mapping.strip : mapping.add) = suggestion.prefix;
    return mapping;
}

bool readWeightsFile(const QString &path, const std::vector<TensorInfo> &modelTensors,
                     const Progress &progress, WeightsFile *out, QString *error)
{
    out->path = path;
    if (!readCheckpoint(path, progress, &out->content, error))
        return false;
    out->suggested = WeightsMatch::suggestedMapping(modelTensors, out->content);
    return true;
}

bool loadWeights(CheckpointDocument *model, const WeightsMatch &match, bool strict, const QString &source,
                 QString *error)
{
    if (strict && !match.isClean()) {
        *error = QCoreApplication::translate("LoadWeights", "strict loading refused: %1")
                     .arg(match.describe().section(u'\n', 0, 0));
        return false;
    }
    if (match.replacements.isEmpty()) {
        *error = QCoreApplication::translate("LoadWeights", "no tensor of %1 matches the model").arg(source);
        return false;
    }
    model->replaceTensors(
        match.replacements,
        QCoreApplication::translate("LoadWeights", "Load weights from %1").arg(source.section(u'/', -1)));
    return true;
}

} // namespace torchscope
