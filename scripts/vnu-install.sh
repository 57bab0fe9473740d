#!/usr/bin/env bash
# Installiert den Nu Html Checker (npm-Paket vnu-jar) aus scripts/vnu/package-lock.json – feste Version
# mit Prüfsumme (integrity) – nach scripts/vnu/node_modules/vnu-jar/build/dist/vnu.jar. Der Test
# tests/test_site_html.py prüft damit alle Seiten von site/ (braucht Java, z. B. Debians default-jre-headless).
exec "$(dirname "$0")/npm-fest.sh" vnu vnu-jar/build/dist/vnu.jar
