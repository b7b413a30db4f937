#!/usr/bin/env python3
"""Regenerate the generated blocks of README.md from the built binary:
the rules table, the tuning-guide output, its --unsafe-fixes diff and the
`effective` example.
Run from the repository root after `cargo build --release`:  python3 tools/readme.py
"""
import re
import subprocess

BIN = "./target/release/sysctl-lint"


def run(*args):
    return subprocess.run([BIN, *args], capture_output=True, text=True).stdout.rstrip("\n")


def block(name, text):
    return f"<!-- {name}:start -->\n{text}\n<!-- {name}:end -->"


def replace(readme, name, text):
    pattern = re.compile(rf"<!-- {name}:start -->.*?<!-- {name}:end -->", re.S)
    return pattern.sub(lambda _: block(name, text), readme)


rules = ["| code | name | severity | summary |", "|---|---|---|---|"]
for line in run("rules").splitlines():
    code, name, severity, summary = re.split(r"\s{2,}", line.strip(), maxsplit=3)
    rules.append(f"| {code} | {name} | {severity} | {summary} |")

guide = run("check", "--color", "never", "tests/fixtures/tuning-guide.conf")
effective = run("effective", "--root", "tests/fixtures/root", "--key", "kernel.*")

fix_diff = run("check", "--diff", "--unsafe-fixes", "tests/fixtures/tuning-guide.conf")

readme = open("README.md", encoding="utf-8").read()
readme = replace(readme, "rules", "\n".join(rules))
readme = replace(readme, "tuning-guide", "```text\n$ sysctl-lint check tests/fixtures/tuning-guide.conf\n" + guide + "\n```")
readme = replace(readme, "effective", "```text\n$ sysctl-lint effective --root tests/fixtures/root --key 'kernel.*'\n" + effective + "\n```")
readme = replace(readme, "fix-diff", "```diff\n" + fix_diff + "\n```")
open("README.md", "w", encoding="utf-8").write(readme)
