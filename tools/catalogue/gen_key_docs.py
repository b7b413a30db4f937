#!/usr/bin/env python3
"""Generate rules/key-docs.tsv: a short kernel-documentation excerpt per key.

Run from anywhere (Python 3.11, standard library only):

    python3 tools/catalogue/gen_key_docs.py

Inputs (read-only):
  rules/keys.tsv                                   the catalogue (first column)
  ../shared/reference/kernel/ip-sysctl-keys.tsv    7.3 ip-sysctl key -> rst line
  ../shared/reference/kernel/history/key-history.tsv   key -> documented versions,
                                                   doc files, heading name
  ../shared/reference/kernel/{,v6.12/,v6.1/}*.rst, history/<ver>/*.{rst,txt}

Keys are mapped to doc entries the way gen_catalogue.py does (norm_key,
ip-sysctl-keys.tsv rst_line, key-history.tsv heading names); the newest
release documenting the key wins.  A few keys absent from both tables are
looked up by heading name (see FALLBACK below).

Output: header `key<TAB>source<TAB>excerpt`, sorted by key; the excerpt is
cleaned of RST markup, paragraphs/list items are joined with a literal `\\n`,
and it is cut near MAX_LEN characters at a sentence or paragraph end
(followed by ` [...]`).  Deterministic.
"""
import os
import re
import sys

import refdocs
from refdocs import norm_key, read_tsv, vkey

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
KREF = os.path.abspath(os.path.join(ROOT, "..", "shared", "reference", "kernel"))
HIST = os.path.join(KREF, "history")
KEYS = os.path.join(ROOT, "rules", "keys.tsv")
OUT = os.path.join(ROOT, "rules", "key-docs.tsv")

MAX_LEN = 700
# Newest first: 7.3 (top level), v6.12, v6.1, then history/<ver>.
VERSIONS = ["7.3", "6.12", "6.1", "6.6", "5.15", "5.10", "5.8", "5.4", "4.19", "4.14",
            "4.12", "4.9", "4.4", "4.1", "3.18", "3.16", "3.10", "3.2", "2.6.32"]


# The brief's order: the full copies 7.3, 6.12, 6.1, then history newest first.
VERSIONS = ["7.3", "6.12", "6.1"] + sorted(set(VERSIONS) - {"7.3", "6.12", "6.1"},
                                          key=vkey, reverse=True)

# ---------------------------------------------------------------------------
# Key-name mapping, doc reading and heading search come from refdocs.py (shared
# with gen_catalogue.py); here find_heading also accepts the old .txt heading
# form `name: (X86 only)`, and ip_type_line the old type lines.
# ---------------------------------------------------------------------------
HDR_RE = re.compile(r"^([A-Za-z0-9_./*<>-]+)\s+-\s+(.+?)\s*$")
UNDERLINE_RE = re.compile(r"^\s*([=\-~^*+#])\1{2,}\s*$")




def ip_region(lines, key):
    """(start, end) line range of ip-sysctl to search for `key`: IPv6 keys
    after the '/proc/sys/net/ipv6' title, others before it (old docs repeat
    names such as `forwarding` in both halves)."""
    v6 = next((i for i, l in enumerate(lines) if re.match(r"^/?proc/sys/net/ipv6", l)), None)
    if v6 is None:
        return 0, len(lines)
    if key.startswith("net.ipv6."):
        return v6, len(lines)
    if key.startswith(("net.ipv4.", "net.core.")):
        return 0, v6
    return 0, len(lines)


def ip_type_line(lines, names, key):
    lo, hi = ip_region(lines, key)
    for i in range(lo, hi):
        m = HDR_RE.match(lines[i])
        if m and m.group(1) in names:
            return i
    return None


# ---------------------------------------------------------------------------
# Entry bodies
# ---------------------------------------------------------------------------
def is_title(lines, j):
    """lines[j] is a title (non-empty text followed by an underline)."""
    return (j + 1 < len(lines) and lines[j].strip() and not UNDERLINE_RE.match(lines[j])
            and UNDERLINE_RE.match(lines[j + 1]) is not None)


def ip_body(lines, i):
    """ip-sysctl 'name - TYPE' entry at i: (type line, body lines)."""
    out = []
    for j in range(i + 1, min(len(lines), i + 250)):
        l = lines[j]
        if l.strip() and not l.startswith(" "):
            # non-indented: next entry, a section title or trailing prose
            break
        out.append(l)
    return lines[i].strip(), out


def core_body(lines, i):
    """kernel/vm/fs/net doc entry whose heading is at i: body lines."""
    j = i + 1
    if j < len(lines) and UNDERLINE_RE.match(lines[j]):
        j += 1
    out = []
    while j < len(lines) and j < i + 250:
        l = lines[j]
        if re.fullmatch(r"\s*[=\-]{10,}\s*", l) and not l.startswith(" ") and not is_title(lines, j - 1):
            break  # txt-style separator between entries
        if is_title(lines, j):
            break
        if re.match(r"^The directory\s+/proc/", l.strip()):
            break  # trailing prose after the last entry of a section (net.rst appletalk)
        if UNDERLINE_RE.match(l) and not l.startswith(" "):
            break
        if re.match(r"^[a-z0-9_-]+(?:\s*(?:,|&|and)\s*[a-z0-9_-]+)*:\s*$", l) and \
                j > i + 1 and (not lines[j - 1].strip()):
            break  # txt-style 'name:' heading of the next entry
        out.append(l)
        j += 1
    return out


# ---------------------------------------------------------------------------
# Cleaning
# ---------------------------------------------------------------------------
LIST_RE = re.compile(r"^(?:[-*+]\s+|#\.\s+|\d+[.)]\s+|\(?[0-9a-zA-Z]{1,3}\)\s+|-?\d+\s+-\s+|-?\d+\s*:\s+|<\s*\d|>\s*\d)")


def join_lines(parts):
    """Join wrapped lines; a word broken after a hyphen ('file-' + 'handles')
    is joined without a space."""
    out = ""
    for p in parts:
        if not out:
            out = p
        elif re.search(r"[A-Za-z]-$", out):
            out += p
        else:
            out += " " + p
    return out


def inline(s):
    s = re.sub(r":(?:ref|doc|kbd|file|manpage|c:func|c:type|c:macro|envvar)?:`([^`<]*?)\s*<[^`>]*>`", r"\1", s)
    s = re.sub(r":[a-z:]+:`([^`]*)`", r"\1", s)
    s = re.sub(r"``([^`]*)``", r"\1", s)
    s = re.sub(r"\s*\[(?:\d+|#\w*)\]_", "", s)  # footnote references
    s = re.sub(r"`([^`<]+?)\s*<[^`>]*>`_+", r"\1", s)
    s = re.sub(r"`([^`]+)`_+", r"\1", s)
    s = re.sub(r"`([^`]+)`", r"\1", s)
    s = re.sub(r"\*\*([^*]+)\*\*", r"\1", s)
    s = re.sub(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])", r"\1", s)
    s = re.sub(r"\|([A-Za-z_-]+)\|", r"\1", s)
    s = s.replace("\t", " ")
    return s


def indent(l):
    return len(l) - len(l.lstrip(" "))


TABLE_BORDER_RE = re.compile(r"^\s*=+(?:\s+=+)+\s*$")


def blocks(body):
    """Split body lines into blocks separated by blank lines; drop directives,
    labels and underlines.  RST simple tables (between '===  ===' borders)
    become one 'table' block of rows, continuation lines (blank first
    column) joined to their row.  Returns [(lines, kind)], kind in
    text/table/literal ('::' marker)."""
    out, cur = [], []
    skip_directive_indent = None
    table = None  # (column-2 offset, rows) while inside a simple table
    n = len(body)
    for idx, l in enumerate(body):
        s = l.strip()
        if table is not None:
            col2, rows = table
            if TABLE_BORDER_RE.match(l):
                nxt = next((x for x in body[idx + 1:idx + 2]), "")
                if rows and not nxt.strip():
                    out.append((rows, "table"))
                    table = None
                continue
            if not s:
                continue
            if l[:col2].strip() == "" and rows:
                rows[-1] = join_lines([rows[-1], s])
            else:
                rows.append(re.sub(r"\s{2,}", "  ", s))
            continue
        if skip_directive_indent is not None:
            if not s or indent(l) > skip_directive_indent:
                continue
            skip_directive_indent = None
        if not s:
            if cur:
                out.append((cur, "text"))
                cur = []
            continue
        if TABLE_BORDER_RE.match(l):
            if cur:
                out.append((cur, "text"))
                cur = []
            m = re.match(r"^(\s*=+\s+)", l)
            table = (len(m.group(1)), [])
            continue
        if re.match(r"^\.\.\s+_[^:]*:\s*$", s) or re.match(r"^\.\.\s*$", s):
            continue  # label / comment
        m = re.match(r"^\.\.\s+([a-z-]+)::\s*(.*)$", s)
        if m:
            if m.group(1) in ("note", "warning", "attention", "caution", "important", "hint", "tip"):
                if m.group(2):
                    cur.append(" " * indent(l) + m.group(2))
                continue
            if m.group(1) in ("toctree", "only", "raw", "include", "kernel-doc", "contents"):
                skip_directive_indent = indent(l)
                continue
            continue  # code-block, table, ...: keep the content, drop the line
        if s.startswith(".. "):
            skip_directive_indent = indent(l)  # comment block
            continue
        if UNDERLINE_RE.match(s) or re.fullmatch(r"[=\-+|\s]+", s) and ("==" in s or "--" in s):
            continue  # underline / grid-table border
        if s == "::":
            if cur:
                out.append((cur, "text"))
                cur = []
            out.append((["::"], "literal"))
            continue
        cur.append(l)
    if table is not None and table[1]:
        out.append((table[1], "table"))
    if cur:
        out.append((cur, "text"))
    return out


PARA_START_RE = re.compile(r"^(?:Default|Defaults|Possible values|Possible Values|Valid values|Range|Min|Max)\b[^.]*:")


def render_block(block, literal, table=False):
    """A block of lines -> list of output lines."""
    if table:
        return [re.sub(r"\s+", " ", inline(s)) for s in block]
    base = min(indent(l) for l in block)
    lines = [(indent(l) - base, l.strip()) for l in block]
    first = lines[0][1]
    # old .txt docs: deeper-indented '0 text' lines under 'Possible values:'
    lines = [(ind, "- " + s if ind > lines[0][0] and re.match(r"^-?\d+\s+[A-Za-z(]", s) else s)
             for ind, s in lines]
    first = lines[0][1]
    is_list = any(LIST_RE.match(s) for _, s in lines)
    if table:
        return [re.sub(r"\s+", " ", inline(s)) for s in block]
    if literal:
        return [re.sub(r"\s+", " ", inline(s)) for _, s in lines]
    if is_list and (LIST_RE.match(first) or len(lines) > 1):
        items = []
        for ind, s in lines:
            if LIST_RE.match(s) or not items or PARA_START_RE.match(s):
                items.append([ind, s])
            elif ind > items[-1][0] or not LIST_RE.match(s):
                items[-1][1] = join_lines([items[-1][1], s])
        return [re.sub(r"\s+", " ", inline(s)) for _, s in items]
    paras = []
    for _, s in lines:
        if PARA_START_RE.match(s) or not paras:
            paras.append([s])
        else:
            paras[-1].append(s)
    return [re.sub(r"\s+", " ", inline(join_lines(p))) for p in paras]


def clean(body):
    """Body lines -> list of paragraphs/lines (plain text)."""
    out = []
    literal_next = False
    for b, kind in blocks(body):
        if kind == "literal":
            literal_next = True
            continue
        # the block after a line ending in '::' is a literal block
        lines = render_block(b, literal_next, kind == "table")
        last = b[-1].rstrip()
        literal_next = last.endswith("::")
        fixed = []
        for s in lines:
            s = re.sub(r"\s*::$", ":", s) if not s.endswith(" ::") else s[:-3].rstrip()
            s = re.sub(r"^[*+]\s+", "- ", s.strip())
            if s.endswith(":") and s[:-1].endswith(":"):
                s = s[:-1]
            if s:
                fixed.append(s)
        out.extend(fixed)
    return out


SENT_END = re.compile(r"[.!?](?:[\"')\]]*)(?=\s+[A-Z(\"'])")


def excerpt(paras, limit=MAX_LEN):
    paras = [p.replace("\\n", "\\ n").replace("\t", " ") for p in paras if p]
    full = "\\n".join(paras)
    if len(full) <= limit:
        return full
    out = []
    size = 0
    for p in paras:
        add = len(p) + (2 if out else 0)
        if size + add <= limit:
            out.append(p)
            size += add
            continue
        # try to keep whole sentences of this paragraph
        room = limit - size - (2 if out else 0)
        cut = None
        for m in SENT_END.finditer(p):
            if m.end() <= room:
                cut = m.end()
            else:
                break
        if cut and cut >= 40:
            out.append(p[:cut])
        break
    if not out:
        # first paragraph alone is too long and has no early sentence end
        p = paras[0]
        cut = None
        for m in SENT_END.finditer(p):
            if m.end() <= limit:
                cut = m.end()
        out = [p[:cut] if cut else p[:limit].rsplit(" ", 1)[0]]
    return "\\n".join(out) + " [...]"


# ---------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------
def source_name(path, ver):
    fname = os.path.basename(path)
    base = fname.rsplit(".", 1)[0]
    if base == "ip-sysctl":
        d = "Documentation/networking/"
    elif fname.endswith(".txt"):
        d = "Documentation/sysctl/"
    else:
        d = "Documentation/admin-guide/sysctl/"
    return "%s%s (Linux %s)" % (d, fname, ver)


def entry_ip(ver, names, key, line=None):
    p, lines = refdocs.doc_lines(ver, "ip-sysctl", expand_tabs=True)
    if not lines:
        return None
    i = None
    if line is not None and 0 <= line < len(lines) and HDR_RE.match(lines[line]):
        i = line
    if i is None:
        i = ip_type_line(lines, names, key)
    if i is None:
        return None
    typ, body = ip_body(lines, i)
    typ = re.sub(r"\s+", " ", inline(typ))
    paras = [typ] + clean(body)
    return source_name(p, ver), paras


def entry_core(ver, base, names):
    p, lines = refdocs.doc_lines(ver, base, expand_tabs=True)
    if not lines:
        return None
    for n in names:
        i = refdocs.find_heading(lines, n, paren_headings=True)
        if i is not None:
            break
    else:
        return None
    paras = clean(core_body(lines, i))
    if not paras:
        return None
    return source_name(p, ver), paras


# ---------------------------------------------------------------------------
# Mapping
# ---------------------------------------------------------------------------
DOCBASE = {"ip-sysctl.txt": "ip-sysctl", "ip-sysctl.rst": "ip-sysctl", "kernel.txt": "kernel",
           "kernel.rst": "kernel", "vm.txt": "vm", "vm.rst": "vm", "fs.txt": "fs", "fs.rst": "fs",
           "net.txt": "net", "net.rst": "net"}
NS_BASE = [("net.core.", ["net", "ip-sysctl"]), ("net.unix.", ["net"]), ("net.", ["ip-sysctl"]),
           ("kernel.", ["kernel"]), ("vm.", ["vm"]), ("fs.", ["fs"])]


# Keys that ip-sysctl.rst documents under another prefix (the catalogue drops
# the documentation's key as an artifact: tools/catalogue/overrides.tsv).
DOCUMENTED_AS = {"net.ipv4.nexthop_compat_mode": "net.ipv6.nexthop_compat_mode"}


def base_order(key, bases):
    """ip-sysctl first for net.ipv4/ipv6 keys, net.rst first for net.core."""
    pref = next((b for p, b in NS_BASE if key.startswith(p)), [])
    return sorted(bases, key=lambda b: (pref.index(b) if b in pref else len(pref), b))


def main():
    with open(KEYS, encoding="utf-8") as f:
        keys = [l.split("\t")[0] for l in f.read().splitlines()[1:] if l.strip()]
    keyset = set(keys)

    # 7.3 ip-sysctl lines (exact key rows beat normalised all/default rows)
    ips = {}
    for row in read_tsv(os.path.join(KREF, "ip-sysctl-keys.tsv")):
        k = norm_key(row["key"])
        exact = k == row["key"]
        if not row["rst_line"].isdigit():
            continue
        cand = (0 if exact else 1, int(row["rst_line"]) - 1, row["rst_name"])
        if k not in ips or cand < ips[k]:
            ips[k] = cand

    hist = {}
    for row in read_tsv(os.path.join(HIST, "key-history.tsv")):
        k = norm_key(row["key"])
        exact = k == row["key"]
        if k in hist and hist[k][0] == 0 and not exact:
            continue
        vers = [v for v in row["versions_present"].split(",") if v]
        bases = sorted({DOCBASE.get(d, "") for d in row["doc_file"].split(",")} - {""})
        names = [n for n in row["doc_heading_name"].split(",") if n]
        hist[k] = (0 if exact else 1, vers, bases, names)

    rows = {}
    how = {}
    for k in keys:
        name = k.rsplit(".", 1)[-1]
        res = None
        if k not in ips and DOCUMENTED_AS.get(k) in ips:
            ips[k] = ips[DOCUMENTED_AS[k]]
        if k in ips:
            _, line, rname = ips[k]
            res = entry_ip("7.3", [rname, name], k, line)
            how[k] = "ip-sysctl-keys"
        if res is None and k in hist:
            _, vers, bases, names = hist[k]
            names = list(reversed(names)) + ([name] if name not in names else [])
            for v in [x for x in VERSIONS if x in vers]:
                for b in base_order(k, bases):
                    res = entry_ip(v, names, k) if b == "ip-sysctl" else entry_core(v, b, names)
                    if res:
                        break
                if res:
                    break
            how[k] = "key-history"
        if res is None:
            res = fallback(k)
            how[k] = "fallback"
        if res:
            rows[k] = res
    return keys, rows, how


# Keys absent from ip-sysctl-keys.tsv and key-history.tsv: look the last
# component up as a heading, newest release first, only in the doc of the
# key's own namespace and only for flat keys (kernel.X, vm.X, fs.X,
# net.core.X, net.ipv4.X, net.ipv6.X, net.ipv4.route.X), so that generic
# names such as `max` (kernel.pty.max) are not matched to a wrong section.
FALLBACK_RE = re.compile(r"^(?:kernel|vm|fs|net\.core|net\.unix|net\.ipv4|net\.ipv6)\.[^.]+$"
                         r"|^net\.ipv4\.route\.[^.]+$")


def fallback(k):
    if not FALLBACK_RE.match(k):
        return None
    parts = k.split(".")
    name = parts[-1]
    names = [name]
    if k.startswith("net.ipv4.route."):
        names = ["route/" + name]
    bases = next((b for p, b in NS_BASE if k.startswith(p)), [])
    for v in VERSIONS:
        for b in bases:
            res = entry_ip(v, names, k) if b == "ip-sysctl" else entry_core(v, b, names)
            if res:
                return res
    return None


if __name__ == "__main__":
    keys, rows, how = main()
    n_fb = 0
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("key\tsource\texcerpt\n")
        for k in sorted(rows):
            src, paras = rows[k]
            ex = excerpt(paras)
            assert "\t" not in ex and "\n" not in ex
            f.write("%s\t%s\t%s\n" % (k, src, ex))
            if how[k] == "fallback":
                n_fb += 1
                if "-v" in sys.argv:
                    print("FALLBACK %s <- %s" % (k, src))
    print("gen_key_docs: %d of %d keys documented (%d by heading fallback)" % (len(rows), len(keys), n_fb))
