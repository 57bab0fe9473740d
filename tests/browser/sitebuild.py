"""The shipped plan's site, built once per test session and shared by tests/test_site*.py and the
browser tests (building takes about two seconds; doing it once keeps the suite fast)."""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lip_build.model import Plan
from lip_build.output import Progress
from lip_build.site import build_site
from lip_build.validate import load_plan
from lip_build.version import detect

REPO = Path(__file__).resolve().parents[2]
PLAN_PARTS = ("content", "handlungsfelder", "templates", "mkdocs.yml")


@dataclass(frozen=True)
class BuiltSite:
    root: Path  # a copy of the shipped plan
    site: Path  # root / "site"
    plan: Plan


def copy_plan(target: Path) -> Path:
    for name in PLAN_PARTS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


@functools.cache
def built_site() -> BuiltSite:
    work = Path(tempfile.mkdtemp(prefix="lip-site-test-"))
    atexit.register(shutil.rmtree, work, True)
    root = copy_plan(work / "plan")
    result = load_plan(root)
    assert result.plan is not None, [d.as_text() for d in result.diagnostics.items]
    build_site(root, result.plan, detect(root, result.plan.info.stand), Progress(quiet=True))
    return BuiltSite(root, root / "site", result.plan)
