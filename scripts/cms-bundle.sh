#!/usr/bin/env bash
# Installiert den Web-Editor (Decap CMS) aus scripts/cms/package-lock.json – feste Versionen, jede Datei
# mit Prüfsumme (integrity) – und legt die Dateien, die die Website braucht, nach
# lip_build/outputs/cms/vendor/ (eingecheckt, mit Lizenzen und SHA256SUMS).
#
#   ./scripts/cms-bundle.sh           nur installieren (node_modules für den Browser-Test: decap-server)
#   ./scripts/cms-bundle.sh --vendor  installieren und vendor/ neu schreiben (nach einem Versionswechsel)
#   ./scripts/cms-bundle.sh --check   installieren und prüfen, dass vendor/ genau aus dem Paket stammt
#
# Braucht Node.js 20 und npm. Zur Laufzeit lädt nichts nach: lip build kopiert nur vendor/.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-}"
command -v npm >/dev/null || { echo "Fehler: npm fehlt (Node.js 20 installieren)." >&2; exit 1; }
modules=scripts/cms/node_modules
if [ ! -f "$modules/.package-lock.json" ] || ! cmp -s scripts/cms/package-lock.json "$modules/.lip-lock"; then
  npm ci --prefix scripts/cms --ignore-scripts --no-audit --no-fund --loglevel=error
  cp scripts/cms/package-lock.json "$modules/.lip-lock"
fi
vendor=lip_build/outputs/cms/vendor
dist="$modules/decap-cms/dist"
files() {
  (cd "$dist" && ls decap-cms.js [0-9]*.decap-cms.js)
}
case "$mode" in
  --vendor)
    rm -rf "$vendor" && mkdir -p "$vendor"
    for f in $(files); do cp "$dist/$f" "$vendor/$f"; done
    cp "$dist/decap-cms.js.LICENSE.txt" "$vendor/decap-cms.js.LICENSE.txt"
    cp "$modules/decap-server/LICENSE" "$vendor/LICENSE-decap-cms.txt"
    cp "$modules/js-yaml/dist/js-yaml.min.js" "$vendor/js-yaml.min.js"
    cp "$modules/js-yaml/LICENSE" "$vendor/LICENSE-js-yaml.txt"
    (cd "$vendor" && sha256sum -- * | grep -v ' SHA256SUMS$' > SHA256SUMS)
    echo "vendor/ geschrieben: $(ls "$vendor" | wc -l) Dateien, $(du -sh "$vendor" | cut -f1)."
    ;;
  --check)
    for f in $(files); do cmp -s "$dist/$f" "$vendor/$f" || { echo "Fehler: $vendor/$f weicht vom Paket ab." >&2; exit 1; }; done
    cmp -s "$modules/js-yaml/dist/js-yaml.min.js" "$vendor/js-yaml.min.js" || { echo "Fehler: js-yaml weicht ab." >&2; exit 1; }
    (cd "$vendor" && sha256sum --quiet -c SHA256SUMS)
    echo "vendor/ stimmt mit den Paketen aus package-lock.json überein."
    ;;
  "") ;;
  *) echo "Aufruf: $0 [--vendor|--check]" >&2; exit 2 ;;
esac
