"""Every diagnostic code: a fixture that triggers it at the right place, and user documentation.

A fixture in tests/faelle/LIPnnn.yml changes a copy of the small plan in tests/plaene/mini
and names the diagnostics it must produce as "path:line CODE".
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from lip_build.cli import cli
from lip_build.codes import RETIRED
from lip_build.diagnostics import CODES, Severity
from lip_build.pipeline import load_plan
from tests.meldungen import check_messages

TESTS = Path(__file__).resolve().parent
MINI = TESTS / "plaene" / "mini"
CASES = TESTS / "faelle"
DOCS = TESTS.parent / "doku" / "diagnosen.md"


def apply_changes(root: Path, changes: list[dict[str, Any]]) -> None:
    for change in changes:
        target = root / change["datei"]
        if change.get("loeschen"):
            target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if "von" in change:
            shutil.copy2(root / change["von"], target)
        if "text" in change:
            target.write_text(change["text"], encoding="utf-8")
        if "bytes_hex" in change:
            target.write_bytes(bytes.fromhex(change["bytes_hex"]))
        if "ersetze" in change:
            text = target.read_text(encoding="utf-8")
            assert change["ersetze"] in text, f"{change['ersetze']!r} not in {target}"
            target.write_text(text.replace(change["ersetze"], change["durch"], 1), encoding="utf-8")
        if "anhaengen" in change:
            with target.open("a", encoding="utf-8") as out:
                out.write(change["anhaengen"] * change.get("wiederholen", 1))
        if "kodierung" in change:
            target.write_bytes(target.read_text(encoding="utf-8").encode(change["kodierung"]))


def load_case(code: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((CASES / f"{code}.yml").read_text(encoding="utf-8"))
    return data


def broken_plan(tmp_path: Path, code: str) -> Path:
    root = tmp_path / "plan"
    shutil.copytree(MINI, root)
    apply_changes(root, load_case(code)["aenderungen"])
    return root


def test_mini_plan_is_clean() -> None:
    result = load_plan(MINI)
    assert [d.as_text() for d in result.diagnostics.items] == []
    assert result.plan is not None


@pytest.mark.parametrize("code", sorted(CODES))
def test_code_has_fixture_that_triggers_it(code: str, tmp_path: Path) -> None:
    assert (CASES / f"{code}.yml").is_file(), f"{code} hat keine Testdatei tests/faelle/{code}.yml"
    root = broken_plan(tmp_path, code)
    diagnostics = load_plan(root).diagnostics
    check_messages(f"Fall: {code}", diagnostics)
    found = {(d.path, d.line, d.code) for d in diagnostics.items}
    for expected in load_case(code)["erwartet"]:
        place, expected_code = expected.rsplit(" ", 1)
        path, line = place.rsplit(":", 1)
        assert (path, int(line), expected_code) in found, f"{expected} fehlt in {sorted(found)}"
    result = CliRunner().invoke(cli, ["--plan", str(root), "validate"])
    assert "Traceback" not in result.output
    assert code in result.output
    expected_exit = 1 if CODES[code].severity is Severity.ERROR else 0
    assert result.exit_code == expected_exit, result.output


def test_every_fixture_names_a_registered_code() -> None:
    for case in CASES.glob("*.yml"):
        assert case.stem in CODES, f"{case.name}: unbekannter Code"
        for expected in load_case(case.stem)["erwartet"]:
            assert expected.rsplit(" ", 1)[1] in CODES


def _doc_sections() -> dict[str, str]:
    text = DOCS.read_text(encoding="utf-8")
    parts = re.split(r"^## (LIP\d{3}) – ", text, flags=re.MULTILINE)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


@pytest.mark.parametrize("code", sorted(CODES))
def test_code_is_documented(code: str) -> None:
    sections = _doc_sections()
    assert code in sections, f"{code} fehlt in doku/diagnosen.md"
    section = sections[code]
    assert section.split("\n", 1)[0].strip() == CODES[code].title
    assert f"**Schwere:** {CODES[code].severity.value}" in section
    for label in ("**Was:**", "**Warum:**", "**Beispiel:**", "**Behebung:**"):
        assert label in section, f"{code}: {label} fehlt"


def test_docs_name_no_unknown_codes() -> None:
    assert set(_doc_sections()) <= set(CODES) | set(RETIRED)


def test_docs_explain_how_to_refresh_the_snapshot() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert "`.venv/bin/python -m tests.test_codes`" in text
    assert "RETIRED" in text
