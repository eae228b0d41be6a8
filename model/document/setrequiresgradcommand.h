#pragma once

#include <QUndoCommand>
#include <QVector>

#include <vector>

namespace torchscope {

class CheckpointDocument;

// Sets requires_grad on a set of parameters as one undoable step, however many there are.
class SetRequiresGradCommand : public QUndoCommand
{
public:
    SetRequiresGradCommand(CheckpointDocument *document, QVector<int> indices, std::vector<bool> values,
                           const QString &text);

    void redo() override;
    void undo() override;

private:
    CheckpointDocument *m_document;
    QVector<int> m_indices;
    std::vector<bool> m_oldValues;
    std::vector<bool> m_newValues;
};

} // namespace torchscope
