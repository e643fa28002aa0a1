#!/usr/bin/env bash
# One command for the whole test suite: install what is missing, build, run ctest.
# scripts/test.sh --sanitize builds with ASan and UBSan in build-sanitize/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/setup.sh" "${1:-}"
jobs=$(nproc 2>/dev/null || echo 2)
ctest --test-dir "$IMPUTA_BUILD_DIR" --output-on-failure -j "$jobs"
