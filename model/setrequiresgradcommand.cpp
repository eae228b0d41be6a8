#include "setrequiresgradcommand.h"

#include "checkpointdocument.h"

namespace torchscope {

SetRequiresGradCommand::SetRequiresGradCommand(CheckpointDocument *document, QVector<int> indices, bool value,
                                               const QString &text)
    : QUndoCommand(text), m_document(document), m_indices(std::move(indices)), m_value(value)
{
    m_oldValues.reserve(size_t(m_indices.size()));
    for (int index : std::as_const(m_indices))
        m_oldValues.push_back(m_document->requiresGrad(index));
}

void SetRequiresGradCommand::redo()
{
    m_document->applyRequiresGrad(m_indices, std::vector<bool>(size_t(m_indices.size()), m_value));
}

void SetRequiresGradCommand::undo()
{
    m_document->applyRequiresGrad(m_indices, m_oldValues);
}

} // namespace torchscope
