#include "document/savejob.h"

#include "document/checkpointdocument.h"
#include "document/freezeplan.h"
#include "formats/atomicfile.h"
#include "formats/checkpointreader.h"
#include "formats/dcpwriter.h"
#include "formats/dtypeconversion.h"
#include "formats/pickle/picklemodule.h"
#include "formats/safetensorswriter.h"
#include "formats/weightsonlysafewriter.h"
#include "itemmodels/displayformat.h"
#include "torchbridge/torchbridge.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace torchscope {

namespace {
// lupdate sees the strings of this file under the context CheckpointWriter.
struct CheckpointWriterText
{
    Q_DECLARE_TR_FUNCTIONS(CheckpointWriter)
};
} // namespace

qint64 parseShardSize(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([KMGT]i?B|B)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return 0;
    const QString unit = match.captured(2).toUpper();
    double bytes = match.captured(1).toDouble();
    if (unit.size() >= 2) {
        const int power = int(QStringLiteral("KMGT").indexOf(unit.at(0))) + 1;
        bytes *= std::pow(unit.contains(u'I') ? 1024.0 : 1000.0, power);
    }
    return bytes >= 1 && bytes < 9.0e18 ? qint64(bytes) : 0;
}

namespace {

// What a written file must hold, by name.
using Expected = QHash<QString, std::pair<DType, QVector<qint64>>>;

Expected expectedOf(const std::vector<StateDictWriter::Entry> &entries)
{
    Expected expected;
    for (const StateDictWriter::Entry &entry : entries)
        expected.insert(entry.key, {entry.dtype(), entry.tensor.shape});
    return expected;
}

// Reads back what was written with our own reader: every name, dtype and shape as meant, and every
// tensor's bytes inside the file. A writer's bug must not replace a good file.
bool verifyWritten(const QString &readable, const QString &target, const Expected &expected, QString *error)
{
    CheckpointContent content;
    QString reason;
    if (!readCheckpoint(readable, Progress(), &content, &reason)) {
        *error =
            CheckpointWriterText::tr("%1: the file written does not read back (%2); the old file is kept")
                .arg(target, reason);
        return false;
    }
    QSet<QString> seen;
    for (const TensorInfo &tensor : content.tensors) {
        const auto it = expected.constFind(tensor.name);
        QString why;
        if (it == expected.constEnd())
            why = CheckpointWriterText::tr("holds %1, which was not saved").arg(tensor.name);
        else if (it->first != tensor.dtype || it->second != tensor.shape)
            why = CheckpointWriterText::tr("holds %1 as %2 %3 instead of %4 %5")
                      .arg(tensor.name, dtypeName(tensor.dtype), shapeToString(tensor.shape),
                           dtypeName(it->first), shapeToString(it->second));
        else if (tensor.numel() > 0 && !tensor.validateView(&why))
            why = CheckpointWriterText::tr("holds %1 outside its data (%2)").arg(tensor.name, why);
        if (!why.isEmpty()) {
            *error =
                CheckpointWriterText::tr("%1: the file written %2; the old file is kept").arg(target, why);
            return false;
        }
        seen.insert(tensor.name);
    }
    if (seen.size() != expected.size()) {
        *error = CheckpointWriterText::tr("%1: the file written holds %2 of %3 tensors; the old file is kept")
                     .arg(target)
                     .arg(seen.size())
                     .arg(expected.size());
        return false;
    }
    return true;
}

// A part of a training checkpoint named by the request becomes the module it is, or a reason.
bool resolvePart(const CheckpointDocument &document, SaveRequest *request, QString *error)
{
    const CheckpointParts &parts = document.parts();
    if (request->part == SavePart::Module)
        return true;
    if (request->mode != SaveMode::WeightsOnly) {
        *error = CheckpointWriterText::tr("the model or EMA part of a checkpoint is saved as weights only");
        return false;
    }
    if (request->part == SavePart::Model) {
        request->modulePath = parts.modelPath;
        return true;
    }
    if (parts.emaPath.isNull()) {
        *error = CheckpointWriterText::tr("the checkpoint holds no EMA weights");
        return false;
    }
    request->modulePath = parts.emaPath;
    return true;
}

// Which tensors of the module a weights-only save writes, and under what names.
class PartSelection
{
public:
    PartSelection(const CheckpointDocument &document, const SaveRequest &request)
        : m_document(document), m_request(request),
          m_averagedModel(request.part == SavePart::Ema && document.parts().emaIsAveragedModel)
    {
    }
    // The name tensor `index` is written under; null when it is left out.
    QString nameOf(int index, const ModuleNode *module) const
    {
        const CheckpointParts &parts = m_document.parts();
        const QString &full = m_document.tensor(index).name;
        if (m_request.part == SavePart::Model && !parts.isModelTensor(full))
            return QString();
        QString name = m_document.relativeName(index, module);
        if (m_averagedModel) {
            // AveragedModel keeps the model under "module." and counts its updates in n_averaged.
            if (name == QLatin1String("n_averaged"))
                return QString();
            if (name.startsWith(QLatin1String("module.")))
                name = name.mid(7);
        }
        if (!m_request.stripPrefix.isEmpty() && name.startsWith(m_request.stripPrefix))
            name = name.mid(m_request.stripPrefix.size());
        return name;
    }

private:
    const CheckpointDocument &m_document;
    const SaveRequest &m_request;
    bool m_averagedModel;
};

// "Left out: optimizer 'optimizer' (Adam, 28 tensors), EMA weights 'model_ema' (24 tensors), 54 values".
QString leftOutSummary(const CheckpointDocument &document, const std::vector<StateDictWriter::Entry> &entries)
{
    const CheckpointParts &parts = document.parts();
    if (parts.kind != CheckpointKind::Training)
        return QString();
    QSet<QString> written;
    for (const StateDictWriter::Entry &entry : entries)
        written.insert(entry.tensor.name);
    QMap<QString, int> droppedByPart;
    for (const TensorInfo &tensor : document.tensors()) {
        if (!written.contains(tensor.name))
            ++droppedByPart[parts.partOf(tensor.name)];
    }
    QStringList items;
    for (const OptimizerState &optimizer : document.optimizers()) {
        if (const int count = droppedByPart.take(optimizer.path))
            items << CheckpointWriterText::tr("optimizer '%1' (%2, %n tensor(s))", nullptr, count)
                         .arg(optimizer.path, DisplayFormat::optimizerFamily(optimizer));
    }
    if (!parts.emaPath.isNull()) {
        if (const int count = droppedByPart.take(parts.emaPath)) {
            const bool onlyCounter = parts.emaIsAveragedModel && count == 1;
            items << (onlyCounter
                          ? CheckpointWriterText::tr("AveragedModel's n_averaged counter")
                          : CheckpointWriterText::tr("EMA weights '%1' (%n tensor(s))", nullptr, count)
                                .arg(parts.emaPath));
        }
    }
    for (const QString &scheduler : parts.schedulers) {
        droppedByPart.remove(scheduler);
        items << CheckpointWriterText::tr("scheduler '%1'").arg(scheduler);
    }
    if (const int count = droppedByPart.take(parts.modelPath); count > 0)
        items << CheckpointWriterText::tr("the model's weights '%1' (%n tensor(s))", nullptr, count)
                     .arg(parts.modelPath);
    int others = 0;
    for (const int count : std::as_const(droppedByPart))
        others += count;
    if (others > 0)
        items << CheckpointWriterText::tr("%n other tensor(s)", nullptr, others);
    if (!document.values().isEmpty())
        items << CheckpointWriterText::tr("%n value(s) besides tensors", nullptr,
                                          int(document.values().size()));
    return items.isEmpty() ? QString()
                           : CheckpointWriterText::tr("Left out: %1.").arg(items.join(QLatin1String(", ")));
}

} // namespace

bool saveInPlaceRequest(const CheckpointDocument &document, SaveRequest *request, QString *whyNot)
{
    *request = SaveRequest();
    request->path = document.filePath();
    const QFileInfo file(request->path);
    if (request->path.isEmpty() || !file.isFile()) {
        *whyNot = request->path.isEmpty()
                      ? CheckpointWriterText::tr("the example model has no file of its own")
                      : CheckpointWriterText::tr("a folder is saved with Save As");
        return false;
    }
    switch (document.format()) {
    case CheckpointFormat::TorchScript:
        request->mode = SaveMode::EntireModel;
        request->format = SaveFormat::TorchScript;
        break;
    case CheckpointFormat::PickleModule:
        request->mode = SaveMode::EntireModel;
        request->format = SaveFormat::Pickle;
        break;
    case CheckpointFormat::Safetensors:
        request->format = SaveFormat::Safetensors;
        break;
    case CheckpointFormat::StateDict:
        request->format = SaveFormat::PyTorch;
        break;
    default:
        *whyNot = CheckpointWriterText::tr("a %1 file is not written back in its own kind; use Save As")
                      .arg(checkpointFormatName(document.format()));
        return false;
    }
    if (request->mode == SaveMode::WeightsOnly &&
        (document.parts().kind != CheckpointKind::Weights || !document.values().isEmpty() ||
         document.storesRequiresGrad())) {
        *whyNot =
            CheckpointWriterText::tr("writing this file back as weights would drop what it holds besides "
                                     "them (an optimizer, values or flags); use Save As");
        return false;
    }
    // The file cannot keep a freeze plan: it goes beside it.
    request->writeFreezePlan = request->mode == SaveMode::WeightsOnly && document.hasFrozenParameters();
    return true;
}

bool saveReplacesDocument(const CheckpointDocument &document, const SaveRequest &request)
{
    if (!request.modulePath.isEmpty() || request.part != SavePart::Module || request.maxShardSize > 0 ||
        request.format == SaveFormat::WeightsOnlySafe)
        return false;
    if (request.mode == SaveMode::EntireModel)
        return document.format() == CheckpointFormat::TorchScript ||
               document.format() == CheckpointFormat::PickleModule;
    // Weights: only for a document that is weights and nothing else, written as it is, with its freeze
    // plan beside it when anything is frozen (the plan is an edit too).
    return !document.storesRequiresGrad() && document.parts().kind == CheckpointKind::Weights &&
           (request.writeFreezePlan || !document.hasFrozenParameters()) && document.values().isEmpty() &&
           request.dtype == DType::Invalid && request.includeBuffers && request.stripPrefix.isEmpty() &&
           (document.format() == CheckpointFormat::StateDict ||
            document.format() == CheckpointFormat::Safetensors);
}

QString offeredStripPrefix(const CheckpointDocument &document, const SaveRequest &request)
{
    SaveRequest resolved = request;
    resolved.stripPrefix.clear();
    QString ignored;
    if (!resolvePart(document, &resolved, &ignored))
        return QString();
    const ModuleNode *module = document.findModule(resolved.modulePath);
    if (!module)
        return QString();
    static const QStringList prefixes{QStringLiteral("model."), QStringLiteral("_orig_mod."),
                                      QStringLiteral("module.")};
    const PartSelection selection(document, resolved);
    QStringList names;
    for (const int index : document.tensorsInSubtree(module)) {
        const QString name = selection.nameOf(index, module);
        if (!name.isNull())
            names << name;
    }
    for (const QString &prefix : prefixes) {
        if (!names.isEmpty() && std::all_of(names.begin(), names.end(),
                                            [&](const QString &name) { return name.startsWith(prefix); }))
            return prefix;
    }
    return QString();
}

std::unique_ptr<SaveJob> SaveJob::prepare(const CheckpointDocument &document, const SaveRequest &requested,
                                          QString *error)
{
    SaveRequest resolved = requested;
    if (!resolvePart(document, &resolved, error))
        return nullptr;
    const SaveRequest &request = resolved;
    const ModuleNode *module = document.findModule(resolved.modulePath);
    if (!module) {
        *error = CheckpointWriterText::tr("no module named \"%1\"").arg(resolved.modulePath);
        return nullptr;
    }
    std::unique_ptr<SaveJob> job(new SaveJob); // NOLINT(modernize-make-unique): the constructor is private
    job->m_request = resolved;
    const bool namedSafetensors = request.path.endsWith(QLatin1String(".safetensors"), Qt::CaseInsensitive);
    if (request.format == SaveFormat::WeightsOnlySafe) {
        // The whole file, as it is, in what weights_only reads.
        const bool torchSave = document.format() == CheckpointFormat::StateDict ||
                               document.format() == CheckpointFormat::StateDictLegacy;
        if (!torchSave || !document.pickleModule()) {
            *error = CheckpointWriterText::tr(
                "a weights-only-safe copy is made of a torch.save file of weights and "
                "values (not of an entire model, TorchScript, safetensors or "
                "shards)");
            return nullptr;
        }
        if (request.mode != SaveMode::WeightsOnly || !request.modulePath.isEmpty() ||
            request.dtype != DType::Invalid || !request.includeBuffers || request.maxShardSize > 0) {
            *error =
                CheckpointWriterText::tr("a weights-only-safe copy holds the whole file as it is (no module, "
                                         "dtype change, buffers left out or shards)");
            return nullptr;
        }
        auto writer = std::make_shared<WeightsOnlySafeWriter>();
        const auto tensorAt = [&document](int index) {
            return index >= 0 && index < document.tensorCount() ? &document.tensor(index) : nullptr;
        };
        if (!writer->prepare(*document.pickleModule(), tensorAt, error))
            return nullptr;
        job->m_format = SaveFormat::WeightsOnlySafe;
        job->m_expected = writer->expected();
        job->m_notes << writer->converted() << writer->dropped();
        job->m_safeCopy = std::move(writer);
        return job;
    }
    if (request.mode == SaveMode::WeightsOnly) {
        switch (request.format) {
        case SaveFormat::Auto:
            // Shards go as save_pretrained writes them by default: safetensors.
            job->m_format =
                namedSafetensors || request.maxShardSize > 0 ? SaveFormat::Safetensors : SaveFormat::PyTorch;
            break;
        case SaveFormat::TorchScript:
        case SaveFormat::Pickle:
            *error =
                CheckpointWriterText::tr(
                    "%1 holds an entire model; save the entire model, or choose another format")
                    .arg(request.format == SaveFormat::Pickle ? CheckpointWriterText::tr("A pickled model")
                                                              : CheckpointWriterText::tr("TorchScript"));
            return nullptr;
        default:
            job->m_format = request.format;
        }
        const PartSelection selection(document, request);
        for (int index : document.tensorsInSubtree(module)) {
            const TensorInfo &tensor = document.tensor(index);
            if (!request.includeBuffers && tensor.kind == TensorKind::Buffer)
                continue;
            const QString name = selection.nameOf(index, module);
            if (name.isNull())
                continue;
            if (tensor.meta) {
                *error =
                    CheckpointWriterText::tr("%1 is a meta tensor (shape and dtype, no data): there are no "
                                             "weights to write")
                        .arg(tensor.name);
                return nullptr;
            }
            StateDictWriter::Entry entry{name, tensor, tensor.tiedTo >= 0 ? tensor.tiedTo : index};
            if (const DType to = DTypeConversion::convertedType(tensor.dtype, request.dtype);
                to != tensor.dtype)
                entry.convertTo = to;
            job->m_entries.push_back(entry);
        }
        if (job->m_format == SaveFormat::Dcp && request.maxShardSize > 0) {
            *error = CheckpointWriterText::tr(
                "a DCP folder is written as one file of boxes; leave out the shard size");
            return nullptr;
        }
        job->m_leftOut = leftOutSummary(document, job->m_entries);
        job->m_metadata = document.metadata();
        if (job->m_format == SaveFormat::Safetensors)
            job->dropTiedDuplicates();
        job->m_expected = expectedOf(job->m_entries);
        if (request.writeFreezePlan)
            job->m_freezePlan = FreezePlan::toJson(document, module);
        return job;
    }
    if (request.format == SaveFormat::Safetensors ||
        (request.format == SaveFormat::Auto && namedSafetensors)) {
        *error = CheckpointWriterText::tr(
            "a .safetensors file holds weights only; save weights only, or choose another name");
        return nullptr;
    }
    // A pickled model, or the model a training checkpoint holds pickled whole.
    const bool pickled =
        document.format() == CheckpointFormat::PickleModule ||
        (document.format() != CheckpointFormat::TorchScript && document.isPickledModule(request.modulePath));
    if (request.format == SaveFormat::PyTorch) {
        *error = pickled
                     ? CheckpointWriterText::tr(
                           "an entire model is written as a pickle (torch.save(model)) or TorchScript; save "
                           "weights only for a PyTorch state_dict")
                     : CheckpointWriterText::tr(
                           "an entire model is written as TorchScript; save weights only for a PyTorch "
                           "state_dict");
        return nullptr;
    }
    job->m_format = request.format == SaveFormat::Auto
                        ? (pickled ? SaveFormat::Pickle : SaveFormat::TorchScript)
                        : request.format;
    if (job->m_format == SaveFormat::Pickle && !pickled) {
        *error = CheckpointWriterText::tr(
            "only a model read from a torch.save(model) pickle is written back as one; save it as "
            "TorchScript");
        return nullptr;
    }
    if (job->m_format == SaveFormat::TorchScript && pickled) {
        *error =
            CheckpointWriterText::tr("a pickled model becomes TorchScript only by running its Python code "
                                     "(torch.jit.script), which Torchscope never does; save it as a pickle");
        return nullptr;
    }
    if (request.dtype != DType::Invalid || !request.includeBuffers || request.maxShardSize > 0) {
        *error = CheckpointWriterText::tr(
            "an entire model is saved with every tensor as it is (no dtype change, buffers kept, one "
            "file); save weights only to convert, leave out buffers or shard");
        return nullptr;
    }
    if (document.format() != CheckpointFormat::PickleModule &&
        document.format() != CheckpointFormat::TorchScript && document.canSaveEntireModel() && !pickled) {
        *error =
            CheckpointWriterText::tr("only the model this checkpoint holds pickled whole (%1) is saved as an "
                                     "entire model; choose it as the module")
                .arg(document.parts().modelPath);
        return nullptr;
    }
    if (!document.canSaveEntireModel()) {
        *error = document.storesRequiresGrad()
                     ? CheckpointWriterText::tr(
                           "saving an entire model needs a TorchScript source; save weights only instead")
                     : CheckpointWriterText::tr(
                           "a weights-only file has no architecture to save as an entire model");
        return nullptr;
    }
    for (int index : document.tensorsInSubtree(module))
        job->m_expected.insert(document.relativeName(index, module),
                               {document.tensor(index).dtype, document.tensor(index).shape});
    // Values loaded from another file go into the saved model; the rest is the source's own.
    for (int index = 0; index < document.tensorCount(); ++index) {
        if (document.isReplaced(index))
            job->m_replaced.push_back(document.tensor(index));
    }
    if (job->m_format == SaveFormat::Pickle) {
        job->m_pickleGraph = document.pickleModule();
        job->m_tensorStates.reserve(size_t(document.tensorCount()));
        for (int index = 0; index < document.tensorCount(); ++index)
            job->m_tensorStates.emplace_back(document.tensor(index), document.requiresGrad(index));
        return job;
    }
    job->m_scriptSource = document.filePath();
    job->m_scriptBytes = document.sourceBytes();
    for (int index = 0; index < document.tensorCount(); ++index) {
        if (document.isEditable(index))
            job->m_requiresGrad.insert(document.tensor(index).name, document.requiresGrad(index));
    }
    return job;
}

// safetensors cannot share storage between names. As safetensors.torch.save_model does, each group of
// tied names keeps the first in sorted order and drops the others, recording removed -> kept in
// __metadata__ (unless the input's metadata already uses that key); load_model puts them back.
void SaveJob::dropTiedDuplicates()
{
    QHash<int, QStringList> names;
    for (const StateDictWriter::Entry &entry : m_entries)
        names[entry.storageGroup].append(entry.key);
    QHash<QString, QString> keptFor;
    for (auto it = names.begin(); it != names.end(); ++it) {
        if (it.value().size() < 2)
            continue;
        QStringList group = it.value();
        group.sort();
        for (qsizetype i = 1; i < group.size(); ++i)
            keptFor.insert(group[i], group.first());
    }
    if (keptFor.isEmpty())
        return;
    std::vector<StateDictWriter::Entry> kept;
    for (const StateDictWriter::Entry &entry : m_entries) {
        const auto removed = keptFor.constFind(entry.key);
        if (removed == keptFor.constEnd()) {
            kept.push_back(entry);
            continue;
        }
        const bool taken = std::any_of(m_metadata.cbegin(), m_metadata.cend(),
                                       [&](const auto &pair) { return pair.first == entry.key; });
        if (!taken)
            m_metadata.append({entry.key, *removed});
        m_notes
            << CheckpointWriterText::tr(
                   "%1 is tied to %2: safetensors cannot share storage, so it is written once, as %2, and "
                   "__metadata__ records %1 -> %2 (as safetensors.torch.save_model does)")
                   .arg(entry.key, *removed);
    }
    m_entries = std::move(kept);
}

bool SaveJob::writeEntries(const std::vector<StateDictWriter::Entry> &entries, QIODevice *device,
                           const Progress &progress, QString *error) const
{
    return m_format == SaveFormat::Safetensors
               ? SafetensorsWriter::write(entries, device, progress, error, m_metadata)
               : StateDictWriter::write(entries, device, progress, error);
}

// Shards as save_pretrained cuts them: tensors in order, a new shard when the next would take this
// one past the limit; tied tensors go with the first of their group, so each shard's storages are its
// own. The index last, so a reader never finds an index naming shards not yet written.
bool SaveJob::writeShards(const Progress &progress, QString *error) const
{
    const QString folder = m_request.path;
    if (!QDir().mkpath(folder)) {
        *error = CheckpointWriterText::tr("%1: cannot create the folder").arg(folder);
        return false;
    }
    std::vector<std::vector<StateDictWriter::Entry>> shards(1);
    QHash<int, size_t> shardOfGroup;
    qint64 shardBytes = 0, totalBytes = 0;
    for (const StateDictWriter::Entry &entry : m_entries) {
        if (const auto it = shardOfGroup.constFind(entry.storageGroup); it != shardOfGroup.constEnd()) {
            shards[*it].push_back(entry);
            continue;
        }
        const qint64 size = entry.byteSize();
        if (!shards.back().empty() && shardBytes + size > m_request.maxShardSize) {
            shards.emplace_back();
            shardBytes = 0;
        }
        shards.back().push_back(entry);
        shardOfGroup.insert(entry.storageGroup, shards.size() - 1);
        shardBytes += size;
        totalBytes += size;
    }
    const bool safetensors = m_format == SaveFormat::Safetensors;
    const QString stem = safetensors ? QStringLiteral("model") : QStringLiteral("pytorch_model");
    const QString suffix = safetensors ? QStringLiteral("safetensors") : QStringLiteral("bin");
    const int count = int(shards.size());
    QJsonObject weightMap;
    qint64 written = 0;
    for (int i = 0; i < count; ++i) {
        const QString name = count == 1 ? QStringLiteral("%1.%2").arg(stem, suffix)
                                        : QStringLiteral("%1-%2-of-%3.%4")
                                              .arg(stem)
                                              .arg(i + 1, 5, 10, QLatin1Char('0'))
                                              .arg(count, 5, 10, QLatin1Char('0'))
                                              .arg(suffix);
        QSaveFile file(QDir(folder).filePath(name));
        if (!file.open(QIODevice::WriteOnly)) {
            *error =
                CheckpointWriterText::tr("%1: cannot write: %2").arg(file.fileName(), file.errorString());
            return false;
        }
        Progress part = progress;
        const qint64 before = written;
        part.report = [&progress, before, totalBytes](qint64 done, qint64) {
            progress.set(before + done, totalBytes);
        };
        QString reason;
        if (!writeEntries(shards[size_t(i)], &file, part, &reason) || progress.isCanceled()) {
            file.cancelWriting();
            *error = CheckpointWriterText::tr("%1: save failed: %2")
                         .arg(file.fileName(),
                              progress.isCanceled() ? CheckpointWriterText::tr("canceled") : reason);
            return false;
        }
        if (!file.commit()) {
            *error =
                CheckpointWriterText::tr("%1: cannot write: %2").arg(file.fileName(), file.errorString());
            return false;
        }
        for (const StateDictWriter::Entry &entry : shards[size_t(i)]) {
            weightMap.insert(entry.key, name);
            written += entry.byteSize();
        }
    }
    if (count == 1)
        return true; // one shard is a plain checkpoint, as save_pretrained writes it: no index
    const QJsonObject index{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("total_size"), totalBytes}}},
        {QStringLiteral("weight_map"), weightMap}};
    const QString indexPath = QDir(folder).filePath(QStringLiteral("%1.%2.index.json").arg(stem, suffix));
    AtomicFile file(indexPath);
    const QByteArray json = QJsonDocument(index).toJson(QJsonDocument::Indented);
    if (!file.open(error))
        return false;
    if (file.device()->write(json) != json.size()) {
        *error =
            CheckpointWriterText::tr("%1: cannot write: %2").arg(indexPath, file.device()->errorString());
        return false;
    }
    return file.commit(error);
}

QHash<QString, TensorValues> SaveJob::replacedValues() const
{
    QHash<QString, TensorValues> values;
    for (const TensorInfo &tensor : m_replaced) {
        const char *data = tensor.firstElement();
        if (!tensor.isContiguous()) {
            m_gathered.push_back(tensor.contiguousBytes());
            data = m_gathered.back().constData();
        }
        values.insert(tensor.name, {dtypeName(tensor.dtype), tensor.shape, data, tensor.byteSize()});
    }
    return values;
}

// The folder is written beside the target under a temporary name, read back, and only then put in the
// target's place (an older folder there moved aside first and removed last), so a failed or canceled
// save leaves what was there.
bool SaveJob::writeDcpFolder(const Progress &progress, QString *error) const
{
    const QFileInfo target(m_request.path);
    if (target.exists() && !target.isDir()) {
        *error = CheckpointWriterText::tr("%1: a DCP checkpoint is a folder, and a file has this name")
                     .arg(m_request.path);
        return false;
    }
    const QString stem = target.absoluteFilePath();
    const QString written = stem + QStringLiteral(".torchscope-partial");
    const QString old = stem + QStringLiteral(".torchscope-old");
    QDir(written).removeRecursively();
    if (!QDir().mkpath(written)) {
        *error = CheckpointWriterText::tr("%1: cannot create the folder").arg(written);
        return false;
    }
    QString reason;
    if (!DcpWriter::write(m_entries, written, progress, &reason) || progress.isCanceled()) {
        QDir(written).removeRecursively();
        *error =
            CheckpointWriterText::tr("%1: save failed: %2")
                .arg(m_request.path, progress.isCanceled() ? CheckpointWriterText::tr("canceled") : reason);
        return false;
    }
    if (!verifyWritten(written, m_request.path, m_expected, error)) {
        QDir(written).removeRecursively();
        return false;
    }
    QDir(old).removeRecursively();
    if (target.exists() && !QDir().rename(stem, old)) {
        QDir(written).removeRecursively();
        *error = CheckpointWriterText::tr("%1: cannot replace the folder").arg(m_request.path);
        return false;
    }
    if (!QDir().rename(written, stem)) {
        QDir().rename(old, stem);
        *error = CheckpointWriterText::tr("%1: cannot replace the folder").arg(m_request.path);
        return false;
    }
    QDir(old).removeRecursively();
    return true;
}

bool SaveJob::run(const Progress &progress, QString *error) const
{
    if (m_request.mode == SaveMode::WeightsOnly && m_format == SaveFormat::Dcp)
        return writeDcpFolder(progress, error);
    if (m_request.mode == SaveMode::WeightsOnly && m_request.maxShardSize > 0)
        return writeShards(progress, error);
    PickleModuleWriter pickleModule;
    if (m_pickleGraph) {
        const auto state = [this](int index) {
            const auto &[tensor, requiresGrad] = m_tensorStates[size_t(index)];
            return std::make_pair(&tensor, requiresGrad);
        };
        QString reason;
        if (!pickleModule.prepare(*m_pickleGraph, m_request.modulePath, state, &reason)) {
            *error = QStringLiteral("%1: %2").arg(m_request.path, reason);
            return false;
        }
    }
    AtomicFile file(m_request.path);
    if (!file.open(error))
        return false;
    QString reason;
    bool ok = false;
    if (m_safeCopy) {
        ok = m_safeCopy->write(file.device(), progress, &reason);
    } else if (m_request.mode == SaveMode::WeightsOnly) {
        ok = writeEntries(m_entries, file.device(), progress, &reason);
    } else if (m_pickleGraph) {
        ok = pickleModule.write(file.device(), progress, &reason);
    } else {
        TorchBridge *bridge = torchBridge(&reason);
        std::shared_ptr<void> module;
        ok = bridge && bridge->openTorchScript(m_scriptSource, m_scriptBytes, &module, &reason) &&
             bridge->saveTorchScript(module, m_request.modulePath, m_requiresGrad, replacedValues(),
                                     file.device(), &reason);
    }
    if (ok && progress.isCanceled()) {
        ok = false;
        reason = CheckpointWriterText::tr("canceled");
    }
    if (!ok) {
        *error = CheckpointWriterText::tr("%1: save failed: %2").arg(m_request.path, reason);
        return false;
    }
    // Nothing replaces the target before our own reader has read it back as meant.
    if (!file.flush(error) || !verifyWritten(file.readablePath(), m_request.path, m_expected, error) ||
        !file.commit(error))
        return false;
    if (!m_freezePlan.isEmpty()) {
        QSaveFile plan(FreezePlan::pathBeside(m_request.path));
        if (!plan.open(QIODevice::WriteOnly) || plan.write(m_freezePlan) != m_freezePlan.size() ||
            !plan.commit()) {
            *error =
                CheckpointWriterText::tr("%1: cannot write: %2").arg(plan.fileName(), plan.errorString());
            return false;
        }
    }
    return true;
}

} // namespace torchscope
