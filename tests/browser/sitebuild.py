"""The shipped plan's site, built once per test session and shared by tests/test_site*.py and the
browser tests (building takes about two seconds; doing it once keeps the suite fast).

The copy of the plan is a real Git repository with a history, as on a build server: the version
"v2.0" is tagged, then a measure and a goal are changed in two commits. So the site has a change
history on goal and measure pages and the page "Änderungen seit Version v2.0".
"""

from __future__ import annotations

import atexit
import functools
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lip_build.history.stamp import detect
from lip_build.model.plan import Plan
from lip_build.outputs.progress import Progress
from lip_build.outputs.site import build_site
from lip_build.pipeline import load_plan

REPO = Path(__file__).resolve().parents[2]
PLAN_PARTS = ("content", "handlungsfelder", "templates", "mkdocs.yml")


TAG = "v2.0"
COMMITS = (  # date, message of the commits after the tag, newest last
    ("2026-10-15T10:00:00+02:00", "Kosten und Umsetzung nach Hinweisen der Expert*innengruppe angepasst"),
    ("2026-11-10T09:30:00+01:00", "Ziel präzisiert"),
)
TAGGED = "2026-09-29T18:00:00+02:00"
ADDED_SENTENCE = "Die Umsetzung wird jährlich im Fachausschuss vorgestellt."


@dataclass(frozen=True)
class BuiltSite:
    root: Path  # a copy of the shipped plan, in a Git repository of its own
    site: Path  # root / "site"
    plan: Plan
    measure: str  # path of the measure changed after the tag
    goal: str  # path of the goal changed after the tag


_REPOSITORY_VARIABLES = frozenset(
    {
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_COMMON_DIR",
        "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_PREFIX",
        "GIT_NAMESPACE",
    }
)


def git_environment(stamp: str | None = None) -> dict[str, str]:
    """Git without the machine's configuration, with a fixed identity (and date).

    Variables that point git at another repository are dropped: under `git rebase --exec` or a hook,
    GIT_DIR names the developer's repository, and `git init`/`git commit` of a test plan would write
    there (seen: a test commit on the branch being rebased and core.bare=true in its config)."""
    env = {k: v for k, v in os.environ.items() if k not in _REPOSITORY_VARIABLES}
    env.update({"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"})
    for who in ("AUTHOR", "COMMITTER"):
        env.update({f"GIT_{who}_NAME": "Redaktion LIP", f"GIT_{who}_EMAIL": "redaktion@example.org"})
        if stamp:
            env[f"GIT_{who}_DATE"] = stamp
    return env


def commit(root: Path, message: str, stamp: str) -> None:
    for args in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(["git", "-C", str(root), *args], check=True, env=git_environment(stamp))


def first_measure_with_costs(root: Path) -> Path:
    return next(p for p in sorted(root.glob("handlungsfelder/*/massnahmen/*.md")) if "betrag:" in p.read_text("utf-8"))


def make_history(root: Path) -> tuple[str, str]:
    """Tag the plan as v2.0, then change a measure (costs and text) and a goal (text) in two commits."""
    (root / ".gitignore").write_text("/site/\n/dist/\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True, env=git_environment())
    commit(root, "Fassung für die Beschlussfassung", TAGGED)
    subprocess.run(["git", "-C", str(root), "tag", "-a", TAG, "-m", "LIP 2.0"], check=True, env=git_environment(TAGGED))
    measure = first_measure_with_costs(root)
    text = measure.read_text(encoding="utf-8")
    text = re.sub(r"betrag: (\d+)", lambda m: f"betrag: {int(m.group(1)) + 5000}", text, count=1)
    measure.write_text(text.rstrip("\n") + f" {ADDED_SENTENCE}\n", encoding="utf-8")
    commit(root, COMMITS[0][1], COMMITS[0][0])
    goal = sorted(root.glob("handlungsfelder/*/ziele/*.md"))[0]
    goal.write_text(goal.read_text(encoding="utf-8").rstrip("\n") + f" {ADDED_SENTENCE}\n", encoding="utf-8")
    commit(root, COMMITS[1][1], COMMITS[1][0])
    return measure.relative_to(root).as_posix(), goal.relative_to(root).as_posix()


def public_pages(site: Path) -> list[Path]:
    """The pages of the public site: every index.html but the web editor's (admin/)."""
    return [p for p in sorted(site.rglob("index.html")) if p.relative_to(site).parts[0] != "admin"]


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
    measure, goal = make_history(root)
    result = load_plan(root)
    assert result.plan is not None, [d.as_text() for d in result.diagnostics.items]
    build_site(root, result.plan, detect(root, result.plan.info.stand), Progress(quiet=True))
    return BuiltSite(root, root / "site", result.plan, measure, goal)
