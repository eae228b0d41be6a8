"""Comparing two big checkpoints: Torchscope vs real PyTorch vs `cat`, in one run.

Writes two 1.4 GB state_dicts (torch.save) of 70 float32 tensors that differ in every other tensor
(a fine-tuning step's worth of noise), warms the page cache, then times, best of three:
  cat A B > /dev/null                  the floor: reading both files once
  bench_diff A B                       Torchscope: open both, match names, compare every element
  PyTorch, in this process             torch.load both, then per tensor torch.equal and, where they
                                       differ, max/mean |a-b|, ||a-b||/||a||, changed fraction, cosine
and prints the ratios and Torchscope's peak RssAnon against one file's size.
With the modern peer (tests/bench/modernpeer.py) PyTorch 2.15 runs the same load and compare in its own
process.
Usage: TORCHSCOPE_PEER_PYTHON=$(scripts/peer-env.sh) /usr/bin/python3 tests/bench/bench_diff.py
       build/bin/bench_diff [GB]
"""
import os
import subprocess
import sys
import tempfile
import time

import torch

import modernpeer


def best_of(runs, fn):
    return min(fn() for _ in range(runs))


def timed(argv, stdout=subprocess.DEVNULL):
    start = time.perf_counter()
    subprocess.run(argv, stdout=stdout, check=True)
    return time.perf_counter() - start


def torch_diff(a_path, b_path):
    start = time.perf_counter()
    a = torch.load(a_path)
    b = torch.load(b_path)
    loaded = time.perf_counter()
    report = {}
    for name, x in a.items():
        y = b[name]
        if torch.equal(x, y):
            report[name] = ("identical",)
            continue
        xd, yd = x.double(), y.double()
        d = (xd - yd).abs()
        norm_a = xd.norm()
        report[name] = ("changed", d.max().item(), d.mean().item(), (d.norm() / norm_a).item(),
                        (x != y).double().mean().item(),
                        ((xd * yd).sum() / (norm_a * yd.norm())).item())
    end = time.perf_counter()
    return end - start, loaded - start, report


def main():
    bench = sys.argv[1]
    gb = float(sys.argv[2]) if len(sys.argv) > 2 else 1.4
    tensors = 70
    per_tensor = int(gb * 1e9 / 4 / tensors)
    with tempfile.TemporaryDirectory() as tmp:
        a_path, b_path = os.path.join(tmp, "a.pt"), os.path.join(tmp, "b.pt")
        g = torch.Generator().manual_seed(0)
        a = {"layers.%d.weight" % i: torch.randn(per_tensor, generator=g) for i in range(tensors)}
        b = {k: (v + 1e-3 * torch.randn(per_tensor, generator=g) if i % 2 else v)
             for i, (k, v) in enumerate(a.items())}
        torch.save(a, a_path)
        torch.save(b, b_path)
        del a, b
        size = os.path.getsize(a_path)
        for path in (a_path, b_path):  # warm cache for everyone alike
            with open(path, "rb") as f:
                while f.read(1 << 24):
                    pass
        cat_s = best_of(3, lambda: timed(["cat", a_path, b_path]))
        ours = []
        for _ in range(3):
            out = subprocess.run([bench, a_path, b_path], stdout=subprocess.PIPE, text=True, check=True).stdout
            fields = out.split()
            ours.append((float(fields[fields.index("diff_s") + 1]), int(fields[fields.index("peak_rss_anon_kib") + 1]),
                         " ".join(fields[4:8])))
        ours_s = min(o[0] for o in ours)
        anon = max(o[1] for o in ours) * 1024
        torch_runs = [torch_diff(a_path, b_path) for _ in range(3)]
        torch_s, load_s = min((r[0], r[1]) for r in torch_runs)
        print("files: 2 x %.2f GB, %d tensors each, every other one changed (%s)" % (size / 1e9, tensors, ours[0][2]))
        print("%-28s %8s %12s" % ("", "seconds", "vs cat"))
        print("%-28s %8.3f %11.2fx" % ("cat A B > /dev/null", cat_s, 1.0))
        print("%-28s %8.3f %11.2fx" % ("torchscope diff", ours_s, ours_s / cat_s))
        print("%-28s %8.3f %11.2fx  (of which torch.load %.3f s)" % ("PyTorch load + compare", torch_s,
                                                                    torch_s / cat_s, load_s))
        modern = modernpeer.seconds("import sys; sys.path.insert(0, %r); from bench_diff import torch_diff"
                                    % os.path.dirname(os.path.abspath(__file__)),
                                    "torch_diff(%r, %r)" % (a_path, b_path))
        if modern:
            print("%-28s %8.3f %11.2fx" % ("PyTorch %s load + compare" % modern[0], modern[1], modern[1] / cat_s))
        print("PyTorch / torchscope: %.1fx%s;  torchscope peak RssAnon %.1f MB = %.2f%% of one file"
              % (torch_s / ours_s, " (%s: %.1fx)" % (modern[0], modern[1] / ours_s) if modern else "", anon / 1e6,
                 100.0 * anon / size))


if __name__ == "__main__":
    main()
