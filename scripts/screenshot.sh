#!/usr/bin/env bash
# Regenerates docs/screenshot.png, the README's picture: a real Torchscope window under Xvfb on a
# torchvision resnet18 saved whole with layer1 frozen, the whole model's histogram showing.
# Needs a build (scripts/dev.sh run or test), xvfb-run, ImageMagick's `import` and /usr/bin/python3 with
# torchvision. Usage: scripts/screenshot.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build}"
python="${TORCHSCOPE_PYTHON:-/usr/bin/python3}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$python" - "$work/resnet18.pt" <<'PY'
import sys, torch, torchvision
torch.manual_seed(0)
model = torchvision.models.resnet18(num_classes=10)
for p in model.layer1.parameters():
    p.requires_grad = False
torch.save(model, sys.argv[1])
PY
# A fresh settings folder: the picture shows the defaults, not this machine's last session.
export XDG_CONFIG_HOME="$work/config"
xvfb-run -a -s "-screen 0 1280x800x24" sh -c \
    '"$0" "$1" & sleep 8; import -window root -crop 1200x760+0+0 "$2"; kill $!' \
    "$build/bin/torchscope" "$work/resnet18.pt" "$here/docs/screenshot.png"
echo "wrote $here/docs/screenshot.png"
