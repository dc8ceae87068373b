#!/usr/bin/env bash
# Builds examples/custom-loss against LossLab *by version*, as a user's package would depend on it,
# and runs its tiny study. Called by `make example` (and so by `make test` and CI).
#
# 1. Clones this repository's committed HEAD into .build/example/losslab and tags the clone
#    0.1.<number of commits> (a new version for every commit, so SwiftPM's cache of the
#    repository never holds a moved tag), without touching this repository's tags.
# 2. Builds the example with LOSSLAB_TARGET_CPU unset: LossLab must build as a versioned
#    dependency, which SwiftPM allows only without unsafe flags.
# 3. Runs the example's study: the Swift Welsch loss is listed, computes, trains, and agrees with
#    the same loss written as a formula (relative 1e-4 on every metric's mean); its claim runs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/.build/example"
swift=${SWIFT:-swift}
rm -rf "$work/losslab" "$work/results" "$work/plots"
mkdir -p "$work"
git clone -q --no-hardlinks "$root" "$work/losslab"
version="0.1.$(git -C "$work/losslab" rev-list --count HEAD)"
git -C "$work/losslab" tag "$version"
# The example's sources, beside its kept build folder (a rerun rebuilds only what changed).
mkdir -p "$work/custom-loss"
find "$work/custom-loss" -mindepth 1 -maxdepth 1 ! -name .build -exec rm -rf {} +
(cd "$root/examples/custom-loss" && tar cf - --exclude=.build --exclude=Package.resolved .) | (cd "$work/custom-loss" && tar xf -)
cd "$work/custom-loss"
echo "example: building examples/custom-loss against LossLab $version (file://$work/losslab)"
env -u LOSSLAB_TARGET_CPU LOSSLAB_PACKAGE_URL="file://$work/losslab" "$swift" build -q
bin="$work/custom-loss/.build/debug/welsch-losslab"
"$bin" list losses | grep -q "welsch" || { echo "example: welsch is not listed by 'list losses'" >&2; exit 1; }
# (c^2 / 2)(1 - exp(-(3/2)^2)) with c = 2: 2 (1 - e^-2.25) = 1.789598...
value=$("$bin" loss welsch --c 2 --target 0 --prediction 3)
awk -v v="$value" 'BEGIN { e = 2 * (1 - exp(-2.25)); if (v - e > 1e-5 || e - v > 1e-5) { print "example: welsch(3, 0; c = 2) = " v ", expected " e > "/dev/stderr"; exit 1 } }'
"$bin" run --quiet --results "$work/results" --plots "$work/plots" experiments/welsch-outliers.json5
summary="$work/results/welsch-outliers/summary.csv"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
         { mean[$(col["loss"]) "," $(col["metric"])] = $(col["mean"]) }
         END {
           n = 0
           for (key in mean) {
             split(key, part, ",")
             if (part[1] != "welsch") continue
             other = mean["welsch_formula," part[2]]; this = mean[key]; n++
             d = this - other; if (d < 0) d = -d
             if (d > 1e-4 * (this < 0 ? -this : this)) { print "example: " part[2] ": welsch " this " but its formula " other > "/dev/stderr"; exit 1 }
           }
           if (n == 0) { print "example: no welsch rows in summary.csv" > "/dev/stderr"; exit 1 }
         }' "$summary"
awk -F, 'NR > 1 && $5 == "welsch" { found = 1; verdict = $NF } END { if (!found) exit 1; print "example: claim: " verdict }' \
    "$work/results/welsch-outliers/claims.csv" || { echo "example: the welsch claim was not judged" >&2; exit 1; }
echo "example: the Swift loss builds against LossLab $version, trains, and agrees with its formula: pass"
