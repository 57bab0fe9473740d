"""Re-check after a change: a changed goal flags its measures until someone confirms them.

The flows run on the small plan of tests/plaene/mini (two fields, a goal served by two measures),
which loads in a tenth of the time of the shipped plan: the mutation test runs these for every mutant.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lip_build.check.reviews import fingerprint
from lip_build.cli import cli
from lip_build.edit.confirm import set_block
from lip_build.model.plan import Kennzahl, Plan
from lip_build.pipeline import load_plan
from tests.test_diagnostics import MINI


@pytest.fixture(scope="module")
def mini_plan() -> Plan:
    plan = load_plan(MINI).plan
    assert plan is not None
    return plan


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    root = tmp_path / "plan"
    shutil.copytree(MINI, root)
    return root


def _warnings(root: Path) -> set[tuple[str, str]]:
    result = load_plan(root)
    return {(d.path, d.code) for d in result.diagnostics.items}


def test_changed_goal_flags_its_measures_until_confirmed(mini_copy: Path, mini_plan: Plan) -> None:
    goal = next(z for z in mini_plan.ziele if len(mini_plan.massnahmen_zu(z.id)) >= 2)
    serving = {m.quelle.pfad for m in mini_plan.massnahmen_zu(goal.id)}
    path = mini_copy / goal.quelle.pfad
    path.write_text(path.read_text(encoding="utf-8") + "\nNeuer Absatz zum Ziel.\n", encoding="utf-8")

    flagged = {p for p, code in _warnings(mini_copy) if code == "LIP311"}
    assert flagged == serving

    one = sorted(serving)[0]
    measure_id = Path(one).stem
    result = CliRunner().invoke(cli, ["--plan", str(mini_copy), "review", "confirm", measure_id])
    assert result.exit_code == 0, result.output
    assert {p for p, code in _warnings(mini_copy) if code == "LIP311"} == serving - {one}

    result = CliRunner().invoke(cli, ["--plan", str(mini_copy), "review", "confirm", goal.id])
    assert result.exit_code == 0, result.output
    assert not [c for _, c in _warnings(mini_copy) if c == "LIP311"]


def test_layout_changes_do_not_flag(plan_copy: Path, shipped_plan: Plan) -> None:
    goal = shipped_plan.ziele[0]
    path = plan_copy / goal.quelle.pfad
    path.write_text(path.read_text(encoding="utf-8").replace(". ", ".\n", 3), encoding="utf-8")
    assert not [c for _, c in _warnings(plan_copy) if c == "LIP311"]


def test_new_goal_link_is_pending_and_confirm_keeps_the_file_valid(mini_copy: Path, mini_plan: Plan) -> None:
    measure = next(m for m in mini_plan.massnahmen if len(m.ziele) == 1)
    other = next(z.id for z in mini_plan.ziele if z.handlungsfeld != measure.handlungsfeld)
    path = mini_copy / measure.quelle.pfad
    text = path.read_text(encoding="utf-8")
    old = f"ziele: [{measure.ziele[0]}]\n"
    assert old in text
    path.write_text(text.replace(old, f"ziele: [{measure.ziele[0]}, {other}]\n"), "utf-8")
    assert (measure.quelle.pfad, "LIP311") in _warnings(mini_copy)
    result = CliRunner().invoke(cli, ["--plan", str(mini_copy), "review", "confirm", measure.id])
    assert result.exit_code == 0, result.output
    after = load_plan(mini_copy)
    assert not after.diagnostics.items, [d.as_text() for d in after.diagnostics.items]
    assert after.plan is not None
    assert set(after.plan.massnahme(measure.id).geprueft) == {measure.ziele[0], other}
    assert path.read_text(encoding="utf-8").count("geprueft:") == 1


def test_confirm_unknown_id_is_a_usage_error(mini_copy: Path) -> None:
    result = CliRunner().invoke(cli, ["--plan", str(mini_copy), "review", "confirm", "BIL-M999"])
    assert result.exit_code == 2
    assert "weder eine Maßnahme noch ein Ziel" in result.output


def test_fingerprint_ignores_whitespace_but_not_content() -> None:
    kennzahl = Kennzahl(name="Quote", einheit="Prozent", ausgangswert=1, ausgangsjahr=2024, zielwert=2, zieljahr=2030)
    base = fingerprint("Titel", "Ein Text.", [kennzahl])
    assert base == "243223aa"  # recorded in the plans' files: it must never change for the same content
    assert fingerprint("Titel", "Ein\n  Text.\n", [kennzahl]) == base
    assert fingerprint("Titel", "Ein Text.", [dataclasses.replace(kennzahl, zielwert=3)]) != base
    assert fingerprint("Titel!", "Ein Text.", [kennzahl]) != base


def test_set_block_replaces_only_its_own_block() -> None:
    text = '---\nid: X\ngeprueft:\n  A: "1"\nkontakt: "40"\n---\nText\n'
    assert set_block(text, "geprueft", ['  B: "2"']) == '---\nid: X\ngeprueft:\n  B: "2"\nkontakt: "40"\n---\nText\n'
    assert set_block("---\nid: X\n---\n", "geprueft", ['  B: "2"']) == '---\nid: X\ngeprueft:\n  B: "2"\n---\n'


def test_goal_change_between_commits_flags_measures_until_confirmed(mini_copy: Path, mini_plan: Plan) -> None:
    """The re-check on a real Git repository: commit, change a goal, see the flags, confirm, commit."""
    import subprocess

    def git(*args: str) -> None:
        command = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-C", str(root), *args]
        subprocess.run(command, check=True, capture_output=True)

    root = mini_copy
    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "Fassung für die Lenkungsgruppe")
    goal = next(z for z in mini_plan.ziele if len(mini_plan.massnahmen_zu(z.id)) >= 2)
    serving = {m.quelle.pfad for m in mini_plan.massnahmen_zu(goal.id)}
    path = root / goal.quelle.pfad
    text = path.read_text(encoding="utf-8")
    changed = re.sub(r"ausgangswert: (\d+)", lambda m: f"ausgangswert: {int(m.group(1)) + 1}", text, count=1)
    assert changed != text
    path.write_text(changed, "utf-8")
    git("commit", "-q", "-am", "Kennzahl des Ziels angepasst")

    assert {(p, code) for p, code in _warnings(root)} == {(p, "LIP311") for p in serving}
    report = CliRunner().invoke(cli, ["--plan", str(root), "report", "--base", "HEAD~1"])
    assert report.exit_code == 0, report.output
    for measure in mini_plan.massnahmen_zu(goal.id):
        assert measure.id in report.output

    result = CliRunner().invoke(cli, ["--plan", str(root), "review", "confirm", goal.id])
    assert result.exit_code == 0, result.output
    git("commit", "-q", "-am", "Maßnahmen bestätigt")
    assert not [c for _, c in _warnings(root) if c == "LIP311"]
