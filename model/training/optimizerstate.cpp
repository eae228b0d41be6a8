#include "training/optimizerstate.h"

#include "inspect/elementvalue.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>

namespace torchscope {

namespace {
// lupdate sees the strings of this file under the context OptimizerState.
struct OptimizerStateText
{
    Q_DECLARE_TR_FUNCTIONS(OptimizerState)
};

void insertAt(QJsonValue *node, const QStringList &segments, int at, const QJsonValue &leaf)
{
    if (at == segments.size()) {
        *node = leaf;
        return;
    }
    bool isIndex = false;
    const int index = segments[at].toInt(&isIndex);
    if (isIndex && index >= 0 && index < 1 << 20 && !node->isObject()) {
        QJsonArray array = node->toArray();
        while (array.size() <= index)
            array.append(QJsonValue());
        QJsonValue child = array.at(index);
        insertAt(&child, segments, at + 1, leaf);
        array.replace(index, child);
        *node = array;
        return;
    }
    QJsonObject object = node->toObject();
    QJsonValue child = object.value(segments[at]);
    insertAt(&child, segments, at + 1, leaf);
    object.insert(segments[at], child);
    *node = object;
}

QString under(const QString &path, const QString &child)
{
    return path.isEmpty() ? child : path + QLatin1Char('.') + child;
}

// Whether the state kept for each mapped id has its parameter's shape (Adam's moments, SGD's momentum).
bool shapesAgree(const QVector<OptimizerEntry> &entries, const QHash<qint64, const ModelParameter *> &byId,
                 const std::vector<TensorInfo> &tensors)
{
    for (const OptimizerEntry &entry : entries) {
        const ModelParameter *parameter = byId.value(entry.id);
        if (!parameter)
            return false;
        for (int i = 0; i < entry.stateTensors.size(); ++i) {
            const TensorInfo &state = tensors[size_t(entry.stateTensors[i])];
            if (entry.stateNames[i] != QLatin1String("step") && !state.shape.isEmpty() &&
                state.shape != parameter->shape)
                return false;
        }
    }
    return true;
}

// Maps the groups' ids, in order, to `ordered` group by group (a group's j-th id to its j-th
// parameter); false if the counts or shapes disagree.
bool mapInOrder(OptimizerState *state, const QVector<QVector<const ModelParameter *>> &perGroup,
                const std::vector<TensorInfo> &tensors)
{
    if (perGroup.size() != state->groups.size())
        return false;
    QHash<qint64, const ModelParameter *> byId;
    for (int g = 0; g < state->groups.size(); ++g) {
        const QVector<qint64> &ids = state->groups[g].ids;
        if (ids.size() != perGroup[g].size())
            return false;
        for (int j = 0; j < ids.size(); ++j)
            byId.insert(ids[j], perGroup[g][j]);
    }
    if (!shapesAgree(state->entries, byId, tensors))
        return false;
    for (OptimizerGroup &group : state->groups) {
        group.parameterNames.clear();
        for (const qint64 id : group.ids)
            group.parameterNames << byId.value(id)->name;
    }
    for (OptimizerEntry &entry : state->entries)
        entry.parameter = byId.value(entry.id)->name;
    return true;
}

void readGroupsAndState(OptimizerState *state, const QVector<CheckpointValue> &values,
                        const std::vector<TensorInfo> &tensors)
{
    static const QRegularExpression groupPath(QStringLiteral("^(\\d+)\\.(.+)$"));
    const QString groupsPrefix = under(state->path, QStringLiteral("param_groups."));
    const QString statePrefix = under(state->path, QStringLiteral("state."));
    QMap<int, QVector<CheckpointValue>> settings;
    QMap<int, QStringList> names;
    QMap<qint64, OptimizerEntry> entries;
    // torch.distributed.checkpoint's get_optimizer_state_dict keys state by parameter name and lists
    // names as params: each name gets the id its place in the groups would have.
    QHash<QString, qint64> idOfName;
    for (const CheckpointValue &value : values) {
        const QRegularExpressionMatch match = groupPath.match(value.path.mid(groupsPrefix.size()));
        if (value.path.startsWith(groupsPrefix) && match.hasMatch() &&
            match.captured(2).startsWith(QLatin1String("params.")) && value.value.isString() &&
            !idOfName.contains(value.value.toString()))
            idOfName.insert(value.value.toString(), idOfName.size());
    }
    // The id and the rest of a path under state.: "3.exp_avg", or "layers.0.weight.exp_avg" by name.
    const auto keyOf = [&idOfName](const QString &path, qint64 *id, QString *rest) {
        // A name first: "0.weight" starts like an id.
        if (const int dot = int(path.lastIndexOf(QLatin1Char('.')));
            dot > 0 && idOfName.contains(path.left(dot))) {
            *id = idOfName.value(path.left(dot));
            *rest = path.mid(dot + 1);
            return true;
        }
        bool ok = false;
        *id = path.section(QLatin1Char('.'), 0, 0).toLongLong(&ok);
        *rest = path.section(QLatin1Char('.'), 1);
        return ok;
    };
    for (const CheckpointValue &value : values) {
        if (value.path.startsWith(groupsPrefix)) {
            const QRegularExpressionMatch match = groupPath.match(value.path.mid(groupsPrefix.size()));
            if (!match.hasMatch())
                continue;
            const int g = match.captured(1).toInt();
            const QString rest = match.captured(2);
            if (state->groups.size() <= g)
                state->groups.resize(g + 1);
            if (rest.startsWith(QLatin1String("params.")) && value.value.isString()) {
                state->groups[g].ids << idOfName.value(value.value.toString());
                names[g] << value.value.toString();
            } else if (rest.startsWith(QLatin1String("params."))) {
                state->groups[g].ids << value.value.toInteger(-1);
            } else if (rest.startsWith(QLatin1String("param_names."))) {
                names[g] << value.value.toString();
            } else {
                CheckpointValue setting = value;
                setting.path = rest;
                settings[g] << setting;
            }
        } else if (value.path.startsWith(statePrefix)) {
            qint64 id = -1;
            QString rest;
            if (!keyOf(value.path.mid(statePrefix.size()), &id, &rest))
                continue;
            OptimizerEntry &entry = entries[id];
            entry.id = id;
            if (rest == QLatin1String("step") && value.value.isDouble())
                entry.step = value.value.toDouble();
        }
    }
    for (int i = 0; i < int(tensors.size()); ++i) {
        const TensorInfo &tensor = tensors[size_t(i)];
        if (!tensor.name.startsWith(statePrefix))
            continue;
        qint64 id = -1;
        QString rest;
        if (!keyOf(tensor.name.mid(statePrefix.size()), &id, &rest) || rest.contains(QLatin1Char('.')))
            continue;
        OptimizerEntry &entry = entries[id];
        entry.id = id;
        entry.stateNames << rest;
        entry.stateTensors << i;
        if (rest == QLatin1String("step") && tensor.numel() == 1 && !tensor.meta && tensor.storage)
            entry.step = readElementAt(tensor, 0).value;
    }
    for (auto it = settings.constBegin(); it != settings.constEnd(); ++it)
        state->groups[it.key()].settings = nestValues(it.value(), QString());
    for (auto it = names.constBegin(); it != names.constEnd(); ++it)
        state->groups[it.key()].parameterNames = it.value();
    // Ids a group names but no state holds yet (no step taken) are entries too.
    for (const OptimizerGroup &group : std::as_const(state->groups)) {
        for (const qint64 id : group.ids) {
            if (!entries.contains(id)) {
                OptimizerEntry entry;
                entry.id = id;
                entries.insert(id, entry);
            }
        }
    }
    state->entries.clear();
    for (auto it = entries.constBegin(); it != entries.constEnd(); ++it)
        state->entries << it.value();
}

// The shape of the state an entry keeps for its parameter (exp_avg's), empty when it keeps none.
QVector<qint64> stateShape(const OptimizerEntry &entry, const std::vector<TensorInfo> &tensors)
{
    for (int i = 0; i < entry.stateTensors.size(); ++i) {
        const TensorInfo &state = tensors[size_t(entry.stateTensors[i])];
        if (entry.stateNames[i] != QLatin1String("step") && !state.shape.isEmpty())
            return state.shape;
    }
    return {};
}

// Without the parameters' order, shapes alone: within each group (the Trainer's decay and no-decay
// sets where their sizes fit, else all parameters), an id whose shape is the only one of its kind among
// the group's ids and the group's parameters is that parameter.
bool mapByShape(OptimizerState *state, const QVector<const ModelParameter *> &trainable,
                const std::vector<TensorInfo> &tensors)
{
    QVector<QVector<const ModelParameter *>> sets;
    if (state->groups.size() == 2) {
        QVector<const ModelParameter *> decay, noDecay;
        for (const ModelParameter *parameter : trainable)
            (isTrainerNoDecayName(parameter->name) ? noDecay : decay) << parameter;
        if (decay.size() == state->groups[0].ids.size() && noDecay.size() == state->groups[1].ids.size())
            sets = {decay, noDecay};
    }
    if (sets.isEmpty() && state->groups.size() == 1)
        sets = {trainable};
    if (sets.isEmpty())
        return false;
    QHash<qint64, const OptimizerEntry *> entries;
    for (const OptimizerEntry &entry : std::as_const(state->entries))
        entries.insert(entry.id, &entry);
    QHash<qint64, QString> mapped;
    for (int g = 0; g < sets.size(); ++g) {
        QHash<QVector<qint64>, QVector<qint64>> idsOfShape;
        for (const qint64 id : std::as_const(state->groups[g].ids)) {
            if (const OptimizerEntry *entry = entries.value(id);
                entry && !stateShape(*entry, tensors).isEmpty())
                idsOfShape[stateShape(*entry, tensors)] << id;
        }
        QHash<QVector<qint64>, QVector<const ModelParameter *>> parametersOfShape;
        for (const ModelParameter *parameter : std::as_const(sets[g]))
            parametersOfShape[parameter->shape] << parameter;
        for (auto it = idsOfShape.constBegin(); it != idsOfShape.constEnd(); ++it) {
            const QVector<const ModelParameter *> candidates = parametersOfShape.value(it.key());
            if (it.value().size() == 1 && candidates.size() == 1)
                mapped.insert(it.value().first(), candidates.first()->name);
        }
    }
    if (mapped.isEmpty())
        return false;
    for (OptimizerEntry &entry : state->entries)
        entry.parameter = mapped.value(entry.id);
    for (OptimizerGroup &group : state->groups) {
        group.parameterNames.clear();
        for (const qint64 id : std::as_const(group.ids))
            group.parameterNames << mapped.value(id);
    }
    state->mapping = OptimizerMapping::ByShape;
    state->unmappedReason =
        OptimizerStateText::tr(
            "%1 of %2's %3 state ids told apart by shape; the others stay by id: their shapes "
            "repeat and the weights file keeps no parameter order")
            .arg(mapped.size())
            .arg(state->path.isEmpty() ? OptimizerStateText::tr("the optimizer") : state->path)
            .arg(state->entries.size());
    return true;
}

void mapIds(OptimizerState *state, const std::vector<TensorInfo> &tensors,
            const QVector<ModelParameter> &parameters, bool trainerRule)
{
    // The file's own names, where every group has them.
    const bool named = !state->groups.isEmpty() &&
                       std::all_of(state->groups.begin(), state->groups.end(), [](const OptimizerGroup &g) {
                           return g.parameterNames.size() == g.ids.size() && !g.ids.isEmpty();
                       });
    if (named) {
        QHash<qint64, QString> byId;
        for (const OptimizerGroup &group : std::as_const(state->groups))
            for (int j = 0; j < group.ids.size(); ++j)
                byId.insert(group.ids[j], group.parameterNames[j]);
        for (OptimizerEntry &entry : state->entries)
            entry.parameter = byId.value(entry.id);
        state->mapping = OptimizerMapping::ParamNames;
        return;
    }
    for (OptimizerGroup &group : state->groups)
        group.parameterNames.clear();
    qint64 idCount = 0;
    for (const OptimizerGroup &group : std::as_const(state->groups))
        idCount += group.ids.size();
    // Built from model.parameters() (or only the trainable ones): ids in the model's order, the groups
    // taking consecutive runs of it.
    QVector<const ModelParameter *> all, trainable;
    for (const ModelParameter &parameter : parameters) {
        all << &parameter;
        if (parameter.trainable)
            trainable << &parameter;
    }
    const auto runs = [state](const QVector<const ModelParameter *> &ordered) {
        QVector<QVector<const ModelParameter *>> perGroup;
        int next = 0;
        for (const OptimizerGroup &group : std::as_const(state->groups)) {
            perGroup << ordered.mid(next, group.ids.size());
            next += int(group.ids.size());
        }
        return perGroup;
    };
    if (!trainerRule) {
        for (const auto *ordered : {&all, &trainable}) {
            if (ordered->size() == idCount && mapInOrder(state, runs(*ordered), tensors)) {
                state->mapping = OptimizerMapping::ModelOrder;
                return;
            }
        }
    }
    // A Hugging Face Trainer: its decay group, then its no-decay group, each in the model's order.
    if (state->groups.size() == 2) {
        QVector<const ModelParameter *> decay, noDecay;
        for (const ModelParameter *parameter : std::as_const(trainable))
            (isTrainerNoDecayName(parameter->name) ? noDecay : decay) << parameter;
        if (mapInOrder(state, {decay, noDecay}, tensors)) {
            state->mapping = OptimizerMapping::TrainerGroups;
            return;
        }
    }
    if (trainerRule) {
        for (const auto *ordered : {&all, &trainable}) {
            if (ordered->size() == idCount && mapInOrder(state, runs(*ordered), tensors)) {
                state->mapping = OptimizerMapping::ModelOrder;
                return;
            }
        }
    }
    if (mapByShape(state, trainable, tensors))
        return;
    state->mapping = OptimizerMapping::ById;
    state->unmappedReason =
        OptimizerStateText::tr("%1's %2 state ids match the model's %3 parameters by no rule the shapes "
                               "confirm: its entries stay by id")
            .arg(state->path.isEmpty() ? OptimizerStateText::tr("the optimizer") : state->path)
            .arg(idCount)
            .arg(parameters.size());
}
} // namespace

QJsonObject nestValues(const QVector<CheckpointValue> &values, const QString &prefix)
{
    QJsonValue root = QJsonObject();
    const QString start = prefix.isEmpty() ? QString() : prefix + QLatin1Char('.');
    for (const CheckpointValue &value : values) {
        if (!value.path.startsWith(start))
            continue;
        insertAt(&root, value.path.mid(start.size()).split(QLatin1Char('.')), 0, value.value);
    }
    return root.toObject();
}

bool isTrainerNoDecayName(const QString &name)
{
    // transformers' Trainer.get_decay_parameter_names: these patterns on the lowercased name, and the
    // parameters of nn.LayerNorm modules, whose type a weights file does not say: GPT-2's ln_1, ln_2
    // and ln_f stand in for it by name.
    static const QRegularExpression noDecay(
        QStringLiteral("bias|layernorm|rmsnorm|(?:^|\\.)norm(?:$|\\.)|_norm(?:$|\\.)|(?:^|\\.)ln_\\w*\\."));
    return noDecay.match(name.toLower()).hasMatch();
}

const OptimizerEntry *OptimizerState::entryFor(const QString &parameter) const
{
    const auto it = std::find_if(entries.begin(), entries.end(),
                                 [&](const OptimizerEntry &entry) { return entry.parameter == parameter; });
    return it == entries.end() ? nullptr : &*it;
}

bool OptimizerState::isAdamFamily() const
{
    return std::any_of(entries.begin(), entries.end(), [](const OptimizerEntry &entry) {
        return entry.stateNames.contains(QLatin1String("exp_avg")) &&
               entry.stateNames.contains(QLatin1String("exp_avg_sq"));
    });
}

QVector<OptimizerState> readOptimizers(const CheckpointParts &parts, const QVector<CheckpointValue> &values,
                                       const std::vector<TensorInfo> &tensors,
                                       const QVector<ModelParameter> &parameters)
{
    QVector<OptimizerState> result;
    for (const QString &path : parts.optimizers) {
        OptimizerState state;
        state.path = path;
        readGroupsAndState(&state, values, tensors);
        mapIds(&state, tensors, parameters, parts.framework == QLatin1String("hf_trainer"));
        result << state;
    }
    return result;
}

} // namespace torchscope
