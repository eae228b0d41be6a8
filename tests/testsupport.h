#pragma once

#include "tensor/checkpointcontent.h"

#include <QMetaType>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <utility>

namespace torchscope::test {

// A tensor for hand-built documents: float32 values 0, 1, 2, ... unless given.
TensorInfo makeTensor(const QString &name, TensorKind kind, const QVector<qint64> &shape,
                      bool requiresGrad = true, DType dtype = DType::Float32);
// Wraps raw bytes as a contiguous tensor.
TensorInfo tensorFromBytes(const QString &name, DType dtype, const QVector<qint64> &shape, QByteArray bytes);

// A small entire-model document:
//   ""          Net      (no tensors)
//   encoder     Sequential
//   encoder.0   Linear   weight [4,3], bias [4]
//   encoder.1   BatchNorm1d weight [4], bias [4], running_mean [4] (buffer)
//   head        Linear   weight [2,4], bias [2]
//   decoder     Linear   weight tied to encoder.0.weight
CheckpointContent smallModelContent();

// Names and shapes of a Llama-style decoder (Llama-2-7B with the defaults: 291 tensors, 6,738,415,616
// parameters), in the model's own order.
QList<std::pair<QString, QVector<qint64>>> llamaLayout(int blocks = 32, qint64 hidden = 4096,
                                                       qint64 intermediate = 11008, qint64 vocab = 32000);
// Writes `tensors` as a bfloat16 safetensors file whose data are a hole (sparse on disk, reading
// as zeros), the header listing names in string order as writers do. Returns the data's offset.
qint64 writeSparseSafetensors(const QString &path, const QList<std::pair<QString, QVector<qint64>>> &tensors);
// How many pages of [offset, offset + length) of a file are in the page cache (mincore); -1 on error.
qint64 residentPages(const QString &path, qint64 offset, qint64 length);

// An entire model with repeated blocks:
//   embed                    Embedding weight [8,4]
//   layers                   ModuleList
//   layers.0 ... layers.11   Block: attn (Linear weight [4,4], bias [4]), norm (LayerNorm weight [4], bias
//   [4]) layers.12                Block, its attn with weight [4,8]: a different structure head Linear weight
//   [8,4]
CheckpointContent blockModelContent();

// Zip records for archives written by hand: stored entries, fields as given (no CRC unless set).
struct ZipEntryFields
{
    QByteArray name;
    quint64 compressedSize = 0;
    quint64 uncompressedSize = 0;
    quint64 localOffset = 0; // where the local header is
    quint32 crc = 0;
    quint16 version = 20;
    QByteArray centralExtra; // the central entry's extra field (a ZIP64 one, say)
};
void appendLittleEndian(QByteArray &out, quint64 value, int bytes);
QByteArray zipLocalHeader(const ZipEntryFields &entry);  // followed by the name
QByteArray zipCentralEntry(const ZipEntryFields &entry); // followed by the name and the extra field
QByteArray zipEndRecord(quint64 entries, quint64 directorySize, quint64 directoryOffset);

// A reader's outcome against a data row: success where `reason` is empty, otherwise a failure whose
// one-line error contains `reason`. Returns whether it matched (the test has failed when not).
bool outcomeMatches(bool ok, const QString &error, const QString &reason);

// The two PyTorch peers: Debian's 1.13 (for files older PyTorch writes), and the pinned modern one of
// tests/python/requirements.txt that scripts/peer-env.sh installs outside the checkout, found through
// TORCHSCOPE_PEER_PYTHON.
enum class Peer { Debian, Modern };
QString peerName(Peer peer); // "PyTorch 1.13", "PyTorch 2.15"
bool peerAvailable(Peer peer);
// For a test that needs the peer: true where it is installed; otherwise the test is skipped with the
// reason (or fails, under CI=true: CI must judge by both).
#define TORCHSCOPE_REQUIRE_PEER(peer)                                                                        \
    do {                                                                                                     \
        if (!torchscope::test::peerAvailable(peer)) {                                                        \
            if (qEnvironmentVariable("CI") == QLatin1String("true"))                                         \
                QFAIL("the modern PyTorch peer is not installed (TORCHSCOPE_PEER_PYTHON); CI needs it");     \
            QSKIP("the modern PyTorch peer is not installed: run scripts/peer-env.sh (scripts/dev.sh test "  \
                  "does)");                                                                                  \
        }                                                                                                    \
    } while (false)

// Real PyTorch at the path the build was configured with (the Debian peer), or the modern peer.
QString pythonPath(Peer peer = Peer::Debian);
QString peerScript();
QString cliPath();
// Runs the peer script; returns its exit code and puts stdout+stderr in `output`.
int runPeer(const QStringList &arguments, QString *output, int timeoutMs = 240000);
int runPeer(Peer peer, const QStringList &arguments, QString *output, int timeoutMs = 240000);
int runProcess(const QString &program, const QStringList &arguments, QString *out, QString *err,
               int timeoutMs = 240000);

} // namespace torchscope::test
// Calls a test helper that asserts inside (QVERIFY, QCOMPARE) and, when it failed, fails again at the
// caller's line, so the report says which call of the helper went wrong, then returns from the test.
#define TORCHSCOPE_HELPER(call)                                                                              \
    do {                                                                                                     \
        call;                                                                                                \
        if (QTest::currentTestFailed())                                                                      \
            QFAIL("the helper failed (its own line is reported above): " #call);                             \
    } while (false)

Q_DECLARE_METATYPE(torchscope::test::Peer)
