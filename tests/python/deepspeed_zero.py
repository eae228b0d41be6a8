"""DeepSpeed ZeRO checkpoints saved by DeepSpeed itself, on CPU (DS_ACCELERATOR=cpu, gloo), and DeepSpeed's
own consolidation of each (zero_to_fp32's get_fp32_state_dict_from_zero_checkpoint), for the ZeRO
reader's tests.

    deepspeed_zero.py write OUTDIR STAGE WORLD   OUTDIR/ckpt (save_checkpoint after two optimizer steps of
                                                 WORLD processes) and OUTDIR/fp32.pt (zero_to_fp32's
                                                 state_dict of it)

    deepspeed_zero.py check OUT OUTDIR           OUT (Torchscope's export) holds zero_to_fp32's every tensor,
                                                 bit for bit; anything more must be a module tensor of the
                                                 model states saved whole (a frozen parameter under stage 1)

The model has what zero_to_fp32 must handle: parameters whose sizes do not divide by the world size (so
partitions and groups are padded), two parameter groups, a frozen parameter, a parameter shared by two
modules, and buffers (one not persistent, which the checkpoint leaves out).
"""
import os
import socket
import sys

os.environ.setdefault("DS_ACCELERATOR", "cpu")

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(11, 6)
        self.frozen = nn.Linear(6, 5)
        self.frozen.weight.requires_grad_(False)
        self.body = nn.Sequential(nn.Linear(6, 7), nn.ReLU(), nn.Linear(7, 3))
        self.norm = nn.BatchNorm1d(7)
        self.head = nn.Linear(6, 11, bias=False)
        self.head.weight = self.embed.weight  # shared
        self.register_buffer("scratch", torch.zeros(2), persistent=False)

    def forward(self, tokens):
        x = self.embed(tokens).mean(1)
        h = self.body[1](self.norm(self.body[0](x)))
        return self.body[2](h).sum() + self.head(x).sum() + self.frozen(x).sum()


def _worker(rank, world, stage, folder, port):
    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port), RANK=str(rank), LOCAL_RANK=str(rank),
                      WORLD_SIZE=str(world), LOCAL_WORLD_SIZE=str(world))
    import deepspeed
    deepspeed.init_distributed(dist_backend="gloo")
    torch.manual_seed(0)
    model = Net()
    decay = [p for n, p in model.named_parameters() if p.requires_grad and n.endswith("weight")]
    other = [p for n, p in model.named_parameters() if p.requires_grad and not n.endswith("weight")]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1},
                                   {"params": other, "weight_decay": 0.0}], lr=1e-2)
    config = {"train_micro_batch_size_per_gpu": 4, "gradient_accumulation_steps": 1,
              "zero_optimization": {"stage": stage}, "steps_per_print": 1000}
    engine, _, _, _ = deepspeed.initialize(model=model, optimizer=optimizer, config=config)
    torch.manual_seed(1 + rank)
    for _ in range(2):
        loss = engine(torch.randint(0, 11, (4, 3)))
        engine.backward(loss)
        engine.step()
    engine.save_checkpoint(folder, tag="global_step2", client_state={"epoch": 3})
    torch.distributed.barrier()


def write(outdir, stage, world):
    import torch.multiprocessing as mp
    os.makedirs(outdir, exist_ok=True)
    folder = os.path.join(outdir, "ckpt")
    mp.spawn(_worker, args=(world, stage, folder, _free_port()), nprocs=world, join=True)
    from deepspeed.utils.zero_to_fp32 import get_fp32_state_dict_from_zero_checkpoint
    state = get_fp32_state_dict_from_zero_checkpoint(folder)
    torch.save({k: v.contiguous().clone() for k, v in state.items()}, os.path.join(outdir, "fp32.pt"))


def check(out, outdir):
    got = torch.load(out, weights_only=True)
    want = torch.load(os.path.join(outdir, "fp32.pt"), weights_only=True)
    folder = os.path.join(outdir, "ckpt")
    with open(os.path.join(folder, "latest")) as f:
        tag = os.path.join(folder, f.read().strip())
    states = [n for n in os.listdir(tag) if n.endswith("_model_states.pt")]
    module = torch.load(os.path.join(tag, sorted(states)[0]), weights_only=False)["module"]
    problems = []
    for name, tensor in want.items():
        if name not in got:
            problems.append("missing " + name)
        elif got[name].dtype != tensor.dtype or not torch.equal(got[name], tensor):
            problems.append("%s differs" % name)
    extra = sorted(set(got) - set(want))
    for name in extra:
        if name not in module or not torch.equal(got[name], module[name]):
            problems.append("unexpected " + name)
    print("\n".join(problems) if problems else
          "equal: %d tensors%s" % (len(want), ", and from the module " + ", ".join(extra) if extra else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "write":
        write(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    elif command == "check":
        sys.exit(check(sys.argv[2], sys.argv[3]))
    else:
        sys.exit("unknown command " + command)
