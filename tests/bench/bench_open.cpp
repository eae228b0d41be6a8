// Opens a checkpoint the way the GUI does, up to a populated module tree and parameter table,
// and prints the elapsed milliseconds. Driven by bench_open.py, which also times PyTorch.

#include "document/checkpointdocument.h"
#include "formats/checkpointreader.h"
#include "heapmemory.h"
#include "itemmodels/moduletreemodel.h"
#include "itemmodels/parametertablemodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <utility>

using namespace torchscope;

namespace {
int touchTree(const ModuleTreeModel &model, const QModelIndex &parent)
{
    int rows = 0;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        for (int column = 0; column < ModuleTreeModel::ColumnCount; ++column)
            (void)model.index(row, column, parent).data();
        rows += 1 + touchTree(model, model.index(row, 0, parent));
    }
    return rows;
}
} // namespace

int main(int argc, char *argv[])
{
    preferHugePagesForTheHeap(); // as both executables do
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    if (argc != 2) {
        out << "usage: bench_open FILE\n";
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    CheckpointContent content;
    QString error;
    if (!readCheckpoint(QString::fromLocal8Bit(argv[1]), Progress(), &content, &error)) {
        QTextStream(stderr) << error << "\n";
        return 1;
    }
    CheckpointDocument document(std::move(content));
    ModuleTreeModel tree;
    tree.setDocument(&document);
    ParameterTableModel table;
    table.setDocument(&document);
    const int modules = touchTree(tree, QModelIndex());
    for (int row = 0; row < table.rowCount(); ++row) {
        for (int column = 0; column < ParameterTableModel::ColumnCount; ++column) {
            (void)table.index(row, column).data();
            (void)table.index(row, column).data(Qt::CheckStateRole);
        }
    }
    out << "open_ms " << timer.nsecsElapsed() / 1e6 << " modules " << modules << " tensors "
        << table.rowCount() << "\n";
    // Peak resident memory of this process, for the driver's comparison with PyTorch.
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                out << "peak_rss_kib " << line.mid(6).trimmed().split(' ').first() << "\n";
        }
    }
    return 0;
}
