#!/usr/bin/env bash
# Set up, build and either start Torchscope or run its tests, on a fresh Debian 12 machine.
#   scripts/dev.sh run [FILE]   install what is missing, build, start the GUI (on the example model)
#   scripts/dev.sh test         install what is missing, build, run the whole test suite (and lint)
#   scripts/dev.sh lint         check formatting (clang-format) and run clang-tidy over every source
#   scripts/dev.sh format       apply clang-format to every source
#   scripts/dev.sh coverage     build with --coverage into build-coverage/, run the suite, print line and
#                               branch coverage per folder (gcovr), HTML report in build-coverage/coverage/
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${TORCHSCOPE_BUILD_DIR:-$here/build}"
mode="${1:-}"
[ $# -gt 0 ] && shift
case "$mode" in
    run|test|lint|format|coverage) ;;
    *) echo "usage: scripts/dev.sh run [FILE] | test | lint | format | coverage" >&2; exit 2 ;;
esac

packages=(
    cmake ninja-build ccache g++ pkg-config zlib1g-dev
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libgl-dev
    libqcustomplot-dev libtorch-dev libhwy-dev libeigen3-dev libisal-dev libzstd-dev
    python3-torch python3-torchvision python3-numpy
    python3-venv
    xvfb xauth fonts-dejavu-core fonts-noto-cjk qt6-translations-l10n
    dpkg-dev lintian desktop-file-utils appstream shared-mime-info xdg-utils libfile-mimeinfo-perl
    clang-14 libclang-rt-14-dev clang-format-14 clang-tidy-14
)
[ "$mode" = coverage ] && packages+=(gcovr)
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

# Sources the tools look at: what git tracks (or, outside a checkout, what find sees).
sources() {
    if git -C "$here" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git -C "$here" ls-files '*.cpp' '*.h' | sed "s#^#$here/#"
    else
        find "$here/app" "$here/model" "$here/widgets" "$here/tests" -name '*.cpp' -o -name '*.h'
    fi
}

if [ "$mode" = format ]; then
    sources | xargs clang-format-14 -i
    exit 0
fi

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
if [ "$mode" = coverage ]; then
    coverage_build="$here/build-coverage"
    cmake -S "$here" -B "$coverage_build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTORCHSCOPE_COVERAGE=ON "${launcher[@]}"
    cmake --build "$coverage_build"
    find "$coverage_build" -name '*.gcda' -delete
    QT_QPA_PLATFORM=offscreen ctest --test-dir "$coverage_build" --output-on-failure --timeout 900 -j 2
    exec python3 "$here/scripts/coverage-report.py" "$here" "$coverage_build"
fi

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}"
cmake --build "$build"

if [ "$mode" = run ]; then
    # Without a file, the built-in example, so there is a model to look at on the first start.
    [ $# -eq 0 ] && set -- --example
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "No display found: starting under xvfb-run (invisible). Set DISPLAY to see the window." >&2
        exec xvfb-run -a -s "-screen 0 1280x800x24" "$build/bin/torchscope" "$@"
    fi
    exec "$build/bin/torchscope" "$@"
fi

lint() {
    echo "== clang-format: checking $(sources | wc -l) files"
    if ! sources | xargs clang-format-14 --dry-run --Werror; then
        echo "clang-format: the files above drift from .clang-format (scripts/dev.sh format fixes them)" >&2
        return 1
    fi
    if ! python3 "$here/scripts/check-includes.py"; then
        echo "include check: add the standard headers above" >&2
        return 1
    fi
    # clang-tidy with the checks in .clang-tidy, over every translation unit of ours (not the fuzz
    # targets, which only build with the sanitizer toolchain), two at a time.
    local units
    units=$(sources | grep '\.cpp$' | grep -v '/tests/fuzz/')
    echo "== clang-tidy: $(echo "$units" | wc -l) translation units"
    if ! echo "$units" | xargs -n 4 -P 2 clang-tidy-14 -p "$build" --quiet \
            --header-filter="^$here/(app|model|widgets|tests)/" 2>/dev/null >"$build/clang-tidy.log"; then
        grep -E "(warning|error):" "$build/clang-tidy.log" | sort -u >&2
        echo "clang-tidy: findings above" >&2
        return 1
    fi
    echo "lint: 3 passed, 0 failed"
}

if [ "$mode" = lint ]; then
    lint
    exit $?
fi

# The modern peer (tests/python/requirements.txt: PyTorch 2.x from PyPI) in a virtual environment outside
# the checkout, found by the tests through TORCHSCOPE_PEER_PYTHON. In CI a peer that cannot be
# installed fails the run; a developer without network gets the tests that need it skipped, by name.
if peer_python="$(bash "$here/scripts/peer-env.sh")"; then
    export TORCHSCOPE_PEER_PYTHON="$peer_python"
    echo "Modern peer: $("$peer_python" -c 'import torch; print("PyTorch", torch.__version__)')"
elif [ "${CI:-}" = true ]; then
    echo "The modern PyTorch peer could not be installed (see above); CI needs it." >&2
    exit 1
else
    echo "The modern PyTorch peer could not be installed: the tests judged by PyTorch 2.x are skipped" \
         "(QSKIP lines name them)." >&2
fi

export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure --timeout 900 -j 2
# The readers under AddressSanitizer/UBSan with libFuzzer: a fixed-seed smoke run (scripts/fuzz.sh 3600
# for a long random one).
bash "$here/scripts/fuzz.sh" ${TORCHSCOPE_FUZZ_SECONDS:+"$TORCHSCOPE_FUZZ_SECONDS"}
lint
