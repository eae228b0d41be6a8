"""Histograms of 100M values: Torchscope's kernel vs torch.histc vs numpy.histogram, in one run.

Writes 100M float32 and 100M bfloat16 normal values to a temporary safetensors-style file, then
reports the best of three runs of each (data range, 100 bins) and the ratios, and the floor: one
streaming pass over the same bytes on all cores (a sum of their 64-bit words).
Usage: /usr/bin/python3 tests/bench/bench_histogram.py build/bin/bench_histogram [MILLIONS]
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import torch


def best_of(fn, repeats=3):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def write_safetensors(path, name, tensor, code):
    data = tensor.contiguous().view(torch.int16).numpy().tobytes() if tensor.dtype == torch.bfloat16 \
        else tensor.contiguous().numpy().tobytes()
    header = json.dumps({name: {"dtype": code, "shape": list(tensor.shape), "data_offsets": [0, len(data)]}}).encode()
    header += b" " * ((8 - len(header) % 8) % 8)
    with open(path, "wb") as f:
        f.write(len(header).to_bytes(8, "little"))
        f.write(header)
        f.write(data)


def main():
    bench = sys.argv[1]
    millions = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    bins = 100
    torch.manual_seed(0)
    values = torch.randn(millions * 1_000_000)
    print("threads: torch %d, this machine %d cores" % (torch.get_num_threads(), os.cpu_count()))
    print("%-9s %12s %12s %12s %14s %14s %12s %12s" % ("dtype", "ours s", "histc s", "numpy s", "histc/ours",
                                                     "numpy/ours", "floor s", "ours/floor"))
    with tempfile.TemporaryDirectory() as tmp:
        for dtype, code in ((torch.float32, "F32"), (torch.bfloat16, "BF16")):
            t = values.to(dtype)
            path = os.path.join(tmp, "values.safetensors")
            write_safetensors(path, "v", t, code)
            out = subprocess.run([bench, path, "v", str(bins)], check=True, capture_output=True, text=True).stdout
            ours = float(out.split()[1])
            floor = float(out.split()[out.split().index("floor") + 1])
            note = ""
            try:
                histc = best_of(lambda: torch.histc(t, bins=bins))
            except RuntimeError:
                as_float = t.float()
                histc = best_of(lambda: torch.histc(as_float, bins=bins))
                note = " (histc on a float32 copy: no bfloat16 kernel)"
            array = t.float().numpy() if dtype == torch.bfloat16 else t.numpy()
            numpy_s = best_of(lambda: np.histogram(array, bins=bins))
            print("%-9s %12.3f %12.3f %12.3f %13.1fx %13.1fx %12.3f %11.1fx%s"
                  % (str(dtype).replace("torch.", ""), ours, histc, numpy_s, histc / ours, numpy_s / ours, floor,
                     ours / floor, note))
            os.remove(path)


if __name__ == "__main__":
    main()
