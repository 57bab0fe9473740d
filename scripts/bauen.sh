#!/usr/bin/env bash
# Installiert lip in .venv und erstellt aus dem Plan die Website (site/) und die Drucksache (dist/).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "Fehler: lip braucht Python 3.11 oder neuer (gefunden: $(python3 --version))." >&2; exit 1; }
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check .
.venv/bin/lip validate
.venv/bin/lip build
