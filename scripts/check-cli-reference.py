#!/usr/bin/env python3
"""The CLI reference (docs/cli.md) and the man page (installer/man/torchscope-cli.1) name every option and
command `torchscope-cli --help` names, so the three cannot drift apart.

Usage: check-cli-reference.py TORCHSCOPE_CLI
Prints what each document lacks and exits 1, or prints one OK line.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def words_of_help(cli):
    text = subprocess.run([cli, "--help"], capture_output=True, text=True, env=dict(os.environ, LANGUAGE="en",
                                                                                  LC_ALL="C.UTF-8"),
                          check=True).stdout
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", text))
    commands = set(re.findall(r"^\s+torchscope-cli ([a-z][a-z-]+)", text, re.M))
    return options, commands


def main(argv):
    options, commands = words_of_help(argv[1])
    if len(options) < 20 or len(commands) < 8:
        print("FAIL: --help named only %d options and %d commands" % (len(options), len(commands)))
        return 1
    with open(os.path.join(ROOT, "docs", "cli.md")) as f:
        reference = f.read()
    with open(os.path.join(ROOT, "installer", "man", "torchscope-cli.1")) as f:
        man = f.read().replace("\\-", "-").replace("\\fB", "").replace("\\fR", "").replace("\\fI", "")
    failed = False
    for name, text in (("docs/cli.md", reference), ("torchscope-cli.1", man)):
        missing = sorted(o for o in options if not re.search(re.escape(o) + r"(?![a-z0-9-])", text))
        missing += sorted("command " + c for c in commands if not re.search(r"\b" + re.escape(c) + r"\b", text))
        if missing:
            failed = True
            print("FAIL: %s lacks %s" % (name, ", ".join(missing)))
    if not failed:
        print("OK: docs/cli.md and the man page name all %d options and %d commands" % (len(options),
                                                                                       len(commands)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
