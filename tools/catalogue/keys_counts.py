"""Catalogue counts of rules/keys.tsv at git commits, and what changed between the last two:

    python3 tools/catalogue/keys_counts.py 5342fde 17e2be4 HEAD
"""
import subprocess
import sys


def rows(rev):
    text = subprocess.run(["git", "show", "%s:rules/keys.tsv" % rev], check=True,
                          capture_output=True, text=True).stdout
    lines = text.splitlines()
    head = lines[0].split("\t")
    return {c[0]: dict(zip(head, c)) for c in (l.split("\t") for l in lines[1:])}


def counts(r):
    v = r.values()
    return {
        "keys": len(r),
        "first version": sum(1 for x in v if x["since"]),
        "last version": sum(1 for x in v if x["removed"]),
        "enforced range": sum(1 for x in v if x["enforced"] == "yes"),
        "read-only": sum(1 for x in v if x["access"] == "ro"),
    }


revs = sys.argv[1:]
table = [(rev, counts(rows(rev))) for rev in revs]
print("%-16s" % "" + "".join("%12s" % rev for rev, _ in table))
for k in table[0][1]:
    print("%-16s" % k + "".join("%12d" % c[k] for _, c in table))
if len(revs) >= 2:
    a, b = rows(revs[-2]), rows(revs[-1])
    for col in ("status", "since", "removed", "access", "enforced"):
        ch = sorted(k for k in set(a) & set(b) if a[k][col] != b[k][col])
        print("%s changed %s..%s: %d" % (col, revs[-2], revs[-1], len(ch)))
        for k in ch:
            print("  %s: %s -> %s" % (k, a[k][col] or "-", b[k][col] or "-"))
