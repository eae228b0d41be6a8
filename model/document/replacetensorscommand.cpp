#include "document/replacetensorscommand.h"

#include "document/checkpointdocument.h"

#include <utility>

namespace torchscope {

ReplaceTensorsCommand::ReplaceTensorsCommand(CheckpointDocument *document,
                                             QVector<QPair<int, TensorInfo>> replacements,
                                             const QString &text)
    : QUndoCommand(text), m_document(document), m_new(std::move(replacements))
{
    for (const auto &[index, tensor] : std::as_const(m_new))
        m_old.append({index, document->tensor(index)});
}

void ReplaceTensorsCommand::redo()
{
    m_document->applyTensors(m_new, +1);
}

void ReplaceTensorsCommand::undo()
{
    m_document->applyTensors(m_old, -1);
}

} // namespace torchscope
