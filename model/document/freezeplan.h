#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace torchscope {

class CheckpointDocument;
class ModuleNode;

// The requires_grad flags of a document, taken to PyTorch: as JSON
// ({"requires_grad": {"<parameter name>": true|false, ...}}) and as a Python snippet that sets them
// on a model built in code.
class FreezePlan
{
public:
    // The flags of `module`'s parameters (the whole model by default), named relative to it.
    static QByteArray toJson(const CheckpointDocument &document, const ModuleNode *module = nullptr);
    static bool parseJson(const QByteArray &json, QHash<QString, bool> *flags, QString *error);
    // Applies a plan as one undoable edit; every name must be a parameter of the document.
    static bool apply(CheckpointDocument &document, const QHash<QString, bool> &flags, QString *error);
    // A short `named_parameters()` loop. Whole modules that share one flag become one prefix rule.
    static QString pythonSnippet(const CheckpointDocument &document);
    // Where a plan goes beside a weights-only checkpoint: model.pt -> model.freeze.json.
    static QString pathBeside(const QString &checkpointPath);
};

} // namespace torchscope
