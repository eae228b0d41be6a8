#include "itemmodels/tensorchunksmodel.h"

#include "itemmodels/displayformat.h"

namespace torchscope {

TensorChunksModel::TensorChunksModel(QObject *parent) : QAbstractTableModel(parent) {}

void TensorChunksModel::setTensor(const TensorInfo &tensor)
{
    beginResetModel();
    m_chunks = tensor.chunks ? *tensor.chunks : QVector<TensorChunk>();
    m_shape = tensor.shape;
    m_files.clear();
    for (const TensorChunk &chunk : std::as_const(m_chunks)) {
        if (!m_files.contains(chunk.file))
            m_files << chunk.file;
    }
    endResetModel();
}

int TensorChunksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_chunks.size());
}

int TensorChunksModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TensorChunksModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_chunks.size() || role != Qt::DisplayRole)
        return QVariant();
    const TensorChunk &chunk = m_chunks[index.row()];
    switch (index.column()) {
    case OffsetsColumn:
        return shapeToString(chunk.offsets);
    case SizesColumn:
        return shapeToString(chunk.sizes);
    case FileColumn:
        return chunk.file;
    case BytesColumn:
        return tr("%1 + %2").arg(chunk.byteOffset).arg(DisplayFormat::bytes(chunk.byteLength));
    default:
        return QVariant();
    }
}

QVariant TensorChunksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case OffsetsColumn:
        return tr("Offsets");
    case SizesColumn:
        return tr("Sizes");
    case FileColumn:
        return tr("File");
    case BytesColumn:
        return tr("Bytes");
    default:
        return QVariant();
    }
}

} // namespace torchscope
