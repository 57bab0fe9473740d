#!/usr/bin/env bash
# Installiert den Nu Html Checker (npm-Paket vnu-jar) aus scripts/vnu/package-lock.json – feste Version
# mit Prüfsumme (integrity) – nach scripts/vnu/node_modules/vnu-jar/build/dist/vnu.jar. Der Test
# tests/test_site_html.py prüft damit alle Seiten von site/ (braucht Java, z. B. Debians default-jre-headless).
# Braucht npm; lädt nur, wenn die installierte Version nicht zur package-lock.json passt.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v npm >/dev/null || { echo "Fehler: npm fehlt (Node.js 20 installieren)." >&2; exit 1; }
modules=scripts/vnu/node_modules
if [ ! -f "$modules/vnu-jar/build/dist/vnu.jar" ] || ! cmp -s scripts/vnu/package-lock.json "$modules/.lip-lock"; then
  npm ci --prefix scripts/vnu --ignore-scripts --no-audit --no-fund --loglevel=error
  cp scripts/vnu/package-lock.json "$modules/.lip-lock"
fi
