"""Sweep: break a copy of the shipped plan in many ways and see what lip says, one case at a time.

Run: python benchmarks/sweep_breakages.py [--ohne-build] [--nur NAME …] [--markdown]

Every case changes a fresh copy of the shipped plan (content/, handlungsfelder/, templates/,
mkdocs.yml) the way an expert group or an editor might break it, and runs `lip validate` and
`lip build --quiet` on it. Printed per case: the exit code of validate, its first message, what
`lip build` did, and a verdict against what the case expects:
- "fehler": validate must exit 1 and name the file; build must refuse (exit 1) and write nothing;
- "warnung": validate exits 0 with a warning (1 with --strict); build works;
- "gruen": a legitimate change: validate exits 0 and build works.
Counted at the end: tracebacks (any "Traceback" or "Interner Fehler") and green checks with changed
data (a case expecting an error or a warning that validates without any finding). A report, not a
test: it prints and never fails; tests/test_sweep.py keeps a fast subset as a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLAN_DIRS = ("content", "handlungsfelder", "templates")
LIP = str(Path(sys.executable).with_name("lip"))

M04 = "handlungsfelder/bildung/massnahmen/BIL-M04.md"
M03 = "handlungsfelder/bildung/massnahmen/BIL-M03.md"
Z02 = "handlungsfelder/bildung/ziele/BIL-Z02.md"
HF = "handlungsfelder/bildung/handlungsfeld.md"
DRUCKSACHE = "content/drucksache.md"
PLAN = "content/plan.md"


def replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        target = root / path
        text = target.read_text(encoding="utf-8")
        if old not in text:
            raise AssertionError(f"{old!r} fehlt in {path}")
        target.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def write(path: str, data: str | bytes) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8")

    return change


def rename(old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        (root / new).parent.mkdir(parents=True, exist_ok=True)
        (root / old).rename(root / new)

    return change


def copy(old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        shutil.copy2(root / old, root / new)

    return change


def delete(path: str) -> Callable[[Path], None]:
    return lambda root: (root / path).unlink()


def recode(path: str, encoding: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        target = root / path
        target.write_bytes(target.read_text(encoding="utf-8").encode(encoding))

    return change


def lip_new(root: Path) -> None:
    done = subprocess.run(
        [LIP, "--plan", str(root), "new", "massnahme", "--handlungsfeld", "BIL", "--titel", "Neue Maßnahme"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise AssertionError(done.stdout + done.stderr)


@dataclass(frozen=True)
class Case:
    name: str
    category: str
    expect: str  # "fehler", "warnung" or "gruen"
    changes: tuple[Callable[[Path], None], ...]
    fast: bool = False  # part of the quick subset that tests/test_sweep.py runs


def case(name: str, category: str, expect: str, *changes: Callable[[Path], None], fast: bool = False) -> Case:
    return Case(name, category, expect, changes, fast)


CASES = (
    # -- files (LIP1xx) and files that must not vanish ---------------------------------------
    case("Datei in Windows-1252 gespeichert", "Datei", "fehler", recode(M04, "cp1252"), fast=True),
    case("Datei leer", "Datei", "fehler", write(M04, "")),
    case("Datei enthält Nullbytes", "Datei", "fehler", write(M04, b"---\nid: BIL-M04\x00\n---\n")),
    case("erste Zeile --- fehlt", "Datei", "fehler", replace(M04, "---\nid:", "id:")),
    case("Kopfbereich nicht geschlossen", "Datei", "fehler", replace(M04, "---\n## Ausgangslage", "## Ausgangslage")),
    case("Datei über 1 MB", "Datei", "fehler", write(M04, "---\nid: BIL-M04\n---\n" + "Text. " * 200_000)),
    case("Maßnahme ohne Endung (BIL-M04)", "Datei verschwindet", "fehler", rename(M04, M04[:-3]), fast=True),
    case("Maßnahme als .txt", "Datei verschwindet", "fehler", rename(M04, M04[:-3] + ".txt"), fast=True),
    case("Maßnahme als .MD", "Datei verschwindet", "fehler", rename(M04, M04[:-3] + ".MD")),
    case(
        "Maßnahme im Ordner des Handlungsfelds",
        "Datei verschwindet",
        "fehler",
        rename(M04, "handlungsfelder/bildung/BIL-M04.md"),
    ),
    case(
        "Maßnahme im Ordner ziele/",
        "Datei verschwindet",
        "fehler",
        rename(M04, "handlungsfelder/bildung/ziele/BIL-M04.md"),
    ),
    case("Kopie „BIL-M04 (Kopie).md“", "Datei verschwindet", "fehler", copy(M04, M04[:-3] + " (Kopie).md"), fast=True),
    case("Sicherungskopie BIL-M04.md.bak", "Datei verschwindet", "fehler", copy(M04, M04 + ".bak")),
    case("Notizen als .txt", "Datei verschwindet", "fehler", write("handlungsfelder/bildung/notizen.txt", "Notizen\n")),
    case("Notizen als .md am falschen Ort", "Datei verschwindet", "fehler", write("content/notizen.md", "# Notizen\n")),
    case(
        "Bild und README (erlaubt)",
        "Datei verschwindet",
        "gruen",
        write("handlungsfelder/bildung/bilder/foto.png", b"\x89PNG\r\n\x1a\n"),
        write("handlungsfelder/README.md", "# Hinweise\n"),
    ),
    case("Pflichtdatei drucksache.md gelöscht", "Datei", "fehler", delete(DRUCKSACHE)),
    # -- YAML syntax (LIP106–LIP109) ---------------------------------------------------------
    case(
        "Doppelpunkt im Titel ohne Anführungszeichen",
        "YAML",
        "fehler",
        replace(M04, "titel: Bildungs", "titel: Neu: Bildungs"),
    ),
    case("Tabulator zum Einrücken", "YAML", "fehler", replace(M04, "  beginn: 2025", "\tbeginn: 2025")),
    case(
        "Anführungszeichen in Zeile 3 nicht geschlossen",
        "YAML",
        "fehler",
        replace(M04, "titel: Bildungs", 'titel: "Bildungs'),
        fast=True,
    ),
    case(
        "geschütztes Leerzeichen nach dem Doppelpunkt",
        "YAML",
        "fehler",
        replace(M04, 'federfuehrung: "40"', 'federfuehrung:\u00a0"40"'),
        fast=True,
    ),
    case(
        "geschütztes Leerzeichen in der Einrückung",
        "YAML",
        "fehler",
        replace(M04, "  beginn: 2025", " \u00a0beginn: 2025"),
    ),
    case(
        "Leerzeichen nach dem Doppelpunkt fehlt",
        "YAML",
        "fehler",
        replace(M04, "herkunft: eg-bildung", "herkunft:eg-bildung"),
    ),
    case(
        "typografische Anführungszeichen „40“",
        "YAML",
        "fehler",
        replace(M04, 'federfuehrung: "40"', "federfuehrung: „40“"),
        fast=True,
    ),
    case(
        "Schlüssel doppelt",
        "YAML",
        "fehler",
        replace(M04, "herkunft: eg-bildung", "herkunft: eg-bildung\nherkunft: ag-jugend"),
    ),
    case("Kopfbereich ist eine Liste", "YAML", "fehler", write(M04, "---\n- id: BIL-M04\n---\nText\n")),
    case("Anker &Co im Wert", "YAML", "fehler", replace(M04, "titel: Bildungs", "titel: &Co Bildungs")),
    case(
        "eckige Klammer nicht geschlossen",
        "YAML",
        "fehler",
        replace(M04, "zielgruppen:\n  - jugendliche\n  - mso\n", "zielgruppen: [jugendliche, mso\n"),
    ),
    # -- fields (LIP2xx), including the coordinator's cases ---------------------------------
    case("Schlüssel mit Umlaut (federführung)", "Felder", "fehler", replace(M04, "federfuehrung:", "federführung:")),
    case(
        "Pflichtangabe titel fehlt",
        "Felder",
        "fehler",
        replace(M04, "titel: Bildungsmentoring", "untertitel: Bildungsmentoring"),
    ),
    case("Text statt Zahl (betrag: viel)", "Felder", "fehler", replace(M04, "betrag: 95000", "betrag: viel")),
    case("Dezimalkomma (betrag: 95000,50)", "Felder", "fehler", replace(M04, "betrag: 95000", "betrag: 95000,50")),
    case(
        "Tausenderpunkt (betrag: 95.000)",
        "Felder",
        "fehler",
        replace(M04, "betrag: 95000", "betrag: 95.000"),  # the coordinator's part of issue 9
    ),
    case(
        "unplausibler Betrag (10^32 €)",
        "Felder",
        "warnung",
        replace(M04, "betrag: 95000", "betrag: 100000000000000000000000000000000"),
    ),
    case(
        "antragsberechtigt: yes (YAML 1.1)",
        "Felder",
        "fehler",
        replace(M04, "antragsberechtigt: true", "antragsberechtigt: yes"),  # the coordinator's part of issue 9
    ),
    case(
        "federfuehrung: 40 ohne Anführungszeichen",
        "Felder",
        "fehler",
        replace(M04, 'federfuehrung: "40"', "federfuehrung: 40"),
    ),
    case("Datum deutsch (20.06.2024)", "Felder", "fehler", replace(M04, "datum: 2024-06-20", "datum: 20.06.2024")),
    case(
        "Datum, das es nicht gibt (31.02.2025)",
        "Felder",
        "fehler",
        replace(M04, "datum: 2024-06-20", "datum: 31.02.2025"),
    ),
    case("Datum in Anführungszeichen", "Felder", "fehler", replace(M04, "datum: 2024-06-20", 'datum: "2024-06-20"')),
    case(
        "Status mit Tippfehler (beschlosen)",
        "Felder",
        "fehler",
        replace(M04, "status: beschlossen", "status: beschlosen"),
    ),
    case("ID klein geschrieben (bil-m04)", "Felder", "fehler", replace(M04, "id: BIL-M04", "id: bil-m04")),
    case("negativer Betrag", "Felder", "fehler", replace(M04, "betrag: 95000", "betrag: -95000")),
    case(
        "Drucksachennummer ohne Schrägstrich",
        "Felder",
        "fehler",
        replace(M04, 'drucksache: "0987/2024"', 'drucksache: "0987-2024"'),
    ),
    case(
        "Zielgruppe doppelt",
        "Felder",
        "warnung",
        replace(M04, "zielgruppen:\n  - jugendliche\n  - mso\n", "zielgruppen:\n  - jugendliche\n  - mso\n  - mso\n"),
    ),
    # -- references and structure (LIP3xx) ---------------------------------------------------
    case("ID doppelt (BIL-M03 als BIL-M04)", "Verweise", "fehler", replace(M03, "id: BIL-M03", "id: BIL-M04")),
    case(
        "Handlungsfeld passt nicht zum Ordner",
        "Verweise",
        "fehler",
        replace(M04, "handlungsfeld: BIL", "handlungsfeld: SOZ"),
    ),
    case(
        "unbekanntes Ziel BIL-Z99",
        "Verweise",
        "fehler",
        replace(M04, "ziele:\n  - BIL-Z02\n", "ziele:\n  - BIL-Z99\n"),
    ),
    case(
        "unbekannte Zielgruppe",
        "Verweise",
        "fehler",
        replace(M04, "zielgruppen:\n  - jugendliche\n  - mso\n", "zielgruppen:\n  - jugendlich\n  - mso\n"),
    ),
    case("Textverweis ins Leere [[BIL-M99]]", "Verweise", "fehler", replace(M04, "[[BIL-M03]]", "[[BIL-M99]]")),
    case(
        "erstes Ziel aus anderem Handlungsfeld",
        "Verweise",
        "fehler",
        replace(M04, "ziele:\n  - BIL-Z02\n  - WIR-Z02\n", "ziele:\n  - WIR-Z02\n  - BIL-Z02\n"),
    ),
    case(
        "Dateiname passt nicht zur ID",
        "Verweise",
        "warnung",
        rename(M04, "handlungsfelder/bildung/massnahmen/mentoring.md"),
    ),
    case(
        "Handlungsfeld fehlt in plan.md",
        "Verweise",
        "fehler",
        replace(PLAN, "handlungsfelder:\n  - BIL\n  - WIR\n", "handlungsfelder:\n  - WIR\n"),
    ),
    case(
        "Gremium der falschen Art",
        "Verweise",
        "fehler",
        replace(M04, "gremium: ratsversammlung", "gremium: eg-bildung"),
    ),
    case("Ziel geändert, Maßnahmen zu prüfen", "Verweise", "warnung", replace(Z02, "zielwert: 9", "zielwert: 8")),
    # -- statuses (LIP35x) -------------------------------------------------------------------
    case("beschlossen ohne Datum", "Status", "fehler", replace(M04, "  datum: 2024-06-20\n", "")),
    case("abgelehnt, aber in Umsetzung", "Status", "fehler", replace(M04, "status: beschlossen", "status: abgelehnt")),
    case("Ende vor Beginn", "Status", "fehler", replace(M04, "ende: 2029", "ende: 2020")),
    # -- Markdown text (LIP4xx) --------------------------------------------------------------
    case("Überschrift der Ebene 1 im Text", "Text", "fehler", replace(M04, "## Ausgangslage", "# Ausgangslage")),
    case("Überschriftenebene übersprungen", "Text", "fehler", replace(M04, "## Umsetzung", "#### Umsetzung")),
    case("HTML im Text", "Text", "fehler", replace(M04, "Viele Jugendliche", "<b>Viele</b> Jugendliche")),
    case(
        "Bild fehlt",
        "Text",
        "fehler",
        replace(M04, "## Umsetzung", "![Foto der Tandems](bilder/fehlt.png)\n\n## Umsetzung"),
    ),
    case(
        "Bild mit absolutem Pfad",
        "Text",
        "fehler",
        replace(M04, "## Umsetzung", "![Foto](/bilder/foto.png)\n\n## Umsetzung"),
    ),
    case(
        "Bild ohne Alternativtext",
        "Text",
        "fehler",
        write("handlungsfelder/bildung/bilder/foto.png", b"\x89PNG\r\n\x1a\n"),
        replace(M04, "## Umsetzung", "![](../bilder/foto.png)\n\n## Umsetzung"),
    ),
    case(
        "Bild von fremder Adresse",
        "Text",
        "fehler",
        replace(M04, "## Umsetzung", "![Foto](https://example.org/a.png)\n\n## Umsetzung"),
    ),
    case(
        "Text fehlt",
        "Text",
        "warnung",
        lambda root: (root / M04).write_text(
            (root / M04).read_text(encoding="utf-8").split("---\n## Ausgangslage")[0] + "---\n", encoding="utf-8"
        ),
    ),
    case("Platzhalter von lip new", "Platzhalter", "warnung", lip_new, fast=True),
    case(
        "Emoji im Titel",
        "Schriften",
        "fehler",
        replace(M04, "titel: Bildungsmentoring", "titel: 🎓 Bildungsmentoring"),
        fast=True,
    ),
    case(
        "chinesische Schriftzeichen im Text",
        "Schriften",
        "fehler",
        replace(M04, "Viele Jugendliche", "Viele Jugendliche (学生)"),
    ),
    # -- legitimate changes that must stay green and build -----------------------------------
    case(
        "Sonderzeichen, die die Schriften haben (∮ ⟦ Ελλάδα)",
        "Schriften",
        "gruen",
        replace(M04, "Viele Jugendliche", "Viele Jugendliche (∮ ⟦ Ελλάδα)"),
    ),
    case(
        "Windows-Zeilenenden und BOM",
        "Datei",
        "gruen",
        lambda root: (root / M04).write_bytes(b"\xef\xbb\xbf" + (root / M04).read_bytes().replace(b"\n", b"\r\n")),
    ),
    case(
        "Gender-Stern im Titel",
        "Text",
        "gruen",
        replace(M04, "titel: Bildungsmentoring für Jugendliche", "titel: Bildungsmentoring für Schüler*innen"),
    ),
    case("mkdocs.yml kaputt (YAML)", "Website", "fehler", write("mkdocs.yml", "site_name: [LIP\n")),
)


@dataclass(frozen=True)
class Outcome:
    case: Case
    exit_code: int
    first: str
    build: str
    verdict: str
    traceback: bool
    silent_green: bool


def _copy(target: Path) -> Path:
    for name in PLAN_DIRS:
        shutil.copytree(REPO / name, target / name)
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


def _lip(root: Path, *args: str) -> tuple[int, str]:
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run([LIP, "--plan", str(root), *args], capture_output=True, text=True, check=False, env=env)
    return done.returncode, done.stdout + done.stderr


def _first(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    found = next((line for line in lines if " LIP" in line), lines[0] if lines else "")
    return found if len(found) <= 150 else found[:147] + "…"


def run_case(item: Case, build: bool = True) -> Outcome:
    with tempfile.TemporaryDirectory() as work:
        root = _copy(Path(work) / "plan")
        for change in item.changes:
            change(root)
        code, output = _lip(root, "validate")
        strict, strict_output = _lip(root, "validate", "--strict")
        built, build_output = (None, "")
        if build:
            built, build_output = _lip(root, "build", "--quiet")
        wrote = (root / "site").exists() or (root / "dist").exists()
    texts = output + strict_output + build_output
    traceback = "Traceback" in texts or "Interner Fehler" in texts
    findings = " LIP" in output
    silent_green = item.expect != "gruen" and code == 0 and not findings
    if built is None:
        build_text = "–"
    elif built == 0:
        build_text = "gebaut"
    else:
        build_text = f"verweigert ({built})" + (", hat geschrieben" if wrote else "")
    if item.expect == "fehler":
        ok = code == 1 and findings and (built is None or (built != 0 and not wrote))
    elif item.expect == "warnung":
        ok = code == 0 and findings and strict == 1 and (built is None or built == 0)
    else:
        ok = code == 0 and (built is None or built == 0)
    verdict = "ok" if ok and not traceback else "FALSCH"
    first = _first(output) if code != 0 or findings else (_first(build_output) if built else "Keine Probleme")
    if item.expect == "fehler" and code == 0 and built not in (None, 0):
        first = _first(build_output)
    return Outcome(item, code, first, build_text, verdict, traceback, silent_green)


def render(outcomes: list[Outcome]) -> str:
    rows = [
        "| # | Fall | Art | erwartet | validate | erste Meldung | build | Urteil |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for number, o in enumerate(outcomes, 1):
        first = o.first.replace("|", "\\|")
        rows.append(
            f"| {number} | {o.case.name} | {o.case.category} | {o.case.expect} | {o.exit_code} | {first} | {o.build} | "
            f"{o.verdict} |"
        )
    wrong = sum(o.verdict != "ok" for o in outcomes)
    rows.append("")
    rows.append(
        f"{len(outcomes)} Fälle: {len(outcomes) - wrong} wie erwartet, {wrong} nicht; "
        f"{sum(o.traceback for o in outcomes)} Tracebacks; "
        f"{sum(o.silent_green for o in outcomes)} grüne Prüfungen mit veränderten Daten."
    )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ohne-build", action="store_true", help="lip build nicht ausführen (schneller)")
    parser.add_argument("--nur", nargs="*", default=None, help="nur Fälle, deren Name dies enthält")
    parser.add_argument("--schnell", action="store_true", help="nur die schnelle Auswahl (wie tests/test_sweep.py)")
    args = parser.parse_args()
    chosen = [c for c in CASES if (not args.nur or any(n in c.name for n in args.nur)) and (c.fast or not args.schnell)]
    outcomes = []
    for item in chosen:
        outcome = run_case(item, build=not args.ohne_build)
        print(f"{outcome.verdict:6} {outcome.exit_code} {item.name}: {outcome.first} [{outcome.build}]", flush=True)
        outcomes.append(outcome)
    print()
    print(render(outcomes))


if __name__ == "__main__":
    main()
