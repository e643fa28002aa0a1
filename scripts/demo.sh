#!/usr/bin/env bash
# One command for a newcomer: install what is missing, build, and judge a shipped example.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/setup.sh"
example="$root/examples/notpetya_2017.imputa"
echo
echo "\$ imputa lint examples/notpetya_2017.imputa"
"$IMPUTA_BUILD_DIR/cli/imputa" lint "$example" && echo "(no problems found)"
if "$IMPUTA_BUILD_DIR/cli/imputa" help check >/dev/null 2>&1; then
  echo
  echo "\$ imputa check examples/notpetya_2017.imputa"
  "$IMPUTA_BUILD_DIR/cli/imputa" check "$example" || true
fi
