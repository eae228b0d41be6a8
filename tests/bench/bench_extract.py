"""Extracting the model's weights from a >= 1 GiB training checkpoint (the model plus Adam's state, about
3x the model) against PyTorch's way, in one run.

Writes with torch.save a training checkpoint {"epoch", "model": state_dict, "optimizer": Adam after one
step} of a 350 MB float32 model, warms the page cache, then times, best of three, each writing a new file
and making it durable (Torchscope's saves fsync before they rename): torch.load of the checkpoint then
torch.save(ckpt["model"]) and fsync, in-process (Debian's PyTorch 1.13) and, with the modern peer, in
PyTorch 2.15's own process; `head -c` of the model part's byte count from the checkpoint, then sync, the
floor for moving that many bytes; and `torchscope-cli export CKPT -o OUT --weights-only`, which takes the
model part by default, as a whole process, sampling its RssAnon (its own memory; the mapped checkpoint's
pages are the page cache's) every 2 ms.
Usage: TORCHSCOPE_PEER_PYTHON=$(scripts/peer-env.sh) /usr/bin/python3 tests/bench/bench_extract.py
       build/bin/torchscope-cli
"""
import os
import sys
import tempfile
import time

import torch

import modernpeer
from bench_export import best, timed_process


def make_checkpoint(path):
    torch.manual_seed(0)
    model = torch.nn.Sequential(*[torch.nn.Linear(1500, 1000) for _ in range(60)])
    adam = torch.optim.Adam(model.parameters(), lr=1e-3)
    for p in model.parameters():
        p.grad = torch.randn_like(p)
    adam.step()
    torch.save({"epoch": 3, "model": model.state_dict(), "optimizer": adam.state_dict(), "loss": 0.5}, path)
    return sum(p.numel() * p.element_size() for p in model.parameters())


def main():
    cli = sys.argv[1]
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        source = os.path.join(tmp, "train.pt")
        model_bytes = make_checkpoint(source)
        os.sync()
        size = os.path.getsize(source)
        timed_process(["cat", source])
        out = os.path.join(tmp, "out")
        results = []

        def torch_extract():
            os.sync()
            start = time.perf_counter()
            checkpoint = torch.load(source)
            with open(out + ".torch.pt", "wb") as f:
                torch.save(checkpoint["model"], f)
                f.flush()
                os.fsync(f.fileno())
            return time.perf_counter() - start, 0
        results.append(("torch.load + save (in-process)", best([torch_extract() for _ in range(3)])))
        modern = modernpeer.seconds(
            "import os",
            "c = torch.load(%r, weights_only=True); f = open(%r, 'wb'); torch.save(c['model'], f); f.flush(); "
            "os.fsync(f.fileno()); f.close()" % (source, out + ".modern.pt"))
        if modern:
            results.append(("torch.load + save %s" % modern[0], (modern[1], 0)))
        results.append(("head -c model bytes", best([
            timed_process(["sh", "-c", 'head -c "$0" "$1" > "$2" && sync "$2"', str(model_bytes), source, out + ".cp"])
            for _ in range(3)])))
        results.append(("ours: export --weights-only", best([
            timed_process([cli, "export", source, "-o", out + ".ours.pt", "--weights-only"]) for _ in range(3)])))
        base = dict(results)
        print("training checkpoint of %.2f GB (model %.2f GB), torch %d threads"
              % (size / 1e9, model_bytes / 1e9, torch.get_num_threads()))
        print("%-32s %9s %12s %12s %16s" % ("", "seconds", "/torch", "/head -c", "peak RssAnon"))
        for label, (seconds, peak) in results:
            rss = "%.1f MB (%.2f%% of the file)" % (peak / 1024, 100 * peak * 1024 / size) if peak else "-"
            print("%-32s %9.3f %11.2fx %11.2fx %16s" % (label, seconds, seconds / base["torch.load + save (in-process)"][0],
                                                          seconds / base["head -c model bytes"][0], rss))


if __name__ == "__main__":
    main()
