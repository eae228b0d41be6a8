#include "formats/deepspeedreader.h"

#include "formats/dtypeconversion.h"
#include "formats/pickle/safeunpickler.h"
#include "formats/torchzipreader.h"
#include "formats/zip/ziparchivereader.h"
#include "tensor/mappedfile.h"

#include <QCollator>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

namespace torchscope {

namespace {
using Type = PickleValue::Type;

struct DeepSpeedReaderText
{
    Q_DECLARE_TR_FUNCTIONS(DeepSpeedReader)
};

constexpr qint64 kMaxModelStatesPickle = qint64(1) << 30;

// A run of another tensor's bytes.
struct Piece
{
    std::shared_ptr<const TensorStorage> storage;
    qint64 offset = 0; // bytes from the storage's start
    qint64 length = 0;
};

// A tensor whose bytes are runs of other tensors' bytes, one after the other (a parameter partitioned over
// ranks). One run is used in place; several are joined when data() is first asked for, while read()
// copies from the runs themselves, so an export streams.
class PiecedStorage final : public TensorStorage
{
public:
    explicit PiecedStorage(QVector<Piece> pieces) : m_pieces(std::move(pieces))
    {
        for (const Piece &piece : std::as_const(m_pieces))
            m_size += piece.length;
    }

    const char *data() const override
    {
        if (m_pieces.size() == 1)
            return m_pieces.front().storage->data() + m_pieces.front().offset;
        std::call_once(m_joined, [this] {
            m_whole = QByteArray(qsizetype(m_size), Qt::Uninitialized);
            read(0, m_whole.data(), m_size);
        });
        return m_whole.constData();
    }
    qint64 size() const override { return m_size; }
    bool prefersRead() const override
    {
        return std::any_of(m_pieces.begin(), m_pieces.end(),
                           [](const Piece &piece) { return piece.storage->prefersRead(); });
    }
    bool read(qint64 offset, char *buffer, qint64 length) const override
    {
        qint64 start = 0;
        for (const Piece &piece : m_pieces) {
            const qint64 from = std::max(offset, start), to = std::min(offset + length, start + piece.length);
            if (from < to &&
                !piece.storage->read(piece.offset + (from - start), buffer + (from - offset), to - from))
                return false;
            start += piece.length;
        }
        return true;
    }

private:
    QVector<Piece> m_pieces;
    qint64 m_size = 0;
    mutable std::once_flag m_joined;
    mutable QByteArray m_whole;
};

// The root of a torch.save archive's pickle, read by the safe unpickler (kept alive by its arena).
struct ArchivePickle
{
    std::shared_ptr<PickleArena> arena;
    PickleValuePtr root = nullptr;
};

bool readArchivePickle(const QString &path, ArchivePickle *out, QString *error)
{
    std::shared_ptr<MappedFile> file = MappedFile::open(path, error);
    if (!file)
        return false;
    ZipArchiveReader zip;
    if (!zip.open(file, error))
        return false;
    const ZipArchiveReader::Entry *entry = zip.findRecord(QStringLiteral("data.pkl"));
    if (!entry) {
        *error = DeepSpeedReaderText::tr("%1: no data.pkl").arg(path);
        return false;
    }
    const char *pickle = nullptr;
    QByteArray inflated;
    if (!zip.view(*entry, &pickle, &inflated, error, kMaxModelStatesPickle))
        return false;
    SafeUnpickler unpickler(pickle, entry->uncompressedSize);
    if (!unpickler.run(0, error))
        return false;
    out->arena = unpickler.arena();
    out->root = unpickler.result();
    return out->root && out->root->type == Type::Dict;
}

// A parameter's name and shape, in the order DeepSpeed's flat buffers lay them out.
struct ParamShape
{
    QString name;
    QVector<qint64> shape;
    qint64 numel() const
    {
        qint64 n = 1;
        for (const qint64 d : shape)
            n *= d;
        return n;
    }
};

bool shapeOf(const PickleValuePtr &value, QVector<qint64> *shape)
{
    if (!value || !value->isSequence() || value->items.size() > 64)
        return false;
    shape->clear();
    for (const PickleValuePtr &d : value->items) {
        if (!d || d->type != Type::Int || d->integer < 0 || d->integer > (qint64(1) << 40))
            return false;
        shape->append(d->integer);
    }
    return true;
}

// {name: torch.Size} (an OrderedDict) in order; false if it is something else.
bool shapesOf(const PickleValuePtr &dict, QVector<ParamShape> *out)
{
    if (!dict || dict->type != Type::Dict)
        return false;
    for (const auto &[key, value] : dict->entries) {
        ParamShape param;
        if (!key || !key->isString() || !shapeOf(value, &param.shape))
            return false;
        param.name = key->text();
        out->append(param);
    }
    return true;
}

const TensorInfo *findTensor(const CheckpointContent &content, const QString &name)
{
    const auto it = std::find_if(content.tensors.begin(), content.tensors.end(),
                                 [&](const TensorInfo &t) { return t.name == name; });
    return it == content.tensors.end() ? nullptr : &*it;
}

// A 1-D float tensor's elements [begin, end) as a piece.
Piece pieceOf(const TensorInfo &flat, qint64 begin, qint64 end)
{
    const int size = dtypeElementSize(flat.dtype);
    return {flat.storage, (flat.storageOffset + begin) * size, (end - begin) * size};
}

// The pieces of elements [begin, begin + count) of the concatenation of `flats`.
QVector<Piece> piecesOf(const QVector<const TensorInfo *> &flats, qint64 begin, qint64 count)
{
    QVector<Piece> pieces;
    qint64 start = 0;
    for (const TensorInfo *flat : flats) {
        const qint64 n = flat->numel();
        const qint64 from = std::max(begin, start), to = std::min(begin + count, start + n);
        if (from < to)
            pieces.append(pieceOf(*flat, from - start, to - start));
        start += n;
    }
    return pieces;
}

bool readArchive(const QString &path, CheckpointContent *out, QString *error)
{
    std::shared_ptr<MappedFile> file = MappedFile::open(path, error);
    if (!file || !readTorchZipCheckpoint(file, out, error)) {
        *error = DeepSpeedReaderText::tr("%1: %2").arg(QFileInfo(path).fileName(), *error);
        return false;
    }
    return true;
}

qint64 valueInt(const CheckpointContent &content, const QString &path, qint64 fallback)
{
    for (const CheckpointValue &value : content.values) {
        if (value.path == path && value.value.isDouble())
            return value.value.toInteger(fallback);
    }
    return fallback;
}

QStringList naturallySorted(QStringList names)
{
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(names.begin(), names.end(), collator);
    return names;
}

// The folder holding the rank files: `latest`'s tag under `folder`, or `folder` itself.
QString tagFolder(const QString &folder)
{
    const QDir dir(folder);
    QFile latest(dir.filePath(QStringLiteral("latest")));
    if (latest.open(QIODevice::ReadOnly)) {
        const QString tag = QString::fromUtf8(latest.read(4096)).trimmed();
        if (!tag.isEmpty() && !tag.contains(QLatin1Char('/')) && tag != QLatin1String("..") &&
            QFileInfo(dir.filePath(tag)).isDir())
            return dir.filePath(tag);
    }
    return folder;
}

QStringList filesMatching(const QString &folder, const QString &pattern)
{
    return naturallySorted(QDir(folder).entryList({pattern}, QDir::Files));
}

} // namespace

bool isDeepSpeedFolder(const QString &folder)
{
    const QString tag = tagFolder(folder);
    return !filesMatching(tag, QStringLiteral("*_model_states.pt")).isEmpty() &&
           !filesMatching(tag, QStringLiteral("*_optim_states.pt")).isEmpty();
}

bool readDeepSpeedFolder(const QString &folder, CheckpointContent *out, QString *error)
{
    const QString tag = tagFolder(folder);
    const QDir dir(tag);
    const QStringList modelFiles = filesMatching(tag, QStringLiteral("*_model_states.pt"));
    const QStringList optimFiles = filesMatching(tag, QStringLiteral("*_optim_states.pt"));
    const auto fail = [&](const QString &reason) {
        *error = DeepSpeedReaderText::tr("%1: %2").arg(tag, reason);
        return false;
    };
    if (modelFiles.isEmpty() || optimFiles.isEmpty())
        return fail(DeepSpeedReaderText::tr("no *_model_states.pt and *_optim_states.pt files"));
    if (!filesMatching(tag, QStringLiteral("expp_rank_*")).isEmpty() ||
        !filesMatching(tag, QStringLiteral("layer_*_expert_*")).isEmpty())
        out->warnings << DeepSpeedReaderText::tr(
            "the mixture-of-experts files (expp_rank_*, layer_*_expert_*) are not read");

    // The optimizer files: which stage, how many ranks, each rank's flat fp32 groups.
    const int world = int(optimFiles.size());
    QVector<CheckpointContent> optim(world);
    QString groupsKey;
    int stage = 0;
    for (int r = 0; r < world; ++r) {
        QString reason;
        CheckpointContent &content = optim[r];
        if (!readArchive(dir.filePath(optimFiles[r]), &content, &reason))
            return fail(reason);
        const bool stage3 = findTensor(content, QStringLiteral("optimizer_state_dict.fp32_flat_groups.0"));
        const bool stage12 =
            findTensor(content, QStringLiteral("optimizer_state_dict.single_partition_of_fp32_groups.0"));
        if (!stage3 && !stage12)
            return fail(DeepSpeedReaderText::tr("%1 holds no ZeRO fp32 partitions (a BF16_Optimizer or "
                                                "ZeRO-0 checkpoint, which zero_to_fp32 does not read either)")
                            .arg(optimFiles[r]));
        const int fileStage = stage3 ? 3 : 2;
        if (stage && fileStage != stage)
            return fail(DeepSpeedReaderText::tr("the optimizer files are of different ZeRO stages"));
        stage = fileStage;
        groupsKey = stage3 ? QStringLiteral("optimizer_state_dict.fp32_flat_groups.")
                           : QStringLiteral("optimizer_state_dict.single_partition_of_fp32_groups.");
    }
    // partition_count: an int, or one per group (the largest is the data-parallel world).
    qint64 partitions = valueInt(optim[0], QStringLiteral("optimizer_state_dict.partition_count"), -1);
    for (int g = 0; partitions < 0 || g < 1024; ++g) {
        const qint64 count =
            valueInt(optim[0], QStringLiteral("optimizer_state_dict.partition_count.%1").arg(g), -1);
        if (count < 0)
            break;
        partitions = std::max(partitions, count);
    }
    if (partitions != world)
        return fail(DeepSpeedReaderText::tr("the optimizer state says %1 ranks, the folder holds %2 "
                                            "*_optim_states.pt files (one overwritten or not saved?)")
                        .arg(partitions)
                        .arg(world));
    QVector<QVector<const TensorInfo *>> flats(world); // [rank][group]
    for (int r = 0; r < world; ++r) {
        for (int g = 0;; ++g) {
            const TensorInfo *flat = findTensor(optim[r], groupsKey + QString::number(g));
            if (!flat)
                break;
            if (flat->shape.size() != 1 || flat->meta || !flat->storage || !flat->isContiguous())
                return fail(
                    DeepSpeedReaderText::tr("%1: %2 is not a flat tensor").arg(optimFiles[r], flat->name));
            flats[r].append(flat);
        }
        if (flats[r].size() != flats[0].size())
            return fail(DeepSpeedReaderText::tr("the ranks hold different numbers of parameter groups"));
    }
    const int groups = int(flats[0].size());

    // The model states: names, shapes and order (rank 0's; stage 3's every rank for frozen fragments).
    const QString rank0 = stage == 3 ? QStringLiteral("zero_pp_rank_0_mp_rank_00_model_states.pt")
                                     : QStringLiteral("mp_rank_00_model_states.pt");
    if (!modelFiles.contains(rank0))
        return fail(DeepSpeedReaderText::tr("%1 is missing").arg(rank0));
    CheckpointContent model;
    QString reason;
    if (!readArchive(dir.filePath(rank0), &model, &reason))
        return fail(reason);
    ArchivePickle states;
    if (!readArchivePickle(dir.filePath(rank0), &states, &reason))
        return fail(reason.isEmpty() ? DeepSpeedReaderText::tr("%1 is no model states dict").arg(rank0)
                                     : reason);
    QVector<QVector<ParamShape>> paramShapes;
    const PickleValuePtr shapesList = states.root->get(QStringLiteral("param_shapes"));
    for (const PickleValuePtr &group :
         shapesList && shapesList->isSequence() ? shapesList->items : PickleValueList()) {
        paramShapes.append(QVector<ParamShape>());
        if (!shapesOf(group, &paramShapes.back()))
            return fail(DeepSpeedReaderText::tr("%1: param_shapes is not a list of {name: size}").arg(rank0));
    }
    if (paramShapes.isEmpty())
        return fail(DeepSpeedReaderText::tr("%1 has no param_shapes").arg(rank0));
    QVector<ParamShape> frozenShapes;
    if (const PickleValuePtr frozen = states.root->get(QStringLiteral("frozen_param_shapes"));
        frozen && frozen->type != Type::None && !shapesOf(frozen, &frozenShapes))
        return fail(DeepSpeedReaderText::tr("%1: frozen_param_shapes is not {name: size}").arg(rank0));
    QSet<QString> bufferNames;
    if (const PickleValuePtr buffers = states.root->get(QStringLiteral("buffer_names"));
        buffers && buffers->isSequence()) {
        for (const PickleValuePtr &name : buffers->items)
            if (name && name->isString())
                bufferNames.insert(name->text());
    }
    QHash<QString, QString> sharedWith;
    if (const PickleValuePtr shared = states.root->get(QStringLiteral("shared_params"));
        shared && shared->type == Type::Dict) {
        for (const auto &[alias, owner] : shared->entries)
            if (alias && alias->isString() && owner && owner->isString())
                sharedWith.insert(alias->text(), owner->text());
    }

    // The weights, each a list of pieces of the flat groups.
    QHash<QString, std::pair<QVector<qint64>, QVector<Piece>>> weights;
    const auto joinedSize = [](const QVector<Piece> &pieces) {
        qint64 n = 0;
        for (const Piece &p : pieces)
            n += p.length;
        return n;
    };
    if (stage <= 2) {
        for (int g = 0; g < std::min(groups, int(paramShapes.size())); ++g) {
            QVector<const TensorInfo *> group; // the group's partitions over the ranks, joined
            qint64 available = 0;
            for (int r = 0; r < world; ++r) {
                group.append(flats[r][g]);
                available += flats[r][g]->numel();
            }
            qint64 offset = 0;
            for (int i = 0; i < paramShapes[g].size(); ++i) {
                const ParamShape &param = paramShapes[g][i];
                if (offset + param.numel() > available)
                    return fail(DeepSpeedReaderText::tr("%1 runs past its group's %2 elements")
                                    .arg(param.name)
                                    .arg(available));
                weights.insert(param.name, {param.shape, piecesOf(group, offset, param.numel())});
                offset +=
                    param.numel() +
                    valueInt(
                        optim[0],
                        QStringLiteral("optimizer_state_dict.param_alignment_paddings.%1.%2").arg(g).arg(i),
                        0);
            }
            // Groups are padded at their end to a multiple of 2 x world (zero_to_fp32's check).
            const qint64 align = 2 * world;
            const auto aligned = [align](qint64 x) { return (x + align - 1) / align * align; };
            if (aligned(offset) != aligned(available))
                return fail(
                    DeepSpeedReaderText::tr("parameter group %1: the shapes take %2 elements of the %3 "
                                            "its partitions hold")
                        .arg(g)
                        .arg(offset)
                        .arg(available));
        }
    } else {
        qint64 offset = 0, perRank = 0;
        for (const TensorInfo *flat : std::as_const(flats[0]))
            perRank += flat->numel();
        for (const QVector<ParamShape> &group : std::as_const(paramShapes)) {
            for (const ParamShape &param : group) {
                const qint64 numel = param.numel(), partition = (numel + world - 1) / world;
                if (offset + partition > perRank)
                    return fail(DeepSpeedReaderText::tr("%1 runs past the %2 elements each rank holds")
                                    .arg(param.name)
                                    .arg(perRank));
                QVector<Piece> pieces;
                qint64 left = numel;
                for (int r = 0; r < world && left > 0; ++r) {
                    const QVector<Piece> part = piecesOf(flats[r], offset, std::min(partition, left));
                    pieces += part;
                    left -= std::min(partition, left);
                }
                weights.insert(param.name, {param.shape, pieces});
                offset += partition;
            }
        }
        if (offset != perRank)
            return fail(DeepSpeedReaderText::tr("the shapes take %1 elements of the %2 each rank holds")
                            .arg(offset)
                            .arg(perRank));
    }
    // Frozen parameters: whole in the model states (stages 1 and 2), or a fragment per rank's (stage 3).
    QVector<CheckpointContent> rankModels;
    if (stage == 3 && !frozenShapes.isEmpty()) {
        for (int r = 0; r < world; ++r) {
            const QString name = QStringLiteral("zero_pp_rank_%1_mp_rank_00_model_states.pt").arg(r);
            rankModels.append(CheckpointContent());
            if (!readArchive(dir.filePath(name), &rankModels.back(), &reason))
                return fail(reason);
        }
    }
    QHash<QString, DType> frozenDType;
    for (const ParamShape &param : std::as_const(frozenShapes)) {
        const QString key = QStringLiteral("frozen_param_fragments.") + param.name;
        QVector<Piece> pieces;
        qint64 left = param.numel();
        DType dtype = DType::Invalid;
        for (int r = 0; r < (stage == 3 ? world : 1) && left > 0; ++r) {
            const TensorInfo *fragment = findTensor(stage == 3 ? rankModels[r] : model, key);
            if (!fragment || fragment->meta || !fragment->storage || !fragment->isContiguous())
                return fail(
                    DeepSpeedReaderText::tr("the frozen parameter %1 has no fragment").arg(param.name));
            dtype = fragment->dtype;
            const qint64 take = std::min(left, fragment->numel());
            pieces.append(pieceOf(*fragment, 0, take));
            left -= take;
        }
        if (left > 0)
            return fail(
                DeepSpeedReaderText::tr("the frozen parameter %1's fragments are too short").arg(param.name));
        frozenDType.insert(param.name, dtype);
        weights.insert(param.name, {param.shape, pieces});
    }

    // The content: the model states' own, with the module's tensors replaced by the fp32 weights and
    // buffers, in the module's order.
    *out = CheckpointContent();
    out->format = CheckpointFormat::DeepSpeed;
    out->filePath = dir.filePath(rank0);
    out->openedPath = folder;
    out->rootKeys = model.rootKeys;
    out->refusedCalls = model.refusedCalls;
    out->warnings << model.warnings;
    const QString prefix = QStringLiteral("module.");
    QHash<QString, int> indexOf; // parameter name -> index in out->tensors
    const auto addWeight = [&](const QString &name) {
        const auto &[shape, pieces] = weights.value(name);
        TensorInfo tensor;
        tensor.name = prefix + name;
        tensor.kind = TensorKind::Tensor;
        tensor.dtype = frozenDType.value(name, flats[0][0]->dtype);
        tensor.shape = shape;
        tensor.strides = TensorInfo::contiguousStrides(shape);
        if (joinedSize(pieces) != dtypeStorageBytes(tensor.dtype, tensor.numel())) {
            out->warnings << DeepSpeedReaderText::tr(
                                 "%1: its partitions hold fewer bytes than its shape needs")
                                 .arg(name);
            tensor.meta = true;
        } else {
            tensor.storage = std::make_shared<PiecedStorage>(pieces);
        }
        indexOf.insert(name, int(out->tensors.size()));
        out->tensors.push_back(tensor);
    };
    // A shared parameter is its owner's tensor under its own name, tied to the owner (placed after it).
    QStringList aliases;
    const auto addAlias = [&](const QString &name) {
        const int owner = indexOf.value(sharedWith.value(name), -1);
        if (owner < 0)
            return false;
        TensorInfo tensor = out->tensors[size_t(owner)];
        tensor.name = prefix + name;
        tensor.tiedTo = owner;
        indexOf.insert(name, int(out->tensors.size()));
        out->tensors.push_back(tensor);
        return true;
    };
    for (const TensorInfo &source : model.tensors) {
        if (!source.name.startsWith(prefix)) {
            if (!source.name.startsWith(QLatin1String("frozen_param_fragments.")))
                out->tensors.push_back(source); // client state beside the model
            continue;
        }
        const QString name = source.name.mid(prefix.size());
        if (indexOf.contains(name))
            continue;
        if (weights.contains(name)) {
            addWeight(name);
        } else if (bufferNames.contains(name)) {
            TensorInfo buffer = source;
            buffer.kind = TensorKind::Buffer;
            if (dtypeIsFloatingPoint(buffer.dtype) && buffer.dtype != DType::Float32 && !buffer.meta) {
                // zero_to_fp32 gives floating buffers as float32.
                auto bytes = std::make_shared<QByteArray>(qsizetype(buffer.numel() * 4), Qt::Uninitialized);
                DTypeConversion::convertRange(buffer, DType::Float32, 0, buffer.numel(), bytes->data());
                buffer.dtype = DType::Float32;
                buffer.storage =
                    std::make_shared<OwnedTensorStorage>(bytes, bytes->constData(), bytes->size());
                buffer.storageOffset = 0;
                buffer.strides = TensorInfo::contiguousStrides(buffer.shape);
            }
            indexOf.insert(name, int(out->tensors.size()));
            out->tensors.push_back(buffer);
        } else if (sharedWith.contains(name)) {
            if (!addAlias(name))
                aliases << name;
        } else {
            // A parameter ZeRO does not partition (frozen, under stage 1) is saved whole in the module, as
            // it was trained: taken from there, where zero_to_fp32 leaves it out.
            indexOf.insert(name, int(out->tensors.size()));
            out->tensors.push_back(source);
            out->warnings << DeepSpeedReaderText::tr(
                                 "%1 is in no ZeRO partition: taken from the module as saved "
                                 "(zero_to_fp32 leaves it out)")
                                 .arg(name);
        }
    }
    for (const QVector<ParamShape> &group : std::as_const(paramShapes)) {
        for (const ParamShape &param : group) {
            if (!indexOf.contains(param.name))
                addWeight(param.name);
        }
    }
    for (const ParamShape &param : std::as_const(frozenShapes)) {
        if (!indexOf.contains(param.name))
            addWeight(param.name);
    }
    for (const QString &name : std::as_const(aliases)) {
        if (!addAlias(name))
            out->warnings << DeepSpeedReaderText::tr(
                                 "%1 is shared with %2, which is not in the checkpoint; left out")
                                 .arg(name, sharedWith.value(name));
    }
    // The values, without the shapes the tensors now show.
    for (const CheckpointValue &value : std::as_const(model.values)) {
        if (!value.path.startsWith(QLatin1String("param_shapes.")) &&
            !value.path.startsWith(QLatin1String("frozen_param_shapes.")))
            out->values.append(value);
    }
    // What the optimizer's refused ZeroStageEnum would say: stage 3 from its flat groups, 1 or 2 from the
    // saved config.
    const qint64 zeroStage =
        stage == 3 ? 3 : valueInt(model, QStringLiteral("ds_config.zero_optimization.stage"), 2);
    out->values.append({QStringLiteral("zero_stage"), QStringLiteral("int"), QJsonValue(zeroStage)});
    return true;
}

} // namespace torchscope
