#pragma once

#include "jobs/progress.h"
#include "stats/tensorstats.h"
#include "tensor/dtype.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <algorithm>
#include <vector>

namespace torchscope {

struct TensorInfo;

// What a tensor's numbers say about its health: the statistics (NaN and Inf counted, then left out,
// as `info --stats` does) and the flags that point at trouble.
struct TensorHealth
{
    QString name;
    DType dtype = DType::Invalid;
    qint64 numel = 0;
    QVector<qint64> shape;
    bool hasData = false; // false for tensors whose bytes the file does not hold
    TensorStats stats;
    QStringList flags; // drawn from HealthReport::flagNames(), in that order

    double zeroFraction() const { return numel > 0 ? double(stats.zeroCount) / double(numel) : 0; }
    // A flag that points at trouble (every flag but initial_value, which is a note).
    bool hasTrouble() const
    {
        return std::any_of(flags.begin(), flags.end(),
                           [](const QString &flag) { return flag != QLatin1String("initial_value"); });
    }
};

// The health report of a set of tensors (a model, or one module's): one pass over every value on
// all cores, then the flags, which compare each tensor with itself and with its siblings.
class HealthReport
{
public:
    // "nan", "inf", "all_zero", "constant", "norm_outlier", "negative_running_var", "initial_value" (a
    // norm layer still at its initial weight 1 or bias 0: a note, not trouble).
    static const QStringList &flagNames();
    // A sentence for people saying what a flag means.
    static QString describeFlag(const QString &flag);

    // Tied tensors (TensorInfo::tiedTo into `tensors`) are read once. Empty when canceled.
    static QVector<TensorHealth> compute(const std::vector<const TensorInfo *> &tensors,
                                         const Progress &progress = Progress());
    // Sets every entry's flags from its statistics and its siblings' norms.
    static void flag(QVector<TensorHealth> *report);

    // Sibling tensors: the same shape, and the same name once block numbers are set aside
    // ("layers.3.attn.q.weight" and "layers.7.attn.q.weight" are both "layers.#.attn.q.weight").
    static QString siblingKey(const QString &name);

    static QJsonObject toJson(const QVector<TensorHealth> &report);
    static QByteArray toCsv(const QVector<TensorHealth> &report);
};

} // namespace torchscope
