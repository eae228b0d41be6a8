"""Real PyTorch as the test peer: writes fixtures and judges what Torchscope writes.

Usage:
  peer.py fixtures OUTDIR          write TorchScript models and a manifest.json describing each
  peer.py describe FILE OUT.json   describe a TorchScript file as PyTorch sees it
  peer.py check-weights ORIGINAL EXPORTED [--module PATH]
  peer.py check-entire ORIGINAL EXPORTED FLAGS.json [--module PATH]
  peer.py stats FILE               population statistics of every state_dict tensor, NaN/Inf left out
  peer.py check-example FILE       the built-in example: children, forward on 1x1x28x28, a training step
The check commands print one line and exit 1 when PyTorch disagrees.
"""
import hashlib
import json
import os
import sys

import torch
import torch.nn as nn


def tensor_bytes(t):
    t = t.detach().contiguous()
    if t.dtype == torch.bfloat16:
        t = t.view(torch.int16)
    return t.numpy().tobytes()


def digest(t):
    return hashlib.sha256(tensor_bytes(t)).hexdigest()


def dtype_name(dt):
    return str(dt).replace("torch.", "")


class CNN(nn.Module):
    """The tutorial CNN, the same shape as Torchscope's built-in example."""

    def __init__(self):
        super().__init__()
        self.sequential = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU())
        self.layer1 = nn.Sequential(nn.Conv2d(8, 16, 5, padding=2), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2))
        self.layer2 = nn.Sequential(nn.Conv2d(16, 32, 5, padding=2), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2))
        self.fc = nn.Linear(7 * 7 * 32, 10)

    def forward(self, x):
        x = self.sequential(x)
        x = self.layer1(x)
        x = self.layer2(x)
        return self.fc(torch.flatten(x, 1))


class Tied(nn.Module):
    """Tied embedding and output weights, plus assorted dtypes and a 0-dim buffer."""

    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(12, 6)
        self.norm = nn.LayerNorm(6)
        self.head = nn.Linear(6, 12, bias=False)
        self.head.weight = self.embed.weight
        self.register_buffer("scale", torch.tensor(0.5, dtype=torch.float64))
        self.register_buffer("mask", torch.tensor([True, False, True]))
        self.register_buffer("steps", torch.arange(5, dtype=torch.int32))
        self.register_buffer("half_table", torch.linspace(-2, 2, 7).half())
        self.register_buffer("bf_table", torch.linspace(-3, 3, 5).bfloat16())
        self.register_buffer("codes", torch.tensor([-3, 7, 100], dtype=torch.int8))
        self.register_buffer("empty", torch.zeros(0, 3))

    def forward(self, x):
        return self.head(self.norm(self.embed(x))) * self.scale


def describe(module):
    modules = [{"path": name, "type": type(m).__name__ if not hasattr(m, "original_name") else m.original_name}
               for name, m in module.named_modules()]
    # Per-module registrations, so a tied parameter counts as a parameter under both of its names.
    params = set()
    for prefix, m in module.named_modules():
        for name in m._parameters.keys():
            params.add(prefix + "." + name if prefix else name)
    tensors = []
    for name, t in module.state_dict(keep_vars=True).items():
        tensors.append({
            "name": name,
            "kind": "parameter" if name in params else "buffer",
            "dtype": dtype_name(t.dtype),
            "shape": list(t.shape),
            "requires_grad": bool(t.requires_grad) if name in params else None,
            "sha256": digest(t),
        })
    return {"modules": modules, "tensors": tensors}


def example_input(name):
    if name.startswith("tied"):
        return torch.tensor([[1, 2, 3]])
    if name.startswith("resnet"):
        return torch.randn(1, 3, 64, 64, generator=torch.Generator().manual_seed(1))
    return torch.randn(1, 1, 28, 28, generator=torch.Generator().manual_seed(1))


def fixtures(outdir):
    torch.manual_seed(0)
    os.makedirs(outdir, exist_ok=True)
    models = {}
    cnn = CNN().eval()
    models["cnn_scripted"] = torch.jit.script(cnn)
    models["cnn_traced"] = torch.jit.trace(cnn, example_input("cnn"))
    frozen = CNN().eval()
    for name, p in frozen.named_parameters():
        p.requires_grad = name.startswith("fc.")
    models["cnn_partly_frozen"] = torch.jit.script(frozen)
    models["tied_scripted"] = torch.jit.script(Tied().eval())
    import torchvision
    resnet = torchvision.models.resnet18(num_classes=10).eval()
    for p in resnet.layer1.parameters():
        p.requires_grad = False
    models["resnet18_scripted"] = torch.jit.script(resnet)
    manifest = {}
    for name, model in models.items():
        path = os.path.join(outdir, name + ".pt")
        torch.jit.save(model, path)
        manifest[name] = dict(describe(model), file=path)
    with open(os.path.join(outdir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)


def submodule(model, path):
    for part in [p for p in path.split(".") if p]:
        model = getattr(model, part)
    return model


def fail(message):
    print("MISMATCH: " + message)
    sys.exit(1)


def check_weights(original, exported, module_path):
    reference = submodule(torch.jit.load(original), module_path).state_dict()
    loaded = torch.load(exported)
    if type(loaded).__name__ != "OrderedDict":
        fail("expected an OrderedDict, got %s" % type(loaded).__name__)
    if list(loaded.keys()) != list(reference.keys()):
        fail("keys differ: %s vs %s" % (list(loaded.keys())[:5], list(reference.keys())[:5]))
    for key, value in reference.items():
        got = loaded[key]
        if got.dtype != value.dtype or got.shape != value.shape:
            fail("%s: %s%s vs %s%s" % (key, got.dtype, list(got.shape), value.dtype, list(value.shape)))
        if tensor_bytes(got) != tensor_bytes(value):
            fail("%s: values differ" % key)
        if got.requires_grad:
            fail("%s: a plain state_dict tensor must not require grad" % key)
    # A fresh copy of the same architecture must accept it strictly.
    fresh = submodule(torch.jit.load(original), module_path)
    fresh.load_state_dict(loaded, strict=True)
    print("OK %d tensors" % len(reference))


def check_entire(original, exported, flags_path, module_path):
    with open(flags_path) as f:
        flags = json.load(f)
    source = submodule(torch.jit.load(original), module_path)
    loaded = torch.jit.load(exported)
    reference = source.state_dict()
    got_sd = loaded.state_dict()
    if list(got_sd.keys()) != list(reference.keys()):
        fail("keys differ")
    for key, value in reference.items():
        if tensor_bytes(got_sd[key]) != tensor_bytes(value) or got_sd[key].dtype != value.dtype:
            fail("%s: values differ" % key)
    for name, p in loaded.named_parameters():
        full = (module_path + "." + name) if module_path else name
        if full not in flags:
            fail("%s: no expected flag" % full)
        if p.requires_grad != flags[full]:
            fail("%s: requires_grad %s, expected %s" % (full, p.requires_grad, flags[full]))
    if not module_path:
        name = os.path.basename(original)
        x = example_input(name)
        with torch.no_grad():
            a = source.eval()(x)
            b = loaded.eval()(x)
        if not torch.equal(a, b):
            fail("forward output differs")
    print("OK %d parameters" % len(list(loaded.parameters())))


def check_example(path):
    model = torch.jit.load(path)
    children = [name for name, _ in model.named_children()]
    if children != ["sequential", "layer1", "layer2", "fc"]:
        fail("named_children are %s" % children)
    if type(model.fc).__name__ != "RecursiveScriptModule" or model.fc.original_name != "Linear":
        fail("fc is %s" % model.fc.original_name)
    x = torch.randn(1, 1, 28, 28)
    y = model(x)
    if list(y.shape) != [1, 10]:
        fail("forward gives shape %s" % list(y.shape))
    # The flags are real: a backward pass fills gradients exactly for the trainable parameters.
    y.sum().backward()
    for name, p in model.named_parameters():
        if p.requires_grad != (p.grad is not None):
            fail("%s: requires_grad %s but grad %s" % (name, p.requires_grad, p.grad is not None))
    print("OK example with %d parameters" % sum(p.numel() for p in model.parameters()))


def stats(path):
    result = {}
    for name, t in torch.jit.load(path).state_dict().items():
        v = t.detach().double().flatten()
        v = v[torch.isfinite(v)]
        if v.numel() == 0:
            result[name] = None
        else:
            result[name] = [v.min().item(), v.max().item(), v.mean().item(), v.std(unbiased=False).item()]
    print(json.dumps(result))


def main(argv):
    command = argv[1]
    module = ""
    if "--module" in argv:
        i = argv.index("--module")
        module = argv[i + 1]
        del argv[i:i + 2]
    if command == "fixtures":
        fixtures(argv[2])
    elif command == "describe":
        with open(argv[3], "w") as f:
            json.dump(describe(torch.jit.load(argv[2])), f)
    elif command == "check-weights":
        check_weights(argv[2], argv[3], module)
    elif command == "check-entire":
        check_entire(argv[2], argv[3], argv[4], module)
    elif command == "stats":
        stats(argv[2])
    elif command == "check-example":
        check_example(argv[2])
    else:
        print(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv)
