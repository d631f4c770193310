#!/usr/bin/env bash
# The public UPR record (issue 17) in a real terminal (tmux), from process start to the first
# screen, with peak memory: `upr record` itself, and a review's workbench (the sample) with and
# without the record beside it. Prints the medians in milliseconds.
#   Benchmarks/record-first-screen.sh [RUNS] [UPR_BINARY]     (needs ../shared/upr-data/uprinfo)
set -euo pipefail
runs=${1:-11}
upr=${2:-$(swift build -c release --show-bin-path)/upr}
work=$(mktemp -d)
trap 'tmux -L upr-bench kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/with" "$work/without"
XDG_DATA_HOME="$work/with" "$upr" record import ../shared/upr-data/uprinfo/*.csv >/dev/null
"$upr" init --ledger "$work/ledger.json" >/dev/null

# measure LABEL DATA_HOME ARGS...: first screen and peak memory, median of $runs.
measure() {
  local label=$1 home=$2; shift 2
  local times=() memory=()
  for _ in $(seq "$runs"); do
    rm -f "$work/first-screen" "$work/memory"
    local start=$(date +%s%N)
    tmux -L upr-bench new-session -d -x 100 -y 30 \
      "XDG_DATA_HOME='$home' UPR_TRACE_FIRST_SCREEN='$work/first-screen' /usr/bin/time -o '$work/memory' -f %M '$upr' $*; sleep 5"
    while [ ! -s "$work/first-screen" ]; do sleep 0.01; done
    local drawn=$(cat "$work/first-screen")
    sleep 0.5  # the work after the first screen (every precedent) is counted in the memory
    tmux -L upr-bench send-keys q
    for _ in $(seq 200); do [ -s "$work/memory" ] && break; sleep 0.05; done
    tmux -L upr-bench kill-server
    memory+=($(cat "$work/memory" 2>/dev/null || echo 0))
    times+=($(( (drawn - start) / 1000 )))
    sleep 0.1
  done
  local peak=$(printf '%s\n' "${memory[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1024}')
  printf '%s\n' "${times[@]}" | sort -n | awk -v peak="$peak" -v label="$label" '{a[NR]=$1} END {printf "%s: runs %d, first screen median %.1f ms (min %.1f, max %.1f), peak memory %s MB\n", label, NR, a[int((NR+1)/2)]/1000, a[1]/1000, a[NR]/1000, peak}'
}

measure "upr record (every ask)" "$work/with" record
measure "review (sample) without the record" "$work/without" --ledger "$work/ledger.json"
measure "review (sample) with the record" "$work/with" --ledger "$work/ledger.json"
