"""Training checkpoints as real PyTorch, Lightning and the Hugging Face Trainer save them, and what each
must read back as: run through peer.py (`peer.py training OUTDIR`, `peer.py lightning OUTDIR`,
`peer.py hf-trainer OUTDIR`, `peer.py check-extracted KIND OUTDIR FILE ...`).

Each writer puts a <name>.json beside each file: the values Python holds besides tensors, flattened as
`info --json` lists them (one entry per leaf, dotted paths), the parts a reader must find, PyTorch's own
parameter count of the model, and each optimizer's state ids mapped to parameter names.
"""
import argparse
import json
import math
import os
import sys

import numpy as np
import torch
import torch.nn as nn


def _json_leaf(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, (np.floating, np.integer, np.bool_)):
        value = value.item()
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return value
    if isinstance(value, (int, str)) or value is None:
        return value
    if isinstance(value, bytes):
        return {"bytes": len(value)}
    if isinstance(value, torch.device):
        return str(value)
    if isinstance(value, torch.dtype):
        return {"global": str(value)}
    return None


def flatten_values(obj, prefix="", out=None):
    """The values besides tensors of a checkpoint object, as Torchscope's `values` lists them."""
    out = [] if out is None else out
    try:
        from omegaconf import DictConfig, ListConfig, OmegaConf
        if isinstance(obj, (DictConfig, ListConfig)):
            obj = OmegaConf.to_container(obj, resolve=False)
    except ImportError:
        pass
    path = prefix if prefix else "value"
    if isinstance(obj, torch.Tensor) or isinstance(obj, nn.Module):
        return out
    if isinstance(obj, dict):
        if not obj:
            out.append({"path": path, "value": {}})
        for key, item in obj.items():
            flatten_values(item, "%s.%s" % (prefix, key) if prefix else str(key), out)
        return out
    if isinstance(obj, (list, tuple, set, frozenset)):
        if not obj:
            out.append({"path": path, "value": []})
        for i, item in enumerate(obj):
            flatten_values(item, "%s.%d" % (prefix, i) if prefix else str(i), out)
        return out
    leaf = _json_leaf(obj)
    if leaf is not None or obj is None:
        out.append({"path": path, "value": leaf})
        return out
    # A class record: its class, then its attributes.
    cls = type(obj)
    out.append({"path": path, "value": {"class": cls.__module__ + "." + cls.__qualname__}})
    for key, item in vars(obj).items():
        flatten_values(item, "%s.%s" % (prefix, key) if prefix else key, out)
    return out


def transformer():
    return nn.TransformerEncoder(nn.TransformerEncoderLayer(d_model=16, nhead=2, dim_feedforward=32), num_layers=2)


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer  # noqa: E402  the seed CNN and resnet18, as the other fixtures build them


def resnet18():
    return peer.resnet18(10)


def make_model(name):
    torch.manual_seed(0)
    if name == "cnn":
        return peer.CNN(), torch.randn(4, 1, 28, 28)
    if name == "resnet18":
        return resnet18(), torch.randn(2, 3, 32, 32)
    return transformer(), torch.randn(5, 2, 16)


def train_steps(model, optimizer, batch, steps=1):
    model.train()
    for _ in range(steps):
        optimizer.zero_grad()
        model(batch).float().pow(2).mean().backward()
        optimizer.step()


def parameter_names(model, trainable_only=False):
    return [n for n, p in model.named_parameters() if p.requires_grad or not trainable_only]


def optimizer_ids(optimizer, model):
    """PyTorch's own mapping: state id -> the name of the parameter the optimizer holds under it."""
    name_of = {id(p): n for n, p in model.named_parameters()}
    ids = {}
    index = 0
    for group in optimizer.param_groups:
        for p in group["params"]:
            ids[str(index)] = name_of[id(p)]
            index += 1
    return ids


def write(path, checkpoint, facts):
    torch.save(checkpoint, path)
    facts = dict(facts)
    facts["values"] = flatten_values(checkpoint)
    with open(path + ".json", "w") as f:
        json.dump(facts, f, indent=1)


def modern():
    return tuple(int(x) for x in torch.__version__.split("+")[0].split(".")[:2]) >= (2, 6)


def training(outdir):
    """Plain torch.save training checkpoints: the seed CNN, resnet18 and a transformer, each as a
    state_dict, whole, and in a training checkpoint with Adam after one step; named optimizer groups
    (PyTorch >= 2.6); an AveragedModel EMA; a model pickled whole inside a checkpoint, partly frozen,
    with an optimizer of its trainable parameters only."""
    os.makedirs(outdir, exist_ok=True)
    for name in ("cnn", "resnet18", "transformer"):
        model, batch = make_model(name)
        count = sum(p.numel() for p in model.parameters())
        adam = torch.optim.Adam(model.parameters(), lr=3e-4, betas=(0.9, 0.999), weight_decay=0.01)
        train_steps(model, adam, batch)
        sched = torch.optim.lr_scheduler.StepLR(adam, step_size=5, gamma=0.5)
        args = argparse.Namespace(lr=3e-4, epochs=10, arch=name, layers=[8, 16, 32])
        common = {"parameters": count, "model_part": "model", "kind": "training",
                  "optimizers": ["optimizer"], "schedulers": ["scheduler"],
                  "optimizer_ids": {"optimizer": optimizer_ids(adam, model)},
                  "model_names": list(model.state_dict().keys())}
        write(os.path.join(outdir, "%s-train.pt" % name), {
            "epoch": 7, "global_step": 120, "model": model.state_dict(), "optimizer": adam.state_dict(),
            "scheduler": sched.state_dict(), "loss": 0.123, "best_acc": np.float64(0.91),
            "config": {"lr": 3e-4, "betas": (0.9, 0.999), "name": name, "nan": float("nan"), "inf": float("inf"),
                       "dropout": None, "amp": False, "blob": b"\x00\x01\x02", "empty": [], "nested": {}},
            "args": args}, common)
        write(os.path.join(outdir, "%s-state_dict.pt" % name), model.state_dict(),
              {"parameters": count, "model_part": "", "kind": "weights", "optimizers": [], "schedulers": []})
        torch.save(model, os.path.join(outdir, "%s-whole.pt" % name))
        with open(os.path.join(outdir, "%s-whole.pt.json" % name), "w") as f:
            json.dump({"parameters": count, "model_part": "", "kind": "entire_model", "optimizers": [],
                       "schedulers": [], "values": []}, f)

    model, batch = make_model("cnn")
    if modern():
        # PyTorch >= 2.6 keeps the parameters' names in the groups when given named_parameters().
        adamw = torch.optim.AdamW([
            {"params": [(n, p) for n, p in model.named_parameters() if not n.endswith("bias")], "weight_decay": 0.1},
            {"params": [(n, p) for n, p in model.named_parameters() if n.endswith("bias")], "weight_decay": 0.0}],
            lr=1e-3)
        train_steps(model, adamw, batch)
        write(os.path.join(outdir, "named-train.pt"), {"model": model.state_dict(), "optimizer": adamw.state_dict()},
              {"parameters": sum(p.numel() for p in model.parameters()), "model_part": "model", "kind": "training",
               "optimizers": ["optimizer"], "schedulers": [],
               "optimizer_ids": {"optimizer": optimizer_ids(adamw, model)}})

    # EMA with torch.optim.swa_utils.AveragedModel: "module." names and an n_averaged counter.
    model, batch = make_model("cnn")
    ema = torch.optim.swa_utils.AveragedModel(
        model, avg_fn=lambda averaged, current, n: 0.9 * averaged + 0.1 * current)
    sgd = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    for _ in range(2):
        train_steps(model, sgd, batch)
        ema.update_parameters(model)
    ema_path = os.path.join(outdir, "ema-train.pt")
    write(ema_path, {"model": model.state_dict(), "model_ema": ema.state_dict(), "optimizer": sgd.state_dict(),
                     "epoch": 2},
          {"parameters": sum(p.numel() for p in model.parameters()), "model_part": "model", "ema": "model_ema",
           "kind": "training", "optimizers": ["optimizer"], "schedulers": [],
           "optimizer_ids": {"optimizer": optimizer_ids(sgd, model)}})
    # What the EMA weights must load as: the model's own names, without n_averaged.
    torch.save({k[len("module."):]: v for k, v in ema.state_dict().items() if k != "n_averaged"},
               ema_path + ".ema-expected.pt")

    # A whole model inside a checkpoint, fc frozen, optimizer of the trainable parameters only.
    model, batch = make_model("cnn")
    for p in model.fc.parameters():
        p.requires_grad = False
    adam = torch.optim.Adam(filter(lambda p: p.requires_grad, model.parameters()), lr=1e-3)
    train_steps(model, adam, batch)
    write(os.path.join(outdir, "whole-in-train.pt"), {"model": model, "optimizer": adam.state_dict(), "epoch": 3},
          {"parameters": sum(p.numel() for p in model.parameters()),
           "trainable": sum(p.numel() for p in model.parameters() if p.requires_grad),
           "model_part": "model", "kind": "training", "optimizers": ["optimizer"], "schedulers": [],
           "optimizer_ids": {"optimizer": optimizer_ids(adam, model)}})
    # An optimizer of another model: no rule maps its ids, so they stay by id.
    model, batch = make_model("cnn")
    other = nn.Sequential(nn.Linear(3, 4), nn.Linear(4, 2))
    adam = torch.optim.Adam(other.parameters(), lr=1e-3)
    train_steps(other, adam, torch.randn(2, 3))
    write(os.path.join(outdir, "unmapped-train.pt"), {"model": model.state_dict(), "optimizer": adam.state_dict()},
          {"parameters": sum(p.numel() for p in model.parameters()), "model_part": "model", "kind": "training",
           "optimizers": ["optimizer"], "schedulers": [], "unmapped": ["optimizer"]})

    # A value whose unpickling would run a command: shown as the refused call it is, never run.
    class Command:
        def __reduce__(self):
            return (os.system, ("echo torchscope-must-not-run-this",))

    torch.save({"model": model.state_dict(), "epoch": 1, "hook": Command()}, os.path.join(outdir, "hostile-train.pt"))
    print("OK")


def lightning_checkpoint(outdir):
    """A LightningModule trained a few steps by lightning.Trainer on CPU, with saved hyperparameters, an
    Adam optimizer and a StepLR scheduler; Lightning's own .ckpt."""
    import lightning as L
    from omegaconf import OmegaConf

    class Classifier(L.LightningModule):
        def __init__(self, lr=1e-3, hidden=16, config=None):
            super().__init__()
            self.save_hyperparameters()
            self.model = nn.Sequential(nn.Linear(8, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Linear(hidden, 2))

        def training_step(self, batch, _):
            x, y = batch
            return nn.functional.cross_entropy(self.model(x), y)

        def configure_optimizers(self):
            adam = torch.optim.Adam(self.parameters(), lr=self.hparams.lr)
            return [adam], [torch.optim.lr_scheduler.StepLR(adam, step_size=2)]

    os.makedirs(outdir, exist_ok=True)
    torch.manual_seed(0)
    data = torch.utils.data.TensorDataset(torch.randn(32, 8), torch.randint(0, 2, (32,)))
    loader = torch.utils.data.DataLoader(data, batch_size=8)
    config = OmegaConf.create({"optimizer": {"name": "adam", "lr": 0.001}, "layers": [16, 2]})
    module = Classifier(lr=1e-3, config=config)
    trainer = L.Trainer(max_epochs=2, accelerator="cpu", logger=False, enable_checkpointing=False,
                        enable_progress_bar=False, enable_model_summary=False, default_root_dir=outdir)
    trainer.fit(module, loader)
    path = os.path.join(outdir, "lightning.ckpt")
    trainer.save_checkpoint(path)
    checkpoint = torch.load(path, weights_only=False)
    facts = {"parameters": sum(p.numel() for p in module.parameters()), "model_part": "state_dict",
             "kind": "training", "framework": "lightning", "framework_version": L.__version__,
             "optimizers": ["optimizer_states.0"], "schedulers": ["lr_schedulers.0"],
             "epoch": checkpoint["epoch"], "global_step": checkpoint["global_step"],
             "optimizer_ids": {"optimizer_states.0": optimizer_ids(trainer.optimizers[0], module)},
             "values": flatten_values(checkpoint)}
    with open(path + ".json", "w") as f:
        json.dump(facts, f, indent=1)
    torch.save(module.state_dict(), os.path.join(outdir, "lightning-expected.pt"))
    torch.save(module.model.state_dict(), os.path.join(outdir, "lightning-expected-stripped.pt"))
    print("OK")


def hf_trainer(outdir):
    """A transformers.Trainer run on a tiny BERT built from a config: its checkpoint-N/ folder."""
    import transformers
    from transformers import BertConfig, BertForSequenceClassification, Trainer, TrainingArguments

    torch.manual_seed(0)
    config = BertConfig(vocab_size=64, hidden_size=16, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=32)
    model = BertForSequenceClassification(config)

    class Data(torch.utils.data.Dataset):
        def __len__(self):
            return 16

        def __getitem__(self, i):
            g = torch.Generator().manual_seed(i)
            return {"input_ids": torch.randint(0, 64, (8,), generator=g), "labels": i % 2}

    args = TrainingArguments(output_dir=outdir, max_steps=4, save_steps=4, per_device_train_batch_size=4,
                             logging_steps=1, eval_strategy="steps", eval_steps=2, report_to=[], use_cpu=True,
                             weight_decay=0.01, disable_tqdm=True)
    trainer = Trainer(model=model, args=args, train_dataset=Data(), eval_dataset=Data())
    trainer.train()
    folder = os.path.join(outdir, "checkpoint-4")
    optimizer = trainer.optimizer
    facts = {"parameters": sum(p.numel() for p in model.parameters()), "model_part": "",
             "kind": "training", "framework": "hf_trainer", "framework_version": transformers.__version__,
             "optimizers": ["optimizer"], "schedulers": ["scheduler"],
             "optimizer_ids": {"optimizer": optimizer_ids(optimizer, model)},
             "global_step": 4}
    # The values of the files read inertly as they are (training_args.bin and rng_state.pth hold enums
    # and NumPy arrays, which stay refused calls), in the order Torchscope lists them.
    values = []
    for name, prefix in (("optimizer.pt", "optimizer"), ("scheduler.pt", "scheduler")):
        flatten_values(torch.load(os.path.join(folder, name), weights_only=False), prefix, values)
    with open(os.path.join(folder, "trainer_state.json")) as f:
        flatten_values(json.load(f), "trainer_state", values)
    facts["values"] = values
    facts["value_prefixes"] = ["optimizer.", "scheduler.", "trainer_state."]
    facts["log_history"] = trainer.state.log_history
    torch.save(model.state_dict(), os.path.join(outdir, "checkpoint-4-expected.pt"))
    with open(os.path.join(outdir, "checkpoint-4.json"), "w") as f:
        json.dump(facts, f, indent=1)
    # The same folder as transformers 4 wrote it, the model as pytorch_model.bin (torch.save of its
    # state_dict, in the model's order, which safetensors' sorted names lose).
    import shutil
    older = os.path.join(outdir, "checkpoint-4-bin")
    shutil.copytree(folder, older)
    os.remove(os.path.join(older, "model.safetensors"))
    torch.save(model.state_dict(), os.path.join(older, "pytorch_model.bin"))
    facts["model_order_kept"] = True
    with open(older + ".json", "w") as f:
        json.dump(facts, f, indent=1)
    print("OK")


def check_extracted(model_name, extracted, expected=None):
    """Loads EXTRACTED into a freshly built model with load_state_dict(strict=True); the values equal
    EXPECTED's (a torch.save'd state_dict) where given."""
    model, _ = make_model(model_name) if model_name in ("cnn", "resnet18", "transformer") else (None, None)
    if extracted.endswith(".safetensors"):
        from safetensors.torch import load_file
        weights = load_file(extracted)
    else:
        weights = torch.load(extracted, weights_only=True)
    if model is None:
        reference = torch.load(expected, weights_only=True)
        if sorted(weights) != sorted(reference):
            print("names differ: %s vs %s" % (sorted(weights)[:5], sorted(reference)[:5]))
            return 1
    else:
        model.load_state_dict(weights, strict=True)
        reference = torch.load(expected, weights_only=False) if expected else None
        if isinstance(reference, dict) and "model" in reference:
            reference = reference["model"]
    if reference is not None:
        for name, tensor in reference.items():
            if not torch.equal(weights[name], tensor):
                print("%s: values differ" % name)
                return 1
    print("OK %d tensors" % len(weights))
    return 0


def check_whole_model(exported, original, flags_path):
    """EXPORTED is the model ORIGINAL (a training checkpoint) holds pickled whole under "model": the same
    class, every state_dict entry equal, and each parameter's requires_grad as FLAGS.json says."""
    model = torch.load(exported, weights_only=False)
    source = torch.load(original, weights_only=False)["model"]
    if type(model) is not type(source):
        print("class %s, not %s" % (type(model), type(source)))
        return 1
    a, b = model.state_dict(), source.state_dict()
    if list(a) != list(b) or not all(torch.equal(a[k], b[k]) for k in a):
        print("the state_dict differs")
        return 1
    with open(flags_path) as f:
        flags = json.load(f)
    got = {n: p.requires_grad for n, p in model.named_parameters()}
    if got != flags:
        print("flags differ: %s" % {n: v for n, v in got.items() if flags.get(n) != v})
        return 1
    print("OK")
    return 0


def llama_folder(outdir):
    """A Llama model folder as save_pretrained writes it (config.json + model.safetensors), at toy
    size: four decoder blocks."""
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(0)
    config = LlamaConfig(vocab_size=64, hidden_size=16, intermediate_size=32, num_hidden_layers=4,
                         num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=32)
    LlamaForCausalLM(config).save_pretrained(outdir)
    print("OK")


def check_freeze_plan(folder, plan_path, frozen_prefixes):
    """PLAN (a freeze plan Torchscope wrote) applied to the model from_pretrained(FOLDER) builds: every
    name is one of its parameters, every parameter is named, and exactly those under the comma-separated
    FROZEN_PREFIXES are frozen."""
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(folder)
    with open(plan_path) as f:
        plan = json.load(f)["requires_grad"]
    names = {name for name, _ in model.named_parameters()}
    if set(plan) != names:
        print("FAIL plan names differ from named_parameters(): only in plan %s, only in model %s"
              % (sorted(set(plan) - names)[:5], sorted(names - set(plan))[:5]))
        return 1
    prefixes = tuple(p for p in frozen_prefixes.split(",") if p)
    for name, param in model.named_parameters():
        param.requires_grad = plan[name]
        if param.requires_grad == name.startswith(prefixes):
            print("FAIL %s: requires_grad %s" % (name, param.requires_grad))
            return 1
    frozen = sum(1 for _, p in model.named_parameters() if not p.requires_grad)
    print("OK %d of %d parameters frozen" % (frozen, len(names)))
    return 0
