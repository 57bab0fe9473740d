"""Every kind of field against every kind of wrong value, with the exact wording of the finding.

The fixtures use the fields of real files; here each value type of schema.py meets a list, an
indented block, a number, a text, a boolean, a date, an empty value and a German date, so that
every branch of the field check (lip_build/check/fields.py) shows its message once. The wording
is compared with tests/snapshots/meldungen.json (see tests/meldungen.py to refresh it).
"""

from __future__ import annotations

import re

import pytest
import yaml

from lip_build import schema as s
from lip_build.check.fields import FieldChecker
from lip_build.diagnostics import Diagnostics
from lip_build.load.yamltree import parse_front_matter
from tests.meldungen import check_messages

TYPES: dict[str, s.FieldType] = {
    "text": s.Text(),
    "ganze_zahl": s.Integer(1, 99),
    "zahl": s.Number(0),
    "wahrheitswert": s.Boolean(),
    "datum": s.Date(),
    "auswahl": s.KOSTEN_ART,
    "muster": s.DRUCKSACHE_PATTERN,
    "id": s.Key("massnahme"),
    "verweis": s.Ref("ziel"),
    "oe": s.Ref("oe"),
    "gremium": s.Ref("gremium"),
    "partner": s.Partner(),
    "liste": s.ListOf(s.Ref("zielgruppe"), 1),
    "objektliste": s.ListOf(s.Obj((s.Field("betrag", s.Number(0), True, "Betrag", label="Betrag"),)), entry="Posten"),
    "zuordnung": s.MapOf(s.Ref("ziel"), s.FINGERPRINT),
    "objekt": s.Obj((s.Field("beginn", s.YEAR, True, "Jahr", label="Beginn"),)),
}
VALUES = {
    "liste": "\n  - a\n  - b",
    "block": "\n  x: 1",
    "zahl": "40",
    "kommazahl": "1.250",
    "negativ": "-5",
    "gross": "100000",
    "text": "Hallo Welt",
    "leerzeichen_text": "bil m12",
    "zitiert": '"2026-02-01"',
    "wahr": "true",
    "datum": "2026-02-01",
    "kein_tag": "2026-02-30",
    "deutsches_datum": "01.02.2026",
    "punkte_ohne_zahlen": "TT.MM.2026",
    "leer": '""',
    "doppelt": "[eltern, eltern]",
    "id": "BIL-M01",
    "kleine_id": "bil-m1",
}


def _findings(field_type: s.FieldType, value: str) -> Diagnostics:
    diagnostics = Diagnostics()
    tree = parse_front_matter(f"feld: {value}\n", "datei.md", 2, diagnostics)
    assert tree is not None
    spec = s.Obj((s.Field("feld", field_type, True, "Hilfetext", label="Feld"),))
    FieldChecker("datei.md", diagnostics).check(spec, tree)
    return diagnostics


@pytest.mark.parametrize("value", sorted(VALUES))
@pytest.mark.parametrize("kind", sorted(TYPES))
def test_field_kind_against_value(kind: str, value: str) -> None:
    check_messages(f"Feldart: {kind} mit {value}", _findings(TYPES[kind], VALUES[value]))


def test_the_cases_are_valid_yaml() -> None:
    for value in VALUES.values():
        assert yaml.compose(f"feld: {value}\n") is not None
    assert re.match(r"^\d{4}-\d{2}-\d{2}$", VALUES["datum"])
