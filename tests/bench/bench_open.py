"""Opening big checkpoints: Torchscope vs real PyTorch, in one run.

Writes a >= 1 GiB state_dict (torch.save) and a >= 1 GiB TorchScript model (torch.jit.save) into a
temporary folder, then times, each in a fresh process, torch.load / torch.jit.load against
Torchscope's open to a full module tree and parameter table, and reports time and peak resident
memory ratios. Usage: /usr/bin/python3 tests/bench/bench_open.py build/bin/bench_open [GiB]
"""
import os
import subprocess
import sys
import tempfile
import time

import torch
import torch.nn as nn


class Big(nn.Module):
    def __init__(self, gib):
        super().__init__()
        width = 4096
        layers = max(1, int(gib * (1 << 30) / (width * width * 4)) + 1)
        self.blocks = nn.Sequential(*[nn.Sequential(nn.Linear(width, width), nn.LayerNorm(width))
                                      for _ in range(layers)])

    def forward(self, x):
        return self.blocks(x)


PEAK_RSS = ("import re; print('peak_rss_kib', re.search(r'VmHWM:\\s*(\\d+)', "
            "open('/proc/self/status').read()).group(1))")


def run(argv):
    """Runs a command in a fresh process; returns (wall seconds, peak RSS bytes).

    The child reports its own VmHWM: rusage of a forked child would count the parent's pages."""
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit("failed: %s\n%s" % (" ".join(argv), proc.stderr))
    peak = [line.split()[1] for line in proc.stdout.splitlines() if line.startswith("peak_rss_kib")]
    return elapsed, int(peak[0]) * 1024


def main():
    bench_open = sys.argv[1]
    gib = float(sys.argv[2]) if len(sys.argv) > 2 else 1.05
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        torch.manual_seed(0)
        model = Big(gib).eval()
        files = {
            "state_dict": (os.path.join(tmp, "big_state_dict.pt"), "torch.load(%r)"),
            "torchscript": (os.path.join(tmp, "big_script.pt"), "torch.jit.load(%r)"),
        }
        torch.save(model.state_dict(), files["state_dict"][0])
        torch.jit.save(torch.jit.script(model), files["torchscript"][0])
        del model
        print("%-12s %9s %10s %10s %10s %10s %8s %8s" % ("file", "GiB", "torch s", "ours s", "time %",
                                                        "torch RSS", "our RSS", "RSS/file"))
        for name, (path, loader) in files.items():
            size = os.path.getsize(path)
            # Warm the page cache for both sides alike.
            with open(path, "rb") as f:
                while f.read(1 << 24):
                    pass
            torch_s, torch_rss = run([python, "-c", "import torch; m = " + loader % path + "; " + PEAK_RSS])
            ours_s, ours_rss = run([bench_open, path])
            print("%-12s %9.2f %10.3f %10.3f %9.2f%% %9.0fM %9.0fM %7.1f%%" % (
                name, size / (1 << 30), torch_s, ours_s, 100 * ours_s / torch_s,
                torch_rss / (1 << 20), ours_rss / (1 << 20), 100 * ours_rss / size))
        print("Times include process start-up on both sides (Python + import torch vs a Qt executable).")


if __name__ == "__main__":
    main()
