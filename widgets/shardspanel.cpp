#include "shardspanel.h"

#include "document/checkpointdocument.h"
#include "itemmodels/tensorchunksmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace torchscope {

namespace {
// The tensor's extent, its first dimension down and its last across, with each box drawn in its file's
// colour; a 1-D tensor is one row.
class ExtentView : public QWidget
{
public:
    ExtentView(const TensorChunksModel *model, QWidget *parent) : QWidget(parent), m_model(model)
    {
        setMinimumSize(160, 120);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        const QVector<qint64> &shape = m_model->shape();
        if (shape.isEmpty() || m_model->chunks().isEmpty())
            return;
        const qint64 rows = shape.size() >= 2 ? shape.first() : 1, columns = shape.last();
        const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -4);
        const auto place = [&](qint64 row, qint64 column) {
            return QPointF(area.left() + area.width() * double(column) / double(std::max<qint64>(columns, 1)),
                           area.top() + area.height() * double(row) / double(std::max<qint64>(rows, 1)));
        };
        for (const TensorChunk &chunk : m_model->chunks()) {
            const int file = int(m_model->files().indexOf(chunk.file));
            const QColor colour = QColor::fromHsv((file * 67) % 360, 110, 235);
            const qint64 row = shape.size() >= 2 ? chunk.offsets.first() : 0;
            const qint64 height = shape.size() >= 2 ? chunk.sizes.first() : 1;
            const QRectF box(place(row, chunk.offsets.last()),
                             place(row + height, chunk.offsets.last() + chunk.sizes.last()));
            painter.fillRect(box, colour);
            painter.setPen(palette().color(QPalette::WindowText));
            painter.drawRect(box);
            if (box.width() > 40 && box.height() > 14)
                painter.drawText(box, Qt::AlignCenter, QString::number(file));
        }
    }

private:
    const TensorChunksModel *m_model;
};
} // namespace

ShardsPanel::ShardsPanel(QWidget *parent) : QWidget(parent)
{
    m_model = new TensorChunksModel(this);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("shardsTable"));
    m_view->setRootIsDecorated(false);
    m_view->setModel(m_model);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("shardsSummary"));
    m_summary->setWordWrap(true);
    m_extent = new ExtentView(m_model, this);
    m_extent->setObjectName(QStringLiteral("shardsExtent"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_view, 3);
    row->addWidget(m_extent, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(row, 1);
}

bool ShardsPanel::applies(const CheckpointDocument *document)
{
    if (!document)
        return false;
    for (int i = 0; i < document->tensorCount(); ++i) {
        if (document->tensor(i).chunks)
            return true;
    }
    return false;
}

void ShardsPanel::setDocument(CheckpointDocument *document)
{
    m_document = document;
    m_model->setTensor(TensorInfo());
    m_summary->clear();
    m_extent->update();
}

void ShardsPanel::showTensor(int tensorIndex)
{
    if (!m_document || tensorIndex < 0 || tensorIndex >= m_document->tensorCount())
        return;
    const TensorInfo &tensor = m_document->tensor(tensorIndex);
    m_model->setTensor(tensor);
    m_summary->setText(tensor.chunks ? tr("%1 %2: %n box(es), drawn over its first and last dimensions, "
                                          "coloured by file",
                                          nullptr, int(tensor.chunks->size()))
                                           .arg(tensor.name, shapeToString(tensor.shape))
                                     : tr("%1 is kept whole.").arg(tensor.name));
    m_extent->update();
}

} // namespace torchscope
