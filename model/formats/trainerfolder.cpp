#include "formats/trainerfolder.h"

#include "formats/checkpointreader.h"
#include "tensor/mappedfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <memory>
#include <vector>

namespace torchscope {

namespace {
// lupdate sees the strings of this file under the context CheckpointReader.
struct CheckpointReaderText
{
    Q_DECLARE_TR_FUNCTIONS(CheckpointReader)
};

constexpr qint64 kMaxTrainerState = qint64(64) << 20;

QString under(const QString &prefix, const QString &name)
{
    return prefix.isEmpty() ? name : prefix + QLatin1Char('.') + name;
}

// trainer_state.json's values, one a leaf, as a pickled dict's would be.
void addJsonValues(const QString &path, const QJsonValue &value, QVector<CheckpointValue> *values, int depth)
{
    if (values->size() >= kMaxCheckpointValues || depth > 64)
        return;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.isEmpty())
            values->append({path, QStringLiteral("dict"), QJsonObject()});
        for (auto it = object.begin(); it != object.end(); ++it)
            addJsonValues(under(path, it.key()), it.value(), values, depth + 1);
        return;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (array.isEmpty())
            values->append({path, QStringLiteral("list"), QJsonArray()});
        for (qsizetype i = 0; i < array.size(); ++i)
            addJsonValues(under(path, QString::number(i)), array.at(i), values, depth + 1);
        return;
    }
    QString type = QStringLiteral("NoneType");
    if (value.isBool())
        type = QStringLiteral("bool");
    else if (value.isString())
        type = QStringLiteral("str");
    else if (value.isDouble())
        type = std::floor(value.toDouble()) == value.toDouble() && std::abs(value.toDouble()) < 9.0e15
                   ? QStringLiteral("int")
                   : QStringLiteral("float");
    values->append({path, type, value});
}

// Appends `part`'s tensors and values under `prefix`, keeping its ties.
void mergeUnder(const QString &file, const QString &prefix, CheckpointContent &&part, CheckpointContent *out)
{
    const int offset = int(out->tensors.size());
    for (TensorInfo &tensor : part.tensors) {
        tensor.name = under(prefix, tensor.name);
        if (tensor.tiedTo >= 0)
            tensor.tiedTo += offset;
        // The optimizer's and scheduler's tensors are never the model's parameters or flags.
        tensor.hasRequiresGrad = false;
        out->tensors.push_back(std::move(tensor));
    }
    for (CheckpointValue &value : part.values) {
        if (out->values.size() >= kMaxCheckpointValues)
            break;
        value.path = under(prefix, value.path);
        out->values.append(std::move(value));
    }
    // A Trainer's pickles refuse many calls (TrainingArguments' enums, NumPy's RNG arrays): one line a file
    // names how many and the first, the rest show as the refused values they are.
    const QString refusal = QStringLiteral(" on load; refused");
    QStringList refused, other;
    for (const QString &warning : std::as_const(part.warnings))
        (warning.endsWith(refusal) ? refused : other) << warning;
    if (!refused.isEmpty())
        out->warnings << CheckpointReaderText::tr("%1: %n call(s) refused, kept as refused values (%2)",
                                                  nullptr, int(refused.size()))
                             .arg(file, refused.first());
    for (const QString &warning : std::as_const(other))
        out->warnings << QStringLiteral("%1: %2").arg(file, warning);
}
} // namespace

bool isTrainerCheckpointFolder(const QString &folder)
{
    const QDir dir(folder);
    return dir.exists(QStringLiteral("trainer_state.json")) &&
           (dir.exists(QStringLiteral("optimizer.pt")) || dir.exists(QStringLiteral("training_args.bin")));
}

void readTrainerFolderParts(const QString &folder, CheckpointContent *out)
{
    const QDir dir(folder);
    // In the order a reader of the folder would want them: the optimizer first.
    static const std::pair<const char *, const char *> files[] = {{"optimizer.pt", "optimizer"},
                                                                  {"scheduler.pt", "scheduler"},
                                                                  {"scaler.pt", "scaler"},
                                                                  {"rng_state.pth", "rng_state"},
                                                                  {"training_args.bin", "training_args"}};
    for (const auto &[file, prefix] : files) {
        const QString path = dir.filePath(QLatin1String(file));
        if (!QFileInfo::exists(path))
            continue;
        QString error;
        const std::shared_ptr<MappedFile> mapped = MappedFile::open(path, &error);
        CheckpointContent part;
        if (!mapped || !readSingleFileCheckpoint(mapped, &part, &error)) {
            out->warnings << CheckpointReaderText::tr("%1: not read: %2").arg(QLatin1String(file), error);
            continue;
        }
        mergeUnder(QLatin1String(file), QLatin1String(prefix), std::move(part), out);
    }
    QFile state(dir.filePath(QStringLiteral("trainer_state.json")));
    if (!state.open(QIODevice::ReadOnly) || state.size() > kMaxTrainerState) {
        out->warnings << CheckpointReaderText::tr("trainer_state.json: not read: %1")
                             .arg(state.isOpen() ? CheckpointReaderText::tr("larger than 64 MiB")
                                                 : state.errorString());
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(state.readAll(), &parseError);
    if (!json.isObject()) {
        out->warnings
            << CheckpointReaderText::tr("trainer_state.json: not read: %1").arg(parseError.errorString());
        return;
    }
    addJsonValues(QStringLiteral("trainer_state"), json.object(), &out->values, 0);
}

} // namespace torchscope
