"""Read the kernel's own sysctl tables: per release, per key, what the table says.

Input: ../shared/reference/kernel/ctl-tables/<VERSION>.txt, verbatim excerpts of
every `ctl_table` array of one kernel release, the `register_*sysctl*` calls that
place them, and the file-scope limits `.extra1`/`.extra2`/`.data` point to (see
that folder's README.md and SOURCES.tsv).

`load()` returns `[(release, {key: Fact})]`, oldest release first.  A key is the
dotted sysctl name; per-interface tables are written with `<dev>`
(`net.ipv6.conf.<dev>.forwarding`).

Where a table is placed (its path) is found, in this order:
  1. a register call in the same file naming the table and a literal path
     (`register_net_sysctl(&init_net, "net/ipv4", ipv4_table)`);
  2. the `.child` entries of a parent table (old kernels: kernel/sysctl.c
     `root_table` -> `kern_table`), recursively;
  3. TABLE_PATHS below (hand-checked: tables copied with kmemdup and registered
     through a variable, `ctl_path` arrays of old kernels, per-interface
     templates whose path is built at run time);
  4. the same (file, table) in another release (tables keep their place);
  5. the prefix under which most of the table's procnames are known keys
     (`known`, the documented/live key list), when at least two agree.
A table found by none of these is skipped (drivers, arch code: not catalogued).

Standard library only; deterministic.
"""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
CTL = os.path.abspath(os.path.join(ROOT, "..", "shared", "reference", "kernel", "ctl-tables"))

# (source file, table) -> path, for tables whose register call does not name
# them with a literal path (read in the release trees: the table is copied with
# kmemdup and registered through a variable, or an old `ctl_path` array holds
# the path, or the path is built per interface at run time).
TABLE_PATHS = {
    ("net/ipv4/sysctl_net_ipv4.c", "ipv4_net_table"): "net/ipv4",
    ("net/ipv4/sysctl_net_ipv4.c", "ipv4_table"): "net/ipv4",
    ("net/ipv4/route.c", "ipv4_route_table"): "net/ipv4/route",
    ("net/ipv4/route.c", "ipv4_route_netns_table"): "net/ipv4/route",
    ("net/ipv4/route.c", "ipv4_route_flush_table"): "net/ipv4/route",
    ("net/ipv4/route.c", "ipv4_skeleton"): "net/ipv4",
    ("net/ipv4/ip_fragment.c", "ip4_frags_ns_ctl_table"): "net/ipv4",
    ("net/ipv4/ip_fragment.c", "ip4_frags_ctl_table"): "net/ipv4",
    ("net/ipv4/xfrm4_policy.c", "xfrm4_policy_table"): "net/ipv4",
    ("net/ipv4/devinet.c", "ctl_forward_entry"): "net/ipv4",
    ("net/ipv6/sysctl_net_ipv6.c", "ipv6_table_template"): "net/ipv6",
    ("net/ipv6/sysctl_net_ipv6.c", "ipv6_rotable"): "net/ipv6",
    ("net/ipv6/sysctl_net_ipv6.c", "ipv6_table"): "net/ipv6",
    ("net/ipv6/route.c", "ipv6_route_table_template"): "net/ipv6/route",
    ("net/ipv6/icmp.c", "ipv6_icmp_table_template"): "net/ipv6/icmp",
    ("net/ipv6/reassembly.c", "ip6_frags_ns_ctl_table"): "net/ipv6",
    ("net/ipv6/reassembly.c", "ip6_frags_ctl_table"): "net/ipv6",
    ("net/ipv6/xfrm6_policy.c", "xfrm6_policy_table"): "net/ipv6",
    ("net/ipv6/addrconf.c", "addrconf_sysctl"): "net/ipv6/conf/<dev>",
    ("net/ipv6/netfilter/nf_conntrack_reasm.c", "nf_ct_frag6_sysctl_table"): "net/netfilter",
    ("net/core/sysctl_net_core.c", "net_core_table"): "net/core",
    ("net/core/sysctl_net_core.c", "netns_core_table"): "net/core",
    ("net/xfrm/xfrm_sysctl.c", "xfrm_table"): "net/core",
    ("net/unix/sysctl_net_unix.c", "unix_table"): "net/unix",
    ("net/mpls/af_mpls.c", "mpls_dev_table"): "net/mpls/conf/<dev>",
    ("net/mpls/af_mpls.c", "mpls_table"): "net/mpls",
    ("net/mptcp/ctrl.c", "mptcp_sysctl_table"): "net/mptcp",
    ("net/sctp/sysctl.c", "sctp_net_table"): "net/sctp",
    ("net/sctp/sysctl.c", "sctp_table"): "net/sctp",
    ("net/netfilter/nf_conntrack_standalone.c", "nf_ct_sysctl_table"): "net/netfilter",
    ("net/netfilter/nf_conntrack_standalone.c", "nf_ct_netfilter_table"): "net",
    ("net/netfilter/nf_log.c", "nf_log_sysctl_ftable"): "net/netfilter",
    ("net/netfilter/ipvs/ip_vs_ctl.c", "vs_vars"): "net/ipv4/vs",
    ("net/netfilter/ipvs/ip_vs_lblc.c", "vs_vars_table"): "net/ipv4/vs",
    ("net/netfilter/ipvs/ip_vs_lblcr.c", "vs_vars_table"): "net/ipv4/vs",
    ("net/bridge/br_netfilter_hooks.c", "brnf_table"): "net/bridge",
    ("net/bridge/br_netfilter.c", "brnf_table"): "net/bridge",
    ("ipc/ipc_sysctl.c", "ipc_kern_table"): "kernel",
    ("ipc/ipc_sysctl.c", "ipc_sysctls"): "kernel",
    ("ipc/mq_sysctl.c", "mq_sysctls"): "fs/mqueue",
    ("kernel/utsname_sysctl.c", "uts_kern_table"): "kernel",
    ("kernel/ucount.c", "user_table"): "user",
    ("kernel/sched/topology.c", "sd_ctl_dir"): "kernel/sched_domain",
}

# Values of the shared limits (include/linux/sysctl.h SYSCTL_*; kernel/sysctl.c
# sysctl_vals[] and sysctl_long_vals[]: the same numbers in every release that
# has the macro).
SYSCTL_CONST = {
    "SYSCTL_ZERO": 0, "SYSCTL_ONE": 1, "SYSCTL_TWO": 2, "SYSCTL_THREE": 3,
    "SYSCTL_FOUR": 4, "SYSCTL_ONE_HUNDRED": 100, "SYSCTL_TWO_HUNDRED": 200,
    "SYSCTL_ONE_THOUSAND": 1000, "SYSCTL_THREE_THOUSAND": 3000,
    "SYSCTL_INT_MAX": 2147483647, "SYSCTL_MAXOLDUID": 65535, "SYSCTL_NEG_ONE": -1,
    "SYSCTL_LONG_ZERO": 0, "SYSCTL_LONG_ONE": 1,
    "SYSCTL_LONG_MAX": 9223372036854775807, "SYSCTL_U8_MAX": 255,
}

# Constants that limits are written with (values from include/ of the
# releases; the same in every release that has them).  HZ, PAGE_SIZE and the
# like are build settings: a limit that uses them is kept as text.
CONSTANTS = {
    "INT_MAX": 2147483647, "INT_MIN": -2147483648, "UINT_MAX": 4294967295,
    "LONG_MAX": 9223372036854775807, "ULONG_MAX": 18446744073709551615,
    "SHRT_MAX": 32767, "USHRT_MAX": 65535, "U8_MAX": 255, "U16_MAX": 65535,
    "U32_MAX": 4294967295, "S32_MAX": 2147483647, "S16_MAX": 32767,
    "MSEC_PER_SEC": 1000, "USEC_PER_SEC": 1000000, "NSEC_PER_SEC": 1000000000,
    "USEC_PER_MSEC": 1000, "NSEC_PER_MSEC": 1000000, "NSEC_PER_USEC": 1000,
    "MAX_TCP_SYNCNT": 127, "TCP_RTO_MAX_SEC": 120, "TCP_PAWS_MSL": 60,
    "TCP_MIN_SND_MSS": 48, "NGROUPS_MAX": 65536, "GID_T_MAX": 4294967294,
    "MAX_TCP_WINDOW": 32767, "MAX_SCHEDULE_TIMEOUT": 9223372036854775807,
    "IPV6_MAX_STRICT_DAD_PROBES": 0,  # placeholder, overwritten by file limits
}
del CONSTANTS["IPV6_MAX_STRICT_DAD_PROBES"]

# Named limits by their name (`static int zero;` has no initializer, so the
# excerpt does not show it; C makes it 0).
NAMED = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "ten": 10,
         "neg_one": -1, "int_max": 2147483647, "one_hundred": 100,
         "two_hundred": 200, "one_thousand": 1000, "zero_ul": 0, "one_ul": 1,
         "long_max": 9223372036854775807, "long_zero": 0}


def vkey(v):
    return tuple(int(x) for x in v.split("."))


def series(v):
    """'6.18.2' -> '6.18'."""
    return ".".join(v.split(".")[:2])


def releases():
    out = []
    for f in os.listdir(CTL):
        m = re.fullmatch(r"(\d+\.\d+\.\d+)\.txt", f)
        if m:
            out.append(m.group(1))
    return sorted(out, key=vkey)


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


class Fact:
    __slots__ = ("key", "file", "table", "procname", "data", "maxlen", "mode",
                 "handler", "extra1", "extra2", "min", "max", "min_expr",
                 "max_expr", "default", "cond", "via")

    def __init__(self, **kw):
        for s in self.__slots__:
            setattr(self, s, kw.get(s))

    @property
    def readonly(self):
        return self.mode is not None and not (self.mode & 0o222)


def split_top(s, sep=","):
    """Split on sep outside (), [], {}."""
    out, depth, cur = [], 0, []
    for ch in s:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == sep and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if "".join(cur).strip():
        out.append("".join(cur))
    return out


def parse_sections(path):
    """{source file: {'limits': text, 'tables': [text], 'registers': [text]}}."""
    files = {}
    cur = None
    sec = None
    buf = []

    def flush():
        if cur is not None and sec is not None:
            t = "\n".join(buf)
            if sec == "limits":
                files[cur]["limits"] += t + "\n"
            elif sec == "table":
                files[cur]["tables"].append(t)
            elif sec == "register":
                files[cur]["registers"].append(t)

    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f.read().splitlines():
            if line.startswith("==> "):
                flush()
                cur = line[4:].strip()
                files[cur] = {"limits": "", "tables": [], "registers": []}
                sec, buf = None, []
                continue
            m = re.match(r"^-- (limits and defaults|table|register):\s*$", line)
            if m and cur is not None:
                flush()
                sec = {"limits and defaults": "limits"}.get(m.group(1), m.group(1))
                buf = []
                continue
            buf.append(line)
    flush()
    return files


LIMIT_RE = re.compile(
    r"^\s*(?:static\s+)?(?:const\s+)?(?:unsigned\s+|signed\s+)?"
    r"(?:int|long|long\s+long|unsigned|u8|u16|u32|u64|s32|s64|bool|char|short|size_t|"
    r"unsigned\s+int|unsigned\s+long)\s+(?:__read_mostly\s+|__maybe_unused\s+)?"
    r"(\w+)(\s*\[\s*\w*\s*\])?(?:\s+__\w+)*\s*=\s*(.+?);", re.S)
DEFINE_RE = re.compile(r"^\s*#\s*define\s+(\w+)\s+(.+)$")


def parse_limits(text):
    """name -> expression text (file-scope initialisers and #defines)."""
    out = {}
    text = strip_comments(text)
    # Join continuation lines of multi-line initialisers.
    stmts = re.split(r"(?<=;)\s*\n|\n(?=\s*#)", text)
    for st in stmts:
        st = st.strip()
        if not st:
            continue
        m = DEFINE_RE.match(st)
        if m:
            out.setdefault(m.group(1), m.group(2).strip())
            continue
        m = LIMIT_RE.match(st)
        if m:
            val = m.group(3).strip()
            if m.group(2):
                val = "{" + val.strip("{} ") + "}"
            out.setdefault(m.group(1), val)
    return out


def c_eval(expr, limits, depth=0):
    """Integer value of a C constant expression, or None."""
    if expr is None or depth > 8:
        return None
    e = expr.strip()
    if e.startswith("{"):
        return None
    e = re.sub(r"\(\s*(?:unsigned\s+)?(?:int|long|long long|u8|u16|u32|u64|s32|gid_t|uid_t|"
               r"unsigned)\s*\)", "", e)
    e = re.sub(r"\b(0[xX][0-9a-fA-F]+|\d+)(?:[uU]?[lL]{0,2}|[lL]{1,2}[uU]?)\b", r"\1", e)

    def ident(m):
        name = m.group(0)
        if re.fullmatch(r"0[xX][0-9a-fA-F]+|\d+", name):
            return name
        if name in CONSTANTS:
            return str(CONSTANTS[name])
        if name in limits:
            v = c_eval(limits[name], limits, depth + 1)
            if v is not None:
                return "(%d)" % v
        raise KeyError(name)

    try:
        e2 = re.sub(r"\b\w+\b", ident, e)
    except KeyError:
        return None
    if not re.fullmatch(r"[0-9()+\-*/<>%~|& \t\n]*", e2) or not e2.strip():
        return None
    e2 = re.sub(r"(?<![/])/(?![/])", "//", e2)
    try:
        v = eval(e2, {"__builtins__": {}}, {})  # noqa: S307 - digits and operators only
    except Exception:  # noqa: BLE001
        return None
    return int(v) if isinstance(v, int) else None


def resolve_extra(val, limits, index=0):
    """(number or None, text) of an .extra1/.extra2 value."""
    if val is None:
        return None, None
    v = val.strip()
    v = re.sub(r"^\(\s*void\s*\*\s*\)\s*", "", v)
    if v in SYSCTL_CONST:
        return SYSCTL_CONST[v], v
    m = re.fullmatch(r"&\s*sysctl_vals\[(\d+)\]", v)
    if m:
        return None, v
    m = re.fullmatch(r"&\s*(\w+)(?:\[(\d+)\])?", v)
    if m:
        name = m.group(1)
        if name in limits:
            lv = limits[name]
            if lv.startswith("{"):
                elems = split_top(lv.strip("{} "))
                i = int(m.group(2) or index)
                if i < len(elems):
                    return c_eval(elems[i], limits), v
                return None, v
            return c_eval(lv, limits), v
        if name in NAMED:
            return NAMED[name], v
        if name in CONSTANTS:
            return CONSTANTS[name], v
        return None, v
    return None, v


ENTRY_FIELD_RE = re.compile(r"\.\s*(\w+)\s*=\s*", re.S)

# Procnames written as a named constant (read in the release trees):
# net/ipv4/route.c `static const char ipv4_route_flush_procname[] = "flush";`
# (Linux 5.0 .. 6.19).
PROCNAME_CONSTS = {"ipv4_route_flush_procname": "flush"}


def procname_of(v):
    """The procname literal of an entry: the first string literal (an #ifdef may
    give alternatives: arch/x86 vdso32-setup.c "vsyscall32" / "vdso_enabled"), or a
    known named constant."""
    if not v:
        return None
    if v.strip() in PROCNAME_CONSTS:
        return PROCNAME_CONSTS[v.strip()]
    m = re.match(r'\s*"([^"]+)"', v)
    return m.group(1) if m else None


# Entry macros, read in the release trees (the excerpts keep them as written).
# kernel/ucount.c UCOUNT_ENTRY(name): `.maxlen = sizeof(int)|sizeof(long), .mode =
# 0644, .proc_handler = proc_dointvec_minmax|proc_doulongvec_minmax, .extra1 =
# &zero|&ue_zero, .extra2 = &int_max|&ue_int_max` (Linux 4.9 .. 6.19).
ENTRY_MACROS = {
    "UCOUNT_ENTRY": {"mode": "0644", "proc_handler": "proc_dointvec_minmax",
                     "extra1": "SYSCTL_ZERO", "extra2": "SYSCTL_INT_MAX"},
}


def parse_entry(body):
    """Fields of one `{ .procname = ..., ... }` entry."""
    body = re.sub(r"^\s*#.*$", "", body, flags=re.M)
    fields = {}
    for part in split_top(body):
        m = re.match(r"\s*\.\s*(\w+)\s*=\s*(.*)$", part, re.S)
        if m:
            # `#ifdef A .procname = "x", #else .procname = "y", #endif`: the
            # first branch wins.
            fields.setdefault(m.group(1), re.sub(r"\s+", " ", m.group(2)).strip())
    return fields


TABLE_HEAD_RE = re.compile(
    r"(?:static\s+)?(?:const\s+)?(?:struct\s+)?ctl_table\s+(\w+)\s*\[[^\]]*\]\s*(?:__\w+\s*)*=\s*\{")


def parse_tables(text):
    """[(table name, [entry fields], {procname: #if condition})] of a table section."""
    text = strip_comments(text)
    out = []
    for m in TABLE_HEAD_RE.finditer(text):
        name = m.group(1)
        i = m.end()
        depth = 1
        entries = []
        start = None
        conds = []
        line_start = i
        while i < len(text) and depth > 0:
            ch = text[i]
            if ch == "\n":
                line_start = i + 1
            if ch == "#" and text[line_start:i].strip() == "":
                eol = text.find("\n", i)
                eol = len(text) if eol < 0 else eol
                d = text[i:eol].strip()
                if re.match(r"#\s*if", d):
                    conds.append(re.sub(r"^#\s*", "", d))
                elif re.match(r"#\s*endif", d) and conds:
                    conds.pop()
                elif re.match(r"#\s*else", d) and conds:
                    conds[-1] = "not(" + conds[-1] + ")"
                i = eol
                continue
            if depth == 1:
                mm = re.match(r"(\w+)\s*\(\s*(\"[^\"]*\")\s*\)", text[i:i + 200])
                if mm and mm.group(1) in ENTRY_MACROS and (i == 0 or not re.match(r"\w", text[i - 1])):
                    f = dict(ENTRY_MACROS[mm.group(1)])
                    f["procname"] = mm.group(2)
                    f["_macro"] = mm.group(1)
                    if conds:
                        f["_cond"] = " && ".join(conds)
                    entries.append(f)
                    i += mm.end()
                    continue
            if ch == "{":
                depth += 1
                if depth == 2:
                    start = i + 1
            elif ch == "}":
                if depth == 2 and start is not None:
                    f = parse_entry(text[start:i])
                    if conds:
                        f["_cond"] = " && ".join(conds)
                    entries.append(f)
                    start = None
                depth -= 1
            i += 1
        out.append((name, entries))
    return out


REG_RE = re.compile(
    r"(?<![A-Za-z_])register_(?:net_)?sysctl(?:_sz|_init|_table|_paths|_net_table)?\s*\(([^;]*?)\)\s*[;)]", re.S)


def parse_registers(texts):
    """[(path or None, path var or None, table name)] from register call sections."""
    out = []
    for t in texts:
        t = strip_comments(t)
        for m in REG_RE.finditer(t):
            args = [a.strip() for a in split_top(m.group(1))]
            if not args:
                continue
            lit = None
            for a in args:
                mm = re.fullmatch(r'"([^"]*)"', a)
                if mm:
                    lit = mm.group(1)
            idents = [a for a in args if re.fullmatch(r"\w+", a)]
            table = None
            for a in reversed(args):
                if re.fullmatch(r"[A-Za-z_]\w*", a) and a not in ("net", "path", "table_size"):
                    table = a
                    break
            out.append((lit, idents, table))
    return out


def mode_of(s):
    if s is None:
        return None
    s = s.strip()
    if re.fullmatch(r"0[0-7]+|\d+", s):
        return int(s, 8)
    bits = {"S_IRUGO": 0o444, "S_IWUSR": 0o200, "S_IRUSR": 0o400, "S_IXUGO": 0o111,
            "S_IWUGO": 0o222, "S_IFDIR": 0, "S_IRWXUGO": 0o777, "S_IWGRP": 0o020,
            "S_IRGRP": 0o040, "S_IROTH": 0o004}
    total = 0
    for p in s.split("|"):
        p = p.strip()
        if p not in bits:
            return None
        total |= bits[p]
    return total


def handler_of(s):
    if s is None:
        return ""
    return s.strip().lstrip("&").strip()


def load_release(version, known, memo):
    """{key: Fact} for one release.  `memo` carries (file, table) -> path across
    releases (rule 4 of the module doc)."""
    files = parse_sections(os.path.join(CTL, version + ".txt"))
    facts = {}
    for fname in sorted(files):
        sec = files[fname]
        limits = parse_limits(sec["limits"])
        tables = []
        for t in sec["tables"]:
            tables.extend(parse_tables(t))
        tmap = {}
        for name, entries in tables:
            tmap.setdefault(name, entries)
        paths = {}
        regs = parse_registers(sec["registers"])
        for lit, idents, table in regs:
            if lit is not None and table in tmap:
                paths.setdefault(table, lit)
        for m in re.finditer(r"(?<![A-Za-z_])register_sysctl_table\s*\(\s*&?(\w+)\s*\)",
                             strip_comments("\n".join(sec["registers"]))):
            # Old kernels: the table is a root table whose .child entries
            # spell out the path.
            if m.group(1) in tmap:
                paths.setdefault(m.group(1), "")
        lits = sorted({lit for lit, _, _ in regs if lit})
        if len(tmap) == 1 and len(lits) == 1:
            # One table, one literal path (the table is registered through a
            # kmemdup copy): that is its place.
            paths.setdefault(next(iter(tmap)), lits[0])
        # .child: a parent entry places its child table one level down.
        changed = True
        while changed:
            changed = False
            for name, entries in tables:
                if name not in paths and (fname, name) in TABLE_PATHS:
                    paths[name] = TABLE_PATHS[(fname, name)]
                    changed = True
                if name not in paths and name in ("root_table", "sysctl_base_table"):
                    paths[name] = ""
                    changed = True
                if name not in paths:
                    continue
                for e in entries:
                    child = e.get("child")
                    pn = e.get("procname", "")
                    if child and child.lstrip("&") in tmap and re.fullmatch(r'"[^"]*"', pn):
                        cpath = (paths[name] + "/" if paths[name] else "") + pn.strip('"')
                        if child.lstrip("&") not in paths:
                            paths[child.lstrip("&")] = cpath
                            changed = True
        for name, entries in tables:
            if name not in paths and (fname, name) in memo:
                paths[name] = memo[(fname, name)]
            if name not in paths:
                # rule 5: majority prefix of known keys
                votes = {}
                for e in entries:
                    pn = procname_of(e.get("procname", ""))
                    if not pn:
                        continue
                    for k in known.get(pn, ()):
                        pre = k[: -len(pn) - 1]
                        votes[pre] = votes.get(pre, 0) + 1
                best = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
                if best and best[0][1] >= 2 and (len(best) == 1 or best[0][1] > best[1][1]):
                    paths[name] = best[0][0].replace(".", "/")
            if name not in paths:
                continue
            memo[(fname, name)] = paths[name]
            base = paths[name].replace("/", ".")
            for e in entries:
                pn = procname_of(e.get("procname", ""))
                if e.get("child") or not pn:
                    continue
                mode = mode_of(e.get("mode"))
                if mode is not None and mode & 0o111:
                    continue  # a directory (0555): sysctl files have no x bit
                key = (base + "." if base else "") + pn
                e1, t1 = resolve_extra(e.get("extra1"), limits, 0)
                e2, t2 = resolve_extra(e.get("extra2"), limits, 0)
                data = e.get("data")
                default = None
                if data:
                    dm = re.fullmatch(r"&\s*(\w+)", data)
                    if dm and dm.group(1) in limits:
                        dv = limits[dm.group(1)]
                        if dv.startswith("{"):
                            vals = [c_eval(x, limits) for x in split_top(dv.strip("{} "))]
                            if vals and all(v is not None for v in vals):
                                default = " ".join(str(v) for v in vals)
                        else:
                            dval = c_eval(dv, limits)
                            if dval is not None:
                                default = str(dval)
                f = Fact(key=key, file=fname, table=name, procname=pn, data=data,
                         maxlen=e.get("maxlen"), mode=mode,
                         handler=handler_of(e.get("proc_handler")),
                         extra1=t1, extra2=t2, min=e1, max=e2,
                         min_expr=limits.get((t1 or "").lstrip("&").strip()),
                         max_expr=limits.get((t2 or "").lstrip("&").strip()),
                         default=default, cond=e.get("_cond"))
                # The first table that defines a key wins (a later duplicate is
                # an #ifdef alternative).
                facts.setdefault(key, f)
    # Per-interface tables kept in structs (devinet, neighbour): cut from the
    # release trees into iface-tables/ (iface_tables.py).
    import iface_tables
    for key, f in sorted(iface_tables.load_release(version).items()):
        facts.setdefault(key, f)
    return facts


def load(known):
    """[(release, {key: Fact})], oldest first.  `known` maps a procname (last
    component) to the dotted keys known to have it."""
    memo = {}
    out = []
    rels = releases()
    # Two passes so that rule 4 can use a place learnt in a later release.
    for v in rels:
        load_release(v, known, memo)
    for v in rels:
        out.append((v, load_release(v, known, memo)))
    return out


def sources():
    """{release: (repo, commit)} from SOURCES.tsv."""
    out = {}
    with open(os.path.join(CTL, "SOURCES.tsv"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    for l in lines[1:]:
        c = l.split("\t")
        if len(c) >= 3:
            out[c[0]] = (c[1], c[2])
    return out
