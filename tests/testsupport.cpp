#include "testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTest>

#include <cstring>
#include <initializer_list>
#include <memory>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace torchscope::test {

bool outcomeMatches(bool ok, const QString &error, const QString &reason)
{
    if (reason.isEmpty())
        return QTest::qVerify(ok, "ok", qPrintable(error), __FILE__, __LINE__);
    return QTest::qVerify(!ok, "!ok", "the reader should have refused this", __FILE__, __LINE__) &&
           QTest::qVerify(error.contains(reason), "error.contains(reason)", qPrintable(error), __FILE__,
                          __LINE__) &&
           QTest::qVerify(!error.contains(QLatin1Char('\n')), "one line", qPrintable(error), __FILE__,
                          __LINE__);
}

void appendLittleEndian(QByteArray &out, quint64 value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out += char((value >> (8 * i)) & 0xff);
}

namespace {
// Fixed-width little-endian fields, one after the other: {value, bytes} each.
QByteArray fields(std::initializer_list<std::pair<quint64, int>> values)
{
    QByteArray out;
    for (const auto &[value, bytes] : values)
        appendLittleEndian(out, value, bytes);
    return out;
}
} // namespace

QByteArray zipLocalHeader(const ZipEntryFields &entry)
{
    return fields({{0x04034b50, 4},
                   {entry.version, 2},
                   {0, 2},
                   {0, 2},
                   {0, 4},
                   {entry.crc, 4},
                   {entry.compressedSize, 4},
                   {entry.uncompressedSize, 4},
                   {quint64(entry.name.size()), 2},
                   {0, 2}}) +
           entry.name;
}

QByteArray zipCentralEntry(const ZipEntryFields &entry)
{
    return fields({{0x02014b50, 4},
                   {entry.version, 2},
                   {entry.version, 2},
                   {0, 2},
                   {0, 2},
                   {0, 4},
                   {entry.crc, 4},
                   {entry.compressedSize, 4},
                   {entry.uncompressedSize, 4},
                   {quint64(entry.name.size()), 2},
                   {quint64(entry.centralExtra.size()), 2},
                   {0, 2},
                   {0, 2},
                   {0, 2},
                   {0, 4},
                   {entry.localOffset, 4}}) +
           entry.name + entry.centralExtra;
}

QByteArray zipEndRecord(quint64 entries, quint64 directorySize, quint64 directoryOffset)
{
    return fields({{0x06054b50, 4},
                   {0, 4},
                   {entries, 2},
                   {entries, 2},
                   {directorySize, 4},
                   {directoryOffset, 4},
                   {0, 2}});
}

QList<std::pair<QString, QVector<qint64>>> llamaLayout(int blocks, qint64 hidden, qint64 intermediate,
                                                       qint64 vocab)
{
    QList<std::pair<QString, QVector<qint64>>> tensors{
        {QStringLiteral("model.embed_tokens.weight"), {vocab, hidden}}};
    for (int i = 0; i < blocks; ++i) {
        const QString block = QStringLiteral("model.layers.%1.").arg(i);
        for (const char *projection : {"q_proj", "k_proj", "v_proj", "o_proj"})
            tensors.append(
                {block + QStringLiteral("self_attn.") + QLatin1String(projection) + QStringLiteral(".weight"),
                 {hidden, hidden}});
        tensors.append({block + QStringLiteral("mlp.gate_proj.weight"), {intermediate, hidden}});
        tensors.append({block + QStringLiteral("mlp.up_proj.weight"), {intermediate, hidden}});
        tensors.append({block + QStringLiteral("mlp.down_proj.weight"), {hidden, intermediate}});
        tensors.append({block + QStringLiteral("input_layernorm.weight"), {hidden}});
        tensors.append({block + QStringLiteral("post_attention_layernorm.weight"), {hidden}});
    }
    tensors.append({QStringLiteral("model.norm.weight"), {hidden}});
    tensors.append({QStringLiteral("lm_head.weight"), {vocab, hidden}});
    return tensors;
}

qint64 writeSparseSafetensors(const QString &path, const QList<std::pair<QString, QVector<qint64>>> &tensors)
{
    // QJsonObject keeps keys in string order, as the safetensors writers' sorted headers do.
    QJsonObject header;
    QMap<QString, QVector<qint64>> byName;
    for (const auto &[name, shape] : tensors)
        byName.insert(name, shape);
    qint64 offset = 0;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
        qint64 bytes = 2;
        QJsonArray shape;
        for (qint64 d : it.value()) {
            bytes *= d;
            shape.append(d);
        }
        header.insert(it.key(),
                      QJsonObject{{QStringLiteral("dtype"), QStringLiteral("BF16")},
                                  {QStringLiteral("shape"), shape},
                                  {QStringLiteral("data_offsets"), QJsonArray{offset, offset + bytes}}});
        offset += bytes;
    }
    QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    json.append((8 - json.size() % 8) % 8, ' ');
    QByteArray length(8, '\0');
    for (int i = 0; i < 8; ++i)
        length[i] = char((quint64(json.size()) >> (8 * i)) & 0xff);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(length + json) != 8 + json.size() || !file.resize(8 + json.size() + offset))
        return -1;
    return 8 + json.size();
}

qint64 residentPages(const QString &path, qint64 offset, qint64 length)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    if (fd < 0)
        return -1;
    const qint64 page = sysconf(_SC_PAGESIZE);
    const qint64 begin = offset / page * page;
    const qint64 size = offset + length - begin;
    void *address = mmap(nullptr, size_t(size), PROT_READ, MAP_SHARED, fd, off_t(begin));
    ::close(fd);
    if (address == MAP_FAILED)
        return -1;
    std::vector<unsigned char> pages(size_t((size + page - 1) / page));
    qint64 resident = -1;
    if (mincore(address, size_t(size), pages.data()) == 0) {
        resident = 0;
        for (unsigned char p : pages)
            resident += p & 1;
    }
    munmap(address, size_t(size));
    return resident;
}

TensorInfo tensorFromBytes(const QString &name, DType dtype, const QVector<qint64> &shape, QByteArray bytes)
{
    TensorInfo tensor;
    tensor.name = name;
    tensor.dtype = dtype;
    tensor.shape = shape;
    tensor.strides = TensorInfo::contiguousStrides(shape);
    auto owner = std::make_shared<QByteArray>(std::move(bytes));
    tensor.storage = std::make_shared<OwnedTensorStorage>(owner, owner->constData(), owner->size());
    return tensor;
}

TensorInfo makeTensor(const QString &name, TensorKind kind, const QVector<qint64> &shape, bool requiresGrad,
                      DType dtype)
{
    qint64 n = 1;
    for (qint64 d : shape)
        n *= d;
    QByteArray bytes(n * dtypeElementSize(dtype), Qt::Uninitialized);
    for (qint64 i = 0; i < n; ++i) {
        if (dtype == DType::Float32) {
            const float v = float(i);
            std::memcpy(bytes.data() + i * 4, &v, 4);
        } else {
            std::memset(bytes.data() + i * dtypeElementSize(dtype), int(i & 0x7f),
                        size_t(dtypeElementSize(dtype)));
        }
    }
    TensorInfo tensor = tensorFromBytes(name, dtype, shape, bytes);
    tensor.kind = kind;
    tensor.hasRequiresGrad = kind == TensorKind::Parameter;
    tensor.requiresGrad = requiresGrad;
    return tensor;
}

CheckpointContent smallModelContent()
{
    CheckpointContent content;
    content.format = CheckpointFormat::TorchScript;
    content.modules = {
        {QString(), QStringLiteral("Net")},
        {QStringLiteral("encoder"), QStringLiteral("torch.nn.modules.container.Sequential")},
        {QStringLiteral("encoder.0"), QStringLiteral("torch.nn.modules.linear.Linear")},
        {QStringLiteral("encoder.1"), QStringLiteral("torch.nn.modules.batchnorm.BatchNorm1d")},
        {QStringLiteral("head"), QStringLiteral("torch.nn.modules.linear.Linear")},
        {QStringLiteral("decoder"), QStringLiteral("torch.nn.modules.linear.Linear")}};
    content.tensors.push_back(makeTensor(QStringLiteral("encoder.0.weight"), TensorKind::Parameter, {4, 3}));
    content.tensors.push_back(makeTensor(QStringLiteral("encoder.0.bias"), TensorKind::Parameter, {4}));
    content.tensors.push_back(makeTensor(QStringLiteral("encoder.1.weight"), TensorKind::Parameter, {4}));
    content.tensors.push_back(makeTensor(QStringLiteral("encoder.1.bias"), TensorKind::Parameter, {4}));
    content.tensors.push_back(
        makeTensor(QStringLiteral("encoder.1.running_mean"), TensorKind::Buffer, {4}, false));
    content.tensors.push_back(makeTensor(QStringLiteral("head.weight"), TensorKind::Parameter, {2, 4}));
    content.tensors.push_back(makeTensor(QStringLiteral("head.bias"), TensorKind::Parameter, {2}));
    TensorInfo tied = content.tensors[0];
    tied.name = QStringLiteral("decoder.weight");
    tied.tiedTo = 0;
    content.tensors.push_back(tied);
    return content;
}

CheckpointContent blockModelContent()
{
    CheckpointContent content;
    content.format = CheckpointFormat::PickleModule;
    content.modules = {{QString(), QStringLiteral("__main__.Net")},
                       {QStringLiteral("embed"), QStringLiteral("torch.nn.modules.sparse.Embedding")},
                       {QStringLiteral("layers"), QStringLiteral("torch.nn.modules.container.ModuleList")}};
    content.tensors.push_back(makeTensor(QStringLiteral("embed.weight"), TensorKind::Parameter, {8, 4}));
    for (int i = 0; i <= 12; ++i) {
        const QString block = QStringLiteral("layers.%1").arg(i);
        content.modules.append({block, QStringLiteral("__main__.Block")});
        content.modules.append(
            {block + QStringLiteral(".attn"), QStringLiteral("torch.nn.modules.linear.Linear")});
        content.modules.append(
            {block + QStringLiteral(".norm"), QStringLiteral("torch.nn.modules.normalization.LayerNorm")});
        content.tensors.push_back(
            makeTensor(block + QStringLiteral(".attn.weight"), TensorKind::Parameter, {4, i == 12 ? 8 : 4}));
        content.tensors.push_back(
            makeTensor(block + QStringLiteral(".attn.bias"), TensorKind::Parameter, {4}));
        content.tensors.push_back(
            makeTensor(block + QStringLiteral(".norm.weight"), TensorKind::Parameter, {4}));
        content.tensors.push_back(
            makeTensor(block + QStringLiteral(".norm.bias"), TensorKind::Parameter, {4}));
    }
    content.modules.append({QStringLiteral("head"), QStringLiteral("torch.nn.modules.linear.Linear")});
    content.tensors.push_back(makeTensor(QStringLiteral("head.weight"), TensorKind::Parameter, {8, 4}));
    return content;
}

QString pythonPath(Peer peer)
{
    if (peer == Peer::Modern)
        return qEnvironmentVariable("TORCHSCOPE_PEER_PYTHON");
    return qEnvironmentVariable("TORCHSCOPE_PYTHON", QStringLiteral("/usr/bin/python3"));
}

QString peerName(Peer peer)
{
    return peer == Peer::Modern ? QStringLiteral("PyTorch 2.15") : QStringLiteral("PyTorch 1.13");
}

bool peerAvailable(Peer peer)
{
    const QString path = pythonPath(peer);
    return !path.isEmpty() && QFileInfo(path).isExecutable();
}

QString peerScript()
{
    return qEnvironmentVariable("TORCHSCOPE_PEER");
}

QString cliPath()
{
    return qEnvironmentVariable("TORCHSCOPE_CLI");
}

int runProcess(const QString &program, const QStringList &arguments, QString *out, QString *err,
               int timeoutMs)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(30000)) {
        *err = process.errorString();
        return -1;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        *err = QStringLiteral("timed out");
        return -1;
    }
    *out = QString::fromUtf8(process.readAllStandardOutput());
    *err = QString::fromUtf8(process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

int runPeer(const QStringList &arguments, QString *output, int timeoutMs)
{
    return runPeer(Peer::Debian, arguments, output, timeoutMs);
}

int runPeer(Peer peer, const QStringList &arguments, QString *output, int timeoutMs)
{
    QString out, err;
    const int code =
        runProcess(pythonPath(peer), QStringList{peerScript()} + arguments, &out, &err, timeoutMs);
    *output = out + err;
    return code;
}

} // namespace torchscope::test
