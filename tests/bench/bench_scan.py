"""The scanner against picklescan and modelscan, in the same run, on the real-world corpus plus a folder of
benign checkpoints of every format Torchscope reads (made by tests/python/scan.py benign).

    $(scripts/peer-env.sh) tests/bench/bench_scan.py build/bin/torchscope-cli [CORPUS] [BENIGN_COUNT]

Counts, per scanner: malicious files flagged (the corpus's `calls=` rows), those with every call named,
benign files flagged (false positives: the corpus's `match` rows and the benign folder), files it could not
open, and the wall time of the whole run over both folders (each scanner a process, as CI runs it).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def tool(name):
    return os.path.join(os.path.dirname(sys.executable), name)


def corpus_truth(corpus):
    malicious, benign = {}, set()
    with open(os.path.join(corpus, "SOURCES.tsv")) as f:
        next(f)
        for line in f:
            columns = line.rstrip("\n").split("\t")
            name, expectation = columns[0], columns[-1].strip()
            if "calls=" in expectation:
                calls = expectation.split("calls=")[1].split(" ;")[0].split("|")
                malicious[name] = [c.replace("__builtin__.", "builtins.") for c in calls]
            elif expectation == "match":
                benign.add(name)
    return malicious, benign


def timed(command):
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    return time.perf_counter() - start, result


def top_file(path, folder):
    """The file a finding is about, relative to the folder scanned (picklescan and modelscan name entries
    inside archives as file:entry)."""
    relative = os.path.relpath(path, folder) if os.path.isabs(path) else path
    return relative.split(":")[0]


def run_picklescan(folder):
    seconds, result = timed([tool("picklescan"), "-p", folder])
    flagged, unreadable = {}, set()
    for line in (result.stdout + result.stderr).splitlines():
        match = re.match(r"^(.*?): dangerous import '(\S+) (\S+)' FOUND", line)
        if match:
            flagged.setdefault(top_file(match.group(1), folder), []).append(
                (match.group(2) + "." + match.group(3)).replace("__builtin__.", "builtins."))
            continue
        match = re.match(r"^(?:ERROR: parsing pickle in|WARNING: could not parse) (.*?)(?::| as pickle)", line)
        if match:
            unreadable.add(top_file(match.group(1), folder))
    return seconds, flagged, unreadable


def run_modelscan(folder):
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        seconds, _ = timed([tool("modelscan"), "-p", folder, "-r", "json", "-o", report.name])
        data = json.load(open(report.name))
    flagged, unreadable = {}, set()
    for issue in data.get("issues", []):
        flagged.setdefault(top_file(issue["source"], folder), []).append(
            (issue["module"] + "." + issue["operator"]).replace("__builtin__.", "builtins."))
    for error in data.get("errors", []):
        unreadable.add(top_file(error.get("source", ""), folder))
    return seconds, flagged, unreadable


def run_torchscope(cli, folder):
    seconds, result = timed([cli, "scan", folder, "--format", "json"])
    data = json.loads(result.stdout)
    flagged, unreadable = {}, set()
    for finding in data["findings"]:
        if finding["severity"] == "error":
            flagged.setdefault(top_file(finding["file"], folder), []).append(finding["message"])
        if finding["rule_id"] == "TS003":
            unreadable.add(top_file(finding["file"], folder))
    return seconds, flagged, unreadable


def main(argv):
    cli = os.path.abspath(argv[1])
    corpus = argv[2] if len(argv) > 2 else os.path.join(ROOT, "..", "shared", "corpus", "realworld")
    count = int(argv[3]) if len(argv) > 3 else 540
    malicious, corpus_benign = corpus_truth(corpus)
    work = tempfile.mkdtemp(prefix="bench_scan-")
    benign_folder = os.path.join(work, "benign")
    subprocess.run([sys.executable, os.path.join(ROOT, "tests", "python", "scan.py"), "benign", benign_folder,
                    str(count)], check=True, capture_output=True)
    benign_files = []
    for dirpath, _, files in os.walk(benign_folder):
        for name in files:
            if not name.endswith((".json", ".md", ".txt", ".model")) or name.endswith(".metadata"):
                benign_files.append(os.path.relpath(os.path.join(dirpath, name), benign_folder))
    print("corpus: %d files (%d malicious, %d benign checkpoints); benign folder: %d files"
          % (len(os.listdir(corpus)) - 2, len(malicious), len(corpus_benign), len(benign_files)))
    print("%-11s %10s %12s %15s %12s %8s" % ("scanner", "malicious", "call named", "false positive",
                                                "not opened", "time"))
    scanners = (("torchscope", lambda folder: run_torchscope(cli, folder)),
                ("picklescan", run_picklescan), ("modelscan", run_modelscan))
    for name, run in scanners:
        seconds_corpus, flagged, unreadable = run(corpus)
        seconds_benign, benign_flagged, benign_unreadable = run(benign_folder)
        caught = [f for f in malicious if f in flagged]
        named = [f for f in caught if all(any(call in said for said in flagged[f]) for call in malicious[f])]
        false_positives = [f for f in corpus_benign if f in flagged] + list(benign_flagged)
        print("%-11s %5d of %2d %7d of %2d %15d %12d %7.2fs"
              % (name, len(caught), len(malicious), len(named), len(malicious), len(false_positives),
                 len(unreadable) + len(benign_unreadable), seconds_corpus + seconds_benign))
        missed = sorted(set(malicious) - set(caught))
        if missed:
            print("  %s missed: %s" % (name, ", ".join(missed)))
        unnamed = sorted(set(caught) - set(named))
        if unnamed:
            print("  %s did not name every call of: %s" % (name, ", ".join(unnamed)))
        if false_positives:
            print("  %s flagged benign: %s" % (name, ", ".join(sorted(false_positives)[:8])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
