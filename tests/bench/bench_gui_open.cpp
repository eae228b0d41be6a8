// Opens a checkpoint in the real main window (offscreen) as File > Open does once its dialog closes,
// and prints the milliseconds until the window shows it: the job read the file off the UI thread,
// the tree and table hold the model, the totals are set and the window has painted. Driven by
// bench_open.py. Target for the 60,001-module pickle: at most 1 s.

#include "checkpointview.h"
#include "heapmemory.h"
#include "mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>

using namespace torchscope;

int main(int argc, char *argv[])
{
    preferHugePagesForTheHeap(); // as the torchscope executable does
    QApplication app(argc, argv);
    QTextStream out(stdout);
    if (argc != 2) {
        out << "usage: bench_gui_open FILE\n";
        return 2;
    }
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QCoreApplication::processEvents();

    QEventLoop loop;
    bool loaded = false;
    QObject::connect(&window, &MainWindow::documentLoaded, &loop, [&] {
        loaded = true;
        loop.quit();
    });
    QObject::connect(&window, &MainWindow::loadFailed, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    window.openFile(QString::fromLocal8Bit(argv[1]));
    loop.exec();
    window.repaint(); // paints now, tree and table included
    const double elapsed = timer.nsecsElapsed() / 1e6;
    if (!loaded) {
        QTextStream(stderr) << "not opened\n";
        return 1;
    }
    const auto *tree = window.findChild<QTreeView *>();
    out << "gui_open_ms " << elapsed << " top_level_rows " << (tree ? tree->model()->rowCount() : -1) << "\n";
    return 0;
}
