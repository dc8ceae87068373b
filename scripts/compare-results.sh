#!/usr/bin/env bash
# Compares two results folders of the same experiment the way LossLab promises they agree: the CSV
# files byte for byte, except trials.csv's train_seconds column (wall-clock time), which is dropped
# before comparing. spec.json is not compared (its provenance differs by design).
#
#   scripts/compare-results.sh results/outliers /tmp/other/outliers
#
# Exit 0 when every file agrees, 1 otherwise (with the first lines that differ).
set -euo pipefail
[ $# = 2 ] || { echo "usage: $0 RESULTS_DIR_A RESULTS_DIR_B" >&2; exit 64; }
a=$1 b=$2

# Prints a CSV file without the column named $2. Fields are split on commas outside double quotes
# (RFC 4180 as LossLab writes it, one record per line) and written back as they were.
drop_column() {
  awk -v name="$2" '
    function split_csv(line, fields,   n, i, c, f, quoted) {
      n = 0; f = ""; quoted = 0
      for (i = 1; i <= length(line); i++) {
        c = substr(line, i, 1)
        if (c == "\"") quoted = !quoted
        if (c == "," && !quoted) { fields[++n] = f; f = "" } else f = f c
      }
      fields[++n] = f
      return n
    }
    {
      n = split_csv($0, fields)
      if (NR == 1) { drop = 0; for (i = 1; i <= n; i++) if (fields[i] == name) drop = i }
      out = ""; first = 1
      for (i = 1; i <= n; i++) if (i != drop) { out = out (first ? "" : ",") fields[i]; first = 0 }
      print out
    }' "$1"
}

status=0
differences=$(mktemp)
trap 'rm -f "$differences"' EXIT
for file in trials.csv history.csv summary.csv claims.csv; do
  for dir in "$a" "$b"; do
    [ -f "$dir/$file" ] || { echo "compare: $dir/$file is missing" >&2; status=1; continue 2; }
  done
  if [ "$file" = trials.csv ]; then
    if diff <(drop_column "$a/$file" train_seconds) <(drop_column "$b/$file" train_seconds) > "$differences" 2>&1; then
      echo "compare: $file: same ($(($(wc -l < "$a/$file") - 1)) rows; train_seconds not compared)"
    else
      echo "compare: $file: DIFFERENT"; head -20 "$differences"; status=1
    fi
  elif cmp -s "$a/$file" "$b/$file"; then
    echo "compare: $file: same, byte for byte ($(($(wc -l < "$a/$file") - 1)) rows)"
  else
    echo "compare: $file: DIFFERENT"; diff "$a/$file" "$b/$file" | head -20 || true; status=1
  fi
done
exit $status
