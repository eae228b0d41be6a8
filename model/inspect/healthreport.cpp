#include "inspect/healthreport.h"

#include "output/csvwriter.h"
#include "output/statisticsjson.h"
#include "stats/histogramkernel.h"
#include "tensor/mappedfile.h"
#include "tensor/tensorinfo.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace torchscope {

namespace {

// Iglewicz and Hoaglin's modified z-score: 0.6745 (x - median) / MAD beyond 3.5 is an outlier.
constexpr double kOutlierScore = 3.5;
// Norms are compared as logarithms (a tenfold norm is as far above as a tenth is below). When the
// siblings agree closely the MAD is floored, so only a norm about 1.6x away from the median counts.
constexpr double kMinimumLogMad = 0.0414; // log10(1.1)
constexpr int kMinimumSiblings = 4;
// And a norm is only "far" when it is also at least 4x (or a quarter of) the median: small tensors
// such as biases vary that much by chance.
constexpr double kMinimumLogDistance = 0.60206; // log10(4)

double median(std::vector<double> values)
{
    const size_t middle = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + qsizetype(middle), values.end());
    const double upper = values[middle];
    if (values.size() % 2 == 1)
        return upper;
    return (*std::max_element(values.begin(), values.begin() + qsizetype(middle)) + upper) / 2;
}

} // namespace

const QStringList &HealthReport::flagNames()
{
    static const QStringList names{QStringLiteral("nan"),          QStringLiteral("inf"),
                                   QStringLiteral("all_zero"),     QStringLiteral("constant"),
                                   QStringLiteral("norm_outlier"), QStringLiteral("negative_running_var"),
                                   QStringLiteral("initial_value")};
    return names;
}

QString HealthReport::describeFlag(const QString &flag)
{
    if (flag == QLatin1String("nan"))
        return QCoreApplication::translate("HealthReport", "holds NaN values");
    if (flag == QLatin1String("inf"))
        return QCoreApplication::translate("HealthReport", "holds infinite values");
    if (flag == QLatin1String("all_zero"))
        return QCoreApplication::translate("HealthReport", "every value is zero");
    if (flag == QLatin1String("constant"))
        return QCoreApplication::translate("HealthReport", "every value is the same");
    if (flag == QLatin1String("norm_outlier"))
        return QCoreApplication::translate(
            "HealthReport", "its norm is far from its siblings' (the same tensor in other blocks)");
    if (flag == QLatin1String("negative_running_var"))
        return QCoreApplication::translate("HealthReport", "a running variance below zero");
    if (flag == QLatin1String("initial_value"))
        return QCoreApplication::translate("HealthReport",
                                           "still a norm layer's usual initial value (weight or running "
                                           "variance 1, bias or running mean 0): "
                                           "a layer not trained, or kept frozen; not a fault in itself");
    return flag;
}

QString HealthReport::siblingKey(const QString &name)
{
    QStringList parts = name.split(u'.');
    for (QString &part : parts) {
        bool isNumber = false;
        part.toLongLong(&isNumber);
        if (isNumber)
            part = QStringLiteral("#");
    }
    return parts.join(u'.');
}

QVector<TensorHealth> HealthReport::compute(const std::vector<const TensorInfo *> &tensors,
                                            const Progress &progress)
{
    // Each distinct view read once: a tied tensor takes its first's numbers.
    using View = std::tuple<const TensorStorage *, qint64, DType, QVector<qint64>, QVector<qint64>>;
    std::map<View, int> seen;
    std::vector<const TensorInfo *> distinct;
    std::vector<int> readAs(tensors.size(), -1);
    for (size_t i = 0; i < tensors.size(); ++i) {
        const TensorInfo *tensor = tensors[i];
        if (!tensor->storage)
            continue;
        const auto [it, added] = seen.try_emplace(
            View{tensor->storage.get(), tensor->storageOffset, tensor->dtype, tensor->shape, tensor->strides},
            int(distinct.size()));
        if (added)
            distinct.push_back(tensor);
        readAs[i] = it->second;
    }
    qint64 bytes = 0;
    for (const TensorInfo *tensor : distinct)
        bytes += tensor->byteSize();
    const std::vector<TensorStats> stats =
        HistogramKernel::statisticsEach(distinct, progress, isLongRead(bytes));
    if (progress.isCanceled())
        return {};
    QVector<TensorHealth> report;
    report.reserve(qsizetype(tensors.size()));
    for (size_t i = 0; i < tensors.size(); ++i) {
        TensorHealth entry;
        entry.name = tensors[i]->name;
        entry.dtype = tensors[i]->dtype;
        entry.numel = tensors[i]->numel();
        entry.shape = tensors[i]->shape;
        entry.hasData = readAs[i] >= 0;
        if (entry.hasData)
            entry.stats = stats[size_t(readAs[i])];
        report.append(entry);
    }
    flag(&report);
    return report;
}

void HealthReport::flag(QVector<TensorHealth> *report)
{
    // Log-norms of the floating-point tensors, grouped by sibling key.
    QHash<QString, QVector<int>> siblings;
    for (int i = 0; i < report->size(); ++i) {
        const TensorHealth &entry = report->at(i);
        if (entry.hasData && entry.numel > 1 &&
            (dtypeIsFloatingPoint(entry.dtype) || dtypeIsQuantized(entry.dtype)))
            siblings[siblingKey(entry.name) + u' ' + shapeToString(entry.shape)].append(i);
    }
    QVector<bool> outlier(report->size(), false);
    for (const QVector<int> &group : std::as_const(siblings)) {
        if (group.size() < kMinimumSiblings)
            continue;
        std::vector<double> logs;
        for (int i : group) {
            const double norm = report->at(i).stats.l2Norm;
            if (norm > 0 && std::isfinite(norm))
                logs.push_back(std::log10(norm));
        }
        if (int(logs.size()) < kMinimumSiblings)
            continue;
        const double middle = median(logs);
        std::vector<double> deviations;
        deviations.reserve(logs.size());
        for (double v : logs)
            deviations.push_back(std::abs(v - middle));
        const double mad = std::max(median(deviations), kMinimumLogMad);
        for (int i : group) {
            const double norm = report->at(i).stats.l2Norm;
            // A zero norm among nonzero siblings is as far out as a norm can be.
            if (norm <= 0 || !std::isfinite(norm))
                outlier[i] = report->at(i).stats.hasMoments();
            else {
                const double distance = std::abs(std::log10(norm) - middle);
                outlier[i] = distance > kMinimumLogDistance && 0.6745 * distance / mad > kOutlierScore;
            }
        }
    }
    // Norm layers' names: their weight is a vector (a Linear's or a convolution's is not).
    QSet<QString> normLayers;
    for (const TensorHealth &entry : std::as_const(*report)) {
        if (entry.shape.size() == 1 && entry.name.endsWith(QLatin1String(".weight")))
            normLayers.insert(entry.name.chopped(7));
    }
    for (int i = 0; i < report->size(); ++i) {
        TensorHealth &entry = (*report)[i];
        entry.flags.clear();
        if (!entry.hasData)
            continue;
        const TensorStats &s = entry.stats;
        if (s.nanCount > 0)
            entry.flags << QStringLiteral("nan");
        if (s.infCount > 0)
            entry.flags << QStringLiteral("inf");
        // One-element tensors (counters such as num_batches_tracked) are neither.
        const bool allZero = entry.numel > 1 && s.zeroCount == entry.numel;
        const bool constant = !allZero && entry.numel > 1 && s.finite == entry.numel && s.min == s.max;
        // What initialisation gives a norm layer (weight and running variance 1, bias and running mean
        // 0) is said as that, not as trouble.
        const bool initial =
            (allZero &&
             ((entry.name.endsWith(QLatin1String(".bias")) && normLayers.contains(entry.name.chopped(5))) ||
              entry.name.endsWith(QLatin1String(".running_mean")))) ||
            (constant && s.min == 1 && entry.shape.size() == 1 &&
             (entry.name.endsWith(QLatin1String(".weight")) ||
              entry.name.endsWith(QLatin1String(".running_var"))));
        if (allZero && !initial)
            entry.flags << QStringLiteral("all_zero");
        if (constant && !initial)
            entry.flags << QStringLiteral("constant");
        if (outlier[i])
            entry.flags << QStringLiteral("norm_outlier");
        if (entry.name.endsWith(QLatin1String("running_var")) && s.hasMoments() && s.min < 0)
            entry.flags << QStringLiteral("negative_running_var");
        if (initial)
            entry.flags << QStringLiteral("initial_value");
    }
}

QJsonObject HealthReport::toJson(const QVector<TensorHealth> &report)
{
    QJsonArray tensors;
    for (const TensorHealth &entry : report) {
        QJsonObject object = statisticsJson(entry.stats, entry.hasData);
        object.insert(QStringLiteral("name"), entry.name);
        object.insert(QStringLiteral("dtype"), dtypeName(entry.dtype));
        object.insert(QStringLiteral("numel"), entry.numel);
        object.insert(QStringLiteral("flags"), QJsonArray::fromStringList(entry.flags));
        tensors.append(object);
    }
    return QJsonObject{{QStringLiteral("tensors"), tensors}};
}

QByteArray HealthReport::toCsv(const QVector<TensorHealth> &report)
{
    CsvWriter csv;
    for (const char *column : {"name", "dtype", "numel", "min", "max", "mean", "std", "l2_norm",
                               "zero_fraction", "nan_count", "inf_count", "flags"})
        csv.field(column);
    csv.endRow();
    for (const TensorHealth &entry : report) {
        // The same numbers as the JSON, from the one place they are chosen.
        const QJsonObject stats = statisticsJson(entry.stats, entry.hasData);
        csv.field(entry.name);
        csv.field(dtypeName(entry.dtype));
        csv.number(entry.numel);
        for (const char *key : {"min", "max", "mean", "std", "l2_norm", "zero_fraction"}) {
            const QJsonValue value = stats.value(QLatin1String(key));
            value.isNull() ? csv.empty() : csv.number(value.toDouble());
        }
        csv.number(entry.stats.nanCount);
        csv.number(entry.stats.infCount);
        csv.field(entry.flags.join(u' '));
        csv.endRow();
    }
    return csv.bytes();
}

} // namespace torchscope
