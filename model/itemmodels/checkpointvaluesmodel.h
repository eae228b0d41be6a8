#pragma once

#include "tensor/checkpointcontent.h"

#include <QAbstractItemModel>
#include <QVector>

#include <memory>
#include <vector>

namespace torchscope {

// A checkpoint's values besides tensors as a tree (name, type, value): their dotted paths nested as
// the containers that held them ("config" > "betas" > "0"). A container shows how many items it holds.
class CheckpointValuesModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, ValueColumn, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1 };

    explicit CheckpointValuesModel(QObject *parent = nullptr);
    ~CheckpointValuesModel() override;

    void setValues(const QVector<CheckpointValue> &values);
    // The index of the value at `path` (a container's or a leaf's); invalid if none.
    QModelIndex indexOfPath(const QString &path) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        QString name;
        QString path;
        int value = -1; // index into m_values; -1 for a container made from the paths
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    Node *nodeOf(const QModelIndex &index) const;
    QString typeOf(const Node &node) const;

    QVector<CheckpointValue> m_values;
    std::unique_ptr<Node> m_root;
};

} // namespace torchscope
