#pragma once

#include <QtGlobal>

#include <functional>

namespace torchscope {

// How long-running domain work reports progress and learns it was canceled, without knowing
// whether a dialog, a QPromise or nothing at all listens.
struct Progress
{
    std::function<void(qint64 done, qint64 total)> report;
    std::function<bool()> canceled;

    void set(qint64 done, qint64 total) const
    {
        if (report)
            report(done, total);
    }
    bool isCanceled() const { return canceled && canceled(); }
};

} // namespace torchscope
