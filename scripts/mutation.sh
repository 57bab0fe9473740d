#!/usr/bin/env bash
# Mutation testing of the check modules (lip_build/check/) with mutmut: how many small bugs put into
# the checks does the test suite catch? Not part of CI (it takes long); run it after changing checks.
# Prints the score; the target is at least 90 % killed. Survivors: .venv/bin/mutmut results
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]' 'mutmut==3.8.1'
rm -rf mutants
log=mutants-lauf.log
if ! .venv/bin/mutmut run --max-children "${LIP_MUTMUT_KINDER:-2}" >"$log" 2>&1; then
  echo "mutmut ist gescheitert; das Ende des Protokolls ($log):" >&2
  tail -c 2000 "$log" >&2
  exit 1
fi
.venv/bin/mutmut export-cicd-stats >/dev/null
.venv/bin/python - <<'PY'
import json
stats = json.load(open("mutants/mutmut-cicd-stats.json", encoding="utf-8"))
counted = stats["total"] - stats.get("skipped", 0)
killed = stats["killed"] + stats.get("caught_by_type_check", 0)
print("Mutationstest lip_build/check/: " + ", ".join(f"{k} {v}" for k, v in stats.items() if k != "score"))
print(f"Ergebnis: {killed} von {counted} Mutanten erkannt = {100 * killed / counted:.1f} % (Ziel: mindestens 90 %)")
PY
