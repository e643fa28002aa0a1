#!/usr/bin/env bash
# One command for the whole test suite: install what is missing, build, run ctest.
# scripts/test.sh --sanitize builds with ASan and UBSan (Debug) in build-sanitize/
# and fails on any sanitizer finding, in the tests or in the imputa runs they make.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
case "${1:-}" in
  ""|--sanitize) ;;
  *) echo "usage: scripts/test.sh [--sanitize]" >&2; exit 2 ;;
esac
if [[ "${1:-}" == "--sanitize" ]]; then
  # A finding exits with 86, which no imputa exit code (0-3) can be mistaken for.
  # Uses of a returned function's stack frame are looked for by the fuzzers
  # (scripts/fuzz.sh), whose time is fixed: here they cost a quarter of the
  # suite's time (docs/building.md, "Build time").
  export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:exitcode=86}"
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=86}"
fi
source "$root/scripts/setup.sh" "${1:-}"
jobs=$(nproc 2>/dev/null || echo 2)
ctest --test-dir "$IMPUTA_BUILD_DIR" --output-on-failure -j "$jobs"
