#pragma once

// What PyTorch's weights-only unpickler accepts (torch.load's default since PyTorch 2.6), and what in a
// pickle it would refuse: the reason behind "Weights only load failed".

#include "formats/pickle/picklevalue.h"
#include "tensor/checkpointcontent.h"

#include <QString>
#include <QStringList>

namespace torchscope {

// Whether torch.load(weights_only=True) of PyTorch 2.15 accepts the global module.name, as its
// _get_allowed_globals() lists them (checked against the modern peer by tst_checkpointreader).
bool isWeightsOnlyGlobal(const QString &qualifiedName);

// The globals a pickle reads that weights_only refuses, in the order read, each with the paths of the
// values made from it (dotted as tensor names are; "" for the root). A global whose value ends up
// nowhere in the tree (an argument of a refused call) has no paths.
// Without `root` (a pickled model, whose classes are the point and whose values number hundreds of
// thousands) the globals come without places.
QList<WeightsOnlyBlocker> weightsOnlyBlockers(const QStringList &globalsRead, const PickleValuePtr &root);

// One line for people: "numpy.core.multiarray.scalar (at best_acc), argparse.Namespace (at args)".
QString describeWeightsOnlyBlockers(const QList<WeightsOnlyBlocker> &blockers);

} // namespace torchscope
