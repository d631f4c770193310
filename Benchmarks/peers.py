"""What a user would write instead of upr, for Benchmarks/peers.sh: the same work in Python with
orjson (the fastest JSON reader for Python) and the csv module.
  peers.py stats LEDGER          counts of each decision
  peers.py csv LEDGER OUT        the CSV export's columns, CRLF, a byte-order mark
  peers.py read-csv FILE...      every row of the UPR Info files read (nothing else)
"""
import csv
import sys
from collections import Counter

import orjson

PUBLISHED = {"accepted": "supported", "underConsideration": "noted", "rejected": "noted"}


def ledger(path):
    with open(path, "rb") as handle:
        return orjson.loads(handle.read())


def stats(path):
    decisions = ledger(path).get("decisions") or {}
    counts = Counter((record or {}).get("decision") for record in decisions.values())
    for name, count in sorted(counts.items(), key=lambda item: str(item[0])):
        print(name, count)


def export_csv(path, out):
    data = ledger(path)
    decisions = data.get("decisions") or {}
    with open(out, "w", encoding="utf-8", newline="") as handle:
        handle.write("\ufeff")
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(["id", "states", "themes", "text", "decision", "published", "already_implemented", "note", "decided_by", "decided_at"])
        for rec in data["recommendations"]:
            record = decisions.get(rec["id"]) or {}
            decision = record.get("decision") or ""
            writer.writerow([rec["id"], "; ".join(rec["states"]), "; ".join(rec.get("themes") or []), rec["text"], decision,
                             PUBLISHED.get(decision, ""), "yes" if record.get("implemented") else "", record.get("note", ""),
                             record.get("by", ""), record.get("at", "")])


def read_csv(paths):
    rows = 0
    for path in paths:
        with open(path, encoding="utf-8", errors="replace", newline="") as handle:
            for _ in csv.reader(handle):
                rows += 1
    print(rows)


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    if command == "stats":
        stats(arguments[0])
    elif command == "csv":
        export_csv(arguments[0], arguments[1])
    else:
        read_csv(arguments)
