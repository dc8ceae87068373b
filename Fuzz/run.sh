#!/usr/bin/env bash
# Builds the experiment-loader fuzzer (LossCore and LossHarness compiled with libFuzzer and
# AddressSanitizer instrumentation, about 3 minutes the first time) and runs it for SECONDS
# (default 60) on the seed corpus Fuzz/corpus, then minimises the corpus it grew back into
# Fuzz/corpus (-set_cover_merge=1). Crashes are written to Fuzz/crashes/: turn each into a test
# (Tests/LossHarnessTests/Fixtures/crashes/) and fix it. libFuzzer stops at the first crash.
#   Fuzz/run.sh [SECONDS]        Fuzz/run.sh 0   (build only)
#   FUZZ_FLAGS="-fork=2 -ignore_crashes=1" Fuzz/run.sh 600   (keep going after crashes)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
build=.build/fuzz
mkdir -p "$build" Fuzz/crashes
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -enable-testing)

# Whether $1 is missing or older than any of the other arguments (files or folders of sources).
stale() {
  local target="$1"; shift
  [ ! -f "$target" ] || [ -n "$(find "$@" -newer "$target" -name '*.swift' -o -newer "$target" -name '*.a' | head -1)" ]
}
# ld.gold warns about each of ASan's local symbols; the warnings are harmless and dropped.
quiet() { "$@" 2> >(grep -v "Cannot export local symbol" >&2); }

if stale "$build/libLossCore.a" Sources/LossCore; then
  echo "compiling LossCore"
  quiet swiftc "${flags[@]}" -module-name LossCore -emit-library -static -emit-module \
    -emit-module-path "$build/LossCore.swiftmodule" -o "$build/libLossCore.a" $(find Sources/LossCore -name '*.swift' | sort)
fi
if stale "$build/libLossHarness.a" Sources/LossHarness "$build/libLossCore.a"; then
  echo "compiling LossHarness"
  quiet swiftc "${flags[@]}" -module-name LossHarness -emit-library -static -emit-module -I "$build" \
    -emit-module-path "$build/LossHarness.swiftmodule" -o "$build/libLossHarness.a" $(find Sources/LossHarness -name '*.swift' | sort)
fi
if stale "$build/fuzzer" Fuzz/ExperimentLoaderFuzzer.swift "$build/libLossHarness.a" "$build/libLossCore.a"; then
  echo "linking the fuzzer"
  quiet swiftc "${flags[@]}" -I "$build" Fuzz/ExperimentLoaderFuzzer.swift "$build/libLossHarness.a" "$build/libLossCore.a" \
    -o "$build/fuzzer"
fi
[ "$seconds" = 0 ] && exit 0

# Swift's crash backtracer, run under ASan, is itself reported (memserver_read) and can hang;
# libFuzzer's own report is enough. Leaks at exit are the Swift runtime's caches, not ours.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
work="$build/corpus-work"
rm -rf "$work" && mkdir -p "$work"
status=0
"$build/fuzzer" "$work" Fuzz/corpus -dict=Fuzz/json5.dict -max_len=2048 -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 \
  -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix=Fuzz/crashes/ ${FUZZ_FLAGS:-} || status=$?

# Keep the corpus small: the fewest inputs that keep the coverage (a crashing input is left out).
merged="$build/corpus-merged"
rm -rf "$merged" && mkdir -p "$merged"
"$build/fuzzer" -set_cover_merge=1 -max_len=2048 -artifact_prefix="$build/merge-" "$merged" Fuzz/corpus "$work" 2>/dev/null || true
if [ -n "$(ls "$merged")" ]; then rm -rf Fuzz/corpus && mv "$merged" Fuzz/corpus; fi
echo "corpus: $(ls Fuzz/corpus | wc -l) files, $(cat Fuzz/corpus/* | wc -c) bytes"
exit $status
