#!/usr/bin/env bash
# The figures of issue "Fast at the scale of the whole UPR record", with the real release binary,
# at 320 (the sample), 42,000 and 420,000 recommendations (the sample repeated with new IDs, a
# third decided). Prints medians; the machine is noisy, so compare ratios within one run.
#   Benchmarks/scale.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
swift build -c release --product upr >/dev/null
swift build -c release --product upr-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin/upr" init --ledger "$work/ledger-320.json" >/dev/null
UPR_BENCH_WRITE="$work" "$bin/upr-bench" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# ms of wall time of a command, median of $runs
timed() { for _ in $(seq "$runs"); do s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000 )); done | median | awk '{printf "%.1f", $1/1000}'; }
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'; }

for n in 320 42000 420000; do
  ledger="$work/ledger-$n.json"
  printf '\n== %s recommendations (%s MB)\n' "$n" "$(du -m "$ledger" | cut -f1)"
  Benchmarks/first-screen.sh "$runs" "$bin/upr" "$ledger" | sed 's/^/first screen: /'
  ours=$(timed "$bin/upr" export --format ids --status accepted --ledger "$ledger")
  theirs=$(timed jq -r '.decisions | to_entries[] | select(.value.decision == "accepted") | .key' "$ledger")
  echo "export of the accepted IDs: upr ${ours} ms, jq ${theirs} ms (jq/upr $(awk -v a="$theirs" -v b="$ours" 'BEGIN {printf "%.1f", a/b}')x)"
  echo "peak memory: export $(peak "$bin/upr" export --format ids --status accepted --ledger "$ledger") MB, stats $(peak "$bin/upr" stats --ledger "$ledger") MB"
done
printf '\nKeys and decisions at 42,000 (work per key, release):\n'
"$bin/upr-bench" --filter "42,000" 2>&1 | grep -E "^(name|42,000|decision durable|-)" || true
