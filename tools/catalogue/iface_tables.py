"""Per-interface sysctl tables of each release: devinet and neighbour.

Reads `iface-tables/<release>/{devinet.c,neighbour.c}.txt` (verbatim excerpts
cut by `extract_iface_tables.py`; repository and commit per release in
`iface-tables/SOURCES.tsv`) and returns `ctl_tables.Fact`s for

    net.ipv4.conf.<dev>.NAME          devinet_sysctl.devinet_vars
    net.ipv{4,6}.neigh.<dev>.NAME     neigh_sysctl_template.neigh_vars
    net.ipv{4,6}.neigh.default.gc_*   (the entries after the early table end)
    net.ipv6.conf.<dev>.NAME          addrconf_sysctl.addrconf_vars (up to 4.4; from
                                      4.9 the ctl-tables excerpts hold the array)

The tables are written with entry macros (`DEVINET_SYSCTL_RW_ENTRY(ATTR,
"name")`, `NEIGH_SYSCTL_ZERO_INTMAX_ENTRY(ATTR, "name")`); the macros are in the
excerpt and are expanded here.  A handler defined in the same file is read for
the rule it applies: `tmp.extra1 = X; tmp.extra2 = Y;` before
`proc_dointvec_minmax(&tmp, ...)` is that range; a plain call of a standard
handler on the table itself (`proc_dointvec(ctl, ...)`) is that handler.  The
result is in `Fact.via` (with `extra1`/`extra2`/`min`/`max` filled from the
handler) and the table's own handler stays in `Fact.handler`.

neigh_sysctl_register() cuts the table short for a real device (`memset` of
the `gc_interval` entry, in every release sampled): the `gc_*` entries after it
exist only under `default`.

Standard library only; deterministic.
"""
import os
import re

import ctl_tables

HERE = os.path.dirname(os.path.abspath(__file__))
DIR = os.path.join(HERE, "iface-tables")

STANDARD_VIA = ("proc_dointvec", "proc_dointvec_minmax", "proc_dointvec_jiffies",
                "proc_dointvec_ms_jiffies", "proc_dointvec_userhz_jiffies")


def sources():
    """{release: (repo, commit)}."""
    out = {}
    path = os.path.join(DIR, "SOURCES.tsv")
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for line in f.read().splitlines()[1:]:
            c = line.split("\t")
            out[c[0]] = (c[1], c[2])
    return out


def macros(text):
    """{name: (params, body)} of the function-like #defines."""
    out = {}
    joined = re.sub(r"\\\n", " ", text)
    for m in re.finditer(r"^\s*#\s*define\s+(\w+)\(([^)]*)\)\s*(.*)$", joined, re.M):
        out[m.group(1)] = ([p.strip() for p in m.group(2).split(",")], m.group(3).strip())
    return out


def expand(text, defs, depth=0):
    """Expand invocations of the macros `defs` in text (nested, ## pasting)."""
    if depth > 6:
        return text
    out, i = [], 0
    pat = re.compile(r"\b(%s)\s*\(" % "|".join(sorted(map(re.escape, defs), key=len, reverse=True))) \
        if defs else None
    while pat:
        m = pat.search(text, i)
        if not m:
            break
        j, d = m.end(), 1
        while j < len(text) and d:
            d += {"(": 1, ")": -1}.get(text[j], 0)
            j += 1
        args = [a.strip() for a in ctl_tables.split_top(text[m.end():j - 1])]
        params, body = defs[m.group(1)]
        for p, a in zip(params, args):
            body = re.sub(r"\b%s\b" % re.escape(p), lambda _m, a=a: a, body)
        body = re.sub(r"\s*##\s*", "", body)
        out.append(text[i:m.start()])
        out.append(expand(body, defs, depth + 1))
        i = j
    out.append(text[i:])
    return "".join(out)


def functions(text):
    """{name: body} of the functions in the excerpt."""
    out = {}
    for m in re.finditer(r"^(?:static\s+)?(?:int|void)\s+(\w+)\s*\(", text, re.M):
        start = text.find("{", m.end())
        d, j = 0, start
        while j < len(text):
            d += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
            if d == 0:
                break
        out.setdefault(m.group(1), text[start:j])
    return out


def handler_rule(name, funcs, depth=0):
    """(via handler, extra1 text, extra2 text) of a handler defined in the file,
    or None when it is not one of the two simple shapes."""
    body = funcs.get(name)
    if body is None or depth > 3:
        return None
    calls = re.findall(r"\b(proc_\w+)\s*\(\s*(&?\w+)\s*,", body)
    tmp_calls = [c for c, a in calls if a == "&tmp"]
    if tmp_calls:
        e1 = re.search(r"\btmp\.extra1\s*=\s*([^;]+);", body)
        e2 = re.search(r"\btmp\.extra2\s*=\s*([^;]+);", body)
        if tmp_calls[0] == "proc_dointvec_minmax" and e1 and e2:
            return ("proc_dointvec_minmax", e1.group(1).strip(), e2.group(1).strip())
        # neigh_proc_dointvec_ms_jiffies_positive: `int min = msecs_to_jiffies(1);
        # tmp.extra1 = &min; tmp.extra2 = NULL;` then
        # proc_dointvec_ms_jiffies_minmax(&tmp): at least 1 ms, whatever HZ.
        if tmp_calls[0] == "proc_dointvec_ms_jiffies_minmax" and e1 and e1.group(1).strip() == "&min" \
                and re.search(r"\bint\s+min\s*=\s*msecs_to_jiffies\(\s*1\s*\)", body):
            return ("proc_dointvec_ms_jiffies_minmax", "msecs_to_jiffies(1)", None)
        return None
    direct = [c for c, a in calls if a in ("ctl", "table", "ctl_table")]
    if len(set(direct)) == 1 and direct[0] in STANDARD_VIA:
        return (direct[0], None, None)
    # a handler that hands the table to another handler of the file
    local = [c for c in re.findall(r"\b(\w+)\s*\(\s*(?:ctl|table)\s*,", body) if c in funcs and c != name]
    if len(set(local)) == 1 and not direct:
        return handler_rule(local[0], funcs, depth + 1)
    return None


def parse(path, base, default_base=None):
    """{key: Fact} of one excerpt file."""
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    fname = re.search(r"^==> ([^:]+):", raw, re.M).group(1)
    text = ctl_tables.strip_comments(raw)
    defs = macros(text)
    funcs = functions(text)
    m = re.search(r"\.(?:devinet|neigh|addrconf)_vars\s*=\s*\{", text)
    i, d = m.end(), 1
    while d:
        d += {"{": 1, "}": -1}.get(text[i], 0)
        i += 1
    body = text[m.end():i - 1]
    body = re.sub(r"^\s*#\s*define.*$", "", body, flags=re.M)
    table = "static struct ctl_table vars[] = {\n" + expand(body, defs) + "\n};"
    facts = {}
    (_, entries), = ctl_tables.parse_tables(table)
    for e in entries:
        pn = ctl_tables.procname_of(e.get("procname", ""))
        if not pn:
            continue
        handler = ctl_tables.handler_of(e.get("proc_handler"))
        rule = handler_rule(handler, funcs)
        via, x1, x2 = (None, e.get("extra1"), e.get("extra2"))
        if rule:
            via = rule[0]
            if rule[1] is not None:
                x1, x2 = rule[1], rule[2]
        if fname.endswith("devinet.c"):
            x1 = x2 = None  # .extra1 = &ipv4_devconf: the devconf, not a bound
        e1, t1 = ctl_tables.resolve_extra(x1, {}, 0)
        if x1 == "msecs_to_jiffies(1)":
            e1 = 1  # in the handler's unit, milliseconds
        e2, t2 = ctl_tables.resolve_extra(x2, {}, 0)
        under = default_base if (default_base and pn.startswith("gc_") and pn != "gc_stale_time") else base
        key = under + "." + pn
        facts.setdefault(key, ctl_tables.Fact(
            key=key, file=fname, table=m.group(0).split("=")[0].strip().lstrip("."), procname=pn,
            data=e.get("data"), maxlen=e.get("maxlen"), mode=ctl_tables.mode_of(e.get("mode")),
            handler=handler, extra1=t1, extra2=t2, min=e1, max=e2, min_expr=None, max_expr=None,
            default=None, cond=e.get("_cond"), via=via))
    return facts


def load_release(version):
    """{key: Fact} of the per-interface tables of one release ({} if not cut)."""
    d = os.path.join(DIR, version)
    out = {}
    if not os.path.isdir(d):
        return out
    dev = os.path.join(d, "devinet.c.txt")
    if os.path.exists(dev):
        out.update(parse(dev, "net.ipv4.conf.<dev>"))
    ac = os.path.join(d, "addrconf.c.txt")
    if os.path.exists(ac):
        out.update(parse(ac, "net.ipv6.conf.<dev>"))
    nb = os.path.join(d, "neighbour.c.txt")
    if os.path.exists(nb):
        for proto in ("ipv4", "ipv6"):
            out.update(parse(nb, "net.%s.neigh.<dev>" % proto, "net.%s.neigh.default" % proto))
    return out
