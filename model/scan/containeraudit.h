#pragma once

#include "tensor/checkpointcontent.h"

#include <QString>
#include <QVector>

namespace torchscope {

// What the scanner finds in a file's container rather than in its pickles: a zip archive's records
// (names that climb out, the encrypted flag, CRCs and sizes that lie, duplicate names, bytes around the
// records, archives inside archives or inside other files) and a safetensors header's offsets. Readers
// stop at the first such fault with one reason; the audit walks on and names each.
struct ContainerFinding
{
    QString ruleId; // the scanner's rule, "TS010"...
    QString place;  // "archive/data.pkl", "header: model.fc.weight"
    QString message;
};

struct ContainerAudit
{
    QVector<ContainerFinding> findings;
    // The calls refused in every pickle found inside archives (every entry that is a pickle, at any
    // depth): the reader reads only the one torch.load would.
    QVector<RefusedCallSite> calls;
    // Zip archives found one after the other from the file's end (a DCP .distcp file holds one per
    // item); 0 when the file is no archive.
    int archives = 0;
};

ContainerAudit auditContainer(const char *data, qint64 size);

} // namespace torchscope
