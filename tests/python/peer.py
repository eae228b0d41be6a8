"""Real PyTorch as the test peer: writes fixtures and judges what Torchscope writes.

Usage:
  peer.py fixtures OUTDIR          write TorchScript models and a manifest.json describing each
  peer.py formats OUTDIR           write every torch.save / safetensors / sharded variant + formats.json
  peer.py language-model OUT [BLOCKS]  torch.save of a Llama-layout model (entire model, 12 blocks)
  peer.py hostile OUTDIR           write files whose pickles would run code on torch.load
  peer.py describe FILE OUT.json   describe a TorchScript file as PyTorch sees it
  peer.py check-weights ORIGINAL EXPORTED [--module PATH]
  peer.py check-entire ORIGINAL EXPORTED FLAGS.json [--module PATH]
  peer.py unwritable OUTDIR        torch.save(model) pickles Torchscope must refuse to write back, and why
  peer.py check-pickle ORIGINAL EXPORTED FLAGS.json [--module PATH]   a torch.save(model) pickle written back:
                                   the same classes, attributes, shared references and bytes, the flags, the
                                   same forward output
  peer.py stats FILE               population statistics of every state_dict tensor, NaN/Inf left out
  peer.py histograms FILE BINS [LO,HI]  numpy.histogram of every real tensor torch.load gives, as JSON
  peer.py check-snippet SNIPPET.py FLAGS.json   run a freeze snippet on a fresh torchvision resnet18
  peer.py check-example FILE       the built-in example: children, forward on 1x1x28x28, a training step
  peer.py quantized OUTDIR          write quantized tensors (every dtype and scheme) + quantized.json
  peer.py check-quantized ORIGINAL EXPORTED   int_repr, scheme, scales, zero points and axis equal
  peer.py check-safetensors ORIGINAL EXPORTED [--module PATH]   the layout rules, and every tensor of ORIGINAL's state_dict
                                   with the same name, dtype, shape and bytes
  peer.py finetune OUTDIR          a CNN before and after a few training steps with some layers frozen, in
                                   several formats, and PyTorch's own diff statistics in finetune.json
  peer.py corpus-describe FILE     what real PyTorch reads from a real-world file, as JSON (classes that
                                   are not importable become empty nn.Module stand-ins)
  peer.py inspect OUTDIR            tensors of every dtype and layout for the values view (values.pt), a model
                                   with a NaN, a zeroed and an exploded layer (health.pt) and PyTorch's
                                   statistics of it (health.json), weight matrices and numpy's spectra
                                   (spectrum.pt, spectrum.json)
  peer.py check-values MANIFEST.json   each listed .npy and .csv export equals numpy's view of the tensor
                                   sliced as listed, bit for bit
  peer.py rounding OUT.pt           float32 and float64 values at every rounding case of float16 and bfloat16
                                   (ties, subnormals, overflow, NaN), with int64 and bool beside them
  peer.py check-exports MANIFEST.json   each listed export (a file or a folder of shards) holds exactly the
                                   original's tensors (of --module, without buffers if asked) as
                                   tensor.to(dtype) gives them, bit for bit
  peer.py mismatched-weights MODEL OUTDIR   new values for MODEL's state_dict: good.pt (names with
                                   DataParallel's "module."), good.safetensors, and bad.pt with a missing, an
                                   unexpected, a reshaped and a float64 tensor; bad.json is the report
  peer.py check-load-weights MODEL WEIGHTS OUT [--strip P] [--add P]   OUT (TorchScript) holds WEIGHTS'
                                   values where name, shape and dtype match and MODEL's elsewhere, with
                                   MODEL's requires_grad flags
  peer.py dict-subclass OUT.pt        a checkpoint whose dicts are subclasses of dict (as Lightning's AttributeDict
                                   and OrderedDict subclasses are: pickled as NEWOBJ then SETITEMS), with
                                   tensors inside them; OUT.json lists its tensors by dotted name
  peer.py training OUTDIR          training checkpoints as torch.save writes them (tests/python/training.py)
  peer.py lightning OUTDIR         a Lightning .ckpt from a few steps of Trainer.fit on CPU
  peer.py hf-trainer OUTDIR        a Hugging Face Trainer's checkpoint-N/ folder from a tiny BERT
  peer.py check-whole-model FILE CHECKPOINT FLAGS.json   FILE is the model CHECKPOINT holds pickled whole,
                                   with the flags FLAGS.json lists
  peer.py llama-folder OUTDIR      a Llama model folder from transformers' save_pretrained (4 blocks)
  peer.py check-freeze-plan FOLDER PLAN.json PREFIXES   PLAN names exactly from_pretrained(FOLDER)'s
                                   parameters and freezes exactly those under the comma-separated PREFIXES
  peer.py check-extracted MODEL FILE [EXPECTED.pt]   FILE loads into a fresh MODEL (cnn, resnet18,
                                   transformer; "-": compare names with EXPECTED only) strictly, values equal
The check commands print one line and exit 1 when PyTorch disagrees.
"""
import collections
import csv
import hashlib
import io
import json
import math
import os
import re
import sys

import numpy as np
import torch
import torch.nn as nn


def tensor_bytes(t):
    """The values' bytes in row-major order; a quantized tensor's are its int_repr()."""
    if t.is_quantized:
        t = t.int_repr()
    t = t.detach().contiguous()
    if t.dtype == torch.bfloat16:
        t = t.view(torch.int16)
    if t.dtype in NUMPY_LESS_DTYPES:  # PyTorch 2.x types numpy has no type for: their bytes
        return t.reshape(-1).view(torch.uint8).numpy().tobytes()
    return t.numpy().tobytes()


# PyTorch 2.x element types: (name, how to make values of it from float32 values), those numpy lacks,
# and those PyTorch itself cannot turn into numbers (bits types, packed float4), shown as their bytes.
MODERN_DTYPES = ["float8_e4m3fn", "float8_e5m2", "float8_e4m3fnuz", "float8_e5m2fnuz", "float8_e8m0fnu",
                 "float4_e2m1fn_x2", "uint16", "uint32", "uint64", "complex32",
                 "bits8", "bits16", "bits1x8", "bits2x4", "bits4x2"]
NUMPY_LESS_DTYPES = set(getattr(torch, n) for n in MODERN_DTYPES + ["complex32"] if hasattr(torch, n)) - \
    set(getattr(torch, n) for n in ["uint16", "uint32", "uint64"] if hasattr(torch, n))
RAW_DTYPES = set(getattr(torch, n) for n in ["float4_e2m1fn_x2", "bits8", "bits16", "bits1x8", "bits2x4",
                                              "bits4x2"] if hasattr(torch, n))


def numbers_of(t):
    """The values Torchscope's statistics take of a tensor: .double() as PyTorch computes it (a complex
    tensor's real part), and for types PyTorch cannot convert, the unsigned integers of their bytes."""
    t = t.detach()
    if t.dtype in RAW_DTYPES:
        return t.view(torch.uint8 if t.element_size() == 1 else torch.int16).to(torch.int32).double() % 65536
    if t.is_complex():
        return t.real.double() if t.dtype != torch.complex32 else t.real.float().double()
    return t.double()


def double_stats(t):
    v = numbers_of(t).flatten()
    finite = v[torch.isfinite(v)]
    out = {"nan": int(torch.isnan(v).sum()), "inf": int(torch.isinf(v).sum()), "count": v.numel()}
    if finite.numel():
        out.update({"min": finite.min().item(), "max": finite.max().item(), "mean": finite.mean().item(),
                    "std": finite.std(unbiased=False).item() if finite.numel() > 1 else 0.0})
    return out


def modern_dtype_tensors():
    """A tensor of each PyTorch 2.x element type, values from a seeded normal (with NaN and ±inf where
    the type holds them), every bit pattern for the one-byte types."""
    g = torch.Generator().manual_seed(5)
    base = torch.cat([torch.randn(40, generator=g) * 4, torch.tensor([0.0, -0.0, float("nan"), float("inf"),
                                                                       -float("inf"), 1e-3, 448.0, 57344.0])])
    every_byte = torch.arange(256, dtype=torch.int32).to(torch.uint8)
    out = {}
    for name in MODERN_DTYPES:
        dt = getattr(torch, name, None)
        if dt is None:
            continue
        if dt in RAW_DTYPES or name.startswith("float8"):
            if torch.empty(0, dtype=dt).element_size() == 1:
                out[name] = every_byte.view(dt).reshape(16, 16)
            else:
                out[name] = torch.arange(-60, 60, dtype=torch.int16).mul(517).view(dt)
            continue
        if name.startswith("uint"):
            out[name] = (torch.arange(30, dtype=torch.int64) * 2 ** (int(name[4:]) - 6)).to(dt).reshape(5, 6)
            continue
        if name == "complex32":
            out[name] = torch.complex(base[:40], -base[:40]).to(dt).reshape(8, 5)
            continue
    return out


def digest(t):
    return hashlib.sha256(tensor_bytes(t)).hexdigest()


def natural_key(name):
    """Digit runs compare as numbers ("layers.2" before "layers.10", as ModuleList counts), other
    characters as characters; names equal as numbers ("x.01", "x.1") then in plain order."""
    parts = []
    for digits, other in re.findall(r"(\d+)|(\D)", name):
        # A digit run ranks where its first digit would among characters ("." < digits < ":").
        parts.append((ord("0"), len(digits.lstrip("0")), digits.lstrip("0")) if digits else (ord(other), 0, ""))
    return (parts, name)


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


class Block(nn.Module):
    """A decoder block in Llama's naming, at toy size."""

    def __init__(self, width=8):
        super().__init__()
        self.self_attn = nn.Module()
        for name in ("q_proj", "k_proj", "v_proj", "o_proj"):
            setattr(self.self_attn, name, nn.Linear(width, width, bias=False))
        self.mlp = nn.Module()
        self.mlp.gate_proj = nn.Linear(width, 2 * width, bias=False)
        self.mlp.up_proj = nn.Linear(width, 2 * width, bias=False)
        self.mlp.down_proj = nn.Linear(2 * width, width, bias=False)
        self.input_layernorm = nn.LayerNorm(width)
        self.post_attention_layernorm = nn.LayerNorm(width)


class LanguageModel(nn.Module):
    """Embedding, a ModuleList of identical blocks, a norm and an untied head: Llama's layout."""

    def __init__(self, blocks=12, width=8, vocab=32):
        super().__init__()
        self.model = nn.Module()
        self.model.embed_tokens = nn.Embedding(vocab, width)
        self.model.layers = nn.ModuleList([Block(width) for _ in range(blocks)])
        self.model.norm = nn.LayerNorm(width)
        self.lm_head = nn.Linear(width, vocab, bias=False)


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


class Attributes(nn.Module):
    """Non-tensor attributes of every kind a pickle can hold beside the weights, some shared."""

    def __init__(self):
        super().__init__()
        import collections
        self.linear = nn.Linear(4, 3)
        self.title = "attributes \u00e9\u6a21\u578b"
        self.scale = 0.125
        self.big = 2 ** 80 + 3
        self.negative = -(2 ** 40)
        self.shape = torch.Size([2, 3])
        self.device = torch.device("cpu")
        self.dtype = torch.float16
        self.options = {"a": [1, 2.5, None, True], "b": (3, "x"), 4: {"nested": b"\x00\xffbytes"}}
        self.labels = ["cat", "dog"]
        self.same_labels = self.labels
        self.tags = {"x", "y"}
        self.frozen_tags = frozenset({1, 2})
        self.counts = collections.defaultdict(int, {"seen": 3})
        self.ordered = collections.OrderedDict([("k", 1), ("j", [2])])
        self.constant = torch.tensor([1.0, 2.0])
        self.view = self.constant[1:]
        self.register_buffer("running", torch.linspace(0, 1, 3))
        self.register_buffer("scratch", torch.ones(2), persistent=False)
        self.nothing = None

    def forward(self, x):
        return self.linear(x) * self.scale + self.running + self.constant.sum()


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
    resnet = resnet18(num_classes=10).eval()
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


# --- every checkpoint format -------------------------------------------------------------

SAFETENSORS_CODES = {
    torch.bool: "BOOL", torch.uint8: "U8", torch.int8: "I8", torch.int16: "I16", torch.int32: "I32",
    torch.int64: "I64", torch.float16: "F16", torch.bfloat16: "BF16", torch.float32: "F32",
    torch.float64: "F64", torch.complex64: "C64",
}


def write_safetensors(path, tensors, metadata=None):
    """The safetensors layout, written by hand (the safetensors package is not in Debian)."""
    header = {}
    chunks = []
    offset = 0
    # As the reference writer does: by dtype alignment (largest first), then by name.
    order = sorted(tensors.items(), key=lambda kv: (-kv[1].element_size(), kv[0]))
    for name, t in order:
        data = tensor_bytes(t) if t.dtype != torch.complex64 else t.contiguous().numpy().tobytes()
        header[name] = {"dtype": SAFETENSORS_CODES[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    if metadata:
        header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(len(text).to_bytes(8, "little"))
        f.write(text)
        for chunk in chunks:
            f.write(chunk)


def write_two_shards(outdir, sd, ext):
    """A state_dict in two shards plus the index naming each tensor's shard, as Hugging Face's
    save_pretrained writes them (ext "bin": torch.save shards, "safetensors"). Returns the index name."""
    prefix = "pytorch_model" if ext == "bin" else "model"
    writer = (lambda path, part: torch.save(part, path)) if ext == "bin" else write_safetensors
    keys = list(sd.keys())
    halves = [keys[: len(keys) // 2], keys[len(keys) // 2:]]
    weight_map = {}
    for i, half in enumerate(halves):
        shard = "%s-%05d-of-%05d.%s" % (prefix, i + 1, len(halves), ext)
        writer(os.path.join(outdir, shard), {k: sd[k] for k in half})
        weight_map.update({k: shard for k in half})
    index = "%s.%s.index.json" % (prefix, ext)
    with open(os.path.join(outdir, index), "w") as f:
        json.dump({"metadata": {"total_size": sum(t.numel() * t.element_size() for t in sd.values())},
                   "weight_map": weight_map}, f, indent=2)
    return index


def every_dtype():
    g = torch.Generator().manual_seed(3)
    base = torch.randn(4, 5, generator=g)
    shared = torch.arange(24, dtype=torch.float32)
    tensors = {
        "f32": base,
        "f64": base.double(),
        "f16": base.half(),
        "bf16": base.bfloat16(),
        "i8": (base * 50).to(torch.int8),
        "i16": (base * 1000).to(torch.int16),
        "i32": (base * 1e6).to(torch.int32),
        "i64": (base * 1e12).to(torch.int64),
        "u8": (base.abs() * 40).to(torch.uint8),
        "bool": base > 0,
        "c64": torch.complex(base, -base),
        "scalar": torch.tensor(3.5),
        "empty": torch.zeros(0, 7),
        "nan_inf": torch.tensor([1.0, float("nan"), float("inf"), -float("inf"), -2.0]),
    }
    return tensors, shared


def _torch_nn_buffer_names():
    """The names torch.nn's own modules give their buffers, as PyTorch registers them: a state_dict entry of
    one of these names is a buffer (Torchscope recognises them by name, having no model to ask)."""
    modules = [nn.BatchNorm1d(2), nn.InstanceNorm1d(2, track_running_stats=True),
               torch.optim.swa_utils.AveragedModel(nn.Linear(1, 1))]
    return {name.rsplit(".", 1)[-1] for m in modules for name, _ in m.named_buffers()}


TORCH_NN_BUFFER_NAMES = _torch_nn_buffer_names()


def default_kind(name):
    return "buffer" if name.rsplit(".", 1)[-1] in TORCH_NN_BUFFER_NAMES else "tensor"


def describe_tensors(tensors, kinds=None, flags=None):
    out = []
    for name, t in tensors.items():
        if t.is_meta:  # shape and dtype, no data
            out.append({"name": name, "dtype": dtype_name(t.dtype), "shape": list(t.shape), "stride": list(t.stride()),
                        "storage_offset": t.storage_offset(), "kind": (kinds or {}).get(name, default_kind(name)),
                        "requires_grad": (flags or {}).get(name), "meta": True})
            continue
        out.append({"name": name, "dtype": dtype_name(t.dtype), "shape": list(t.shape),
                    "stride": list(t.stride()), "storage_offset": t.storage_offset(),
                    "kind": (kinds or {}).get(name, default_kind(name)),
                    "requires_grad": (flags or {}).get(name),
                    "sha256": hashlib.sha256(t.detach().contiguous().numpy().tobytes() if t.dtype == torch.complex64
                                             else tensor_bytes(t)).hexdigest()})
    return out


def flatten(obj, prefix=""):
    """Tensors of a nested dict/list by dotted key path, in insertion order."""
    items = []
    if isinstance(obj, torch.Tensor):
        items.append((prefix, obj))
    elif isinstance(obj, dict):
        for k, v in obj.items():
            items += flatten(v, "%s.%s" % (prefix, k) if prefix else str(k))
    elif isinstance(obj, (list, tuple)):
        for i, v in enumerate(obj):
            items += flatten(v, "%s.%d" % (prefix, i) if prefix else str(i))
    return items


def module_description(model):
    modules = [{"path": name, "type": type(m).__module__ + "." + type(m).__qualname__}
               for name, m in model.named_modules()]
    tensors = {}
    kinds = {}
    flags = {}
    for prefix, m in model.named_modules():
        for name, p in m._parameters.items():
            if p is not None:
                full = prefix + "." + name if prefix else name
                tensors[full] = p
                kinds[full] = "parameter"
                flags[full] = p.requires_grad
        for name, b in m._buffers.items():
            if b is not None and name not in m._non_persistent_buffers_set:
                full = prefix + "." + name if prefix else name
                tensors[full] = b
                kinds[full] = "buffer"
    # state_dict order, which is what Torchscope lists
    ordered = {k: tensors[k] for k in model.state_dict(keep_vars=True).keys()}
    for k in tensors:
        if k not in ordered:
            ordered[k] = tensors[k]
    return modules, describe_tensors(ordered, kinds, flags)


class BasicBlock(nn.Module):
    """torchvision's ResNet BasicBlock, attribute for attribute."""

    def __init__(self, inplanes, planes, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = None
        if stride != 1 or inplanes != planes:
            self.downsample = nn.Sequential(nn.Conv2d(inplanes, planes, 1, stride, bias=False), nn.BatchNorm2d(planes))
        self.stride = stride

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        return self.relu(self.bn2(self.conv2(out)) + identity)


class ResNet18(nn.Module):
    """torchvision's resnet18, module for module, for a peer without torchvision (PyPI has no torchvision
    for the pinned PyTorch): the same names, shapes and initialisation kinds."""

    def __init__(self, num_classes=1000):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 7, 2, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(3, 2, 1)
        self.layer1 = nn.Sequential(BasicBlock(64, 64), BasicBlock(64, 64))
        self.layer2 = nn.Sequential(BasicBlock(64, 128, 2), BasicBlock(128, 128))
        self.layer3 = nn.Sequential(BasicBlock(128, 256, 2), BasicBlock(256, 256))
        self.layer4 = nn.Sequential(BasicBlock(256, 512, 2), BasicBlock(512, 512))
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(512, num_classes)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.fc(torch.flatten(self.avgpool(x), 1))


def transformer_encoder():
    torch.manual_seed(4)
    layer = nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16, batch_first=True)
    return nn.TransformerEncoder(layer, num_layers=2).eval()


def resnet18(num_classes):
    try:
        import torchvision
        return torchvision.models.resnet18(num_classes=num_classes)
    except ImportError:
        return ResNet18(num_classes)


class MarkedTensor(torch.Tensor):
    """A tensor subclass, saved through _rebuild_from_type_v2."""


class WithBuffer(nn.Module):
    """A module whose buffer is a torch.nn.Buffer (PyTorch >= 2.5) and whose parameter has an attribute."""

    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(3, 2)
        self.linear.weight.note = "an attribute"
        self.scale = nn.Buffer(torch.tensor([0.5, 2.0]))


def storage_types(path):
    """key -> element type of each storage of a torch.save zip, read without rebuilding anything."""
    import pickle
    import zipfile
    types = {}

    class Reader(pickle.Unpickler):
        def persistent_load(self, pid):
            storage_type, key = pid[1], pid[2]
            types[key] = torch.uint8 if storage_type is torch.UntypedStorage else storage_type.dtype
            return torch.UntypedStorage(0)

        def find_class(self, module, name):
            if module == "torch._utils" and name.startswith("_rebuild"):
                return lambda *args: None
            if module == "collections" and name == "OrderedDict":
                import collections
                return collections.OrderedDict
            return super().find_class(module, name)

    with zipfile.ZipFile(path) as z:
        pkl = [n for n in z.namelist() if n.endswith("/data.pkl")][0]
        Reader(z.open(pkl)).load()
    return types


def big_endian_copy(source, target):
    """The archive PyTorch would write on a big-endian host: every storage's elements byte-swapped (complex
    numbers by their halves) and a byteorder record saying "big"."""
    import zipfile
    types = storage_types(source)
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as out:
        for info in z.infolist():
            data = z.read(info.filename)
            folder, _, rest = info.filename.partition("/")
            if rest == "byteorder":
                data = b"big"
            elif rest.startswith("data/") and rest[5:] in types:
                dt = types[rest[5:]]
                size = torch.empty(0, dtype=dt).element_size()
                if dt.is_complex:
                    size //= 2
                if size > 1:
                    data = np.frombuffer(data, dtype=np.dtype("u%d" % size)).byteswap().tobytes()
            out.writestr(info.filename, data)


def formats(outdir):
    torch.manual_seed(0)
    os.makedirs(outdir, exist_ok=True)
    cases = {}

    def add(name, fmt, tensors, modules=None, ties=None, metadata=None):
        cases[name] = {"file": os.path.join(outdir, name), "format": fmt, "tensors": tensors,
                       "modules": modules or [], "ties": ties or [], "metadata": metadata or {}}

    cnn = CNN().eval()
    for name, p in cnn.named_parameters():
        p.requires_grad = name.startswith("fc.")
    sd = cnn.state_dict()
    torch.save(sd, os.path.join(outdir, "state_dict.pt"))
    add("state_dict.pt", "state_dict", describe_tensors(sd))
    torch.save(sd, os.path.join(outdir, "state_dict_legacy.pt"), _use_new_zipfile_serialization=False)
    # One storage of 6 float32 at the very end of the file, for the reader's boundary tests.
    torch.save({"w": torch.arange(6, dtype=torch.float32)}, os.path.join(outdir, "one_storage_legacy.pt"),
               _use_new_zipfile_serialization=False)
    add("state_dict_legacy.pt", "state_dict-legacy", describe_tensors(sd))

    dtypes, shared = every_dtype()
    views = dict(dtypes)
    views["transposed"] = dtypes["f32"].t()                 # strides (1, 5)
    views["slice"] = shared[5:17].view(3, 4)                 # storage offset 5
    views["column"] = shared.view(4, 6)[:, 2]                # stride 6
    views["whole"] = shared                                  # shares the slice's storage
    views["again"] = dtypes["f32"]                           # the same tensor twice: tied
    torch.save(views, os.path.join(outdir, "tensors.pt"))
    add("tensors.pt", "state_dict", describe_tensors(views), ties=[["again", "f32"]])
    torch.save(views, os.path.join(outdir, "tensors_legacy.pt"), _use_new_zipfile_serialization=False)
    add("tensors_legacy.pt", "state_dict-legacy", describe_tensors(views), ties=[["again", "f32"]])

    nested = {"epoch": 7, "model": sd, "optimizer": {"lr": 0.1, "history": [torch.ones(2), torch.zeros(3, 1)]},
              "note": "trained", "best": 0.93}
    torch.save(nested, os.path.join(outdir, "nested.pt"))
    add("nested.pt", "state_dict", describe_tensors(dict(flatten(nested))))

    modules, tensors = module_description(cnn)
    torch.save(cnn, os.path.join(outdir, "whole_cnn.pt"))
    add("whole_cnn.pt", "pickle-module", tensors, modules)
    torch.save(cnn, os.path.join(outdir, "whole_cnn_legacy.pt"), _use_new_zipfile_serialization=False)
    add("whole_cnn_legacy.pt", "pickle-module", tensors, modules)
    tied = Tied()
    tied.norm.weight.requires_grad = False
    modules, tensors = module_description(tied)
    torch.save(tied, os.path.join(outdir, "whole_tied.pt"))
    add("whole_tied.pt", "pickle-module", tensors, modules, ties=[["head.weight", "embed.weight"]])
    resnet = resnet18(num_classes=10)
    for p in resnet.layer1.parameters():
        p.requires_grad = False
    modules, tensors = module_description(resnet)
    torch.save(resnet, os.path.join(outdir, "whole_resnet18.pt"))
    add("whole_resnet18.pt", "pickle-module", tensors, modules)

    # nn.TransformerEncoder (attention with its packed in_proj, a function as an attribute), in eval mode.
    transformer = transformer_encoder()
    torch.save(transformer.state_dict(), os.path.join(outdir, "transformer.pt"))
    add("transformer.pt", "state_dict", describe_tensors(transformer.state_dict()))
    modules, tensors = module_description(transformer)
    torch.save(transformer, os.path.join(outdir, "whole_transformer.pt"))
    add("whole_transformer.pt", "pickle-module", tensors, modules)

    st = {k: v for k, v in dtypes.items()}
    write_safetensors(os.path.join(outdir, "model.safetensors"), st, {"format": "pt", "source": "torchscope tests"})
    add("model.safetensors", "safetensors", sorted(describe_tensors(st), key=lambda t: natural_key(t["name"])),
        metadata={"format": "pt", "source": "torchscope tests"})

    # Sharded checkpoints as Hugging Face writes them: shards plus an index naming each tensor's shard.
    for ext in ("bin", "safetensors"):
        index = write_two_shards(outdir, sd, ext)
        add(index, "sharded", sorted(describe_tensors(sd), key=lambda t: natural_key(t["name"])))

    # A decoder-only language model's layout with twelve blocks, sharded as save_pretrained shards:
    # the index and each header list names in string order (layers.0, layers.1, layers.10, ...).
    llm = LanguageModel(blocks=12)
    sd = llm.state_dict()
    os.makedirs(os.path.join(outdir, "llm"), exist_ok=True)
    keys = sorted(sd.keys())
    weight_map = {}
    for i, part in enumerate((keys[: len(keys) // 2], keys[len(keys) // 2:])):
        shard = "model-%05d-of-00002.safetensors" % (i + 1)
        write_safetensors(os.path.join(outdir, "llm", shard), {k: sd[k] for k in part})
        weight_map.update({k: shard for k in part})
    with open(os.path.join(outdir, "llm", "model.safetensors.index.json"), "w") as f:
        json.dump({"metadata": {"total_size": sum(t.numel() * t.element_size() for t in sd.values())},
                   "weight_map": weight_map}, f, indent=2, sort_keys=True)
    attributes = Attributes()
    attributes.linear.bias.requires_grad = False
    modules, tensors = module_description(attributes)
    torch.save(attributes, os.path.join(outdir, "whole_attributes.pt"))
    add("whole_attributes.pt", "pickle-module", tensors, modules)
    modules, tensors = module_description(llm)
    torch.save(llm, os.path.join(outdir, "whole_llm.pt"))
    add("whole_llm.pt", "pickle-module", tensors, modules)
    add("llm/model.safetensors.index.json", "sharded",
        sorted(describe_tensors(sd), key=lambda t: natural_key(t["name"])))

    if hasattr(torch, "float8_e4m3fn"):
        modern_formats(outdir, add)

    with open(os.path.join(outdir, "formats.json"), "w") as f:
        json.dump(cases, f, indent=1)


def dtensor(path):
    """torch.save of a state dict holding a DTensor (one rank, gloo, on this machine's loopback): a wrapper
    subclass whose data is not in the file."""
    import socket
    import torch.distributed as dist
    from torch.distributed.device_mesh import init_device_mesh
    from torch.distributed.tensor import Shard, distribute_tensor
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dist.init_process_group("gloo", init_method="tcp://127.0.0.1:%d" % port, rank=0, world_size=1)
    try:
        mesh = init_device_mesh("cpu", (1,))
        torch.save({"w": distribute_tensor(torch.randn(4, 4), mesh, [Shard(0)])}, path)
    finally:
        dist.destroy_process_group()


class RunConfig:
    """A training script's config object, pickled as an instance of a class."""

    def __init__(self):
        self.lr = 3e-4
        self.layers = 4
        self.name = "tiny"


try:
    import dataclasses

    @dataclasses.dataclass
    class TrainConfig:
        """A training script's config as a dataclass."""
        lr: float = 1e-3
        epochs: int = 3
        tags: tuple = ("a", "b")
except ImportError:  # pragma: no cover
    TrainConfig = None


def weights_only_blocked(outdir):
    """Training checkpoints PyTorch >= 2.6's default torch.load refuses (numpy scalars and arrays, an
    argparse.Namespace with a path, a config object, a class reference), and blocked.json: for each file
    the globals that stop it and where they sit."""
    import argparse
    import pathlib
    os.makedirs(outdir, exist_ok=True)
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4))
    cases = {
        "numpy.pt": {"epoch": 7, "model": model.state_dict(), "best_acc": np.float64(0.93),
                     "steps": np.int64(1200), "history": np.arange(6, dtype=np.float32).reshape(2, 3)},
        "argparse.pt": {"model": model.state_dict(), "args": argparse.Namespace(lr=0.1, out=pathlib.Path("/tmp/run1"))},
        "config.pt": {"state_dict": model.state_dict(), "config": RunConfig(), "kind": nn.Linear},
        "dataclass.pt": {"model": model.state_dict(), "train": TrainConfig(), "step": np.int64(9)},
    }
    for name, value in cases.items():
        torch.save(value, os.path.join(outdir, name))
    with open(os.path.join(outdir, "blocked.json"), "w") as f:
        json.dump({"files": sorted(cases)}, f)


def check_weights_only_safe(original, copy):
    """ORIGINAL is refused by the default torch.load, COPY is loaded by it; every tensor of ORIGINAL
    (loaded without weights_only) is in COPY at the same place, bit for bit."""
    import pickle
    try:
        torch.load(original)
        fail("%s loads with weights_only=True: nothing to repair" % original)
    except pickle.UnpicklingError:
        pass
    check_weights_only_loadable(copy)
    got = dict(flatten(torch.load(copy)))
    want = dict(flatten(torch.load(original, weights_only=False)))
    for name, t in want.items():
        if name not in got:
            fail("%s is missing from the copy" % name)
        if got[name].dtype != t.dtype or got[name].shape != t.shape or tensor_bytes(got[name]) != tensor_bytes(t):
            fail("%s differs in the copy" % name)
    print("OK %d tensors" % len(want))


def check_modern_values(manifest_path):
    """Each listed .npy export and histogram of a PyTorch 2.x tensor equals what PyTorch computes: the values
    of .float() (a complex32 tensor's real part; the bytes, for types PyTorch cannot convert), and
    numpy.histogram of the finite ones on the same edges."""
    with open(manifest_path) as f:
        cases = json.load(f)
    for case in cases:
        t = torch.load(case["file"])[case["name"]]
        if t.dtype in RAW_DTYPES:
            want = t.view(torch.uint8).numpy() if t.element_size() == 1 else t.view(torch.int16).numpy().view(np.uint16)
        elif t.is_complex():
            want = t.real.float().numpy()
        elif t.dtype in (torch.uint16, torch.uint32, torch.uint64):
            want = t.numpy()
        else:
            want = t.float().numpy()
        got = np.load(case["npy"])
        if got.dtype != want.dtype or got.shape != want.shape or not np.array_equal(got, want, equal_nan=True):
            fail("%s: the .npy export is %s%s, PyTorch gives %s%s" % (case["name"], got.dtype, list(got.shape),
                                                                     want.dtype, list(want.shape)))
        if "hist" not in case:
            continue
        values = numbers_of(t).flatten().numpy()
        values = values[np.isfinite(values)]
        with open(case["hist"]) as f:
            hist = json.load(f)
        counts, _ = np.histogram(values, bins=np.array(hist["edges"]))
        if list(counts) != hist["counts"]:
            fail("%s: histogram counts %s, numpy gives %s" % (case["name"], hist["counts"], list(counts)))
    print("OK %d tensors" % len(cases))


def modern_dtypes(path):
    """A tensor of each PyTorch 2.x element type (modern_dtype_tensors), saved with torch.save."""
    torch.save(modern_dtype_tensors(), path)


def with_stats(described, tensors):
    for entry in described:
        entry["stats"] = double_stats(tensors[entry["name"]])
    return described


def modern_formats(outdir, add):
    """What only PyTorch 2.x writes: every new element type (_rebuild_tensor_v3 on untyped storages),
    torch.nn.Buffer, parameters with attributes, tensor subclasses, archives without CRCs, a big-endian
    archive and records aligned to a page."""
    import torch.utils.serialization.config as config
    dtypes = modern_dtype_tensors()
    torch.save(dtypes, os.path.join(outdir, "v3_dtypes.pt"))
    add("v3_dtypes.pt", "state_dict", with_stats(describe_tensors(dtypes), dtypes))

    model = WithBuffer()
    modules, tensors = module_description(model)
    torch.save(model, os.path.join(outdir, "whole_buffer.pt"))
    add("whole_buffer.pt", "pickle-module", tensors, modules)

    plain = {"marked": torch.arange(6.0).as_subclass(MarkedTensor), "weight": model.linear.weight,
             "plain": torch.ones(2, 2)}
    torch.save(plain, os.path.join(outdir, "subclass.pt"))
    add("subclass.pt", "state_dict", describe_tensors({k: v.as_subclass(torch.Tensor) for k, v in plain.items()}))

    cnn = CNN().eval()
    sd = cnn.state_dict()
    config.save.compute_crc32 = False
    try:
        torch.save(sd, os.path.join(outdir, "no_crc.pt"))
    finally:
        config.save.compute_crc32 = True
    add("no_crc.pt", "state_dict", describe_tensors(sd))

    aligned = config.save.storage_alignment
    config.save.storage_alignment = 4096
    try:
        torch.save(sd, os.path.join(outdir, "aligned_4096.pt"))
    finally:
        config.save.storage_alignment = aligned
    add("aligned_4096.pt", "state_dict", describe_tensors(sd))

    # Meta tensors (a model built on the meta device, its state_dict saved), beside one with data.
    meta = {"weight": torch.empty(4, 3, device="meta"), "bias": torch.empty(4, dtype=torch.float16, device="meta"),
            "scale": torch.tensor([2.0])}
    torch.save(meta, os.path.join(outdir, "meta.pt"))
    add("meta.pt", "state_dict", describe_tensors(meta))

    # Big-endian, made from a little-endian archive; PyTorch itself must read it as the original first.
    g = torch.Generator().manual_seed(9)
    mixed = {"f32": torch.randn(3, 4, generator=g), "f64": torch.randn(5, generator=g).double(),
             "f16": torch.randn(6, generator=g).half(), "bf16": torch.randn(2, 3, generator=g).bfloat16(),
             "i64": torch.arange(-4, 4), "i16": torch.arange(7, dtype=torch.int16) * 300, "u8": torch.arange(9).byte(),
             "c64": torch.complex(torch.randn(3, generator=g), torch.randn(3, generator=g)),
             "view": torch.arange(20.0)[3:15].view(3, 4).t()}
    little = os.path.join(outdir, "little_endian.pt")
    torch.save(mixed, little)
    big = os.path.join(outdir, "big_endian.pt")
    big_endian_copy(little, big)
    loaded = torch.load(big, weights_only=True)
    for k, v in mixed.items():
        if loaded[k].dtype != v.dtype or not torch.equal(loaded[k], v):
            fail("PyTorch reads the big-endian copy's %s differently" % k)
    add("big_endian.pt", "state_dict", describe_tensors(mixed))


class Payload:
    """Pickles as a call that torch.load would make."""

    def __init__(self, func, args):
        self.func, self.args = func, args

    def __reduce__(self):
        return (self.func, self.args)


def hostile(outdir):
    import subprocess
    os.makedirs(outdir, exist_ok=True)
    marker = os.path.join(outdir, "pwned")
    weights = {"layer.weight": torch.arange(6.0).view(2, 3), "layer.bias": torch.ones(2)}
    payloads = {
        "os_system": (os.system, ("touch " + marker,)),
        "eval": (eval, ("open(%r, 'w').close()" % marker,)),
        "exec": (exec, ("open(%r, 'w').close()" % marker,)),
        "subprocess": (subprocess.Popen, (["touch", marker],)),
    }
    cases = {}
    def notation(value):
        # The call's arguments as Torchscope writes them for people: strings in single quotes with \\, '
        # and newlines escaped, lists in brackets.
        if isinstance(value, str):
            return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"
        if isinstance(value, list):
            return "[" + ", ".join(notation(v) for v in value) + "]"
        return repr(value)

    for name, (func, args) in payloads.items():
        mixed = dict(weights)
        mixed["payload"] = Payload(func, args)
        path = os.path.join(outdir, name + ".pt")
        torch.save(mixed, path)
        cases[name + ".pt"] = {"callable": func.__module__ + "." + func.__qualname__ if name != "subprocess"
                               else "subprocess.Popen", "tensors": 2,
                               "arguments": ", ".join(notation(a) for a in args), "place": name + "/data.pkl"}
        legacy = os.path.join(outdir, name + "_legacy.pt")
        torch.save(mixed, legacy, _use_new_zipfile_serialization=False)
        cases[name + "_legacy.pt"] = dict(cases[name + ".pt"], place="")
    only = os.path.join(outdir, "only_payload.pt")
    torch.save(Payload(os.system, ("touch " + marker,)), only)
    cases["only_payload.pt"] = {"callable": "posix.system", "tensors": 0, "arguments": notation("touch " + marker),
                                "place": "only_payload/data.pkl"}
    with open(os.path.join(outdir, "hostile.json"), "w") as f:
        json.dump({"marker": marker, "cases": cases}, f, indent=1)


class Tagged(torch.Tensor):
    """A tensor subclass: torch.save records the class, which a model written back must not lose."""


class AttributeDict(dict):
    """As lightning.fabric.utilities.data.AttributeDict: a dict whose keys are also attributes."""
    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError as e:
            raise AttributeError(key) from e


class StateDictCopy(collections.OrderedDict):
    pass


def dict_subclass(out):
    """A checkpoint holding dict subclasses, and its tensors by dotted name (OUT.json)."""
    torch.manual_seed(3)
    layer = nn.Linear(3, 2)
    checkpoint = {
        "hyper_parameters": AttributeDict(lr=0.1, epochs=3, nested=AttributeDict(gamma=torch.tensor([0.5]))),
        "state_dict": StateDictCopy(layer.state_dict()),
        "epoch": 7,
    }
    torch.save(checkpoint, out)
    tensors = {}
    def walk(value, prefix):
        if isinstance(value, torch.Tensor):
            tensors[prefix] = {"shape": list(value.shape), "values": value.flatten().tolist()}
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, prefix + "." + key if prefix else key)
    walk(torch.load(out, weights_only=False), "")
    with open(os.path.splitext(out)[0] + ".json", "w") as f:
        json.dump(tensors, f)


def unwritable(outdir):
    """torch.save(model) pickles that cannot be written back as they were, and what Torchscope must say
    (unwritable.json: file -> words of the reason)."""
    os.makedirs(outdir, exist_ok=True)
    marker = os.path.join(outdir, "pwned")
    cases = {}
    model = CNN()
    model.callback = Payload(os.system, ("touch " + marker,))
    torch.save(model, os.path.join(outdir, "payload.pt"))
    cases["payload.pt"] = "posix.system"
    model = CNN()
    model.layer1.callback = Payload(os.system, ("touch " + marker,))
    torch.save(model, os.path.join(outdir, "payload_in_layer1.pt"))
    cases["payload_in_layer1.pt"] = "posix.system"
    model = CNN()
    model.extra = torch.ones(2).as_subclass(Tagged)
    torch.save(model, os.path.join(outdir, "subclass.pt"))
    cases["subclass.pt"] = "a tensor subclass"
    with open(os.path.join(outdir, "unwritable.json"), "w") as f:
        json.dump({"marker": marker, "cases": cases}, f, indent=1)


def submodule(model, path):
    for part in [p for p in path.split(".") if p]:
        model = getattr(model, part)
    return model


def fail(message):
    print("MISMATCH: " + message)
    sys.exit(1)


def check_weights_only_loadable(path):
    """PyTorch >= 2.6 loads with weights_only=True by default: nothing in PATH may need a global outside
    its allowlist."""
    unsafe = getattr(torch.serialization, "get_unsafe_globals_in_checkpoint", None)
    if unsafe is not None and unsafe(path):
        fail("%s needs globals outside the weights-only allowlist: %s" % (path, unsafe(path)))


def check_weights(original, exported, module_path):
    reference = submodule(torch.jit.load(original), module_path).state_dict()
    check_weights_only_loadable(exported)
    loaded = torch.load(exported)  # the default: weights_only=True since PyTorch 2.6
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


def check_flags(loaded, flags, module_path):
    """Each parameter of LOADED (the module at module_path) has the flag FLAGS gives its full name."""
    for name, p in loaded.named_parameters():
        full = (module_path + "." + name) if module_path else name
        if full not in flags:
            fail("%s: no expected flag" % full)
        if p.requires_grad != flags[full]:
            fail("%s: requires_grad %s, expected %s" % (full, p.requires_grad, flags[full]))


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
    check_flags(loaded, flags, module_path)
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


def special_values(outdir):
    """Tensors with NaN, +-Inf, zeros and negative zeros in every dtype the statistics read, and what
    PyTorch computes for each: NaN and Inf counted, then left out, as Torchscope does."""
    os.makedirs(outdir, exist_ok=True)
    g = torch.Generator().manual_seed(11)
    base = torch.randn(6, 7, generator=g) * 3
    base[0, 0], base[0, 1], base[1, 2], base[2, 3] = float("nan"), float("inf"), -float("inf"), 0.0
    base[3, 4], base[4, 5] = -0.0, float("nan")
    tensors = {}
    for name, dt in (("f32", torch.float32), ("f64", torch.float64), ("f16", torch.float16), ("bf16", torch.bfloat16)):
        tensors[name] = base.to(dt)
    tensors["f32_view"] = base.t()[1:, ::2]  # a strided view with an offset
    tensors["all_nan"] = torch.full((5,), float("nan"))
    tensors["zeros_and_negative_zeros"] = torch.tensor([0.0, -0.0, 0.0, -0.0])
    tensors["i32"] = (base.nan_to_num(0, 0, 0) * 10).to(torch.int32)
    tensors["u8"] = (base.nan_to_num(0, 0, 0).abs() * 10).to(torch.uint8)
    tensors["bool"] = base > 0
    tensors["empty"] = torch.zeros(0, 3)
    torch.save(tensors, os.path.join(outdir, "special.pt"))
    expected = {}
    for name, t in tensors.items():
        v = t.double().flatten()
        finite = v[torch.isfinite(v)]
        entry = {"numel": v.numel(), "nan_count": int(torch.isnan(v).sum()), "inf_count": int(torch.isinf(v).sum()),
                 "zero_count": int((finite == 0).sum())}
        entry["zero_fraction"] = entry["zero_count"] / v.numel() if v.numel() else None
        if finite.numel():
            entry.update(min=finite.min().item(), max=finite.max().item(), mean=finite.mean().item(),
                         std=finite.std(unbiased=False).item(), l2_norm=torch.linalg.vector_norm(finite).item())
        else:
            entry.update(min=None, max=None, mean=None, std=None, l2_norm=None)
        expected[name] = entry
    with open(os.path.join(outdir, "special.json"), "w") as f:
        json.dump(expected, f, indent=1)


def decode_values(outdir):
    """Every dtype PyTorch 1.13 has, some as strided views, and each element as PyTorch's .double()
    gives it (complex: the real part), for checking Torchscope's decoding element by element."""
    os.makedirs(outdir, exist_ok=True)
    tensors, shared = every_dtype()
    tensors = {k: v for k, v in tensors.items() if k != "nan_inf"}
    tensors["f16_special"] = torch.tensor([0.0, -0.0, 65504.0, 6e-8, float("inf"), float("nan")], dtype=torch.float16)
    tensors["bf16_special"] = torch.tensor([1e38, -1e-38, float("-inf"), 3.140625], dtype=torch.bfloat16)
    tensors["i64_extremes"] = torch.tensor([-(2 ** 63), 2 ** 63 - 1, -1])
    tensors["f32_view"] = shared.reshape(4, 6).t()[1:, ::2]
    tensors["bf16_view"] = shared.bfloat16().reshape(6, 4)[::2, 1:]
    torch.save(tensors, os.path.join(outdir, "decode.pt"))

    def value(x):
        return x if math.isfinite(x) else ("nan" if math.isnan(x) else ("inf" if x > 0 else "-inf"))

    out = {}
    for name, t in tensors.items():
        v = t.real if t.is_complex() else t
        out[name] = [value(x) for x in v.double().flatten().tolist()] if t.dtype != torch.int64 else \
            [float(x) for x in t.flatten().tolist()]
    with open(os.path.join(outdir, "decode.json"), "w") as f:
        json.dump(out, f)


def render(v):
    """The canonical text the unpickler tests render PickleValues to (tests/tst_safeunpickler.cpp)."""
    import collections
    if v is None:
        return "None"
    if isinstance(v, bool):
        return "True" if v else "False"
    if isinstance(v, int):
        if -(2 ** 63) <= v < 2 ** 63:
            return str(v)
        import pickle
        return "big:" + pickle.encode_long(v).hex()
    if isinstance(v, float):
        return format(v, ".17g")
    if isinstance(v, str):
        return "s:" + v.encode("utf-8").hex()
    if isinstance(v, (bytes, bytearray)):
        return "b:" + bytes(v).hex()
    if isinstance(v, tuple):
        return "(" + ",".join(render(x) for x in v) + ")"
    if isinstance(v, list):
        return "[" + ",".join(render(x) for x in v) + "]"
    if isinstance(v, (dict, collections.OrderedDict)):
        return "{" + ",".join(render(k) + ":" + render(x) for k, x in v.items()) + "}"
    if isinstance(v, (set, frozenset)):
        return "set{" + ",".join(sorted(render(x) for x in v)) + "}"
    if isinstance(v, type):
        return "g:" + v.__module__ + "." + v.__qualname__
    raise TypeError(type(v))


def render_pickle(path):
    """Python's own reading of a pickle the unpickler tests built (plain values only), rendered."""
    import pickle
    with open(path, "rb") as f:
        print(render(pickle.load(f)))


def opcode_pickles(outdir):
    """The same values pickled with every protocol, for checking every opcode the unpickler knows."""
    import collections
    import pickle
    os.makedirs(outdir, exist_ok=True)
    shared = [1, 2]
    values = {
        "scalars": {"ints": [0, 1, -1, 255, 256, 65535, 65536, -2 ** 31, 2 ** 31, 2 ** 63 - 1, -2 ** 63, 2 ** 64,
                             -(2 ** 70), 12345678901234567890123],
                    "floats": (1.5, -0.0, 1e300, 5e-324, float("inf"), -float("inf")),
                    "text": "h\u00e9llo \u2713", "none": None, "yes": True, "no": False},
        "containers": {"empty tuple": (), "one": (1,), "two": (1, 2), "three": (1, 2, 3), "four": (1, 2, 3, 4),
                       "set": {1, 2, 3}, "frozen": frozenset({"x"}), "empty list": [], "empty dict": {},
                       "nested": [[[]], {"k": [()]}]},
        "bytes": {"short": b"\x00\xffbytes\\ \n", "long": bytes(range(256)) * 2},
        "bytearray": bytearray(b"ab"),
        "memo": [shared, shared, {"again": shared}, "s" * 300, "s" * 300],
        "long list": list(range(2500)),
        "long dict": {str(i): i for i in range(1200)},
        "ordered": collections.OrderedDict([("b", 1), ("a", 2)]),
        "class": collections.OrderedDict,
    }
    cases = []
    for name, value in values.items():
        for protocol in range(6):
            if protocol < 5 and isinstance(value, bytearray):
                continue  # before protocol 5 a bytearray is a call to builtins.bytearray
            data = pickle.dumps(value, protocol=protocol)
            cases.append({"name": "%s, protocol %d" % (name, protocol), "pickle": data.hex(), "render": render(value)})
    with open(os.path.join(outdir, "opcodes.json"), "w") as f:
        json.dump(cases, f)


def histograms(path, bins, value_range):
    import numpy as np
    result = {}
    loaded = torch.load(path)
    for name, t in flatten(loaded):
        if t.is_complex():
            continue
        v = t.detach().double().flatten().numpy()
        finite = v[np.isfinite(v)]
        if value_range:
            lo, hi = value_range
        elif finite.size:
            lo, hi = float(finite.min()), float(finite.max())
            if lo == hi:
                lo, hi = lo - 0.5, hi + 0.5
        else:
            lo, hi = 0.0, 1.0
        edges = np.linspace(lo, hi, bins + 1)
        counts, _ = np.histogram(finite, bins=edges)
        result[name] = {"edges": edges.tolist(), "counts": counts.tolist()}
    print(json.dumps(result))


def check_snippet(snippet_path, flags_path):
    import torchvision
    with open(flags_path) as f:
        expected = json.load(f)
    model = torchvision.models.resnet18(num_classes=10)
    with open(snippet_path) as f:
        exec(f.read(), {"model": model})
    got = {name: p.requires_grad for name, p in model.named_parameters()}
    if set(got) != set(expected):
        fail("parameter names differ")
    wrong = [name for name in got if got[name] != expected[name]]
    if wrong:
        fail("%d flags differ, e.g. %s is %s" % (len(wrong), wrong[0], got[wrong[0]]))
    print("OK %d flags, %d trainable" % (len(got), sum(got.values())))


def check_safetensors(original, exported, module_path=""):
    """EXPORTED against the safetensors layout (8-byte length, JSON header padded with spaces to 8
    bytes, offsets tiling the data in file order from 0 without gaps to the end of the file) and
    against ORIGINAL's state_dict (a TorchScript archive or a torch.save file)."""
    import struct
    try:
        reference = submodule(torch.jit.load(original), module_path).state_dict()
    except RuntimeError:  # not TorchScript: a torch.save file
        reference = torch.load(original, weights_only=False)
    with open(exported, "rb") as f:
        blob = f.read()
    n = struct.unpack("<Q", blob[:8])[0]
    if n % 8:
        fail("header length %d is not a multiple of 8" % n)
    header = json.loads(blob[8:8 + n])
    if header.pop("__metadata__", None) != {"format": "pt"}:
        fail("__metadata__ is not {'format': 'pt'}")
    spans = sorted(tuple(info["data_offsets"]) for info in header.values())
    at = 0
    for begin, end in spans:
        if begin != at:
            fail("data offsets leave a gap or overlap at %d" % at)
        at = end
    if 8 + n + at != len(blob):
        fail("data ends at %d, the file at %d" % (8 + n + at, len(blob)))
    got = {t["name"]: t for t in describe_safetensors(exported)}
    if set(got) != set(reference):
        fail("names differ: %s" % sorted(set(got) ^ set(reference))[:5])
    for name, value in reference.items():
        want = describe_tensors({name: value})[0]
        for key in ("dtype", "shape", "sha256"):
            if got[name][key] != want[key]:
                fail("%s: %s %s, expected %s" % (name, key, got[name][key], want[key]))
    print("OK %d tensors" % len(reference))


def describe_safetensors(path):
    """A safetensors file by hand (Debian has no safetensors module), tensors in natural order."""
    import struct
    names = {code: dtype for dtype, code in SAFETENSORS_CODES.items()}
    float8 = {"F8_E4M3": "float8_e4m3fn", "F8_E5M2": "float8_e5m2"}  # not in PyTorch 1.13: raw bytes
    with open(path, "rb") as f:
        blob = f.read()
    n = struct.unpack("<Q", blob[:8])[0]
    header = json.loads(blob[8:8 + n])
    header.pop("__metadata__", None)
    described = []
    for name in sorted(header, key=natural_key):
        info = header[name]
        begin, end = info["data_offsets"]
        raw = bytearray(blob[8 + n + begin:8 + n + end])
        if info["dtype"] in float8:
            described.append({"name": name, "dtype": float8[info["dtype"]], "shape": info["shape"],
                              "kind": default_kind(name), "requires_grad": None,
                              "sha256": hashlib.sha256(bytes(raw)).hexdigest()})
            continue
        dtype = names[info["dtype"]]
        t = torch.frombuffer(raw, dtype=dtype) if raw else torch.empty(0, dtype=dtype)
        described += describe_tensors({name: t.reshape(info["shape"])})
    return described


def corpus_describe(path):
    """What PyTorch reads: TorchScript through torch.jit.load, safetensors by its layout, every other
    file through torch.load with stand-ins for classes that cannot be imported (a __main__.Net)."""
    import io
    import zipfile

    if path.endswith(".safetensors"):
        print(json.dumps({"kind": "safetensors", "modules": [], "tensors": describe_safetensors(path)}))
        return
    is_script = False
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            is_script = any(n.split("/", 1)[-1].startswith(("code/", "constants.pkl")) for n in z.namelist())
    if is_script:
        print(json.dumps(dict(describe(torch.jit.load(path, map_location="cpu")), kind="torchscript")))
        return

    # Classes of the script that saved the model (__main__.Net) are not importable here: define empty
    # nn.Module stand-ins under those names, so PyTorch's own loader rebuilds everything else.
    import pickletools
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            pickles = [z.read(n) for n in z.namelist() if n.endswith("data.pkl")]
    else:
        with open(path, "rb") as f:
            pickles = [f.read()]
    main_module = sys.modules["__main__"]
    for blob in pickles:
        stream = io.BytesIO(blob)
        while stream.tell() < len(blob):
            strings = []
            try:
                for op, arg, _ in pickletools.genops(stream):
                    if isinstance(arg, str):
                        strings.append(arg)
                    module, name = None, None
                    if op.name in ("GLOBAL", "INST"):
                        module, name = arg.split(" ", 1)
                    elif op.name == "STACK_GLOBAL" and len(strings) >= 2:
                        module, name = strings[-2], strings[-1]
                    if module == "__main__" and not hasattr(main_module, name):
                        setattr(main_module, name, type(name, (nn.Module,), {"__module__": "__main__"}))
            except Exception:
                break

    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if int(torch.__version__.split(".")[0]) >= 2:
            # Today's default first; the corpus's match files are benign, so then without it.
            try:
                obj = torch.load(path, map_location="cpu", weights_only=True)
            except Exception:
                obj = torch.load(path, map_location="cpu", weights_only=False)
        else:
            obj = torch.load(path, map_location="cpu")
    if isinstance(obj, nn.Module):
        modules, tensors = module_description(obj)
        print(json.dumps({"kind": "module", "modules": modules, "tensors": tensors}))
        return
    described = describe_tensors(dict(flatten(obj)))
    print(json.dumps({"kind": "weights", "modules": [], "tensors": described}))


def quantizer_of(t):
    scheme = str(t.qscheme()).replace("torch.", "")
    if scheme == "per_tensor_affine":
        return {"scheme": scheme, "scale": t.q_scale(), "zero_point": t.q_zero_point(), "axis": None}
    return {"scheme": scheme, "scale": t.q_per_channel_scales().tolist(),
            "zero_point": t.q_per_channel_zero_points().tolist(), "axis": t.q_per_channel_axis()}


def quantized(outdir):
    """Quantized tensors of every dtype and scheme as torch.save writes them, and a quantized Linear's
    state_dict (its packed parameters as the (weight, bias) tuple PyTorch saves)."""
    os.makedirs(outdir, exist_ok=True)
    torch.manual_seed(0)
    w = torch.randn(4, 6) * 3
    per_channel = torch.quantize_per_channel(w, torch.tensor([0.05, 0.1, 0.02, 0.3], dtype=torch.float64),
                                             torch.tensor([0, 3, -2, 5]), 0, torch.qint8)
    tensors = {
        "per_tensor_qint8": torch.quantize_per_tensor(w, 0.05, 3, torch.qint8),
        "per_tensor_quint8": torch.quantize_per_tensor(w, 0.1, 128, torch.quint8),
        "per_tensor_qint32": torch.quantize_per_tensor(w, 0.001, -7, torch.qint32),
        "per_tensor_quint4x2": torch.quantize_per_tensor(w.abs(), 0.5, 1, torch.quint4x2),
        "per_channel_axis0": per_channel,
        "per_channel_axis1": torch.quantize_per_channel(w, torch.linspace(0.01, 0.2, 6, dtype=torch.float64),
                                                        torch.arange(6) - 2, 1, torch.qint8),
        "per_tensor_transposed": torch.quantize_per_tensor(w, 0.05, 3, torch.qint8).t(),
        "float_qparams": torch.quantize_per_channel(w, torch.tensor([0.1, 0.2, 0.3, 0.4]),
                                                    torch.tensor([0.5, -1.0, 2.0, 0.0]), 0, torch.quint8),
        "plain": torch.arange(3, dtype=torch.float32),
    }
    linear = torch.ao.nn.quantized.Linear(6, 3)
    linear.set_weight_bias(torch.quantize_per_tensor(torch.randn(3, 6), 0.02, 0, torch.qint8), torch.randn(3))
    path = os.path.join(outdir, "quantized.pt")
    torch.save(tensors, path)
    linear_path = os.path.join(outdir, "quantized_linear.pt")
    torch.save(linear.state_dict(), linear_path)
    described = {}
    for name, t in tensors.items():
        if not t.is_quantized:
            continue
        d = t.dequantize().double().flatten()
        described[name] = {"dtype": dtype_name(t.dtype), "shape": list(t.shape), "sha256": digest(t),
                           "quantization": quantizer_of(t),
                           "stats": [d.min().item(), d.max().item(), d.mean().item(), d.std(unbiased=False).item()]}
    # Whole quantized models keep the packed weights in ScriptObjects, pickled and scripted.
    model = nn.Sequential(linear)
    packed = [os.path.join(outdir, "quantized_model.pt"), os.path.join(outdir, "quantized_script.pt")]
    torch.save(model, packed[0])
    torch.jit.save(torch.jit.script(model), packed[1])
    weight, bias = linear._weight_bias()
    described_packed = {"0._packed_params._packed_params.0": digest(weight),
                        "0._packed_params._packed_params.1": digest(bias)}
    with open(os.path.join(outdir, "quantized.json"), "w") as f:
        json.dump({"file": path, "linear": linear_path, "tensors": described, "packed": packed,
                   "packed_tensors": described_packed}, f)


def check_quantized(original, exported):
    a = flatten(torch.load(original, weights_only=False))
    check_weights_only_loadable(exported)
    b = dict(flatten(torch.load(exported)))  # 2.x: weights_only=True, the default
    for name, t in a:
        if name not in b:
            fail("%s missing" % name)
        u = b[name]
        if t.is_quantized != u.is_quantized or t.dtype != u.dtype or t.shape != u.shape:
            fail("%s: %s %s against %s %s" % (name, t.dtype, list(t.shape), u.dtype, list(u.shape)))
        if t.is_quantized:
            if quantizer_of(t) != quantizer_of(u):
                fail("%s: quantizer %s against %s" % (name, quantizer_of(t), quantizer_of(u)))
        if tensor_bytes(t) != tensor_bytes(u):
            fail("%s: values differ" % name)
    print("OK %d tensors" % len(a))


# --- comparing checkpoints --------------------------------------------------------------

def diff_statistics(a, b):
    """What `torchscope-cli diff` reports of one pair, computed by PyTorch in float64."""
    if a.shape != b.shape:
        return {"status": "shape_differs"}
    x, y = a.detach().double(), b.detach().double()
    d = (x - y).abs()
    norm_a, norm_b, norm_d = x.norm().item(), y.norm().item(), d.norm().item()
    if a.dtype != b.dtype:
        status = "dtype_differs"
    else:
        status = "identical" if torch.equal(a, b) else "changed"
    return {
        "status": status,
        "max_abs": d.max().item() if d.numel() else 0.0,
        "mean_abs": d.mean().item() if d.numel() else 0.0,
        "rel_l2": norm_d / norm_a if norm_a > 0 else (0.0 if norm_d == 0 else None),
        "changed_fraction": (x != y).double().mean().item() if d.numel() else 0.0,
        "cosine": (x * y).sum().item() / (norm_a * norm_b) if norm_a > 0 and norm_b > 0 else
                  (1.0 if norm_d == 0 else None),
        "max_abs_a": x.abs().max().item() if d.numel() else 0.0,
    }


def finetune(outdir):
    """Fine-tunes the CNN a few SGD steps with `sequential` and `layer1` frozen (and in eval mode, so
    their batch-norm statistics stay too), saving it before and after in every form a diff reads."""
    os.makedirs(outdir, exist_ok=True)
    torch.manual_seed(7)
    model = CNN()
    frozen_prefixes = ("sequential.", "layer1.")
    for name, p in model.named_parameters():
        p.requires_grad = not name.startswith(frozen_prefixes)
    before = {k: v.clone() for k, v in model.state_dict().items()}
    torch.jit.save(torch.jit.script(model), os.path.join(outdir, "before_model.pt"))
    torch.save(model, os.path.join(outdir, "before_pickle.pt"))

    model.train()
    model.sequential.eval()
    model.layer1.eval()
    optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=0.05, momentum=0.9)
    for _ in range(3):
        x = torch.randn(4, 1, 28, 28)
        target = torch.randint(0, 10, (4,))
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(x), target).backward()
        optimizer.step()
    model.eval()
    after = model.state_dict()

    torch.save(before, os.path.join(outdir, "before.pt"))
    torch.save(after, os.path.join(outdir, "after.pt"))
    write_safetensors(os.path.join(outdir, "before.safetensors"), before)
    write_safetensors(os.path.join(outdir, "after.safetensors"), dict(after))
    torch.jit.save(torch.jit.script(model), os.path.join(outdir, "after_model.pt"))
    torch.save(model, os.path.join(outdir, "after_pickle.pt"))
    for p in model.parameters():
        p.requires_grad = True
    torch.jit.save(torch.jit.script(model), os.path.join(outdir, "after_unfrozen_model.pt"))
    torch.save({"module." + k: v for k, v in after.items()}, os.path.join(outdir, "after_dp.pt"))
    os.makedirs(os.path.join(outdir, "after_sharded"), exist_ok=True)
    write_two_shards(os.path.join(outdir, "after_sharded"), dict(after), "safetensors")
    half = {k: v.half() if v.is_floating_point() else v for k, v in after.items()}
    torch.save(half, os.path.join(outdir, "after_half.pt"))
    edited = {k: v for k, v in after.items() if k != "fc.bias"}
    edited["fc.weight"] = after["fc.weight"][:5].clone()
    edited["extra.weight"] = torch.ones(3)
    torch.save(edited, os.path.join(outdir, "after_edited.pt"))

    names = list(before)
    trainable = [n for n, p in model.named_parameters() if not n.startswith(frozen_prefixes)]
    frozen = [n for n, _ in model.named_parameters() if n.startswith(frozen_prefixes)]
    report = {
        "frozen": frozen,
        "trained": trainable,
        "buffers": [n for n, _ in model.named_buffers()],
        "pairs": {
            "state_dict": {n: diff_statistics(before[n], after[n]) for n in names},
            "half": {n: diff_statistics(after[n], half[n]) for n in names},
            "edited": {n: diff_statistics(after[n], edited[n]) for n in names if n in edited},
        },
    }
    with open(os.path.join(outdir, "finetune.json"), "w") as f:
        json.dump(report, f, indent=1)


def numpy_values(t):
    """A tensor's values as numpy holds them: bfloat16 widened to float32, quantized dequantized."""
    if t.is_quantized:
        t = t.dequantize()
    if t.dtype == torch.bfloat16:
        t = t.float()
    return t.detach().numpy()


def parse_slice(text):
    items = []
    for part in filter(None, [p.strip() for p in text.split(",")]) if text.strip() else []:
        if ":" not in part:
            items.append(int(part))
        else:
            bounds = [int(b) if b.strip() else None for b in part.split(":")]
            items.append(slice(*bounds))
    return tuple(items)


def power_law_fit(values):
    """Clauset, Shalizi and Newman's continuous power-law fit as the powerlaw package (and so
    WeightWatcher) does it: every distinct value but the largest as xmin, alpha by maximum likelihood,
    the xmin whose fit has the smallest Kolmogorov-Smirnov distance kept."""
    import numpy as np
    x = np.sort(np.asarray([v for v in values if v > 0], dtype=np.float64))
    best = None
    for xmin in np.unique(x)[:-1]:
        tail = x[x >= xmin]
        n = len(tail)
        alpha = 1 + n / np.sum(np.log(tail / xmin))
        model = 1 - (tail / xmin) ** (1 - alpha)
        k = np.arange(n)
        d = max(np.max(np.abs((k + 1) / n - model)), np.max(np.abs(k / n - model)))
        if best is None or d < best[2]:
            best = (float(alpha), float(xmin), float(d), n)
    return best


def inspect(outdir):
    import numpy as np
    os.makedirs(outdir, exist_ok=True)
    tensors, shared = every_dtype()
    tensors["f16_special"] = torch.tensor([0.0, -0.0, 65504.0, 6e-8, float("inf"), float("nan")], dtype=torch.float16)
    tensors["bf16_special"] = torch.tensor([1e38, -1e-38, float("-inf"), 3.140625, float("nan")], dtype=torch.bfloat16)
    tensors["i64_extremes"] = torch.tensor([-(2 ** 63), 2 ** 63 - 1, -1])
    tensors["f32_view"] = shared.reshape(4, 6).t()[1:, ::2]
    tensors["bf16_view"] = shared.bfloat16().reshape(6, 4)[::2, 1:]
    g = torch.Generator().manual_seed(5)
    tensors["f64_3d"] = torch.randn(3, 4, 5, dtype=torch.float64, generator=g)
    tensors["c128"] = torch.complex(torch.randn(3, 2, dtype=torch.float64, generator=g), torch.randn(3, 2, dtype=torch.float64, generator=g))
    tensors["i16_offset"] = (torch.arange(40, dtype=torch.int16) * 7 - 100).reshape(5, 8)[2:, 3:7]
    w = torch.randn(4, 6, generator=g) * 3
    tensors["q_per_channel"] = torch.quantize_per_channel(w, torch.tensor([0.05, 0.1, 0.02, 0.3], dtype=torch.float64),
                                                          torch.tensor([0, 3, -2, 5]), 0, torch.qint8)
    tensors["q_per_tensor"] = torch.quantize_per_tensor(w, 0.05, 3, torch.quint8)
    torch.save(tensors, os.path.join(outdir, "values.pt"))

    # A model as training might leave it: planted faults in an otherwise ordinary network.
    torch.manual_seed(0)
    model = nn.Module()
    model.blocks = nn.ModuleList([nn.Linear(16, 16) for _ in range(8)])
    model.bn = nn.BatchNorm1d(16)
    with torch.no_grad():
        model.bn.weight.uniform_(0.5, 1.5)
        model.bn.bias.normal_()
        model.bn.running_mean.normal_()
        model.bn.running_var.uniform_(0.5, 2.0)
        model.bn.running_var[3] = -0.25
        model.blocks[2].weight[1, 2] = float("nan")
        model.blocks[1].bias[0] = float("inf")
        model.blocks[4].weight.zero_()
        model.blocks[6].weight.mul_(1000)
    # Norm layers as initialisation leaves them (weight 1, bias 0, running statistics 0 and 1): their
    # usual initial values, a note rather than trouble.
    model.bn_fresh = nn.BatchNorm1d(16)
    model.ln_fresh = nn.LayerNorm(16)
    sd = model.state_dict()
    sd["scale"] = torch.full((4,), 2.5)
    torch.save(sd, os.path.join(outdir, "health.pt"))
    expected = {}
    for name, t in sd.items():
        v = t.double().flatten()
        finite = v[torch.isfinite(v)]
        entry = {"numel": v.numel(), "nan_count": int(torch.isnan(v).sum()), "inf_count": int(torch.isinf(v).sum()),
                 "zero_fraction": int((v == 0).sum()) / v.numel()}
        if finite.numel():
            entry.update(min=finite.min().item(), max=finite.max().item(), mean=finite.mean().item(),
                         std=finite.std(unbiased=False).item(), l2_norm=torch.linalg.vector_norm(finite).item())
        expected[name] = entry
    flags = {"blocks.2.weight": ["nan"], "blocks.1.bias": ["inf"], "blocks.4.weight": ["all_zero", "norm_outlier"],
             "blocks.6.weight": ["norm_outlier"], "bn.running_var": ["negative_running_var"], "scale": ["constant"]}
    for name in ("bn_fresh.weight", "bn_fresh.bias", "bn_fresh.running_mean", "bn_fresh.running_var",
                 "ln_fresh.weight", "ln_fresh.bias"):
        flags[name] = ["initial_value"]
    with open(os.path.join(outdir, "health.json"), "w") as f:
        json.dump({"tensors": expected, "flags": flags}, f, indent=1)

    # Weight matrices and their spectra by numpy; one built with a known power-law spectrum.
    rng = np.random.default_rng(7)
    matrices = {"linear": torch.randn(40, 64, generator=g), "tall": torch.randn(50, 12, generator=g).double(),
                "conv": torch.randn(8, 3, 3, 3, generator=g), "half": torch.randn(30, 20, generator=g).half()}
    n, m, true_alpha = 400, 600, 3.0
    eigenvalues = (1 - rng.random(n)) ** (-1 / (true_alpha - 1))
    u, _ = np.linalg.qr(rng.standard_normal((n, n)))
    v, _ = np.linalg.qr(rng.standard_normal((m, n)))
    matrices["powerlaw"] = torch.from_numpy((u * np.sqrt(eigenvalues)) @ v.T)
    torch.save(matrices, os.path.join(outdir, "spectrum.pt"))
    spectra = {}
    for name, t in matrices.items():
        w = t.double().reshape(t.shape[0], -1).numpy()
        sv = np.linalg.svd(w, compute_uv=False)
        fit = power_law_fit((sv * sv).tolist())
        p = sv / sv.sum()
        spectra[name] = {"singular_values": sv.tolist(), "alpha": fit[0], "xmin": fit[1], "ks": fit[2],
                         "stable_rank": float((sv * sv).sum() / sv[0] ** 2),
                         "effective_rank": float(np.exp(-(p * np.log(p)).sum()))}
    spectra["powerlaw"]["true_alpha"] = true_alpha
    with open(os.path.join(outdir, "spectrum.json"), "w") as f:
        json.dump(spectra, f)


def check_values(manifest_path):
    import numpy as np
    with open(manifest_path) as f:
        manifest = json.load(f)
    loaded = {}
    for case in manifest:
        if case["file"] not in loaded:
            loaded[case["file"]] = torch.load(case["file"])
        expected = numpy_values(loaded[case["file"]][case["tensor"]])[parse_slice(case["slice"])]
        expected = np.array(expected, order="C")  # ascontiguousarray would make a 0-d array 1-d
        where = "%s[%s]" % (case["tensor"], case["slice"])
        if case.get("npy"):
            got = np.load(case["npy"])
            if got.dtype != expected.dtype or got.shape != expected.shape:
                fail("%s: .npy holds %s %s, numpy %s %s" % (where, got.dtype, got.shape, expected.dtype, expected.shape))
            if got.tobytes() != expected.tobytes():
                fail("%s: .npy values differ from numpy's" % where)
        if case.get("csv"):
            with open(case["csv"], newline="") as f:
                text = f.read()
            if text and not text.endswith("\r\n") or text.count("\n") != text.count("\r\n"):
                fail("%s: .csv records do not end in CRLF (RFC 4180)" % where)
            cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
            if len(cells) != expected.size:
                fail("%s: .csv has %d values, numpy %d" % (where, len(cells), expected.size))
            kind = expected.dtype.kind
            parse = {"b": lambda c: c == "True", "c": complex, "f": float}.get(kind, int)
            got = np.array([parse(c) for c in cells], dtype=expected.dtype).reshape(expected.shape)
            if got.tobytes() != expected.tobytes():
                fail("%s: .csv values differ from numpy's" % where)
    print("OK %d exports" % len(manifest))


def rounding(path):
    import numpy as np
    bits = np.array([0x3F800000, 0x3F801000, 0x3F803000, 0x3F807FFF, 0x3F808000, 0x3F818000, 0x7F7FFFFF,
                     0x477FF000, 0x477FEFFF, 0x477FE000, 0x33800000, 0x33000000, 0x33000001, 0x387FC000,
                     0x00000001, 0x80000001, 0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00001, 0x7F800001,
                     0x80000000, 0x3DCCCCCD, 0xC0490FDB], dtype=np.uint32)
    f32 = torch.from_numpy(bits.view(np.float32).copy())
    g = torch.Generator().manual_seed(9)
    f64 = torch.cat([f32.double(), torch.tensor([1 + 2 ** -11 + 2 ** -40, 1 + 2 ** -8 + 2 ** -35, 65519.999, 1e-8,
                                                 3.0e38 * 1.5, -2.5e-45], dtype=torch.float64),
                     torch.randn(1000, generator=g, dtype=torch.float64)])
    torch.save({"f32": f32, "f64": f64, "random": torch.randn(64, 33, generator=g), "half": f32.half(),
                "ints": torch.arange(-3, 3), "flags": torch.tensor([True, False])}, path)


def exported_tensors(path):
    """What an export holds, by name: a .safetensors file (checked against the layout rules), a
    torch.save file, or a folder of shards with its index (checked: every shard named, total_size)."""
    import struct
    if os.path.isdir(path):
        indexes = [f for f in os.listdir(path) if f.endswith(".index.json")]
        if not indexes:
            files = [f for f in os.listdir(path) if f.endswith((".safetensors", ".bin"))]
            if len(files) != 1:
                fail("%s: no index and %d checkpoint files" % (path, len(files)))
            return exported_tensors(os.path.join(path, files[0]))
        with open(os.path.join(path, indexes[0])) as f:
            index = json.load(f)
        combined, total = {}, 0
        for shard in sorted(set(index["weight_map"].values())):
            held = exported_tensors(os.path.join(path, shard))
            named = {k for k, v in index["weight_map"].items() if v == shard}
            if set(held) != named:
                fail("%s: holds %s, the index says %s" % (shard, sorted(held)[:3], sorted(named)[:3]))
            combined.update(held)
            total += sum(d["nbytes"] for d in held.values())
        if index["metadata"]["total_size"] > total:
            fail("index total_size %d, shards hold %d bytes" % (index["metadata"]["total_size"], total))
        return combined
    if path.endswith(".safetensors"):
        with open(path, "rb") as f:
            blob = f.read()
        n = struct.unpack("<Q", blob[:8])[0]
        header = json.loads(blob[8:8 + n])
        if n % 8 or header.pop("__metadata__", {}).get("format") != "pt":
            fail("%s: header length %d or __metadata__ wrong" % (path, n))
        at = 0
        for begin, end in sorted(tuple(i["data_offsets"]) for i in header.values()):
            if begin != at:
                fail("%s: data offsets leave a gap or overlap at %d" % (path, at))
            at = end
        if 8 + n + at != len(blob):
            fail("%s: data ends at %d, the file at %d" % (path, 8 + n + at, len(blob)))
        described = describe_safetensors(path)
        try:  # the modern peer has the safetensors package: its own loader and validation must agree
            from safetensors.torch import load_file
        except ImportError:
            load_file = None
        if load_file is not None:
            loaded = describe_tensors(load_file(path))
            if sorted((d["name"], d["dtype"], d["shape"], d["sha256"]) for d in loaded) != \
                    sorted((d["name"], d["dtype"], d["shape"], d["sha256"]) for d in described):
                fail("%s: safetensors.torch.load_file reads other tensors than the layout gives" % path)
    else:
        check_weights_only_loadable(path)
        described = describe_tensors(torch.load(path))
    out = {}
    for d in described:
        d["nbytes"] = int(np.prod(d["shape"])) * torch.empty(0, dtype=getattr(torch, d["dtype"])).element_size() \
            if hasattr(torch, d["dtype"]) else 0
        out[d["name"]] = d
    return out


def original_state(path, module_path):
    """The tensors an export of PATH (of --module) starts from, as PyTorch sees them, and which are buffers:
    a TorchScript or pickled model's state_dict, a torch.save dict, a safetensors file or a sharded index."""
    if path.endswith(".index.json"):
        with open(path) as f:
            weight_map = json.load(f)["weight_map"]
        state = {}
        for shard in sorted(set(weight_map.values())):
            state.update(load_weights_file(os.path.join(os.path.dirname(path), shard)))
        model, buffers = None, set()
    elif path.endswith(".safetensors"):
        state, model, buffers = load_weights_file(path), None, set()
    else:
        try:
            model = torch.jit.load(path)
        except RuntimeError:
            model = torch.load(path, weights_only=False)  # the original may be a pickled model
        if isinstance(model, nn.Module):
            model = submodule(model, module_path)
            return model.state_dict(), {n for n, _ in model.named_buffers()}
        state, model, buffers = model, None, set()
    if module_path:
        state = {k[len(module_path) + 1:]: v for k, v in state.items() if k.startswith(module_path + ".")}
    return state, buffers


def tied_duplicates(state):
    """What safetensors.torch.save_model drops: of names viewing the same memory the same way, all but the
    first in sorted order (removed -> kept)."""
    groups = {}
    for name, t in state.items():
        if t.numel():
            groups.setdefault((t.data_ptr(), tuple(t.shape), t.stride()), []).append(name)
    return {n: sorted(g)[0] for g in groups.values() for n in sorted(g)[1:]}


def check_exports(manifest_path):
    with open(manifest_path) as f:
        manifest = json.load(f)
    for case in manifest:
        original, module_path = case["original"], case.get("module", "")
        state, buffers = original_state(original, module_path)
        where = case["exported"]
        safetensors = where.endswith(".safetensors") or (
            os.path.isdir(where) and any(f.endswith(".safetensors") for f in os.listdir(where)))
        removed = tied_duplicates({k: v for k, v in state.items()
                                   if case.get("buffers", True) or k not in buffers}) if safetensors else {}
        if removed and where.endswith(".safetensors"):
            import struct
            with open(where, "rb") as f:
                n = struct.unpack("<Q", f.read(8))[0]
                metadata = json.loads(f.read(n)).get("__metadata__", {})
            for name, kept in removed.items():
                if metadata.get(name) != kept:
                    fail("%s: __metadata__ does not map %s to %s: %s" % (where, name, kept, metadata))
        expected = {}
        for name, t in state.items():
            if (not case.get("buffers", True) and name in buffers) or name in removed:
                continue
            if case.get("dtype", "keep") != "keep" and t.is_floating_point():
                t = t.to(getattr(torch, case["dtype"]))
            expected[name] = t
        want = {d["name"]: d for d in describe_tensors(expected)}
        got = exported_tensors(where)
        if set(got) != set(want):
            fail("%s: names differ: %s" % (where, sorted(set(got) ^ set(want))[:5]))
        for name, d in want.items():
            for key in ("dtype", "shape", "sha256"):
                if got[name][key] != d[key]:
                    fail("%s: %s: %s %s, PyTorch's .to() gives %s" % (where, name, key, got[name][key], d[key]))
    print("OK %d exports" % len(manifest))


def load_weights_file(path):
    """A weights file as tensors: torch.save, or safetensors read by hand."""
    if not path.endswith(".safetensors"):
        return torch.load(path)
    import struct
    names = {code: dtype for dtype, code in SAFETENSORS_CODES.items()}
    with open(path, "rb") as f:
        blob = f.read()
    n = struct.unpack("<Q", blob[:8])[0]
    header = json.loads(blob[8:8 + n])
    header.pop("__metadata__", None)
    out = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        raw = bytearray(blob[8 + n + begin:8 + n + end])
        dtype = names[info["dtype"]]
        out[name] = (torch.frombuffer(raw, dtype=dtype) if raw else torch.empty(0, dtype=dtype)).reshape(info["shape"])
    return out


def mismatched_weights(model_path, outdir):
    os.makedirs(outdir, exist_ok=True)
    state = load_model(model_path).state_dict()
    g = torch.Generator().manual_seed(21)
    new = {k: (torch.randn(v.shape, generator=g, dtype=v.dtype) if v.is_floating_point() else v + 5)
           for k, v in state.items()}
    torch.save({"module." + k: v for k, v in new.items()}, os.path.join(outdir, "good.pt"))
    write_safetensors(os.path.join(outdir, "good.safetensors"), new)
    bad = dict(new)
    del bad["fc.bias"]
    bad["extra.weight"] = torch.ones(3)
    bad["fc.weight"] = torch.randn(5, bad["fc.weight"].shape[1], generator=g)
    bad["layer1.0.bias"] = bad["layer1.0.bias"].double()
    torch.save(bad, os.path.join(outdir, "bad.pt"))
    report = {"missing": ["fc.bias"], "unexpected": ["extra.weight"], "shape_mismatch": ["fc.weight"],
              "dtype_mismatch": ["layer1.0.bias"],
              "applied": [k for k in state if k not in ("fc.bias", "fc.weight", "layer1.0.bias")]}
    with open(os.path.join(outdir, "bad.json"), "w") as f:
        json.dump(report, f)


def load_model(path):
    """An entire model as PyTorch loads it: TorchScript, or a torch.save(model) pickle."""
    import zipfile
    if zipfile.is_zipfile(path) and any(n.endswith("/constants.pkl") for n in zipfile.ZipFile(path).namelist()):
        return torch.jit.load(path)
    return torch.load(path, weights_only=False)  # a pickled model: its classes import from here


def same_bits(a, b):
    return a.dtype == b.dtype and a.shape == b.shape and tensor_bytes(a) == tensor_bytes(b)


def compare_objects(a, b, path, pairs):
    """Deep equality of what torch.load gave, shared references included: an object met again must map
    to the same object on the other side (tied weights, a list held under two names)."""
    if id(a) in pairs:
        if pairs[id(a)][1] is not b:
            fail("%s: a shared reference is no longer shared" % path)
        return
    if isinstance(a, (list, dict, set, nn.Module, torch.Tensor)):
        pairs[id(a)] = (a, b)
    if type(a) is not type(b):
        fail("%s: %s became %s" % (path, type(a).__name__, type(b).__name__))
    if isinstance(a, torch.Tensor):
        if not same_bits(a, b):
            fail("%s: tensor differs" % path)
        if not isinstance(a, nn.Parameter) and a.requires_grad != b.requires_grad:
            fail("%s: requires_grad differs" % path)
    elif isinstance(a, nn.Module):
        if list(a.__dict__) != list(b.__dict__):
            fail("%s: attributes %s vs %s" % (path, list(a.__dict__), list(b.__dict__)))
        for key in a.__dict__:
            compare_objects(a.__dict__[key], b.__dict__[key], path + "." + key, pairs)
    elif isinstance(a, dict):
        if list(a) != list(b):
            fail("%s: keys %s vs %s" % (path, list(a)[:5], list(b)[:5]))
        if getattr(a, "default_factory", None) is not getattr(b, "default_factory", None):
            fail("%s: default factory differs" % path)
        for key in a:
            compare_objects(a[key], b[key], "%s[%r]" % (path, key), pairs)
    elif isinstance(a, (list, tuple)):
        if len(a) != len(b):
            fail("%s: %d items vs %d" % (path, len(a), len(b)))
        for i, (x, y) in enumerate(zip(a, b)):
            compare_objects(x, y, "%s[%d]" % (path, i), pairs)
    elif isinstance(a, float):
        if not (a == b or (math.isnan(a) and math.isnan(b))) or math.copysign(1, a) != math.copysign(1, b):
            fail("%s: %r vs %r" % (path, a, b))
    elif a != b:
        fail("%s: %r vs %r" % (path, a, b))


def forward_input(model):
    name = type(model).__name__
    g = torch.Generator().manual_seed(1)
    if name == "Sequential":  # a stage of convolutions: as many channels as its first takes
        first = next((m for m in model.modules() if isinstance(m, nn.Conv2d)), None)
        return None if first is None else torch.randn(1, first.in_channels, 16, 16, generator=g)
    return {"CNN": lambda: torch.randn(1, 1, 28, 28, generator=g),
            "ResNet": lambda: torch.randn(1, 3, 64, 64, generator=g),
            "Tied": lambda: torch.tensor([[1, 2, 3]]),
            "Attributes": lambda: torch.randn(2, 4, generator=g),
            "TransformerEncoder": lambda: torch.randn(2, 5, 8, generator=g)}.get(name, lambda: None)()


def check_pickle(original, exported, flags_path, module_path):
    """EXPORTED, a torch.save(model) pickle Torchscope wrote from ORIGINAL (of --module), loads in real
    PyTorch as the same objects: classes, attributes, shared references, buffers, bit-exact weights, the
    flags of FLAGS.json, and the same forward output."""
    with open(flags_path) as f:
        flags = json.load(f)
    source = submodule(torch.load(original, weights_only=False), module_path)
    loaded = torch.load(exported, weights_only=False)
    if [(n, type(m)) for n, m in source.named_modules()] != [(n, type(m)) for n, m in loaded.named_modules()]:
        fail("named_modules differ")
    compare_objects(source, loaded, "model", {})
    check_flags(loaded, flags, module_path)
    x = forward_input(source)
    if x is not None:
        with torch.no_grad():
            a = source.eval()(x)
            b = loaded.eval()(x)
        if not torch.equal(a, b):
            fail("forward output differs")
    print("OK %d modules, %d parameters" % (len(list(loaded.modules())), len(list(loaded.parameters()))))


def check_load_weights(model_path, weights_path, out_path, strip="", add=""):
    model, out = load_model(model_path), load_model(out_path)
    weights = {}
    for k, v in load_weights_file(weights_path).items():
        if strip and k.startswith(strip):
            k = k[len(strip):]
        weights[add + k] = v
    reference, got = model.state_dict(), out.state_dict()
    if list(got) != list(reference):
        fail("names differ: %s" % sorted(set(got) ^ set(reference))[:5])
    applied = 0
    for name, mine in reference.items():
        w = weights.get(name)
        take = w is not None and w.shape == mine.shape and w.dtype == mine.dtype
        want = w if take else mine
        applied += take
        if digest(got[name]) != digest(want):
            fail("%s: holds %s values" % (name, "other than the weights'" if take else "other than the model's"))
    flags = {n: p.requires_grad for n, p in model.named_parameters()}
    for n, p in out.named_parameters():
        if p.requires_grad != flags[n]:
            fail("%s: requires_grad %s, the model had %s" % (n, p.requires_grad, flags[n]))
    print("OK %d applied of %d" % (applied, len(reference)))


def main(argv):
    command = argv[1]
    module = ""
    if "--module" in argv:
        i = argv.index("--module")
        module = argv[i + 1]
        del argv[i:i + 2]
    if command in ("training", "lightning", "hf-trainer", "check-extracted", "check-whole-model",
                   "llama-folder", "check-freeze-plan"):
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import training
        if command == "check-extracted":
            sys.exit(training.check_extracted(argv[2], argv[3], argv[4] if len(argv) > 4 else None))
        if command == "check-whole-model":
            sys.exit(training.check_whole_model(argv[2], argv[3], argv[4]))
        if command == "check-freeze-plan":
            sys.exit(training.check_freeze_plan(argv[2], argv[3], argv[4]))
        {"training": training.training, "lightning": training.lightning_checkpoint,
         "hf-trainer": training.hf_trainer, "llama-folder": training.llama_folder}[command](argv[2])
    elif command == "fixtures":
        fixtures(argv[2])
    elif command == "formats":
        formats(argv[2])
    elif command == "language-model":
        torch.manual_seed(0)
        torch.save(LanguageModel(blocks=int(argv[3]) if len(argv) > 3 else 12), argv[2])
    elif command == "weights-only-blocked":
        weights_only_blocked(argv[2])
    elif command == "check-weights-only-safe":
        check_weights_only_safe(argv[2], argv[3])
    elif command == "modern-dtypes":
        modern_dtypes(argv[2])
    elif command == "check-modern-values":
        check_modern_values(argv[2])
    elif command == "dtensor":
        dtensor(argv[2])
    elif command == "render-pickle":
        render_pickle(argv[2])
    elif command == "hostile":
        hostile(argv[2])
    elif command == "describe":
        with open(argv[3], "w") as f:
            json.dump(describe(torch.jit.load(argv[2])), f)
    elif command == "check-weights":
        check_weights(argv[2], argv[3], module)
    elif command == "unwritable":
        unwritable(argv[2])
    elif command == "dict-subclass":
        dict_subclass(argv[2])
    elif command == "check-pickle":
        check_pickle(argv[2], argv[3], argv[4], module)
    elif command == "check-entire":
        check_entire(argv[2], argv[3], argv[4], module)
    elif command == "histograms":
        value_range = [float(x) for x in argv[4].split(",")] if len(argv) > 4 else None
        histograms(argv[2], int(argv[3]), value_range)
    elif command == "stats":
        stats(argv[2])
    elif command == "testzip":
        import zipfile
        with zipfile.ZipFile(argv[2]) as z:
            bad = z.testzip()
            names = z.namelist()
        if bad is not None:
            fail("bad member %s" % bad)
        print("OK %d members" % len(names))
    elif command == "opcode-pickles":
        opcode_pickles(argv[2])
    elif command == "decode-values":
        decode_values(argv[2])
    elif command == "special-values":
        special_values(argv[2])
    elif command == "check-snippet":
        check_snippet(argv[2], argv[3])
    elif command == "check-example":
        check_example(argv[2])
    elif command == "quantized":
        quantized(argv[2])
    elif command == "check-quantized":
        check_quantized(argv[2], argv[3])
    elif command == "check-safetensors":
        check_safetensors(argv[2], argv[3], module)
    elif command == "finetune":
        finetune(argv[2])
    elif command == "mismatched-weights":
        mismatched_weights(argv[2], argv[3])
    elif command == "check-load-weights":
        strip = argv[argv.index("--strip") + 1] if "--strip" in argv else ""
        add = argv[argv.index("--add") + 1] if "--add" in argv else ""
        check_load_weights(argv[2], argv[3], argv[4], strip, add)
    elif command == "rounding":
        rounding(argv[2])
    elif command == "check-exports":
        check_exports(argv[2])
    elif command == "inspect":
        inspect(argv[2])
    elif command == "check-values":
        check_values(argv[2])
    elif command == "corpus-describe":
        corpus_describe(argv[2])
    else:
        print(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv)
