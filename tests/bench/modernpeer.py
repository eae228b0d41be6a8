"""Today's PyTorch in the benchmarks, beside Debian's 1.13 that runs them: the modern peer of
tests/python/requirements.txt (TORCHSCOPE_PEER_PYTHON, as scripts/dev.sh test sets it and
scripts/peer-env.sh prints it) times the same statement in its own process."""
import os
import subprocess

PYTHON = os.environ.get("TORCHSCOPE_PEER_PYTHON")

_TIMER = """
import time, torch
{setup}
best = float("inf")
for _ in range({repeats}):
    start = time.perf_counter()
    {statement}
    best = min(best, time.perf_counter() - start)
print(torch.__version__, best)
"""


def seconds(setup, statement, repeats=3):
    """(PyTorch version, best wall seconds of `statement` after `setup`) in the modern peer's process, or
    None without it. `statement` is one line; `setup` any code (imports, loading the data)."""
    if not PYTHON:
        return None
    out = subprocess.run([PYTHON, "-c", _TIMER.format(setup=setup, statement=statement, repeats=repeats)],
                         check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout.split()
    return out[0], float(out[1])
