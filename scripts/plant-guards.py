#!/usr/bin/env python3
"""Plants the removal of each bound the readers check and runs the test that stands at that bound:
every planted bug must make its test fail (or crash). Prints a table; exits 1 if a test missed one.

    scripts/plant-guards.py [BUILD_DIR] [--only SUBSTRING]

Each guard is taken out in the working tree, the one test program rebuilt and its test function run,
and the file put back (also on Ctrl+C). docs/reader-bounds.md lists the same guards with their tests.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ZIP = "model/formats/zip/ziparchivereader.cpp"
SAFETENSORS = "model/formats/safetensorsreader.cpp"
LEGACY = "model/formats/legacyreader.cpp"
UNPICKLER = "model/formats/pickle/safeunpickler.cpp"
TENSOR = "model/tensor/tensorinfo.cpp"
TORCHZIP = "model/formats/torchzipreader.cpp"

# (guard, file, text, replacement, test program, test function)
GUARDS = [
    ("zip: end record and its comment inside the file", ZIP,
     "rangeInside(pos, kEndRecordSize + u16(data + pos + 20), size)", "true",
     "tst_ziparchive", "boundaries"),
    ("zip: file holds an end record", ZIP,
     "if (size < kEndRecordSize)", "if (false)", "tst_ziparchive", "truncatedArchivesFailCleanly"),
    ("zip: ZIP64 end record inside the file", ZIP,
     "if (!rangeInside(zip64End, kZip64EndRecordSize, size))", "if (false)",
     "tst_ziparchive", "tinyFilesWithZip64LocatorsStayInside"),
    ("zip: central directory inside the file", ZIP,
     "if (!rangeInside(directoryOffset, directorySize, size))", "if (false)",
     "tst_ziparchive", "directoriesWhoseEndWraps"),
    ("zip: entry count at most 4 Mi", ZIP,
     "entryCount > quint64(kMaxEntries) || ", "", "tst_ziparchive", "entryCountBound"),
    ("zip: entry count fits the directory", ZIP,
     " || entryCount > directorySize / kCentralHeaderSize + 1", "", "tst_ziparchive", "boundaries"),
    ("zip: central header inside the directory", ZIP,
     "!rangeInside(*pos, kCentralHeaderSize, directoryEnd) ||", "", "tst_ziparchive", "boundaries"),
    ("zip: central entry inside the directory", ZIP,
     "if (!rangeInside(*pos, kCentralHeaderSize + nameLength + extraLength + commentLength, directoryEnd))",
     "if (false)", "tst_ziparchive", "boundaries"),
    ("zip: extra field inside the extra data", ZIP,
     "if (!rangeInside(e + 4, length, extraLength))", "if (false)",
     "tst_ziparchive", "zip64ExtraFieldBoundaries"),
    ("zip: ZIP64 value inside its field", ZIP,
     "if (!rangeInside(k, 8, e + 4 + length))", "if (false)", "tst_ziparchive", "zip64ExtraFieldBoundaries"),
    ("zip: local header inside the file", ZIP,
     "if (!rangeInside(localOffset, kLocalHeaderSize, size))", "if (false)", "tst_ziparchive", "boundaries"),
    ("zip: entry data inside the file", ZIP,
     "if (!rangeInside(dataOffset, compressed, size))", "if (false)", "tst_ziparchive", "boundaries"),
    ("zip: uncompressed size at most 2^62", ZIP,
     "if (uncompressed > quint64(kMaxUncompressedSize))", "if (false)",
     "tst_ziparchive", "uncompressedSizeBound"),
    ("zip: record read whole at most its bound", ZIP,
     "if (entry.uncompressedSize > maxSize)", "if (false)", "tst_checkpointreader", "recordSizeBounds"),
    ("torch zip: storage record holds numel elements", TORCHZIP,
     "if (entry->uncompressedSize != expected)", "if (entry->uncompressedSize < expected)",
     "tst_checkpointreader", "truncatedFilesFailWithAReason"),
    ("safetensors: header at most 100 MB", SAFETENSORS,
     "n > quint64(kMaxHeader) || ", "", "tst_checkpointreader", "sizeBoundsOfHeadersAndIndexes"),
    ("safetensors: header inside the file", SAFETENSORS,
     " || !rangeInside(8, n, size)) {", ") {", "tst_checkpointreader", "absurdSafetensorsHeaders"),
    ("safetensors: data offsets inside the buffer", SAFETENSORS,
     " || !rangeInside(begin, end - begin, bufferSize)) {", ") {", "tst_checkpointreader",
     "safetensorsBoundaries"),
    ("safetensors: at most 2^40 elements", SAFETENSORS,
     "if (shape.back() > 0 && numel > kMaxTensorElements / shape.back())", "if (false)",
     "tst_checkpointreader", "safetensorsBoundaries"),
    ("safetensors: data length is elements x size", SAFETENSORS,
     "if (numel * dtypeElementSize(dtype) != end - begin)", "if (numel * dtypeElementSize(dtype) > end - begin)",
     "tst_checkpointreader", "safetensorsBoundaries"),
    ("safetensors: no overlap or hole", SAFETENSORS,
     "if (span.begin != expected)", "if (false)", "tst_checkpointreader", "safetensorsBoundaries"),
    ("safetensors: tensors cover the buffer", SAFETENSORS,
     "if (expected != bufferSize)", "if (false)", "tst_checkpointreader", "safetensorsBoundaries"),
    ("legacy: element count inside the file", LEGACY,
     "if (index < 0 || !rangeInside(pos, 8, size))", "if (index < 0)", "tst_checkpointreader",
     "legacyBoundaries"),
    ("legacy: storage bytes inside the file", LEGACY,
     " || !rangeInside(pos, count * elementSize, size)) {", ") {", "tst_checkpointreader", "legacyBoundaries"),
    ("legacy: count is the pickle's", LEGACY,
     "if (count != ref.numel || ", "if (", "tst_checkpointreader", "legacyBoundaries"),
    ("legacy: nothing after the storages", LEGACY,
     "if (pos != size) {", "if (pos > size) {", "tst_checkpointreader", "legacyBoundaries"),
    ("pickle: reads inside the pickle", UNPICKLER,
     "if (!rangeInside(m_pos, count, m_size))", "if (count < 0)", "tst_safeunpickler", "lengthsAtTheBoundary"),
    ("pickle: string inside the pickle", UNPICKLER,
     "if (!rangeInside(m_pos, n, m_size))", "if (false)", "tst_safeunpickler", "lengthsAtTheBoundary"),
    ("pickle: text line at most 64 KiB", UNPICKLER,
     "std::min(m_size, m_pos + kMaxLine)", "m_size", "tst_safeunpickler", "lengthsAtTheBoundary"),
    ("pickle: storage at most 2^40 elements", UNPICKLER,
     "if (numel->integer > kMaxTensorElements) {", "if (false) {", "tst_safeunpickler", "storageElementBound"),
    ("pickle: tensor at most 64 dimensions", UNPICKLER,
     " ||\n        args[2]->items.size() > size_t(kMaxDimensions))", ")", "tst_safeunpickler",
     "lengthsAtTheBoundary"),
    ("pickle: memo at most 16 Mi entries", UNPICKLER,
     "if (!m_memo.find(index) && m_memo.size() >= kMaxMemo)", "if (false)", "tst_safeunpickler",
     "resourceBoundsAtTheBoundary"),
    ("pickle: at most 2^20 open marks", UNPICKLER,
     "if (m_openMarks >= kMaxOpenMarks)", "if (false)", "tst_safeunpickler", "lengthsAtTheBoundary"),
    ("pickle: POP_MARK closes its mark", UNPICKLER,
     "    --m_openMarks;\n", "", "tst_safeunpickler", "everyWayAMarkLeavesIsCounted"),
    ("pickle: stack at most 4 Mi", UNPICKLER,
     "if (m_stack.size() > kMaxStack)", "if (false)", "tst_safeunpickler", "resourceBoundsAtTheBoundary"),
    ("pickle: at most 8 Mi objects", UNPICKLER,
     "if (m_values > kMaxValues)", "if (false)", "tst_safeunpickler", "resourceBoundsAtTheBoundary"),
    ("view: at most 2^40 elements", TENSOR,
     "if (shape[i] > 0 && count > kMaxTensorElements / shape[i])", "if (false)", "tst_checkpointreader",
     "safetensorsBoundaries"),
    ("view: last element inside the storage", TENSOR,
     "inside = strides[i] <= room && shape[i] - 1 <= room / strides[i];", "inside = true;",
     "tst_tensorstats", "viewBoundsCannotWrap"),
    ("view: offset inside the storage", TENSOR,
     "bool inside = storageOffset < storageElements;", "bool inside = true;",
     "tst_tensorstats", "viewBoundsCannotWrap"),
    ("values: at most 100,000 listed, the rest counted", "model/formats/pickle/picklecheckpoint.cpp",
     "if (m_out->values.size() >= kMaxCheckpointValues) {", "if (false) {",
     "tst_trainingcheckpoint", "valuesAreCapped"),
]


def run(build, only):
    rows = []
    missed = 0
    for guard, path, text, replacement, program, function in GUARDS:
        if only and only not in guard:
            continue
        full = os.path.join(HERE, path)
        with open(full) as f:
            original = f.read()
        if original.count(text) != 1:
            rows.append((guard, program, function, "GUARD NOT FOUND"))
            missed += 1
            continue
        try:
            with open(full, "w") as f:
                f.write(original.replace(text, replacement))
            built = subprocess.run(["cmake", "--build", build, "--target", program],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            if built.returncode != 0:
                outcome = "BUILD FAILED"
                missed += 1
            else:
                env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
                test = subprocess.run([os.path.join(build, "bin", program), function], env=env,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=1800)
                if test.returncode == 0:
                    outcome = "MISSED"
                    missed += 1
                else:
                    outcome = "caught (crash)" if test.returncode < 0 or test.returncode > 128 else "caught"
        finally:
            with open(full, "w") as f:
                f.write(original)
        rows.append((guard, program, function, outcome))
        print("%-50s %-22s %-40s %s" % rows[-1], flush=True)
    subprocess.run(["cmake", "--build", build], stdout=subprocess.DEVNULL)
    print("plant-guards: %d caught, %d missed" % (len(rows) - missed, missed))
    return 1 if missed else 0


def main(argv):
    only = None
    if "--only" in argv:
        i = argv.index("--only")
        only = argv[i + 1]
        del argv[i:i + 2]
    build = os.path.abspath(argv[1]) if len(argv) > 1 else os.path.join(HERE, "build")
    return run(build, only)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
