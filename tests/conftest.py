"""Shared fixtures: the shipped plan, loaded once, and fresh copies of plans to break."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In the mutation test (scripts/mutation.sh), the quickest tests first: mutmut runs a mutant's tests
    with -x, so a mutant that a quick test catches stops there instead of after the slow ones. The times
    are those mutmut measured in its first full run (mutants/mutmut-stats.json); elsewhere the order stays."""
    stats = Path("mutmut-stats.json")
    if not os.environ.get("MUTANT_UNDER_TEST") or not stats.is_file():
        return
    seconds: dict[str, float] = json.loads(stats.read_text(encoding="utf-8")).get("duration_by_test", {})
    items.sort(key=lambda item: seconds.get(item.nodeid, 0.0))


@pytest.fixture(scope="session", autouse=True)
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The font coverage cache of check/glyphs.py in a folder of this test session, not in ~/.cache:
    what is left there (by an older lip, or by a mutant of the mutation test) must not decide a test."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before


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
