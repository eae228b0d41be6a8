#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>

#include <memory>
#include <vector>

namespace torchscope {

class CheckpointDocument;
class ModuleNode;

// The named_children tree of a document for a QTreeView: name, type, parameter, trainable and
// frozen counts (torchinfo's totals, tied parameters once), with a tri-state check meaning all / some / none
// of the subtree's parameters train. With folding on, each run of identical sibling blocks (the 32
// decoder blocks of a language model) is one row, "0–31: 32 identical blocks", whose children are
// the blocks; its counts and check cover them all.
class ModuleTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, ParametersColumn, TrainableColumn, FrozenColumn, ColumnCount };
    enum Role { ModulePathRole = Qt::UserRole + 1, SortRole, BlockCountRole };

    explicit ModuleTreeModel(QObject *parent = nullptr);
    ~ModuleTreeModel() override;

    void setDocument(CheckpointDocument *document);
    CheckpointDocument *document() const;
    void setFoldRepeatedBlocks(bool fold);
    bool foldsRepeatedBlocks() const { return m_fold; }

    // The module of a row; for a row of folded blocks, the module holding them.
    ModuleNode *moduleAt(const QModelIndex &index) const;
    bool isBlockGroup(const QModelIndex &index) const;
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
    struct Row;
    struct Counts
    {
        qint64 parameters = 0, trainable = 0, parameterBytes = 0, trainableBytes = 0;
    };
    void rebuild();
    Row *rowAt(const QModelIndex &index) const;
    Counts countsOf(const Row *row) const;
    QString groupName(const Row *row) const;
    void onRequiresGradChanged(const QVector<int> &tensorIndices);
    static QString countTooltip(qint64 count, qint64 bytes);

    QPointer<CheckpointDocument> m_document;
    bool m_fold = false;
    std::vector<std::unique_ptr<Row>> m_rows; // m_rows[0] is the root's
    QHash<const ModuleNode *, Row *> m_rowOfModule;
};

} // namespace torchscope
