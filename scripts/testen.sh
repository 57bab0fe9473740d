#!/usr/bin/env bash
# Installiert lip mit den Testwerkzeugen in .venv und führt alle Prüfungen und Tests aus.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "Fehler: lip braucht Python 3.11 oder neuer (gefunden: $(python3 --version))." >&2; exit 1; }
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
# The web editor's test server (decap-server) from scripts/cms/package-lock.json (pinned, with checksums),
# and a check that the committed bundle is the one of those packages; only where Node.js/npm exist.
if command -v npm >/dev/null; then echo "== Web-Editor (Decap CMS)"; ./scripts/cms-bundle.sh --check; fi
# The Nu Html Checker (vnu.jar) from scripts/vnu/package-lock.json for tests/test_site_html.py (needs Java to run).
if command -v npm >/dev/null; then echo "== Nu Html Checker (vnu-jar)"; ./scripts/vnu-install.sh; fi
# axe-core from scripts/axe/package-lock.json for the accessibility checks of every page in tests/browser/.
if command -v npm >/dev/null; then echo "== axe-core"; ./scripts/axe-install.sh; fi
echo "== ruff check"; .venv/bin/ruff check lip_build tests benchmarks
echo "== ruff format --check"; .venv/bin/ruff format --check lip_build tests benchmarks
echo "== mypy"; .venv/bin/mypy
echo "== lint-imports (Schichten, keine Importzyklen)"; .venv/bin/lint-imports --no-cache
echo "== pytest"; .venv/bin/pytest "$@"
