"""Distributed checkpoints: a DCP folder of at least 2 GiB written by 4 gloo processes (DTensors sharded by
rows and by columns), then, in the same run: opening it (torchscope-cli info against PyTorch's
FileSystemReader.read_metadata in-process), consolidating it (torchscope-cli export against
dcp_to_torch_save, time and peak anonymous memory, RssAnon, sampled from /proc) and the floor (cp -r).

    $(scripts/peer-env.sh) tests/bench/bench_dcp.py build/bin/torchscope-cli [GIB]
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

import torch
import torch.distributed as dist


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _writer(rank, world, folder, port, tensors, rows, columns):
    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port))
    dist.init_process_group("gloo", rank=rank, world_size=world)
    import torch.distributed.checkpoint as dcp
    from torch.distributed.tensor import DTensor, Shard, init_device_mesh
    mesh = init_device_mesh("cpu", (world,))
    state = {}
    for i in range(tensors):
        dim = i % 2  # by rows, then by columns
        local = [rows, columns]
        local[dim] //= world
        generator = torch.Generator().manual_seed(i * world + rank)
        state["layers.%d.weight" % i] = DTensor.from_local(torch.randn(local, generator=generator), mesh, [Shard(dim)])
    dcp.save({"model": state}, checkpoint_id=folder)
    dist.barrier()
    dist.destroy_process_group()


def peak_anonymous(command):
    """Runs command; returns (seconds, peak RssAnon in MiB) sampled every 5 ms."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0

    def sample():
        nonlocal peak
        while process.poll() is None:
            try:
                with open("/proc/%d/status" % process.pid) as f:
                    for line in f:
                        if line.startswith("RssAnon:"):
                            peak = max(peak, int(line.split()[1]))
            except OSError:
                break
            time.sleep(0.005)
    sampler = threading.Thread(target=sample)
    sampler.start()
    _, err = process.communicate()
    sampler.join()
    if process.returncode != 0:
        sys.exit("%s failed: %s" % (command[0], err.decode()[-2000:]))
    return time.perf_counter() - start, peak / 1024.0


def main(argv):
    import torch.multiprocessing as mp
    cli = os.path.abspath(argv[1])
    gib = float(argv[2]) if len(argv) > 2 else 2.0
    rows, columns = 4096, 8192  # 128 MiB a float32 tensor
    tensors = max(1, int(round(gib * 1024 / 128)))
    work = tempfile.mkdtemp(prefix="bench_dcp-", dir=os.environ.get("TMPDIR", "/var/tmp"))
    folder = os.path.join(work, "ckpt")
    try:
        start = time.perf_counter()
        mp.spawn(_writer, args=(4, folder, _free_port(), tensors, rows, columns), nprocs=4, join=True)
        size = sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder))
        print("DCP folder: %d tensors [%d, %d] float32 over 4 processes, %.2f GiB, written in %.1f s"
              % (tensors, rows, columns, size / 2**30, time.perf_counter() - start))

        from torch.distributed.checkpoint import FileSystemReader
        from torch.distributed.checkpoint.format_utils import dcp_to_torch_save
        start = time.perf_counter()
        FileSystemReader(folder).read_metadata()
        metadata_seconds = time.perf_counter() - start
        info_seconds, info_anon = peak_anonymous([cli, "info", folder, "--json"])
        print("open:        torchscope-cli info --json %.3f s (process, %.0f MiB anon); "
              "FileSystemReader.read_metadata %.3f s (in-process)" % (info_seconds, info_anon, metadata_seconds))

        copy = os.path.join(work, "copy")
        subprocess.run(["sync"], check=True)  # each timing starts with nothing dirty in the page cache
        start = time.perf_counter()
        subprocess.run(["cp", "-r", folder, copy], check=True)
        cp_seconds = time.perf_counter() - start
        shutil.rmtree(copy)
        subprocess.run(["sync"], check=True)
        # The export syncs what it wrote before renaming it into place: the floor for that is a copy
        # synced to disk.
        start = time.perf_counter()
        subprocess.run(["cp", "-r", folder, copy], check=True)
        subprocess.run(["sync"] + [os.path.join(copy, f) for f in os.listdir(copy)], check=True)
        durable_seconds = time.perf_counter() - start
        shutil.rmtree(copy)
        subprocess.run(["sync"], check=True)
        out = os.path.join(work, "consolidated.safetensors")
        subprocess.run(["sync"], check=True)
        ours_seconds, ours_anon = peak_anonymous([cli, "export", folder, "-o", out, "--weights-only", "--part", "all"])
        os.remove(out)
        torch_out = os.path.join(work, "consolidated.pt")
        script = "import sys; from torch.distributed.checkpoint.format_utils import dcp_to_torch_save; " \
                 "dcp_to_torch_save(sys.argv[1], sys.argv[2])"
        torch_seconds, torch_anon = peak_anonymous([sys.executable, "-c", script, folder, torch_out])
        os.remove(torch_out)
        print("consolidate: torchscope-cli export %.2f s, %.0f MiB anon (%.1f%% of the checkpoint); "
              "dcp_to_torch_save %.2f s, %.0f MiB anon; cp -r %.2f s, cp -r + sync %.2f s; "
              "ours/cp %.2fx, ours/(cp + sync) %.2fx"
              % (ours_seconds, ours_anon, 100.0 * ours_anon * 2**20 / size, torch_seconds, torch_anon, cp_seconds,
                 durable_seconds, ours_seconds / cp_seconds, ours_seconds / durable_seconds))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
