#include "itemmodels/displayformat.h"

#include "document/checkpointdocument.h"
#include "training/optimizerstate.h"

#include "tensor/checkpointcontent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>

namespace torchscope {

namespace {
QLocale groupingLocale()
{
    // The C locale omits group separators by default; counts of billions need them.
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale;
}
} // namespace

QString DisplayFormat::bytes(qint64 bytes)
{
    if (std::llabs(bytes) < 1024)
        return tr("%n bytes", nullptr, int(bytes));
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString DisplayFormat::count(qint64 count)
{
    return groupingLocale().toString(count);
}

int DisplayFormat::pluralCount(qint64 count)
{
    constexpr qint64 kBillion = 1000000000;
    if (std::llabs(count) < kBillion)
        return int(count);
    return int(kBillion + std::llabs(count) % kBillion);
}

QString DisplayFormat::compactCount(qint64 count)
{
    const double magnitude = std::abs(double(count));
    if (magnitude < 100000)
        return DisplayFormat::count(count);
    struct Unit
    {
        double scale;
        const char *suffix;
    };
    // Short-scale suffixes, as model sizes are spoken of ("7 B parameters").
    static const Unit kUnits[] = {{1e12, QT_TR_NOOP("%1 T")},
                                  {1e9, QT_TR_NOOP("%1 B")},
                                  {1e6, QT_TR_NOOP("%1 M")},
                                  {1e3, QT_TR_NOOP("%1 k")}};
    // The largest unit the count holds at least once (after rounding); thousands at the least, as
    // counts below 100,000 are written exactly.
    const Unit *unit = std::find_if(std::begin(kUnits), std::end(kUnits) - 1, [count](const Unit &u) {
        return std::abs(double(count) / u.scale) >= 0.9995;
    });
    const double scaled = double(count) / unit->scale;
    return tr(unit->suffix).arg(QLocale().toString(scaled, 'f', std::abs(scaled) < 9.995 ? 2 : 1));
}

QStringList DisplayFormat::configFacts(const ModelConfig &config)
{
    QStringList facts;
    if (config.hiddenSize >= 0)
        facts << tr("hidden size %1").arg(count(config.hiddenSize));
    if (config.hiddenLayers >= 0)
        facts << tr("%n layers", nullptr, int(config.hiddenLayers));
    if (config.attentionHeads >= 0)
        facts << tr("%n attention heads", nullptr, int(config.attentionHeads));
    if (config.vocabularySize >= 0)
        facts << tr("vocabulary %1").arg(count(config.vocabularySize));
    if (!config.torchDtype.isEmpty())
        facts << config.torchDtype;
    return facts;
}

QString DisplayFormat::configName(const ModelConfig &config)
{
    return config.architecture.isEmpty() ? config.modelType : config.architecture;
}

QString DisplayFormat::checkpointValue(const CheckpointValue &value)
{
    const QJsonValue &v = value.value;
    if (v.isString())
        return value.type == QLatin1String("float") ? v.toString()
                                                    : QLatin1Char('"') + v.toString() + QLatin1Char('"');
    if (v.isBool())
        return v.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    if (v.isNull())
        return QStringLiteral("None");
    if (v.isDouble()) {
        if (value.type.contains(QLatin1String("int")))
            return QString::number(v.toInteger());
        const QString text = QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
        // As Python writes a float: 1.0, not 1.
        return text.contains(QLatin1Char('.')) || text.contains(QLatin1Char('e')) ||
                       text.contains(QLatin1Char('n'))
                   ? text
                   : text + QStringLiteral(".0");
    }
    const QJsonObject object = v.toObject();
    if (object.contains(QLatin1String("bytes")))
        return tr("%n byte(s)", nullptr,
                  DisplayFormat::pluralCount(object.value(QLatin1String("bytes")).toInteger()));
    if (object.contains(QLatin1String("class")))
        return tr("an instance of %1").arg(object.value(QLatin1String("class")).toString());
    if (object.contains(QLatin1String("refused")))
        return tr("refused: would call %1").arg(object.value(QLatin1String("refused")).toString());
    if (object.contains(QLatin1String("global")))
        return object.value(QLatin1String("global")).toString();
    if (v.isArray())
        return QStringLiteral("[]");
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString DisplayFormat::frameworkName(const QString &framework)
{
    if (framework == QLatin1String("lightning"))
        return QStringLiteral("PyTorch Lightning");
    if (framework == QLatin1String("hf_trainer"))
        return QStringLiteral("Hugging Face Trainer");
    if (framework == QLatin1String("deepspeed"))
        return QStringLiteral("DeepSpeed");
    return framework;
}

QString DisplayFormat::optimizerFamily(const OptimizerState &state)
{
    QSet<QString> names;
    for (const OptimizerEntry &entry : state.entries)
        for (const QString &name : entry.stateNames)
            names.insert(name);
    if (names.contains(QStringLiteral("exp_avg")) && names.contains(QStringLiteral("exp_avg_sq")))
        return tr("Adam");
    if (names.contains(QStringLiteral("momentum_buffer")))
        return tr("SGD with momentum");
    if (names.contains(QStringLiteral("square_avg")))
        return tr("RMSprop");
    if (names.contains(QStringLiteral("sum")))
        return tr("Adagrad");
    if (names.contains(QStringLiteral("exp_avg_sq_row")) || names.contains(QStringLiteral("exp_avg_sq_col")))
        return tr("Adafactor");
    return names.isEmpty() ? tr("Optimizer (no state yet)") : tr("Optimizer");
}

QString DisplayFormat::checkpointSummary(const CheckpointDocument &document)
{
    const CheckpointParts &parts = document.parts();
    if (parts.kind != CheckpointKind::Training)
        return QString();
    QString line = parts.framework.isEmpty() ? tr("Training checkpoint")
                                             : tr("Training checkpoint (%1%2)")
                                                   .arg(frameworkName(parts.framework),
                                                        parts.frameworkVersion.isEmpty()
                                                            ? QString()
                                                            : QLatin1Char(' ') + parts.frameworkVersion);
    QStringList counters;
    for (const CheckpointValue &counter : parts.counters) {
        const QString name = counter.path == QLatin1String("global_step") ? tr("step") : counter.path;
        counters << QStringLiteral("%1 %2").arg(
            name, counter.value.isDouble()
                      ? QString::number(counter.value.toDouble(), 'g', QLocale::FloatingPointShortest)
                      : counter.value.toString());
    }
    if (!counters.isEmpty())
        line += QLatin1String(": ") + counters.join(QLatin1String(", "));
    QStringList facts;
    facts << tr("model %1 parameters").arg(count(document.totals().parameters));
    if (!parts.emaPath.isNull())
        facts << tr("EMA weights at %1").arg(parts.emaPath);
    for (const OptimizerState &optimizer : document.optimizers()) {
        qsizetype withState = 0;
        for (const OptimizerEntry &entry : optimizer.entries)
            withState += entry.stateTensors.isEmpty() ? 0 : 1;
        facts << tr("%1 state for %n tensor(s)", nullptr, int(withState)).arg(optimizerFamily(optimizer));
    }
    if (!parts.schedulers.isEmpty())
        facts << tr("%n scheduler(s)", nullptr, int(parts.schedulers.size()));
    return line + QLatin1String("; ") + facts.join(QLatin1String("; "));
}

} // namespace torchscope
