#include "document/modulenode.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace torchscope {

QString ModuleNode::displayName() const
{
    return m_path.isEmpty() ? QCoreApplication::translate("ModuleNode", "the whole model") : m_path;
}

QString ModuleNode::treeName() const
{
    return m_parent ? m_name : QCoreApplication::translate("ModuleNode", "(model)");
}

QString ModuleNode::displayTitle() const
{
    return m_path.isEmpty() ? QCoreApplication::translate("ModuleNode", "The whole model") : m_path;
}

ModuleNode::ModuleNode(ModuleNode *parent, QString name, QString path, QString typeName)
    : m_parent(parent), m_name(std::move(name)), m_path(std::move(path)), m_typeName(std::move(typeName))
{
}

QString ModuleNode::shortTypeName() const
{
    // Only a qualified class name is shortened; a plain pickle's labels ("refused call: posix.system",
    // "'a.txt'") are shown whole.
    static const QRegularExpression qualified(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.]*$"));
    const int dot = m_typeName.lastIndexOf(QLatin1Char('.'));
    return dot < 0 || !qualified.match(m_typeName).hasMatch() ? m_typeName : m_typeName.mid(dot + 1);
}

bool ModuleNode::hasNumberedChildren() const
{
    if (m_children.size() < 2)
        return false;
    for (const auto &child : m_children) {
        bool number = false;
        child->name().toLongLong(&number);
        if (!number)
            return false;
    }
    return true;
}

bool ModuleNode::isAncestorOf(const ModuleNode *other) const
{
    for (const ModuleNode *node = other; node; node = node->parent()) {
        if (node == this)
            return true;
    }
    return false;
}

} // namespace torchscope
