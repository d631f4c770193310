#!/usr/bin/env bash
# The figures of the issue "Fast at the scale of the whole UPR record", with the real release
# binary, at 320 (the embedded sample), 42,000 (every recommendation of UPR sessions 1 to 20,
# from ../shared/upr-data/uprinfo; the sample repeated where that folder is absent) and 420,000
# (the 42,000 ten times, with new IDs). Medians; the machine is noisy, so compare ratios within
# one run. Needs tmux and jq (the export is compared with jq's on the same file).
# Built with --static-swift-stdlib, as the README suggests for daily use.
#   Benchmarks/scale.sh [RUNS]        (RUNS at 320 and 42,000; a third of them, at least 3, at 420,000)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
for tool in tmux jq; do command -v "$tool" >/dev/null || { echo "scale.sh needs $tool (apt-get install $tool)" >&2; exit 2; }; done
swift build -c release --static-swift-stdlib --product upr >/dev/null
swift build -c release --static-swift-stdlib --product upr-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin/upr" init --ledger "$work/ledger-320.json" >/dev/null
UPR_BENCH_WRITE="$work" "$bin/upr-bench" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# ms of wall time of a command, median of $1 runs
timed() { local n=$1; shift; for _ in $(seq "$n"); do s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000 )); done | median | awk '{printf "%.1f", $1/1000}'; }
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'; }

for n in 320 42000 420000; do
  ledger="$work/ledger-$n.json"
  count=$("$bin/upr" stats --ledger "$ledger" | awk '/^total/ {print $2}')
  r=$runs; [ "$n" = 420000 ] && r=$(( runs / 3 > 3 ? runs / 3 : 3 ))
  printf '\n== %s: %s recommendations, %s MB\n' "$n" "$count" "$(du -m "$ledger" | cut -f1)"
  Benchmarks/first-screen.sh "$r" "$bin/upr" "$ledger" | sed 's/^/first screen: /'
  ours=$(timed "$r" "$bin/upr" export --format ids --status accepted --ledger "$ledger")
  theirs=$(timed "$r" jq -r '.decisions | to_entries[] | select(.value.decision == "accepted") | .key' "$ledger")
  echo "export of the accepted IDs: upr ${ours} ms, jq ${theirs} ms (jq/upr $(awk -v a="$theirs" -v b="$ours" 'BEGIN {printf "%.1f", a/b}')x)"
  echo "peak memory: export $(peak "$bin/upr" export --format ids --status accepted --ledger "$ledger") MB, stats $(peak "$bin/upr" stats --ledger "$ledger") MB"
  # A decision is a journal append (over 1 MB only the asked lines are read, through LEDGER.index,
  # which `upr fold` writes for a ledger that has none); then one fold of them all. Each timed
  # decision changes the ID (accepted, rejected in turn), so that each appends a line.
  id=$("$bin/upr" export --format ids --ledger "$ledger" | sed -n 1p)  # all read: head would cut the pipe (pipefail)
  stats=$(timed "$r" "$bin/upr" stats --ledger "$ledger")
  "$bin/upr" fold --ledger "$ledger" >/dev/null
  flip=0
  decide_flipping() { flip=$((1 - flip)); "$bin/upr" decide "$([ "$flip" = 1 ] && echo rejected || echo accepted)" "$id" --ledger "$ledger"; }
  decide=$(timed "$runs" decide_flipping)
  echo "upr decide one ID: ${decide} ms (upr stats, reading the ledger: ${stats} ms); upr fold: $(timed 1 "$bin/upr" fold --ledger "$ledger") ms"
done

uprinfo=../shared/upr-data/uprinfo
if ls "$uprinfo"/*.csv >/dev/null 2>&1; then
  import_uprinfo() { rm -f "$work"/import.json*; "$bin/upr" import "$uprinfo"/*.csv --ledger "$work/import.json" --state-under-review "Viet Nam" --session 18; }
  printf '\n== upr import of the %s UPR Info files (every row read and checked; Viet Nam, session 18, kept)\n' "$(ls "$uprinfo"/*.csv | wc -l)"
  took=$(timed "$runs" import_uprinfo)
  rm -f "$work"/import.json*
  echo "time $took ms, peak memory $(peak "$bin/upr" import "$uprinfo"/*.csv --ledger "$work/import.json" --state-under-review "Viet Nam" --session 18) MB"
else
  printf '\n== upr import of the UPR Info files: skipped (%s absent)\n' "$uprinfo"
fi

printf '\nWork per key, decision durable, decoding (release, in process):\n'
"$bin/upr-bench" 2>&1 | grep -E "^(name|-)|key|picker|prompt|search n|durable|decode|index build|clusters of" || true
