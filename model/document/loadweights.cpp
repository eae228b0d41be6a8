#include "document/loadweights.h"

#include "document/checkpointdocument.h"

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
    const auto list = [&lines](const char *what, const QStringList &names) {
        if (!names.isEmpty())
            lines << QCoreApplication::translate("LoadWeights", what) + QStringLiteral(": ") +
                         names.join(QStringLiteral(", "));
    };
    list("Missing (kept as they are)", missing);
    list("Unexpected (ignored)", unexpected);
    list("Another shape (kept as they are)", shapeMismatch);
    list("Another dtype (kept as they are)", dtypeMismatch);
    return lines.join(u'\n');
}

WeightsMatch WeightsMatch::match(const CheckpointDocument &model, const CheckpointContent &weights,
                                 const LoadWeightsOptions &options)
{
    WeightsMatch result;
    // The weights' names as the model would know them.
    QHash<QString, const TensorInfo *> byName;
    QStringList order;
    for (const TensorInfo &tensor : weights.tensors) {
        QString name = tensor.name;
        if (!options.stripPrefix.isEmpty() && name.startsWith(options.stripPrefix))
            name = name.mid(options.stripPrefix.size());
        name.prepend(options.addPrefix);
        if (!byName.contains(name))
            order << name;
        byName.insert(name, &tensor);
    }
    QHash<QString, bool> inModel;
    for (int index = 0; index < model.tensorCount(); ++index) {
        const TensorInfo &tensor = model.tensor(index);
        inModel.insert(tensor.name, true);
        const TensorInfo *given = byName.value(tensor.name);
        if (!given) {
            result.missing << tensor.name;
        } else if (given->shape != tensor.shape) {
            result.shapeMismatch << tensor.name;
        } else if (given->dtype != tensor.dtype) {
            result.dtypeMismatch << tensor.name;
        } else {
            result.applied << tensor.name;
            TensorInfo replacement = *given;
            // The model's identity stays: its name, kind, ties and flags; the values are the file's.
            replacement.name = tensor.name;
            replacement.kind = tensor.kind;
            replacement.tiedTo = tensor.tiedTo;
            replacement.hasRequiresGrad = tensor.hasRequiresGrad;
            replacement.requiresGrad = tensor.requiresGrad;
            result.replacements.append({index, replacement});
        }
    }
    for (const QString &name : std::as_const(order))
        if (!inModel.contains(name))
            result.unexpected << name;
    return result;
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
