#pragma once

#include "tensor/tensorinfo.h"

#include <QAbstractTableModel>

namespace torchscope {

// Where a tensor's pieces live (a DCP checkpoint's boxes), one row a box: its offsets and sizes in the
// whole tensor, the file holding it and the byte range of its item there.
class TensorChunksModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { OffsetsColumn, SizesColumn, FileColumn, BytesColumn, ColumnCount };

    explicit TensorChunksModel(QObject *parent = nullptr);

    void setTensor(const TensorInfo &tensor);
    const QVector<TensorChunk> &chunks() const { return m_chunks; }
    const QVector<qint64> &shape() const { return m_shape; }
    // The files in the order first met: a box's colour is its file's index here.
    const QStringList &files() const { return m_files; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<TensorChunk> m_chunks;
    QVector<qint64> m_shape;
    QStringList m_files;
};

} // namespace torchscope
