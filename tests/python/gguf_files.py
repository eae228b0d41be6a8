"""GGUF files written by llama.cpp's gguf-py (GGUFWriter), and gguf-py's own dequantization of every tensor,
for the GGUF reader's tests.

    gguf_files.py write OUTDIR    OUTDIR/model.gguf (metadata of every value type, arrays among them, and
                                  tensors in F32, F16, BF16, Q8_0, Q4_0, Q4_1, Q5_0, Q5_1 and the K-quants
                                  Q2_K to Q6_K, random blocks with sane scales), OUTDIR/
                                  reference.safetensors (each tensor as gguf.quants.dequantize gives it, in
                                  float32, in PyTorch's dimension order) and
                                  OUTDIR/expected.json (the metadata as gguf's GGUFReader reads it back)
    gguf_files.py bad OUTDIR      files that lie, each a copy of a small good one changed where its header
                                  says so: OUTDIR/<case>.gguf, and OUTDIR/bad.json naming the cases
"""
import json
import os
import struct
import sys

import numpy as np


def _writer(path):
    import gguf
    writer = gguf.GGUFWriter(path, "llama")
    writer.add_name("tiny test model")
    writer.add_uint8("test.u8", 200)
    writer.add_int8("test.i8", -100)
    writer.add_uint16("test.u16", 60000)
    writer.add_int16("test.i16", -30000)
    writer.add_uint32("test.u32", 4000000000)
    writer.add_int32("test.i32", -2000000000)
    writer.add_float32("test.f32", 0.125)
    writer.add_bool("test.bool", True)
    writer.add_uint64("test.u64", 2**40)
    writer.add_int64("test.i64", -(2**40))
    writer.add_float64("test.f64", 2.5)
    writer.add_string("tokenizer.chat_template", "{% for m in messages %}{{ m.content }}{% endfor %}")
    writer.add_array("tokenizer.ggml.tokens", ["<s>", "</s>", "hello", "world"] + ["t%d" % i for i in range(96)])
    writer.add_array("test.ints", [1, 2, 3])
    writer.add_block_count(3)
    writer.add_embedding_length(64)
    writer.add_head_count(4)
    writer.add_file_type(gguf.LlamaFileType.MOSTLY_Q8_0)
    return writer


def write(outdir):
    import gguf
    from safetensors.numpy import save_file
    os.makedirs(outdir, exist_ok=True)
    rng = np.random.default_rng(0)
    writer = _writer(os.path.join(outdir, "model.gguf"))
    reference = {}
    Q = gguf.GGMLQuantizationType
    cases = [("token_embd.weight", (100, 64), Q.F32), ("blk.0.attn_q.weight", (64, 64), Q.F16),
             ("blk.0.attn_k.weight", (32, 64), Q.BF16), ("blk.0.ffn_up.weight", (96, 64), Q.Q8_0),
             ("blk.0.ffn_down.weight", (64, 96), Q.Q4_0), ("blk.1.attn_q.weight", (64, 64), Q.Q4_1),
             ("blk.1.attn_k.weight", (32, 64), Q.Q5_0), ("blk.1.ffn_up.weight", (96, 64), Q.Q5_1),
             ("blk.1.ffn_down.weight", (64, 256), Q.Q4_K), ("output_norm.weight", (64,), Q.F32),
             ("blk.2.attn_q.weight", (8, 512), Q.Q2_K), ("blk.2.attn_k.weight", (8, 512), Q.Q3_K),
             ("blk.2.ffn_up.weight", (8, 512), Q.Q5_K), ("blk.2.ffn_down.weight", (8, 512), Q.Q6_K)]
    # Where each K-quant block keeps its float16 scales (d, and dmin where it has one).
    K_SCALES = {Q.Q2_K: (80, 82), Q.Q3_K: (108,), Q.Q4_K: (0, 2), Q.Q5_K: (0, 2), Q.Q6_K: (208,)}
    for name, shape, qtype in cases:
        values = rng.standard_normal(shape).astype(np.float32)
        if qtype == Q.F32:
            raw = values
        elif qtype == Q.F16:
            raw = values.astype(np.float16)
        elif qtype in K_SCALES:  # gguf-py cannot quantize to these: random blocks, sane float16 scales
            block_size, type_size = gguf.GGML_QUANT_SIZES[qtype]
            raw = rng.integers(0, 256, (shape[0], shape[1] // block_size * type_size), dtype=np.uint8)
            blocks = raw.reshape(-1, type_size)
            for at in K_SCALES[qtype]:
                scales = rng.uniform(0.001, 0.05, blocks.shape[0]).astype(np.float16)
                blocks[:, at:at + 2] = scales.view(np.uint8).reshape(-1, 2)
        else:
            raw = gguf.quants.quantize(values, qtype)
        writer.add_tensor(name, raw, raw_shape=raw.shape if qtype in (Q.F32, Q.F16) else None,
                          raw_dtype=None if qtype in (Q.F32, Q.F16) else qtype)
        back = gguf.quants.dequantize(raw, qtype)
        reference[name] = np.ascontiguousarray(back.reshape(shape).astype(np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    save_file(reference, os.path.join(outdir, "reference.safetensors"))
    # What GGUFReader reads back: each key's type name and value (arrays: length and first items).
    reader = gguf.GGUFReader(os.path.join(outdir, "model.gguf"))
    expected = {"keys": {}, "tensors": {}}
    for field in reader.fields.values():
        if field.name.startswith("GGUF."):
            continue
        types = [t.name for t in field.types]
        value = field.contents()
        if types[0] == "ARRAY":
            expected["keys"][field.name] = {"type": "array[%s]" % types[1].lower().replace("float", "float"),
                                            "length": len(value), "first": value[:8]}
        else:
            expected["keys"][field.name] = {"type": types[0].lower(), "value": value}
    for tensor in reader.tensors:
        expected["tensors"][tensor.name] = {"ggml_type": tensor.tensor_type.name,
                                            "shape": [int(d) for d in reversed(tensor.shape.tolist())],
                                            "offset": int(tensor.data_offset - reader.data_offset),
                                            "bytes": int(tensor.n_bytes)}
    with open(os.path.join(outdir, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)


def bad(outdir):
    """Small files that lie, each made from a good one written by GGUFWriter, changed at the place its own
    header gives (read back with GGUFReader)."""
    import gguf
    os.makedirs(outdir, exist_ok=True)
    good = os.path.join(outdir, "good.gguf")
    writer = gguf.GGUFWriter(good, "llama")
    writer.add_string("general.name", "x")
    writer.add_array("test.ints", [1, 2, 3])
    writer.add_uint32("test.dupe", 7)
    writer.add_tensor("a.weight", np.ones((4, 32), dtype=np.float32))
    writer.add_tensor("b.weight", np.ones((2, 32), dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    data = bytearray(open(good, "rb").read())
    reader = gguf.GGUFReader(good)
    fields = reader.fields
    cases = {}

    def save(case, content, reason):
        with open(os.path.join(outdir, case + ".gguf"), "wb") as f:
            f.write(content)
        cases[case] = reason

    changed = bytearray(data)
    struct.pack_into("<q", changed, 8, 10**12)  # tensor count
    save("tensor-count", changed, "more than the file holds")
    name_field = fields["general.name"]
    length_at = int(name_field.offset) + 8 + len("general.name") + 4  # key length, key, type
    changed = bytearray(data)
    struct.pack_into("<Q", changed, length_at, 10**9)
    save("string-length", changed, "runs past the file")
    changed = bytearray(data)
    type_at = int(fields["test.ints"].offset) + 8 + len("test.ints")
    struct.pack_into("<I", changed, type_at + 4, 9)  # array of arrays
    save("nested-array", changed, "an array of arrays")
    changed = bytearray(data)
    struct.pack_into("<I", changed, type_at, 99)
    save("unknown-value-type", changed, "unknown value type 99")
    second = reader.tensors[1]
    info_end = int(second.field.offset) + sum(int(part.nbytes) for part in second.field.parts)
    changed = bytearray(data)
    struct.pack_into("<Q", changed, info_end - 8, 1 << 20)  # b.weight's offset, far past the data
    save("tensor-past-data", changed, "run past the data section")
    changed = bytearray(data)
    struct.pack_into("<Q", changed, info_end - 8, 4)  # not a multiple of the alignment (32)
    save("misaligned", changed, "not a multiple of the alignment")
    changed = bytearray(data)
    struct.pack_into("<I", changed, info_end - 12, 77)  # b.weight's ggml type
    save("unknown-ggml-type", changed, "unknown ggml type 77")
    changed = bytearray(data)
    name_at = int(second.field.offset) + 8
    changed[name_at:name_at + 1] = b"a"  # "b.weight" becomes "a.weight" a second time
    save("duplicate-name", changed, "is there twice")
    changed = bytearray(data)
    key_at = int(fields["test.dupe"].offset) + 8
    changed[key_at:key_at + len("test.dupe")] = b"test.ints"
    save("duplicate-key", changed, "is there twice")
    save("truncated", data[: len(data) // 3], "run past the data section")
    with open(os.path.join(outdir, "bad.json"), "w") as f:
        json.dump(cases, f, indent=1)


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "write":
        write(sys.argv[2])
    elif command == "bad":
        bad(sys.argv[2])
    else:
        sys.exit("unknown command " + command)
