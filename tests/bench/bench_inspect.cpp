// The tensor inspector's three costs, each printed for bench_inspect.py to set beside its same-run
// reference:
//   bench_inspect values FILE TENSOR [PAGES]   page through a tensor in the values grid (a real
//                                              QTableView, offscreen): decode and paint time per
//                                              page of visible cells, and RssAnon as pages are visited
//   bench_inspect report FILE                  the health report of every tensor (open + statistics)
//   bench_inspect spectrum FILE TENSOR         the singular values of one weight matrix

#include "benchsupport.h"
#include "formats/checkpointreader.h"
#include "inspect/healthreport.h"
#include "inspect/spectrum.h"
#include "itemmodels/tensorvaluesmodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTableView>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace torchscope;

namespace {

double seconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

const TensorInfo *findTensor(const CheckpointContent &content, const QString &name)
{
    for (const TensorInfo &tensor : content.tensors)
        if (tensor.name == name)
            return &tensor;
    return nullptr;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[size_t(p * double(values.size() - 1))];
}

int pages(const TensorInfo &tensor, int count, QTextStream &out)
{
    TensorValuesModel model;
    model.setTensor(tensor);
    QTableView view;
    view.setModel(&model);
    for (QHeaderView *header : {view.horizontalHeader(), view.verticalHeader()})
        header->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 6);
    view.horizontalHeader()->setDefaultSectionSize(
        view.fontMetrics().horizontalAdvance(QStringLiteral("-0.000000e+00")));
    view.resize(1280, 800);
    view.show();
    QApplication::processEvents();
    const int visibleRows = view.viewport()->height() / view.verticalHeader()->defaultSectionSize() + 1;
    const int visibleColumns = view.viewport()->width() / view.horizontalHeader()->defaultSectionSize() + 1;
    out << "tensor " << tensor.name << " " << dtypeName(tensor.dtype) << " " << shapeToString(tensor.shape)
        << " (" << tensor.numel() << " elements); page " << visibleRows << " x " << visibleColumns
        << " cells\n";
    QRandomGenerator random(42);
    std::vector<double> decode, paint;
    const qint64 anonBefore = bench::statusKib("RssAnon:");
    QImage frame(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    for (int page = 1; page <= count; ++page) {
        // A jump anywhere, as dragging the scroll bars does.
        view.verticalScrollBar()->setValue(int(random.bounded(view.verticalScrollBar()->maximum() + 1)));
        view.horizontalScrollBar()->setValue(int(random.bounded(view.horizontalScrollBar()->maximum() + 1)));
        const int top = view.rowAt(0), left = view.columnAt(0);
        // What the view asks of the model for one page...
        QElapsedTimer timer;
        timer.start();
        qsizetype characters = 0;
        for (int r = top; r < top + visibleRows && r < model.rowCount(); ++r)
            for (int c = left; c < left + visibleColumns && c < model.columnCount(); ++c)
                characters += model.data(model.index(r, c)).toString().size();
        decode.push_back(seconds(timer) * 1e3);
        // ...and the whole repaint of the viewport.
        timer.restart();
        view.viewport()->render(&frame);
        paint.push_back(seconds(timer) * 1e3);
        if (characters == 0)
            return 1;
        if (page == 10 || page == 100 || page == 1000 || page == count)
            out << "after " << page << " pages: RssAnon " << bench::statusKib("RssAnon:") << " KiB ("
                << (bench::statusKib("RssAnon:") - anonBefore) << " more than before the first), RssFile "
                << bench::statusKib("RssFile:") << " KiB\n";
    }
    out << "decode_ms median " << percentile(decode, 0.5) << " p99 " << percentile(decode, 0.99) << " max "
        << percentile(decode, 1.0) << "\n";
    out << "paint_ms median " << percentile(paint, 0.5) << " p99 " << percentile(paint, 0.99) << " max "
        << percentile(paint, 1.0) << "\n";
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        out << "usage: bench_inspect values FILE TENSOR [PAGES] | report FILE | spectrum FILE TENSOR\n";
        return 2;
    }
    QElapsedTimer total;
    total.start();
    CheckpointContent content;
    QString error;
    if (!readCheckpoint(args[2], Progress(), &content, &error)) {
        QTextStream(stderr) << error << "\n";
        return 1;
    }
    const double openSeconds = seconds(total);
    if (args[1] == QLatin1String("values") && args.size() >= 4) {
        const TensorInfo *tensor = findTensor(content, args[3]);
        return tensor ? pages(*tensor, args.size() > 4 ? args[4].toInt() : 2000, out) : 1;
    }
    if (args[1] == QLatin1String("report")) {
        std::vector<const TensorInfo *> tensors;
        qint64 bytes = 0;
        for (const TensorInfo &tensor : content.tensors) {
            tensors.push_back(&tensor);
            bytes += tensor.byteSize();
        }
        QElapsedTimer timer;
        timer.start();
        const QVector<TensorHealth> report = HealthReport::compute(tensors);
        out << "report_s " << seconds(timer) << " open_s " << openSeconds << " tensors " << report.size()
            << " bytes " << bytes << " peak_rss_anon_kib " << bench::statusKib("RssAnon:") << "\n";
        return 0;
    }
    if (args[1] == QLatin1String("spectrum") && args.size() >= 4) {
        const TensorInfo *tensor = findTensor(content, args[3]);
        if (!tensor)
            return 1;
        Spectrum spectrum;
        QElapsedTimer timer;
        timer.start();
        if (!Spectrum::compute(*tensor, &spectrum, Progress(), &error)) {
            QTextStream(stderr) << error << "\n";
            return 1;
        }
        out << "spectrum_s " << seconds(timer) << " largest " << spectrum.singularValues.first()
            << " smallest " << spectrum.singularValues.last() << " alpha " << spectrum.alpha.alpha << "\n";
        return 0;
    }
    out << "unknown mode\n";
    return 2;
}
