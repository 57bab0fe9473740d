"""Shared fixtures: the shipped plan, loaded once, and fresh copies of plans to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lip_build.model.plan import Plan
from lip_build.pipeline import load_plan

REPO = Path(__file__).resolve().parent.parent
PLAN_DIRS = ("content", "handlungsfelder", "templates")


def copy_plan(source: Path, target: Path) -> Path:
    for name in PLAN_DIRS:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
    for name in ("mkdocs.yml",):
        if (source / name).is_file():
            shutil.copy2(source / name, target / name)
    return target


@pytest.fixture(scope="session")
def shipped_plan() -> Plan:
    result = load_plan(REPO)
    assert result.plan is not None, [d.as_text() for d in result.diagnostics.items]
    return result.plan


@pytest.fixture
def plan_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped plan."""
    return copy_plan(REPO, tmp_path / "plan")


@pytest.fixture(scope="session")
def shipped_builds(tmp_path_factory: pytest.TempPathFactory, shipped_plan: Plan) -> list[dict[str, bytes]]:
    """Two independent builds of the Drucksache of the shipped plan (PDF and DOCX), in two folders;
    the tests of test_documents.py and test_documents_paper.py read them."""
    from .documents.helpers import build

    out = []
    for name in ("erster", "zweiter"):
        root = copy_plan(REPO, tmp_path_factory.mktemp(name))
        out.append(build(root, {"pdf", "docx"}, shipped_plan))
    return out
