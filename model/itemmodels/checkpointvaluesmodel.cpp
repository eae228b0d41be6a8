#include "itemmodels/checkpointvaluesmodel.h"

#include "itemmodels/displayformat.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace torchscope {

namespace {
constexpr int kLongest = 200; // characters of a value shown in the view; its tooltip has all of it

} // namespace

CheckpointValuesModel::CheckpointValuesModel(QObject *parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
}

CheckpointValuesModel::~CheckpointValuesModel() = default;

void CheckpointValuesModel::setValues(const QVector<CheckpointValue> &values)
{
    beginResetModel();
    m_values = values;
    m_root = std::make_unique<Node>();
    // Nodes by path, so a value's container is found without walking from the root each time.
    QHash<QString, Node *> nodes;
    nodes.insert(QString(), m_root.get());
    for (int i = 0; i < m_values.size(); ++i) {
        const QString &path = m_values[i].path;
        Node *parent = m_root.get();
        qsizetype start = 0;
        while (true) {
            const qsizetype dot = path.indexOf(QLatin1Char('.'), start);
            const QString prefix = dot < 0 ? path : path.left(dot);
            Node *node = nodes.value(prefix);
            if (!node) {
                auto child = std::make_unique<Node>();
                child->name = path.mid(start, dot < 0 ? -1 : dot - start);
                child->path = prefix;
                child->parent = parent;
                child->row = int(parent->children.size());
                node = child.get();
                parent->children.push_back(std::move(child));
                nodes.insert(prefix, node);
            }
            if (dot < 0) {
                node->value = i;
                break;
            }
            parent = node;
            start = dot + 1;
        }
    }
    endResetModel();
}

CheckpointValuesModel::Node *CheckpointValuesModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex CheckpointValuesModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || size_t(row) >= node->children.size())
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex CheckpointValuesModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    if (!child.isValid() || !node->parent || node->parent == m_root.get())
        return {};
    return createIndex(node->parent->row, 0, node->parent);
}

int CheckpointValuesModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int CheckpointValuesModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString CheckpointValuesModel::typeOf(const Node &node) const
{
    if (node.value >= 0)
        return m_values[node.value].type;
    const bool numbered =
        std::all_of(node.children.begin(), node.children.end(), [](const std::unique_ptr<Node> &child) {
            bool number = false;
            child->name.toLongLong(&number);
            return number;
        });
    return numbered ? QStringLiteral("list") : QStringLiteral("dict");
}

QVariant CheckpointValuesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node &node = *nodeOf(index);
    if (role == PathRole)
        return node.path;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return role == Qt::ToolTipRole ? node.path : node.name;
    case TypeColumn:
        return typeOf(node);
    case ValueColumn: {
        QString text = node.value >= 0 ? DisplayFormat::checkpointValue(m_values[node.value]) : QString();
        if (!node.children.empty() &&
            (node.value < 0 || !m_values[node.value].value.isObject() ||
             !m_values[node.value].value.toObject().contains(QLatin1String("class"))))
            text = tr("%n item(s)", nullptr, int(node.children.size()));
        if (role == Qt::DisplayRole && text.size() > kLongest)
            text = text.left(kLongest - 1) + QChar(0x2026);
        return text;
    }
    default:
        return {};
    }
}

QVariant CheckpointValuesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case ValueColumn:
        return tr("Value");
    default:
        return {};
    }
}

QModelIndex CheckpointValuesModel::indexOfPath(const QString &path) const
{
    const Node *node = m_root.get();
    QModelIndex index;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        const auto it = std::find_if(node->children.begin(), node->children.end(),
                                     [&](const std::unique_ptr<Node> &child) { return child->name == part; });
        if (it == node->children.end())
            return {};
        node = it->get();
        index = createIndex(node->row, 0, const_cast<Node *>(node));
    }
    return index;
}

} // namespace torchscope
