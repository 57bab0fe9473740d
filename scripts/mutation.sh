#!/usr/bin/env bash
# Mutation testing of the check modules (lip_build/check/) with mutmut: how many small bugs put into
# the checks does the test suite catch? Not part of CI (it takes long); run it after changing checks.
# Prints the score per module and in all; the target is at least 90 % killed.
#   ./scripts/mutation.sh                               all mutants (about 3,300)
#   ./scripts/mutation.sh "lip_build.check.glyphs*"     only those whose names match (fnmatch patterns)
# Survivors afterwards: .venv/bin/mutmut results; one of them: .venv/bin/mutmut show NAME
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]' 'mutmut==3.8.1'
rm -rf mutants
log=mutants-lauf.log
# Temporary plans in memory: each mutant runs hundreds of tests that copy a plan into tmp_path, and on
# this machine's disk the copies took two thirds of a scenario's time (20 s → 6 s for all scenarios).
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  TMPDIR="$(mktemp -d /dev/shm/lip-mutation.XXXXXX)"
  export TMPDIR
  trap 'rm -rf "$TMPDIR"' EXIT
fi
if ! .venv/bin/mutmut run --max-children "${LIP_MUTMUT_KINDER:-2}" "$@" >"$log" 2>&1; then
  echo "mutmut ist gescheitert; das Ende des Protokolls ($log):" >&2
  tail -c 2000 "$log" >&2
  exit 1
fi
grep -a "mutations/second" "$log" | tail -1 | sed 's/^/mutmut: /'
.venv/bin/python - <<'PY'
"""The score from mutmut's own record of each mutant (mutants/…/*.py.meta): mutants not run (another
pattern) do not count; a timeout or a mutant no test reaches counts as not killed."""
import json
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

total: Counter[str] = Counter()
for meta in sorted(Path("mutants/lip_build/check").glob("*.py.meta")):
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].values()
    found = Counter(status_by_exit_code[code] for code in codes)
    total += found
    run = sum(found.values()) - found["not checked"] - found["skipped"]
    if run:
        killed = found["killed"] + found["caught by type check"]
        rest = ", ".join(f"{name} {n}" for name, n in sorted(found.items()) if name not in ("killed", "not checked"))
        print(f"{meta.name.removesuffix('.meta'):16} {killed:5} von {run:5} erkannt = {100 * killed / run:5.1f} %  ({rest})")
run = sum(total.values()) - total["not checked"] - total["skipped"]
killed = total["killed"] + total["caught by type check"]
print(f"Ergebnis: {killed} von {run} Mutanten erkannt = {100 * killed / max(run, 1):.1f} % (Ziel: mindestens 90 %)")
PY
