#!/usr/bin/env bash
# Builds the experiment-loader fuzzer (LossCore and LossHarness compiled with libFuzzer and
# AddressSanitizer instrumentation) and runs it for SECONDS (default 60) on the seed corpus
# Fuzz/corpus, then minimises the corpus it grew back into Fuzz/corpus (-merge=1).
# Crashes are written to Fuzz/crashes/; turn each into a test and fix it.
#   Fuzz/run.sh [SECONDS]        Fuzz/run.sh 0   (build only)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
build=.build/fuzz
mkdir -p "$build" Fuzz/crashes
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -enable-testing)

if [ ! -f "$build/fuzzer" ] || [ -n "$(find Sources/LossCore Sources/LossHarness Fuzz/ExperimentLoaderFuzzer.swift -newer "$build/fuzzer" -name '*.swift' | head -1)" ]; then
  echo "building the fuzzer in $build"
  # (ld.gold warns about each of ASan's local symbols; the warnings are harmless and dropped.)
  exec 3>&2 2> >(grep -v "Cannot export local symbol" >&3)
  swiftc "${flags[@]}" -module-name LossCore -emit-library -static -emit-module \
    -emit-module-path "$build/LossCore.swiftmodule" -o "$build/libLossCore.a" $(find Sources/LossCore -name '*.swift' | sort)
  swiftc "${flags[@]}" -module-name LossHarness -emit-library -static -emit-module -I "$build" \
    -emit-module-path "$build/LossHarness.swiftmodule" -o "$build/libLossHarness.a" $(find Sources/LossHarness -name '*.swift' | sort)
  swiftc "${flags[@]}" -I "$build" Fuzz/ExperimentLoaderFuzzer.swift "$build/libLossHarness.a" "$build/libLossCore.a" \
    -o "$build/fuzzer"
  exec 2>&3 3>&-
fi
[ "$seconds" = 0 ] && exit 0

work="$build/corpus-work"
rm -rf "$work" && mkdir -p "$work"
status=0
"$build/fuzzer" "$work" Fuzz/corpus -dict=Fuzz/json5.dict -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
  -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix=Fuzz/crashes/ || status=$?

# Keep the corpus small: only inputs that add coverage.
merged="$build/corpus-merged"
rm -rf "$merged" && mkdir -p "$merged"
"$build/fuzzer" -merge=1 -max_len=4096 -artifact_prefix=Fuzz/crashes/ "$merged" Fuzz/corpus "$work" 2>/dev/null
rm -rf Fuzz/corpus && mv "$merged" Fuzz/corpus
echo "corpus: $(ls Fuzz/corpus | wc -l) files, $(du -sk Fuzz/corpus | cut -f1) KiB"
exit $status
