"""More than one scenario per code: variants that must trigger a code, and near misses that must not.

Each scenario changes a copy of tests/plaene/mini like the fixtures in tests/faelle/ and names the
findings that must appear ("path:line CODE") and the codes that must not appear at all. They catch
mistakes that a single happy-path fixture per code lets through, e.g. a status dropped from the rule
of LIP351 or a duplicate check that only looks at measures.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from lip_build.pipeline import load_plan
from tests.test_diagnostics import MINI, apply_changes

SOZ_M01 = "handlungsfelder/soziales/massnahmen/SOZ-M01.md"
BIL_M02 = "handlungsfelder/bildung/massnahmen/BIL-M02.md"


def _status(entscheidung: str, umsetzung: str) -> list[dict[str, Any]]:
    return [
        {"datei": SOZ_M01, "ersetze": "  status: zugestimmt", "durch": f"  status: {entscheidung}"},
        {"datei": SOZ_M01, "ersetze": "  status: nicht_begonnen", "durch": f"  status: {umsetzung}"},
    ]


def _text(replacement: str) -> list[dict[str, Any]]:
    return [{"datei": BIL_M02, "ersetze": "Kinder lernen gemeinsam.", "durch": replacement}]


SCENARIOS: dict[str, tuple[list[dict[str, Any]], list[str], list[str]]] = {
    # name: (changes, findings that must appear, codes that must not appear)
    "LIP351 Empfehlung an das Land in Umsetzung": (
        _status("empfehlung_an_das_land", "in_umsetzung"),
        [f"{SOZ_M01}:17 LIP351"],
        [],
    ),
    "LIP351 zurückgestellt und umgesetzt": (_status("zurueckgestellt", "umgesetzt"), [f"{SOZ_M01}:17 LIP351"], []),
    "LIP351 nicht bei abgelehnt und nicht begonnen": (_status("abgelehnt", "nicht_begonnen"), [], ["LIP351"]),
    "LIP351 nicht bei zugestimmt und in Umsetzung": (_status("zugestimmt", "in_umsetzung"), [], ["LIP351"]),
    "LIP301 Ziel-ID doppelt": (
        [{"datei": "handlungsfelder/soziales/ziele/SOZ-Z02.md", "von": "handlungsfelder/soziales/ziele/SOZ-Z01.md"}],
        ["handlungsfelder/soziales/ziele/SOZ-Z02.md:2 LIP301"],
        [],
    ),
    "LIP301 Gremium-ID doppelt": (
        [{"datei": "content/gremien/eg-bildung2.md", "von": "content/gremien/eg-bildung.md"}],
        ["content/gremien/eg-bildung2.md:2 LIP301"],
        [],
    ),
    "LIP403 HTML als einziges Markup im Text": (_text("Kinder lernen <b>gemeinsam</b>."), [f"{BIL_M02}:22 LIP403"], []),
    "LIP403 Rohcode für Typst im Fließtext": (
        _text("Kinder lernen `#pagebreak()`{=typst} gemeinsam."),
        [f"{BIL_M02}:22 LIP403"],
        [],
    ),
    "LIP403 nicht bei HTML in Code": (_text("Kinder lernen `<b>` zu schreiben."), [], ["LIP403"]),
    "LIP403 nicht bei Vergleichszeichen": (_text("Kinder unter 3 < Kinder über 3."), [], ["LIP403"]),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_scenario(name: str, tmp_path: Path) -> None:
    changes, expected, absent = SCENARIOS[name]
    root = tmp_path / "plan"
    shutil.copytree(MINI, root)
    apply_changes(root, changes)
    found = {(d.path, d.line, d.code) for d in load_plan(root).diagnostics.items}
    for item in expected:
        place, code = item.rsplit(" ", 1)
        path, line = place.rsplit(":", 1)
        assert (path, int(line), code) in found, f"{item} fehlt in {sorted(found)}"
    assert not {code for _, _, code in found} & set(absent), sorted(found)
