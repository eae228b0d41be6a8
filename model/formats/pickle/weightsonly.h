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

// Whether a call weights_only refuses only makes plain data from plain data, whatever its arguments: a
// NumPy scalar or array, a dtype, a path, a date, a layout, an enum member looked up on a class that is
// no gadget (getattr(SomeEnum, 'NAME')). Benign checkpoints make these; `arguments` as
// SafeUnpickler::RefusedCall writes them.
bool isPlainDataCall(const QString &callable, const QString &arguments);
// Whether module.name looks like a class (a capitalised last part) outside the modules that reach the
// system (isGadgetClass) and builtins: what torch.save(model) and a library's records construct.
bool looksLikeClass(const QString &qualifiedName);

// One line for people: "numpy.core.multiarray.scalar (at best_acc), argparse.Namespace (at args)".
QString describeWeightsOnlyBlockers(const QList<WeightsOnlyBlocker> &blockers);

} // namespace torchscope
