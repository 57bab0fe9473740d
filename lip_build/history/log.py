"""The change history of plan files: which commits touched a file, and when it last changed.

`file_log` asks git for one file (`git log --follow`). `histories` answers for many files with a
single walk through the history, following renames and moves, so that a site with hundreds of
pages does not start hundreds of git processes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lip_build.history.git import Commit, _commit, by_refs, run
from lip_build.load.files import CONTENT_DIRS

_FORMAT = "--format=%x1e%H%x1f%cI%x1f%s"


def file_log(root: Path, path: str) -> tuple[Commit, ...]:
    """Every commit that changed the file (path relative to the plan root), newest first, across renames."""
    output = run(root, "log", "--follow", "--format=%H%x1f%cI%x1f%s%x1e", "--", path).decode("utf-8", "replace")
    return tuple(_commit(record.strip("\n")) for record in output.split("\x1e") if record.strip())


def last_change(root: Path, path: str) -> Commit | None:
    """The newest commit that changed the file, or None when the file was never committed."""
    found = file_log(root, path)
    return found[0] if found else None


@dataclass(frozen=True)
class _Change:
    status: str  # A, M, D, R…, C…, T
    old: str
    new: str


@dataclass(frozen=True)
class _Entry:
    commit: Commit
    changes: tuple[_Change, ...]


@by_refs
def _walk(root: Path, folders: tuple[str, ...]) -> tuple[_Entry, ...]:
    output = run(root, "log", "-z", "--name-status", "-M", "--relative", _FORMAT, "--", *folders).decode(
        "utf-8", "replace"
    )
    entries = []
    for record in output.split("\x1e"):
        if not record.strip():
            continue
        header, _, rest = record.partition("\x00")
        tokens = [t for t in rest.lstrip("\n").split("\x00") if t]
        changes, index = [], 0
        while index < len(tokens):
            status = tokens[index].strip()
            if status[:1] in ("R", "C") and index + 2 < len(tokens):
                changes.append(_Change(status[0], tokens[index + 1], tokens[index + 2]))
                index += 3
            elif index + 1 < len(tokens):
                changes.append(_Change(status[:1], tokens[index + 1], tokens[index + 1]))
                index += 2
            else:
                break
        entries.append(_Entry(_commit(header.strip("\n")), tuple(changes)))
    return tuple(entries)


def histories(root: Path, paths: Iterable[str], folders: Iterable[str] = CONTENT_DIRS) -> dict[str, tuple[Commit, ...]]:
    """For each path (relative to the plan root, as in the working tree): its commits, newest first.

    A file renamed or moved (say from bildung/ to soziales/) keeps the commits of its earlier
    names, as with `git log --follow`. Paths without history get an empty tuple.
    """
    return {path: tuple(c for c, _ in found) for path, found in named_histories(root, paths, folders).items()}


def named_histories(
    root: Path, paths: Iterable[str], folders: Iterable[str] = CONTENT_DIRS
) -> dict[str, tuple[tuple[Commit, str], ...]]:
    """As histories(), with the file's name in each commit (its earlier name before a rename)."""
    entries = _walk(root, tuple(folders))
    # One pass over the history, newest first: which tracked file each name belongs to. A rename is
    # seen before the commits of the older name, so the older name is added just in time.
    owner: dict[str, set[str]] = {}
    for path in paths:
        owner.setdefault(path, set()).add(path)
    found: dict[str, list[tuple[Commit, str]]] = {path: [] for path in paths}
    for entry in entries:
        touched: dict[str, str] = {}
        renames: list[tuple[str, set[str]]] = []
        for change in entry.changes:
            tracked = owner.get(change.new)
            if not tracked:
                continue
            touched.update(dict.fromkeys(tracked, change.new))
            if change.status == "R":
                renames.append((change.old, tracked))
        for path, name in touched.items():
            found[path].append((entry.commit, name))
        for old_name, tracked in renames:
            owner.setdefault(old_name, set()).update(tracked)
    return {path: tuple(commits) for path, commits in found.items()}
