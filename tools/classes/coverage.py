"""How many catalogue keys each class of issue 15 covers, from rules/ (the
catalogue and the class data). Prints a Markdown table for rules/CLASSES.md.
Python 3.11, stdlib only; run from the repository root:

    python3 tools/classes/coverage.py

The criteria repeat the rules' (src/rules/sl*.rs); where a rule names keys in
code, they are listed here with the file.
"""
import re

INT_MIN = -2147483648


def tsv(path):
    lines = [l for l in open(path, encoding="utf-8").read().splitlines() if l.strip()]
    hdr = lines[0].split("\t")
    return [dict(zip(hdr, (l.split("\t") + [""] * len(hdr))[: len(hdr)])) for l in lines[1:]]


keys = tsv("rules/keys.tsv")
usable = [k for k in keys if k["status"] not in ("removed", "moved")]
by_key = {k["key"]: k for k in keys}


def catalogue_key(written):
    """The catalogue row of a data key (`net.ipv4.conf.all.forwarding` is the
    `<dev>` row)."""
    if written in by_key:
        return written
    parts = written.split(".")
    for k in by_key:
        kp = k.split(".")
        if len(kp) == len(parts) and all(a == b or (b.startswith("<") and b.endswith(">")) for a, b in zip(parts, kp)):
            return k
    return None


def distinct(names):
    return sorted({catalogue_key(n) or n for n in names})


aliases = tsv("rules/aliases.tsv")
relations = tsv("rules/relations.tsv")
advice = tsv("rules/advice.tsv")
actions = tsv("rules/actions.tsv")

rows = []
alias_keys = distinct([a["key"] for a in aliases] + [a["alias"] for a in aliases])
rows.append(("aliases: two names of one variable (SL401, SL402, SL403)", len(alias_keys), f"{len(aliases)} pairs in rules/aliases.tsv"))
for kind, code in (("le", "SL308"), ("enforced", "SL407"), ("needs", "SL310")):
    rs = [r for r in relations if r["kind"] == kind]
    ks = distinct([r["a"] for r in rs] + [r["b"] for r in rs])
    rows.append((f"relations `{kind}` ({code})", len(ks), f"{len(rs)} rows in rules/relations.tsv"))
adv_keys = distinct([a["key"] for a in advice])
rows.append(("documented advice (SL307)", len(adv_keys), f"{len(advice)} rows in rules/advice.tsv; tcp_max_tw_buckets is SL505's"))
switches = [k for k in usable if k["values"].replace(" ", "") == "0,1"]
rows.append(("0/1 switches given another number (SL302)", len(switches), "catalogue keys whose documented values are exactly 0 and 1"))
TIMES = {"seconds", "ms", "us", "jiffies"}
AMOUNTS = {"count", "bytes", "kbytes", "pages", "packets"}
neg = [
    k
    for k in usable
    if k["type"] == "int"
    and k["access"] != "ro"
    and k["unit"] in TIMES | AMOUNTS
    and (k["min"] == "" or int(k["min"]) <= INT_MIN)
]
rows.append(("negative times and amounts (SL306)", len(neg), "int keys with a time or amount unit and no lower bound above the C type's"))
rows.append(("one-shot action keys (SL210)", len(actions), "rules/actions.tsv"))
scalars = re.findall(r'\("([a-z0-9_.-]+)", Role::', open("src/rules/sl602_mem_pages_look_like_bytes.rs", encoding="utf-8").read())
units = len(scalars) + 3 + 1  # the three *_mem vectors and kernel.shmall
rows.append(("byte/page unit confusion (SL602, SL308 shmmax/shmall)", units, f"{len(scalars)} KiB/page/huge-page scalars (SCALARS in sl602), tcp_mem, udp_mem, sctp_mem, shmall"))
iface = [k for k in usable if re.match(r"net\.ipv[46]\.(conf|neigh)\.<dev>\.", k["key"])]
rows.append(("template syntax taken as an interface name (SL208)", len(iface), "every key is checked; these are the ones where the catalogue would take it for an interface"))
rows.append(("per-interface keys (SL209)", len(iface), "net.ipv{4,6}.{conf,neigh}.<dev>.* for a named interface"))
rows.append(("did-you-mean for every unknown key, one-component keys as errors (SL201)", len(usable), "every usable catalogue key can be suggested"))
removed_switches = [k for k in keys if k["status"] == "removed" and k["type"] == "bool" and k["default"] == "0"]
rows.append(("quiet: removed on/off switch written as 0 (SL202 warning)", len(removed_switches), ", ".join(k["key"] for k in removed_switches)))
rows.append(("quiet: kernel.printk with fewer than four values (SL304)", 1, "kernel.printk"))

print("| class | catalogue keys | what is counted |")
print("|---|---|---|")
for name, n, what in rows:
    print(f"| {name} | {n} | {what} |")
