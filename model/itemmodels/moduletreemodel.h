#pragma once

#include <QAbstractItemModel>
#include <QPointer>

namespace torchscope {

class CheckpointDocument;
class ModuleNode;

// The named_children tree of a document for a QTreeView: name, type, parameter, trainable and
// frozen counts (torchinfo's totals, tied parameters once), with a tri-state check meaning all / some / none
// of the subtree's parameters train.
class ModuleTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, ParametersColumn, TrainableColumn, FrozenColumn, ColumnCount };
    enum Role { ModulePathRole = Qt::UserRole + 1, SortRole };

    explicit ModuleTreeModel(QObject *parent = nullptr);

    void setDocument(CheckpointDocument *document);
    CheckpointDocument *document() const;

    ModuleNode *moduleAt(const QModelIndex &index) const;
    QModelIndex indexOf(const ModuleNode *module, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void onRequiresGradChanged(const QVector<int> &tensorIndices);
    static QString countTooltip(qint64 count, qint64 bytes);

    QPointer<CheckpointDocument> m_document;
};

} // namespace torchscope
