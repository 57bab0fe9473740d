#!/usr/bin/env bash
# Installiert ein npm-Paket mit fester Version und Prüfsumme (integrity) aus scripts/ORDNER/package-lock.json
# nach scripts/ORDNER/node_modules/. Aufruf: scripts/npm-fest.sh ORDNER DATEI (DATEI: was danach da sein
# muss, relativ zu node_modules/). Lädt nur, wenn DATEI fehlt oder die Installation nicht zur
# package-lock.json passt; braucht npm. Genutzt von axe-install.sh und vnu-install.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
folder="scripts/$1"
modules="$folder/node_modules"
command -v npm >/dev/null || { echo "Fehler: npm fehlt (Node.js 20 installieren)." >&2; exit 1; }
if [ ! -f "$modules/$2" ] || ! cmp -s "$folder/package-lock.json" "$modules/.lip-lock"; then
  npm ci --prefix "$folder" --ignore-scripts --no-audit --no-fund --loglevel=error
  cp "$folder/package-lock.json" "$modules/.lip-lock"
fi
