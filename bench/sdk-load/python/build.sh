#!/usr/bin/env bash
# Makes sure `import sst` finds this repo's sdk-python (editable install), then links the two scripts.
set -euo pipefail
command -v python3 >/dev/null || exit 3
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../../.."
if ! python3 -c "import sst, cryptography" 2>/dev/null; then
  python3 -m pip install -q -e "$root/sdk-python" >&2
fi
mkdir -p "$here/out"
chmod +x "$here/sdk.py" "$here/floor.py"
ln -sf ../sdk.py "$here/out/sdk"
ln -sf ../floor.py "$here/out/floor"
python3 -c 'import platform, cryptography; print(f"python {platform.python_version()}, cryptography {cryptography.__version__}")'
