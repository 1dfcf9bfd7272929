#!/usr/bin/env bash
# One entry for the SDK load bench: every language folder with a build.sh (js, python, go, rust),
# or only those named. Rewrites results.md. See README.md for the method and the convention.
#   bash bench/sdk-load/run.sh [lang...]
#   env: RUNS per program (default 40, split over ROUNDS, default 4), WARMUP per round (default 3),
#        TIMER=node to use the interleaving Node timer even when hyperfine is installed
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
runs="${RUNS:-40}"
rounds="${ROUNDS:-4}"
per_round=$(( (runs + rounds - 1) / rounds ))
runs=$(( per_round * rounds ))
warmup="${WARMUP:-3}"
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
  # Rounds alternate which program goes first, so a busy spell on a shared machine lands on both.
  for round in $(seq 1 "$rounds"); do
    order=(sdk floor); [ $((round % 2)) -eq 0 ] && order=(floor sdk)
    out_json="$fixture/timings-$lang-$round.json"
    if use_hyperfine; then
      hyperfine -N --style basic --runs "$per_round" --warmup "$warmup" --export-json "$out_json" \
        --command-name "${order[0]}" "$dir/out/${order[0]}" --command-name "${order[1]}" "$dir/out/${order[1]}" >/dev/null
    else
      node "$here/measure.mjs" "$out_json" "$per_round" "$warmup" "${order[0]}=$dir/out/${order[0]}" "${order[1]}=$dir/out/${order[1]}"
    fi
  done
  summary+=("$lang=$toolchain")
done
node "$here/summarize.mjs" "$fixture" "$runs" "$tool" "${summary[@]}"
