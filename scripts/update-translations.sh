#!/usr/bin/env bash
# Refreshes the Qt Linguist files in translations/ from the sources: new strings appear unfinished (for a
# translator, in Qt Linguist or by hand), strings no longer used are dropped. English keeps only its plurals.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lupdate="${LUPDATE:-/usr/lib/qt6/bin/lupdate}"
cd "$here"
"$lupdate" -silent -locations none -no-obsolete app model widgets \
    -ts translations/torchscope_zh_CN.ts translations/torchscope_de.ts
"$lupdate" -silent -locations none -no-obsolete -pluralonly app model widgets -ts translations/torchscope_en.ts
