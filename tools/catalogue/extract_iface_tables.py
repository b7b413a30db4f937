"""Cut the per-interface sysctl tables out of kernel release trees.

devinet's table (`net/ipv4/devinet.c`: `devinet_sysctl`, `DEVINET_SYSCTL_*_ENTRY`)
and the neighbour table (`net/core/neighbour.c`: `neigh_sysctl_template`,
`NEIGH_SYSCTL_*_ENTRY`) are struct members filled by macros, which the
ctl-tables excerpts of ../shared/reference do not hold.  This script writes,
per release of `iface-tables/SOURCES.tsv`, verbatim excerpts of the two files:

    iface-tables/<release>/devinet.c.txt
    iface-tables/<release>/neighbour.c.txt

Each holds, in file order, the entry macros and the table, the handlers the
table names that are defined in the same file, and (neighbour.c) the
registration function that cuts the table short for real devices.  Every block
is preceded by a `==> <path>:<first line>-<last line>` line.

Usage (a git directory per release, with the commit of SOURCES.tsv):

    python3 tools/catalogue/extract_iface_tables.py GITDIR_TEMPLATE

GITDIR_TEMPLATE is formatted with `{owner}` and `{name}` of the repository
(for example `/srv/mirror/{owner}+{name}/repo`).  The subdirectory column
names trees kept below the repository root.  `iface_tables.py` reads the
result.  Standard library only.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "iface-tables")

FILES = {
    "devinet.c": "net/ipv4/devinet.c",
    "neighbour.c": "net/core/neighbour.c",
    # Up to 4.4 addrconf's table is a struct member too (`addrconf_sysctl.addrconf_vars`);
    # from 4.9 it is a plain `addrconf_sysctl[]` array, which the ctl-tables excerpts hold.
    "addrconf.c": "net/ipv6/addrconf.c",
}


def read_sources():
    rows = []
    with open(os.path.join(OUT, "SOURCES.tsv"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    head = lines[0].split("\t")
    for line in lines[1:]:
        c = dict(zip(head, line.split("\t")))
        rows.append(c)
    return rows


def block_end(lines, i, col=0):
    """Index of the line `};` or `}` that closes the top-level block opened at
    or after column col of line i (brace counting)."""
    depth = 0
    opened = False
    for j in range(i, len(lines)):
        s = lines[j][col:] if j == i else lines[j]
        s = re.sub(r"/\*.*?\*/|//.*$|\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])'", "", s)
        for ch in s:
            if ch == "{":
                depth += 1
                opened = True
            elif ch == "}":
                depth -= 1
        if opened and depth == 0:
            return j
    raise ValueError("unclosed block at line %d" % (i + 1))


def function_span(lines, name):
    for i, l in enumerate(lines):
        if re.match(r"^(?:static\s+)?(?:int|void)\s+%s\s*\(" % re.escape(name), l):
            return i, block_end(lines, i)
    return None


def table_span(lines, first_define, table_var):
    start = None
    for i, l in enumerate(lines):
        if start is None and re.match(first_define, l):
            start = i
        m = re.search(r"\b%s\b\s*(?:__read_mostly\s*)?=\s*\{" % table_var, l)
        if start is not None and m:
            return start, block_end(lines, i, m.start())
    raise ValueError("table %s not found" % table_var)


def excerpt(lines, spans, path):
    out = []
    for a, b in sorted(set(spans)):
        out.append("==> %s:%d-%d" % (path, a + 1, b + 1))
        out.extend(lines[a:b + 1])
        out.append("")
    return "\n".join(out)


def handlers_in(text):
    return sorted(set(re.findall(r"\.proc_handler\s*=\s*&?(\w+)", text)) |
                  set(re.findall(r"ENTRY\s*\([^()]*?,\s*(\w+)\s*\)", text)) |
                  set(re.findall(r"^#define\s+\w+\([^)]*\)\s*\\?\s*\n?\s*\w+\([^)]*,\s*(\w+)\)",
                                 text, re.M)))


def cut(src, fname, path):
    lines = src.split("\n")
    if fname == "addrconf.c":
        if not re.search(r"\.addrconf_vars\s*=\s*\{", src):
            return None
        spans = [table_span(lines, r"^static struct addrconf_sysctl_table\b", "addrconf_sysctl")]
    elif fname == "devinet.c":
        spans = [table_span(lines, r"^#define\s+DEVINET_SYSCTL_ENTRY\b", "devinet_sysctl")]
    else:
        spans = [table_span(lines, r"^(?:#define\s+(?:NEIGH_PARMS_DATA_OFFSET|NEIGH_VARS_MAX)\b|static struct neigh_sysctl_table\b)",
                            "neigh_sysctl_template")]
        reg = function_span(lines, "neigh_sysctl_register")
        if reg:
            spans.append(reg)
    text = "\n".join(lines[spans[0][0]:spans[0][1] + 1])
    for h in handlers_in(text):
        sp = function_span(lines, h)
        if sp:
            spans.append(sp)
            # a handler that hands over to another local handler
            body = "\n".join(lines[sp[0]:sp[1] + 1])
            for callee in re.findall(r"\b((?:neigh_proc|proc_unres|devinet_conf|ipv4_doint|addrconf_sysctl)\w*)\s*\(", body):
                sp2 = function_span(lines, callee)
                if sp2:
                    spans.append(sp2)
    return excerpt(lines, spans, path)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    tmpl = sys.argv[1]
    for row in read_sources():
        owner, name = row["repo"].split("/")
        gitdir = tmpl.format(owner=owner, name=name)
        if os.path.isdir(os.path.join(gitdir, ".git")):
            gitdir = os.path.join(gitdir, ".git")
        sub = row.get("subdir", "")
        d = os.path.join(OUT, row["version"])
        os.makedirs(d, exist_ok=True)
        for fname, path in FILES.items():
            print(row["version"], path, file=sys.stderr)
            src = subprocess.run(["git", "--git-dir", gitdir, "show",
                                  "%s:%s%s" % (row["commit"], sub + "/" if sub else "", path)],
                                 check=True, capture_output=True).stdout.decode("utf-8", "replace")
            text = cut(src, fname, path)
            if text is None:
                continue
            with open(os.path.join(d, fname + ".txt"), "w", encoding="utf-8") as f:
                f.write("# %s of Linux %s, %s commit %s (verbatim excerpts)\n\n"
                        % (path, row["version"], row["repo"], row["commit"]))
                f.write(text)


if __name__ == "__main__":
    main()
