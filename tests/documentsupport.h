#pragma once

// For tests that link the document layer (testsupport.h is the core's only).

#include "document/checkpointdocument.h"
#include "formats/checkpointreader.h"

#include <QtGlobal>

#include <memory>
#include <utility>

namespace torchscope::test {

// Reads `path` as the window does and builds its document; nullptr (and a warning with the reason)
// when it cannot be read.
inline std::unique_ptr<CheckpointDocument> openDocument(const QString &path)
{
    CheckpointContent content;
    QString error;
    if (!readCheckpoint(path, Progress(), &content, &error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return std::make_unique<CheckpointDocument>(std::move(content));
}

} // namespace torchscope::test
