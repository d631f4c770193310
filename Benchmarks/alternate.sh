#!/usr/bin/env bash
# Two binaries measured alternately, run after run, so that a machine that speeds up or slows
# down meanwhile weighs on both alike: the first screen (tmux, from process start, as
# first-screen.sh measures it) or `upr stats` (process start to exit). Prints both medians (ms).
#   Benchmarks/alternate.sh first-screen|stats RUNS LEDGER UPR_A UPR_B
set -uo pipefail
what=$1; runs=$2; ledger=$3; bins=("$4" "$5")
work=$(mktemp -d)
trap 'tmux -L upr-alternate kill-server 2>/dev/null; rm -rf "$work"' EXIT
cp "$ledger" "$work/ledger.json"; chmod u+w "$work/ledger.json"
times=("" "")
first_screen() {  # microseconds from process start to the first screen drawn
  rm -f "$work/drawn"
  local start; start=$(date +%s%N)
  tmux -L upr-alternate new-session -d -x 100 -y 30 "UPR_TRACE_FIRST_SCREEN='$work/drawn' '$1' --ledger '$work/ledger.json'; sleep 5"
  for _ in $(seq 1000); do [ -s "$work/drawn" ] && break; sleep 0.01; done
  local drawn; drawn=$(cat "$work/drawn")
  tmux -L upr-alternate send-keys q
  for _ in $(seq 100); do tmux -L upr-alternate capture-pane -p 2>/dev/null | grep -q "Ledger " && break; sleep 0.05; done
  tmux -L upr-alternate kill-server 2>/dev/null
  echo $(( (drawn - start) / 1000 ))
}
stats() {
  local start; start=$(date +%s%N)
  "$1" stats --ledger "$work/ledger.json" >/dev/null
  echo $(( ($(date +%s%N) - start) / 1000 ))
}
for _ in $(seq "$runs"); do
  for k in 0 1; do
    case $what in
      first-screen) times[$k]+="$(first_screen "${bins[$k]}") " ;;
      stats) times[$k]+="$(stats "${bins[$k]}") " ;;
      *) echo "alternate.sh: first-screen or stats, not $what" >&2; exit 2 ;;
    esac
    sleep 0.1
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'; }
echo "$what, medians of $runs alternated: A $(median <<<"${times[0]}") ms, B $(median <<<"${times[1]}") ms"
