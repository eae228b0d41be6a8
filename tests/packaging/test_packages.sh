#!/usr/bin/env bash
# The Debian packages as a user gets them: builds them with CPack from BUILD_DIR, checks them
# with lintian (no errors), desktop-file-validate and appstreamcli, installs them with apt-get, runs the
# installed torchscope-cli on a checkpoint PyTorch wrote and the installed GUI offscreen, checks that a
# .safetensors file is ours by MIME type and default application, then removes them.
# Needs root for apt-get: exits 77 (skipped) with a message otherwise.
# Usage: tests/packaging/test_packages.sh [BUILD_DIR]   (default: build/; ctest passes its own)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$(cd "${1:-$here/build}" && pwd)"
python="${TORCHSCOPE_PYTHON:-/usr/bin/python3}"

if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: installing the packages needs root (apt-get install); run this as root to test them"
    exit 77
fi
for tool in lintian desktop-file-validate appstreamcli xdg-mime update-mime-database; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed (scripts/dev.sh test installs it)"
        exit 77
    fi
done

# The DEB generator installs under /usr whatever the build's prefix; the programs find the bridge
# beside them, in ../lib/torchscope, or where the build's prefix put it.
cmake --build "$build" >/dev/null
rm -f "$build"/*.deb
(cd "$build" && cpack -G DEB >/dev/null)
main=$(ls "$build"/torchscope_*.deb)
bridge=$(ls "$build"/torchscope-torchscript_*.deb)

echo "== lintian"
lintian --fail-on error --suppress-tags-from-file /dev/null "$main" "$bridge"
desktop-file-validate "$here/resources/torchscope.desktop"
appstreamcli validate --no-net "$here/resources/io.github.torchscope.Torchscope.metainfo.xml" >/dev/null

echo "== dependencies"
main_depends=$(dpkg-deb -f "$main" Depends)
echo "torchscope: Depends: $main_depends"
echo "torchscope: Recommends: $(dpkg-deb -f "$main" Recommends)"
echo "torchscope-torchscript: Depends: $(dpkg-deb -f "$bridge" Depends)"
if grep -q torch <<<"${main_depends//torchscope/}"; then
    echo "FAIL: torchscope depends on LibTorch"
    exit 1
fi
grep -q "libtorch" <<<"$(dpkg-deb -f "$bridge" Depends)" || { echo "FAIL: the bridge does not depend on LibTorch"; exit 1; }
grep -q "torchscope-torchscript" <<<"$(dpkg-deb -f "$main" Recommends)" || { echo "FAIL: no Recommends"; exit 1; }

work=$(mktemp -d)
cleanup() {
    apt-get remove -y -q torchscope torchscope-torchscript >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "== install"
# apt-get wants paths with a slash to take them as files.
(cd "$build" && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "./$(basename "$main")" "./$(basename "$bridge")" >/dev/null)

echo "== installed torchscope-cli"
# The installed programs find the installed bridge themselves, not the build's.
unset TORCHSCOPE_TORCH_BRIDGE
"$python" - "$work/model.pt" <<'PY'
import sys, torch, torch.nn as nn
torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 26 * 26, 10))
torch.save(model.state_dict(), sys.argv[1])
PY
info=$(/usr/bin/torchscope-cli info "$work/model.pt" --json)
grep -q '"3.weight"' <<<"$info" || { echo "FAIL: info does not list 3.weight"; exit 1; }
/usr/bin/torchscope-cli example -o "$work/example.pt"
# With the bridge installed, an entire model is written as TorchScript.
/usr/bin/torchscope-cli export "$work/example.pt" -o "$work/frozen.pt" --entire-model --freeze 'layer1.*'
/usr/bin/torchscope-cli export "$work/model.pt" -o "$work/model.safetensors" --weights-only

echo "== installed GUI, offscreen"
QT_QPA_PLATFORM=offscreen /usr/bin/torchscope "$work/model.pt" &
gui=$!
sleep 3
if ! kill -0 "$gui" 2>/dev/null; then
    echo "FAIL: the installed GUI exited"
    exit 1
fi
kill "$gui"
wait "$gui" 2>/dev/null || true

echo "== without the bridge"
apt-get remove -y -q torchscope-torchscript >/dev/null
/usr/bin/torchscope-cli info "$work/frozen.pt" >/dev/null # TorchScript still opens with our reader
if /usr/bin/torchscope-cli export "$work/frozen.pt" -o "$work/again.pt" --entire-model 2>"$work/err"; then
    echo "FAIL: an entire-model TorchScript save worked without the bridge"
    exit 1
fi
grep -q "install the torchscope-torchscript package" "$work/err" || { cat "$work/err"; exit 1; }
/usr/bin/torchscope-cli export "$work/frozen.pt" -o "$work/weights.pt" --weights-only

echo "== MIME types"
filetype=$(XDG_UTILS_DEBUG_LEVEL=0 xdg-mime query filetype "$work/model.safetensors")
default=$(xdg-mime query default application/x-safetensors)
echo "$work/model.safetensors: $filetype, opened by $default"
[ "$filetype" = "application/x-safetensors" ] || { echo "FAIL: .safetensors is $filetype"; exit 1; }
[ "$default" = "torchscope.desktop" ] || { echo "FAIL: the default for safetensors is '$default'"; exit 1; }
# A .bin is any binary: a PyTorch one is known by its content (a torch.save zip, or the legacy magic).
cp "$work/model.pt" "$work/pytorch_model.bin"
"$python" -c "import sys, torch; torch.save({'w': torch.ones(2)}, sys.argv[1], _use_new_zipfile_serialization=False)" \
    "$work/legacy_model.bin"
head -c 4096 /dev/urandom >"$work/random.bin"
for file in model.pt pytorch_model.bin legacy_model.bin; do
    type=$(xdg-mime query filetype "$work/$file")
    [ "$type" = "application/x-pytorch-checkpoint" ] || { echo "FAIL: $file is $type"; exit 1; }
done
[ "$(xdg-mime query filetype "$work/random.bin")" != "application/x-pytorch-checkpoint" ] ||
    { echo "FAIL: any .bin is taken for a checkpoint"; exit 1; }
echo "OK: packages build, pass lintian, install, run and open their files"
