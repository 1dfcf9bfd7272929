#!/usr/bin/env bash
# The one test command (README: `npm test`). Runs every suite in the repo and fails if any fails.
# Each suite runs even when an earlier one failed, so one run reports everything.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
run() { echo "::: $*"; "$@" || { echo "::: FAILED: $*"; status=1; }; }

# The Python SDK's test dependencies, when this machine does not have them yet.
python3 -c "import sst, pytest, cryptography" 2>/dev/null || python3 -m pip install -q -e "sdk-python[test]"
# moto's server: the AWS endpoint of the aws home's tests (plugins/aws/test/_moto.ts), which fail without it here.
python3 -c "import moto.server" 2>/dev/null || python3 -m pip install -q "moto[server]==5.2.5"
export SST_REQUIRE_MOTO=1
# uv: the python builder's tests build with uv and with pip (plugins/aws/test/build-python.test.ts).
command -v uv >/dev/null 2>&1 || python3 -m pip install -q "uv==0.13.9"

# A real Pulumi engine for the deploy tests: built once from the Go module proxy, cached outside the repo
# (scripts/pulumi/README.md). The engine suites fail rather than skip when it is missing.
if [ -z "${SST_PULUMI_PATH:-}" ]; then
  SST_PULUMI_PATH=$(bash scripts/pulumi/build.sh | tail -n 1) || { echo "::: FAILED: scripts/pulumi/build.sh"; status=1; }
  export SST_PULUMI_PATH
fi
export SST_REQUIRE_ENGINE=1

run npm run build
run npx tsc -p tsconfig.test.json
run npx vitest run
run python3 -m pytest -q sdk-python/tests
run go -C sdk-go test ./...
run go -C plugins/live/bridge test ./...
run cargo test --quiet --manifest-path sdk-rust/Cargo.toml
exit $status
