#!/usr/bin/env bash
# One entry for the SDK load bench: every language folder with a build.sh (js, python, go, rust),
# or only those named. Rewrites results.md. See README.md for the method and the convention.
#   bash bench/sdk-load/run.sh [lang...]
#   env: RUNS (default 30), WARMUP (default 5), TIMER=node to use the interleaving Node timer
#   even when hyperfine is installed (steadier on a busy machine)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
runs="${RUNS:-30}"
warmup="${WARMUP:-5}"
fixture="$here/fixture"

if [ $# -gt 0 ]; then langs=("$@"); else
  langs=(); for d in "$here"/*/; do [ -x "$d/build.sh" ] && langs+=("$(basename "$d")"); done
fi

rm -rf "$fixture" && node "$here/make-fixture.mjs" "$fixture"
# The programs' env: exactly the encoder's output (SST_RESOURCE_App, SST_KEY, SST_KEY_FILE).
while IFS= read -r line; do export "${line%%=*}=${line#*=}"; done < <(
  node -e 'for (const [k, v] of Object.entries(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")))) console.log(`${k}=${v}`)' "$fixture/env.json"
)
cd "$fixture"

use_hyperfine() { [ "${TIMER:-}" != node ] && command -v hyperfine >/dev/null; }
if use_hyperfine; then tool="hyperfine $(hyperfine --version | cut -d' ' -f2)"; else tool="measure.mjs (interleaved node spawn loop)"; fi
summary=()
for lang in "${langs[@]}"; do
  dir="$here/$lang"
  echo "::: $lang: build"
  set +e; out="$("$dir/build.sh")"; status=$?; set -e
  if [ $status -eq 3 ]; then echo "::: $lang: toolchain missing, skipped"; summary+=("$lang=missing toolchain"); continue; fi
  [ $status -eq 0 ] || { echo "::: $lang: build failed ($status)"; exit 1; }
  toolchain="$(printf '%s\n' "$out" | tail -n 1)"
  for prog in sdk floor; do
    got="$("$dir/out/$prog")"
    [ "$got" = "bench-bucket-042" ] || { echo "::: $lang/$prog printed '$got', expected bench-bucket-042"; exit 1; }
  done
  echo "::: $lang: timing ($toolchain)"
  if use_hyperfine; then
    hyperfine -N --runs "$runs" --warmup "$warmup" --export-json "$fixture/timings-$lang.json" \
      --command-name "$lang sdk" "$dir/out/sdk" --command-name "$lang floor" "$dir/out/floor"
  else
    node "$here/measure.mjs" "$fixture/timings-$lang.json" "$runs" "$warmup" "$dir/out/sdk" "$dir/out/floor"
  fi
  summary+=("$lang=$toolchain")
done
node "$here/summarize.mjs" "$fixture" "$runs" "$tool" "${summary[@]}"
