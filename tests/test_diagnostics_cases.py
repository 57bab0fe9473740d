"""More than one scenario per code: variants that must trigger a code, and near misses that must not.

Each scenario changes a copy of tests/plaene/mini like the fixtures in tests/faelle/ and names the
findings that must appear ("path:line CODE") and the codes that must not appear at all. They catch
mistakes that a single happy-path fixture per code lets through, e.g. a status dropped from the rule
of LIP351 or a duplicate check that only looks at measures. Two more tests keep the set complete:
every code has a further triggering scenario and a near miss (or is listed as having only one way),
and every wording of the registry in lip_build/codes.py is produced at least once with real values.
A scenario with `xfail` states the right behaviour for a known bug and must fail until it is fixed.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from lip_build.diagnostics import CODES, Code
from lip_build.pipeline import load_plan
from tests.meldungen import check_messages
from tests.test_diagnostics import MINI, apply_changes, load_case

SOZ_M01 = "handlungsfelder/soziales/massnahmen/SOZ-M01.md"
BIL_M01 = "handlungsfelder/bildung/massnahmen/BIL-M01.md"
BIL_M02 = "handlungsfelder/bildung/massnahmen/BIL-M02.md"
BIL_Z01 = "handlungsfelder/bildung/ziele/BIL-Z01.md"
SOZ_Z01 = "handlungsfelder/soziales/ziele/SOZ-Z01.md"
KAPITEL = "content/kapitel/01-haltung.md"
DRUCKSACHE = "content/drucksache.md"
SITZUNG = "content/sitzungen/ag-jugend-2021-06-16.md"
STELLUNGNAHME = "content/stellungnahmen/runder-tisch-2026.md"


class Scenario(NamedTuple):
    changes: list[dict[str, Any]]
    expected: list[str]  # "path:line CODE" that must appear
    absent: list[str]  # codes that must not appear at all
    xfail: str = ""  # a known bug: the scenario states the right behaviour and fails until it is fixed


def _replace(path: str, old: str, new: str) -> dict[str, Any]:
    return {"datei": path, "ersetze": old, "durch": new}


def _status(entscheidung: str, umsetzung: str) -> list[dict[str, Any]]:
    return [
        _replace(SOZ_M01, "  status: zugestimmt", f"  status: {entscheidung}"),
        _replace(SOZ_M01, "  status: nicht_begonnen", f"  status: {umsetzung}"),
    ]


def _status_bil(umsetzung: str) -> list[dict[str, Any]]:
    return [_replace(BIL_M01, "  status: in_umsetzung", f"  status: {umsetzung}")]


def _text(replacement: str) -> list[dict[str, Any]]:
    return [_replace(BIL_M02, "Kinder lernen gemeinsam.", replacement)]


def _front(old: str, new: str, path: str = BIL_M02) -> list[dict[str, Any]]:
    return [_replace(path, old, new)]


_GOAL_CHANGED = _replace(SOZ_Z01, "Text des Ziels.", "Text des Ziels, jetzt mit neuem Schwerpunkt.")

_BIL_GOAL_CHANGED = _replace(BIL_Z01, "Text des Ziels.", "Text des Ziels, neu gefasst.")
_NEW_GOALS = [  # copies of both goals, made before a scenario changes the originals
    {
        "datei": "handlungsfelder/bildung/ziele/BIL-Z02.md",
        "von": BIL_Z01,
        "ersetze": "id: BIL-Z01",
        "durch": "id: BIL-Z02",
    },
    {
        "datei": "handlungsfelder/soziales/ziele/SOZ-Z02.md",
        "von": SOZ_Z01,
        "ersetze": "id: SOZ-Z01",
        "durch": "id: SOZ-Z02",
    },
]


def _verlauf(*entries: str, stand: str = "  stand: 2026-06-30\n") -> list[dict[str, Any]]:
    """BIL-M01 (in Umsetzung, stand 2026-06-30) with entries "datum status [gruende]" in the given order."""
    lines = ["  verlauf:\n"]
    for entry in entries:
        datum, status, *gruende = entry.split(" ", 2)
        lines.append(f"    - datum: {datum}\n      status: {status}\n      erledigt: Sprachcafés vorbereitet.\n")
        lines += [f"      gruende: {gruende[0]}\n"] if gruende else []
    return [_replace(BIL_M01, "  stand: 2026-06-30\n", stand + "".join(lines))]


def _werte(*values: str) -> list[dict[str, Any]]:
    """BIL-Z01 (Prozent, Ausgangsjahr 2024) with measured values "jahr wert einheit" in the given order."""
    lines = ["    werte:\n"]
    for value in values:
        jahr, wert, einheit = value.split(" ", 2)
        lines.append(f"      - jahr: {jahr}\n        wert: {wert}\n        einheit: {einheit}\n")
    return [_replace(BIL_Z01, "    zieljahr: 2030\n", "    zieljahr: 2030\n" + "".join(lines))]


SCENARIOS: dict[str, Scenario] = {
    # -- LIP1xx: files and YAML ---------------------------------------------------------
    "LIP101 Umlaut im Text in Latin-1": Scenario(
        [*_text("Schüler lernen gemeinsam."), {"datei": BIL_M02, "kodierung": "latin-1"}],
        [f"{BIL_M02}:22 LIP101"],
        [],
    ),
    "LIP101 nicht bei UTF-8 mit BOM und Windows-Zeilenenden": Scenario(
        [{"datei": BIL_M02, "ersetze": "---\nid: BIL-M02", "durch": "\ufeff---\r\nid: BIL-M02\r"}],
        [],
        ["LIP101", "LIP104", "LIP106"],
    ),
    "LIP102 Datei ganz ohne Inhalt": Scenario([{"datei": BIL_M02, "text": ""}], [f"{BIL_M02}:1 LIP102"], []),
    "LIP102 nicht bei leerem Kopfbereich mit Text": Scenario(
        [{"datei": BIL_M02, "text": "---\n---\nText\n"}], [f"{BIL_M02}:2 LIP202"], ["LIP102", "LIP108"]
    ),
    "LIP103 Nullbyte weiter unten im Text": Scenario(
        [{"datei": BIL_M02, "bytes_hex": "2d2d2d0a69643a20782d310a2d2d2d0a0a0a546578740000"}],
        [f"{BIL_M02}:6 LIP103"],
        [],
    ),
    "LIP103 nicht bei Emoji und Sonderzeichen": Scenario(_text("Kinder 👧 lernen gemeinsam – § 3."), [], ["LIP103"]),
    "LIP104 Leerzeile vor dem Kopfbereich": Scenario(
        _front("---\nid: BIL-M02", "\n---\nid: BIL-M02"), [f"{BIL_M02}:1 LIP104"], []
    ),
    "LIP104 vier Striche statt drei": Scenario(
        _front("---\nid: BIL-M02", "----\nid: BIL-M02"), [f"{BIL_M02}:1 LIP104"], []
    ),
    "LIP104 nicht bei Leerzeichen nach ---": Scenario(
        _front("---\nid: BIL-M02", "---   \nid: BIL-M02"), [], ["LIP104", "LIP105"]
    ),
    "LIP105 Kopfbereich mit ... statt --- geschlossen": Scenario(
        _front('"8d482110"\n---\n', '"8d482110"\n...\n'), [f"{BIL_M02}:1 LIP105"], []
    ),
    "LIP105 nicht bei Leerzeichen nach dem schließenden ---": Scenario(
        _front('"8d482110"\n---\n', '"8d482110"\n--- \n'), [], ["LIP105"]
    ),
    "LIP106 Anführungszeichen bis zum Ende nicht geschlossen": Scenario(
        _front('  BIL-Z01: "8d482110"', '  BIL-Z01: "8d482110'), [f"{BIL_M02}:18 LIP106"], []
    ),
    "LIP106 Doppelpunkt nach dem Schlüssel fehlt": Scenario(
        _front("titel: Lernpatenschaften", "titel Lernpatenschaften"), [f"{BIL_M02}:4 LIP106"], []
    ),
    "LIP106 Wert beginnt mit @": Scenario(
        _front("titel: Lernpatenschaften", "titel: @Lernen"), [f"{BIL_M02}:3 LIP106"], []
    ),
    "LIP106 Wert beginnt mit * und Leerzeichen": Scenario(
        _front("titel: Lernpatenschaften", "titel: * Sterne"), [f"{BIL_M02}:3 LIP106"], ["LIP109"]
    ),
    "LIP106 Wert beginnt mit & und Leerzeichen": Scenario(
        _front("titel: Lernpatenschaften", "titel: & Co"), [f"{BIL_M02}:3 LIP106"], ["LIP109"]
    ),
    "LIP106 Schlüssel beginnt mit *": Scenario(
        _front("handlungsfeld: BIL", "handlungsfeld: BIL\n*x: 1"), [f"{BIL_M02}:5 LIP106"], ["LIP109"]
    ),
    "LIP106 geschweifte Klammer nicht geschlossen": Scenario(
        _front("zeitraum:\n  beginn: 2025", "zeitraum: {beginn: 2025"), [f"{BIL_M02}:8 LIP106"], []
    ),
    "LIP106 Listeneintrag falsch eingerückt": Scenario(
        _front("    art: jaehrlich", "  art: jaehrlich", BIL_M01), [f"{BIL_M01}:15 LIP106"], []
    ),
    "LIP106 ungültiges Escape in doppelten Anführungszeichen": Scenario(
        _front("titel: Lernpatenschaften", 'titel: "Ordner \\q"'), [f"{BIL_M02}:3 LIP106"], []
    ),
    "LIP106 anderer YAML-Fehler": Scenario(
        _front("titel: Lernpatenschaften", "titel: |x\n  Lernen"), [f"{BIL_M02}:3 LIP106"], []
    ),
    "LIP106 eckige Klammer nicht geschlossen": Scenario(
        _front("zielgruppen: [kinder]", "zielgruppen: [kinder"), [f"{BIL_M02}:7 LIP106"], []
    ),
    "LIP106 Einrückung stimmt nicht": Scenario(
        _front("  status: nicht_begonnen", "   status: nicht_begonnen\n  stand: 2026-01-01"),
        [f"{BIL_M02}:16 LIP106"],
        [],
    ),
    "LIP106 Anführungszeichen in Zeile 3 offen, nicht Einrückung in Zeile 6": Scenario(
        _front("titel: Lernpatenschaften", 'titel: "Lernpatenschaften'), [f"{BIL_M02}:3 LIP106"], []
    ),
    "LIP106 einfaches Anführungszeichen offen in einem eingerückten Block": Scenario(
        _front("  status: vorgeschlagen", "  status: 'vorgeschlagen"), [f"{BIL_M02}:13 LIP106"], []
    ),
    "LIP106 Anführungszeichen offen, Text geht eingerückt weiter": Scenario(
        _front("titel: Lernpatenschaften", 'titel: "Lernpatenschaften\n  und mehr'), [f"{BIL_M02}:3 LIP106"], []
    ),
    "LIP106 Anführungszeichen in einer Liste offen": Scenario(
        _front("zielgruppen: [kinder]", 'zielgruppen: ["kinder]'), [f"{BIL_M02}:7 LIP106"], []
    ),
    "LIP106 geschütztes Leerzeichen nach dem Doppelpunkt": Scenario(
        _front('federfuehrung: "40"', 'federfuehrung:\u00a0"40"'), [f"{BIL_M02}:6 LIP106"], []
    ),
    "LIP201 geschütztes Leerzeichen in der Einrückung, nicht „beginn fehlt“": Scenario(
        _front("  beginn: 2025", " \u00a0beginn: 2025"), [f"{BIL_M02}:9 LIP201"], ["LIP202"]
    ),
    "LIP106 Leerzeichen nach dem Doppelpunkt fehlt": Scenario(
        _front("herkunft: ag-jugend", "herkunft:ag-jugend"), [f"{BIL_M02}:11 LIP106"], []
    ),
    "LIP106 Doppelpunkt in typografischen Anführungszeichen": Scenario(
        _front("titel: Lernpatenschaften", "titel: „Lernen: Patenschaften“"), [f"{BIL_M02}:3 LIP106"], []
    ),
    "LIP106 nicht bei geschütztem Leerzeichen und Anführungszeichen innerhalb eines Werts": Scenario(
        _front("titel: Lernpatenschaften", "titel: Lern\u00a0patenschaften „für alle“ mit 'Herz' und \"Hand\""),
        [],
        ["LIP106"],
    ),
    "LIP211 Zielgruppe in englischen typografischen Anführungszeichen": Scenario(
        _front("zielgruppen: [kinder]", "zielgruppen: [“kinder”]"), [f"{BIL_M02}:7 LIP211"], ["LIP304"]
    ),
    "LIP211 Status in Anführungszeichen der Form ‚…‘": Scenario(
        _front("  status: vorgeschlagen", "  status: ‚vorgeschlagen‘"), [f"{BIL_M02}:13 LIP211"], ["LIP205"]
    ),
    "LIP211 nicht bei einem Titel in typografischen Anführungszeichen": Scenario(
        _front("titel: Lernpatenschaften", "titel: „Lernpatenschaften“"), [], ["LIP211"]
    ),
    "LIP106 nicht bei Doppelpunkt in Anführungszeichen": Scenario(
        _front("titel: Lernpatenschaften", 'titel: "Lernen: Patenschaften"'), [], ["LIP106"]
    ),
    "LIP107 Schlüssel doppelt in einem eingerückten Block": Scenario(
        _front("  status: vorgeschlagen\n", "  status: vorgeschlagen\n  status: zugestimmt\n"),
        [f"{BIL_M02}:14 LIP107"],
        [],
    ),
    "LIP107 nicht bei gleichem Schlüssel in zwei Blöcken": Scenario(
        _front("  status: vorgeschlagen", "  status: vorgeschlagen\n  bemerkung: offen")
        + _front("  status: nicht_begonnen", "  status: nicht_begonnen\n  bemerkung: offen"),
        [],
        ["LIP107", "LIP201"],
    ),
    "LIP108 Kopfbereich ist ein einzelner Satz": Scenario(
        [{"datei": BIL_M02, "text": "---\nLernpatenschaften für Kinder\n---\nText\n"}], [f"{BIL_M02}:2 LIP108"], []
    ),
    "LIP109 Verweis in einer Liste": Scenario(
        _front("zielgruppen: [kinder]", "zielgruppen: [*kinder]"), [f"{BIL_M02}:7 LIP109"], []
    ),
    "LIP109 nicht bei & mitten im Text oder in Anführungszeichen": Scenario(
        _front("titel: Lernpatenschaften", "titel: Lernen & Patenschaften")
        + _front("titel: Beratung im Stadtteil", 'titel: "&Co – Beratung"', SOZ_M01),
        [],
        ["LIP109", "LIP106"],
    ),
    "LIP110 nicht knapp unter der Grenze": Scenario(
        [{"datei": BIL_M02, "anhaengen": "Sehr langer Text. ", "wiederholen": 50000}], [], ["LIP110"]
    ),
    "LIP111 Datei direkt in content/": Scenario(
        [{"datei": "content/notizen.md", "text": "Notizen\n"}], ["content/notizen.md:1 LIP111"], []
    ),
    "LIP113 Kopie eines Ziels in einem Unterordner der Ziele": Scenario(
        [{"datei": "handlungsfelder/bildung/ziele/alt/BIL-Z01.md", "von": BIL_Z01}],
        ["handlungsfelder/bildung/ziele/alt/BIL-Z01.md:1 LIP113"],
        ["LIP301", "LIP111"],
    ),
    "LIP111 Notizen in einem Unterordner der Ziele": Scenario(
        [{"datei": "handlungsfelder/bildung/ziele/alt/notizen.md", "text": "Notizen\n"}],
        ["handlungsfelder/bildung/ziele/alt/notizen.md:1 LIP111"],
        ["LIP113"],
    ),
    "LIP111 Textdatei, die kein Markdown ist": Scenario(
        [{"datei": "handlungsfelder/bildung/notizen.txt", "text": "Notizen\n"}],
        ["handlungsfelder/bildung/notizen.txt:1 LIP111"],
        ["LIP113"],
    ),
    "LIP111 nicht bei Bildern, Dokumenten, README und versteckten Dateien": Scenario(
        [
            {"datei": "handlungsfelder/bildung/bilder/karte.svg", "text": "<svg/>\n"},
            {"datei": "content/downloads/bericht.pdf", "bytes_hex": "255044462d312e370a"},
            {"datei": "handlungsfelder/README.md", "text": "# Hinweise für die Redaktion\n"},
            {"datei": "handlungsfelder/bildung/.gitkeep", "text": ""},
        ],
        [],
        ["LIP111", "LIP113"],
    ),
    "LIP113 Maßnahme als .txt gespeichert": Scenario(
        [
            {"datei": "handlungsfelder/bildung/massnahmen/BIL-M02.txt", "von": BIL_M02},
            {"datei": BIL_M02, "loeschen": True},
        ],
        ["handlungsfelder/bildung/massnahmen/BIL-M02.txt:1 LIP113"],
        ["LIP111", "LIP305", "LIP303", "LIP306"],  # read as the measure it holds: no follow-up errors
    ),
    "LIP113 Maßnahme mit Endung .MD": Scenario(
        [
            {"datei": "handlungsfelder/bildung/massnahmen/BIL-M02.MD", "von": BIL_M02},
            {"datei": BIL_M02, "loeschen": True},
        ],
        ["handlungsfelder/bildung/massnahmen/BIL-M02.MD:1 LIP113"],
        ["LIP111", "LIP306"],
    ),
    "LIP113 Maßnahme direkt im Ordner des Handlungsfelds": Scenario(
        [{"datei": "handlungsfelder/bildung/BIL-M02.md", "von": BIL_M02}, {"datei": BIL_M02, "loeschen": True}],
        ["handlungsfelder/bildung/BIL-M02.md:1 LIP113"],
        ["LIP111", "LIP306"],
    ),
    "LIP113 Maßnahme im Ordner der Ziele": Scenario(
        [{"datei": "handlungsfelder/bildung/ziele/BIL-M02.md", "von": BIL_M02}, {"datei": BIL_M02, "loeschen": True}],
        ["handlungsfelder/bildung/ziele/BIL-M02.md:2 LIP113"],
        ["LIP201", "LIP206", "LIP306"],  # not checked as a goal: one error, not fourteen
    ),
    "LIP113 Ziel im Ordner der Maßnahmen": Scenario(
        [
            {"datei": "handlungsfelder/bildung/massnahmen/BIL-Z01.md", "von": BIL_Z01},
            {"datei": BIL_Z01, "loeschen": True},
        ],
        ["handlungsfelder/bildung/massnahmen/BIL-Z01.md:2 LIP113"],
        ["LIP201", "LIP202", "LIP303"],
    ),
    "LIP113 Sicherungskopie neben dem Original": Scenario(
        [{"datei": "handlungsfelder/bildung/massnahmen/BIL-M02.md.bak", "von": BIL_M02}],
        ["handlungsfelder/bildung/massnahmen/BIL-M02.md.bak:1 LIP113"],
        ["LIP301"],
    ),
    "LIP113 nicht bei einer Maßnahme am richtigen Ort": Scenario(
        [{"datei": BIL_M02, "ersetze": "titel:", "durch": "titel:"}], [], ["LIP113", "LIP111"]
    ),
    "LIP112 Verzeichnis der Organisationseinheiten fehlt": Scenario(
        [{"datei": "content/organisationseinheiten.md", "loeschen": True}],
        ["content/organisationseinheiten.md:1 LIP112"],
        ["LIP304"],  # once, not again as an unknown OE in every file
    ),
    "LIP304 nicht bei unlesbarem Verzeichnis der Organisationseinheiten": Scenario(
        [{"datei": "content/organisationseinheiten.md", "bytes_hex": "fffe00"}],
        [],
        ["LIP304"],
    ),
    "LIP112 handlungsfeld.md fehlt im Ordner": Scenario(
        [{"datei": "handlungsfelder/bildung/handlungsfeld.md", "loeschen": True}],
        ["handlungsfelder/bildung/handlungsfeld.md:1 LIP112"],
        [],
    ),
    "LIP112 nicht bei fehlendem Kapitel": Scenario([{"datei": KAPITEL, "loeschen": True}], [], ["LIP112"]),
    # -- LIP2xx: fields -----------------------------------------------------------------
    "LIP201 unbekannter Schlüssel in einem eingerückten Block": Scenario(
        _front("  status: vorgeschlagen", "  status: vorgeschlagen\n  gremum: lenkungsgruppe"),
        [f"{BIL_M02}:14 LIP201"],
        [],
    ),
    "LIP201 Schlüssel einer anderen Dateiart": Scenario(
        _front("name: Kinder", "name: Kinder\nhandlungsfeld: BIL", "content/zielgruppen/kinder.md"),
        ["content/zielgruppen/kinder.md:4 LIP201"],
        [],
    ),
    "LIP202 Pflichtangabe ohne Wert": Scenario(_front('kontakt: "40"', "kontakt:"), [f"{BIL_M02}:16 LIP202"], []),
    "LIP202 leere Liste": Scenario(_front("zielgruppen: [kinder]", "zielgruppen: []"), [f"{BIL_M02}:7 LIP202"], []),
    "LIP202 Pflichtangabe in einem eingerückten Block": Scenario(
        _front("  status: vorgeschlagen\n", ""), [f"{BIL_M02}:12 LIP202"], []
    ),
    "LIP202 Beschlussdrucksache ohne Antrag": Scenario(
        _front("antrag: den beigefügten Testplan zu beschließen.\n", "", DRUCKSACHE), [f"{DRUCKSACHE}:3 LIP202"], []
    ),
    "LIP202 nicht bei Informationsdrucksache ohne Antrag": Scenario(
        _front("antrag: den beigefügten Testplan zu beschließen.\n", "", DRUCKSACHE)
        + _front("art: beschlussdrucksache", "art: informationsdrucksache", DRUCKSACHE),
        [],
        ["LIP202"],
    ),
    "LIP203 Liste statt Text": Scenario(
        _front("titel: Lernpatenschaften", "titel: [Lernen, Patenschaften]"), [f"{BIL_M02}:3 LIP203"], []
    ),
    "LIP203 Zahl statt Text": Scenario(_front("titel: Lernpatenschaften", "titel: 2024"), [f"{BIL_M02}:3 LIP203"], []),
    "LIP203 Betrag mit Tausenderpunkt": Scenario(
        _front("betrag: 25000", 'betrag: "25.000"', BIL_M01), [f"{BIL_M01}:14 LIP203"], []
    ),
    "LIP203 Tausenderpunkt ohne Anführungszeichen (YAML läse 95.0)": Scenario(
        _front("betrag: 25000", "betrag: 95.000", BIL_M01), [f"{BIL_M01}:14 LIP203"], []
    ),
    "LIP203 Betrag mit Eurozeichen und Komma": Scenario(
        _front("betrag: 25000", 'betrag: "1.250,50 €"', BIL_M01), [f"{BIL_M01}:14 LIP203"], []
    ),
    "LIP203 Betrag mit Wörtern": Scenario(
        _front("betrag: 25000", 'betrag: "ca. 25000"', BIL_M01), [f"{BIL_M01}:14 LIP203"], []
    ),
    "LIP203 nicht bei Cent-Beträgen mit Punkt": Scenario(
        _front("betrag: 25000", "betrag: 1250.50", BIL_M01), [], ["LIP203"]
    ),
    "LIP203 nicht bei einem Punkt mit zwei Nachkommastellen": Scenario(
        _front("betrag: 25000", "betrag: 95.25", BIL_M01), [], ["LIP203"]
    ),
    "LIP203 yes statt true (YAML 1.1)": Scenario(
        _front("antragsberechtigt: true", "antragsberechtigt: yes", BIL_M01), [f"{BIL_M01}:17 LIP203"], []
    ),
    "LIP203 nicht bei True in Großbuchstaben (YAML 1.2)": Scenario(
        _front("antragsberechtigt: true", "antragsberechtigt: True", BIL_M01), [], ["LIP203"]
    ),
    "LIP203 nicht bei yes als Text (YAML 1.2 liest es als Text)": Scenario(
        _front("titel: Lernpatenschaften", "titel: yes"), [], ["LIP203"]
    ),
    "LIP203 nicht bei 1:30 und 1_000 als Text": Scenario(
        _front("titel: Lernpatenschaften", "titel: 1_000 Lernpaten ab 1:30"), [], ["LIP203"]
    ),
    "LIP203 OE-Nummer ohne Anführungszeichen": Scenario(
        _front('federfuehrung: "40"', "federfuehrung: 40"), [f"{BIL_M02}:6 LIP203"], []
    ),
    "LIP203 einzelner Wert statt eingerückter Angaben": Scenario(
        _front("zeitraum:\n  beginn: 2025", "zeitraum: 2025"), [f"{BIL_M02}:8 LIP203"], []
    ),
    "LIP203 nicht bei einem einzelnen Wert statt einer Liste": Scenario(
        _front("zielgruppen: [kinder]", "zielgruppen: kinder"), [], ["LIP203"]
    ),
    "LIP204 Wort statt Datum": Scenario(
        _front("  status: nicht_begonnen", "  status: nicht_begonnen\n  stand: morgen"), [f"{BIL_M02}:16 LIP204"], []
    ),
    "LIP354 eigener Höchstbetrag im Plan": Scenario(
        [
            _replace(
                "content/plan.md", "handlungsfelder: [BIL, SOZ]", "handlungsfelder: [BIL, SOZ]\nhoechstbetrag: 20000"
            ),
        ],
        [f"{BIL_M01}:14 LIP354"],
        [],
    ),
    "LIP354 nicht unter einem eigenen, höheren Höchstbetrag": Scenario(
        [
            _replace(
                "content/plan.md", "handlungsfelder: [BIL, SOZ]", "handlungsfelder: [BIL, SOZ]\nhoechstbetrag: 1e33"
            ),
            _replace(BIL_M01, "betrag: 25000", "betrag: 100000000000000000000000000000000"),
        ],
        [],
        ["LIP354"],
    ),
    "LIP204 deutsches Datum eines Tages, den es nicht gibt": Scenario(
        _front("  status: nicht_begonnen", "  status: nicht_begonnen\n  stand: 31.02.2025"),
        [f"{BIL_M02}:16 LIP204"],
        [],
    ),
    "LIP204 nicht bei einem gültigen Datum": Scenario(
        _front("  status: nicht_begonnen", "  status: nicht_begonnen\n  stand: 2024-02-29"), [], ["LIP204"]
    ),
    "LIP205 Wert ohne Ähnlichkeit": Scenario(
        _front("art: beschlussdrucksache", "art: vorlage", DRUCKSACHE), [f"{DRUCKSACHE}:3 LIP205"], []
    ),
    "LIP205 Großbuchstabe im Status": Scenario(
        _front("  status: nicht_begonnen", "  status: Nicht_begonnen"), [f"{BIL_M02}:15 LIP205"], []
    ),
    "LIP205 nicht bei Leerzeichen um einen erlaubten Wert": Scenario(
        _front("  status: nicht_begonnen", '  status: " nicht_begonnen "'), [], ["LIP205"]
    ),
    "LIP206 ID in Kleinbuchstaben": Scenario(_front("id: BIL-M02", "id: bil-m02"), [f"{BIL_M02}:2 LIP206"], []),
    "LIP206 Nummer einstellig": Scenario(_front("id: BIL-M02", "id: BIL-M2"), [f"{BIL_M02}:2 LIP206"], []),
    "LIP206 Gremium-ID mit Großbuchstaben": Scenario(
        _front("herkunft: ag-jugend", "herkunft: AG-Jugend"), [f"{BIL_M02}:11 LIP206"], []
    ),
    "LIP206 nicht bei dreistelliger Nummer": Scenario(
        [
            {
                "datei": "handlungsfelder/bildung/massnahmen/BIL-M100.md",
                "von": BIL_M02,
                "ersetze": "id: BIL-M02",
                "durch": "id: BIL-M100",
            }
        ],
        [],
        ["LIP206", "LIP308"],
    ),
    "LIP207 negativer Betrag": Scenario(
        _front("betrag: 25000", "betrag: -25000", BIL_M01), [f"{BIL_M01}:14 LIP207"], []
    ),
    "LIP207 Jahr nach 2100": Scenario(_front("beginn: 2025", "beginn: 2125"), [f"{BIL_M02}:9 LIP207"], []),
    "LIP207 nicht an der Grenze des Bereichs": Scenario(
        _front("beginn: 2025", "beginn: 1990") + _front("betrag: 25000", "betrag: 0", BIL_M01), [], ["LIP207"]
    ),
    "LIP208 OE-Nummer im Verzeichnis in falscher Form": Scenario(
        _front('oe: "40"', 'oe: "4000"', "content/organisationseinheiten.md"),
        ["content/organisationseinheiten.md:6 LIP208"],
        [],
    ),
    "LIP208 nicht bei Drucksachennummer mit Ergänzung": Scenario(
        _front('nummer: "2610/2026"', 'nummer: "2610/2026 E1"', DRUCKSACHE), [], ["LIP208"]
    ),
    "LIP209 Ziel doppelt": Scenario(
        _front("ziele: [BIL-Z01]", "ziele: [BIL-Z01, BIL-Z01]"), [f"{BIL_M02}:5 LIP209"], []
    ),
    "LIP209 nicht bei demselben Wert in zwei Listen": Scenario(
        _front('partner: ["50.60", Migrant*innenselbstorganisationen]', 'partner: ["40", "50.60"]', BIL_M01)
        + _front("kosten:\n", "kosten:\n  - betrag: 100\n    art: jaehrlich\n    finanzierung: Land\n", BIL_M01)
        + [
            _replace(
                "content/organisationseinheiten.md",
                '    dezernat: "III"',
                '    dezernat: "III"\n  - oe: "50"\n    name: Dezernat',
            )
        ],
        [],
        ["LIP209"],
    ),
    # -- LIP30x–31x: references and structure -------------------------------------------
    "LIP210 nach einer Liste, ohne Leerzeichen nach #": Scenario(
        [{"datei": BIL_M02, "ersetze": "zielgruppen: [kinder]", "durch": "zielgruppen: [kinder] #bitte prüfen"}],
        [f"{BIL_M02}:7 LIP210"],
        [],
    ),
    "LIP210 nicht bei „bitte prüfen“ im Text oder in einem Wert": Scenario(
        [
            {
                "datei": BIL_M02,
                "ersetze": "Kinder lernen gemeinsam.",
                "durch": "Kinder lernen gemeinsam # bitte prüfen",
            },
            {
                "datei": BIL_M02,
                "ersetze": "titel: Lernpatenschaften",
                "durch": 'titel: "Lernpatenschaften # bitte prüfen"',
            },
        ],
        [],
        ["LIP210"],
    ),
    "LIP409 Platzhalter im Text eines Ziels": Scenario(
        [
            {
                "datei": BIL_Z01,
                "anhaengen": "\nBeschreiben Sie hier den Zielzustand: Was soll erreicht sein, "
                "und warum ist das wichtig?\n",
            }
        ],
        [f"{BIL_Z01}:15 LIP409"],
        [],
    ),
    "LIP409 nicht bei einem eigenen Text, der ähnlich beginnt": Scenario(
        [{"datei": BIL_M02, "ersetze": "Kinder lernen gemeinsam.", "durch": "Beschreiben Sie hier, was Sie tun."}],
        [],
        ["LIP409"],
    ),
    "LIP410 chinesisches Zeichen im Text, auch nach typografischen Anführungszeichen": Scenario(
        [{"datei": BIL_M02, "ersetze": "Kinder lernen gemeinsam.", "durch": "„Kinder“ lernen gemeinsam: 学习."}],
        [f"{BIL_M02}:22 LIP410"],
        [],
    ),
    "LIP410 nicht bei Zeichen, die Noto Sans oder Typsts eingebaute Schriften haben": Scenario(
        [
            {
                "datei": BIL_M02,
                "ersetze": "Kinder lernen gemeinsam.",
                "durch": "„Kinder“ – Ελληνικά, Русский, Türkçe, 50 €, ∮ und ⟦…⟧ lernen gemeinsam.",
            }
        ],
        [],
        ["LIP410"],
    ),
    "LIP411 leere Schriftsammlung in einem Unterordner von fonts/": Scenario(
        [{"datei": "fonts/cjk/NotoSansCJK.ttc", "text": ""}],
        ["fonts/cjk/NotoSansCJK.ttc:1 LIP411"],
        [],
    ),
    "LIP411 nicht bei einer Lizenz- oder Textdatei neben den Schriften": Scenario(
        [
            {"datei": "fonts/OFL.txt", "text": "SIL Open Font License 1.1\n"},
            {"datei": "fonts/LIESMICH.md", "text": "x\n"},
        ],
        [],
        ["LIP411"],
    ),
    "LIP301 auf der Kopie, nicht auf dem Original": Scenario(
        [{"datei": "handlungsfelder/bildung/massnahmen/BIL-M01 (Kopie).md", "von": BIL_M01}],
        ["handlungsfelder/bildung/massnahmen/BIL-M01 (Kopie).md:2 LIP301"],
        [],
    ),
    "LIP301 Ziel-ID doppelt": Scenario(
        [{"datei": "handlungsfelder/soziales/ziele/SOZ-Z02.md", "von": SOZ_Z01}],
        ["handlungsfelder/soziales/ziele/SOZ-Z02.md:2 LIP301"],
        [],
    ),
    "LIP301 Gremium-ID doppelt": Scenario(
        [{"datei": "content/gremien/eg-bildung2.md", "von": "content/gremien/eg-bildung.md"}],
        ["content/gremien/eg-bildung2.md:2 LIP301"],
        [],
    ),
    "LIP301 nicht bei gleicher Nummer in zwei Handlungsfeldern": Scenario(
        [
            {
                "datei": "handlungsfelder/soziales/massnahmen/SOZ-M02.md",
                "von": SOZ_M01,
                "ersetze": "id: SOZ-M01",
                "durch": "id: SOZ-M02",
            }
        ],
        [],
        ["LIP301"],
    ),
    "LIP302 Ziel im Ordner eines anderen Handlungsfelds": Scenario(
        _front("handlungsfeld: BIL", "handlungsfeld: SOZ", BIL_Z01), [f"{BIL_Z01}:4 LIP302"], []
    ),
    "LIP302 nicht, wenn Ordner und Angabe passen": Scenario(
        [
            {
                "datei": "handlungsfelder/soziales/massnahmen/SOZ-M05.md",
                "von": SOZ_M01,
                "ersetze": "id: SOZ-M01",
                "durch": "id: SOZ-M05",
            }
        ],
        [],
        ["LIP302"],
    ),
    "LIP303 Ziel aus einem Handlungsfeld ohne Ziele": Scenario(
        _front("ziele: [BIL-Z01]", "ziele: [BIL-Z01, KUL-Z01]"), [f"{BIL_M02}:5 LIP303"], []
    ),
    "LIP303 unbekanntes Gremium": Scenario(
        _front("herkunft: ag-jugend", "herkunft: eg-kultur"), [f"{BIL_M02}:11 LIP303"], []
    ),
    "LIP303 unbekanntes Handlungsfeld im Plan": Scenario(
        _front("handlungsfelder: [BIL, SOZ]", "handlungsfelder: [BIL, SOZ, KUL]", "content/plan.md"),
        ["content/plan.md:7 LIP303"],
        [],
    ),
    "LIP303 Verweis, wenn es noch gar keine Ziele gibt": Scenario(
        [{"datei": BIL_Z01, "loeschen": True}, {"datei": SOZ_Z01, "loeschen": True}], [f"{BIL_M02}:5 LIP303"], []
    ),
    "LIP303 nicht als Folge eines Ziels, das nicht gelesen werden kann": Scenario(
        [
            _replace(BIL_Z01, "Text des Ziels.", "Text des Ziels für Schüler."),
            {"datei": BIL_Z01, "kodierung": "latin-1"},
        ],
        [f"{BIL_Z01}:13 LIP101"],
        ["LIP303", "LIP305"],
    ),
    "LIP304 unbekannte OE-Nummer": Scenario(_front('kontakt: "40"', 'kontakt: "41"'), [f"{BIL_M02}:16 LIP304"], []),
    "LIP304 Querschnittsthema, von dem es keines gibt": Scenario(
        [{"datei": "content/querschnittsthemen/inklusion.md", "loeschen": True}], [f"{BIL_M01}:9 LIP304"], []
    ),
    "LIP304 nicht bei einem Namen als Partner": Scenario(
        _front('partner: ["50.60", Migrant*innenselbstorganisationen]', "partner: [Stadtteilverein 12]", BIL_M01),
        [],
        ["LIP304"],
    ),
    "LIP305 Textverweis in einem Kapitel": Scenario(
        _front("Siehe [[BIL-Z01]].", "Siehe [[BIL-Z07]].", KAPITEL), [f"{KAPITEL}:7 LIP305"], []
    ),
    "LIP305 Textverweis mit Leerzeichen und Kleinbuchstaben": Scenario(
        _text("Kinder lernen gemeinsam, siehe [[ bil-m01 ]]."), [f"{BIL_M02}:22 LIP305"], []
    ),
    "LIP305 nicht im Codeblock": Scenario(_text("Beispiel:\n\n```\n[[ABC-M99]]\n```"), [], ["LIP305"]),
    "LIP305 nicht bei einem vorhandenen Ziel": Scenario(_text("Siehe [[SOZ-Z01]] und [[BIL-M01]]."), [], ["LIP305"]),
    "LIP305 nicht in Inline-Code": Scenario(_text("Schreiben Sie `[[ABC-M99]]` für einen Verweis."), [], ["LIP305"]),
    "LIP305 nicht in eingerücktem Code": Scenario(_text("Beispiel:\n\n    [[ABC-M99]]"), [], ["LIP305"]),
    "LIP306 zweites Ziel im Handlungsfeld Soziales": Scenario(
        [
            {
                "datei": "handlungsfelder/soziales/ziele/SOZ-Z02.md",
                "von": SOZ_Z01,
                "ersetze": "id: SOZ-Z01",
                "durch": "id: SOZ-Z02",
            }
        ],
        ["handlungsfelder/soziales/ziele/SOZ-Z02.md:2 LIP306"],
        [],
    ),
    "LIP306 Ziel, dessen einzige Maßnahme gelöscht ist": Scenario(
        [{"datei": BIL_M02, "loeschen": True}, _replace(BIL_M01, "ziele: [BIL-Z01, SOZ-Z01]", "ziele: [SOZ-Z01]")],
        [f"{BIL_Z01}:2 LIP306"],
        [],
    ),
    "LIP306 nicht, wenn nur eine Maßnahme eines anderen Felds dem Ziel dient": Scenario(
        [{"datei": SOZ_M01, "loeschen": True}], [], ["LIP306"]
    ),
    "LIP307 nicht, wenn erst das zweite Ziel fremd ist": Scenario(
        _front("ziele: [SOZ-Z01]", "ziele: [SOZ-Z01, BIL-Z01]", SOZ_M01), [], ["LIP307"]
    ),
    "LIP307 fremdes Ziel vor dem eigenen": Scenario(
        _front("ziele: [BIL-Z01]", "ziele: [SOZ-Z01, BIL-Z01]"), [f"{BIL_M02}:5 LIP307"], []
    ),
    "LIP308 Zielgruppe mit anderem Dateinamen": Scenario(
        [
            {
                "datei": "content/zielgruppen/jugendliche.md",
                "von": "content/zielgruppen/kinder.md",
                "ersetze": "id: kinder",
                "durch": "id: jugend",
            }
        ],
        ["content/zielgruppen/jugendliche.md:2 LIP308"],
        [],
    ),
    "LIP308 nicht, wenn der Dateiname zur ID passt": Scenario(
        [
            {
                "datei": "content/zielgruppen/jugend.md",
                "von": "content/zielgruppen/kinder.md",
                "ersetze": "id: kinder",
                "durch": "id: jugend",
            }
        ],
        [],
        ["LIP308"],
    ),
    "LIP309 nicht bei anderer Reihenfolge": Scenario(
        _front("handlungsfelder: [BIL, SOZ]", "handlungsfelder: [SOZ, BIL]", "content/plan.md"), [], ["LIP309"]
    ),
    "LIP310 Arbeitsgruppe als Expert*innengruppe": Scenario(
        _front("expertengruppe: eg-bildung", "expertengruppe: ag-jugend", "handlungsfelder/bildung/handlungsfeld.md"),
        ["handlungsfelder/bildung/handlungsfeld.md:4 LIP310"],
        [],
    ),
    "LIP310 Lenkungsgruppe beschließt": Scenario(
        _front("gremium: ratsversammlung", "gremium: lenkungsgruppe", BIL_M01), [f"{BIL_M01}:21 LIP310"], []
    ),
    "LIP310 Rat stimmt zu": Scenario(
        _front("gremium: lenkungsgruppe", "gremium: ratsversammlung", SOZ_M01), [f"{SOZ_M01}:14 LIP310"], []
    ),
    "LIP310 nicht bei Expert*innengruppe als Herkunft": Scenario(
        _front("herkunft: ag-jugend", "herkunft: eg-bildung"), [], ["LIP310"]
    ),
    "LIP311 zwei Ziele geändert": Scenario(
        [_GOAL_CHANGED, _BIL_GOAL_CHANGED],
        [f"{BIL_M01}:28 LIP311"],
        [],
    ),
    "LIP311 zwei Verknüpfungen unbestätigt": Scenario(
        _front('geprueft:\n  SOZ-Z01: "21509ed3"\n', "", SOZ_M01)
        + _front("ziele: [SOZ-Z01]", "ziele: [SOZ-Z01, BIL-Z01]", SOZ_M01),
        [f"{SOZ_M01}:5 LIP311"],
        [],
    ),
    "LIP311 ein Ziel geändert und eines unbestätigt": Scenario(
        [_GOAL_CHANGED, _replace(SOZ_M01, "ziele: [SOZ-Z01]", "ziele: [SOZ-Z01, BIL-Z01]")],
        [f"{SOZ_M01}:19 LIP311"],
        [],
    ),
    "LIP311 zwei Ziele geändert und eines unbestätigt": Scenario(
        [
            *_NEW_GOALS,
            _GOAL_CHANGED,
            _BIL_GOAL_CHANGED,
            _replace(BIL_M01, "ziele: [BIL-Z01, SOZ-Z01]", "ziele: [BIL-Z01, SOZ-Z01, BIL-Z02]"),
        ],
        [f"{BIL_M01}:28 LIP311"],
        [],
    ),
    "LIP311 ein Ziel geändert und zwei unbestätigt": Scenario(
        [*_NEW_GOALS, _GOAL_CHANGED, _replace(SOZ_M01, "ziele: [SOZ-Z01]", "ziele: [SOZ-Z01, BIL-Z02, SOZ-Z02]")],
        [f"{SOZ_M01}:19 LIP311"],
        [],
    ),
    "LIP311 zwei Ziele geändert und zwei unbestätigt": Scenario(
        [
            *_NEW_GOALS,
            _GOAL_CHANGED,
            _BIL_GOAL_CHANGED,
            _replace(BIL_M01, "ziele: [BIL-Z01, SOZ-Z01]", "ziele: [BIL-Z01, SOZ-Z01, BIL-Z02, SOZ-Z02]"),
        ],
        [f"{BIL_M01}:28 LIP311"],
        [],
    ),
    "LIP311 nicht bei neu umbrochenem Zieltext": Scenario(
        [_replace(SOZ_Z01, "Text des Ziels.", "Text\ndes   Ziels.")], [], ["LIP311"]
    ),
    # -- LIP35x: statuses ---------------------------------------------------------------
    "LIP350 Beschluss ohne Drucksache": Scenario(
        _front('  drucksache: "1830/2022"\n', "", BIL_M01), [f"{BIL_M01}:20 LIP350"], []
    ),
    "LIP350 Zustimmung ohne Gremium und Datum": Scenario(
        _front("  gremium: lenkungsgruppe\n  datum: 2026-09-22\n", "", SOZ_M01), [f"{SOZ_M01}:13 LIP350"], []
    ),
    "LIP350 nicht bei vollständig zurückgestellter Maßnahme": Scenario(
        _status("zurueckgestellt", "nicht_begonnen"), [], ["LIP350", "LIP351", "LIP353"]
    ),
    "LIP351 Empfehlung an das Land in Umsetzung": Scenario(
        _status("empfehlung_an_das_land", "in_umsetzung"), [f"{SOZ_M01}:17 LIP351"], []
    ),
    "LIP351 zurückgestellt und umgesetzt": Scenario(
        _status("zurueckgestellt", "umgesetzt"), [f"{SOZ_M01}:17 LIP351"], []
    ),
    "LIP351 nicht bei abgelehnt und nicht begonnen": Scenario(_status("abgelehnt", "nicht_begonnen"), [], ["LIP351"]),
    "LIP351 nicht bei zugestimmt und in Umsetzung": Scenario(_status("zugestimmt", "in_umsetzung"), [], ["LIP351"]),
    "LIP352 Zieljahr einer Kennzahl vor dem Ausgangsjahr": Scenario(
        _front("zieljahr: 2030", "zieljahr: 2020", BIL_Z01), [f"{BIL_Z01}:11 LIP352"], []
    ),
    "LIP352 nicht bei Beginn und Ende im selben Jahr": Scenario(
        _front("ende: 2027", "ende: 2024", BIL_M01), [], ["LIP352"]
    ),
    # -- LIP355–LIP358 and LIP202: progress over time ------------------------------------
    "LIP202 Verlauf: eingestellt ohne Gründe": Scenario(
        [*_verlauf("2025-12-31 in_umsetzung", "2026-06-30 eingestellt"), *_status_bil("eingestellt")],
        [f"{BIL_M01}:32 LIP202"],
        ["LIP355", "LIP356"],
    ),
    "LIP202 nicht bei nicht begonnen mit Gründen": Scenario(
        _verlauf("2025-12-31 nicht_begonnen Die Stelle war unbesetzt.", "2026-06-30 in_umsetzung"),
        [],
        ["LIP202", "LIP355", "LIP356"],
    ),
    "LIP355 zwei Einträge am selben Tag": Scenario(
        _verlauf("2026-06-30 in_umsetzung", "2026-06-30 in_umsetzung"), [f"{BIL_M01}:31 LIP355"], ["LIP356"]
    ),
    "LIP355 ungeordnet, der neueste Eintrag passt zum Stand": Scenario(
        _verlauf("2026-06-30 in_umsetzung", "2025-12-31 nicht_begonnen Noch kein Raum."),
        [f"{BIL_M01}:31 LIP355"],
        ["LIP356", "LIP202"],
    ),
    "LIP355 nicht bei aufeinanderfolgenden Tagen": Scenario(
        _verlauf("2026-06-29 in_umsetzung", "2026-06-30 in_umsetzung"), [], ["LIP355", "LIP356"]
    ),
    "LIP356 Stand weicht vom Datum des letzten Eintrags ab": Scenario(
        _verlauf("2025-12-31 in_umsetzung", "2026-03-31 in_umsetzung"), [f"{BIL_M01}:26 LIP356"], ["LIP355"]
    ),
    "LIP356 Verlauf ohne Datum des Umsetzungsstands": Scenario(
        _verlauf("2026-06-30 in_umsetzung", stand=""), [f"{BIL_M01}:24 LIP356"], ["LIP355", "LIP202"]
    ),
    "LIP356 Status des letzten Eintrags älter als der Umsetzungsstand": Scenario(
        _verlauf("2026-06-30 nicht_begonnen Noch kein Raum."), [f"{BIL_M01}:25 LIP356"], ["LIP355"]
    ),
    "LIP357 Prozentpunkte statt Prozent": Scenario(_werte("2025 4 Prozentpunkte"), [f"{BIL_Z01}:15 LIP357"], []),
    "LIP357 nicht bei % für Prozent und anderer Schreibung": Scenario(
        _werte("2025 24 '%'", "2026 27  prozent"), [], ["LIP357", "LIP358"]
    ),
    "LIP358 Jahr doppelt": Scenario(
        _werte("2025 24 Prozent", "2026 26 Prozent", "2025 25 Prozent"), [f"{BIL_Z01}:19 LIP358"], ["LIP357"]
    ),
    "LIP358 Wert im Ausgangsjahr": Scenario(_werte("2024 21 Prozent"), [f"{BIL_Z01}:13 LIP358"], []),
    "LIP311 nicht bei neuen Messwerten eines Ziels": Scenario(_werte("2025 24 Prozent"), [], ["LIP311"]),
    "LIP358 nicht bei einem Wert im Zieljahr": Scenario(_werte("2026 30 Prozent", "2030 41 Prozent"), [], ["LIP358"]),
    # -- LIP312–LIP314: sessions and statements ------------------------------------------
    "LIP312 Datum weicht vom Datum der Sitzung ab": Scenario(
        _front(
            "  - element: BIL-M02\n    entscheidung: vorgeschlagen",
            "  - element: SOZ-M01\n    entscheidung: zugestimmt",
            SITZUNG,
        ),
        [f"{SOZ_M01}:15 LIP312"],
        [],
    ),
    "LIP312 nicht bei mit Änderungen zugestimmt": Scenario(
        _front(
            "  - element: BIL-M02\n    entscheidung: vorgeschlagen",
            "  - element: SOZ-M01\n    entscheidung: geaendert\n    aenderung: Laufzeit verkürzt.",
            SITZUNG,
        )
        + _front("datum: 2021-06-16", "datum: 2026-09-22", SITZUNG),
        [],
        ["LIP312", "LIP314"],
    ),
    "LIP303 Punkt einer Stellungnahme zu einer unbekannten ID": Scenario(
        _front("betrifft: [BIL-M02]", "betrifft: [BIL-M09]", STELLUNGNAHME), [f"{STELLUNGNAHME}:8 LIP303"], []
    ),
    "LIP313 teilweise berücksichtigt ohne Begründung": Scenario(
        _front("    begruendung: Der Beginn hängt vom Haushalt ab.\n", "", STELLUNGNAHME),
        [f"{STELLUNGNAHME}:12 LIP313"],
        [],
    ),
    "LIP313 nicht bei berücksichtigt ohne Begründung": Scenario(
        _front("    antwort: teilweise", "    antwort: beruecksichtigt", STELLUNGNAHME), [], ["LIP313"]
    ),
    "LIP314 bei einer Maßnahme": Scenario(
        _front(
            "  - element: BIL-M02\n    entscheidung: vorgeschlagen",
            "  - element: SOZ-M01\n    entscheidung: geaendert",
            SITZUNG,
        )
        + _front("datum: 2021-06-16", "datum: 2026-09-22", SITZUNG),
        [f"{SITZUNG}:10 LIP314"],
        ["LIP312"],
    ),
    "LIP353 Drucksache bei einer Zustimmung": Scenario(
        _front("  datum: 2026-09-22", '  datum: 2026-09-22\n  drucksache: "1830/2022"', SOZ_M01),
        [f"{SOZ_M01}:16 LIP353"],
        [],
    ),
    "LIP353 nicht bei Drucksache zum Beschluss": Scenario(
        _front("  gremium: lenkungsgruppe", "  gremium: ratsversammlung", SOZ_M01)
        + _front("  datum: 2026-09-22", '  datum: 2026-09-22\n  drucksache: "1830/2022"', SOZ_M01)
        + _status("beschlossen", "in_umsetzung"),
        [],
        ["LIP350", "LIP353", "LIP310"],
    ),
    # -- LIP4xx: text -------------------------------------------------------------------
    "LIP401 Überschrift mit Gleichheitszeichen unterstrichen": Scenario(
        _text("Kinder lernen\n=====\n\ngemeinsam."), [f"{BIL_M02}:22 LIP401"], []
    ),
    "LIP401 nicht bei # im Codeblock": Scenario(_text("```\n# Kommentar\n```"), [], ["LIP401"]),
    "LIP402 Ebene 4 nach Ebene 2": Scenario(_text("#### Einzelheiten"), [f"{BIL_M02}:22 LIP402"], []),
    "LIP402 nicht beim Sprung zurück auf Ebene 2": Scenario(
        _text("### Einzelheiten\n\n## Umsetzung\n\n### Zeitplan"), [], ["LIP402"]
    ),
    "LIP403 HTML als einziges Markup im Text": Scenario(
        _text("Kinder lernen <b>gemeinsam</b>."), [f"{BIL_M02}:22 LIP403"], []
    ),
    "LIP403 Rohcode für Typst im Fließtext": Scenario(
        _text("Kinder lernen `#pagebreak()`{=typst} gemeinsam."), [f"{BIL_M02}:22 LIP403"], []
    ),
    "LIP403 HTML-Kommentar als Block": Scenario(_text("<!-- intern -->"), [f"{BIL_M02}:22 LIP403"], []),
    "LIP403 nicht bei HTML in Code": Scenario(_text("Kinder lernen `<b>` zu schreiben."), [], ["LIP403"]),
    "LIP403 nicht bei Vergleichszeichen": Scenario(_text("Kinder unter 3 < Kinder über 3."), [], ["LIP403"]),
    "LIP404 verlinkte Datei fehlt": Scenario(_text("Siehe [Flyer](flyer.pdf)."), [f"{BIL_M02}:22 LIP404"], []),
    "LIP404 nicht bei Anker und Webadresse": Scenario(
        _text("Siehe [oben](#ausgangslage) und [Website](https://www.hannover.de)."), [], ["LIP404", "LIP405", "LIP407"]
    ),
    "LIP405 absoluter Pfad zu einem Bild": Scenario(
        _front("../bilder/sprachcafe.png", "/bilder/sprachcafe.png", BIL_M01), [f"{BIL_M01}:36 LIP405"], []
    ),
    "LIP405 Windows-Pfad in einem Link": Scenario(
        _text("Siehe [Liste](D:/Daten/liste.xlsx)."), [f"{BIL_M02}:22 LIP405"], []
    ),
    "LIP405 nicht bei relativem Pfad mit ./": Scenario(
        _front("../bilder/sprachcafe.png", "./../bilder/sprachcafe.png", BIL_M01), [], ["LIP404", "LIP405"]
    ),
    "LIP406 Alternativtext nur aus Leerzeichen": Scenario(
        _front("![Foto eines Sprachcafés]", "![   ]", BIL_M01), [f"{BIL_M01}:36 LIP406"], []
    ),
    "LIP406 nicht bei formatiertem Alternativtext": Scenario(
        _front("![Foto eines Sprachcafés]", "![*Foto* eines Sprachcafés]", BIL_M01), [], ["LIP406"]
    ),
    "LIP407 Bild von einer Adresse ohne Protokoll": Scenario(
        _front("../bilder/sprachcafe.png", "//example.com/bild.png", BIL_M01), [f"{BIL_M01}:36 LIP407"], []
    ),
    "LIP407 nicht bei einem Link auf eine Website": Scenario(
        _text("Siehe [Foto](https://example.com/bild.png)."), [], ["LIP407"]
    ),
    "LIP408 Kapitel ohne Text": Scenario(
        _front("## Grundsätze\n\nTeilhabe ist ein Recht. Siehe [[BIL-Z01]].\n", "\n  \n", KAPITEL),
        [f"{KAPITEL}:2 LIP408"],
        [],
    ),
    "LIP408 nicht bei Plan und Gremium ohne Text": Scenario(
        _front("Ein kleiner Plan für die Tests von lip.\n", "", "content/plan.md")
        + _front("Die Gruppe erarbeitet Ziele und Maßnahmen.\n", "", "content/gremien/eg-bildung.md"),
        [],
        ["LIP408"],
    ),
}


def _run(tmp_path: Path, changes: list[dict[str, Any]], case: str = "") -> set[tuple[str, int, str]]:
    root = tmp_path / "plan"
    shutil.copytree(MINI, root)
    apply_changes(root, changes)
    diagnostics = load_plan(root).diagnostics
    if case:
        check_messages(case, diagnostics)
    return {(d.path, d.line, d.code) for d in diagnostics.items}


def _params() -> list[Any]:
    return [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=SCENARIOS[name].xfail))
        if SCENARIOS[name].xfail
        else name
        for name in sorted(SCENARIOS)
    ]


@pytest.mark.parametrize("name", _params())
def test_scenario(name: str, tmp_path: Path) -> None:
    found = _run(tmp_path, SCENARIOS[name].changes, f"Szenario: {name}")
    for item in SCENARIOS[name].expected:
        place, code = item.rsplit(" ", 1)
        path, line = place.rsplit(":", 1)
        assert (path, int(line), code) in found, f"{item} fehlt in {sorted(found)}"
    assert not {code for _, _, code in found} & set(SCENARIOS[name].absent), sorted(found)


def test_every_code_has_variants_and_near_misses() -> None:
    """Each code: the fixture plus at least one more triggering scenario, and a near miss where one makes sense."""
    single_way = {"LIP110", "LIP309"}  # one way to occur, covered by the fixture
    no_near_miss: set[str] = set()
    for code in CODES:
        triggering = [n for n, s in SCENARIOS.items() if any(e.endswith(" " + code) for e in s.expected)]
        missing = [n for n, s in SCENARIOS.items() if code in s.absent]
        assert bool(triggering) is (code not in single_way), f"{code}: weiteres auslösendes Szenario? {triggering}"
        assert bool(missing) is (code not in no_near_miss), f"{code}: Beinahe-Treffer? {missing}"


# Wordings that no scenario can reach, with the reason.
UNREACHED = {
    ("LIP103", "unlesbar"): "only when the OS refuses to read a file; the tests run as root",
    ("LIP202", "liste"): "every list with min_items is required, so an empty one is reported as missing first",
    ("LIP106", "ende"): "libyaml reports an unexpected end only inside quotes, where the quote hint matches first",
    ("LIP106", "anfuehrungszeichen"): "the pre-scan (yamltree.real_cause) names every quote that stays open "
    "(anfuehrungszeichen_offen); this wording stays as the fallback",
}


def test_every_wording_is_reached_by_a_fixture_or_scenario(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each template and variant of the registry is produced at least once with real values."""
    used: set[tuple[str, str]] = set()
    original = Code.format

    def recording(self: Code, variant: str = "", /, **values: object) -> str:
        used.add((self.code, variant))
        return original(self, variant, **values)

    monkeypatch.setattr(Code, "format", recording)
    runs = [load_case(code)["aenderungen"] for code in CODES]
    runs += [s.changes for s in SCENARIOS.values() if not s.xfail]
    for index, changes in enumerate(runs):
        _run(tmp_path / str(index), changes)
    wanted = {(c.code, v) for c in CODES.values() for v in c.templates}
    assert sorted(wanted - used - set(UNREACHED)) == []
    assert not set(UNREACHED) & used, "reached now: remove from UNREACHED"
