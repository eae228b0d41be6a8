"""Opening big checkpoints: Torchscope vs real PyTorch, in one run.

Writes a >= 1 GiB state_dict (torch.save), a >= 1 GiB TorchScript model (torch.jit.save) and two
module-heavy torch.save(model) pickles (15,001 and 60,001 tiny modules) into a temporary folder, then
times, each in a fresh process, torch.load / torch.jit.load against Torchscope's open to a full module
tree and parameter table, against `torchscope-cli info --json`, and against the real main window
(bench_gui_open, offscreen: from openFile, as the file dialog closing calls it, to the window painted
with the tree, table and totals), and reports time and peak resident memory, best of three. Python's
start-up and `import torch` are timed alone and subtracted for the net ratios. With the modern peer
(TORCHSCOPE_PEER_PYTHON, as scripts/dev.sh test sets it; scripts/peer-env.sh prints it) PyTorch 2.15 is
timed too: torch.load (weights_only=False where the file is a pickled model) and torch.load(f, mmap=True),
its fastest way to open a zip checkpoint. Usage:
TORCHSCOPE_PEER_PYTHON=$(scripts/peer-env.sh) /usr/bin/python3 tests/bench/bench_open.py build/bin/bench_open [GiB]
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


def timed(argv):
    """Wall seconds of one run of argv in a fresh process, output discarded."""
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def gui_open_seconds(gui, path):
    """What bench_gui_open measured inside the window's process (its start-up not counted)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([gui, path], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                          env=env, check=True)
    return float(proc.stdout.split()[1]) / 1000


def best_of(times, argv):
    """The fastest of `times` runs of run(argv): (seconds, peak RSS bytes of that run)."""
    return min(run(argv) for _ in range(times))


def module_heavy(blocks):
    """Thousands of tiny modules, as a deep model saved whole holds: 3 * blocks + 1 of them."""
    return nn.Sequential(*[nn.Sequential(nn.Linear(4, 4), nn.LayerNorm(4)) for _ in range(blocks)])


def main():
    bench_open = sys.argv[1]
    cli = os.path.join(os.path.dirname(bench_open), "torchscope-cli")
    gui = os.path.join(os.path.dirname(bench_open), "bench_gui_open")
    gib = float(sys.argv[2]) if len(sys.argv) > 2 else 1.05
    python = sys.executable
    modern = os.environ.get("TORCHSCOPE_PEER_PYTHON")
    with tempfile.TemporaryDirectory() as tmp:
        torch.manual_seed(0)
        model = Big(gib).eval()
        files = {
            "state_dict": (os.path.join(tmp, "big_state_dict.pt"), "torch.load(%r)"),
            "torchscript": (os.path.join(tmp, "big_script.pt"), "torch.jit.load(%r)"),
            "15,001 modules": (os.path.join(tmp, "modules_15001.pt"), "torch.load(%r)"),
            "60,001 modules": (os.path.join(tmp, "modules_60001.pt"), "torch.load(%r)"),
        }
        torch.save(model.state_dict(), files["state_dict"][0])
        torch.jit.save(torch.jit.script(model), files["torchscript"][0])
        del model
        torch.save(module_heavy(5000), files["15,001 modules"][0])
        torch.save(module_heavy(20000), files["60,001 modules"][0])
        # Python's own start-up and `import torch`, paid before torch.load can start: measured alone
        # (best of three) and taken off PyTorch's times for the net ratio.
        startup = min(run([python, "-c", "import torch; " + PEAK_RSS])[0] for _ in range(3))
        print("Python start-up + import torch: %.3f s (PyTorch %s)" % (startup, torch.__version__))
        if modern:
            modern_startup = min(run([modern, "-c", "import torch; " + PEAK_RSS])[0] for _ in range(3))
            version = subprocess.run([modern, "-c", "import torch; print(torch.__version__)"],
                                     stdout=subprocess.PIPE, text=True, check=True).stdout.strip()
            print("Modern peer start-up + import torch: %.3f s (PyTorch %s)" % (modern_startup, version))
        print("%-15s %6s %9s %9s %9s %9s %8s %10s %10s %9s %9s %8s" % (
            "file", "MiB", "torch s", "net s", "ours s", "info s", "gui s", "ours/raw", "ours/net", "info/net",
            "torch RSS", "our RSS"))
        for name, (path, loader) in files.items():
            size = os.path.getsize(path)
            # Warm the page cache for both sides alike.
            with open(path, "rb") as f:
                while f.read(1 << 24):
                    pass
            torch_s, torch_rss = best_of(3, [python, "-c", "import torch; m = " + loader % path + "; " + PEAK_RSS])
            ours_s, ours_rss = best_of(3, [bench_open, path])
            info_s = min(timed([cli, "info", path, "--json"]) for _ in range(3))
            gui_s = min(gui_open_seconds(gui, path) for _ in range(3))
            net = max(torch_s - startup, 1e-3)
            print("%-15s %6.0f %9.3f %9.3f %9.3f %9.3f %8.3f %9.3fx %9.3fx %8.3fx %8.0fM %7.0fM" % (
                name, size / (1 << 20), torch_s, net, ours_s, info_s, gui_s, ours_s / torch_s, ours_s / net,
                info_s / net, torch_rss / (1 << 20), ours_rss / (1 << 20)))
            if modern:
                # PyTorch 2.15 in-process, net of its own start-up: plain, and memory-mapped.
                whole = "modules" in name
                plain = "torch.load(%r, weights_only=%s)" % (path, not whole) if loader.startswith("torch.load") \
                    else loader % path
                modern_s, modern_rss = best_of(3, [modern, "-c", "import torch; m = " + plain + "; " + PEAK_RSS])
                modern_net = max(modern_s - modern_startup, 1e-3)
                line = "  2.15: torch %.3f s, net %.3f s, ours/net %.3fx, info/net %.3fx, RSS %.0fM" % (
                    modern_s, modern_net, ours_s / modern_net, info_s / modern_net, modern_rss / (1 << 20))
                if loader.startswith("torch.load"):
                    mapped = "torch.load(%r, mmap=True, weights_only=%s)" % (path, not whole)
                    mmap_s, mmap_rss = best_of(3, [modern, "-c", "import torch; m = " + mapped + "; " + PEAK_RSS])
                    mmap_net = max(mmap_s - modern_startup, 1e-3)
                    line += "; mmap=True: %.3f s, net %.3f s, ours/net %.3fx, info/net %.3fx, RSS %.0fM" % (
                        mmap_s, mmap_net, ours_s / mmap_net, info_s / mmap_net, mmap_rss / (1 << 20))
                print(line)
        print("ours: bench_open's process (open to a populated tree and table); info: torchscope-cli info --json;")
        print("gui: the main window from openFile to painted with tree, table and totals (target <= 1 s).")


if __name__ == "__main__":
    main()
