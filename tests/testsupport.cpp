#include "testsupport.h"

#include <QTest>

#include <cstring>
#include <memory>
#include <utility>

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

QString pythonPath()
{
    return qEnvironmentVariable("TORCHSCOPE_PYTHON", QStringLiteral("/usr/bin/python3"));
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
    QString out, err;
    const int code = runProcess(pythonPath(), QStringList{peerScript()} + arguments, &out, &err, timeoutMs);
    *output = out + err;
    return code;
}

} // namespace torchscope::test
