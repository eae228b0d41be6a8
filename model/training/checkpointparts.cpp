#include "training/checkpointparts.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace torchscope {

namespace {

QString firstSegment(const QString &path)
{
    const qsizetype dot = path.indexOf(QLatin1Char('.'));
    return dot < 0 ? path : path.left(dot);
}

QString lastSegment(const QString &path)
{
    return path.mid(path.lastIndexOf(QLatin1Char('.')) + 1);
}

// The root keys under which the model's weights are saved, in the order they are preferred.
const QStringList &modelKeys()
{
    static const QStringList keys{
        QStringLiteral("model"),  QStringLiteral("state_dict"), QStringLiteral("model_state_dict"),
        QStringLiteral("net"),    QStringLiteral("module"),     QStringLiteral("model_state"),
        QStringLiteral("network")};
    return keys;
}

// Counters the banner reads, as training scripts name them.
bool isCounterKey(const QString &key)
{
    static const QSet<QString> counters{QStringLiteral("epoch"),  QStringLiteral("global_step"),
                                        QStringLiteral("step"),   QStringLiteral("iteration"),
                                        QStringLiteral("iter"),   QStringLiteral("steps"),
                                        QStringLiteral("epochs"), QStringLiteral("global_steps")};
    return counters.contains(key);
}

bool isEmaKey(const QString &key)
{
    static const QRegularExpression ema(QStringLiteral("(^|_)ema($|_)|^averaged_model$|^swa_model$"),
                                        QRegularExpression::CaseInsensitiveOption);
    return ema.match(key).hasMatch();
}

// The prefixes P of value paths "P.param_groups.N...." (an optimizer's state_dict), and of
// "P.last_epoch" beside "P.base_lrs" or "P._step_count" (a scheduler's), in the file's order.
void findOptimizersAndSchedulers(const CheckpointContent &content, QStringList *optimizers,
                                 QStringList *schedulers)
{
    static const QRegularExpression group(QStringLiteral("^(.*?)\\.?param_groups\\.\\d+\\."));
    QSet<QString> lastEpoch, schedulerEvidence;
    for (const CheckpointValue &value : content.values) {
        if (const QRegularExpressionMatch match = group.match(value.path); match.hasMatch()) {
            if (!optimizers->contains(match.captured(1)))
                optimizers->append(match.captured(1));
            continue;
        }
        const QString last = lastSegment(value.path);
        const QString parent = value.path.left(std::max<qsizetype>(0, value.path.size() - last.size() - 1));
        if (last == QLatin1String("last_epoch")) {
            lastEpoch.insert(parent);
            if (schedulerEvidence.contains(parent) && !schedulers->contains(parent))
                schedulers->append(parent);
        } else if (last == QLatin1String("_step_count") || value.path.contains(QLatin1String(".base_lrs."))) {
            const QString owner = last == QLatin1String("_step_count")
                                      ? parent
                                      : value.path.left(value.path.indexOf(QLatin1String(".base_lrs.")));
            schedulerEvidence.insert(owner);
            if (lastEpoch.contains(owner) && !schedulers->contains(owner))
                schedulers->append(owner);
        }
    }
}

} // namespace

QString checkpointKindName(CheckpointKind kind)
{
    switch (kind) {
    case CheckpointKind::Weights:
        return QStringLiteral("weights");
    case CheckpointKind::EntireModel:
        return QStringLiteral("entire_model");
    case CheckpointKind::Training:
        return QStringLiteral("training");
    }
    return QString();
}

bool isUnderPath(const QString &path, const QString &part)
{
    return part.isEmpty() || path == part ||
           (path.size() > part.size() && path.startsWith(part) && path[part.size()] == QLatin1Char('.'));
}

QStringList CheckpointParts::otherParts() const
{
    QStringList parts = optimizers + schedulers + otherState;
    if (!emaPath.isNull())
        parts << emaPath;
    return parts;
}

template <typename Visit> bool CheckpointParts::anyOtherPart(Visit visit) const
{
    // Called per tensor when a document counts its parameters: no list is built.
    for (const QStringList *list : {&optimizers, &schedulers, &otherState}) {
        for (const QString &part : *list) {
            if (visit(part))
                return true;
        }
    }
    return !emaPath.isNull() && visit(emaPath);
}

QString CheckpointParts::partOf(const QString &name) const
{
    // The innermost part wins: an optimizer saved inside the model's dict is the optimizer's.
    QString found;
    anyOtherPart([&](const QString &part) {
        if (isUnderPath(name, part) && part.size() >= found.size())
            found = part;
        return false;
    });
    if (!found.isNull())
        return found;
    return isUnderPath(name, modelPath) ? modelPath : QString();
}

bool CheckpointParts::isModelTensor(const QString &name) const
{
    return isUnderPath(name, modelPath) && !anyOtherPart([&](const QString &part) {
               return part.size() > modelPath.size() && isUnderPath(name, part);
           });
}

CheckpointParts recognizeParts(const CheckpointContent &content)
{
    CheckpointParts parts;
    if (isEntireModelFormat(content.format)) {
        parts.kind = CheckpointKind::EntireModel;
        return parts;
    }
    findOptimizersAndSchedulers(content, &parts.optimizers, &parts.schedulers);
    QHash<QString, const CheckpointValue *> rootValues;
    for (const CheckpointValue &value : content.values) {
        if (!value.path.contains(QLatin1Char('.')))
            rootValues.insert(value.path, &value);
    }
    // A DeepSpeed folder's model states, joined by formats/deepspeedreader.
    if (content.format == CheckpointFormat::DeepSpeed) {
        parts.framework = QStringLiteral("deepspeed");
        if (const CheckpointValue *version = rootValues.value(QStringLiteral("ds_version")))
            parts.frameworkVersion = version->value.toString();
    }
    if (const CheckpointValue *version = rootValues.value(QStringLiteral("pytorch-lightning_version"))) {
        parts.framework = QStringLiteral("lightning");
        parts.frameworkVersion = version->value.toString();
    }
    // A Trainer's folder (formats/trainerfolder.h): the model's weights at the root, trainer_state.json's
    // counters.
    const bool trainerFolder =
        !content.rootKeys.contains(QStringLiteral("trainer_state")) &&
        std::any_of(content.values.begin(), content.values.end(), [](const CheckpointValue &v) {
            return v.path == QLatin1String("trainer_state.global_step");
        });
    if (trainerFolder) {
        parts.framework = QStringLiteral("hf_trainer");
        QSet<QString> prefixes;
        for (const TensorInfo &tensor : content.tensors)
            prefixes.insert(firstSegment(tensor.name));
        for (const QString &state : {QStringLiteral("rng_state"), QStringLiteral("scaler")}) {
            if (prefixes.contains(state))
                parts.otherState << state;
        }
        parts.frameworkVersion = content.config.transformersVersion;
        for (const CheckpointValue &value : content.values) {
            if (value.path == QLatin1String("trainer_state.epoch") ||
                value.path == QLatin1String("trainer_state.global_step")) {
                CheckpointValue counter = value;
                counter.path = value.path.mid(value.path.indexOf(QLatin1Char('.')) + 1);
                parts.counters << counter;
            }
        }
    }
    // Which root keys hold tensors below them (a nested dict, list or module), and which are tensors.
    QSet<QString> keysHoldingTensors, keysThatAreTensors;
    const QSet<QString> rootKeys(content.rootKeys.begin(), content.rootKeys.end());
    for (const TensorInfo &tensor : content.tensors) {
        if (rootKeys.contains(tensor.name))
            keysThatAreTensors.insert(tensor.name);
        else
            keysHoldingTensors.insert(firstSegment(tensor.name));
    }
    for (const ModuleEntry &module : content.modules)
        keysHoldingTensors.insert(firstSegment(module.path));
    const QStringList others = parts.optimizers + parts.schedulers;
    const auto isOtherPart = [&others](const QString &key) {
        return std::any_of(others.begin(), others.end(),
                           [&](const QString &p) { return isUnderPath(p, key); });
    };
    // A root dict that holds tensors itself is a state_dict: the whole file is the model.
    const bool rootIsStateDict = !keysThatAreTensors.isEmpty() || content.rootKeys.isEmpty();
    QStringList candidates;
    for (const QString &key : content.rootKeys) {
        if (keysHoldingTensors.contains(key) && !isOtherPart(key))
            candidates << key;
    }
    if (!rootIsStateDict) {
        for (const QString &key : candidates) {
            if (parts.emaPath.isNull() && isEmaKey(key))
                parts.emaPath = key;
        }
        candidates.removeAll(parts.emaPath);
        const auto preferred = std::find_if(modelKeys().begin(), modelKeys().end(),
                                            [&](const QString &key) { return candidates.contains(key); });
        if (preferred != modelKeys().end())
            parts.modelPath = *preferred;
        else if (candidates.size() == 1)
            parts.modelPath = candidates.first();
    }
    if (!parts.emaPath.isNull()) {
        const QString prefix = parts.emaPath + QLatin1String(".");
        parts.emaIsAveragedModel =
            std::any_of(content.tensors.begin(), content.tensors.end(),
                        [&](const TensorInfo &t) { return t.name == prefix + QLatin1String("n_averaged"); });
    }
    for (const QString &key : content.rootKeys) {
        if (const CheckpointValue *value = rootValues.value(key); value && isCounterKey(key))
            parts.counters << *value;
    }
    const bool modelIsModule =
        std::any_of(content.modules.begin(), content.modules.end(),
                    [&](const ModuleEntry &m) { return m.path == parts.modelPath && !m.typeName.isEmpty(); });
    if (!parts.framework.isEmpty() || !parts.optimizers.isEmpty() || !parts.schedulers.isEmpty() ||
        !parts.emaPath.isNull() || !parts.counters.isEmpty())
        parts.kind = CheckpointKind::Training;
    else if (modelIsModule)
        parts.kind = CheckpointKind::EntireModel;
    return parts;
}

void markRecognisedBuffers(CheckpointContent *content)
{
    if (isEntireModelFormat(content->format))
        return;
    static const QSet<QString> bufferNames{QStringLiteral("running_mean"), QStringLiteral("running_var"),
                                           QStringLiteral("num_batches_tracked"),
                                           QStringLiteral("n_averaged")};
    // Quantization-aware training's observers and fake quantizers keep statistics, not weights.
    static const QRegularExpression observer(
        QStringLiteral("(^|\\.)(activation_post_process|weight_fake_quant|activation_fake_quant)(\\.|$)"));
    QSet<QString> names; // filled on first need: spectral norm's u and v are rare
    for (TensorInfo &tensor : content->tensors) {
        if (tensor.kind != TensorKind::Tensor)
            continue;
        const QString last = lastSegment(tensor.name);
        const QString parent = tensor.name.left(tensor.name.size() - last.size());
        bool buffer = bufferNames.contains(last) || ((tensor.name.contains(QLatin1String("post_process")) ||
                                                      tensor.name.contains(QLatin1String("fake_quant"))) &&
                                                     observer.match(tensor.name).hasMatch());
        // Spectral norm: torch.nn.utils.spectral_norm's weight_u and weight_v beside weight_orig, and the
        // parametrization's _u and _v.
        if (!buffer && (last.endsWith(QLatin1String("_u")) || last.endsWith(QLatin1String("_v")))) {
            const QString base = last.left(last.size() - 2);
            if (names.isEmpty()) {
                for (const TensorInfo &other : content->tensors)
                    names.insert(other.name);
            }
            buffer = base.isEmpty() ? tensor.name.contains(QLatin1String(".parametrizations."))
                                    : names.contains(parent + base + QLatin1String("_orig"));
        }
        if (buffer)
            tensor.kind = TensorKind::Buffer;
    }
}

} // namespace torchscope
