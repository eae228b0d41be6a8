#pragma once

#include <QString>
#include <QVector>

#include <memory>
#include <vector>

namespace torchscope {

class CheckpointDocument;

// One module of the checkpoint's named_children tree. Parameter counts cover the whole subtree,
// count elements, and count tied parameters once; the document keeps them current.
class ModuleNode
{
public:
    ModuleNode(ModuleNode *parent, QString name, QString path, QString typeName);

    const QString &name() const { return m_name; }
    // Dotted path from the root as named_modules() gives it; "" for the root.
    const QString &path() const { return m_path; }
    // Fully qualified class, e.g. "torch.nn.modules.conv.Conv2d"; empty where the file does not say.
    const QString &typeName() const { return m_typeName; }
    // How the UI names this module: its path, or "the whole model" for the root ("The whole model"
    // where it starts a label).
    QString displayName() const;
    QString displayTitle() const;
    // The module's row in a tree: its attribute name, "(model)" for the root.
    QString treeName() const;
    // The class name alone, e.g. "Conv2d".
    QString shortTypeName() const;

    ModuleNode *parent() const { return m_parent; }
    int row() const { return m_row; }
    int childCount() const { return int(m_children.size()); }
    ModuleNode *child(int row) const { return m_children[size_t(row)].get(); }
    // Indices into CheckpointDocument::tensors() of the tensors owned directly by this module.
    const QVector<int> &tensors() const { return m_tensors; }

    qint64 parameterCount() const { return m_parameterCount; }
    qint64 trainableCount() const { return m_trainableCount; }
    qint64 frozenCount() const { return m_parameterCount - m_trainableCount; }
    qint64 parameterBytes() const { return m_parameterBytes; }
    qint64 trainableBytes() const { return m_trainableBytes; }
    bool isAncestorOf(const ModuleNode *other) const;
    // A ModuleList or Sequential: two or more children, all named by numbers.
    bool hasNumberedChildren() const;

private:
    friend class CheckpointDocument;
    ModuleNode *m_parent;
    int m_row = 0;
    QString m_name;
    QString m_path;
    QString m_typeName;
    std::vector<std::unique_ptr<ModuleNode>> m_children;
    QVector<int> m_tensors;
    qint64 m_parameterCount = 0;
    qint64 m_trainableCount = 0;
    qint64 m_parameterBytes = 0;
    qint64 m_trainableBytes = 0;
};

} // namespace torchscope
