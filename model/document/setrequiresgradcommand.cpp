#include "document/setrequiresgradcommand.h"

#include "document/checkpointdocument.h"

namespace torchscope {

SetRequiresGradCommand::SetRequiresGradCommand(CheckpointDocument *document, QVector<int> indices,
                                               std::vector<bool> values, const QString &text)
    : QUndoCommand(text), m_document(document), m_indices(std::move(indices)), m_newValues(std::move(values))
{
    m_oldValues.reserve(size_t(m_indices.size()));
    for (int index : std::as_const(m_indices))
        m_oldValues.push_back(m_document->requiresGrad(index));
}

void SetRequiresGradCommand::redo()
{
    m_document->applyRequiresGrad(m_indices, m_newValues);
}

void SetRequiresGradCommand::undo()
{
    m_document->applyRequiresGrad(m_indices, m_oldValues);
}

} // namespace torchscope
