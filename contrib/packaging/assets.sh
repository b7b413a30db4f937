#!/usr/bin/env bash
# Generate the files the packages ship besides the binary, from the binary itself
# (so they always match its commands and flags):
#   OUT/sysctl-lint.1.gz                 the man page (`sysctl-lint man`)
#   OUT/completions/sysctl-lint.bash     bash completion
#   OUT/completions/_sysctl-lint         zsh completion
#   OUT/completions/sysctl-lint.fish     fish completion
# Usage: contrib/packaging/assets.sh [BINARY [OUT]]
# (default target/release/sysctl-lint and target/assets, which the deb and rpm
# metadata in Cargo.toml name).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${1:-target/release/sysctl-lint}"
out="${2:-target/assets}"
mkdir -p "$out/completions"
"$bin" man | gzip -9n >"$out/sysctl-lint.1.gz"
"$bin" completions bash >"$out/completions/sysctl-lint.bash"
"$bin" completions zsh >"$out/completions/_sysctl-lint"
"$bin" completions fish >"$out/completions/sysctl-lint.fish"
echo "generated $out/sysctl-lint.1.gz and $out/completions/ from $bin"
