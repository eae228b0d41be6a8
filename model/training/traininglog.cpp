#include "training/traininglog.h"

#include <QHash>
#include <QRegularExpression>

namespace torchscope {

QMap<QString, LogSeries> trainingLogOf(const QVector<CheckpointValue> &values)
{
    static const QRegularExpression entry(QStringLiteral("^trainer_state\\.log_history\\.(\\d+)\\.(\\w+)$"));
    // Entries in order; each entry's numbers keyed by name.
    QMap<int, QHash<QString, double>> entries;
    for (const CheckpointValue &value : values) {
        if (!value.path.startsWith(QLatin1String("trainer_state.log_history.")) || !value.value.isDouble())
            continue;
        const QRegularExpressionMatch match = entry.match(value.path);
        if (match.hasMatch())
            entries[match.captured(1).toInt()].insert(match.captured(2), value.value.toDouble());
    }
    QMap<QString, LogSeries> log;
    for (const QHash<QString, double> &numbers : std::as_const(entries)) {
        const auto step = numbers.constFind(QStringLiteral("step"));
        if (step == numbers.constEnd())
            continue;
        for (auto it = numbers.constBegin(); it != numbers.constEnd(); ++it) {
            if (it.key() == QLatin1String("step") || it.key() == QLatin1String("epoch"))
                continue;
            log[it.key()].steps << *step;
            log[it.key()].values << it.value();
        }
    }
    return log;
}

} // namespace torchscope
