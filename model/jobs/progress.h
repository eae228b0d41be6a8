#pragma once

#include <QtGlobal>

#include <functional>

namespace torchscope {

// How long-running domain work reports progress and learns it was canceled, without knowing
// whether a dialog, a QPromise or nothing at all listens.
//
// The one convention for long work: a kernel or domain function takes a Progress and returns its
// value. It checks isCanceled() between pieces and stops early when it says so; the caller then asks
// the same Progress (canceled is sticky: once true it stays true) and drops the partial value.
// Functions that report errors say "canceled" as their reason. No out-parameters, no flags in results.
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
