"""The tensor inspector against same-run references (issue: values, report, spectrum).

  values    a 1-billion-element bfloat16 tensor (32768 x 32768, a sparse safetensors file): the values
            grid jumps to random pages; decode and paint time per page and RssAnon as pages are
            visited, beside numpy decoding the same page from a memmap of the same file.
  report    the health report of a 1.4 GB float32 state_dict written by torch.save, beside
            `cat FILE > /dev/null` (warm cache) and PyTorch computing the same statistics in-process.
  spectrum  the singular values of a 4096 x 4096 float32 matrix, beside numpy.linalg.svd(w,
            compute_uv=False) in-process on the same values.

Usage: /usr/bin/python3 tests/bench/bench_inspect.py build/bin/bench_inspect [values|report|spectrum]...
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import torch

ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")


def best_of(fn, repeats=3):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def run(argv):
    return subprocess.run(argv, check=True, capture_output=True, text=True, env=ENV).stdout


def field(out, name):
    words = out.split()
    return float(words[words.index(name) + 1])


def values(bench, tmp):
    side = 32768
    header = json.dumps({"w": {"dtype": "BF16", "shape": [side, side], "data_offsets": [0, side * side * 2]}}).encode()
    header += b" " * ((8 - len(header) % 8) % 8)
    # One file each, so neither finds pages the other brought into the page cache.
    paths = [os.path.join(tmp, name) for name in ("ours.safetensors", "numpy.safetensors")]
    for path in paths:
        with open(path, "wb") as f:
            f.write(len(header).to_bytes(8, "little"))
            f.write(header)
            f.truncate(8 + len(header) + side * side * 2)  # a hole: reads as zeros, takes no disk
    out = run([bench, "values", paths[0], "w", "2000"])
    print(out, end="")
    # numpy: the same page (40 x 12 cells) sliced from a memmap, widened to float32 and formatted.
    words = out.split()
    rows, columns = int(words[words.index("page") + 1]), int(words[words.index("page") + 3])
    data = np.memmap(paths[1], dtype=np.uint16, mode="r", offset=8 + len(header), shape=(side, side))
    rng = np.random.default_rng(42)
    times = []
    for _ in range(2000):
        r, c = rng.integers(0, side - rows), rng.integers(0, side - columns)
        start = time.perf_counter()
        page = (data[r:r + rows, c:c + columns].astype(np.uint32) << 16).view(np.float32)
        text = [format(float(v), ".6g") for v in page.ravel()]
        times.append((time.perf_counter() - start) * 1e3)
    assert text
    times.sort()
    print("numpy page_ms median %.3f p99 %.3f max %.3f" % (times[1000], times[1980], times[-1]))
    print("budget: 16 ms a page (one frame at 60 Hz)")


def report(bench, tmp):
    path = os.path.join(tmp, "big.pt")
    torch.manual_seed(0)
    # 1.4 GB: 48 blocks of a 2048-wide MLP, as a transformer's weights look.
    sd = {}
    for i in range(42):
        sd["layers.%d.fc1.weight" % i] = torch.randn(2048, 2048)
        sd["layers.%d.fc1.bias" % i] = torch.randn(2048)
        sd["layers.%d.fc2.weight" % i] = torch.randn(2048, 2048) * 0.5
        sd["layers.%d.norm.weight" % i] = torch.ones(2048)
    torch.save(sd, path)
    os.sync()  # no write-back of the new file while the readers run
    size = os.path.getsize(path)
    del sd
    subprocess.run(["cat", path], stdout=subprocess.DEVNULL, check=True)  # warm the page cache
    cat = best_of(lambda: subprocess.run(["cat", path], stdout=subprocess.DEVNULL, check=True))
    whole = []
    outs = []

    def ours():
        outs.append(run([bench, "report", path]))
    whole = best_of(ours)
    inner = min(field(o, "report_s") for o in outs)

    loaded = torch.load(path)

    def pytorch():
        for t in loaded.values():
            v = t.double()
            finite = v[torch.isfinite(v)]
            finite.min(), finite.max(), finite.mean(), finite.std(unbiased=False), torch.linalg.vector_norm(finite)
            (v == 0).sum(), torch.isnan(v).sum(), torch.isinf(v).sum()
    torch_s = best_of(pytorch, 1)
    print("report of %.2f GB (%d tensors, torch %d threads): ours %.3f s (whole process %.3f s), cat %.3f s, "
          "PyTorch in-process %.3f s" % (size / 1e9, len(loaded), torch.get_num_threads(), inner, whole, cat, torch_s))
    print("ours / cat: %.2fx (whole process %.2fx);  PyTorch / ours: %.1fx;  ours peak RssAnon %.1f MB"
          % (inner / cat, whole / cat, torch_s / inner, field(outs[0], "peak_rss_anon_kib") / 1024))


def spectrum(bench, tmp, n=4096):
    path = os.path.join(tmp, "w.pt")
    torch.manual_seed(0)
    w = torch.randn(n, n)
    torch.save({"w": w}, path)
    os.sync()
    out = run([bench, "spectrum", path, "w"])
    ours = field(out, "spectrum_s")
    a = w.numpy()
    start = time.perf_counter()
    s = np.linalg.svd(a, compute_uv=False)
    numpy_s = time.perf_counter() - start
    print("spectrum of %d x %d float32: ours %.2f s, numpy.linalg.svd %.2f s (numpy / ours %.1fx); largest "
          "singular value ours %s, numpy %.6g" % (n, n, ours, numpy_s, numpy_s / ours, out.split()[3], s[0]))


def main():
    bench = sys.argv[1]
    which = sys.argv[2:] or ["values", "report", "spectrum"]
    with tempfile.TemporaryDirectory() as tmp:
        for name in which:
            print("== " + name)
            globals()[name](bench, tmp)
            for f in os.listdir(tmp):
                os.remove(os.path.join(tmp, f))


if __name__ == "__main__":
    main()
