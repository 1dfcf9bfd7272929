#!/usr/bin/env bash
# Builds the two Rust programs in release mode against this repo's sdk-rust (a path dependency).
set -euo pipefail
command -v cargo >/dev/null || exit 3
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
# One job by default: the machine's two cores are shared.
CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}" cargo build --release --quiet >&2
mkdir -p out
cp target/release/sdk target/release/floor out/
rustc --version | cut -d' ' -f1,2
