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


def vkey(v):
    """Sort key for versions like 2.6.32, 4.19, 7.3."""
    return tuple(int(x) for x in re.findall(r"\d+", v))


_doc_cache = {}


def doc_lines(ver, base, expand_tabs=False):
    """(path, lines) of doc `base` for a version label, read once; (None, None) if absent."""
    p = doc_path(ver, base)
    if not p:
        return None, None
    if (p, expand_tabs) not in _doc_cache:
        _doc_cache[(p, expand_tabs)] = read_lines(p, expand_tabs=expand_tabs)
    return p, _doc_cache[(p, expand_tabs)]


def find_heading(lines, name, paren_headings=False):
    """0-based line index of a heading for `name` in a core doc (rst or txt).
    `paren_headings`: also a txt line `name: (X86 only)`."""
    names = [n.strip() for n in re.split(r",|&|\band\b", name) if n.strip()]
    for i, l in enumerate(lines):
        s = l.strip()
        s2 = re.sub(r"\s*\(.*?\)\s*", "", s).rstrip(":")
        parts = [p.strip() for p in re.split(r",|&|\band\b", s2) if p.strip()]
        if not parts or not any(n in parts for n in names):
            continue
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        prev = lines[i - 1].strip() if i > 0 else ""
        if re.fullmatch(r"[=\-~^]{3,}", nxt) or (s.endswith(":") and not l.startswith((" ", "\t"))) \
                or re.fullmatch(r"={3,}", prev) or (prev == "" and nxt == "" and s == s2 and len(parts) == 1 and i > 20) \
                or (paren_headings and re.fullmatch(r"[^\s-][^:]*:\s*\([^)]*\)", l.rstrip())):
            return i
    return None
