#!/usr/bin/env bash
# Prints the path of a Python with the modern peer (tests/python/requirements.txt) installed, creating
# its virtual environment first when it is missing. The environment lives outside the checkout, in
# ${TORCHSCOPE_PEER_CACHE:-~/.cache/torchscope}/peer-<hash of requirements.txt>, so a second run (and CI
# on the same machine) installs nothing. Progress goes to stderr; exit 1 with the reason on failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
requirements="$here/tests/python/requirements.txt"
cache="${TORCHSCOPE_PEER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/torchscope}"
hash="$(sha256sum "$requirements" | cut -c1-16)"
venv="$cache/peer-$hash"
python="$venv/bin/python"

if [ -x "$python" ] && [ -f "$venv/.complete" ]; then
    echo "$python"
    exit 0
fi
# Torch's wheel pulls the CUDA libraries: several GB unpacked, imported fine without a GPU.
needed_gb=12
mkdir -p "$cache"
free_gb=$(( $(df -Pk "$cache" | awk 'NR == 2 { print $4 }') / 1024 / 1024 ))
if [ "$free_gb" -lt "$needed_gb" ]; then
    echo "peer-env: $cache has ${free_gb} GB free; installing the modern PyTorch peer needs about ${needed_gb} GB" >&2
    exit 1
fi
rm -rf "$venv"
echo "peer-env: creating $venv from $requirements" >&2
/usr/bin/python3 -m venv "$venv" >&2
for attempt in 1 2 3; do
    if "$python" -m pip install --quiet --disable-pip-version-check --no-input -r "$requirements" >&2; then
        touch "$venv/.complete"
        # Older environments of other requirement files are dead weight (gigabytes each).
        find "$cache" -maxdepth 1 -name 'peer-*' ! -name "peer-$hash" -exec rm -rf {} + 2>/dev/null || true
        echo "$python"
        exit 0
    fi
    echo "peer-env: pip install failed (attempt $attempt of 3)" >&2
    sleep $((attempt * 10))
done
echo "peer-env: could not install $requirements from PyPI" >&2
exit 1
