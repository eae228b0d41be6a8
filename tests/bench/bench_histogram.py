"""Histograms of 100M values: Torchscope's kernel vs torch.histc vs numpy.histogram, in one run.

Writes 100M float32, float16 and bfloat16 normal values to a temporary safetensors file, then reports
the best of three runs of each (data range, 100 bins) and the ratios: the kernel against the floor (one
streaming pass over the same bytes on all cores, a sum of their 64-bit words), and the whole
`torchscope-cli hist` process (start-up, reading, statistics, counting, output) against torch.histc in
this process (for the 16-bit dtypes on a float32 copy, the conversion not timed: histc has no bfloat16
kernel). Then a whole model: a 1.4 GB float32 state_dict, its pooled histogram (`hist FILE ""`, every
parameter) against `cat FILE > /dev/null`, both with the file in the page cache.
With the modern peer (tests/bench/modernpeer.py) torch.histc of PyTorch 2.15 is timed too, in its own
process on the same values read from the same file.
Usage: TORCHSCOPE_PEER_PYTHON=$(scripts/peer-env.sh) /usr/bin/python3 tests/bench/bench_histogram.py
       build/bin/bench_histogram [MILLIONS]
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import torch

import modernpeer


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


def best_process(command, repeats=3):
    def run():
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return best_of(run, repeats)


def main():
    bench = sys.argv[1]
    cli = os.path.join(os.path.dirname(os.path.abspath(bench)), "torchscope-cli")
    millions = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    bins = 100
    torch.manual_seed(0)
    values = torch.randn(millions * 1_000_000)
    print("threads: torch %d, this machine %d cores" % (torch.get_num_threads(), os.cpu_count()))
    print("%-9s %9s %9s %9s %11s %11s %9s %11s %9s %12s" % ("dtype", "ours s", "histc s", "numpy s", "histc/ours",
                                                           "numpy/ours", "floor s", "ours/floor", "cli s",
                                                           "histc/cli"))
    with tempfile.TemporaryDirectory() as tmp:
        for dtype, code in ((torch.float32, "F32"), (torch.float16, "F16"), (torch.bfloat16, "BF16")):
            t = values.to(dtype)
            path = os.path.join(tmp, "values.safetensors")
            write_safetensors(path, "v", t, code)
            # Seven runs of the kernel and of the floor, best of each: both vary by 2x run to run here.
            out = subprocess.run([bench, path, "v", str(bins), "7"], check=True, capture_output=True, text=True).stdout
            ours = float(out.split()[1])
            floor = float(out.split()[out.split().index("floor") + 1])
            note = ""
            cli_s = best_process([cli, "hist", path, "v", "--bins", str(bins), "--json"])
            try:
                histc = best_of(lambda: torch.histc(t, bins=bins))
            except RuntimeError:
                as_float = t.float()
                histc = best_of(lambda: torch.histc(as_float, bins=bins))
                note = " (histc on a float32 copy)"
            array = t.numpy() if dtype == torch.float32 else t.float().numpy()
            numpy_s = best_of(lambda: np.histogram(array, bins=bins))
            print("%-9s %9.3f %9.3f %9.3f %10.1fx %10.1fx %9.3f %10.1fx %9.3f %11.1fx%s"
                  % (str(dtype).replace("torch.", ""), ours, histc, numpy_s, histc / ours, numpy_s / ours, floor,
                     ours / floor, cli_s, histc / cli_s, note))
            modern = modernpeer.seconds(
                "from safetensors.torch import load_file\nt = load_file(%r)['v']\n"
                "t = t if t.dtype == torch.float32 else t.float()" % path,
                "torch.histc(t, bins=%d)" % bins)
            if modern:
                print("  PyTorch %s: torch.histc %.3f s, histc/ours %.1fx, histc/cli %.1fx"
                      % (modern[0], modern[1], modern[1] / ours, modern[1] / cli_s))
            os.remove(path)

        # A whole model's pooled histogram against reading its file once.
        model = os.path.join(tmp, "model.pt")
        state = {"layers.%d.weight" % i: torch.randn(5_000_000) * 0.02 for i in range(70)}
        torch.save(state, model)
        del state
        size = os.path.getsize(model)
        subprocess.run(["cat", model], check=True, stdout=subprocess.DEVNULL)  # into the page cache
        cat_s = best_process(["cat", model])
        pooled_s = best_process([cli, "hist", model, "", "--bins", str(bins), "--json"])
        print("whole model: %.2f GB, 70 float32 tensors; cat %.3f s, torchscope-cli hist (pooled) %.3f s = %.2fx cat"
              % (size / 1e9, cat_s, pooled_s, pooled_s / cat_s))


if __name__ == "__main__":
    main()
