#pragma once

#include "tensor/tensorinfo.h"

#include <QPair>
#include <QUndoCommand>
#include <QVector>

namespace torchscope {

class CheckpointDocument;

// Replaces the values of some of the document's tensors (weights loaded from another file) as one
// undoable step; undo puts the model's own values back.
class ReplaceTensorsCommand : public QUndoCommand
{
public:
    ReplaceTensorsCommand(CheckpointDocument *document, QVector<QPair<int, TensorInfo>> replacements,
                          const QString &text);

    void redo() override;
    void undo() override;

private:
    CheckpointDocument *m_document;
    QVector<QPair<int, TensorInfo>> m_new;
    QVector<QPair<int, TensorInfo>> m_old;
};

} // namespace torchscope
