#!/usr/bin/env bash
# Builds the readers with AddressSanitizer/UBSan and runs each libFuzzer target.
#   scripts/fuzz.sh               a fixed-seed smoke run of a set number of inputs per target (CI: same
#                                 inputs every time, about 20 s each here)
#   scripts/fuzz.sh SECONDS       a random-seed run of SECONDS per target, all at once, e.g.
#                                 scripts/fuzz.sh 1800; then merges what the runs found into a minimal
#                                 corpus under build-fuzz/minimised/ (copy it to tests/fuzz/corpus/ to keep it)
# Seeds are real files written by PyTorch at run time, plus tests/fuzz/corpus/TARGET/: every input that
# ever crashed a target and the minimised corpus of earlier long runs, replayed by every run (CI's smoke
# run included). Crashes land in build-fuzz/artifacts/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-}"
build="${TORCHSCOPE_FUZZ_BUILD_DIR:-$here/build-fuzz}"
python="${TORCHSCOPE_PYTHON:-/usr/bin/python3}"

CXX=clang++-14 CC=clang-14 cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTORCHSCOPE_FUZZ=ON
cmake --build "$build"

corpus="$build/corpus"
rm -rf "$corpus"
mkdir -p "$corpus/seeds" "$corpus/archive" "$corpus/unpickler" "$corpus/safetensors" "$corpus/gguf" "$build/artifacts"
"$python" "$here/tests/python/peer.py" formats "$corpus/seeds" >/dev/null
"$python" "$here/tests/python/peer.py" hostile "$corpus/seeds/hostile" >/dev/null
"$python" "$here/tests/python/peer.py" fixtures "$corpus/seeds/script" >/dev/null
for f in "$corpus"/seeds/*.pt "$corpus"/seeds/hostile/*.pt "$corpus"/seeds/script/cnn_*.pt "$corpus"/seeds/script/tied*.pt; do
    cp "$f" "$corpus/archive/"
done
cp "$corpus"/seeds/*.safetensors "$corpus"/seeds/*.index.json "$corpus/safetensors/"
# The pickles inside the archives, and the legacy files that are pickles from byte 0.
"$python" - "$corpus" <<'PY'
import glob, os, sys, zipfile
corpus = sys.argv[1]
for path in glob.glob(os.path.join(corpus, "archive", "*.pt")):
    try:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith(".pkl"):
                    with open(os.path.join(corpus, "unpickler", os.path.basename(path) + "-" + name.replace("/", "_")), "wb") as f:
                        f.write(z.read(name))
    except zipfile.BadZipFile:
        with open(path, "rb") as src, open(os.path.join(corpus, "unpickler", os.path.basename(path)), "wb") as f:
            f.write(src.read())
PY

# GGUF files gguf-py writes (the modern peer's), good and lying, without the magic the target puts first.
peer="$("$here/scripts/peer-env.sh")"
"$peer" "$here/tests/python/gguf_files.py" write "$corpus/seeds/gguf" >/dev/null
"$peer" "$here/tests/python/gguf_files.py" bad "$corpus/seeds/gguf/bad" >/dev/null
for f in "$corpus"/seeds/gguf/*.gguf "$corpus"/seeds/gguf/bad/*.gguf; do
    tail -c +5 "$f" > "$corpus/gguf/$(basename "$f")"
done

# Leaks are detected: every value the unpickler makes lives in its arena, freed whole, so a cyclic
# pickle leaks nothing.
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
status=0
declare -A smoke_runs=([unpickler]=40000 [archive]=50000 [safetensors]=150000 [gguf]=100000)
targets=(unpickler archive safetensors gguf)
run_target() {
    local target="$1" limit
    if [ -n "$seconds" ]; then
        limit=(-max_total_time="$seconds")
    else
        limit=(-seed=1 -runs="${smoke_runs[$target]}")
    fi
    mkdir -p "$here/tests/fuzz/corpus/$target" # a target none of whose inputs has been kept yet
    # The first corpus folder receives what the run finds; the kept one is only read.
    "$build/bin/fuzz_$target" "${limit[@]}" -rss_limit_mb=4096 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$build/artifacts/$target-" "$corpus/$target" "$here/tests/fuzz/corpus/$target" \
        2>"$build/fuzz_$target.log"
}
if [ -n "$seconds" ]; then
    echo "== ${targets[*]}: ${seconds}s each, at once, random seeds"
    pids=()
    for target in "${targets[@]}"; do
        run_target "$target" &
        pids+=($!)
    done
    for i in "${!targets[@]}"; do
        wait "${pids[$i]}" || { status=1; tail -40 "$build/fuzz_${targets[$i]}.log"; }
    done
else
    for target in "${targets[@]}"; do
        echo "== fuzz_$target: ${smoke_runs[$target]} inputs from seed 1"
        run_target "$target" || { status=1; tail -40 "$build/fuzz_$target.log"; }
    done
fi
for target in "${targets[@]}"; do
    echo "-- fuzz_$target:"
    grep -E "stat::number_of_executed_units|Done|cov: .* ft: " "$build/fuzz_$target.log" | tail -2 || true
done
if [ -n "$seconds" ] && [ "$status" -eq 0 ]; then
    for target in "${targets[@]}"; do
        rm -rf "$build/minimised/$target"
        mkdir -p "$build/minimised/$target"
        "$build/bin/fuzz_$target" -merge=1 -rss_limit_mb=4096 -timeout=10 "$build/minimised/$target" \
            "$here/tests/fuzz/corpus/$target" "$corpus/$target" 2>"$build/merge_$target.log" || status=1
        echo "-- fuzz_$target: minimised corpus of $(ls "$build/minimised/$target" | wc -l) inputs" \
             "($(du -sh "$build/minimised/$target" | cut -f1))"
    done
fi
if [ "$status" -eq 0 ]; then
    echo "fuzz: ${#targets[@]} passed, 0 failed"
else
    echo "fuzz: a target found a crash (see above)"
fi
exit "$status"
