"""`lip format`: the canonical front matter, written without changing a value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from lip_build import schema as s
from lip_build.cli import cli
from lip_build.diagnostics import Diagnostics
from lip_build.edit.frontmatter import front_matter, needs_quotes
from lip_build.edit.reformat import canonical_text
from lip_build.pipeline import load_plan

from .conftest import REPO

MEASURE = "handlungsfelder/bildung/massnahmen/BIL-M01.md"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_shipped_plan_is_canonical() -> None:
    code, output = run("--plan", str(REPO), "format", "--check")
    assert code == 0, output
    assert "Alle Kopfbereiche sind in der einheitlichen Form." in output


HAND_WRITTEN = """---
titel: Sprachcafés   # kurz halten
id: BIL-M01
handlungsfeld: BIL
ziele: [BIL-Z01, 'SOZ-Z04']
federfuehrung: '51.4'
partner: ["40", Fachberatungen]
zielgruppen: [kinder]
querschnittsthemen: []
zeitraum: {ende: 2028, beginn: 2023}
kosten:
- art: jaehrlich
  betrag: 1000.0
  finanzierung: "Haushalt"
antragsberechtigt: false
herkunft: eg-bildung
entscheidung:
  status: beschlossen
  drucksache: 1830/2022
umsetzung: {status: in_umsetzung, stand: 2026-06-30, bemerkung: ""}
kontakt: "51.4"
geprueft:
  BIL-Z01: "0a0b0c0d"
---
## Ausgangslage
---
status: x
"""

CANONICAL = """---
id: BIL-M01
titel: Sprachcafés
handlungsfeld: BIL
ziele:
  - BIL-Z01
  - SOZ-Z04
federfuehrung: "51.4"
partner:
  - "40"
  - Fachberatungen
zielgruppen:
  - kinder
zeitraum:
  beginn: 2023
  ende: 2028
kosten:
  - betrag: 1000
    art: jaehrlich
    finanzierung: Haushalt
antragsberechtigt: false
herkunft: eg-bildung
entscheidung:
  status: beschlossen
  drucksache: "1830/2022"
umsetzung:
  status: in_umsetzung
  stand: 2026-06-30
kontakt: "51.4"
geprueft:
  BIL-Z01: "0a0b0c0d"
---
## Ausgangslage
---
status: x
"""


def test_a_hand_written_file_becomes_canonical_and_keeps_its_values_and_body() -> None:
    new = canonical_text(HAND_WRITTEN, MEASURE, Diagnostics())
    assert new == CANONICAL
    assert canonical_text(new, MEASURE, Diagnostics()) == new  # a fixed point


def test_format_rewrites_reports_comments_and_check_changes_nothing(plan_copy: Path) -> None:
    target = plan_copy / MEASURE
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    code, output = run("--plan", str(plan_copy), "format", "--check")
    assert code == 1
    assert f"{MEASURE}: Kopfbereich nicht in der einheitlichen Form" in output
    assert f"{MEASURE}:2: Kommentar im Kopfbereich würde entfernt" in output
    assert target.read_text(encoding="utf-8") == HAND_WRITTEN
    code, output = run("--plan", str(plan_copy), "format")
    assert code == 0, output
    assert f"Umgeschrieben: {MEASURE}" in output
    assert target.read_text(encoding="utf-8") == CANONICAL
    assert run("--plan", str(plan_copy), "format", "--check")[0] == 0


def test_format_keeps_errors_for_validate_and_never_breaks_a_file(plan_copy: Path) -> None:
    broken = plan_copy / "handlungsfelder/bildung/massnahmen/BIL-M02.md"
    broken.write_text("---\nid: [BIL-M02\n---\nText\n", encoding="utf-8")
    empty_required = plan_copy / MEASURE
    empty_required.write_text(HAND_WRITTEN.replace("titel: Sprachcafés   # kurz halten", 'titel: ""'), "utf-8")
    code, output = run("--plan", str(plan_copy), "format")
    assert code == 1
    assert "BIL-M02.md:2:5: LIP106" in output
    assert broken.read_text(encoding="utf-8") == "---\nid: [BIL-M02\n---\nText\n"
    assert 'titel: ""' in empty_required.read_text(encoding="utf-8")  # still reported as empty by validate
    codes = {d.code for d in load_plan(plan_copy).diagnostics.items if d.path.endswith("BIL-M01.md")}
    assert "LIP202" in codes


TRICKY = [
    "yes", "No", "on", "off", "y", "null", "~", "1:30", "1_000", "0x1F", "0o17", "017", "1e3", ".5", "+1",
    "-1", "- Punkt", "2026-01-01", "2026-1-1 10:00", "#hashtag", "a #b", "a: b", "a:", "Frage?", "?", "&Co KG",
    "*stern", "!wichtig", "|", ">", "'zitat'", '"zitat"', "%", "@name", "`code`", "[eckig]", "{x}", "a, b",
    "=", "<<", "Tab\tText", "Zeile 1\nZeile 2", "Schluss \\ Strich", "Ä Ö Ü ß – „…“", "x" * 150,
    " ".join(["Wort"] * 40), "Ende:", "NaN", ".inf",
]  # fmt: skip


def _text_round_trip(value: str) -> object:
    data = {"titel": value}
    text = front_matter(data, s.KAPITEL)
    return yaml.safe_load(text)["titel"]


def test_values_of_the_wrong_type_are_kept_as_written_for_validate() -> None:
    """YAML 1.1 spellings (no, 1_000) are no boolean or number in YAML 1.2, which lip reads: lip format keeps
    them exactly, so that `lip validate` still reports them, while a text field's `yes` is quoted text."""
    text = HAND_WRITTEN.replace("antragsberechtigt: false", "antragsberechtigt: no")
    text = text.replace("betrag: 1000.0", "betrag: 1_000").replace("titel: Sprachcafés   # kurz halten", "titel: yes")
    new = canonical_text(text, MEASURE, Diagnostics())
    assert new is not None
    assert "antragsberechtigt: no\n" in new and "  - betrag: 1_000\n" in new and 'titel: "yes"\n' in new


def test_texts_that_yaml_would_misread_are_quoted_and_read_back_as_written() -> None:
    for value in TRICKY:
        assert _text_round_trip(value) == value, value
    assert not needs_quotes("Sprachcafés in Stadtteilbibliotheken")
    assert needs_quotes("yes") and needs_quotes("1830/2022") and needs_quotes("a: b")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120).map(str.strip))
def test_every_text_reads_back_unchanged(value: str) -> None:
    if value:
        assert _text_round_trip(value) == value


def test_dates_numbers_and_booleans_stay_typed() -> None:
    data = {"datum": dt.date(2026, 3, 1), "titel": "Termin", "geplant": True}
    text = front_matter({"titel": "Z", "ereignisse": [data]}, s.ZEITLEISTE)
    assert text == "titel: Z\nereignisse:\n  - datum: 2026-03-01\n    titel: Termin\n    geplant: true\n"
    assert yaml.safe_load(text)["ereignisse"][0] == data
