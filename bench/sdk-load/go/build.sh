#!/usr/bin/env bash
# Builds the two Go programs against this repo's sdk-go (a replace in go.mod).
set -euo pipefail
command -v go >/dev/null || exit 3
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
mkdir -p out
go build -trimpath -o out/sdk ./sdk
go build -trimpath -o out/floor ./floor
go env GOVERSION
