#!/usr/bin/env bash
# `sst --help` against `node -e 0`, in examples/app-hello (an app whose dependencies include plugin-hello,
# so help reads a plugin manifest too). Rewrites results.md. Needs a build (`npm run build`).
#   bash bench/cli-help/run.sh
#   env: RUNS per command (default 60, split over ROUNDS, default 4), WARMUP per round (default 5),
#        TIMER=node to use the interleaving Node timer even when hyperfine is installed
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
runs="${RUNS:-60}"
rounds="${ROUNDS:-4}"
per_round=$(( (runs + rounds - 1) / rounds ))
runs=$(( per_round * rounds ))
warmup="${WARMUP:-5}"
out="$here/.timings"
node="$(command -v node)"
help="$node $repo/cli/bin/sst.js --help"
floor="$node -e 0"

cd "$repo/examples/app-hello"
# The thing timed must be the full listing, plugin command included.
"$node" "$repo/cli/bin/sst.js" --help | grep -q "hello" || { echo "sst --help does not list plugin-hello's command"; exit 1; }

rm -rf "$out" && mkdir -p "$out"
use_hyperfine() { [ "${TIMER:-}" != node ] && command -v hyperfine >/dev/null; }
if use_hyperfine; then tool="hyperfine $(hyperfine --version | cut -d' ' -f2)"; else tool="measure.mjs (interleaved node spawn loop)"; fi
# Rounds alternate which command goes first, so a busy spell on a shared machine lands on both.
for round in $(seq 1 "$rounds"); do
  names=(help floor); [ $((round % 2)) -eq 0 ] && names=(floor help)
  cmd() { if [ "$1" = help ]; then echo "$help"; else echo "$floor"; fi; }
  if use_hyperfine; then
    hyperfine -N --style basic --runs "$per_round" --warmup "$warmup" --export-json "$out/round-$round.json" \
      --command-name "${names[0]}" "$(cmd "${names[0]}")" --command-name "${names[1]}" "$(cmd "${names[1]}")" >/dev/null
  else
    "$node" "$repo/bench/sdk-load/measure.mjs" "$out/round-$round.json" "$per_round" "$warmup" \
      "${names[0]}=$(cmd "${names[0]}")" "${names[1]}=$(cmd "${names[1]}")"
  fi
done
"$node" "$here/summarize.mjs" "$out" "$runs" "$tool"
rm -rf "$out"
