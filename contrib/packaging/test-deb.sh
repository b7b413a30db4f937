#!/usr/bin/env bash
# Install a built .deb on this machine (root), use the installed sysctl-lint as a
# user would, and remove it: the package test of .ci/run.
#   contrib/packaging/test-deb.sh target/debian/sysctl-lint_*.deb
# Checks: dpkg -i; /usr/bin/sysctl-lint --version is the package's version;
# `sysctl-lint check` on the shipped example finds what it should (exit 1);
# `man -w sysctl-lint` finds the man page; the bash, zsh and fish completions
# and the docs are in place, and bash completes a subcommand; pre-commit (when
# installed) runs the installed binary through the shipped
# examples/pre-commit-config.yaml; `dpkg -r` removes every file.
set -euo pipefail
deb="$1"
pkg=$(dpkg-deb -f "$deb" Package)
version=$(dpkg-deb -f "$deb" Version)
fail() {
  echo "test-deb: FAILED: $*" >&2
  exit 1
}
if dpkg -s "$pkg" >/dev/null 2>&1; then
  fail "$pkg is already installed on this machine; remove it first (dpkg -r $pkg)"
fi
trap 'dpkg -r "$pkg" >/dev/null 2>&1 || true' EXIT

echo "test-deb: dpkg -i $deb"
dpkg -i "$deb"
[ "$(dpkg-query -W -f '${Status}' "$pkg")" = "install ok installed" ] || fail "not installed"
[ "$(command -v sysctl-lint)" = /usr/bin/sysctl-lint ] || fail "sysctl-lint on PATH is $(command -v sysctl-lint)"
/usr/bin/sysctl-lint --version | grep -qx "sysctl-lint ${version%-*}" || fail "version: $(/usr/bin/sysctl-lint --version)"

example=/usr/share/doc/$pkg/examples/tuning-guide.conf
echo "test-deb: /usr/bin/sysctl-lint check $example"
set +e
report=$(cd / && /usr/bin/sysctl-lint check --format short --color never "$example")
code=$?
set -e
printf '%s\n' "$report" | head -n 5
[ "$code" -eq 1 ] || fail "check exited $code, expected 1 (findings)"
for code in SL101 SL201 SL202 SL305 SL401; do
  grep -q "\[$code\]" <<<"$report" || fail "no $code finding in the report"
done
echo "test-deb: $(wc -l <<<"$report") findings"

man_page=$(man -w sysctl-lint) || fail "man -w sysctl-lint found nothing"
echo "test-deb: man -w sysctl-lint -> $man_page"
[ "$man_page" = /usr/share/man/man1/sysctl-lint.1.gz ] || fail "man page at $man_page"
zcat "$man_page" | grep -qi '^\.TH sysctl-lint ' || fail "the man page has no .TH header"

for f in /usr/share/bash-completion/completions/sysctl-lint \
  /usr/share/zsh/vendor-completions/_sysctl-lint \
  /usr/share/fish/vendor_completions.d/sysctl-lint.fish \
  /usr/share/doc/"$pkg"/README.md /usr/share/doc/"$pkg"/copyright \
  /usr/share/doc/"$pkg"/examples/pre-commit-config.yaml; do
  [ -s "$f" ] || fail "missing $f"
done
completed=$(bash -c 'source /usr/share/bash-completion/completions/sysctl-lint
  COMP_WORDS=(sysctl-lint ser); COMP_CWORD=1; COMP_LINE="sysctl-lint ser"; COMP_POINT=${#COMP_LINE}
  fn=$(complete -p sysctl-lint | sed -n "s/.* -F \([^ ]*\) .*/\1/p")
  "$fn" sysctl-lint ser sysctl-lint; echo "${COMPREPLY[*]}"')
[[ " $completed " == *" server "* ]] || fail "bash completion of 'sysctl-lint ser': '$completed'"
echo "test-deb: bash completes 'sysctl-lint ser' to '$completed'"

# The shipped pre-commit configuration runs the installed binary.
if command -v pre-commit >/dev/null 2>&1 && command -v git >/dev/null 2>&1; then
  repo=$(mktemp -d)
  mkdir -p "$repo/etc/sysctl.d"
  cp "$example" "$repo/etc/sysctl.d/50-tuning.conf"
  printf 'net.ipv4.tcp_syncookies = 1\n' >"$repo/etc/sysctl.d/10-clean.conf"
  cp /usr/share/doc/"$pkg"/examples/pre-commit-config.yaml "$repo/.pre-commit-config.yaml"
  (
    cd "$repo"
    git init -q . && git add -A
    export PRE_COMMIT_HOME="$repo/.cache"
    set +e
    out=$(pre-commit run --files etc/sysctl.d/50-tuning.conf 2>&1)
    code=$?
    clean=$(pre-commit run --files etc/sysctl.d/10-clean.conf 2>&1)
    clean_code=$?
    set -e
    [ "$code" -eq 1 ] && grep -q 'SL202 removed-key' <<<"$out" ||
      fail "pre-commit on the tuning guide exited $code: $out"
    [ "$clean_code" -eq 0 ] || fail "pre-commit on a clean file exited $clean_code: $clean"
    echo "test-deb: pre-commit $(pre-commit --version | awk '{print $2}') with examples/pre-commit-config.yaml: fails on the guide, passes a clean file"
  )
  rm -rf "$repo"
else
  echo "test-deb: SKIPPED: pre-commit or git is missing; the shipped pre-commit configuration was not run"
fi

files=$(dpkg -L "$pkg" | while read -r f; do [ -f "$f" ] && echo "$f"; done)
echo "test-deb: dpkg -r $pkg"
dpkg -r "$pkg"
trap - EXIT
for f in $files; do
  [ ! -e "$f" ] || fail "$f is still there after dpkg -r"
done
! command -v sysctl-lint >/dev/null 2>&1 || [ "$(command -v sysctl-lint)" != /usr/bin/sysctl-lint ] ||
  fail "/usr/bin/sysctl-lint is still there"
echo "test-deb: ok ($pkg $version installed, used and removed)"
