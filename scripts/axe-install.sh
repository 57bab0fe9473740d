#!/usr/bin/env bash
# Installiert axe-core (npm-Paket) aus scripts/axe/package-lock.json – feste Version mit Prüfsumme
# (integrity) – nach scripts/axe/node_modules/axe-core/axe.min.js. Die Browser-Tests in tests/browser/
# prüfen damit jede Seite von site/ auf Verstöße gegen WCAG 2.2 AA.
exec "$(dirname "$0")/npm-fest.sh" axe axe-core/axe.min.js
