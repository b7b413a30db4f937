#!/usr/bin/env bash
# Build the RPM: the release binary, the generated man page and completions
# (assets.sh), then `cargo generate-rpm` with the metadata in Cargo.toml
# ([package.metadata.generate-rpm]). Needs cargo-generate-rpm
# (`cargo install cargo-generate-rpm --locked`); no rpmbuild.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --locked
contrib/packaging/assets.sh target/release/sysctl-lint target/assets
strip -s -o target/assets/sysctl-lint target/release/sysctl-lint
cargo generate-rpm "$@"
ls target/generate-rpm/*.rpm
