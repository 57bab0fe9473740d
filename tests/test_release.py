"""`lip build --release` only from a tagged commit without uncommitted changes (real git repository)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from click.testing import CliRunner

from lip_build.cli import cli
from lip_build.history.stamp import check_release, detect

from .conftest import REPO, copy_plan

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main"]


def _git(root: Path, *args: str) -> None:
    subprocess.run([*GIT, "-C", str(root), *args], check=True, capture_output=True)


def _repo(tmp_path: Path) -> Path:
    root = copy_plan(REPO, tmp_path / "plan")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Plan")
    return root


def _release(root: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--plan", str(root), "build", "--release", "--quiet"])
    return result.exit_code, result.output


def test_release_refuses_a_dirty_tree(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    _git(root, "tag", "v2.0")
    goal = next((root / "handlungsfelder" / "bildung" / "ziele").glob("*.md"))
    goal.write_text(goal.read_text(encoding="utf-8") + "\nNachtrag.\n", encoding="utf-8")
    code, output = _release(root)
    assert code == 1
    assert "nicht eingecheckte Änderungen" in output and goal.name in output
    assert f"({goal.relative_to(root).as_posix()})" in output  # the whole path, not "andlungsfelder/…"
    assert not (root / "site").exists() and not (root / "dist").exists()


def test_release_names_new_and_renamed_files_in_full(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    _git(root, "tag", "v2.0")
    measures = root / "handlungsfelder" / "bildung" / "massnahmen"
    _git(root, "mv", "handlungsfelder/bildung/massnahmen/BIL-M04.md", "handlungsfelder/bildung/massnahmen/BIL-M99.md")
    (measures / "Übersicht.png").write_bytes(b"png")
    code, output = _release(root)
    assert code == 1
    assert "handlungsfelder/bildung/massnahmen/BIL-M99.md" in output
    assert "handlungsfelder/bildung/massnahmen/Übersicht.png" in output


def test_release_refuses_placeholders_of_lip_new(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    created = CliRunner().invoke(cli, ["--plan", str(root), "new", "ziel", "--handlungsfeld", "BIL", "--titel", "Neu"])
    assert created.exit_code == 0, created.output
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Neues Ziel")
    _git(root, "tag", "v2.0")
    code, output = _release(root)
    assert code == 1
    assert "LIP409 Warnung" in output and "Eine Freigabe darf keine Platzhalter" in output
    assert not (root / "site").exists() and not (root / "dist").exists()


def test_release_refuses_an_untagged_commit(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    code, output = _release(root)
    assert code == 1
    assert "kein Tag" in output and "git tag" in output


def test_release_refuses_outside_git(plan_copy: Path) -> None:
    code, output = _release(plan_copy)
    assert code == 1
    assert "Git-Repository" in output


def test_release_accepts_a_tagged_clean_commit_and_names_it(tmp_path: Path) -> None:

    root = _repo(tmp_path)
    _git(root, "tag", "v2.0")
    version = detect(root, dt.date(2026, 1, 1))
    check_release(root, version)  # does not raise
    assert version.tag == "v2.0" and not version.geaendert
    assert version.text.startswith("Version v2.0 (Commit ")
    _, output = _release(root)
    assert "kein Tag" not in output and "nicht eingecheckte" not in output
