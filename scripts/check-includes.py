#!/usr/bin/env python3
"""Reports standard-library names used in a file whose header the file (or, for a .cpp, its own
header) does not include, and includes that cross a boundary of the layout table (docs/architecture.md) (a reader
including the document, the domain including a widget). Run by `scripts/dev.sh lint`; exits 1 on
findings. `--self-test` plants one crossing of each rule in a copy of the sources and fails unless each
is caught (a ctest)."""
import re
import subprocess
import sys
from pathlib import Path

HEADERS = {
    r"std::(unique_ptr|shared_ptr|make_unique|make_shared|weak_ptr)\b": "memory",
    r"std::vector\b": "vector",
    r"std::function\b": "functional",
    r"std::(min|max|sort|stable_sort|any_of|all_of|none_of|find_if|fill|copy|reverse|clamp|max_element|min_element|lower_bound|upper_bound)\b": "algorithm",
    r"std::(memcpy|memcmp|memset|strlen)\b": "cstring",
    r"std::atomic(_bool|_int)?\b": "atomic",
    r"std::(isfinite|isnan|isinf|sqrt|floor|ceil|fabs|abs|pow|log|exp|nextafter|ldexp|frexp|fma|round)\b": "cmath",
    r"std::numeric_limits\b": "limits",
    r"std::thread\b": "thread",
    r"std::(map|multimap)\b": "map",
    r"std::(tuple|tie|get)\b": "tuple",
    r"std::(pair|move|swap|exchange|forward)\b": "utility",
    r"std::(string)\b": "string",
    r"std::(optional|nullopt)\b": "optional",
    r"std::(is_same_v|is_floating_point_v|enable_if_t|conditional_t|is_integral_v|remove_cv_t)\b": "type_traits",
    r"std::(int64_t|uint64_t|int32_t|uint32_t|uint16_t|uint8_t|int8_t|int16_t)\b": "cstdint",
    r"std::(array)\b": "array",
    r"std::(complex)\b": "complex",
}
# Headers that bring another with them by the standard's own guarantee, or whose use is incidental.
IMPLIED = {"utility": {"tuple", "map", "memory", "vector", "algorithm", "functional", "optional", "array", "string"}}


# The layout's boundaries: files under a folder may not include these (docs/architecture.md).
CORE = ("model/tensor/", "model/formats/", "model/stats/", "model/inspect/", "model/diff/", "model/output/", "model/training/", "model/scan/",
        "model/jobs/parallelpass", "model/jobs/progress")
BOUNDARIES = [
    # The core links Qt Core only: no document, item model, job object, bridge or widget.
    (CORE, ("document/", "itemmodels/", "jobs/job.h", "torchbridge/"), "the core includes the document layer"),
    # The domain knows nothing of widgets (and of the CLI).
    (("model/",), ("@widgets", "cli/", "clioptions.h", "clioutput.h"), "the domain includes a widget"),
    # Only the bridge module includes LibTorch.
    (("model/", "widgets/", "app/"), ("torch/", "ATen/", "c10/"), "LibTorch outside the bridge"),
]
# The bridge module and the example's writer, built against LibTorch (not the loader, torchbridge.h/.cpp).
BRIDGE_MODULE = ("model/torchbridge/torchbridgeimpl", "model/torchbridge/examplemodel")


def widget_headers(files):
    return {Path(name).name for name in files if name.startswith("widgets/") and name.endswith(".h")}


def boundary_findings(texts):
    """texts: {path relative to the root: source text}. One line per include that crosses a boundary."""
    widgets = widget_headers(texts)
    findings = []
    for name, text in sorted(texts.items()):
        if name.startswith(BRIDGE_MODULE):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            match = re.match(r'\s*#\s*include\s*[<"]([^>"]+)[>"]', line)
            if not match:
                continue
            included = match.group(1)
            for folders, forbidden, why in BOUNDARIES:
                if not name.startswith(folders):
                    continue
                for prefix in forbidden:
                    hit = included in widgets if prefix == "@widgets" else included.startswith(prefix)
                    if hit:
                        findings.append(f"{name}:{number}: #include \"{included}\": {why}")
    return findings


def self_test(root, files):
    texts = {name: (root / name).read_text(errors="replace") for name in files}
    if boundary_findings(texts):
        print("check-includes self-test: the tree itself crosses a boundary")
        return 1
    plants = [
        ("model/formats/safetensorsreader.cpp", '#include "document/checkpointdocument.h"'),
        ("model/stats/histogramkernel.cpp", '#include "jobs/job.h"'),
        ("model/document/savejob.cpp", '#include "mainwindow.h"'),
        ("model/itemmodels/diffmodels.cpp", '#include "clioutput.h"'),
        ("widgets/mainwindow.cpp", "#include <torch/script.h>"),
    ]
    missed = []
    for name, include in plants:
        planted = dict(texts)
        planted[name] = include + "\n" + texts[name]
        if not any(f.startswith(name + ":1:") for f in boundary_findings(planted)):
            missed.append(f"{name}: {include}")
    for miss in missed:
        print(f"check-includes self-test: not caught: {miss}")
    print(f"check-includes self-test: {len(plants) - len(missed)} of {len(plants)} planted crossings caught")
    return 1 if missed else 0


def includes(path):
    text = path.read_text(errors="replace") if path.exists() else ""
    return set(re.findall(r"#include <([a-z_]+)>", text))


def main():
    root = Path(__file__).resolve().parent.parent
    files = subprocess.run(["git", "-C", str(root), "ls-files", "*.cpp", "*.h"], capture_output=True, text=True).stdout.split()
    if not files:  # outside a checkout
        files = [str(p.relative_to(root)) for d in ("app", "model", "widgets", "tests")
                 for p in (root / d).rglob("*") if p.suffix in (".cpp", ".h")]
    if "--self-test" in sys.argv:
        return self_test(root, files)
    findings = []
    for name in files:
        path = root / name
        text = re.sub(r"//[^\n]*", "", path.read_text(errors="replace"))
        have = includes(path)
        if path.suffix == ".cpp":
            have |= includes(path.with_suffix(".h"))
        for pattern, header in HEADERS.items():
            if header in have or any(header in IMPLIED.get(h, ()) for h in ()):
                continue
            if header == "utility" and have & IMPLIED["utility"]:
                continue
            match = re.search(pattern, text)
            if match:
                line = text[: match.start()].count("\n") + 1
                findings.append(f"{name}:{line}: uses {match.group(0)} without #include <{header}>")
    crossings = boundary_findings({name: (root / name).read_text(errors="replace") for name in files})
    for finding in findings + crossings:
        print(finding)
    print(f"include check: {len(findings)} missing standard includes and {len(crossings)} boundary crossings "
          f"in {len(files)} files")
    findings += crossings
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
