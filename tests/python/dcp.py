"""Distributed checkpoints (torch.distributed.checkpoint) written by real multi-process runs on CPU (gloo),
and PyTorch's own consolidation of each (dcp_to_torch_save), for the DCP reader's tests.

    dcp.py write OUTDIR WORLD     OUTDIR/ckpt (DCP folder written by WORLD processes) and OUTDIR/ckpt.pt
                                  (dcp_to_torch_save of it)
    dcp.py hostile OUTDIR         a DCP folder whose .metadata also calls posix.system
    dcp.py zstd OUTDIR            OUTDIR/zstd, written with the stream.zstd transform, and OUTDIR/zstd.pt
    dcp.py bad OUTDIR             DCP folders that lie: overlap/, gap/, truncated/, missing/ (and good/)
    dcp.py check-export OUT REF   OUT (safetensors or torch.save) equals REF tensor for tensor, bit for bit
    dcp.py check-dcp OUT REF      torch.distributed.checkpoint.load reads OUT (a DCP folder) into a state_dict
                                  of REF's names: every tensor equal, bit for bit
    dcp.py hf-write OUTDIR        a tiny transformers Llama: OUTDIR/hf (save_pretrained), OUTDIR/hf-dcp (DCP
                                  folder two FSDP2 processes wrote of {"model", "optim"}), OUTDIR/logits.pt
    dcp.py hf-check FOLDER OUTDIR FOLDER (Torchscope's consolidation, config.json copied in) loads with
                                  from_pretrained and gives the logits of OUTDIR/logits.pt
    dcp.py dcp-load FOLDER OUTDIR torch.distributed.checkpoint.load reads FOLDER (Torchscope's DCP export of
                                  OUTDIR/hf) into the model sharded by FSDP2 over two processes: every
                                  parameter equal bit for bit to from_pretrained's, the logits too
"""
import json
import os
import socket
import sys

import torch
import torch.distributed as dist
import torch.nn as nn


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _worker(rank, world, folder, port):
    os.environ["MASTER_ADDR"] = "127.0.0.1"
    os.environ["MASTER_PORT"] = str(port)
    dist.init_process_group("gloo", rank=rank, world_size=world)
    import torch.distributed.checkpoint as dcp
    from torch.distributed.checkpoint.state_dict import get_state_dict
    from torch.distributed.fsdp import fully_shard
    from torch.distributed.tensor import Replicate, Shard, distribute_tensor, init_device_mesh

    mesh = init_device_mesh("cpu", (world,))
    torch.manual_seed(0)  # every rank makes the same full tensors, then keeps its shards
    state = {
        "plain": torch.randn(3),
        "scalar": torch.tensor(3.5),
        "shard0": distribute_tensor(torch.randn(10, 6), mesh, [Shard(0)]),
        "shard1": distribute_tensor(torch.randn(7, 5), mesh, [Shard(1)]),
        "replicated": distribute_tensor(torch.arange(12).view(3, 4), mesh, [Replicate()]),
        "bf16": distribute_tensor(torch.randn(9, 4).bfloat16(), mesh, [Shard(0)]),
        # 5 rows over 2 or 4 ranks: uneven, and on 4 ranks one rank's box is empty
        "uneven": distribute_tensor(torch.randn(5, 3), mesh, [Shard(0)]),
        "step": 7,
        "note": {"text": "not a tensor", "ratio": 0.25},
    }
    if world == 4:
        grid = init_device_mesh("cpu", (2, 2))
        state["grid"] = distribute_tensor(torch.randn(8, 6), grid, [Shard(0), Shard(1)])
    model = nn.Sequential(nn.Linear(6, 10), nn.ReLU(), nn.Linear(10, 3))
    fully_shard(model, mesh=mesh)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    model(torch.randn(4, 6)).sum().backward()
    optimizer.step()
    model_state, optimizer_state = get_state_dict(model, optimizer)
    state["model"] = model_state
    state["optim"] = optimizer_state
    dcp.save(state, checkpoint_id=folder)
    dist.barrier()
    dist.destroy_process_group()


def write(outdir, world):
    import torch.multiprocessing as mp
    from torch.distributed.checkpoint.format_utils import dcp_to_torch_save
    os.makedirs(outdir, exist_ok=True)
    folder = os.path.join(outdir, "ckpt")
    mp.spawn(_worker, args=(world, folder, _free_port()), nprocs=world, join=True)
    dcp_to_torch_save(folder, os.path.join(outdir, "ckpt.pt"))


def hostile(outdir):
    """A single-process DCP folder whose .metadata is rewritten by pickle to call posix.system too."""
    import pickle
    import torch.distributed.checkpoint as dcp
    folder = os.path.join(outdir, "hostile")
    dcp.save({"w": torch.ones(2, 2)}, checkpoint_id=folder)
    path = os.path.join(folder, ".metadata")
    with open(path, "rb") as f:
        metadata = pickle.load(f)

    class Payload:
        def __reduce__(self):
            return (os.system, ("touch " + os.path.join(outdir, "pwned"),))
    metadata.storage_meta.modules = [Payload()]
    with open(path, "wb") as f:
        pickle.dump(metadata, f)


def bad(outdir):
    """Single-process DCP folders whose .metadata PyTorch's own classes rewrite to lie: a box listed twice
    (overlap), a box that covers half its tensor (gap); and a .distcp file cut short and one removed."""
    import pickle
    import shutil
    import torch.distributed.checkpoint as dcp
    from torch.distributed.checkpoint.metadata import ChunkStorageMetadata
    base = os.path.join(outdir, "good")
    dcp.save({"w": torch.arange(12.0).view(4, 3), "b": torch.ones(4)}, checkpoint_id=base)
    for name in ("overlap", "gap", "truncated", "missing"):
        shutil.copytree(base, os.path.join(outdir, name))
    for name, change in (("overlap", lambda chunks: chunks + [chunks[0]]),
                         ("gap", lambda chunks: [ChunkStorageMetadata(offsets=chunks[0].offsets,
                                                                       sizes=torch.Size([2, 3]))])):
        path = os.path.join(outdir, name, ".metadata")
        with open(path, "rb") as f:
            metadata = pickle.load(f)
        item = metadata.state_dict_metadata["w"]
        item.chunks = change(list(item.chunks))
        with open(path, "wb") as f:
            pickle.dump(metadata, f)
    data = os.path.join(outdir, "truncated", "__0_0.distcp")
    with open(data, "r+b") as f:
        f.truncate(os.path.getsize(data) // 2)
    os.remove(os.path.join(outdir, "missing", "__0_0.distcp"))


def zstd(outdir):
    """A single-process DCP folder written with the stream.zstd transform (FileSystemWriter's _extensions),
    and dcp_to_torch_save of it."""
    import torch.distributed.checkpoint as dcp
    from torch.distributed.checkpoint._extension import ZStandard
    from torch.distributed.checkpoint.format_utils import dcp_to_torch_save
    folder = os.path.join(outdir, "zstd")
    torch.manual_seed(0)
    dcp.save({"w": torch.randn(64, 32), "b": torch.randn(5).bfloat16(), "n": 3},
             storage_writer=dcp.FileSystemWriter(folder, _extensions=[ZStandard()]))
    dcp_to_torch_save(folder, os.path.join(outdir, "zstd.pt"))


def _flatten(prefix, value, out):
    if isinstance(value, torch.Tensor):
        out[prefix] = value
    elif isinstance(value, dict):
        for k, v in value.items():
            _flatten("%s.%s" % (prefix, k) if prefix else str(k), v, out)
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            _flatten("%s.%d" % (prefix, i), v, out)
    return out


def check_export(out, ref):
    if out.endswith(".safetensors"):
        from safetensors.torch import load_file
        got = load_file(out)
    else:
        got = _flatten("", torch.load(out, weights_only=True), {})
    want = _flatten("", torch.load(ref, weights_only=False), {})
    problems = []
    for name, tensor in want.items():
        if name not in got:
            problems.append("missing " + name)
        elif got[name].dtype != tensor.dtype or got[name].shape != tensor.shape:
            problems.append("%s: %s %s, want %s %s" % (name, got[name].dtype, list(got[name].shape), tensor.dtype,
                                                        list(tensor.shape)))
        elif not torch.equal(got[name].reshape(-1).contiguous().view(torch.uint8), tensor.reshape(-1).contiguous().view(torch.uint8)):
            problems.append("%s: values differ" % name)
    for name in got:
        if name not in want:
            problems.append("unexpected " + name)
    print("\n".join(problems) if problems else "equal: %d tensors" % len(want))
    return 1 if problems else 0


def check_dcp(out, ref):
    import torch.distributed.checkpoint as dcp
    want = _flatten("", torch.load(ref, weights_only=False), {})
    state = {name: torch.full_like(tensor, 7) if tensor.is_floating_point() else torch.zeros_like(tensor)
             for name, tensor in want.items()}
    dcp.load(state, checkpoint_id=out, no_dist=True)
    problems = [name for name, tensor in want.items()
                if state[name].dtype != tensor.dtype or not torch.equal(state[name], tensor)]
    print("\n".join(problems) if problems else "equal: %d tensors" % len(want))
    return 1 if problems else 0


def _tiny_llama():
    from transformers import LlamaConfig, LlamaForCausalLM
    config = LlamaConfig(vocab_size=96, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=64)
    torch.manual_seed(0)
    return LlamaForCausalLM(config).eval()


_TOKENS = torch.tensor([[1, 5, 9, 42, 7, 3]])


def _hf_worker(rank, world, outdir, port):
    os.environ["MASTER_ADDR"] = "127.0.0.1"
    os.environ["MASTER_PORT"] = str(port)
    dist.init_process_group("gloo", rank=rank, world_size=world)
    import torch.distributed.checkpoint as dcp
    from torch.distributed.checkpoint.state_dict import get_state_dict
    from torch.distributed.fsdp import fully_shard
    from torch.distributed.tensor import init_device_mesh
    mesh = init_device_mesh("cpu", (world,))
    model = _tiny_llama()
    if rank == 0:
        model.save_pretrained(os.path.join(outdir, "hf"))
    for layer in model.model.layers:
        fully_shard(layer, mesh=mesh)
    fully_shard(model, mesh=mesh)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
    model_state, optimizer_state = get_state_dict(model, optimizer)
    dcp.save({"model": model_state, "optim": optimizer_state}, checkpoint_id=os.path.join(outdir, "hf-dcp"))
    dist.barrier()
    dist.destroy_process_group()


def hf_write(outdir):
    import torch.multiprocessing as mp
    os.makedirs(outdir, exist_ok=True)
    mp.spawn(_hf_worker, args=(2, outdir, _free_port()), nprocs=2, join=True)
    with torch.no_grad():
        torch.save(_tiny_llama()(_TOKENS).logits, os.path.join(outdir, "logits.pt"))


def hf_check(folder, outdir):
    import shutil
    from transformers import AutoModelForCausalLM
    from safetensors.torch import load_file
    # The names and values first: from_pretrained forgives a prefix too many ("model.model.") by itself.
    with open(os.path.join(folder, "model.safetensors.index.json")) as f:
        shards = sorted(set(json.load(f)["weight_map"].values()))
    got = {}
    for shard in shards:
        got.update(load_file(os.path.join(folder, shard)))
    want = load_file(os.path.join(outdir, "hf", "model.safetensors"))
    if sorted(got) != sorted(want) or any(not torch.equal(got[k], want[k]) or got[k].dtype != want[k].dtype
                                          for k in want):
        print("names or values differ from save_pretrained's: %s" % sorted(set(got) ^ set(want))[:6])
        return 1
    shutil.copy(os.path.join(outdir, "hf", "config.json"), folder)
    model = AutoModelForCausalLM.from_pretrained(folder).eval()
    with torch.no_grad():
        logits = model(_TOKENS).logits
    want = torch.load(os.path.join(outdir, "logits.pt"))
    if not torch.equal(logits, want):
        print("logits differ by %g" % (logits - want).abs().max().item())
        return 1
    print("from_pretrained: equal logits")
    return 0


def _dcp_load_worker(rank, world, folder, outdir, port, result):
    os.environ["MASTER_ADDR"] = "127.0.0.1"
    os.environ["MASTER_PORT"] = str(port)
    dist.init_process_group("gloo", rank=rank, world_size=world)
    import torch.distributed.checkpoint as dcp
    from torch.distributed.checkpoint.state_dict import get_model_state_dict
    from torch.distributed.fsdp import fully_shard
    from torch.distributed.tensor import DTensor, init_device_mesh
    from transformers import AutoConfig, AutoModelForCausalLM
    mesh = init_device_mesh("cpu", (world,))
    torch.manual_seed(1234)  # other weights than the checkpoint's, so a tensor not loaded shows
    model = AutoModelForCausalLM.from_config(AutoConfig.from_pretrained(os.path.join(outdir, "hf"))).eval()
    for layer in model.model.layers:
        fully_shard(layer, mesh=mesh)
    fully_shard(model, mesh=mesh)
    state = get_model_state_dict(model)
    dcp.load(state, checkpoint_id=folder)
    want = AutoModelForCausalLM.from_pretrained(os.path.join(outdir, "hf")).state_dict()
    problems = []
    for name, value in state.items():
        full = value.full_tensor() if isinstance(value, DTensor) else value
        if name not in want or full.dtype != want[name].dtype or not torch.equal(full, want[name]):
            problems.append(name)
    with torch.no_grad():
        logits = model(_TOKENS).logits
    if not torch.equal(logits, torch.load(os.path.join(outdir, "logits.pt"))):
        problems.append("logits")
    if rank == 0:
        with open(result, "w") as f:
            f.write("\n".join(problems) if problems else "equal: %d tensors and the logits" % len(state))
    dist.barrier()
    dist.destroy_process_group()


def dcp_load(folder, outdir):
    import torch.multiprocessing as mp
    result = os.path.join(outdir, "dcp-load.txt")
    mp.spawn(_dcp_load_worker, args=(2, folder, outdir, _free_port(), result), nprocs=2, join=True)
    with open(result) as f:
        text = f.read()
    print(text)
    return 0 if text.startswith("equal") else 1


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "write":
        write(sys.argv[2], int(sys.argv[3]))
    elif command == "hostile":
        hostile(sys.argv[2])
    elif command == "bad":
        bad(sys.argv[2])
    elif command == "zstd":
        zstd(sys.argv[2])
    elif command == "check-dcp":
        sys.exit(check_dcp(sys.argv[2], sys.argv[3]))
    elif command == "hf-write":
        hf_write(sys.argv[2])
    elif command == "hf-check":
        sys.exit(hf_check(sys.argv[2], sys.argv[3]))
    elif command == "dcp-load":
        sys.exit(dcp_load(sys.argv[2], sys.argv[3]))
    elif command == "check-export":
        sys.exit(check_export(sys.argv[2], sys.argv[3]))
    else:
        sys.exit("unknown command " + command)
