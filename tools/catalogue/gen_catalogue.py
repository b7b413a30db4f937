#!/usr/bin/env python3
"""Generate rules/keys.tsv and rules/namespaces.tsv for sysctl-lint.

Run from the repository root:

    python3 tools/catalogue/gen_catalogue.py

Inputs (read-only):
  ../shared/reference/kernel/ip-sysctl-keys.tsv      7.3 ip-sysctl per-key facts (heuristic)
  ../shared/reference/kernel/*.rst, v6.12/, v6.1/    kernel docs (section text, line numbers)
  ../shared/reference/kernel/history/key-history.tsv first/last documented release per key
  ../shared/reference/kernel/history/<ver>/*         older docs (type line of removed keys)
  ../shared/reference/kernel/sysctl-a.this-machine.txt   live 6.18 key list and values
  ../shared/reference/kernel/man-pages-6.20/*        per-key since/until notes
  tools/catalogue/kernel-src.tsv   OPTIONAL: kernel handler facts (type, enforced bounds)
  tools/catalogue/overrides.tsv    hand-reviewed facts; non-empty cells win

Standard library only; output is deterministic (sorted, no timestamps).
"""
import csv
import os
import re
import sys

from refdocs import doc_lines, doc_path, find_heading, norm_key, read_lines, read_tsv, vkey

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
REF = os.path.abspath(os.path.join(ROOT, "..", "shared", "reference"))
KREF = os.path.join(REF, "kernel")
HIST = os.path.join(KREF, "history")
MAN = os.path.join(KREF, "man-pages-6.20")
KSRC = os.environ.get("GEN_CATALOGUE_KERNEL_SRC", os.path.join(HERE, "kernel-src.tsv"))
OVERRIDES = os.path.join(HERE, "overrides.tsv")
# GEN_CATALOGUE_OUT=DIR writes every output into DIR instead (the test suite
# compares such a run with the checked-in files) and leaves README.md alone.
OUT_DIR = os.environ.get("GEN_CATALOGUE_OUT", "")
OUT_KEYS = os.path.join(OUT_DIR or os.path.join(ROOT, "rules"), "keys.tsv")
OUT_NS = os.path.join(OUT_DIR or os.path.join(ROOT, "rules"), "namespaces.tsv")
OUT_RANGES = os.path.join(OUT_DIR or os.path.join(ROOT, "rules"), "key-ranges.tsv")
OUT_TABLES = os.path.join(OUT_DIR or HERE, "kernel-tables.tsv")
OUT_DISAGREE = os.path.join(OUT_DIR or HERE, "table-disagreements.tsv")

COLS = ["key", "type", "access", "unit", "default", "min", "max", "enforced",
        "values", "since", "removed", "status", "scope", "module", "sources", "note"]

TYPES = {"int", "uint", "bool", "enum", "bitmask", "port_range", "port_list",
         "string", "unknown"}
UNITS = {"", "bytes", "kbytes", "pages", "seconds", "ms", "us", "jiffies",
         "packets", "percent", "count"}
STATUSES = {"active", "removed", "noop", "vendor", "moved"}
SCOPES = {"", "global", "netns", "per-dev"}

# Doc versions in order (history labels, then the three full copies).
VERSIONS = ["2.6.32", "3.2", "3.10", "3.16", "3.18", "4.1", "4.4", "4.9", "4.12",
            "4.14", "4.19", "5.4", "5.8", "5.10", "5.15", "6.1", "6.6", "6.12", "7.3"]
OLDEST = "2.6.32"

# Module that provides a key, by longest prefix.
MODULE_PREFIXES = [
    ("net.netfilter.nf_conntrack_", "nf_conntrack"),
    ("net.netfilter.nf_flowtable_", "nf_flow_table"),
    ("net.netfilter.nf_log", "nf_log_syslog"),  # nf_log.<n> table lives in netfilter core
    ("net.nf_conntrack_max", "nf_conntrack"),
    ("net.bridge.bridge-nf-", "br_netfilter"),
    ("net.ipv4.vs.", "ip_vs"),
    ("net.sctp.", "sctp"),
    ("net.mptcp.", ""),
    ("net.tipc.", "tipc"),
    ("net.appletalk.", "appletalk"),
    ("net.vsock.", "vsock"),
    ("net.mpls.", "mpls_router"),
    ("kernel.yama.", "yama"),
    ("sunrpc.", "sunrpc"),
    ("fs.nfs.nlm_", "lockd"),
    ("fs.nfs.nsm_", "lockd"),
    ("fs.nfs.", "nfs"),
    ("fs.xfs.", "xfs"),
    ("fs.fuse.", "fuse"),
    ("dev.raid.", "md_mod"),
    ("dev.cdrom.", "cdrom"),
]
MODULE_EXCEPTIONS = {"net.netfilter.nf_log_all_netns": "",
                     "net.netfilter.nf_log": ""}


def die(msg):
    sys.stderr.write("gen_catalogue: %s\n" % msg)
    sys.exit(1)


def next_version(v):
    """Release after v: 2.6.13->2.6.14, 3.8->3.9, 3.19->4.0, 4.20->5.0, 5.19->6.0."""
    parts = [int(x) for x in v.split(".")]
    if parts[0] == 2 and len(parts) >= 3:
        if parts[2] == 39:
            return "3.0"
        return "2.6.%d" % (parts[2] + 1)
    last = {3: 19, 4: 20, 5: 19, 6: 19}.get(parts[0], 99)
    if parts[1] >= last:
        return "%d.0" % (parts[0] + 1)
    return "%d.%d" % (parts[0], parts[1] + 1)


def doc_next(v):
    i = VERSIONS.index(v)
    return VERSIONS[i + 1] if i + 1 < len(VERSIONS) else None


def norm_since(v, explicit=False):
    """major.minor (2.6.N kept whole).  For doc first-seen (explicit=False),
    2.6.32 and older mean 'old' and give ''.  An explicit man-page or
    override version is kept even when older."""
    if not v:
        return ""
    if not explicit and vkey(v) <= vkey("2.6.32"):
        return ""
    m = re.match(r"^(\d+)\.(\d+)(?:\.(\d+))?", v)
    if not m:
        return ""
    if m.group(1) == "2":
        if m.group(3):
            return "2.%s.%s" % (m.group(2), m.group(3))
        return "2.%s" % m.group(2) if explicit else ""
    return "%s.%s" % (m.group(1), m.group(2))


class Catalogue:
    def __init__(self):
        self.rows = {}

    def get(self, key):
        r = self.rows.get(key)
        if r is None:
            r = {c: "" for c in COLS}
            r["key"] = key
            r["_src"] = []
            r["_notes"] = []
            r["_live"] = None
            r["_doctype"] = ""
            r["_text"] = ""
            r["_mandefault"] = ""
            self.rows[key] = r
        return r

    def src(self, key, s):
        r = self.get(key)
        if s and s not in r["_src"]:
            r["_src"].append(s)

    def note(self, key, s):
        r = self.get(key)
        if s and s not in r["_notes"]:
            r["_notes"].append(s)

    def setif(self, key, col, val):
        """Set col only if it is still empty."""
        r = self.get(key)
        if val != "" and r[col] == "":
            r[col] = val


cat = Catalogue()



# ---------------------------------------------------------------------------
# 1. live sysctl -a (6.18)
# ---------------------------------------------------------------------------
LIVE = os.path.join(KREF, "sysctl-a.this-machine.txt")
DEV_RE = re.compile(r"^(net\.(?:ipv4|ipv6|mpls)\.(?:conf|neigh))\.([^.]+)\.(.+)$")
live_raw = {}
for line in read_lines(LIVE):
    if " = " not in line:
        if line.endswith(" ="):
            live_raw[line[:-2]] = ""
        continue
    k, v = line.split(" = ", 1)
    live_raw[k] = v

per_dev = {}  # (prefix, suffix) -> {dev: value}
live = {}
for k, v in live_raw.items():
    m = DEV_RE.match(k)
    if m:
        per_dev.setdefault((m.group(1), m.group(3)), {})[m.group(2)] = v
        continue
    m = re.match(r"^(net\.netfilter\.nf_log)\.\d+$", k)
    if m:
        live.setdefault(m.group(1) + ".<n>", v)
        continue
    live[k] = v
for (pre, suf), devs in per_dev.items():
    if set(devs) == {"default"}:
        key = "%s.default.%s" % (pre, suf)
    else:
        key = "%s.<dev>.%s" % (pre, suf)
    val = devs.get("default", devs.get("all", sorted(devs.items())[0][1]))
    live[key] = val
for k, v in live.items():
    r = cat.get(k)
    r["_live"] = v
    cat.src(k, "sysctl-a")


def live_kind(v):
    """Classify a live value: ('int', n) / ('str', 0)."""
    if v is None:
        return None
    fields = v.split("\t")
    if all(re.fullmatch(r"-?\d+", f.strip()) for f in fields) and v.strip():
        return ("int", len(fields))
    return ("str", len(fields))


# ---------------------------------------------------------------------------
# 2. ip-sysctl-keys.tsv (7.3) and section text of ip-sysctl.rst
# ---------------------------------------------------------------------------
IPS_TSV = os.path.join(KREF, "ip-sysctl-keys.tsv")
ips_rows = read_tsv(IPS_TSV)
ip73 = read_lines(os.path.join(KREF, "ip-sysctl.rst"))
HDR_RE = re.compile(r"^([A-Za-z0-9_./*<>-]+)\s+-\s+(.+?)\s*$")


def section_text(lines, idx):
    """Text from header line idx (0-based) to the next 'name - TYPE' header."""
    out = [lines[idx]]
    for l in lines[idx + 1:idx + 200]:
        if HDR_RE.match(l) and not l.startswith((" ", "\t")):
            break
        if re.match(r"^[=~^-]{4,}$", l.strip()) and out and not out[-1].startswith((" ", "\t")):
            out.pop()
            break
        out.append(l)
    return "\n".join(out)


for row in ips_rows:
    k = norm_key(row["key"])
    r = cat.get(k)
    line = int(row["rst_line"]) if row["rst_line"].isdigit() else 0
    cat.src(k, "ip-sysctl.rst:%d" % line if line else "ip-sysctl.rst")
    if k != row["key"] and r["_doctype"]:
        continue  # e.g. conf/all/forwarding: extra section for an existing <dev> key
    r["_doctype"] = row["type_documented"]
    r["_docdefault"] = row["default_documented"]
    r["_docrange"] = row["min_max_documented"]
    r["_docenum"] = row["enumerated_values_documented"]
    r["_docobs"] = row["obsolete_or_noop_note"]
    if line:
        r["_text"] = section_text(ip73, line - 1)

# ---------------------------------------------------------------------------
# 3. key-history.tsv: documented range per key
# ---------------------------------------------------------------------------
hist_rows = read_tsv(os.path.join(HIST, "key-history.tsv"))
CORE_FILES = {"kernel": "kernel", "vm": "vm", "fs": "fs"}




def core_section(lines, i):
    out = []
    for l in lines[i + 2:i + 150]:
        if re.fullmatch(r"[=\-~^]{3,}", l.strip()) and out:
            out.pop()
            break
        if re.match(r"^[a-z0-9_-]+:\s*$", l):
            break
        out.append(l)
    return "\n".join(out)


def ip_type_line(lines, name):
    for i, l in enumerate(lines):
        m = HDR_RE.match(l)
        if m and m.group(1) == name:
            return i, m.group(2)
    return None, None


DOCBASE = {"ip-sysctl.txt": "ip-sysctl", "ip-sysctl.rst": "ip-sysctl", "kernel.txt": "kernel",
           "kernel.rst": "kernel", "vm.txt": "vm", "vm.rst": "vm", "fs.txt": "fs", "fs.rst": "fs",
           "net.txt": "net", "net.rst": "net"}

for row in hist_rows:
    k = norm_key(row["key"])
    if k != row["key"] and k in cat.rows and cat.rows[k].get("_first"):
        continue
    r = cat.get(k)
    first, last = row["first_seen_doc_version"], row["last_seen_doc_version"]
    r["_first"], r["_last"] = first, last
    r["_gaps"] = row["gaps"]
    cat.src(k, "history:%s-%s" % (first, last))
    if first != OLDEST and first in VERSIONS:
        r["_hist_since"] = first
    bases = sorted({DOCBASE.get(d, "") for d in row["doc_file"].split(",")} - {""})
    r["_hist_bases"] = bases
    heading = row["doc_heading_name"].split(",")[-1]
    # latest doc text for this key
    for base in bases:
        p, lines = doc_lines(last, base)
        if not lines:
            continue
        if base == "ip-sysctl":
            if last == "7.3" and r["_text"]:
                break
            i, typ = ip_type_line(lines, heading)
            if i is not None:
                if not r["_doctype"]:
                    r["_doctype"] = typ
                    r["_text"] = section_text(lines, i)
                if last != "7.3":
                    cat.src(k, "%s:%d" % (os.path.relpath(p, KREF).replace("history/", "history/"), i + 1))
        else:
            i = find_heading(lines, heading)
            if i is not None:
                fname = os.path.basename(p)
                if last == "7.3":
                    cat.src(k, "%s:%d" % (fname, i + 1))
                else:
                    cat.src(k, "history/%s/%s:%d" % (last, fname, i + 1))
                r["_text"] = core_section(lines, i)
                r["_heading"] = lines[i]
        break
    if last != "7.3":
        nxt = doc_next(last)
        cat.note(k, "last documented in %s (undocumented since %s)" % (last, nxt))
    if row["gaps"]:
        cat.note(k, "doc gaps: %s" % row["gaps"].replace(",", " "))

# ---------------------------------------------------------------------------
# 4. man pages
# ---------------------------------------------------------------------------
MAN_PREFIX = {"tcp.7": "net.ipv4.", "ip.7": "net.ipv4.", "socket.7": "net.core.",
              "udp.7": "net.ipv4."}
man_facts = {}


def parse_paren(text):
    d = {}
    m = re.search(r"Linux (\d+(?:\.\d+)+)(?:/[\d.]+)? to Linux (\d+(?:\.\d+)+)", text)
    if m:
        d["since"] = m.group(1)
        d["until"] = m.group(2)
    else:
        m = re.search(r"since Linux (\d+(?:\.\d+)+)", text)
        if m:
            d["since"] = m.group(1)
        m = re.search(r"only present until Linux (\d+(?:\.\d+)+)", text)
        if m:
            d["until"] = m.group(1)
    m = re.match(r"\s*\(?\s*(Integer|integer|Boolean|boolean|String|string|Bitmask|bitmask)", text)
    if m:
        d["type"] = m.group(1).lower()
    m = re.search(r"default:\s*([^;)]+)", text)
    if m:
        d["default"] = m.group(1).strip()
    if "read-only" in text or "read only" in text:
        d["ro"] = True
    return d


for fname in sorted(os.listdir(MAN)):
    lines = read_lines(os.path.join(MAN, fname))
    for i, l in enumerate(lines):
        if not re.match(r"^\.I[RB]?\s", l):
            continue
        if i == 0 or lines[i - 1].strip() not in (".TP", ".PP", ".IP"):
            continue
        m = re.match(r'^\.I[RB]?\s+(\S+)\s*(?:"(.*)")?\s*$', l)
        if not m:
            continue
        name = m.group(1).replace("\\-", "-").strip('"')
        paren = m.group(2) or ""
        if name.startswith("/proc/sys/"):
            if name.endswith("/"):
                continue
            key = norm_key(name[len("/proc/sys/"):].replace("/", "."))
            if "*" in key or "<" in key:
                continue
        elif fname in MAN_PREFIX and re.fullmatch(r"[a-z0-9_]+", name) and \
                (fname != "tcp.7" or name.startswith("tcp_")):
            key = MAN_PREFIX[fname] + name
        else:
            continue
        d = parse_paren(paren)
        for l2 in lines[i + 1:i + 4]:
            mm = re.search(r"removed in Linux (\d+(?:\.\d+)+)", l2)
            if l2.startswith('.\\"') and mm:
                d["removed"] = mm.group(1)
        d["file"] = "%s:%d" % (fname, i + 1)
        man_facts.setdefault(key, d)

MAN_DIRS = {"fs.binfmt_misc", "kernel.pty", "kernel.random", "fs.quota", "kernel.keys"}
for key, d in sorted(man_facts.items()):
    if key in MAN_DIRS or any(k.startswith(key + ".") for k in live):
        continue
    if key not in cat.rows:
        # Only tcp.7 and the proc_sys pages name keys unambiguously; ip.7 and
        # socket.7 names are attached only to keys already known.
        if not (d["file"].startswith("tcp.7") or d["file"].startswith("proc_sys")):
            continue
        if not d.get("until") and not d.get("removed"):
            # a man-page key that no doc nor the live machine has: keep, but mark
            r0 = cat.get(key)
            r0["_man_only"] = True
    r = cat.get(key)
    r["_man"] = d
    cat.src(key, d["file"])

# ---------------------------------------------------------------------------
# 5. derive columns from the doc facts
# ---------------------------------------------------------------------------
# Thousands separators ("120,000") are accepted: to_int() strips the commas.
# A bare "0,100" is not one number: the group needs exactly three digits and
# no digit may follow it.
NUM = r"-?(?:0x[0-9a-fA-F]+|\d{1,3}(?:,\d{3})+(?!\d)|\d+)"
LIMITS = {"INT_MAX": 2147483647, "UINT_MAX": 4294967295, "INT_MIN": -2147483648}


def to_int(s):
    s = s.strip().replace(",", "")
    if s in LIMITS:
        return LIMITS[s]
    try:
        return int(s, 0) if s.lower().startswith(("0x", "-0x")) else int(s)
    except ValueError:
        return None


SIZE_MULT = {"": 1, "b": 1, "kb": 1024, "k": 1024, "mb": 1 << 20, "m": 1 << 20,
             "gb": 1 << 30, "g": 1 << 30}


def size_val(s):
    m = re.fullmatch(r"\s*(\d+)\s*([kmg]?b?)\s*", s, re.I)
    if not m:
        return None
    return int(m.group(1)) * SIZE_MULT[m.group(2).lower()]


def doc_type(r):
    t = r["_doctype"].strip()
    tl = t.lower()
    text = r["_text"].lower()
    if not t:
        return ""
    m = re.match(r"(?:vector of )?(\d+) integers", tl)
    if m:
        return "ints:%s" % m.group(1)
    if tl.startswith("boolean"):
        return "bool"
    if "unsigned" in tl:
        base = "uint"
    elif "integer" in tl or tl.startswith("int"):
        base = "int"
    elif "string" in tl or "ipv6 address" in tl or "list" in tl:
        return "string"
    else:
        return ""
    if "bitmask" in text or "bitmap" in text or "bit mask" in text or re.search(r"\bbit \d\b", text):
        return "bitmask"
    if r.get("_docenum"):
        return "enum"
    return base


def parse_enum(s):
    vals = []
    for v in s.split(","):
        m = re.fullmatch(r"\s*(\d+)\s*-\s*(\d+)\s*", v)
        if m and int(m.group(2)) - int(m.group(1)) < 64:
            vals.extend(range(int(m.group(1)), int(m.group(2)) + 1))
            continue
        n = to_int(v)
        if n is None:
            return ""
        vals.append(n)
    vals = sorted(set(vals))
    return ",".join(str(v) for v in vals)


def parse_range(s):
    """(min, max) from a documented range phrase."""
    lo = hi = ""
    if not s:
        return lo, hi
    m = re.search(r"\[\s*(%s)\s*,\s*(%s)\s*\]" % (NUM, NUM), s)
    if not m:
        m = re.search(r"(?:between|values?\s*:?|range\s*:?|from)\s*(%s)\s*(?:-|to|and|\.\.)\s*(%s|INT_MAX|UINT_MAX)\b"
                      % (NUM, NUM), s, re.I)
    if m:
        return str(to_int(m.group(1))), str(to_int(m.group(2)))
    m = re.search(r"not be (?:higher|greater|more) than (%s)" % NUM, s)
    if m:
        hi = str(to_int(m.group(1)))
    mn = re.search(r"Min(?:imum)?:\s*(0x[0-9a-fA-F]+|\d[\d,]*\s*[kKmMgG]?[bB]?)", s)
    mx = re.search(r"Max(?:imum)?:\s*(0x[0-9a-fA-F]+|\d[\d,]*\s*[kKmMgG]?[bB]?)", s)
    for mm, which in ((mn, "lo"), (mx, "hi")):
        if not mm:
            continue
        t = mm.group(1).replace(",", "")
        v = to_int(t) if t.lower().startswith("0x") else size_val(t)
        if v is not None:
            if which == "lo":
                lo = str(v)
            else:
                hi = str(v)
    return lo, hi


def parse_default(s):
    """A clean scalar default from the doc's own words, else ''."""
    if not s:
        return ""
    s = s.strip().rstrip(".")
    if re.fullmatch(r"(?i)false", s) or re.match(r"(?i)false\b", s):
        return "0"
    if re.fullmatch(r"(?i)true", s):
        return "1"
    m = re.match(r"^(%s)(?:\s*(?:\(.*\)|seconds?|secs?|sec|ms|milliseconds|bytes|jiffies|%%|packets|"
                 r"us|usecs?|ns|pages)?)?\s*\.?$" % NUM, s)
    if m:
        n = to_int(m.group(1))
        return str(n) if n is not None else ""
    return ""


UNIT_WORDS = [
    (r"\bmilliseconds?\b|\bmsecs?\b|\(ms\)|\bin ms\b", "ms"),
    (r"\bmicroseconds?\b|\busecs?\b|\bin us\b", "us"),
    (r"\bjiffies\b", "jiffies"),
    (r"\bseconds?\b|\bsecs?\b", "seconds"),
    (r"\bkbytes\b|\bkilobytes\b|\bin kb\b", "kbytes"),
    (r"\bin pages\b|\bnumber of pages\b|\bpages\b", "pages"),
    (r"\bin bytes\b|\bbytes\b", "bytes"),
    (r"\bpercentage\b|\bpercent\b", "percent"),
    (r"\bpackets\b", "packets"),
]


def guess_unit(k, r):
    name = k.rsplit(".", 1)[-1]
    if re.search(r"_ms$|_msecs$", name):
        return "ms"
    if re.search(r"_us$|_usecs$", name):
        return "us"
    if re.search(r"_secs?$|_seconds$|_timeout_sec$", name):
        return "seconds"
    if re.search(r"_kbytes$|_kb$", name):
        return "kbytes"
    if re.search(r"_bytes$", name):
        return "bytes"
    if re.search(r"_ns$|_centisecs$|_mbps$|_MBps$", name):
        return ""  # ns / centiseconds / MB/s are not in the unit set: see note
    t = r["_doctype"].lower()
    d = (r.get("_docdefault") or "").lower()
    # Header or default phrase first (most specific), then "unit is"/"in X" phrases.
    if re.match(r"^\d+\s*%", d):
        return "percent"
    for src in (t, d):
        for rx, u in UNIT_WORDS:
            if re.search(rx, src):
                return u
    text = r["_text"]
    m = re.search(r"(?:unit is|in units of|expressed in|measured in|value is in|specified in|time in|"
                  r"\bin)\s+(milliseconds|microseconds|seconds|jiffies|bytes|pages|packets|kilobytes)\b",
                  text, re.I)
    if m:
        w = m.group(1).lower()
        return {"milliseconds": "ms", "microseconds": "us", "kilobytes": "kbytes"}.get(w, w)
    return ""


# Doc sections whose keys were documented together with the code in the
# sampled releases (policy 2c): the flat net.ipv4.* keys and conf/<dev> keys of
# ip-sysctl.  neigh.* and route.* keys (documented years late), and the core
# kernel/vm/fs/net docs (which lag: timer_migration, unprivileged_bpf_disabled)
# are not trusted for `since`.
MAINTAINED_RE = re.compile(r"^net\.ipv4\.(?:conf\.<dev>\.)?[a-z0-9_]+$")


def doc_since_ok(k, r, first):
    """Policy for a `since` that comes only from the first documented release."""
    if first == "7.3":
        return False, "not confirmed new after 6.18"
    if r.get("_gaps"):
        return False, "doc gaps: late LTS copies carry backports"
    if r.get("_hist_bases") != ["ip-sysctl"] or not MAINTAINED_RE.match(k):
        return False, "doc section not reliably maintained then; docs lag"
    i = VERSIONS.index(first)
    prev = VERSIONS[i - 1] if i > 0 else None
    if not prev or not doc_path(prev, "ip-sysctl"):
        return False, "no earlier sampled doc"
    _, lines = doc_lines(prev, "ip-sysctl")
    name = k.rsplit(".", 1)[-1]
    if any(re.match(r"^%s\b" % re.escape(name), l) for l in lines):
        return False, "name already present in %s doc" % prev
    return True, prev


MEMORY_DEFAULT_RE = re.compile(r"(?i)(depend\w* on (?:the )?(?:amount of )?(?:available )?(?:memory|ram)|"
                               r"calculated at boot|scales? with|amount of (?:available )?memory|"
                               r"based on (?:the )?(?:available |system )?memory|ram size)")

for k, r in cat.rows.items():
    # type
    t = doc_type(r)
    if t:
        r["type"] = t
        if t == "bool":
            r["values"] = "0,1"
        if t == "enum":
            r["values"] = parse_enum(r.get("_docenum", ""))
            if len(r["values"].split(",")) < 2 or \
                    re.search(r"^\s*[*-]\s*(?:[<>]=?|==)", r["_text"], re.M):
                r["type"] = "uint" if "unsigned" in r["_doctype"].lower() else "int"
                r["values"] = ""
    # range
    lo, hi = parse_range(r.get("_docrange", ""))
    if lo or hi:
        r["min"], r["max"] = lo, hi
        r["enforced"] = "no"
    # default
    dd = r.get("_docdefault", "")
    if dd and not r["type"].startswith("ints:"):
        r["default"] = parse_default(dd)
    if not r["_text"] and dd:
        r["_text"] = dd
    if MEMORY_DEFAULT_RE.search(r["_text"]) and not r["default"]:
        cat.note(k, "default scales with RAM")
    # unit
    r["unit"] = guess_unit(k, r)
    # obsolete
    obs = r.get("_docobs", "")
    if obs:
        cat.note(k, ("" if re.search(r"(?i)^obsolete|no effect anymore|tunable has no effect|legacy option|deprecated for ipv4", obs) else "doc: ") + obs.rstrip("."))
        if re.search(r"(?i)^obsolete|no effect anymore|tunable has no effect|legacy option|"
                     r"deprecated for ipv4", obs):
            r["status"] = "noop"
    # core-doc section text: read-only, default
    text = r["_text"]
    if re.search(r"(?i)\bread[- ]only\b", text) and not re.search(r"(?i)(when|if|can be made|becomes?) read[- ]only", text):
        r["access"] = "ro"
    if not r["default"] and not r.get("_docdefault"):
        m = re.search(r"(?i)(?:the )?default(?: value)?(?: is| of| =|:| to| is set to|s to)\s+(%s)\b(?!\s*[.,]?\d)" % NUM, text)
        if m and not re.search(r"(?i)default(?: value)? (?:is|of) %s\s*(?:kb|mb|%%)" % re.escape(m.group(1)), text):
            n = to_int(m.group(1))
            if n is not None:
                r["default"] = str(n)
    # man page facts
    d = r.get("_man")
    if d:
        if d.get("since"):
            r["_man_since"] = d["since"]
        if d.get("removed"):
            r["removed"] = norm_removed = d["removed"]
        elif d.get("until"):
            r["removed"] = next_version(d["until"])
        if d.get("ro"):
            r["access"] = "ro"
        if not r["type"] and d.get("type"):
            r["type"] = {"integer": "int", "boolean": "bool", "string": "string",
                         "bitmask": "bitmask"}[d["type"]]
            if r["type"] == "bool":
                r["values"] = "0,1"
        if d.get("default") and not r["default"]:
            dv = d["default"].strip()
            if re.fullmatch(NUM, dv):
                r["default"] = str(to_int(dv))
            elif dv in ("enabled", "disabled") and r["type"] == "bool":
                r["default"] = "1" if dv == "enabled" else "0"
    # since: man page (more exact) over key-history, else key-history.
    # A man-page "since Linux X" is an explicit statement and is kept.  A doc
    # first-seen release is kept only when doc_since_ok() accepts it.
    ms = r.get("_man_since", "")
    hs = r.get("_hist_since", "")
    since = ""
    if ms:
        since = norm_since(ms, explicit=True)
        r["_since_kind"] = "man page " + r["_man"]["file"].split(":")[0]
    elif hs:
        ok, why = doc_since_ok(k, r, hs)
        if ok:
            # Lower bound: the release after the previous sampled doc that lacks
            # the key (sampling is sparse: "first documented in 3.16" only says
            # it appeared somewhere in 3.11..3.16).
            since = norm_since(next_version(why), explicit=True)
            r["_since_from_doc"] = since
            r["_since_prev"] = why
        else:
            r["_since_dropped"] = "first documented in %s; since left empty (%s)" % (hs, why)
    r["since"] = since

# ---------------------------------------------------------------------------
# 6. kernel-src.tsv (optional): handler facts override doc type guesses
# ---------------------------------------------------------------------------
CTYPE = {"int": "int", "uint": "uint", "long": "int", "ulong": "uint", "string": "string",
         "bitmap": "port_list", "u8": "uint"}
ksrc_count = 0
if os.path.exists(KSRC):
    for row in read_tsv(KSRC):
        k = norm_key(row.get("key", ""))
        if not k or " " in k:
            continue
        r = cat.get(k)
        ksrc_count += 1
        cat.src(k, "kernel-src")
        ctype = row.get("ctype", "")
        try:
            nvals = int(row.get("nvals") or "1")
        except ValueError:
            nvals = 1
        cur = r["type"]
        if ctype == "string":
            r["type"] = "string"
        elif ctype == "bitmap":
            r["type"] = "port_list" if "port" in k else (cur if cur in ("string",) else "string")
        elif ctype in CTYPE and ctype != "other":
            if nvals > 1:
                r["type"] = "ints:%d" % nvals
            elif cur in ("bool", "enum", "bitmask"):
                pass  # documented semantics beat the C storage type
            else:
                r["type"] = CTYPE[ctype]
        lo, hi = row.get("min", ""), row.get("max", "")
        handler = row.get("handler", "")
        # A bound computed from a build setting (HZ, the architecture, a Kconfig
        # value) or read from the 6.1 source but changed since is not a fact about
        # every kernel: do not enforce it.
        if re.search(r"\bHZ\b|x86_64|depends on CONFIG|Kconfig", row.get("note", "")) \
                or k == "net.core.max_skb_frags":  # CONFIG_MAX_SKB_FRAGS since 6.2
            lo, hi = "", ""
        if ctype in ("ulong", "uint") and hi.startswith("-"):
            hi = ""  # ULONG_MAX/UINT_MAX read as -1
        if lo or hi:
            r["min"], r["max"], r["enforced"] = lo, hi, "yes"
            r["_ksrc_bounds"] = True
        elif nvals <= 1 and "jiffies" not in handler and \
                re.fullmatch(r"proc_do(?:u?intvec|u?intvec_minmax)", handler or ""):
            # Plain handler, no extra1/extra2: only the C type bounds the value.
            # Applied in finalise if no tighter doc/override bound exists.
            if ctype == "int":
                r["_ctype_bounds"] = ("-2147483648", "2147483647")
            elif ctype == "uint":
                r["_ctype_bounds"] = ("0", "4294967295")
        if row.get("note"):
            r["_ksrc_note"] = row["note"]
            if "read-only (mode 0444)" in row["note"]:
                r["access"] = "ro"
        if handler:
            r["_handler"] = handler
        if "jiffies" in handler and not r["unit"]:
            r["unit"] = "ms" if "ms_jiffies" in handler else "seconds"

KNOWN_RO = {"fs.file-nr", "fs.inode-nr", "fs.inode-state", "fs.dentry-state", "fs.aio-nr",
            "kernel.version", "kernel.osrelease", "kernel.ostype", "kernel.arch",
            "kernel.random.boot_id", "kernel.random.uuid", "kernel.random.entropy_avail",
            "kernel.random.poolsize", "net.netfilter.nf_conntrack_count",
            "kernel.cap_last_cap", "kernel.bootloader_type", "kernel.bootloader_version",
            "kernel.pty.nr", "kernel.seccomp.actions_avail",
            "kernel.hung_task_detect_count", "net.ipv4.tcp_available_congestion_control",
            "net.ipv4.tcp_available_ulp", "net.mptcp.available_path_managers",
            "net.mptcp.available_schedulers", "fs.dentry-negative"}
KNOWN_RO |= {k for k in live if k.startswith("fs.quota.")}
for k in KNOWN_RO:
    if k in cat.rows:
        cat.rows[k]["access"] = cat.rows[k]["access"] or "ro"

# ---------------------------------------------------------------------------
# 7. live-value fallbacks
# ---------------------------------------------------------------------------
for k, r in cat.rows.items():
    lk = live_kind(r["_live"])
    if lk:
        kind, n = lk
        if not r["type"] or r["type"] == "unknown":
            if kind == "int" and n == 1:
                r["type"] = "int"
                r["_type_from_live"] = True
            elif kind == "int":
                r["type"] = "ints:%d" % n
            elif r["_live"] == "":
                r["type"] = "string"
            else:
                r["type"] = "string"
        elif r["type"] in ("int", "uint") and kind == "int" and n > 1:
            r["type"] = "ints:%d" % n
        if not r["default"] and "default scales with RAM" not in r["_notes"] \
                and not MEMORY_DEFAULT_RE.search(r["_text"]) and r["access"] != "ro" \
                and kind == "int":
            r["_live_default"] = r["_live"].replace("\t", " ")

# ---------------------------------------------------------------------------
# 8. overrides.tsv (hand-reviewed; non-empty cells win)
# ---------------------------------------------------------------------------
ov_rows = read_tsv(OVERRIDES) if os.path.exists(OVERRIDES) else []
for row in ov_rows:
    k = norm_key(row["key"])
    r = cat.get(k)
    r["_override"] = True
    # Kernel-enforced bounds from kernel-src.tsv beat documented bounds in an
    # override; only a measured/enforced override (enforced=yes) replaces them.
    keep_bounds = r.get("_ksrc_bounds") and row.get("enforced", "") != "yes"
    for c in COLS[1:]:
        v = row.get(c, "")
        if v == "":
            continue
        if keep_bounds and c in ("min", "max", "enforced"):
            cat.note(k, "documented range %s..%s" % (row.get("min", ""), row.get("max", "")))
            continue
        if v == "-":  # explicit clear
            v = ""
        if c == "sources":
            for s in row[c].split(";"):
                cat.src(k, s.strip())
                r.setdefault("_ovsources", []).append(s.strip())
        elif c == "note":
            r["_ovnote"] = v
        else:
            r[c] = v
            if c == "type":
                r["_ovtype"] = True
            if c == "since":
                r["_ovsince"] = True
            if c in ("removed", "access", "min", "max", "enforced"):
                r["_ov" + c] = True
            if c == "default":
                r.pop("_live_default", None)

# An override row with status `artifact` names a row that a source invented (a
# documentation key filed under the wrong prefix, say): it is dropped, and the
# row's note says why.
ARTIFACTS = {norm_key(row["key"]): row.get("note", "") for row in ov_rows
             if row.get("status") == "artifact"}
for k in ARTIFACTS:
    del cat.rows[k]

# ---------------------------------------------------------------------------
# 8b. the kernel's own sysctl tables (ctl_tables.py): per release, existence,
#     mode, handler, enforced range and initializer default.  They beat the
#     documentation, the man pages and doc-derived overrides for these fields;
#     an override row that cites kernel source ("path, Linux X.Y" in sources)
#     records a custom handler's rule and beats the tables.
# ---------------------------------------------------------------------------
import ctl_tables  # noqa: E402

BUILD_CONSTANTS = {}
for row in read_tsv(os.path.join(HERE, "build-constants.tsv")):
    ctl_tables.CONSTANTS[row["name"]] = int(row["value"])
    BUILD_CONSTANTS[row["name"]] = row

known_by_name = {}
for k in list(cat.rows) + sorted(live):
    known_by_name.setdefault(k.rsplit(".", 1)[-1], set()).add(k)
TABLES = ctl_tables.load(known_by_name)
RELS = [v for v, _ in TABLES]
NEWEST = RELS[-1]
FACTS = dict(TABLES)
SRC_RE = re.compile(r"Linux \d+\.\d+")

INT_RANGE = (-2147483648, 2147483647)
TYPE_RANGE = {
    "proc_dointvec": INT_RANGE, "proc_dointvec_minmax": INT_RANGE,
    "proc_douintvec": (0, 4294967295), "proc_douintvec_minmax": (0, 4294967295),
    "proc_dou8vec_minmax": (0, 255), "proc_doulongvec_minmax": (0, 18446744073709551615),
}
# Handlers whose whole behaviour the table shows (kernel/sysctl.c).
MINMAX = {"proc_dointvec_minmax", "proc_douintvec_minmax", "proc_dou8vec_minmax",
          "proc_doulongvec_minmax"}
HANDLER_TYPE = {
    "proc_dointvec": "int", "proc_dointvec_minmax": "int", "proc_douintvec": "uint",
    "proc_douintvec_minmax": "uint", "proc_dou8vec_minmax": "uint",
    "proc_doulongvec_minmax": "uint", "proc_dobool": "bool", "proc_dostring": "string",
    "proc_dointvec_jiffies": "int", "proc_dointvec_ms_jiffies": "int",
    "proc_dointvec_userhz_jiffies": "int", "proc_doulongvec_ms_jiffies_minmax": "uint",
}
STANDARD = set(HANDLER_TYPE) | {"proc_do_large_bitmap"}


def table_norm(k):
    return norm_key(k)


def sver(v):
    return ctl_tables.series(v)


# Custom handlers that hand the table itself (with its .extra1/.extra2) to a
# standard handler, as read in Linux 6.1 by the kernel source helper
# (kernel-src.tsv notes "delegates to X(table)" or "calls X on a temporary
# table copied from table (table extra1/extra2 enforced)" with no bounds set in
# the handler).
DELEGATES = {}
for row in read_tsv(KSRC) if os.path.exists(KSRC) else []:
    m = re.search(r"delegates to (proc_\w+)\(table\)|calls (proc_\w+) on a temporary table copied "
                  r"from table \(table extra1/extra2 enforced\)(?! with bounds)", row.get("note", ""))
    if m and row.get("handler"):
        DELEGATES.setdefault(row["handler"], (m.group(1) or m.group(2), row.get("file_line", "")))


def table_range(f):
    """(min, max, enforced, note) the handler enforces, or None for a handler
    whose rule is not in the table (custom, jiffies: HZ-dependent)."""
    h = f.handler
    if f.via:
        h = f.via  # read in the release's own handler (iface_tables.py)
    elif h in DELEGATES and DELEGATES[h][0] in TYPE_RANGE:
        h = DELEGATES[h][0]
    if h in MINMAX:
        lo_t, hi_t = TYPE_RANGE[h]
        notes = []
        lo, hi = f.min, f.max
        for side, val, txt in (("minimum", lo, f.extra1), ("maximum", hi, f.extra2)):
            if txt and val is None:
                notes.append("%s %s is not a constant" % (side, txt))
        for name in (f.min_expr, f.max_expr):
            if name in BUILD_CONSTANTS:
                bc = BUILD_CONSTANTS[name]
                notes.append("%s = %s (%s)" % (name, bc["value"], bc["depends"]))
        if f.extra1 is None:
            lo = lo_t
        if f.extra2 is None:
            hi = hi_t
        if h == "proc_douintvec_minmax" and lo is not None and lo < 0:
            lo = 0
        return lo, hi, True, "; ".join(notes)
    if h in ("proc_dointvec", "proc_douintvec"):
        return TYPE_RANGE[h][0], TYPE_RANGE[h][1], True, ""
    return None


def vector_len(f):
    m = re.fullmatch(r"(?:sizeof\s*\(\s*(?:int|long|unsigned long|u32)\s*\)\s*\*\s*(\d+)|"
                     r"(\d+)\s*\*\s*sizeof\s*\(\s*(?:int|long|unsigned long|u32)\s*\))",
                     (f.maxlen or "").strip())
    if m:
        return int(m.group(1) or m.group(2))
    return None


def explicit_version(r, col):
    """A version from an override or the man pages (not from docs)."""
    v = r.get(col, "")
    if col == "since" and not (r.get("_ovsince") or r.get("_man_since")):
        return ""
    if col == "removed" and not r.get("_ovremoved") and not (r.get("_man") or {}).get("until") \
            and not (r.get("_man") or {}).get("removed"):
        return ""
    return v if re.fullmatch(r"\d+\.\d+(?:\.\d+)?", v or "") else ""


def in_window(v, lo, hi):
    """lo < v <= hi by series (lo None = open)."""
    t = vkey(v)
    return (lo is None or t > vkey(lo)) and t <= vkey(hi)


disagreements = []


def disagree(k, field, before, table, why=""):
    if clean(before) != clean(table):
        disagreements.append((k, field, clean(before), clean(table), why))


def clean(v):
    return re.sub(r"[\t\r\n]+", " ", str(v)).strip()


def ov_cites_source(r):
    return any(SRC_RE.search(s) for s in r.get("_ovsources", []))


# Rows for table keys that the catalogue lacks, under closed namespaces only
# (an unknown key there must not exist).
NS_CLOSED = {p for p, c, _, _ in [
    ("dev.tty", "yes", "", ""), ("fs", "yes", "", ""), ("kernel", "yes", "", ""),
    ("kernel.yama", "yes", "", ""), ("net.core", "yes", "", ""), ("net.ipv4", "yes", "", ""),
    ("net.ipv6", "yes", "", ""), ("net.mptcp", "yes", "", ""), ("net.unix", "yes", "", ""),
    ("user", "yes", "", ""), ("vm", "yes", "", "")]}
NS_OPEN = {"fs.binfmt_misc", "fs.fuse", "fs.nfs", "fs.ocfs2", "fs.quota", "fs.verity", "fs.xfs",
           "kernel.keys", "net.ipv4.vs", "net.ipv4.netfilter", "dev.cdrom", "dev.raid"}


def closed_ns(k):
    best = ""
    for p in NS_CLOSED | NS_OPEN:
        if (k == p or k.startswith(p + ".")) and len(p) > len(best):
            best = p
    return best in NS_CLOSED


present = {}  # catalogue key -> [release]
for v, facts in TABLES:
    for tk in facts:
        present.setdefault(table_norm(tk), []).append(v)
# Trees with vendor patches (SOURCES.tsv notes "VENDOR"): a key found only there
# is not mainline evidence (3.5.0: Android's vm.min_free_order_shift).
VENDOR_TREES = set()
with open(os.path.join(ctl_tables.CTL, "SOURCES.tsv"), encoding="utf-8") as f:
    for line in f.read().splitlines()[1:]:
        c = line.split("\t")
        if len(c) >= 5 and c[4].startswith("VENDOR"):
            VENDOR_TREES.add(c[0])
for k in [k for k, vs in present.items() if set(vs) <= VENDOR_TREES]:
    del present[k]
fact_of = {}  # (catalogue key, release) -> Fact
for v, facts in TABLES:
    for tk, f in sorted(facts.items()):
        fact_of.setdefault((table_norm(tk), v), f)

for k in sorted(present):
    if k not in cat.rows and closed_ns(k) and "<" not in k:
        f = fact_of[(k, present[k][-1])]
        r = cat.get(k)
        r["_table_only"] = True
        cat.note(k, "from the kernel's tables only (%s)" % f.file)

table_rows = 0
ranges_out = []  # rows of key-ranges.tsv
facts_out = []   # rows of kernel-tables.tsv
for k in sorted(cat.rows):
    r = cat.rows[k]
    rels = present.get(k, [])
    if not rels:
        continue
    table_rows += 1
    cat.src(k, "ctl-tables")
    # per-release facts, grouped while unchanged
    prev = None
    for v in rels:
        f = fact_of[(k, v)]
        sig = (f.file, f.handler + (" -> " + f.via if f.via else ""), oct(f.mode) if f.mode is not None else "", f.extra1 or "",
               "" if f.min is None else str(f.min), f.extra2 or "",
               "" if f.max is None else str(f.max), f.maxlen or "", f.default or "")
        if prev and prev[1] == sig and RELS.index(v) == RELS.index(prev[0][-1]) + 1:
            prev[0].append(v)
        else:
            prev = ([v], sig)
            facts_out.append((k, prev))
    first, last = rels[0], rels[-1]
    fi, li = RELS.index(first), RELS.index(last)
    newest = last == NEWEST
    f_new = fact_of[(k, last)]
    override_src = ov_cites_source(r)
    gaps = [v for v in RELS[fi:li + 1] if v not in rels]
    if gaps:
        cat.note(k, "absent from the sampled tables of %s" % ", ".join(sver(g) for g in gaps))
    # --- since
    before = r["since"]
    prev_rel = RELS[fi - 1] if fi > 0 else None
    ex = explicit_version(r, "since")
    if ex and (prev_rel is None and vkey(ex) <= vkey(sver(first)) or
               prev_rel is not None and in_window(sver(ex), sver(prev_rel), sver(first))):
        since = ex
        why = "within the tables' window"
    elif prev_rel is None:
        since = "<3.2"
        why = "in the oldest table sampled (3.2)"
    else:
        since = next_version(sver(prev_rel))
        why = "first in the %s tables, absent from %s" % (first, prev_rel)
    if since != before:
        disagree(k, "since", before, since, why)
    r["since"] = since
    r["_since_table"] = (first, prev_rel, since == ex and bool(ex))
    # --- removed / status
    if newest:
        if r["status"] == "vendor":
            disagree(k, "status", "vendor", "active", "in the mainline %s tables" % NEWEST)
            r["status"] = "active"
        if r["status"] in ("removed", "moved"):
            disagree(k, "status", r["status"], "active", "present in the %s tables" % NEWEST)
            r["status"] = "active"
        if r["removed"]:
            disagree(k, "removed", r["removed"], "", "present in the %s tables" % NEWEST)
            if not r.get("_override") and r["status"] in ("", "active"):
                # A man page's end version for a key the kernel still has: it
                # lost its effect then (kernel.auto_msgmni since 3.19).
                cat.note(k, "man page says it ended in %s but the %s tables still have it (no effect)"
                         % (r["removed"], sver(NEWEST)))
                r["status"] = "noop"
            r["removed"] = ""
    else:
        nxt = RELS[li + 1]
        ex = explicit_version(r, "removed")
        if ex and in_window(sver(ex), sver(last), sver(nxt)):
            removed = ex
        else:
            removed = sver(nxt)
        if removed != r["removed"]:
            disagree(k, "removed", r["removed"], removed,
                     "last in the %s tables, absent from %s" % (last, nxt))
        r["removed"] = removed
        r["_removed_table"] = (last, nxt)
        if r["status"] not in ("removed", "moved"):
            disagree(k, "status", r["status"], "removed", "absent from the %s tables" % NEWEST)
            r["status"] = "removed"
    # --- access
    if f_new.mode is not None and not (override_src and r.get("_ovaccess")):
        acc = "ro" if f_new.readonly else "rw"
        if acc != (r["access"] or "rw"):
            disagree(k, "access", r["access"] or "rw", acc, "mode %s in %s" % (oct(f_new.mode)[2:], last))
        r["access"] = acc
    # --- type
    ht = HANDLER_TYPE.get(f_new.handler)
    n = vector_len(f_new)
    if ht and n and n > 1 and ht in ("int", "uint") and r["type"] != "port_range":
        if r["type"] != "ints:%d" % n:
            disagree(k, "type", r["type"], "ints:%d" % n, "maxlen %s" % f_new.maxlen)
        r["type"] = "ints:%d" % n
    elif ht and not r.get("_ovtype") and not re.match(r"ints:", r["type"]):
        cur = r["type"]
        new = cur
        if ht == "string":
            new = "string" if cur not in ("port_list",) else cur
        elif ht == "bool":
            new = "bool"
        elif cur in ("", "unknown", "int", "uint", "string"):
            new = ht
        if new != cur:
            disagree(k, "type", cur, new, "handler %s" % f_new.handler)
            r["type"] = new
            if new == "bool":
                r["values"] = "0,1"
    r["_handler"] = f_new.handler
    # --- range (per release; the newest in keys.tsv, older ones in key-ranges.tsv)
    if f_new.via:
        cat.note(k, "custom handler %s applies %s%s (read in Linux %s: %s)"
                 % (f_new.handler, f_new.via,
                    " with %s..%s" % (f_new.extra1, f_new.extra2) if f_new.extra1 else "",
                    sver(last), f_new.file))
    elif f_new.handler in DELEGATES:
        cat.note(k, "custom handler %s passes the table to %s (read in Linux 6.1: %s)"
                 % (f_new.handler, DELEGATES[f_new.handler][0], DELEGATES[f_new.handler][1].split(":")[0]))
    elif f_new.handler not in STANDARD:
        cat.note(k, "custom handler %s (%s)" % (f_new.handler, f_new.file))
    if not (override_src and (r.get("_ovmin") or r.get("_ovmax") or r.get("_ovenforced"))):
        eff = f_new.via or DELEGATES.get(f_new.handler, (f_new.handler,))[0]
        tr = table_range(f_new) if r["type"] not in ("bool", "enum", "bitmask") or \
            eff in MINMAX else None
        if r["type"] in ("bool", "enum", "bitmask") and eff in ("proc_dointvec", "proc_douintvec"):
            tr = None  # documented semantics; the whole C range is accepted
        if f_new.handler == "proc_dobool":
            tr = None
        if tr:
            lo, hi, enf, rnote = tr
            bef = (r["min"], r["max"], r["enforced"])
            # A bound the table writes with a run-time or build-dependent name
            # (`&dirty_bytes_min`) keeps what kernel-src.tsv or an override said.
            if lo is None and f_new.extra1 and r["min"]:
                lo = int(r["min"])
            if hi is None and f_new.extra2 and r["max"]:
                hi = int(r["max"])
            new = ("" if lo is None else str(lo), "" if hi is None else str(hi), "yes")
            if bef != new:
                disagree(k, "range", "%s..%s %s" % bef, "%s..%s %s" % new, "%s in %s" % (f_new.handler, last))
            r["min"], r["max"], r["enforced"] = new
            r.pop("_ctype_bounds", None)
            if rnote:
                cat.note(k, rnote)
        elif "jiffies" in f_new.handler and r["enforced"] == "yes" and not r.get("_ovenforced") \
                and not (f_new.via == "proc_dointvec_ms_jiffies_minmax" and f_new.min is not None):
            # (a millisecond minimum of msecs_to_jiffies(1) is 1 ms whatever HZ: kept)
            disagree(k, "range", "%s..%s yes" % (r["min"], r["max"]), "not enforced",
                     "%s: the limit depends on HZ" % f_new.handler)
            r["enforced"] = "no" if (r["min"] or r["max"]) else ""
    # --- default from the .data initializer
    if f_new.default is not None and not r.get("_ovdefault_src") and \
            (r["type"] in ("int", "uint", "bool", "enum", "bitmask") or r["type"].startswith("ints:")):
        d = f_new.default
        if d != r["default"]:
            disagree(k, "default", r["default"], d, "initializer of %s in %s" % (f_new.data, last))
        r["default"] = d
        r.pop("_live_default", None)
        r["_default_table"] = True
    # --- older ranges -> key-ranges.tsv
    segs = []
    for v in rels:
        f = fact_of[(k, v)]
        eff = f.via or DELEGATES.get(f.handler, (f.handler,))[0]
        tr = table_range(f) if eff in MINMAX or (
            eff in ("proc_dointvec", "proc_douintvec") and r["type"] not in ("bool", "enum", "bitmask")) \
            else None
        val = None if tr is None else (tr[0], tr[1])
        if segs and segs[-1][1] == val:
            segs[-1][0].append(v)
        else:
            segs.append(([v], val))
    if len(segs) > 1 and not (override_src and (r.get("_ovmin") or r.get("_ovmax") or r.get("_ovenforced"))):
        for i, (vs, val) in enumerate(segs[:-1]):
            # The change happened after the last release sampled with the old
            # range and by the first sampled with the new one: the row ends there.
            nxt_first = segs[i + 1][0][0]
            until = sver(nxt_first)
            since_s = "" if i == 0 else ranges_out[-1][2]
            if val is None:
                lo = hi = ""
                enf = "no"
                what = "no range in the table (%s)" % fact_of[(k, vs[-1])].handler
            else:
                lo = "" if val[0] is None else str(val[0])
                hi = "" if val[1] is None else str(val[1])
                enf = "yes"
                what = "%s" % fact_of[(k, vs[-1])].handler
            ranges_out.append((k, since_s, until, lo, hi, enf,
                               "%s, Linux %s..%s" % (fact_of[(k, vs[-1])].file, sver(vs[0]), sver(vs[-1])),
                               "%s; changed between %s and %s" % (what, vs[-1], nxt_first)))

# Keys in no release's tables.
for k in sorted(cat.rows):
    r = cat.rows[k]
    if k in present:
        continue
    if r["status"] == "removed" and r["removed"] and vkey(r["removed"]) <= vkey("3.2"):
        r["since"] = r["since"] or "<3.2"
        continue
    if r["status"] == "vendor":
        continue
    if r.get("_last") == "7.3" and not r["_live"] and closed_ns(k) and r["status"] != "removed" \
            and not re.search(r"\.(conf|neigh)\.", k):
        # documented for a release after the newest table sampled
        since = next_version(sver(NEWEST))
        disagree(k, "since", r["since"], since, "absent from every table up to %s" % NEWEST)
        r["since"] = since
        cat.note(k, "not in the kernel's tables up to %s" % sver(NEWEST))
        continue
    runtime = re.search(r"\.(conf|neigh)\.|^kernel\.sched_domain\.|^net\.netfilter\.nf_log\.", k)
    if runtime:
        # Tables built at run time or kept in a struct (devinet_sysctl,
        # neigh_sysctl_template, sd_ctl_dir, nf_log_sysctl_table): not in the
        # excerpts.  A key the oldest sampled docs (2.6.32) already describe is
        # older than 3.2.
        if not r["since"] and (r.get("_first") == OLDEST or not re.search(r"\.(conf|neigh)\.", k)):
            # sd_ctl_dir and nf_log's table are in the 3.2 excerpts (their
            # entries are filled in at run time).
            r["since"] = "<3.2"
            cat.note(k, "since: before 3.2 (its table is filled in at run time)")
        continue
    if r["_live"] is not None:
        print("TABLE-CHECK %s: on the live 6.18 machine but in no table" % k)
        continue
    if r["status"] in ("removed", "moved") and not r["removed"]:
        r["removed"] = "3.2"
        cat.note(k, "in no kernel table of 3.2..%s" % sver(NEWEST))
    if closed_ns(k) and r["status"] in ("active", "noop"):
        disagree(k, "status", r["status"], "removed", "in no table of 3.2..%s" % NEWEST)
        r["status"] = "removed"
        r["removed"] = r["removed"] or "3.2"
        cat.note(k, "in no kernel table of 3.2..%s: removed before 3.2 or never in mainline" % sver(NEWEST))
    if not r["since"]:
        r["since"] = "<3.2"

# ---------------------------------------------------------------------------
# 9. finalise
# ---------------------------------------------------------------------------
GLOBAL_NET = {"net.ipv4.tcp_mem", "net.ipv4.udp_mem", "net.ipv4.tcp_max_orphans",
              "net.core.rmem_max", "net.core.wmem_max", "net.core.rmem_default",
              "net.core.wmem_default", "net.core.netdev_max_backlog", "net.core.optmem_max"}


def module_of(k):
    if k in MODULE_EXCEPTIONS:
        return MODULE_EXCEPTIONS[k]
    best = ("", "")
    for p, m in MODULE_PREFIXES:
        if k.startswith(p) and len(p) > len(best[0]):
            best = (p, m)
    return best[1]


for k, r in cat.rows.items():
    if "<dev>" in k or re.match(r"^net\.ipv[46]\.(conf|neigh)\.default\.", k):
        r["scope"] = r["scope"] or "per-dev"
    if not r["scope"]:
        if k.split(".")[0] in ("vm", "fs", "kernel", "dev", "abi", "debug") and not k.startswith(
                ("fs.mqueue.", "kernel.msg", "kernel.sem", "kernel.shm", "kernel.hostname",
                 "kernel.domainname", "kernel.ns_last_pid", "kernel.keys.")):
            r["scope"] = "global"
        elif k in GLOBAL_NET:
            r["scope"] = "global"
        elif re.search(r"(?i)per[- ]?netns|per network namespace|per-namespace|network namespace", r["_text"]) \
                and k.startswith("net."):
            r["scope"] = "netns"
    if not r["module"]:
        r["module"] = module_of(k)
    if not r["access"]:
        r["access"] = "rw"
    if not r["status"]:
        r["status"] = "removed" if r["removed"] else "active"
    if r["status"] == "noop" and not r["removed"]:
        pass
    if r.get("_man_only") and not r.get("_override"):
        notes_pre = "only in man page"
        cat.note(k, notes_pre)
    # A man page end version contradicted by the live 6.18 machine: kept as a stub.
    if r["removed"] and r["_live"] is not None and r["status"] in ("removed", "active") \
            and not r.get("_override"):
        cat.note(k, "man page says it ended in %s but it is still present on 6.18 (no effect)" % r["removed"])
        r["removed"] = ""
        r["status"] = "noop"
    if not r["type"] and re.fullmatch(r"-?\d+", r["default"] or ""):
        r["type"] = "int"
        cat.note(k, "type from documented default")
    if not r["type"]:
        r["type"] = "unknown"
    if r["type"] == "unknown" and r["default"] and r["status"] != "removed":
        pass
    if not r["default"] and r.get("_live_default") is not None and r["type"] != "unknown":
        r["default"] = r["_live_default"]
        if r["default"] != "":
            cat.note(k, "default = live 6.18 value")
    if r.get("_ctype_bounds") and r["min"] == "" and r["max"] == "" \
            and r["type"] in ("int", "uint"):
        r["min"], r["max"] = r["_ctype_bounds"]
        r["enforced"] = "yes"
        cat.note(k, "bounds = C type range of a plain %s handler" % r.get("_handler", ""))
    if r["min"] == "" and r["max"] == "":
        r["enforced"] = ""
    if r["type"] not in ("bool", "enum") and r["values"] and "_override" not in r:
        r["values"] = ""
    # notes
    notes = []
    if r.get("_ovnote"):
        notes.append(r["_ovnote"])
    if r.get("_ksrc_note"):
        kn = r["_ksrc_note"]
        if r["access"] != "ro":
            kn = kn.replace("read-only (mode 0444)", "mode 0444 in the 6.1 table")
        notes.append("kernel-src: " + kn)
    if re.search(r"_ns$", k) and not r["unit"] and "unit ns" not in " ".join(notes):
        notes.append("unit: ns")
    if re.search(r"_centisecs$", k) and not r["unit"]:
        notes.append("unit: centiseconds")
    if r["status"] == "active" and not r["_live"] and r.get("_last") and r["_last"] != "7.3" \
            and not r["removed"]:
        notes.append("not on live 6.18 (may need a module or config option)")
    if r.get("_type_from_live") and not (r.get("_override") and r["type"] != "int") \
            and not r.get("_ovtype"):
        notes.append("type from live value")
    if r["since"] and not r["since"].startswith("<") and r["_live"] is not None \
            and vkey(r["since"]) > vkey("6.18"):
        notes.append("since %s dropped: present on live 6.18" % r["since"])
        r["since"] = ""
    if r.get("_since_table"):
        first, prev_rel, explicit = r["_since_table"]
        if explicit:
            notes.append("since %s (man page or override; the tables put it after %s and by %s)"
                         % (r["since"], prev_rel or "-", first))
        elif prev_rel:
            notes.append("since: first in the %s tables, absent from %s" % (first, prev_rel))
        else:
            notes.append("since: in the oldest tables sampled (3.2.4)")
    elif r["since"]:
        if r.get("_ovsince"):
            if "since" not in r.get("_ovnote", ""):
                notes.append("since verified")
        elif r.get("_since_from_doc") and r["since"] == r["_since_from_doc"]:
            notes.append("since from docs (first documented in %s, absent from the %s doc: "
                         "since = release after %s)" % (r["_hist_since"], r["_since_prev"], r["_since_prev"]))
        elif r.get("_since_kind"):
            notes.append("since verified (%s)" % r["_since_kind"])
    elif r.get("_since_dropped") and not r.get("_ovsince"):
        notes.append(r["_since_dropped"])
    if r.get("_removed_table"):
        last, nxt = r["_removed_table"]
        notes.append("removed: last in the %s tables, absent from %s" % (last, nxt))
    for n in r["_notes"]:
        if not n or n in notes:
            continue
        low = " ".join(notes).lower()
        if n == "default scales with RAM" and ("ram" in low or "memory" in low or r["default"]):
            continue
        if n == "unit: ns" and "unit ns" in low:
            continue
        notes.append(n)
    note = "; ".join(notes)
    r["note"] = re.sub(r"\s+", " ", note).strip()
    srcs = r["_src"]
    srcs = [x for x in srcs if ":" in x or not any(y.startswith(x + ":") for y in srcs)]
    r["sources"] = ";".join(srcs)
    # sanity
    if r["type"] not in TYPES and not re.fullmatch(r"ints:\d+", r["type"]):
        die("bad type %r for %s" % (r["type"], k))
    if r["unit"] not in UNITS:
        die("bad unit %r for %s" % (r["unit"], k))
    if r["status"] not in STATUSES:
        die("bad status %r for %s" % (r["status"], k))
    if r["scope"] not in SCOPES:
        die("bad scope %r for %s" % (r["scope"], k))
    if re.search(r"\.(eth\d+|lo|ifb\d+|all)\.", k):
        die("literal interface name in key %s" % k)

# ---------------------------------------------------------------------------
# 9b. live check: every live 6.18 value must pass its row (type, arity, range,
#     values).  Violations are printed (not fatal) so they can be fixed.
# ---------------------------------------------------------------------------


def live_violations():
    out = []
    for raw, live_v in sorted(live_raw.items()):
        k = norm_key(raw)
        k = re.sub(r"^(net\.netfilter\.nf_log)\.\d+$", r"\1.<n>", k)
        r = cat.rows.get(k)
        if r is None:
            out.append((raw, "live key has no row (%s)" % k))
            continue
        r = dict(r, _live=live_v)
        k = raw
        t = r["type"]
        if t in ("unknown", "string", "port_list"):
            continue
        vals = [x for x in re.split(r"\s+", r["_live"].strip()) if x != ""]
        if not all(re.fullmatch(r"-?\d+", x) for x in vals):
            out.append((k, "non-integer live value %r for type %s" % (r["_live"], t)))
            continue
        n = len(vals)
        want = int(t[5:]) if t.startswith("ints:") else (2 if t == "port_range" else 1)
        if n != want:
            out.append((k, "live value has %d fields, type %s wants %d" % (n, t, want)))
            continue
        nums = [int(x) for x in vals]
        if t == "uint" and any(x < 0 for x in nums):
            out.append((k, "negative live value %s for uint" % r["_live"]))
        lo = int(r["min"]) if r["min"] else None
        hi = int(r["max"]) if r["max"] else None
        for x in nums:
            if (lo is not None and x < lo) or (hi is not None and x > hi):
                out.append((k, "live value %d outside %s..%s" % (x, r["min"], r["max"])))
        if t in ("bool", "enum") and r["values"]:
            allowed = {int(v) for v in r["values"].split(",")}
            for x in nums:
                if x not in allowed:
                    out.append((k, "live value %d not in values {%s}" % (x, r["values"])))
    return out


for k, msg in live_violations():
    print("LIVE-CHECK %s: %s" % (k, msg))

# ---------------------------------------------------------------------------
# 10. write
# ---------------------------------------------------------------------------


def clean(v):
    return re.sub(r"[\t\r\n]+", " ", str(v)).strip()


os.makedirs(os.path.dirname(OUT_KEYS), exist_ok=True)
with open(OUT_KEYS, "w", encoding="utf-8", newline="\n") as f:
    f.write("\t".join(COLS) + "\n")
    for k in sorted(cat.rows):
        r = cat.rows[k]
        f.write("\t".join(clean(r[c]) for c in COLS) + "\n")

with open(OUT_RANGES, "w", encoding="utf-8", newline="\n") as f:
    f.write("key\tsince\tuntil\tmin\tmax\tenforced\tsources\tnote\n")
    for row in sorted(ranges_out, key=lambda x: (x[0], vkey(x[2]))):
        f.write("\t".join(clean(c) for c in row) + "\n")

with open(OUT_TABLES, "w", encoding="utf-8", newline="\n") as f:
    f.write("# Generated by gen_catalogue.py from ../shared/reference/kernel/ctl-tables/:\n"
            "# per catalogue key, the table entry of each run of sampled releases in which\n"
            "# it did not change (first..last sampled release).  min/max: .extra1/.extra2\n"
            "# resolved to numbers (empty: none, or not a constant); default: the .data\n"
            "# variable's initializer where the excerpt shows it.\n")
    f.write("key\tfirst\tlast\tfile\thandler\tmode\textra1\tmin\textra2\tmax\tmaxlen\tdefault\n")
    for k, (vs, sig) in facts_out:
        file_, handler, mode, e1, lo, e2, hi, maxlen, default = sig
        f.write("\t".join(clean(c) for c in (k, vs[0], vs[-1], file_, handler, mode[2:] if mode else "",
                                              e1, lo, e2, hi, maxlen, default)) + "\n")

with open(OUT_DISAGREE, "w", encoding="utf-8", newline="\n") as f:
    f.write("# Generated by gen_catalogue.py: where the kernel's tables overrule what the\n"
            "# documentation, man pages, kernel-src.tsv or overrides.tsv said (before -> table).\n")
    f.write("key\tfield\tbefore\ttable\twhy\n")
    for row in sorted(set(disagreements)):
        f.write("\t".join(clean(c) for c in row) + "\n")

NAMESPACES = [
    # prefix, closed, module, note
    ("abi", "no", "", "arch-specific (x86 vsyscall32)"),
    ("crypto", "no", "", "crypto.fips_enabled etc.; not catalogued in detail"),
    ("debug", "no", "", "arch-specific debug knobs"),
    ("dev", "no", "", "driver namespace; drivers add keys"),
    ("dev.cdrom", "no", "cdrom", ""),
    ("dev.raid", "no", "md_mod", ""),
    ("dev.tty", "yes", "", ""),
    ("fs", "yes", "", "core fs keys; sub-directories of filesystems are separate"),
    ("fs.binfmt_misc", "no", "binfmt_misc", "not sysctl keys (register/status files)"),
    ("fs.fuse", "no", "fuse", ""),
    ("fs.nfs", "no", "nfs", "nfs and lockd keys"),
    ("fs.ocfs2", "no", "ocfs2", ""),
    ("fs.quota", "no", "", "read-only statistics"),
    ("fs.verity", "no", "", ""),
    ("fs.xfs", "no", "xfs", ""),
    ("kernel", "yes", "", "core kernel keys"),
    ("kernel.keys", "no", "", ""),
    ("kernel.yama", "yes", "yama", "Yama LSM (absent without CONFIG_SECURITY_YAMA)"),
    ("net", "no", "", "protocol families not catalogued in detail (net.tipc, net.x25, ...)"),
    ("net.appletalk", "no", "appletalk", ""),
    ("net.bridge", "no", "br_netfilter", "bridge-nf-* keys from br_netfilter"),
    ("net.core", "yes", "", ""),
    ("net.ipv4", "yes", "", "except sub-prefixes owned by modules"),
    ("net.ipv4.conf", "yes", "", "per-device keys written with <dev>"),
    ("net.ipv4.neigh", "yes", "", "per-device keys written with <dev>"),
    ("net.ipv4.vs", "no", "ip_vs", "IPVS; needs ip_vs loaded"),
    ("net.ipv4.netfilter", "no", "nf_conntrack_ipv4", "legacy ip_conntrack_* aliases of old kernels; not catalogued"),
    ("net.ipv6", "yes", "", ""),
    ("net.ipv6.conf", "yes", "", "per-device keys written with <dev>"),
    ("net.ipv6.neigh", "yes", "", "per-device keys written with <dev>"),
    ("net.mptcp", "yes", "", ""),
    ("net.mpls", "no", "mpls_router", ""),
    ("net.netfilter", "no", "nf_conntrack", "conntrack helpers and protocol modules add keys"),
    ("net.nf_conntrack_max", "yes", "nf_conntrack", "legacy alias of net.netfilter.nf_conntrack_max"),
    ("net.sctp", "no", "sctp", ""),
    ("net.tipc", "no", "tipc", ""),
    ("net.unix", "yes", "", ""),
    ("net.vsock", "no", "vsock", ""),
    ("sunrpc", "no", "sunrpc", "sunrpc and xprtrdma keys"),
    ("user", "yes", "", "per-user-namespace limits"),
    ("vm", "yes", "", ""),
]
with open(OUT_NS, "w", encoding="utf-8", newline="\n") as f:
    f.write("prefix\tclosed\tmodule\tnote\n")
    for p in sorted(NAMESPACES):
        f.write("\t".join(clean(x) for x in p) + "\n")

# ---------------------------------------------------------------------------
# 11. counts
# ---------------------------------------------------------------------------
rows = list(cat.rows.values())
counts = [
    ("total keys", len(rows)),
    ("type != unknown", sum(r["type"] != "unknown" for r in rows)),
    ("with min or max", sum(bool(r["min"] or r["max"]) for r in rows)),
    ("with since or removed", sum(bool(r["since"] or r["removed"]) for r in rows)),
    ("status removed", sum(r["status"] == "removed" for r in rows)),
    ("status noop", sum(r["status"] == "noop" for r in rows)),
    ("status vendor", sum(r["status"] == "vendor" for r in rows)),
    ("status moved", sum(r["status"] == "moved" for r in rows)),
    ("module-provided", sum(bool(r["module"]) for r in rows)),
    ("enforced=yes", sum(r["enforced"] == "yes" for r in rows)),
    ("kernel-src rows used", ksrc_count),
]
for name, n in counts:
    print("%-24s %d" % (name, n))

README = os.path.join(HERE, "README.md")
if os.path.exists(README) and not OUT_DIR:
    with open(README, encoding="utf-8") as f:
        txt = f.read()
    block = "<!-- counts:begin -->\n```\n" + "".join(
        "%-24s %d\n" % (name, n) for name, n in counts) + "```\n<!-- counts:end -->"
    new = re.sub(r"<!-- counts:begin -->.*?<!-- counts:end -->", lambda m: block, txt, flags=re.S)
    if new != txt:
        with open(README, "w", encoding="utf-8", newline="\n") as f:
            f.write(new)
