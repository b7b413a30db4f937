"""Sweep the kernel's sysctl documentation for advice phrases (issue 15).

Reads ../shared/reference/kernel/{,v6.12/,v6.1/}{ip-sysctl,vm,kernel,fs,net}.rst,
finds every line with one of PHRASES, files it under the key whose section holds
it, and joins each (doc, key) with its disposition from dispositions.tsv (what
became of it: a rule and data row, or why nothing). Writes doc-sweep.tsv next
to this file; exits 1 if a hit has no disposition. Python 3.11, stdlib only.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KREF = os.path.abspath(os.path.join(HERE, "..", "..", "..", "shared", "reference", "kernel"))
PHRASES = re.compile(
    r"must not|should not|at least|RFC|not recommended|deprecated|obsolete|has no effect"
    r"|_must_|never|too (?:high|low|small|large)|don'?t|do not|recommend",
    re.I,
)
DOCS = ["ip-sysctl.rst", "vm.rst", "kernel.rst", "fs.rst", "net.rst"]
VERSIONS = [("7.3", ""), ("6.12", "v6.12/"), ("6.1", "v6.1/")]


def sections_ip(lines):
    cur, out = None, []
    for line in lines:
        m = re.match(r"^([a-zA-Z0-9_./<>*-]+(?:\s*&\s*[a-z0-9_]+)?) - [A-Z]", line)
        if m:
            cur = m.group(1)
        out.append(cur)
    return out


def sections_core(lines):
    cur, out = None, []
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if re.match(r"^[=~-]{3,}$", nxt) and line.strip() and not re.match(r"^[=~-]+$", line):
            cur = line.strip()
        out.append(cur)
    return out


def hits():
    seen = {}
    for ver, sub in VERSIONS:
        for doc in DOCS:
            path = os.path.join(KREF, sub, doc)
            lines = open(path, encoding="utf-8").read().splitlines()
            secs = sections_ip(lines) if doc == "ip-sysctl.rst" else sections_core(lines)
            for i, line in enumerate(lines):
                if not PHRASES.search(line):
                    continue
                text = " ".join(line.split())
                k = (doc, secs[i] or "(preamble)", text)
                seen.setdefault(k, []).append(f"{ver}:{i + 1}")
    return seen


def main():
    disp = {}
    for row in open(os.path.join(HERE, "dispositions.tsv"), encoding="utf-8").read().splitlines()[1:]:
        if not row.strip():
            continue
        doc, section, what, why = (row.split("\t") + ["", "", "", ""])[:4]
        disp[(doc, section)] = (what, why)
    out = ["doc\tsection\twhere\tline\tdisposition\treason"]
    missing = []
    for (doc, section, text), where in sorted(hits().items()):
        d = disp.get((doc, section))
        if d is None:
            missing.append(f"{doc}\t{section}\t{text}")
            d = ("?", "")
        out.append("\t".join([doc, section, " ".join(where), text, d[0], d[1]]))
    with open(os.path.join(HERE, "doc-sweep.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"{len(out) - 1} lines, {len({(r.split(chr(9))[0], r.split(chr(9))[1]) for r in out[1:]})} sections")
    if missing:
        print("no disposition:\n" + "\n".join(missing), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
