"""Small parts of the checks, tested on their own: suggestions, listings, goal fingerprints, text findings.

The scenario tests reach these through whole plans; here their edges are pinned down exactly
(where a listing is cut, which typo gets which suggestion, which text snippet a message quotes).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lip_build.check.document import read_documents
from lip_build.check.reviews import fingerprint, goal_fingerprint, goal_fingerprints
from lip_build.check.suggest import did_you_mean, listing, suggest
from lip_build.check.texts import TextChecker
from lip_build.diagnostics import Diagnostics
from lip_build.load.markdown import parse
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
