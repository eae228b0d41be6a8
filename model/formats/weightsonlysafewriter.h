#pragma once

#include "formats/statedictwriter.h"
#include "jobs/progress.h"

#include <QByteArray>
#include <QHash>
#include <QPair>
#include <QStringList>

#include <functional>
#include <utility>
#include <vector>

class QIODevice;

namespace torchscope {

struct PickleModuleGraph;

// A copy of a torch.save file that PyTorch's default torch.load (weights_only=True, PyTorch >= 2.6)
// loads: the file's values in their places, every tensor as it is, plain values as they are; what
// weights_only refuses becomes the plain value it stands for where there is one (numpy scalars as
// numbers, numpy arrays as tensors, argparse namespaces and config records as dicts of their
// attributes, paths as strings) and is dropped otherwise. Nothing is run to do it.
class WeightsOnlySafeWriter
{
public:
    // The tensor of content index `index` as it is now.
    using TensorAt = std::function<const TensorInfo *(int index)>;

    // Emits the pickle of the whole file. False with the reason where there is nothing to copy.
    bool prepare(const PickleModuleGraph &graph, const TensorAt &tensorAt, QString *error);
    bool write(QIODevice *device, const Progress &progress, QString *error) const;

    // "best_acc: a numpy.float64 scalar, written as a number", one line each.
    const QStringList &converted() const { return m_converted; }
    // "model_class: the class __main__.Net (a global), left out", one line each.
    const QStringList &dropped() const { return m_dropped; }
    // Name -> (dtype, shape) of every tensor the copy holds, as a reader names them.
    const QHash<QString, std::pair<DType, QVector<qint64>>> &expected() const { return m_expected; }

private:
    QByteArray m_pickle;
    std::vector<StateDictWriter::Entry> m_records;
    QStringList m_converted;
    QStringList m_dropped;
    QHash<QString, std::pair<DType, QVector<qint64>>> m_expected;
};

} // namespace torchscope
