#!/usr/bin/env bash
# Performance targets of issue 6, on the whole process, against a baseline tool,
# and the linear paths of issue 12 (part 8), each against itself on a smaller input.
#
#   benches/run.sh [RUNS]      (default 5 runs per case)
#   CASES="seed-guide many-files" benches/run.sh   (a subset of the cases)
#
# Generates the inputs in a temporary directory, builds the release binary, runs
# each case and its baseline alternately RUNS times, and prints the medians, the
# ratio to the baseline and the target, and peak RSS (via /usr/bin/time -v).
# hyperfine is used for the timings when it is installed.
#
# The release profile strips symbols (the binary that is installed). To profile a
# case, build the `profiling` profile (release code with line tables and symbols)
# and point perf or samply at it:
#   cargo build --profile profiling && perf record -g target/profiling/sysctl-lint check FILE
#
# The scaling cases run an input 4 times the size of their baseline's: a linear
# path takes about 4 times as long (less, with the fixed start-up cost), a
# quadratic one 16 times; the target is 8 (memory effects and other load on the
# machine move the ratio of a linear path up to about 6).
#   suppressions  100,000 directive/finding pairs against 25,000
#   fleet         8,000 hosts against 2,000, 43 keys with a distinct value per host
#   globs         10,000 glob lines and live keys against 2,500 (`audit --snapshot`)
# unknown-keys compares 300,000 identical unknown-key lines with 300,000 identical
# catalogued ones (the did-you-mean is computed once per distinct key): target 2.
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

# Inputs of the scaling cases (issue 12, part 8).
python3 - "$TMP" <<'PY'
import os, sys
tmp = sys.argv[1]
names = ["rp_filter", "accept_redirects", "send_redirects", "accept_source_route",
         "log_martians", "secure_redirects", "arp_ignore", "arp_announce",
         "forwarding", "proxy_arp"]
for n in (25_000, 100_000):
    with open(os.path.join(tmp, f"suppress{n}.conf"), "w") as f:
        for i in range(n):
            f.write("# sysctl-lint: disable=SL305\n")
            f.write(f"net.ipv4.conf.veth{i:07d}.{names[i % 10]} = 1 # on\n")
with open(os.path.join(tmp, "unknown.conf"), "w") as f:
    f.write("net.ipv4.tcp_timestsmps = 0\n" * 300_000)
with open(os.path.join(tmp, "known.conf"), "w") as f:
    f.write("net.ipv4.tcp_timestamps = 0\n" * 300_000)
keys = [f"net.ipv4.conf.eth{j}.{nm}" for j in range(4) for nm in names]
keys += ["net.ipv4.tcp_syncookies", "vm.swappiness", "net.core.somaxconn"]
for n in (2_000, 8_000):
    d = os.path.join(tmp, f"fleet{n}")
    os.mkdir(d)
    for i in range(n):
        with open(os.path.join(d, f"host{i:06d}.txt"), "w") as f:
            f.write(f"kernel.osrelease = 6.8.0-generic\nkernel.hostname = host{i:06d}\n")
            f.write("".join(f"{k} = {1000 + i}\n" for k in keys))
for n in (2_500, 10_000):
    d = os.path.join(tmp, f"globs{n}", "etc", "sysctl.d")
    os.makedirs(d)
    with open(os.path.join(d, "50-globs.conf"), "w") as f:
        for i in range(n):
            f.write(f"net.ipv4.conf.veth{i:06d}*.rp_filter = 1\n")
    with open(os.path.join(tmp, f"globs{n}.txt"), "w") as f:
        f.write("kernel.osrelease = 6.8.0-generic\n")
        for i in range(n):
            f.write(f"net.ipv4.conf.veth{i:06d}.rp_filter = 2\n")
PY
mkdir -p "$TMP/empty-root"

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

want() { [[ " ${CASES:-big-file seed-guide many-files suppressions unknown-keys fleet globs} " == *" $1 "* ]]; }
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
if want suppressions; then
    case_ suppressions 8 "$BIN check --format short $TMP/suppress25000.conf" \
        "$BIN" check --format short "$TMP/suppress100000.conf"
fi
if want unknown-keys; then
    case_ unknown-keys 2 "$BIN check --format short $TMP/known.conf" \
        "$BIN" check --format short "$TMP/unknown.conf"
fi
if want fleet; then
    case_ fleet 8 "$BIN audit --root $TMP/empty-root --loader systemd --snapshot $TMP/fleet2000 --format json" \
        "$BIN" audit --root "$TMP/empty-root" --loader systemd --snapshot "$TMP/fleet8000" --format json
fi
if want globs; then
    case_ globs 8 "$BIN audit --root $TMP/globs2500 --loader systemd --snapshot $TMP/globs2500.txt --format json" \
        "$BIN" audit --root "$TMP/globs10000" --loader systemd --snapshot "$TMP/globs10000.txt" --format json
fi
if [ -n "$BIG_KIB" ]; then
    python3 -c 'import sys; m=float(sys.argv[1])/1024; print(f"big-file peak memory {m:.1f} MiB, target 250 MiB: " + ("ok" if m<=250 else "MISSED"))' "$BIG_KIB"
fi
