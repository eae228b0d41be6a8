#pragma once

#include <QWidget>

class QLabel;
class QTreeView;

namespace torchscope {

class CheckpointDocument;
class TensorChunksModel;

// The Shards tab: where the selected tensor's pieces live (a DCP checkpoint's boxes), listed and drawn
// over the tensor's extent (its first and last dimensions), each box coloured by its file.
class ShardsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ShardsPanel(QWidget *parent = nullptr);

    void setDocument(CheckpointDocument *document);
    void showTensor(int tensorIndex);
    // Whether the document keeps tensors in pieces (the tab is shown only then).
    static bool applies(const CheckpointDocument *document);
    TensorChunksModel *model() const { return m_model; }
    QWidget *extent() const { return m_extent; }

private:
    CheckpointDocument *m_document = nullptr;
    TensorChunksModel *m_model;
    QTreeView *m_view;
    QLabel *m_summary;
    QWidget *m_extent;
};

} // namespace torchscope
