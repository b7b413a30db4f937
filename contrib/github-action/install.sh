#!/usr/bin/env bash
# Step 1 of the GitHub Action (action.yml): make `sysctl-lint` available.
#
# 1. A `sysctl-lint` already on PATH at the wanted version is used as it is.
# 2. Else the release binary for the runner (Linux x64 or ARM64): the asset
#    `sysctl-lint-<target>.tar.gz` (holding the `sysctl-lint` executable) of the
#    release `v<version>` of the action's repository, checked against
#    `<asset>.sha256` when the release has one.
# 3. Else `cargo install --locked` from the action's own source (the version the
#    workflow pinned with `uses: ...@ref`), or from crates.io for an explicit
#    `version` input that differs from it.
#
# The wanted version is the `version` input, else the one in the action's
# Cargo.toml. The directory of the executable is added to $GITHUB_PATH and given
# as the step output `bin`.
#
# Environment: INPUT_VERSION, GITHUB_ACTION_PATH (the action's checkout:
# .../_actions/OWNER/REPO/REF), RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_PATH,
# GITHUB_OUTPUT; SYSCTL_LINT_RELEASE_BASE replaces
# https://github.com/OWNER/REPO/releases/download (a mirror).
set -euo pipefail

src="${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
source_version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$src/Cargo.toml" | head -n 1)
want="${INPUT_VERSION:-}"
want="${want#v}"
[ -n "$want" ] || want="$source_version"
out="${GITHUB_OUTPUT:-/dev/null}"
path_file="${GITHUB_PATH:-/dev/null}"
tmp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"

found() {
  local bin="$1" how="$2"
  echo "sysctl-lint $want: $how ($bin)"
  echo "bin=$(dirname "$bin")" >>"$out"
  echo "$(dirname "$bin")" >>"$path_file"
  exit 0
}

# 1. Already installed.
if current=$(command -v sysctl-lint 2>/dev/null); then
  have=$("$current" --version 2>/dev/null | awk '{print $2}')
  if [ "$have" = "$want" ]; then
    found "$current" "already installed"
  fi
  echo "sysctl-lint $have is on PATH, $want is wanted"
fi

# 2. A release binary.
case "${RUNNER_OS:-$(uname -s)}-${RUNNER_ARCH:-$(uname -m)}" in
  Linux-X64 | Linux-x86_64) target=x86_64-unknown-linux-musl ;;
  Linux-ARM64 | Linux-aarch64) target=aarch64-unknown-linux-musl ;;
  *) target= ;;
esac
base="${SYSCTL_LINT_RELEASE_BASE:-}"
if [ -z "$base" ]; then
  # GITHUB_ACTION_PATH is .../_actions/OWNER/REPO/REF for a published action.
  case "$src" in
    */_actions/*/*/*)
      rest="${src#*/_actions/}"
      owner="${rest%%/*}"
      rest="${rest#*/}"
      repo="${rest%%/*}"
      base="https://github.com/$owner/$repo/releases/download"
      ;;
  esac
fi
if [ -n "$target" ] && [ -n "$base" ]; then
  asset="sysctl-lint-$target.tar.gz"
  url="$base/v$want/$asset"
  dir="$tmp/sysctl-lint-$want"
  mkdir -p "$dir"
  if curl -fsSL --retry 2 -o "$dir/$asset" "$url"; then
    if curl -fsSL -o "$dir/$asset.sha256" "$url.sha256" 2>/dev/null; then
      (cd "$dir" && echo "$(awk '{print $1}' "$asset.sha256")  $asset" | sha256sum -c --quiet -)
    fi
    tar -xzf "$dir/$asset" -C "$dir"
    bin=$(find "$dir" -type f -name sysctl-lint -perm -u+x | head -n 1)
    if [ -n "$bin" ] && [ "$("$bin" --version | awk '{print $2}')" = "$want" ]; then
      found "$bin" "release binary $url"
    fi
    echo "the release archive $url has no sysctl-lint $want executable"
  else
    echo "no release binary at $url"
  fi
fi

# 3. Build it.
command -v cargo >/dev/null 2>&1 || {
  echo "::error title=sysctl-lint::no release binary for this runner and no cargo to build sysctl-lint $want"
  exit 1
}
prefix="$tmp/sysctl-lint-cargo"
if [ "$want" = "$source_version" ]; then
  echo "building sysctl-lint $want from the action's source (cargo install --locked)"
  cargo install --locked --root "$prefix" --path "$src"
else
  echo "building sysctl-lint $want from crates.io (cargo install --locked)"
  cargo install --locked --root "$prefix" --version "$want" sysctl-lint
fi
found "$prefix/bin/sysctl-lint" "built with cargo install"
