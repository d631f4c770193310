#!/usr/bin/env bash
# Cuts fuzzing seeds out of the real documents in ../shared/upr-data (never committed: the
# documents stay outside the repository). The first byte of each seed picks the reader.
set -euo pipefail
cd "$(dirname "$0")"
data=../../shared/upr-data
[ -d "$data" ] || { echo "no $data: nothing to cut seeds from"; exit 1; }
mkdir -p corpus/import
seed() { { printf "$1"; cat; } > "corpus/import/$2"; }
grep -n "" "$data/vietnam/vnm-c2-A_HRC_26_6.txt" | sed -n '/143\.1\./,+60p' | cut -d: -f2- | seed '\x00' report-vnm
sed -n '1,400p' "$data/slovenia/svn-c4-A_HRC_59_15.txt" | tail -120 | seed '\x00' report-svn-head
sed -n '1,120p' "$data/slovenia/svn-c4-A_HRC_59_15_Add1.txt" | seed '\x01' addendum-svn
head -c 3000 "$data/vietnam/vnm-c2-uprinfo.csv" | seed '\x02' csv-vnm
head -c 3000 "$data/uprinfo/uprinfo-sessions-1-5.csv" | seed '\x02' csv-uprinfo
seed '\x03' docx-svn < "$data/slovenia/svn-c4-thematic-list.docx"
# The PDF path reads what pdftohtml -xml makes of a report: pages with footnotes, two list shapes.
if command -v pdftohtml >/dev/null; then
  for report in uruguay2014 gabon2008 armenia2010; do
    pages=$(pdfinfo "$data/wg-reports/$report.pdf" | awk '/^Pages:/ {print $2}')
    pdftohtml -xml -i -q -stdout -f $((pages - 2)) -l $((pages - 2)) "$data/wg-reports/$report.pdf" | seed '\x04' "pdfxml-$report"
  done
fi
ls -la corpus/import
