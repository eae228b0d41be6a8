// Distributed checkpoints (torch.distributed.checkpoint): folders real multi-process runs of PyTorch 2.15
// wrote on CPU (gloo; 1, 2 and 4 processes; DTensors sharded and replicated over 1-D and 2-D meshes, an
// FSDP2 model with its optimizer, uneven and empty boxes, non-tensor values), read tensor for tensor
// against PyTorch's own consolidation (dcp_to_torch_save), consolidated by export, and lying folders.

#include "document/checkpointdocument.h"
#include "document/modulenode.h"
#include "formats/checkpointreader.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace torchscope;

class TestDcpReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsWhatManyProcessesWrote_data();
    void readsWhatManyProcessesWrote();
    void consolidatedExportEqualsDcpToTorchSave_data();
    void consolidatedExportEqualsDcpToTorchSave();
    void infoJsonSaysWhereEachBoxLives();
    void diffAndStatisticsReadTheBoxes();
    void transformersModelConsolidatesForFromPretrained();
    void plannerDataKeepsKeysWholeOutsideTheModel();
    void exportAsDcpLoadsWithTorchDistributedCheckpoint();
    void exportAsDcpLoadsIntoAShardedTransformersModel();
    void lyingFoldersNameTheTensor_data();
    void lyingFoldersNameTheTensor();
    void hostileMetadataIsRefusedAndNamed();
    void zstdItemsAreInflated();

private:
    int runDcpScript(const QStringList &arguments, QString *output);
    // The folder `dcp.py write` made for `world` processes (made once).
    QString written(int world);
    QString badFolders();
    // The folder `dcp.py hf-write` made (a tiny Llama: hf/, hf-dcp/, logits.pt), made once.
    QString transformersFolder();
    int cli(const QStringList &arguments, QString *err);

    QTemporaryDir m_dir;
    QHash<int, QString> m_written;
    QString m_bad;
    QString m_transformers;
};

void TestDcpReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

int TestDcpReader::runDcpScript(const QStringList &arguments, QString *output)
{
    const QString script = QFileInfo(test::peerScript()).dir().filePath(QStringLiteral("dcp.py"));
    QString err;
    const int code = test::runProcess(test::pythonPath(test::Peer::Modern), QStringList{script} + arguments,
                                      output, &err, 600000);
    *output += err;
    return code;
}

QString TestDcpReader::written(int world)
{
    if (!m_written.contains(world)) {
        const QString folder = m_dir.filePath(QStringLiteral("world%1").arg(world));
        QString output;
        if (runDcpScript({QStringLiteral("write"), folder, QString::number(world)}, &output) != 0) {
            qWarning("%s", qPrintable(output.right(3000)));
            return QString();
        }
        m_written.insert(world, folder);
    }
    return m_written.value(world);
}

QString TestDcpReader::badFolders()
{
    if (m_bad.isEmpty()) {
        const QString folder = m_dir.filePath(QStringLiteral("bad"));
        QString output;
        if (runDcpScript({QStringLiteral("bad"), folder}, &output) != 0 ||
            runDcpScript({QStringLiteral("hostile"), folder}, &output) != 0) {
            qWarning("%s", qPrintable(output.right(3000)));
            return QString();
        }
        m_bad = folder;
    }
    return m_bad;
}

QString TestDcpReader::transformersFolder()
{
    if (m_transformers.isEmpty()) {
        const QString folder = m_dir.filePath(QStringLiteral("transformers"));
        QString output;
        if (runDcpScript({QStringLiteral("hf-write"), folder}, &output) != 0) {
            qWarning("%s", qPrintable(output.right(3000)));
            return QString();
        }
        m_transformers = folder;
    }
    return m_transformers;
}

int TestDcpReader::cli(const QStringList &arguments, QString *err)
{
    QString out;
    return test::runProcess(test::cliPath(), arguments, &out, err);
}

void TestDcpReader::readsWhatManyProcessesWrote_data()
{
    QTest::addColumn<int>("world");
    QTest::newRow("1 process") << 1;
    QTest::newRow("2 processes") << 2;
    QTest::newRow("4 processes, a 2-D mesh") << 4;
}

// Every tensor dcp_to_torch_save wrote is in the folder under the same name, dtype and shape, with the
// same bytes, assembled from its boxes; the non-tensor items are values; boxes are one per rank.
void TestDcpReader::readsWhatManyProcessesWrote()
{
    QFETCH(int, world);
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = written(world);
    QVERIFY2(!folder.isEmpty(), "dcp.py write failed");
    CheckpointContent dcp, reference;
    QString error;
    QVERIFY2(readCheckpoint(folder + QStringLiteral("/ckpt"), Progress(), &dcp, &error), qPrintable(error));
    QVERIFY2(readCheckpoint(folder + QStringLiteral("/ckpt.pt"), Progress(), &reference, &error),
             qPrintable(error));
    QCOMPARE(checkpointFormatName(dcp.format), QStringLiteral("dcp"));
    QVERIFY2(dcp.warnings.isEmpty(), qPrintable(dcp.warnings.join(u'\n')));
    QHash<QString, const TensorInfo *> byName;
    for (const TensorInfo &tensor : dcp.tensors)
        byName.insert(tensor.name, &tensor);
    QVERIFY(reference.tensors.size() >= 20);
    QCOMPARE(int(dcp.tensors.size()), int(reference.tensors.size()));
    for (const TensorInfo &want : reference.tensors) {
        const TensorInfo *got = byName.value(want.name);
        QVERIFY2(got, qPrintable(want.name));
        QCOMPARE(got->dtype, want.dtype);
        QCOMPARE(got->shape, want.shape);
        QVERIFY2(got->contiguousBytes() == want.contiguousBytes(), qPrintable(want.name));
        QVERIFY(got->chunks && !got->chunks->isEmpty());
    }
    // One box per rank for a sharded tensor (the last empty where 5 rows meet 4 ranks); one for a replica.
    QCOMPARE(byName.value(QStringLiteral("shard1"))->chunks->size(), world);
    QCOMPARE(byName.value(QStringLiteral("replicated"))->chunks->size(), 1);
    if (world == 4) {
        QCOMPARE(byName.value(QStringLiteral("uneven"))->chunks->last().sizes, QVector<qint64>({0, 3}));
        QCOMPARE(byName.value(QStringLiteral("grid"))->chunks->size(), 4);
    }
    QHash<QString, QJsonValue> values;
    for (const CheckpointValue &value : dcp.values)
        values.insert(value.path, value.value);
    QCOMPARE(values.value(QStringLiteral("step")).toInt(), 7);
    QCOMPARE(values.value(QStringLiteral("note.text")).toString(), QStringLiteral("not a tensor"));
    QCOMPARE(values.value(QStringLiteral("optim.param_groups.0.lr")).toDouble(), 1e-3);
}

void TestDcpReader::consolidatedExportEqualsDcpToTorchSave_data()
{
    QTest::addColumn<int>("world");
    QTest::addColumn<QString>("output");
    QTest::newRow("2 processes, safetensors") << 2 << "consolidated.safetensors";
    QTest::newRow("4 processes, safetensors") << 4 << "consolidated.safetensors";
    QTest::newRow("4 processes, torch zip") << 4 << "consolidated.pt";
}

// export writes one checkpoint equal, tensor for tensor and bit for bit, to dcp_to_torch_save's, as
// PyTorch and safetensors load it.
void TestDcpReader::consolidatedExportEqualsDcpToTorchSave()
{
    QFETCH(int, world);
    QFETCH(QString, output);
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = written(world);
    QVERIFY(!folder.isEmpty());
    const QString out = QDir(folder).filePath(output);
    QString o, e;
    QCOMPARE(test::runProcess(test::cliPath(),
                              {QStringLiteral("export"), folder + QStringLiteral("/ckpt"),
                               QStringLiteral("-o"), out, QStringLiteral("--weights-only"),
                               QStringLiteral("--part"), QStringLiteral("all")},
                              &o, &e),
             0);
    QString peer;
    QVERIFY2(
        runDcpScript({QStringLiteral("check-export"), out, folder + QStringLiteral("/ckpt.pt")}, &peer) == 0,
        qPrintable(peer));
}

void TestDcpReader::infoJsonSaysWhereEachBoxLives()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = written(4);
    QVERIFY(!folder.isEmpty());
    QString out, err;
    QCOMPARE(
        test::runProcess(test::cliPath(),
                         {QStringLiteral("info"), folder + QStringLiteral("/ckpt"), QStringLiteral("--json")},
                         &out, &err),
        0);
    const QJsonObject info = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(info.value(QStringLiteral("format")).toString(), QStringLiteral("dcp"));
    bool found = false;
    for (const QJsonValue tensor : info.value(QStringLiteral("tensors")).toArray()) {
        if (tensor[QStringLiteral("name")].toString() != QLatin1String("grid"))
            continue;
        found = true;
        const QJsonArray chunks = tensor[QStringLiteral("chunks")].toArray();
        QCOMPARE(chunks.size(), 4);
        QSet<QString> files, offsets;
        for (const QJsonValue chunk : chunks) {
            files.insert(chunk[QStringLiteral("file")].toString());
            offsets.insert(QString::fromUtf8(
                QJsonDocument(chunk[QStringLiteral("offsets")].toArray()).toJson(QJsonDocument::Compact)));
            QCOMPARE(chunk[QStringLiteral("sizes")].toArray(), QJsonArray({4, 3}));
        }
        QCOMPARE(files, QSet<QString>({"__0_0.distcp", "__1_0.distcp", "__2_0.distcp", "__3_0.distcp"}));
        QCOMPARE(offsets, QSet<QString>({"[0,0]", "[0,3]", "[4,0]", "[4,3]"}));
    }
    QVERIFY(found);
    // The optimizer state get_optimizer_state_dict keys by parameter name is tied to those names.
    const QJsonObject optimizer = info.value(QStringLiteral("optimizers")).toArray().at(0).toObject();
    QCOMPARE(optimizer.value(QStringLiteral("family")).toString(), QStringLiteral("Adam"));
    QCOMPARE(optimizer.value(QStringLiteral("mapping")).toString(), QStringLiteral("param_names"));
    const QJsonObject state = optimizer.value(QStringLiteral("state")).toObject();
    QCOMPARE(state.keys(), QStringList({"0.bias", "0.weight", "2.bias", "2.weight"}));
    QCOMPARE(state.value(QStringLiteral("0.weight"))[QStringLiteral("tensors")].toArray(),
             QJsonArray({"exp_avg", "exp_avg_sq"}));
    QCOMPARE(state.value(QStringLiteral("0.weight"))[QStringLiteral("step")].toDouble(), 1.0);
}

// A transformers model two FSDP2 processes saved with its optimizer ({"model", "optim"}, as training
// loops save it): export takes the model part by default (planner_data names the root keys), without
// --weights-only (a DCP folder holds nothing else), writes Hugging Face shards with their index whose
// names and values are save_pretrained's, and from_pretrained gives the model's logits.
void TestDcpReader::transformersModelConsolidatesForFromPretrained()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = transformersFolder();
    QVERIFY(!folder.isEmpty());
    const QString out = QDir(folder).filePath(QStringLiteral("consolidated"));
    QString err;
    QCOMPARE(cli({QStringLiteral("export"), folder + QStringLiteral("/hf-dcp"), QStringLiteral("-o"), out,
                  QStringLiteral("--max-shard-size"), QStringLiteral("20KB")},
                 &err),
             0);
    QVERIFY2(err.contains(QLatin1String("wrote the model part 'model'")), qPrintable(err));
    QVERIFY(QFileInfo::exists(out + QStringLiteral("/model.safetensors.index.json")));
    QString peer;
    QVERIFY2(runDcpScript({QStringLiteral("hf-check"), out, folder}, &peer) == 0, qPrintable(peer));
}

// planner_data's keys: "model" is the root key holding the model (its names split into modules), and the
// optimizer's state keyed by parameter name keeps each name one node ("optim", "state",
// "model.layers.0.mlp.up_proj.weight", "exp_avg"), tied to that parameter.
void TestDcpReader::plannerDataKeepsKeysWholeOutsideTheModel()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = transformersFolder();
    QVERIFY(!folder.isEmpty());
    CheckpointContent content;
    QString error;
    QVERIFY2(readCheckpoint(folder + QStringLiteral("/hf-dcp"), Progress(), &content, &error),
             qPrintable(error));
    CheckpointDocument document(std::move(content));
    QCOMPARE(document.parts().modelPath, QStringLiteral("model"));
    const ModuleNode *layer = document.findModule(QStringLiteral("model.model.layers.0.mlp"));
    QVERIFY(layer);
    QCOMPARE(layer->name(), QStringLiteral("mlp"));
    const ModuleNode *state =
        document.findModule(QStringLiteral("optim.state.model.layers.0.mlp.up_proj.weight"));
    QVERIFY(state);
    QCOMPARE(state->name(), QStringLiteral("model.layers.0.mlp.up_proj.weight"));
    QCOMPARE(state->parent()->path(), QStringLiteral("optim.state"));
    QStringList held;
    for (const int index : state->tensors())
        held << document.tensor(index).name.section(QLatin1Char('.'), -1);
    held.sort();
    QCOMPARE(held, QStringList({"exp_avg", "exp_avg_sq", "step"}));
    QVERIFY(!document.findModule(QStringLiteral("optim.state.model")));
    QCOMPARE(document.optimizers().size(), 1);
    QCOMPARE(document.optimizers().front().path, QStringLiteral("optim"));
    QVERIFY(document.optimizers().front().entryFor(QStringLiteral("model.layers.0.mlp.up_proj.weight")));
}

// export --format dcp writes a single-rank DCP folder that torch.distributed.checkpoint.load reads into
// a state_dict of the same names: dcp_to_torch_save's output (bfloat16, int64, a scalar, uneven and
// 2-D-sharded tensors, an FSDP model and its Adam state) comes back bit for bit.
void TestDcpReader::exportAsDcpLoadsWithTorchDistributedCheckpoint()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = written(4);
    QVERIFY(!folder.isEmpty());
    const QString out = QDir(folder).filePath(QStringLiteral("as-dcp"));
    QString err;
    QCOMPARE(cli({QStringLiteral("export"), folder + QStringLiteral("/ckpt.pt"), QStringLiteral("-o"), out,
                  QStringLiteral("--format"), QStringLiteral("dcp"), QStringLiteral("--part"),
                  QStringLiteral("all")},
                 &err),
             0);
    QString peer;
    QVERIFY2(runDcpScript({QStringLiteral("check-dcp"), out, folder + QStringLiteral("/ckpt.pt")}, &peer) ==
                 0,
             qPrintable(peer));
    // Our own reader reads it back as the DCP folder it is; a second export replaces the first whole.
    CheckpointContent content;
    QString error;
    QVERIFY2(readCheckpoint(out, Progress(), &content, &error), qPrintable(error));
    QCOMPARE(content.format, CheckpointFormat::Dcp);
    QCOMPARE(cli({QStringLiteral("export"), folder + QStringLiteral("/ckpt.pt"), QStringLiteral("-o"), out,
                  QStringLiteral("--format"), QStringLiteral("dcp"), QStringLiteral("--part"),
                  QStringLiteral("all"), QStringLiteral("--dtype"), QStringLiteral("float16")},
                 &err),
             0);
    CheckpointContent again;
    QVERIFY2(readCheckpoint(out, Progress(), &again, &error), qPrintable(error));
    QCOMPARE(again.tensors.size(), content.tensors.size());
    const auto plain = std::find_if(again.tensors.begin(), again.tensors.end(),
                                    [](const TensorInfo &t) { return t.name == QLatin1String("plain"); });
    QVERIFY(plain != again.tensors.end());
    QCOMPARE(plain->dtype, DType::Float16);
    QVERIFY(QDir(folder).entryList({QStringLiteral("as-dcp.*")}, QDir::AllEntries | QDir::Hidden).isEmpty());
}

// How a Hugging Face checkpoint becomes a torchtitan starting point: the save_pretrained folder exported
// as DCP, loaded by torch.distributed.checkpoint.load into the model sharded by FSDP2 over two processes
// (each reads its rows of the single box): every parameter equal to from_pretrained's, the same logits.
void TestDcpReader::exportAsDcpLoadsIntoAShardedTransformersModel()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = transformersFolder();
    QVERIFY(!folder.isEmpty());
    const QString out = QDir(folder).filePath(QStringLiteral("from-hf-dcp"));
    QString err;
    QCOMPARE(cli({QStringLiteral("export"), folder + QStringLiteral("/hf"), QStringLiteral("-o"), out,
                  QStringLiteral("--format"), QStringLiteral("dcp")},
                 &err),
             0);
    QString peer;
    QVERIFY2(runDcpScript({QStringLiteral("dcp-load"), out, folder}, &peer) == 0,
             qPrintable(peer.right(3000)));
}

// The diff and the statistics read every box in place: the DCP folder against PyTorch's consolidation of
// it is bit-identical tensor for tensor, and their statistics are the same numbers.
void TestDcpReader::diffAndStatisticsReadTheBoxes()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = written(4);
    QVERIFY(!folder.isEmpty());
    const QString dcp = folder + QStringLiteral("/ckpt"), consolidated = folder + QStringLiteral("/ckpt.pt");
    QString out, err;
    QCOMPARE(test::runProcess(test::cliPath(),
                              {QStringLiteral("diff"), dcp, consolidated, QStringLiteral("--json")}, &out,
                              &err),
             0);
    const QJsonObject diff = QJsonDocument::fromJson(out.toUtf8()).object();
    const QJsonArray rows = diff.value(QStringLiteral("tensors")).toArray();
    QCOMPARE(diff.value(QStringLiteral("totals"))[QStringLiteral("identical")].toInt(), rows.size());
    QVERIFY(rows.size() >= 20);
    for (const QJsonValue row : rows)
        QVERIFY2(row[QStringLiteral("bit_identical")].toBool(),
                 qPrintable(row[QStringLiteral("name")].toString()));
    QString a, b;
    QCOMPARE(
        test::runProcess(test::cliPath(), {QStringLiteral("stats"), dcp, QStringLiteral("--json")}, &a, &err),
        0);
    QCOMPARE(test::runProcess(test::cliPath(),
                              {QStringLiteral("stats"), consolidated, QStringLiteral("--json")}, &b, &err),
             0);
    const QJsonArray statsA =
        QJsonDocument::fromJson(a.toUtf8()).object().value(QStringLiteral("tensors")).toArray();
    const QJsonArray statsB =
        QJsonDocument::fromJson(b.toUtf8()).object().value(QStringLiteral("tensors")).toArray();
    QCOMPARE(statsA.size(), statsB.size());
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue row : statsB)
        byName.insert(row[QStringLiteral("name")].toString(), row.toObject());
    for (const QJsonValue row : statsA) {
        QJsonObject mine = row.toObject(), theirs = byName.value(row[QStringLiteral("name")].toString());
        QVERIFY2(!theirs.isEmpty(), qPrintable(row[QStringLiteral("name")].toString()));
        QCOMPARE(mine, theirs);
    }
}

void TestDcpReader::lyingFoldersNameTheTensor_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("warning"); // "" for none
    QTest::newRow("good") << "good"
                          << "";
    QTest::newRow("a box listed twice") << "overlap"
                                        << "w: boxes 0 and 1 overlap";
    QTest::newRow("a box over half the tensor") << "gap"
                                                << "w: the boxes cover 6 of its 12 elements";
    QTest::newRow("a .distcp cut short") << "truncated"
                                         << "b: its box at [0] runs past the end of __0_0.distcp";
    QTest::newRow("a .distcp removed") << "missing"
                                       << "w: __0_0.distcp is missing";
}

// The folder still opens (its metadata is whole); the tensor that cannot be read says why, in one line,
// naming itself, and has no values rather than wrong ones.
void TestDcpReader::lyingFoldersNameTheTensor()
{
    QFETCH(QString, folder);
    QFETCH(QString, warning);
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString bad = badFolders();
    QVERIFY(!bad.isEmpty());
    CheckpointContent content;
    QString error;
    QVERIFY2(readCheckpoint(QDir(bad).filePath(folder), Progress(), &content, &error), qPrintable(error));
    QCOMPARE(int(content.tensors.size()), 2);
    const QString warnings = content.warnings.join(u'\n');
    if (warning.isEmpty()) {
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings));
        QCOMPARE(content.tensors.front().contiguousBytes().size(), qsizetype(48));
        return;
    }
    QVERIFY2(warnings.contains(warning), qPrintable(warnings));
    const QString name = warning.section(u':', 0, 0);
    for (const TensorInfo &tensor : content.tensors) {
        if (tensor.name == name)
            QVERIFY(tensor.meta && !tensor.storage);
    }
}

void TestDcpReader::hostileMetadataIsRefusedAndNamed()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString bad = badFolders();
    QVERIFY(!bad.isEmpty());
    CheckpointContent content;
    QString error;
    QVERIFY2(readCheckpoint(QDir(bad).filePath(QStringLiteral("hostile")), Progress(), &content, &error),
             qPrintable(error));
    QCOMPARE(int(content.refusedCalls.size()), 1);
    QCOMPARE(content.refusedCalls.front().callable, QStringLiteral("posix.system"));
    QCOMPARE(content.refusedCalls.front().place, QStringLiteral(".metadata"));
    QVERIFY(content.refusedCalls.front().arguments.contains(QStringLiteral("touch ")));
    QVERIFY2(content.warnings.join(u'\n').contains(QStringLiteral("would call posix.system('touch")),
             qPrintable(content.warnings.join(u'\n')));
    QVERIFY(!QFileInfo::exists(QDir(bad).filePath(QStringLiteral("pwned"))));
    QCOMPARE(int(content.tensors.size()), 1); // the rest still reads
}

// Items written with the stream.zstd transform (FileSystemWriter's _extensions) are inflated with libzstd:
// the same tensors and values as dcp_to_torch_save's.
void TestDcpReader::zstdItemsAreInflated()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = m_dir.filePath(QStringLiteral("zstd"));
    QString output;
    QVERIFY2(runDcpScript({QStringLiteral("zstd"), folder}, &output) == 0, qPrintable(output.right(3000)));
    CheckpointContent dcp, reference;
    QString error;
    QVERIFY2(readCheckpoint(folder + QStringLiteral("/zstd"), Progress(), &dcp, &error), qPrintable(error));
    QVERIFY2(readCheckpoint(folder + QStringLiteral("/zstd.pt"), Progress(), &reference, &error),
             qPrintable(error));
    QVERIFY2(dcp.warnings.isEmpty(), qPrintable(dcp.warnings.join(u'\n')));
    QVERIFY(dcp.tensors.front().chunks->front().zstd);
    QCOMPARE(int(dcp.tensors.size()), int(reference.tensors.size()));
    for (const TensorInfo &want : reference.tensors) {
        const auto got = std::find_if(dcp.tensors.begin(), dcp.tensors.end(),
                                      [&want](const TensorInfo &t) { return t.name == want.name; });
        QVERIFY2(got != dcp.tensors.end(), qPrintable(want.name));
        QVERIFY2(got->contiguousBytes() == want.contiguousBytes(), qPrintable(want.name));
    }
    QCOMPARE(dcp.values.size(), 1);
    QCOMPARE(dcp.values.front().path, QStringLiteral("n"));
    QCOMPARE(dcp.values.front().value.toInt(), 3);
}

QTEST_GUILESS_MAIN(TestDcpReader)
#include "tst_dcpreader.moc"
