#!/usr/bin/env bash
# Each key's handling in the real workbench (tmux), from the key read to the next screen made:
# the reducer, the save (journal append and fsync), the render; the terminal's own drawing apart.
# Keys, 0.4 s apart, after WAIT seconds: r j r a r c u u (the first decision, a move, decisions,
# two undos). Prints each key's time in ms.
#   Benchmarks/keys.sh LEDGER [UPR_BINARY] [WAIT]
set -euo pipefail
ledger=$1
upr=${2:-$(swift build -c release --show-bin-path)/upr}
wait=${3:-5}
work=$(mktemp -d)
trap 'tmux -L upr-keys kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$ledger" "$work/ledger.json"; chmod u+w "$work/ledger.json"
tmux -L upr-keys new-session -d -x 100 -y 30 "UPR_TRACE_KEYS='$work/keys' '$upr' --fresh --ledger '$work/ledger.json'; sleep 5"
sleep "$wait"
keys=(r j r a r c u u)
for key in "${keys[@]}"; do tmux -L upr-keys send-keys "$key"; sleep 0.4; done
tmux -L upr-keys send-keys q
for _ in $(seq 50); do [ "$(wc -l < "$work/keys" 2>/dev/null || echo 0)" -ge "${#keys[@]}" ] && break; sleep 0.1; done
paste -d' ' <(printf '%s\n' "${keys[@]}") <(awk '{printf "%.2f ms\n", $1 / 1000}' "$work/keys")
