"""Which version of the plan an output was built from: Git tag or commit, date, dirty tree."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

from lip_build.errors import ReleaseError
from lip_build.history.git import by_refs


@dataclass(frozen=True)
class Version:
    bezeichnung: str  # tag ("v2.0") or short commit ("a1b2c3d"), or "ohne Git"
    commit: str | None
    datum: dt.datetime  # commit date; the plan's "stand" outside Git
    tag: str | None
    geaendert: bool  # uncommitted changes in the tree

    @property
    def text(self) -> str:
        """For footers: "Version v2.0 (Commit a1b2c3d) vom 26.11.2026"."""
        name = f"Version {self.tag}" if self.tag else f"Stand {self.bezeichnung}"
        commit = f" (Commit {self.commit[:7]})" if self.tag and self.commit else ""
        dirty = ", mit nicht eingecheckten Änderungen" if self.geaendert else ""
        return f"{name}{commit} vom {self.datum:%d.%m.%Y}{dirty}"

    @property
    def herkunft(self) -> str:
        """Where a document comes from, for its metadata and colophon (never its "Stand", which is the
        plan's): "Git-Tag v2.0, Commit a1b2c3d vom 26.11.2026", "Commit a1b2c3d vom 26.11.2026"."""
        if self.commit is None:
            return f"ohne Git, Datum {self.datum:%d.%m.%Y}"
        tag = f"Git-Tag {self.tag}, " if self.tag else ""
        dirty = ", mit nicht eingecheckten Änderungen" if self.geaendert else ""
        return f"{tag}Commit {self.commit[:7]} vom {self.datum:%d.%m.%Y}{dirty}"


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _changed_paths(root: Path) -> list[str]:
    """The paths `git status` lists, as written (NUL-separated: no quoting, no stripped first column)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "-z"], capture_output=True, check=False, timeout=20
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    entries = done.stdout.decode("utf-8", "replace").split("\x00")
    paths = []
    index = 0
    while index < len(entries):
        entry = entries[index]
        if len(entry) > 3:
            paths.append(entry[3:])
            if entry[0] in "RC":  # a rename or copy: the next entry is the old name
                index += 1
        index += 1
    return paths


def check_release(root: Path, version: Version) -> None:
    """An official document must be traceable: a tagged commit and no uncommitted changes."""
    if version.commit is None:
        raise ReleaseError("Eine Freigabe (--release) braucht ein Git-Repository; hier gibt es keins.")
    if version.geaendert:
        changed = _changed_paths(root)
        shown = ", ".join(changed[:5]) + (" …" if len(changed) > 5 else "")
        raise ReleaseError(
            f"Es gibt nicht eingecheckte Änderungen ({shown}). Ein offizielles Dokument muss genau einem Commit "
            "entsprechen: committen oder verwerfen Sie die Änderungen und versuchen Sie es erneut."
        )
    if version.tag is None:
        raise ReleaseError(
            f"Der Commit {version.bezeichnung} hat kein Tag. Setzen Sie zuerst eine Versionsmarke, z. B. "
            "„git tag -a v2.0 -m 'LIP 2.0, Beschlussfassung'“, und erstellen Sie dann die Freigabe."
        )


@by_refs
def _checked_out(root: Path) -> tuple[str | None, str | None, str]:
    """The checked-out commit (None outside Git), its tag and its date."""
    commit = _git(root, "rev-parse", "HEAD")
    if commit is None:
        return None, None, ""
    tag = _git(root, "describe", "--tags", "--exact-match", "HEAD")
    return commit, tag, _git(root, "log", "-1", "--format=%cI", "HEAD") or ""


def detect(root: Path, fallback: dt.date) -> Version:
    commit, tag, stamp = _checked_out(root)
    if commit is None:
        when = dt.datetime.combine(fallback, dt.time(), tzinfo=dt.UTC)
        return Version("ohne Git", None, when, None, False)
    status = _git(root, "status", "--porcelain")
    return Version(
        bezeichnung=tag or commit[:7],
        commit=commit,
        datum=dt.datetime.fromisoformat(stamp) if stamp else dt.datetime.combine(fallback, dt.time(), tzinfo=dt.UTC),
        tag=tag,
        geaendert=bool(status),
    )
