"""Files for the scanner's tests and benchmark, made by the libraries that write them (torch, safetensors,
transformers, lightning, DCP) and, for hostile containers, by rewriting what they wrote.

    scan.py benign OUTDIR [COUNT]   at least COUNT benign checkpoints of every format Torchscope reads
    scan.py containers OUTDIR       zip and safetensors files with one anomaly each; expected.json names
                                    the rule each must raise
    scan.py check-sarif SARIF SCHEMA  validates a SARIF log against the OASIS schema (jsonschema) and the
                                      rules GitHub code scanning relies on; exit 1 with the reasons
"""
import json
import os
import struct
import sys
import zipfile

import torch
import torch.nn as nn


def _model(seed, width):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Conv2d(3, width, 3), nn.BatchNorm2d(width), nn.ReLU(), nn.Flatten(),
                         nn.Linear(width * 4, 10))


class Net(nn.Module):
    """A user's model class, pickled whole the way torch.save(model) does."""

    def __init__(self, width):
        super().__init__()
        self.body = _model(0, width)

    def forward(self, x):
        return self.body(x)


def benign(outdir, count=24):
    """COUNT files or more: each format in turn with another seed and width, so no two files are alike."""
    from safetensors.torch import save_file
    os.makedirs(outdir, exist_ok=True)
    writers = {
        "state_dict.pt": lambda m, p: torch.save(m.state_dict(), p),
        "legacy.pt": lambda m, p: torch.save(m.state_dict(), p, _use_new_zipfile_serialization=False),
        "whole.pt": lambda m, p: torch.save(m, p),
        "whole_legacy.pth": lambda m, p: torch.save(m, p, _use_new_zipfile_serialization=False),
        "scripted.pt": lambda m, p: torch.jit.save(torch.jit.script(m), p),
        "weights.safetensors": lambda m, p: save_file({k: v.contiguous() for k, v in m.state_dict().items()}, p),
        "train.ckpt": lambda m, p: torch.save({"epoch": 3, "model": m.state_dict(),
                                              "optimizer": torch.optim.SGD(m.parameters(), lr=0.1).state_dict(),
                                              "best_acc": 0.5}, p),
        "pytorch_model.bin": lambda m, p: torch.save(m.state_dict(), p),
        "model": lambda m, p: torch.save(m.state_dict(), p),  # no extension: judged by content
    }
    i = 0
    while i < count:
        for name, write in writers.items():
            width = 2 + i % 7
            model = Net(width) if name.startswith("whole") else _model(i, width)
            stem, dot, ext = name.partition(".")
            write(model.eval(), os.path.join(outdir, "%04d-%s%s%s" % (i, stem, dot, ext)))
            i += 1
    # The folders the frameworks write, once each: a Trainer's checkpoint-N/, a Lightning .ckpt, a DCP
    # folder, a sharded Hugging Face folder.
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import training
    training.hf_trainer(os.path.join(outdir, "trainer"))
    training.lightning_checkpoint(os.path.join(outdir, "lightning"))
    import numpy as np
    import torch.distributed.checkpoint as dcp
    model = _model(1, 4)
    optimizer = torch.optim.Adam(model.parameters())
    model(torch.randn(2, 3, 4, 4)).sum().backward()
    optimizer.step()
    dcp.save({"model": model.state_dict(), "optim": optimizer.state_dict(), "step": 5,
              "extra": {"lr": np.float64(0.1), "note": "x"}}, checkpoint_id=os.path.join(outdir, "dcp"))
    from transformers import BertConfig, BertModel
    bert = BertModel(BertConfig(vocab_size=64, hidden_size=16, num_hidden_layers=2, num_attention_heads=2,
                                intermediate_size=32, max_position_embeddings=32))
    bert.save_pretrained(os.path.join(outdir, "bert-sharded"), max_shard_size="40KB")
    bert.save_pretrained(os.path.join(outdir, "bert-bin"), safe_serialization=False)


def _rewrite_entry(zip_bytes, name, transform):
    """The archive with the named entry's central and local records passed through transform(header,
    is_local) -> header; offsets kept."""
    data = bytearray(zip_bytes)
    for signature, name_at, is_local in ((b"PK\x01\x02", 46, False), (b"PK\x03\x04", 30, True)):
        at = 0
        while True:
            at = data.find(signature, at)
            if at < 0:
                break
            length = struct.unpack_from("<H", data, at + (28 if not is_local else 26))[0]
            if bytes(data[at + name_at:at + name_at + length]) == name.encode():
                data[at:at + name_at] = transform(bytes(data[at:at + name_at]), is_local)
            at += 4
    return bytes(data)


def _set_flag(header, is_local, bit):
    offset = 6 if is_local else 8
    flags = struct.unpack_from("<H", header, offset)[0] | bit
    return header[:offset] + struct.pack("<H", flags) + header[offset + 2:]


def _set_crc(header, is_local, crc):
    offset = 14 if is_local else 16
    return header[:offset] + struct.pack("<I", crc) + header[offset + 4:]


def containers(outdir):
    """One anomaly a file, each rewriting what torch.save or safetensors wrote, with the rule it must raise
    in expected.json: {file: [rule ids]}. The benign originals are there too, expecting nothing."""
    from safetensors.torch import save_file
    os.makedirs(outdir, exist_ok=True)
    expected = {}
    state = {"fc.weight": torch.arange(12.0).view(3, 4), "fc.bias": torch.ones(3)}
    plain = os.path.join(outdir, "plain.pt")
    torch.save(state, plain)
    expected["plain.pt"] = []
    original = open(plain, "rb").read()

    def write(name, data, rules):
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
        expected[name] = rules

    pickle_entry = "plain/data.pkl"
    data_entry = "plain/data/0"
    write("encrypted.pt", _rewrite_entry(original, data_entry, lambda h, l: _set_flag(h, l, 1)), ["TS012"])
    write("crc-lies.pt", _rewrite_entry(original, data_entry, lambda h, l: _set_crc(h, l, 0x12345678)), ["TS013"])
    # A size that lies: the central record says one byte more than the entry holds.
    def bigger(header, is_local):
        if is_local:
            return header
        size = struct.unpack_from("<I", header, 24)[0]
        return header[:24] + struct.pack("<I", size + 1) + header[28:]
    write("size-lies.pt", _rewrite_entry(original, data_entry, bigger), ["TS013"])
    write("prefix.pt", b"\0" * 64 + original, ["TS016"])  # an archive after bytes of something else
    write("trailing.pt", original + b"tail bytes", ["TS015"])
    write("truncated.pt", original[:len(original) // 2], ["TS017"])
    # Entries written with Python's zipfile: a name that climbs out, and a second data.pkl.
    with zipfile.ZipFile(plain) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    import pickle

    class Payload:
        def __reduce__(self):
            return (os.system, ("echo scanned",))
    payload = pickle.dumps(Payload(), protocol=2)
    for name, extra, rules in (("outside.pt", [("../../evil.pkl", payload)], ["TS001", "TS010"]),
                               ("second-pickle.pt", [(pickle_entry, payload)], ["TS001", "TS011"]),
                               ("duplicate.pt", [(data_entry, b"\0" * 48)], ["TS014"])):
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it is asked to write
            with zipfile.ZipFile(os.path.join(outdir, name), "w", zipfile.ZIP_STORED) as z:
                for entry, data in entries + extra:
                    z.writestr(entry, data)
        expected[name] = rules
    # An archive inside an archive: the hostile torch.save file stored in a zip.
    torch.save({"w": torch.ones(2), "payload": Payload()}, os.path.join(outdir, "inner.pt"))
    with zipfile.ZipFile(os.path.join(outdir, "nested.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        z.write(os.path.join(outdir, "inner.pt"), "models/inner.pt")
    expected["nested.zip"] = ["TS001"]
    expected["inner.pt"] = ["TS001"]

    # safetensors: the header rewritten.
    tensors = {"a": torch.arange(4.0), "b": torch.arange(6.0)}
    path = os.path.join(outdir, "plain.safetensors")
    save_file(tensors, path)
    expected["plain.safetensors"] = []
    raw = open(path, "rb").read()
    length = struct.unpack_from("<Q", raw)[0]
    header = json.loads(raw[8:8 + length])
    body = raw[8 + length:]

    def safetensors(name, header_text, data, rules):
        encoded = header_text.encode()
        encoded += b" " * (-len(encoded) % 8)
        write(name, struct.pack("<Q", len(encoded)) + encoded + data, rules)

    first, second = sorted((k for k in header if k != "__metadata__"), key=lambda k: header[k]["data_offsets"][0])
    overlap = json.loads(json.dumps(header))
    overlap[second]["data_offsets"] = [header[first]["data_offsets"][0], header[first]["data_offsets"][0] +
                                       header[second]["data_offsets"][1] - header[second]["data_offsets"][0]]
    safetensors("overlap.safetensors", json.dumps(overlap), body, ["TS020"])
    gap = json.loads(json.dumps(header))
    gap[second]["data_offsets"] = [o + 8 for o in header[second]["data_offsets"]]
    safetensors("gap.safetensors", json.dumps(gap), body + b"\0" * 8, ["TS020"])
    safetensors("past-end.safetensors", json.dumps(header), body[:-4], ["TS017"])
    entries_text = ", ".join('"%s": %s' % (k, json.dumps(v)) for k, v in header.items())
    duplicate = "{" + entries_text + ', "%s": %s}' % (first, json.dumps(header[first]))
    safetensors("duplicate.safetensors", duplicate, body, ["TS020"])
    write("long-header.safetensors", struct.pack("<Q", 1 << 40) + raw[8:], ["TS020"])
    wrong = json.loads(json.dumps(header))
    wrong[first]["shape"] = [3]
    safetensors("wrong-size.safetensors", json.dumps(wrong), body, ["TS020"])
    with open(os.path.join(outdir, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)


def check_sarif(sarif_path, schema_path):
    """The SARIF log against the OASIS 2.1.0 schema, and what GitHub code scanning relies on: one run with
    a driver and its rules, every result's ruleId among them, a level, a message, a relative URI and
    partialFingerprints."""
    import jsonschema
    log = json.load(open(sarif_path))
    schema = json.load(open(schema_path))
    problems = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(log)]
    run = log["runs"][0]
    rules = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    for result in run["results"]:
        if result["ruleId"] not in rules:
            problems.append("ruleId %s is not among the driver's rules" % result["ruleId"])
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        if uri.startswith("/") or "://" in uri:
            problems.append("uri %s is not relative" % uri)
        if not result.get("partialFingerprints"):
            problems.append("result without partialFingerprints")
        if result.get("level") not in ("error", "warning", "note"):
            problems.append("level %s" % result.get("level"))
    for problem in problems[:20]:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "benign":
        benign(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 24)
    elif command == "containers":
        containers(sys.argv[2])
    elif command == "check-sarif":
        sys.exit(check_sarif(sys.argv[2], sys.argv[3]))
    else:
        sys.exit("unknown command " + command)
