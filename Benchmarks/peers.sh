#!/usr/bin/env bash
# The issue's ratios, each measured in one run against its floor or its peer (hyperfine, medians):
# `upr stats` and the CSV export against Python with orjson (Benchmarks/peers.py), `upr import` of
# one review against Python's csv module merely reading the UPR Info files, and reading a ledger
# against `cat` and `wc -l` of it. Ledgers of 42,000 and 420,000 recommendations as upr-bench
# writes them (see scale.sh). Needs hyperfine, jq, python3 with orjson.
#   Benchmarks/peers.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
for tool in hyperfine jq python3; do command -v "$tool" >/dev/null || { echo "peers.sh needs $tool" >&2; exit 2; }; done
python3 -c 'import orjson' 2>/dev/null || { echo "peers.sh needs orjson for python3 (pip install orjson)" >&2; exit 2; }
swift build -c release --static-swift-stdlib --product upr >/dev/null
swift build -c release --static-swift-stdlib --product upr-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
UPR_BENCH_WRITE="$work" "$bin/upr-bench" --filter 'no benchmark at all' >/dev/null
compare() {  # compare NAME COMMAND... : medians and the ratio of each to the first
  local name=$1; shift
  hyperfine -N -w 2 -r "$runs" --export-json "$work/$name.json" "$@" >/dev/null
  jq -r '.results as $r | $r[] | "\(.median * 1000 * 10 | floor / 10) ms\t\(($r[0].median / .median * 100 | floor) / 100)x of the first\t\(.command)"' "$work/$name.json"
}
for n in 42000 420000; do
  ledger="$work/ledger-$n.json"
  printf '\n== %s recommendations (%s MB)\n' "$n" "$(du -m "$ledger" | cut -f1)"
  compare "stats-$n" "$bin/upr stats --ledger $ledger" "python3 Benchmarks/peers.py stats $ledger" "cat $ledger" "wc -l $ledger"
  compare "csv-$n" "$bin/upr export --format csv --force --ledger $ledger -o $work/upr.csv" "python3 Benchmarks/peers.py csv $ledger $work/py.csv"
done
uprinfo=../shared/upr-data/uprinfo
if ls "$uprinfo"/*.csv >/dev/null 2>&1; then
  printf '\n== one review (Viet Nam, session 18) from the UPR Info files\n'
  printf '#!/bin/sh\nrm -f %s/review.json*\nexec %s import %s --ledger %s/review.json --state-under-review "Viet Nam" --session 18 >/dev/null\n' \
    "$work" "$bin/upr" "$(echo "$uprinfo"/*.csv)" "$work" > "$work/import.sh"
  chmod +x "$work/import.sh"
  compare import "$work/import.sh" "python3 Benchmarks/peers.py read-csv $(echo "$uprinfo"/*.csv)"
fi
