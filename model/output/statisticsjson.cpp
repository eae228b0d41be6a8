#include "output/statisticsjson.h"

#include "stats/tensorstats.h"

#include <QJsonValue>

#include <cmath>

namespace torchscope {

QJsonObject statisticsJson(const TensorStats &s, bool hasData)
{
    const bool moments = hasData && s.hasMoments();
    // JSON has no NaN: statistics that do not exist are null.
    const auto moment = [moments](double v) {
        return moments && std::isfinite(v) ? QJsonValue(v) : QJsonValue();
    };
    return QJsonObject{
        {QStringLiteral("min"), moment(s.min)},
        {QStringLiteral("max"), moment(s.max)},
        {QStringLiteral("mean"), moment(s.mean)},
        {QStringLiteral("std"), moment(s.std)},
        {QStringLiteral("l2_norm"), moment(s.l2Norm)},
        {QStringLiteral("zero_fraction"),
         hasData && s.count > 0 ? QJsonValue(double(s.zeroCount) / double(s.count)) : QJsonValue()},
        {QStringLiteral("nan_count"), s.nanCount},
        {QStringLiteral("inf_count"), s.infCount},
    };
}

} // namespace torchscope
