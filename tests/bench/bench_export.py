"""Weights-only exports of a >= 1 GiB state_dict against torch.save and cp, in one run.

Writes a 1.2 GB float32 state_dict with torch.save (60 tensors), warms the page cache, then times,
best of three, each writing a new file into the same folder and making it durable, since Torchscope's
saves fsync before they rename: torch.save of the loaded state_dict (in-process) then fsync, `cp FILE
OUT && sync OUT`, and `torchscope-cli export` to PyTorch's zip, to safetensors, and to bfloat16 (zip)
as whole processes, sampling each process's RssAnon (its own memory: the mapped source's pages are the
page cache's) every 2 ms. Each run starts after `sync`, so no earlier run's write-back is in the way.
With the modern peer (tests/bench/modernpeer.py) PyTorch 2.15's torch.save (then fsync) is timed too, in its
own process.
Usage: TORCHSCOPE_PEER_PYTHON=$(scripts/peer-env.sh) /usr/bin/python3 tests/bench/bench_export.py
       build/bin/torchscope-cli
"""
import os
import subprocess
import sys
import tempfile
import time

import torch

import modernpeer


def timed_process(argv):
    """Seconds and peak RssAnon (KiB) of a process."""
    os.sync()
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    peak = 0
    status = "/proc/%d/status" % process.pid
    while process.poll() is None:
        try:
            with open(status) as f:
                for line in f:
                    if line.startswith("RssAnon:"):
                        peak = max(peak, int(line.split()[1]))
        except OSError:
            pass
        time.sleep(0.002)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit("%s failed" % argv)
    return seconds, peak


def best(runs):
    return min(runs, key=lambda r: r[0])


def main():
    cli = sys.argv[1]
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        source = os.path.join(tmp, "source.pt")
        torch.manual_seed(0)
        state = {"layers.%d.%s" % (i, name): torch.randn(2000, 2500) for i in range(30) for name in ("w1", "w2")}
        torch.save(state, source)
        os.sync()
        size = os.path.getsize(source)
        subprocess.run(["cat", source], stdout=subprocess.DEVNULL, check=True)
        loaded = torch.load(source)
        out = os.path.join(tmp, "out")
        results = []

        def torch_save():
            os.sync()
            start = time.perf_counter()
            with open(out + ".pt", "wb") as f:
                torch.save(loaded, f)
                f.flush()
                os.fsync(f.fileno())
            return time.perf_counter() - start, 0
        results.append(("torch.save (in-process)", best([torch_save() for _ in range(3)])))
        results.append(("cp", best([timed_process(["sh", "-c", 'cp "$0" "$1" && sync "$1"', source, out + ".cp"])
                                    for _ in range(3)])))
        modern = modernpeer.seconds("import os\nloaded = torch.load(%r)" % source,
                                    "f = open(%r, 'wb'); torch.save(loaded, f); f.flush(); os.fsync(f.fileno()); "
                                    "f.close()" % (out + ".modern.pt"))
        if modern:
            results.append(("torch.save %s (its process)" % modern[0], (modern[1], 0)))
        for label, target, extra in (("ours -> zip", out + ".zip.pt", []),
                                     ("ours -> safetensors", out + ".safetensors", []),
                                     ("ours -> bfloat16 zip", out + ".bf16.pt", ["--dtype", "bfloat16"])):
            results.append((label, best([timed_process([cli, "export", source, "-o", target, "--weights-only"] + extra)
                                         for _ in range(3)])))
        base = dict(results)
        print("state_dict of %.2f GB (%d tensors), torch %d threads" % (size / 1e9, len(state), torch.get_num_threads()))
        print("%-26s %9s %12s %12s %16s" % ("", "seconds", "/torch.save", "/cp", "peak RssAnon"))
        for label, (seconds, peak) in results:
            rss = "%.1f MB (%.2f%%)" % (peak / 1024, 100 * peak * 1024 / size) if peak else "-"
            print("%-26s %9.3f %11.2fx %11.2fx %16s" % (label, seconds, seconds / base["torch.save (in-process)"][0],
                                                          seconds / base["cp"][0], rss))


if __name__ == "__main__":
    main()
