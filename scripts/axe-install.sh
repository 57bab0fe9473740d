#!/usr/bin/env bash
# Installiert axe-core (npm-Paket) aus scripts/axe/package-lock.json – feste Version mit Prüfsumme
# (integrity) – nach scripts/axe/node_modules/axe-core/axe.min.js. Die Browser-Tests in tests/browser/
# prüfen damit jede Seite von site/ auf Verstöße gegen WCAG 2.2 AA.
# Braucht npm; lädt nur, wenn die installierte Version nicht zur package-lock.json passt.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v npm >/dev/null || { echo "Fehler: npm fehlt (Node.js 20 installieren)." >&2; exit 1; }
modules=scripts/axe/node_modules
if [ ! -f "$modules/axe-core/axe.min.js" ] || ! cmp -s scripts/axe/package-lock.json "$modules/.lip-lock"; then
  npm ci --prefix scripts/axe --ignore-scripts --no-audit --no-fund --loglevel=error
  cp scripts/axe/package-lock.json "$modules/.lip-lock"
fi
