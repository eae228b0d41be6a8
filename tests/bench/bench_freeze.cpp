// Freezing at scale: a synthetic model of 10,001 modules and 100,000 parameters in the real main
// window (offscreen). Times populating tree and table, freezing the root with a click on its check,
// undoing it, and scrolling the table end to end. Target: each <= 100 ms.

#include "document/checkpointdocument.h"
#include "itemmodels/moduletreemodel.h"
#include "mainwindow.h"
#include "parametertableview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTextStream>
#include <QTreeView>
#include <QUndoStack>

#include <algorithm>
#include <memory>
#include <utility>

using namespace torchscope;

namespace {
CheckpointContent syntheticModel(int blocks, int layersPerBlock, int parametersPerLayer)
{
    CheckpointContent content;
    content.format = CheckpointFormat::TorchScript;
    content.filePath = QStringLiteral("synthetic.pt");
    auto bytes = std::make_shared<QByteArray>(16, '\0');
    auto storage = std::make_shared<OwnedTensorStorage>(bytes, bytes->constData(), bytes->size());
    auto parameter = [&](const QString &name) {
        TensorInfo tensor;
        tensor.name = name;
        tensor.kind = TensorKind::Parameter;
        tensor.dtype = DType::Float32;
        tensor.shape = {4};
        tensor.strides = {1};
        tensor.storage = storage;
        tensor.hasRequiresGrad = true;
        tensor.requiresGrad = true;
        content.tensors.push_back(tensor);
    };
    content.modules.append({QString(), QStringLiteral("Synthetic")});
    for (int b = 0; b < blocks; ++b) {
        const QString block = QStringLiteral("blocks.%1").arg(b);
        if (b == 0)
            content.modules.append(
                {QStringLiteral("blocks"), QStringLiteral("torch.nn.modules.container.ModuleList")});
        content.modules.append({block, QStringLiteral("Block")});
        parameter(block + QStringLiteral(".scale"));
        for (int l = 0; l < layersPerBlock; ++l) {
            const QString layer = block + QStringLiteral(".layer%1").arg(l);
            content.modules.append({layer, QStringLiteral("torch.nn.modules.linear.Linear")});
            for (int p = 0; p < parametersPerLayer; ++p)
                parameter(layer + QStringLiteral(".p%1").arg(p));
        }
    }
    return content;
}

template <typename F> double timeMs(F &&work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    QCoreApplication::processEvents(); // let the views repaint what changed
    return timer.nsecsElapsed() / 1e6;
}
} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    MainWindow window;
    window.show();
    QCoreApplication::processEvents();

    CheckpointContent content = syntheticModel(1000, 9, 11);
    const int modules = int(content.modules.size()) + 0;
    const int parameters = int(content.tensors.size());
    std::unique_ptr<CheckpointDocument> document;
    const double build = timeMs([&] { document = std::make_unique<CheckpointDocument>(std::move(content)); });
    CheckpointDocument *doc = document.get();
    const double populate = timeMs([&] { window.setDocument(std::move(document)); });
    const QModelIndex root =
        window.findChild<QTreeView *>(QStringLiteral("moduleTree"))->model()->index(0, 0);
    const double freeze = timeMs([&] {
        window.findChild<QTreeView *>(QStringLiteral("moduleTree"))
            ->model()
            ->setData(root, Qt::Unchecked, Qt::CheckStateRole);
    });
    const bool frozen = doc->totals().trainable == 0;
    const double undo = timeMs([&] { doc->undoStack()->undo(); });
    const bool restored = doc->totals().trainable == doc->totals().parameters;
    QScrollBar *bar =
        window.findChild<ParameterTableView *>(QStringLiteral("parameterTable"))->verticalScrollBar();
    const double scroll = timeMs([&] {
        // One page at a time, end to end: every step repaints only the visible rows.
        for (int value = 0; value <= bar->maximum(); value += std::max(1, bar->maximum() / 200)) {
            bar->setValue(value);
            window.findChild<ParameterTableView *>(QStringLiteral("parameterTable"))->viewport()->repaint();
        }
    });
    out << "modules " << modules << ", parameters " << parameters << "\n";
    out << QStringLiteral("build document   %1 ms (off the UI thread when a file is opened)\n")
               .arg(build, 0, 'f', 1);
    out << QStringLiteral("populate views   %1 ms\n").arg(populate, 0, 'f', 1);
    out << QStringLiteral("freeze root      %1 ms%2\n")
               .arg(freeze, 0, 'f', 1)
               .arg(frozen ? QString() : QStringLiteral("  (FAILED)"));
    out << QStringLiteral("undo             %1 ms%2\n")
               .arg(undo, 0, 'f', 1)
               .arg(restored ? QString() : QStringLiteral("  (FAILED)"));
    out << QStringLiteral("scroll 200 pages %1 ms (%2 ms a page)\n")
               .arg(scroll, 0, 'f', 1)
               .arg(scroll / 200, 0, 'f', 2);
    return frozen && restored ? 0 : 1;
}
