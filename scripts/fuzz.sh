#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/) with clang in build-fuzz/ and runs
# each for SECONDS (default 60) from a seed corpus of the repository's case
# files; prints the executions. Exits 1 if a target crashed: its input is kept
# in build-fuzz/artifacts/ and belongs in tests/fuzz/regressions/ with a test.
# usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-60}
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2; exit 2; }
shift $(( $# > 0 ? 1 : 0 ))
targets=("$@")
((${#targets[@]})) || targets=(fuzz_parse fuzz_pipeline fuzz_lsp)

# clang 14 and its runtimes (libFuzzer, ASan); Ubuntu 22.04 ships them inside clang-14.
extra="clang-14"
if dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null | grep -q "install ok installed" ||
   apt-cache show libclang-rt-14-dev >/dev/null 2>&1; then
  extra+=" libclang-rt-14-dev"
fi
IMPUTA_EXTRA_PACKAGES="$extra" source "$root/scripts/setup.sh" --deps-only

build_dir="$root/build-fuzz"
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S "$root" -B "$build_dir" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DIMPUTA_FUZZ=ON -DIMPUTA_TESTS=OFF -DIMPUTA_BENCH=OFF >/dev/null
cmake --build "$build_dir" -j "$jobs" --target "${targets[@]}" 2>&1 |
  { grep -vE '^\[ *[0-9]+%\] (Building|Linking|Built|Generating|Embedding)' || true; }

# Seeds: every case file in the repository and every past crash, copied afresh;
# the corpus each target grows is kept in build-fuzz/corpus/ between runs.
seeds="$build_dir/seeds"
rm -rf "$seeds"
mkdir -p "$seeds" "$build_dir/artifacts"
i=0
while IFS= read -r -d '' f; do
  cp "$f" "$seeds/$(printf '%04d' $i)-$(basename "$f")"
  i=$((i + 1))
done < <(find "$root/examples" "$root/tests" "$root/dsl/lib" -type f \
           \( -name '*.imputa' -o -path '*/tests/fuzz/regressions/*' -o -path '*/tests/fuzz/lsp/*' \) -print0 | sort -z)

# Short allocation stacks and a small quarantine: faster runs; rerun a crash
# input by hand for the full report. Uses of a returned function's stack frame
# are looked for here, not in `scripts/test.sh --sanitize`, where they made the
# suite a quarter slower: a fuzzer's time is fixed, it only runs fewer inputs.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:malloc_context_size=4:quarantine_size_mb=64:detect_stack_use_after_return=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
total=0
for t in "${targets[@]}"; do
  corpus="$build_dir/corpus/$t"
  log="$build_dir/$t.log"
  mkdir -p "$corpus"
  # -entropic=0: the entropic schedule spent 60% of the time in its own
  # bookkeeping here (UpdateFeatureFrequency), five times fewer executions.
  # The pipeline target judges claims (200 ms each): give its inputs time.
  timeout=10
  [[ "$t" == fuzz_pipeline ]] && timeout=60
  echo "fuzzing $t for ${seconds}s (log: ${log#$root/})"
  if ! "$build_dir/tests/fuzz/$t" "$corpus" "$seeds" -dict="$root/tests/fuzz/imputa.dict" \
       -max_total_time="$seconds" -entropic=0 -max_len=4096 -rss_limit_mb=2048 -timeout="$timeout" \
       -artifact_prefix="$build_dir/artifacts/$t-" -print_final_stats=1 >"$log" 2>&1; then
    status=1
    echo "  $t FAILED:"
    grep -E '^==[0-9]+==ERROR|runtime error|^artifact_prefix|Test unit written|SUMMARY' "$log" | sed 's/^/    /' || true
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  echo "  $t: ${runs:-0} executions"
  total=$((total + ${runs:-0}))
done
echo "total: $total executions"
if ((status)); then
  echo "a target failed: copy its input from build-fuzz/artifacts/ to tests/fuzz/regressions/ and add a test" >&2
fi
exit $status
