#pragma once

#include <QGuiApplication>
#include <QScreen>
#include <QSize>
#include <QWidget>

namespace torchscope {

// Opens `window` at `wanted`, or smaller where the screen it opens on is smaller: at most 90% of the
// screen's free area, so that it opens whole on a 1280x800 laptop as on a 1920x1080 desktop.
inline void resizeWithinScreen(QWidget *window, QSize wanted)
{
    QScreen *screen = window->parentWidget() ? window->parentWidget()->screen() : window->screen();
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    if (screen)
        wanted = wanted.boundedTo(screen->availableGeometry().size() * 0.9);
    window->resize(wanted);
}

} // namespace torchscope
