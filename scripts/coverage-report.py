#!/usr/bin/env python3
"""Line and branch coverage per folder from a --coverage build, with gcovr.
   scripts/coverage-report.py SOURCE_DIR BUILD_DIR
Writes BUILD_DIR/coverage/index.html (per file, per line) and prints a table per folder; the last
lines give the domain code's totals (model/ without the LibTorch bridge) against the targets."""
import collections
import json
import os
import subprocess
import sys

LINE_TARGET, BRANCH_TARGET = 90.0, 75.0


def main():
    source, build = (os.path.abspath(p) for p in sys.argv[1:3])
    out = os.path.join(build, "coverage")
    os.makedirs(out, exist_ok=True)
    summary = os.path.join(out, "summary.json")
    subprocess.run(["gcovr", "--root", source, "--object-directory", build,
                    "--filter", os.path.join(source, "(model|widgets|app)/"),
                    "--exclude-throw-branches", "--exclude-unreachable-branches",
                    "--json-summary", summary, "--html-details", os.path.join(out, "index.html")],
                   check=True, stdout=subprocess.DEVNULL)
    with open(summary) as f:
        files = json.load(f)["files"]
    folders = collections.defaultdict(lambda: [0, 0, 0, 0])
    domain = [0, 0, 0, 0]
    for entry in files:
        path = entry["filename"]
        folder = os.path.dirname(path)
        counts = (entry["line_covered"], entry["line_total"], entry["branch_covered"], entry["branch_total"])
        for i, n in enumerate(counts):
            folders[folder][i] += n
            if path.startswith("model/") and not path.startswith("model/torchbridge/"):
                domain[i] += n

    def pct(covered, total):
        return 100.0 * covered / total if total else 100.0

    print("%-28s %8s %8s %9s %9s" % ("folder", "lines", "lines %", "branches", "branch %"))
    for folder in sorted(folders):
        lc, lt, bc, bt = folders[folder]
        print("%-28s %8d %7.1f%% %9d %8.1f%%" % (folder, lt, pct(lc, lt), bt, pct(bc, bt)))
    lines, branches = pct(domain[0], domain[1]), pct(domain[2], domain[3])
    print("\ndomain (model/ without torchbridge/): lines %.1f%% (target %.0f%%), branches %.1f%% (target %.0f%%)"
          % (lines, LINE_TARGET, branches, BRANCH_TARGET))
    print("report: %s" % os.path.join(out, "index.html"))


if __name__ == "__main__":
    main()
