#include "formats/modelfolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace torchscope {

namespace {
// lupdate sees the strings of this file under the context CheckpointReader.
struct CheckpointReaderText
{
    Q_DECLARE_TR_FUNCTIONS(CheckpointReader)
};

constexpr qint64 kMaxConfig = qint64(16) << 20;
} // namespace

QString findCheckpointInFolder(const QString &folder, QString *error)
{
    const QDir dir(folder);
    for (const char *name : {"model.safetensors.index.json", "model.safetensors",
                             "pytorch_model.bin.index.json", "pytorch_model.bin"}) {
        if (QFileInfo(dir.filePath(QLatin1String(name))).isFile())
            return dir.filePath(QLatin1String(name));
    }
    const QStringList candidates =
        dir.entryList({QStringLiteral("*.safetensors"), QStringLiteral("*.bin"), QStringLiteral("*.pt"),
                       QStringLiteral("*.pth"), QStringLiteral("*.ckpt")},
                      QDir::Files, QDir::Name);
    if (candidates.size() == 1)
        return dir.filePath(candidates.first());
    *error =
        candidates.isEmpty()
            ? CheckpointReaderText::tr(
                  "%1: no checkpoint in this folder (looked for model.safetensors, pytorch_model.bin, "
                  "their index files, and *.safetensors, *.bin, *.pt, *.pth, *.ckpt)")
                  .arg(folder)
            : CheckpointReaderText::tr(
                  "%1: %2 checkpoint files and no index to say which is the model (%3, ...); open one of "
                  "them")
                  .arg(folder)
                  .arg(candidates.size())
                  .arg(candidates.first());
    return QString();
}

bool readModelConfig(const QString &folder, ModelConfig *config, QStringList *warnings)
{
    QFile file(QDir(folder).filePath(QStringLiteral("config.json")));
    if (!file.exists())
        return false;
    if (file.size() > kMaxConfig || !file.open(QIODevice::ReadOnly)) {
        *warnings << CheckpointReaderText::tr("config.json beside the checkpoint cannot be read");
        return false;
    }
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        *warnings << CheckpointReaderText::tr("config.json beside the checkpoint is not JSON: %1")
                         .arg(parseError.errorString());
        return false;
    }
    const QJsonArray architectures = object.value(QStringLiteral("architectures")).toArray();
    if (architectures.isEmpty() && !object.value(QStringLiteral("model_type")).isString())
        return false; // some other program's config.json
    const auto number = [&object](std::initializer_list<const char *> keys) -> qint64 {
        // Model families name the same thing differently (GPT-2's n_embd and n_layer).
        for (const char *key : keys) {
            const QJsonValue value = object.value(QLatin1String(key));
            if (value.isDouble() && value.toDouble() >= 0)
                return qint64(value.toDouble());
        }
        return -1;
    };
    config->path = file.fileName();
    config->architecture = architectures.isEmpty() ? QString() : architectures.first().toString();
    config->modelType = object.value(QStringLiteral("model_type")).toString();
    config->hiddenSize = number({"hidden_size", "n_embd", "d_model"});
    config->hiddenLayers = number({"num_hidden_layers", "n_layer", "num_layers"});
    config->attentionHeads = number({"num_attention_heads", "n_head", "num_heads"});
    config->vocabularySize = number({"vocab_size"});
    // transformers 5 writes "dtype" where 4.x wrote "torch_dtype".
    config->torchDtype = object.value(QStringLiteral("torch_dtype"))
                             .toString(object.value(QStringLiteral("dtype")).toString());
    config->transformersVersion = object.value(QStringLiteral("transformers_version")).toString();
    return true;
}

} // namespace torchscope
