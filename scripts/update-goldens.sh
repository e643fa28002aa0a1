#!/usr/bin/env bash
# Rewrites the golden files. For every examples/**/*.imputa and
# tests/cli/routes/*.imputa, the text report of `imputa check` goes to the
# .expected file beside it; for every tests/dsl/errors/NAME.imputa, the
# diagnostics `imputa check NAME.imputa` prints (run in that folder, so paths
# are relative to it) go to NAME.err. Builds nothing: the binary is $IMPUTA, or
# build/cli/imputa. Review the diff (git diff examples/ tests/cli/routes/
# tests/dsl/errors/) before committing: a changed golden is a changed report or
# diagnostic.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
imputa=${IMPUTA:-$root/build/cli/imputa}
if [[ ! -x $imputa ]]; then
  echo "update-goldens: no imputa binary at $imputa (build first, or set IMPUTA)" >&2
  exit 2
fi
cd "$root"
status=0
while IFS= read -r -d '' case_file; do
  expected=${case_file%.imputa}.expected
  rc=0
  "$imputa" check "$case_file" --color never --jobs 1 >"$expected.tmp" || rc=$?
  mv "$expected.tmp" "$expected"
  if [[ $rc -ne 0 ]]; then
    echo "update-goldens: $case_file: exit code $rc (an expect not met?)" >&2
    status=1
  fi
  echo "wrote $expected"
done < <(find examples tests/cli/routes -name '*.imputa' -print0 | sort -z)

# Expected diagnostics: stderr only (a case with warnings alone is also judged;
# its report is not part of the golden). Exit code 2 (an error) or 0 (warnings).
cd "$root/tests/dsl/errors"
for case_file in *.imputa; do
  expected=${case_file%.imputa}.err
  rc=0
  "$imputa" check "$case_file" --color never >/dev/null 2>"$expected.tmp" || rc=$?
  mv "$expected.tmp" "$expected"
  if [[ $rc -ne 0 && $rc -ne 2 ]]; then
    echo "update-goldens: tests/dsl/errors/$case_file: exit code $rc (neither an error, 2, nor warnings alone, 0)" >&2
    status=1
  fi
  echo "wrote tests/dsl/errors/$expected"
done
exit $status
