// A plain launch and the example model must never load LibTorch: the bridge costs ~0.6 s and
// ~160 MB, and only an entire-model TorchScript save needs it.

#include "document/checkpointdocument.h"
#include "mainwindow.h"
#include "torchbridge/torchbridge.h"

#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace torchscope;

class TestStartup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exampleOpensWithoutLibTorch();

private:
    static bool libTorchMapped()
    {
        QFile maps(QStringLiteral("/proc/self/maps"));
        return maps.open(QIODevice::ReadOnly) && maps.readAll().contains("libtorch");
    }
};

void TestStartup::exampleOpensWithoutLibTorch()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!isTorchBridgeLoaded());
    QSignalSpy loaded(&window, &MainWindow::documentLoaded);
    window.findChild<QAction *>(QStringLiteral("openExampleAction"))->trigger();
    QVERIFY(loaded.wait(30000));
    QCOMPARE(window.document()->format(), CheckpointFormat::TorchScript);
    QCOMPARE(window.document()->root()->childCount(), 4);
    QVERIFY(window.document()->canSaveEntireModel());
    QVERIFY(!isTorchBridgeLoaded());
    QVERIFY(!libTorchMapped());
}

QTEST_MAIN(TestStartup)
#include "tst_startup.moc"
