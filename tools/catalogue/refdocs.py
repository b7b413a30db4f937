"""Reading the reference kernel docs: shared by gen_catalogue.py and gen_key_docs.py.

Paths are relative to the repository root: the references live in
../shared/reference next to it.
"""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
KREF = os.path.abspath(os.path.join(ROOT, "..", "shared", "reference", "kernel"))
HIST = os.path.join(KREF, "history")

# Neighbour keys that exist only under `default` (not per device).
NEIGH_DEFAULT_ONLY = {"gc_thresh1", "gc_thresh2", "gc_thresh3", "gc_interval"}


def read_lines(path, expand_tabs=False):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    return (text.expandtabs(8) if expand_tabs else text).splitlines()


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = [l for l in f.read().splitlines() if l and not l.startswith("#")]
    if not lines:
        return []
    hdr = lines[0].split("\t")
    out = []
    for l in lines[1:]:
        cells = l.split("\t")
        cells += [""] * (len(hdr) - len(cells))
        out.append(dict(zip(hdr, [c.strip() for c in cells])))
    return out


def norm_key(k):
    """Write per-device path components as <dev> (all/default/ifname)."""
    m = re.match(r"^(net\.(?:ipv4|ipv6|mpls)\.(?:conf|neigh))\.([^.]+)\.(.+)$", k)
    if not m or m.group(2) == "<dev>":
        return k
    if ".neigh" in m.group(1) and m.group(3) in NEIGH_DEFAULT_ONLY:
        return "%s.default.%s" % (m.group(1), m.group(3))
    return "%s.<dev>.%s" % (m.group(1), m.group(3))


def doc_path(ver, base):
    """Path of doc `base` (ip-sysctl/kernel/vm/fs/net) for a version label."""
    if ver == "7.3":
        p = os.path.join(KREF, base + ".rst")
    elif ver in ("6.12", "6.1"):
        p = os.path.join(KREF, "v" + ver, base + ".rst")
    else:
        p = None
        for ext in (".rst", ".txt"):
            q = os.path.join(HIST, ver, base + ext)
            if os.path.exists(q):
                p = q
                break
    return p if p and os.path.exists(p) else None
