#include "training/optimizerstatistics.h"

#include "stats/valuevisitor.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace torchscope {

namespace {
// Elements [begin, end) of a tensor as doubles.
void readBlock(const TensorInfo &tensor, qint64 begin, qint64 end, std::vector<double> *out)
{
    out->clear();
    struct Append
    {
        std::vector<double> *out;
        void block(const float *values, int n) { out->insert(out->end(), values, values + n); }
        void block(const double *values, int n) { out->insert(out->end(), values, values + n); }
    } append{out};
    kernel::visitValues(tensor, begin, end, append);
}

struct GroupSettings
{
    double lr = 0;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
};

QHash<qint64, GroupSettings> settingsById(const OptimizerState &optimizer)
{
    QHash<qint64, GroupSettings> result;
    for (const OptimizerGroup &group : optimizer.groups) {
        GroupSettings settings;
        settings.lr = group.settings.value(QStringLiteral("lr")).toDouble();
        const QJsonArray betas = group.settings.value(QStringLiteral("betas")).toArray();
        if (betas.size() == 2) {
            settings.beta1 = betas.at(0).toDouble();
            settings.beta2 = betas.at(1).toDouble();
        }
        settings.eps = group.settings.value(QStringLiteral("eps")).toDouble(1e-8);
        for (const qint64 id : group.ids)
            result.insert(id, settings);
    }
    return result;
}

// Norms of m, √v and the update, in one pass over both moments.
void momentNorms(const TensorInfo &m, const TensorInfo &v, const GroupSettings &settings, double step,
                 ParameterUpdate *out)
{
    const double t = std::max(step, 1.0);
    const double mScale = 1.0 / (1.0 - std::pow(settings.beta1, t));
    const double vScale = 1.0 / (1.0 - std::pow(settings.beta2, t));
    double mSquares = 0, vSum = 0, updateSquares = 0;
    std::vector<double> mBlock, vBlock;
    const qint64 count = std::min(m.numel(), v.numel());
    for (qint64 begin = 0; begin < count; begin += kernel::kBlock) {
        const qint64 end = std::min(count, begin + kernel::kBlock);
        readBlock(m, begin, end, &mBlock);
        readBlock(v, begin, end, &vBlock);
        for (size_t i = 0; i < mBlock.size() && i < vBlock.size(); ++i) {
            mSquares += mBlock[i] * mBlock[i];
            vSum += vBlock[i];
            const double update = mBlock[i] * mScale / (std::sqrt(vBlock[i] * vScale) + settings.eps);
            updateSquares += update * update;
        }
    }
    out->expAvgNorm = std::sqrt(mSquares);
    out->sqrtExpAvgSqNorm = std::sqrt(vSum);
    out->updateNorm = settings.lr * std::sqrt(updateSquares);
}

double l2Norm(const TensorInfo &tensor)
{
    double squares = 0;
    std::vector<double> block;
    for (qint64 begin = 0; begin < tensor.numel(); begin += kernel::kBlock) {
        readBlock(tensor, begin, std::min(tensor.numel(), begin + kernel::kBlock), &block);
        for (const double value : block)
            squares += value * value;
    }
    return std::sqrt(squares);
}
} // namespace

QVector<ParameterUpdate> computeParameterUpdates(const OptimizerState &optimizer,
                                                 const std::vector<TensorInfo> &tensors,
                                                 const std::function<int(const QString &)> &weightIndex,
                                                 const Progress &progress)
{
    const QHash<qint64, GroupSettings> settings = settingsById(optimizer);
    QVector<ParameterUpdate> result;
    qint64 total = 0, done = 0;
    for (const OptimizerEntry &entry : optimizer.entries) {
        for (const int index : entry.stateTensors)
            total += tensors[size_t(index)].numel();
    }
    for (const OptimizerEntry &entry : optimizer.entries) {
        if (progress.isCanceled())
            return {};
        const int weight = entry.parameter.isEmpty() ? -1 : weightIndex(entry.parameter);
        const qsizetype m = entry.stateNames.indexOf(QStringLiteral("exp_avg"));
        const qsizetype v = entry.stateNames.indexOf(QStringLiteral("exp_avg_sq"));
        if (weight < 0 || m < 0 || v < 0)
            continue;
        const TensorInfo &mTensor = tensors[size_t(entry.stateTensors[m])];
        const TensorInfo &vTensor = tensors[size_t(entry.stateTensors[v])];
        const TensorInfo &weightTensor = tensors[size_t(weight)];
        if (mTensor.meta || vTensor.meta || weightTensor.meta || mTensor.shape != weightTensor.shape)
            continue;
        ParameterUpdate update;
        update.parameter = entry.parameter;
        update.weightTensor = weight;
        update.step = entry.step;
        momentNorms(mTensor, vTensor, settings.value(entry.id), entry.step, &update);
        update.weightNorm = l2Norm(weightTensor);
        result << update;
        done += mTensor.numel() + vTensor.numel();
        progress.set(done, total);
    }
    std::sort(result.begin(), result.end(), [](const ParameterUpdate &a, const ParameterUpdate &b) {
        return a.weightTensor < b.weightTensor;
    });
    return result;
}

} // namespace torchscope
