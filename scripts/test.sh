#!/usr/bin/env bash
# The one test command (README: `npm test`). Runs every suite in the repo and fails if any fails.
# Each language suite runs even when an earlier one failed, so one run reports everything.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
run() { echo "::: $*"; "$@" || { echo "::: FAILED: $*"; status=1; }; }

run npm run build
run npx vitest run
[ -d sdk-python/tests ] && run python3 -m pytest -q sdk-python/tests
[ -f sdk-go/go.mod ] && run go -C sdk-go test ./...
[ -f sdk-rust/Cargo.toml ] && run cargo test --quiet --manifest-path sdk-rust/Cargo.toml
exit $status
