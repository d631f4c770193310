#!/usr/bin/env bash
# kill -9 of a process saving decisions at random moments, ROUNDS times (default 1000): the
# ledger must always open and hold every decision reported saved. Prints the totals.
#   Scripts/kill-loop.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
UPR_KILL_LOOP_ROUNDS=${1:-1000} swift test --filter KillLoopTests 2>&1 | grep -E "kill loop:|error|Executed .* tests" 
