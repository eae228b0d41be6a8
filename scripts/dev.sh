#!/usr/bin/env bash
# Set up, build and either start Torchscope or run its tests, on a fresh Debian 12 machine.
#   scripts/dev.sh run [FILE]   install what is missing, build, start the GUI (on the example model)
#   scripts/dev.sh test         install what is missing, build, run the whole test suite
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${TORCHSCOPE_BUILD_DIR:-$here/build}"
mode="${1:-}"
[ $# -gt 0 ] && shift
case "$mode" in
    run|test) ;;
    *) echo "usage: scripts/dev.sh run [FILE] | test" >&2; exit 2 ;;
esac

packages=(
    cmake ninja-build ccache g++ pkg-config zlib1g-dev
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libgl-dev
    libqcustomplot-dev libtorch-dev
    python3-torch python3-torchvision python3-numpy
    xvfb xauth fonts-dejavu-core
    clang-14 libclang-rt-14-dev
)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "Installing: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q
        apt-get install -y -q --no-install-recommends "${missing[@]}"
    else
        echo "Missing packages. Run this, then try again:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi
fi

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}"
cmake --build "$build"

if [ "$mode" = run ]; then
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "No display found: starting under xvfb-run (invisible). Set DISPLAY to see the window." >&2
        exec xvfb-run -a -s "-screen 0 1280x800x24" "$build/bin/torchscope" "$@"
    fi
    exec "$build/bin/torchscope" "$@"
fi

export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure --timeout 900 -j 2
# The readers under AddressSanitizer/UBSan with libFuzzer: a fixed-seed smoke run (scripts/fuzz.sh 3600
# for a long random one).
bash "$here/scripts/fuzz.sh" ${TORCHSCOPE_FUZZ_SECONDS:+"$TORCHSCOPE_FUZZ_SECONDS"}
