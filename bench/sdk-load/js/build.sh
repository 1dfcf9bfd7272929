#!/usr/bin/env bash
# Builds @sst/sdk's dist (what `import { Resource } from "@sst/sdk"` loads) and links the programs.
set -euo pipefail
command -v node >/dev/null || exit 3
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../../.."
node "$root/node_modules/typescript/bin/tsc" -p "$root/sdk-js/tsconfig.json"
mkdir -p "$here/out"
chmod +x "$here/sdk.mjs" "$here/floor.mjs"
ln -sf ../sdk.mjs "$here/out/sdk"
ln -sf ../floor.mjs "$here/out/floor"
echo "node $(node --version)"
