"""Small parts of the checks, tested on their own: suggestions, listings, goal fingerprints, text findings.

The scenario tests reach these through whole plans; here their edges are pinned down exactly
(where a listing is cut, which typo gets which suggestion, which text snippet a message quotes).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lip_build import schema as s
from lip_build.check.document import read_documents
from lip_build.check.fields import FieldChecker, _check_of, _german_amount, _id_hint
from lip_build.check.placeholders import PLATZHALTER
from lip_build.check.reviews import fingerprint, goal_fingerprint, goal_fingerprints
from lip_build.check.suggest import did_you_mean, listing, suggest
from lip_build.check.texts import TextChecker
from lip_build.diagnostics import Diagnostics
from lip_build.load.markdown import parse
from lip_build.load.yamltree import parse_front_matter
from lip_build.model.plan import Ziel
from tests.meldungen import check_messages
from tests.test_diagnostics import MINI


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, ""),
        (1, "A01"),
        (12, "A01, A02, A03, A04, A05, A06, A07, A08, A09, A10, A11, A12"),
        (13, "A01, A02, A03, A04, A05, A06, A07, A08, A09, A10, A11, A12 und 1 weitere"),
        (15, "A01, A02, A03, A04, A05, A06, A07, A08, A09, A10, A11, A12 und 3 weitere"),
    ],
)
def test_listing_shows_twelve_and_counts_the_rest(count: int, expected: str) -> None:
    assert listing([f"A{i:02d}" for i in range(1, count + 1)]) == expected
    assert listing(tuple(f"A{i:02d}" for i in range(1, count + 1))) == expected


@pytest.mark.parametrize(
    ("value", "candidates", "expected"),
    [
        ("federführung", ["federfuehrung", "kontakt"], "federfuehrung"),
        ("Kontakt", ["federfuehrung", "kontakt"], "kontakt"),
        ("BIL-M4", ["BIL-M04", "BIL-M40"], "BIL-M04"),
        ("BIL-Z1", ["BIL-Z01", "SOZ-Z01"], "BIL-Z01"),
        ("zugestimt", ["zugestimmt", "abgelehnt"], "zugestimmt"),
        ("völlig anders", ["zugestimmt", "abgelehnt"], None),
        ("x", [], None),
    ],
)
def test_suggestions_for_typos(value: str, candidates: list[str], expected: str | None) -> None:
    assert suggest(value, candidates) == expected
    assert did_you_mean(value, candidates) == (f" Meinten Sie „{expected}“?" if expected else "")


def test_goal_fingerprints_come_from_title_text_and_indicators() -> None:
    documents, _ = read_documents(MINI, Diagnostics())
    goals = [d for d in documents if d.kind.name == "ziel"]
    assert len(goals) >= 2
    found = goal_fingerprints(documents)
    for doc in goals:
        assert isinstance(doc.record, Ziel)
        expected = fingerprint(doc.record.titel, doc.source.body, doc.record.kennzahlen)
        assert goal_fingerprint(doc) == expected == found[doc.record.id]
    assert len(set(found.values())) == len(goals)
    measure = next(d for d in documents if d.kind.name == "massnahme")
    assert goal_fingerprint(measure) is None  # only goals have one
    broken = goals[0]
    broken.record = None
    assert goal_fingerprint(broken) is None
    assert goal_fingerprints([broken]) == {}


_TEXTS = {
    "langes HTML": "Kinder lernen <span class='hervorgehoben-und-sehr-lang'>gemeinsam</span>.",
    "HTML-Block": "<div class='kasten-mit-einem-sehr-langen-klassennamen-der-abgeschnitten-wird'>\nText\n</div>",
    "Rohcode Block": "```{=typst}\n#pagebreak()\n```",
    "Überschrift 1": "# Titel\n\nText.",
    "Sprung": "## Zwei\n\n#### Vier",
    "Sprung am Anfang": "### Drei",
    "Bild ohne Text": "![](bilder/fehlt.png)",
    "Bild extern": "![Grafik](https://example.org/a.png)",
    "Pfad absolut": "[Datei](/etc/passwd)",
    "Pfad Windows": "![Grafik](C:\\Bilder\\a.png)",
    "Bild mit Umlaut fehlt": "![Grafik](bilder/übersicht%202026.png)",
    "Pfad hinaus": "[Datei](../../../../aussen.pdf)",
    "Anker": "[oben](#anfang)",
    "Link extern": "[Stadt](https://www.hannover.de)",
    "Textverweise": "Siehe [[BIL-M01]] und `[[BIL-M99]]` und\n\n    [[BIL-M98]]",
}


@pytest.mark.parametrize("name", sorted(_TEXTS))
def test_text_findings_word_for_word(name: str) -> None:
    diagnostics = Diagnostics()
    path = "handlungsfelder/bildung/massnahmen/BIL-M02.md"
    links = TextChecker(MINI, path, parse(_TEXTS[name], 20), diagnostics).check()
    check_messages(f"Text: {name}", diagnostics)
    assert [(m.value, m.pos.line, m.pos.column) for m in links] == (
        [("BIL-M01", 20, 7)] if name == "Textverweise" else []
    )


def test_the_unit_tests_use_the_mini_plan() -> None:
    assert (MINI / "content" / "plan.md").is_file() and isinstance(MINI, Path)


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("95 000", "95000"),
        ("95\u00a0000", "95000"),  # no-break space
        ("95\u202f000", "95000"),  # narrow no-break space
        ("1'250", "1250"),  # Swiss thousands
        ("1.250,50 €", "1250.50"),
        ("EUR 12,5", "12.5"),
        ("zwölf Euro", None),
    ],
)
def test_a_german_amount_is_read_as_meant(written: str, meant: str | None) -> None:
    assert _german_amount(written) == meant


@pytest.mark.parametrize(
    ("kind", "written", "hint"),
    [
        ("massnahme", "bil_m04", ("grossschreibung", {"vorschlag": "BIL-M04"})),
        ("massnahme", "bil m04", ("grossschreibung", {"vorschlag": "BIL-M04"})),
        ("massnahme", "BIL-M4", ("zweistellig", {"vorschlag": "BIL-M04"})),
        ("ziel", "soz-z7", ("zweistellig", {"vorschlag": "SOZ-Z07"})),
        ("massnahme", "BIL-M", ("", {})),
        ("massnahme", "BIL-X4", ("", {})),
        ("massnahme", "BIL-M44444", ("", {})),
        ("gremium", "Lenkungsgruppe", ("kleinbuchstaben", {})),
    ],
)
def test_a_malformed_id_gets_the_hint_that_fixes_it(kind: str, written: str, hint: tuple[str, dict[str, str]]) -> None:
    assert _id_hint(s.KINDS[kind], written) == hint


def test_a_quoted_text_written_twice_is_a_duplicate_not_a_quoting_mistake() -> None:
    """Typographic quotes explain a wrong ID or date (LIP211), but in a text they are just text."""
    front = parse_front_matter("wert:\n  - „Zitat“\n  - „Zitat“\n", "x.md", 2, Diagnostics())
    assert front is not None
    diagnostics = Diagnostics()
    value = _check_of(s.ListOf(s.Text(), 1))(FieldChecker("x.md", diagnostics), front.node.value[0][1], "wert")
    assert value == ["„Zitat“"]
    assert [d.code for d in diagnostics.items] == ["LIP209"]


def test_a_field_type_without_a_check_fails_when_the_schema_is_read() -> None:
    class Farbe:  # a new type in schema.py, forgotten in check/fields.py
        pass

    with pytest.raises(TypeError, match="Farbe"):
        _check_of(Farbe())  # type: ignore[arg-type]


def _placeholders(text: str) -> list[tuple[str, int, int, str]]:
    """LIP210/LIP409 findings (code, line, column, message) for one measure file with `text`."""
    from lip_build.check.document import Document
    from lip_build.check.fields import Checked
    from lip_build.check.placeholders import check_placeholders
    from lip_build.load.files import FILE_KINDS
    from lip_build.load.source import split

    diagnostics = Diagnostics()
    source = split(text, "m.md", diagnostics)
    assert source is not None, list(diagnostics)
    kind = next(k for k in FILE_KINDS if k.name == "massnahme")
    check_placeholders([Document(kind, source, Checked({}), None)], diagnostics)
    return [(d.code, d.line, d.column, d.message) for d in diagnostics.items]


def test_every_value_marked_by_lip_new_is_found_where_it_stands() -> None:
    """After a "#" inside a quoted text (no comment) the next marked value still counts; the column is where
    the entry starts (in a list: its dash); a quoted key is named without its quotes."""
    found = _placeholders(
        "---\n"
        "\n"
        'titel: "Kurs # bitte prüfen"  # ein Kommentar\n'
        "zitat: 'Ein # bitte prüfen'\n"
        "federfuehrung: 50.60  # bitte prüfen: aus dem Ordner\n"
        "kosten:\n"
        "  - 'art': Personal  # bitte prüfen\n"
        "kontakt: 'Fachbereich'  # bitte prüfen\n"
        "---\n"
        "Text.\n"
    )
    assert [(code, line, column) for code, line, column, _ in found] == [
        ("LIP210", 5, 1),
        ("LIP210", 7, 3),
        ("LIP210", 8, 1),
    ]
    assert "„federfuehrung“" in found[0][3] and "„art“" in found[1][3] and "„kontakt“" in found[2][3]


_PLATZHALTER = PLATZHALTER["ausgangslage"]


@pytest.mark.parametrize(
    ("body", "line", "column"),
    [
        (_PLATZHALTER, 4, 1),  # the body's first character
        ("\nAusgangslage:\nKurz gesagt: " + _PLATZHALTER + "\n\nNoch ein Absatz.\n", 6, 14),
        ("\n" + _PLATZHALTER + "\n\n" + _PLATZHALTER + "\n", 5, 1),  # twice: the first place
    ],
)
def test_a_placeholder_text_is_found_at_its_line_and_column(body: str, line: int, column: int) -> None:
    found = _placeholders("---\nid: BIL-M01\n---\n" + body)
    assert [(code, at_line, at_column) for code, at_line, at_column, _ in found] == [("LIP409", line, column)]
