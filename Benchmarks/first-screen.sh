#!/usr/bin/env bash
# Time from process start to the first screen drawn, on the embedded sample, in a real terminal
# (tmux). Prints each run and the median in milliseconds.
#   Benchmarks/first-screen.sh [RUNS] [UPR_BINARY] [LEDGER]   (default: a new ledger of the sample)
set -euo pipefail
runs=${1:-21}
upr=${2:-$(swift build -c release --show-bin-path)/upr}
work=$(mktemp -d)
trap 'tmux -L upr-bench kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
if [ -n "${3:-}" ]; then cp "$3" "$work/ledger.json"; else "$upr" init --ledger "$work/ledger.json" >/dev/null; fi
times=()
memory=()
for i in $(seq "$runs"); do
  rm -f "$work/first-screen" "$work/memory"
  start=$(date +%s%N)
  tmux -L upr-bench new-session -d -x 100 -y 30 \
    "UPR_TRACE_FIRST_SCREEN='$work/first-screen' /usr/bin/time -o '$work/memory' -f %M '$upr' --ledger '$work/ledger.json'; sleep 5"
  while [ ! -s "$work/first-screen" ]; do sleep 0.01; done
  drawn=$(cat "$work/first-screen")
  tmux -L upr-bench send-keys q
  while tmux -L upr-bench has-session 2>/dev/null && ! tmux -L upr-bench capture-pane -p | grep -q "Ledger "; do sleep 0.05; done
  for _ in $(seq 100); do [ -s "$work/memory" ] && break; sleep 0.05; done
  tmux -L upr-bench kill-server
  memory+=($(cat "$work/memory" 2>/dev/null || echo 0))
  times+=($(( (drawn - start) / 1000 )))
  sleep 0.1
done
peak=$(printf '%s\n' "${memory[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1024}')
printf '%s\n' "${times[@]}" | sort -n | awk -v peak="$peak" '{a[NR]=$1} END {printf "runs %d, first screen median %.1f ms (min %.1f, max %.1f), peak memory of the workbench %s MB\n", NR, a[int((NR+1)/2)]/1000, a[1]/1000, a[NR]/1000, peak}'
