"""German labels for the front-matter keys in the Synopse PDF: "kosten[1].betrag" → "Kostenposten 1: Betrag".

A council committee reads labels, not keys. Keys come from history/felder.py (dotted, with list
positions or names in brackets). A key that has no label here (e.g. a misspelt key marked
"(ungültig)") is shown as written, so nothing is hidden.
"""

from __future__ import annotations

import re

# Whole keys (list positions written as []), per kind of file or for every kind ("*").
_KEYS: dict[tuple[str, str], str] = {
    ("*", "entscheidung.status"): "Entscheidungsstand",
    ("*", "umsetzung.status"): "Umsetzungsstand",
    ("*", "umsetzung.stand"): "Umsetzungsstand: Stand vom",
    ("*", "umsetzung.bemerkung"): "Umsetzungsstand: Bemerkung",
    ("*", "zeitraum.beginn"): "Zeitraum: Beginn",
    ("*", "zeitraum.ende"): "Zeitraum: Ende",
    ("plan", "status"): "Stand des Verfahrens",
    ("plan", "stand"): "Datum des Textstands",
    ("plan", "version"): "Versionsbezeichnung",
    ("drucksache", "art"): "Art der Drucksache",
    ("drucksache", "datum"): "Datum der Drucksache",
    ("drucksache", "oe"): "Federführende Stelle (OE)",
    ("gremium", "art"): "Art des Gremiums",
    ("zeitleiste", "ereignisse[].geplant"): "geplant",
}

# Single words of a key.
_WORDS = {
    "id": "Kennung",
    "titel": "Titel",
    "untertitel": "Untertitel",
    "kurztitel": "Kurztitel",
    "name": "Name",
    "kurzname": "Kurzname",
    "code": "Kürzel",
    "herausgeberin": "Herausgeberin",
    "handlungsfeld": "Handlungsfeld",
    "handlungsfelder": "Handlungsfelder",
    "repository": "Repository",
    "ziele": "Ziele",
    "reihenfolge": "Reihenfolge",
    "federfuehrung": "Federführung",
    "partner": "Partner*innen",
    "zielgruppen": "Zielgruppen",
    "querschnittsthemen": "Querschnittsthemen",
    "zeitraum": "Zeitraum",
    "betrag": "Betrag",
    "art": "Art",
    "finanzierung": "Finanzierung",
    "antragsberechtigt": "Antragsberechtigt",
    "herkunft": "Vorgeschlagen von",
    "entscheidung": "Entscheidung",
    "umsetzung": "Umsetzung",
    "status": "Status",
    "gremium": "Gremium",
    "datum": "Datum",
    "drucksache": "Drucksache",
    "bemerkung": "Bemerkung",
    "kontakt": "Ansprechstelle",
    "geprueft": "Prüfvermerk",
    "einheit": "Einheit",
    "ausgangswert": "Ausgangswert",
    "ausgangsjahr": "Ausgangsjahr",
    "zielwert": "Zielwert",
    "zieljahr": "Zieljahr",
    "quelle": "Quelle",
    "expertengruppe": "Expert*innengruppe",
    "kurzfassung": "Kurzfassung",
    "leichte_sprache": "Leichte Sprache",
    "nummer": "Nummer",
    "antrag": "Antrag",
    "gender_aspekte": "Berücksichtigung von Gender-Aspekten",
    "kosten_text": "Erläuterung zur Kostentabelle",
    "klimawirkung": "Klimawirkung",
    "oe": "OE-Nummer",
    "rolle": "Rolle",
    "artikel": "Artikel",
    "vorsitz": "Vorsitz",
    "anzahl": "Anzahl",
    "erklaerung": "Erklärung",
    "begriff": "Begriff",
    "dezernat": "Dezernat",
    "stand": "Stand",
}

# Entries of lists of objects: "kosten[2]" → "Kostenposten 2".
_ENTRIES = {
    "kosten": "Kostenposten",
    "kennzahlen": "Kennzahl",
    "beratungsfolge": "Beratungsfolge",
    "zusammensetzung": "Mitgliedergruppe",
    "begriffe": "Begriff",
    "einheiten": "Organisationseinheit",
    "ereignisse": "Ereignis",
}

_QUOTED = ("begriffe",)  # named by a word: Begriff „Quartier“; an OE keeps its number: Organisationseinheit 50.60
_SEGMENT = re.compile(r"^(?P<name>[^\[\]]+)(?:\[(?P<position>[^\]]*)\])?$")


def _segment(text: str) -> str:
    found = _SEGMENT.match(text)
    if not found:
        return text
    name, position = found.group("name"), found.group("position")
    if position is None:
        return _WORDS.get(name, name)
    entry = _ENTRIES.get(name, _WORDS.get(name, name))
    return f"{entry} „{position}“" if name in _QUOTED and not position.isdigit() else f"{entry} {position}"


def field_label(art: str, key: str) -> str:
    """The German label of a front-matter key of a file of kind `art` ("massnahme", "ziel" …)."""
    parts = _split(key)
    general = re.sub(r"\[[^\]]*\]", "[]", key)
    named = _KEYS.get((art, general)) or _KEYS.get(("*", general))
    if named is not None:
        entries = [_segment(part) for part in parts[:-1] if "[" in part]  # keep a position: "Ereignis 3: geplant"
        return ": ".join([*entries, named])
    return ": ".join(_segment(part) for part in parts)


def _split(key: str) -> list[str]:
    """Split at dots outside brackets ("einheiten[50.60].name" → "einheiten[50.60]", "name")."""
    parts, depth, current = [], 0, ""
    for char in key:
        depth += {"[": 1, "]": -1}.get(char, 0)
        if char == "." and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts
