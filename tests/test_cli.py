"""The `lip` command line as users call it: exit codes, formats, German messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lip_build.cli import cli
from lip_build.pipeline import load_plan

from .conftest import REPO


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_validate_shipped_plan_is_clean() -> None:
    code, output = run("--plan", str(REPO), "validate", "--strict")
    assert code == 0, output
    assert "Keine Probleme gefunden" in output


def test_validate_finds_plan_from_a_subfolder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO / "handlungsfelder" / "bildung")
    code, output = run("validate")
    assert code == 0, output


def test_no_plan_is_a_usage_error(tmp_path: Path) -> None:
    code, output = run("--plan", str(tmp_path), "validate")
    assert code == 2
    assert "content/plan.md" in output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("valdate",), "Meinten Sie „validate“?"),
        (("validate", "--format", "xml"), "Möglich sind: text, json, github"),
        (("validate", "--stict"), "Die Option „--stict“ gibt es nicht"),
        (("new", "ziel", "--titel", "x"), "„--handlungsfeld“ fehlt"),
    ],
)
def test_usage_errors_are_german_with_exit_2(args: tuple[str, ...], expected: str) -> None:
    code, output = run("--plan", str(REPO), *args)
    assert code == 2, output
    assert expected in output
    assert "Traceback" not in output


def _break(plan: Path) -> None:
    measure = plan / "handlungsfelder" / "bildung" / "massnahmen" / "BIL-M01.md"
    measure.write_text(measure.read_text(encoding="utf-8").replace("antragsberechtigt:", "antragsberechtig:", 1))


def test_json_format(plan_copy: Path) -> None:
    _break(plan_copy)
    code, output = run("--plan", str(plan_copy), "validate", "--format", "json")
    assert code == 1
    data = json.loads(output)
    assert data["fehler"] == len([b for b in data["befunde"] if b["schwere"] == "Fehler"]) >= 2
    first = data["befunde"][0]
    assert set(first) == {"code", "schwere", "titel", "pfad", "zeile", "spalte", "meldung"}
    assert {b["code"] for b in data["befunde"]} == {"LIP201", "LIP202"}


def test_github_format_annotates_the_line(plan_copy: Path) -> None:
    _break(plan_copy)
    code, output = run("--plan", str(plan_copy), "validate", "--format", "github")
    assert code == 1
    lines = [line for line in output.splitlines() if line.startswith("::")]
    assert lines, output
    for line in lines:
        assert line.startswith("::error file=handlungsfelder/bildung/massnahmen/BIL-M01.md,line=")
        assert ",col=" in line and ",title=LIP20" in line


def test_warnings_fail_only_with_strict(plan_copy: Path) -> None:
    goal = plan_copy / "handlungsfelder" / "bildung" / "ziele" / "BIL-Z99.md"
    goal.write_text("---\nid: BIL-Z99\ntitel: Neu.\nhandlungsfeld: BIL\n---\nText.\n", encoding="utf-8")
    assert run("--plan", str(plan_copy), "validate")[0] == 0
    code, output = run("--plan", str(plan_copy), "validate", "--strict")
    assert code == 1
    assert "LIP306 Warnung" in output


def test_stats_json_counts_the_shipped_plan() -> None:
    code, output = run("--plan", str(REPO), "stats", "--format", "json")
    assert code == 0, output
    data = json.loads(output)
    total = data["gesamt"]
    assert total["handlungsfelder"] == 6
    assert total["ziele"] >= 30
    assert total["massnahmen"] >= 60
    assert sum(f["massnahmen"] for f in data["handlungsfelder"]) == total["massnahmen"]
    assert sum(total["entscheidung"].values()) == total["massnahmen"]
    assert sum(total["umsetzung"].values()) == total["massnahmen"]


def test_stats_text_is_a_table() -> None:
    code, output = run("--plan", str(REPO), "stats")
    assert code == 0
    assert "Handlungsfeld" in output and "Gesamt" in output and "€" in output


def test_stats_refuses_a_broken_plan(plan_copy: Path) -> None:
    _break(plan_copy)
    code, output = run("--plan", str(plan_copy), "stats")
    assert code == 1
    assert "LIP201" in output


@pytest.mark.parametrize("art", ["ziel", "massnahme"])
def test_new_writes_a_file_that_validates_with_the_next_id(plan_copy: Path, art: str) -> None:
    before = load_plan(plan_copy).plan
    assert before is not None
    existing = [z.id for z in before.ziele] if art == "ziel" else [m.id for m in before.massnahmen]
    highest = max(int(i.rsplit(art[0].upper(), 1)[1]) for i in existing if i.startswith("SOZ-"))
    title = "Sprach*café: „Miteinander“ im Stadtteil"
    code, output = run("--plan", str(plan_copy), "new", art, "--handlungsfeld", "soz", "--titel", title)
    assert code == 0, output
    new_id = f"SOZ-{art[0].upper()}{highest + 1:02d}"
    folder = "ziele" if art == "ziel" else "massnahmen"
    assert (plan_copy / "handlungsfelder" / "soziales" / folder / f"{new_id}.md").is_file()
    result = load_plan(plan_copy)
    assert not result.diagnostics.has_errors, [d.as_text() for d in result.diagnostics.items]
    assert result.plan is not None
    items = result.plan.ziele if art == "ziel" else result.plan.massnahmen
    assert any(i.id == new_id and i.titel == title for i in items)


@pytest.mark.parametrize("art", ["ziel", "massnahme"])
def test_new_file_has_placeholders_that_validate_flags(plan_copy: Path, art: str) -> None:
    """The texts and "# bitte prüfen" values of lip new pass as warnings, never silently, and fail --strict."""
    from lip_build.check.placeholders import PLATZHALTER, PRUEFEN

    code, output = run("--plan", str(plan_copy), "new", art, "--handlungsfeld", "SOZ", "--titel", "Neu")
    assert code == 0, output
    created = plan_copy / output.split("Angelegt: ", 1)[1].split("\n", 1)[0]
    text = created.read_text(encoding="utf-8")
    written = [t for t in PLATZHALTER.values() if t in text]
    assert written, "the template writes the shared placeholder texts"
    relative = created.relative_to(plan_copy).as_posix()
    code, output = run("--plan", str(plan_copy), "validate")
    assert code == 0, output
    flagged = [line for line in output.splitlines() if line.startswith(relative) and "LIP409 Warnung" in line]
    assert len(flagged) == len(written), output
    if art == "massnahme":
        assert text.count(f"# {PRUEFEN}") == 3
        assert f"{relative}:6:1: LIP210 Warnung: Der Wert von „federfuehrung“" in output
    code, output = run("--plan", str(plan_copy), "validate", "--strict")
    assert code == 1


def test_new_rejects_unknown_field_with_suggestion() -> None:
    code, output = run("--plan", str(REPO), "new", "massnahme", "--handlungsfeld", "BLI", "--titel", "x")
    assert code == 2
    assert "Meinten Sie „BIL“?" in output


def test_build_writes_site_and_documents(plan_copy: Path) -> None:
    code, output = run("--plan", str(plan_copy), "build", "--quiet")
    assert code == 0, output
    assert (plan_copy / "site" / "index.html").is_file()
    pdfs = list((plan_copy / "dist").glob("*.pdf"))
    docx = list((plan_copy / "dist").glob("*.docx"))
    assert len(pdfs) == 1 and len(docx) == 1
    assert pdfs[0].stat().st_mode & 0o044 == 0o044, "published documents must be readable by others"
    assert (plan_copy / "site").stat().st_mode & 0o055 == 0o055


def test_build_refuses_a_broken_plan_and_writes_nothing(plan_copy: Path) -> None:
    _break(plan_copy)
    code, output = run("--plan", str(plan_copy), "build", "--quiet")
    assert code == 1
    assert "LIP201" in output
    assert not (plan_copy / "site").exists() and not (plan_copy / "dist").exists()


def test_gitlab_format_is_a_code_quality_report(plan_copy: Path) -> None:
    _break(plan_copy)
    code, output = run("--plan", str(plan_copy), "validate", "--format", "gitlab")
    assert code == 1
    issues = json.loads(output)
    assert issues and len({i["fingerprint"] for i in issues}) == len(issues)
    for issue in issues:
        assert issue["location"]["path"] == "handlungsfelder/bildung/massnahmen/BIL-M01.md"
        assert issue["location"]["lines"]["begin"] >= 1
        assert issue["severity"] in ("major", "minor") and issue["check_name"].startswith("LIP")
