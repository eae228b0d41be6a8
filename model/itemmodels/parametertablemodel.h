#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QVector>

namespace torchscope {

class CheckpointDocument;
class ModuleNode;

// The tensors of one module's subtree for a QTableView, with a requires_grad checkbox on parameters.
// Rows answer from the document on demand, so the table costs nothing per row until it is painted.
class ParameterTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        KindColumn,
        ShapeColumn,
        DTypeColumn,
        NumelColumn,
        BytesColumn,
        RequiresGradColumn,
        ColumnCount
    };
    enum Role { TensorIndexRole = Qt::UserRole + 1, SortRole, FullNameRole };

    explicit ParameterTableModel(QObject *parent = nullptr);

    void setDocument(CheckpointDocument *document);
    // Shows the tensors of `module`'s subtree (the whole model for nullptr).
    void setModule(const ModuleNode *module);
    const ModuleNode *module() const { return m_module; }
    // Row of each tensor index, -1 for tensors outside the shown module.

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void onRequiresGradChanged(const QVector<int> &tensorIndices);
    void rebuildRows();

    QPointer<CheckpointDocument> m_document;
    const ModuleNode *m_module = nullptr;
    QVector<int> m_rows;
    QVector<int> m_rowOfTensor;
};

} // namespace torchscope
