#!/usr/bin/env bash
# Build the Debian package: the release binary, the generated man page and
# completions (assets.sh), then `cargo deb --no-build` with the metadata in
# Cargo.toml ([package.metadata.deb]). Needs cargo-deb
# (`cargo install cargo-deb --locked`). Prints the path of the .deb last.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --locked
contrib/packaging/assets.sh target/release/sysctl-lint target/assets
cargo deb --no-build --locked --output target/debian/ "$@" | tail -n 1
