#!/usr/bin/env bash
# Performance targets of issue 6, on the whole process, against a baseline tool.
#
#   benches/run.sh [RUNS]      (default 5 runs per case)
#   CASES="seed-guide many-files" benches/run.sh   (a subset of the cases)
#
# Generates the inputs in a temporary directory, builds the release binary, runs
# each case and its baseline alternately RUNS times, and prints the medians, the
# ratio to the baseline and the target, and peak RSS (via /usr/bin/time -v).
# hyperfine is used for the timings when it is installed.
set -euo pipefail

RUNS=${1:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml"
BIN="$ROOT/target/release/sysctl-lint"

python3 - "$TMP" <<'PY'
import os, sys
tmp = sys.argv[1]
names = ["rp_filter", "accept_redirects", "send_redirects", "accept_source_route",
         "log_martians", "secure_redirects", "arp_ignore", "arp_announce",
         "forwarding", "proxy_arp"]
# 1,000,000 distinct valid lines: 100,000 interfaces x 10 keys (about 43 MB).
with open(os.path.join(tmp, "big.conf"), "w") as f:
    for i in range(100_000):
        f.write("".join(f"net.ipv4.conf.veth{i:06d}.{n} = 1\n" for n in names))
# 5,000 files of 30 lines.
d = os.path.join(tmp, "many")
os.mkdir(d)
for i in range(5_000):
    with open(os.path.join(d, f"{i:05d}.conf"), "w") as f:
        for j in range(30):
            f.write(f"net.ipv4.conf.if{i:05d}x{j // 10}.{names[j % 10]} = 1\n")
PY
cp "$ROOT/tests/fixtures/tuning-guide.conf" "$TMP/guide.conf"

# Alternate RUNS runs of two shell commands (output discarded, after one warm-up
# run each) and print the median wall time of each, in seconds.
alternate() {
    python3 - "$RUNS" "$1" "$2" <<'PY'
import statistics, subprocess, sys, time
runs, cmds = int(sys.argv[1]), sys.argv[2:]
def once(cmd):
    t = time.perf_counter()
    subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t
for c in cmds:
    once(c)
times = [[], []]
for _ in range(runs):
    for i, c in enumerate(cmds):
        times[i].append(once(c))
print(*(statistics.median(t) for t in times))
PY
}
peak_kib() {
    { /usr/bin/time -v "$@" 2>&1 > /dev/null || true; } | awk -F': ' '/Maximum resident/ {print $2}'
}

printf '%-14s %10s %10s %8s %8s %12s\n' case lint_s base_s ratio target peak_MiB
case_() {
    local name=$1 target=$2 base=$3; shift 3
    local ours="$*" a b
    if command -v hyperfine > /dev/null; then
        local json="$TMP/h.json"
        hyperfine --runs "$RUNS" --warmup 1 --ignore-failure --style none -N \
            --export-json "$json" "$ours" "$base" > /dev/null
        read -r a b < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(r[0]["median"], r[1]["median"])' "$json")
    else
        read -r a b < <(alternate "$ours" "$base")
    fi
    local kib
    kib=$(peak_kib "$@")
    LAST_KIB=$kib
    python3 -c 'import sys; a,b,t,k=map(float,sys.argv[2:6]); r=a/b; print(f"{sys.argv[1]:<14} {a:10.4f} {b:10.4f} {r:8.1f} {t:8.0f} {k/1024:12.1f}  " + ("ok" if r<=t else "MISSED"))' \
        "$name" "$a" "$b" "$target" "$kib"
}

want() { [[ " ${CASES:-big-file seed-guide many-files} " == *" $1 "* ]]; }
BIG_KIB=
if want big-file; then
    case_ big-file 15 "grep -c = $TMP/big.conf" "$BIN" check --format short "$TMP/big.conf"
    BIG_KIB=$LAST_KIB
fi
if ! want seed-guide; then
    :
elif command -v sysctl > /dev/null; then
    case_ seed-guide 2 "sysctl --dry-run -p $TMP/guide.conf" "$BIN" check --format short "$TMP/guide.conf"
else
    echo "seed-guide: skipped (no sysctl; install procps)"
fi
if want many-files; then
    case_ many-files 15 "grep -rc = $TMP/many" "$BIN" check --format short "$TMP/many"
fi
if [ -n "$BIG_KIB" ]; then
    python3 -c 'import sys; m=float(sys.argv[1])/1024; print(f"big-file peak memory {m:.1f} MiB, target 250 MiB: " + ("ok" if m<=250 else "MISSED"))' "$BIG_KIB"
fi
