"""A file whose field check failed is "broken": the checks that compare its values wait until it is fixed.

So a malformed value is reported once, as what it is (LIP204 for a date that does not exist), and
never a second time as missing (LIP350 "braucht auch entscheidung.datum"), which sent editors
looking for a value they had written.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lip_build.pipeline import load_plan
from tests.test_diagnostics import MINI

SOZ_M01 = "handlungsfelder/soziales/massnahmen/SOZ-M01.md"


def _codes_after(tmp_path: Path, old: str, new: str) -> list[str]:
    plan = tmp_path / "plan"
    shutil.copytree(MINI, plan)
    target = plan / SOZ_M01
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new), encoding="utf-8")
    return [f"{d.line} {d.code}" for d in load_plan(plan).diagnostics.items if d.path == SOZ_M01]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("  datum: 2026-09-22", "  datum: 2026-02-31", ["15 LIP204"]),  # no LIP350 "braucht auch datum"
        ("  datum: 2026-09-22", "  datum: 22.09.2026", ["15 LIP204"]),
        ("  gremium: lenkungsgruppe", "  gremium: Lenkungsgruppe!", ["14 LIP206"]),
    ],
)
def test_a_malformed_value_is_not_reported_again_as_missing(
    tmp_path: Path, old: str, new: str, expected: list[str]
) -> None:
    assert _codes_after(tmp_path, old, new) == expected


def test_a_broken_file_still_defines_its_id(tmp_path: Path) -> None:
    """Text links and references to the broken measure still resolve: no LIP303/LIP305 elsewhere."""
    plan = tmp_path / "plan"
    shutil.copytree(MINI, plan)
    target = plan / SOZ_M01
    target.write_text(target.read_text(encoding="utf-8").replace("  datum: 2026-09-22", "  datum: morgen"), "utf-8")
    codes = [d.code for d in load_plan(plan).diagnostics.items]
    assert codes == ["LIP204"]
