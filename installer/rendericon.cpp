// Renders the SVG icon to a PNG of the given size, for the hicolor theme's fixed-size folders.
// Usage: torchscope_render_icon IN.svg OUT.png SIZE

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList arguments = QGuiApplication::arguments();
    bool ok = false;
    const int size = arguments.value(3).toInt(&ok);
    QSvgRenderer renderer(arguments.value(1));
    if (arguments.size() != 4 || !ok || size <= 0 || !renderer.isValid()) {
        QTextStream(stderr) << "usage: torchscope_render_icon IN.svg OUT.png SIZE\n";
        return 2;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    if (!image.save(arguments.value(2), "PNG")) {
        QTextStream(stderr) << "cannot write " << arguments.value(2) << "\n";
        return 1;
    }
    return 0;
}
