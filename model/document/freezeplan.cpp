#include "document/freezeplan.h"

#include "document/checkpointdocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace torchscope {

namespace {
// lupdate sees the strings of this file under the context FreezePlan.
struct FreezePlanText
{
    Q_DECLARE_TR_FUNCTIONS(FreezePlan)
};

QString pythonString(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

struct Rule
{
    QString key; // "" (everything), "prefix." (a module's subtree) or an exact parameter name
    bool value;
};

// Emits the fewest rules, module by module, such that the longest matching key decides each flag. The
// first node's rule is always emitted: the snippet needs one key that every name matches.
void collectRules(const CheckpointDocument &document, const ModuleNode *node, bool inherited,
                  QVector<Rule> *rules)
{
    if (node->parameterCount() == 0)
        return;
    const bool allTrain = node->trainableCount() == node->parameterCount();
    const bool noneTrain = node->trainableCount() == 0;
    const QString prefix = node->path().isEmpty() ? QString() : node->path() + QLatin1Char('.');
    if (allTrain || noneTrain) {
        if (allTrain != inherited || rules->isEmpty())
            rules->append({prefix, allTrain});
        return;
    }
    // Mixed: the majority becomes this module's default, the rest is said below it.
    const bool majority = node->trainableCount() * 2 >= node->parameterCount();
    if (majority != inherited || rules->isEmpty())
        rules->append({prefix, majority});
    for (int index : node->tensors()) {
        if (document.isEditable(index) && document.requiresGrad(index) != majority)
            rules->append({document.tensor(index).name, document.requiresGrad(index)});
    }
    for (int i = 0; i < node->childCount(); ++i)
        collectRules(document, node->child(i), majority, rules);
}
// The module whose named_parameters() a training script sees: a training checkpoint's model part,
// otherwise the whole file.
const ModuleNode *planRoot(const CheckpointDocument &document)
{
    const QString &model = document.parts().modelPath;
    const ModuleNode *part = model.isEmpty() ? nullptr : document.findModule(model);
    return part ? part : document.root();
}
} // namespace

QByteArray FreezePlan::toJson(const CheckpointDocument &document, const ModuleNode *module)
{
    if (!module)
        module = planRoot(document);
    QJsonObject flags;
    for (int index : document.tensorsInSubtree(module)) {
        if (document.isEditable(index))
            flags.insert(document.relativeName(index, module), bool(document.requiresGrad(index)));
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("requires_grad"), flags}})
        .toJson(QJsonDocument::Indented);
}

bool FreezePlan::parseJson(const QByteArray &json, QHash<QString, bool> *flags, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = FreezePlanText::tr("not a freeze plan: %1").arg(parseError.errorString());
        return false;
    }
    const QJsonValue plan = document.object().value(QStringLiteral("requires_grad"));
    if (!plan.isObject()) {
        *error = FreezePlanText::tr("not a freeze plan: no \"requires_grad\" object");
        return false;
    }
    const QJsonObject object = plan.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isBool()) {
            *error =
                FreezePlanText::tr("freeze plan: the value for \"%1\" is not true or false").arg(it.key());
            return false;
        }
        flags->insert(it.key(), it.value().toBool());
    }
    return true;
}

bool FreezePlan::apply(CheckpointDocument &document, const QHash<QString, bool> &flags, QString *error)
{
    QVector<int> indices;
    std::vector<bool> values;
    QStringList unknown;
    const QString prefix =
        planRoot(document)->path().isEmpty() ? QString() : planRoot(document)->path() + u'.';
    for (auto it = flags.begin(); it != flags.end(); ++it) {
        // A plan names parameters as toJson writes them (relative to the model part), or in full.
        int index = document.findTensor(prefix + it.key());
        if (index < 0 || !document.isEditable(index))
            index = document.findTensor(it.key());
        if (index < 0 || !document.isEditable(index)) {
            unknown << it.key();
            continue;
        }
        indices.append(index);
        values.push_back(it.value());
    }
    if (!unknown.isEmpty()) {
        unknown.sort();
        *error = FreezePlanText::tr("the freeze plan names parameters this model does not have (%1): %2")
                     .arg(unknown.size())
                     .arg(unknown.mid(0, 5).join(QStringLiteral(", ")) +
                          (unknown.size() > 5 ? QStringLiteral(", …") : QString()));
        return false;
    }
    document.setRequiresGrad(indices, values, FreezePlanText::tr("Apply freeze plan"));
    return true;
}

QString FreezePlan::pythonSnippet(const CheckpointDocument &document)
{
    QVector<Rule> rules;
    const ModuleNode *root = planRoot(document);
    collectRules(document, root, true, &rules);
    // Keys relative to the model part, as the training script's model names its parameters.
    const qsizetype strip = root->path().isEmpty() ? 0 : root->path().size() + 1;
    for (Rule &rule : rules)
        rule.key = rule.key.mid(strip);
    const ParameterTotals totals = CheckpointDocument::totals(root);
    QString code = QStringLiteral("# requires_grad as set in Torchscope: %1 of %2 parameters trainable.\n")
                       .arg(totals.trainable)
                       .arg(totals.parameters);
    code += QStringLiteral(
        "# The longest matching rule decides: \"\" is every parameter, \"name.\" a module's subtree.\n");
    code += QStringLiteral("rules = {\n");
    for (const Rule &rule : std::as_const(rules))
        code +=
            QStringLiteral("    %1: %2,\n")
                .arg(pythonString(rule.key), rule.value ? QStringLiteral("True") : QStringLiteral("False"));
    code += QStringLiteral("}\n"
                           "for name, param in model.named_parameters():\n"
                           "    key = max((k for k in rules if k == \"\" or name == k or (k.endswith(\".\") "
                           "and name.startswith(k))), key=len)\n"
                           "    param.requires_grad = rules[key]\n");
    return code;
}

QString FreezePlan::pathBeside(const QString &checkpointPath)
{
    const QFileInfo info(checkpointPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".freeze.json"));
}

} // namespace torchscope
