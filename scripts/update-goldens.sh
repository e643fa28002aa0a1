#!/usr/bin/env bash
# Rewrites the golden reports: for every examples/**/*.imputa, the text report
# of `imputa check` goes to the .expected file beside it. Builds nothing: the
# binary is $IMPUTA, or build/cli/imputa. Review the diff (git diff examples/)
# before committing: a changed golden is a changed report.
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
done < <(find examples -name '*.imputa' -print0 | sort -z)
exit $status
