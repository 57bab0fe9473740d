"""What the website needs from Git, in a few cheap calls: the commit that is checked out, the version
to compare with, files with uncommitted changes, and the Synopse of only the files that changed.

`synopse_since` gives the same changed items as `versions.synopse(root, bisher)` (the working folder
against a revision), but reads and compares only the files Git reports as different instead of every
file of both versions, so that the site of a plan with a thousand measures does not wait for the
word-by-word comparison of hundreds of unchanged texts. Every failure of Git raises GitError.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lip_build.check.document import Document, check_fields
from lip_build.diagnostics import Diagnostics
from lip_build.errors import GitError
from lip_build.history import git
from lip_build.history.compare import Stand, Synopse, compare
from lip_build.history.versions import checkout
from lip_build.load.files import CONTENT_DIRS, PLAN_FILE, Found, classify, discover
from lip_build.load.source import read_source


def _paths(output: bytes) -> list[str]:
    return [p for p in output.decode("utf-8", "replace").split("\x00") if p]


def head(root: Path) -> git.Commit | None:
    """The checked-out commit, or None in a repository without commits. GitError outside Git."""
    git.run(root, "rev-parse", "--git-dir")
    try:
        return git.resolve(root, "HEAD")
    except GitError:
        return None


def is_shallow(root: Path) -> bool:
    """A clone with only the newest commits (CI's default): older changes are missing from the log."""
    return git.run(root, "rev-parse", "--is-shallow-repository").decode().strip() == "true"


def previous_tag(root: Path, commit: str) -> git.Tag | None:
    """The newest tag on an ancestor of `commit`, not on `commit` itself: the version before this one."""
    merged = set(git.run(root, "tag", "--merged", commit).decode("utf-8", "replace").split())
    candidates = [t for t in git.tags(root) if t.name in merged and t.commit != commit]
    return candidates[-1] if candidates else None


def uncommitted(root: Path, folders: Iterable[str] = CONTENT_DIRS) -> dict[str, str]:
    """Files (relative to the plan root) whose content differs from the checked-out commit, staged or not,
    mapped to their path in that commit (the old name after a staged rename; the same path otherwise)."""
    output = _paths(git.run(root, "diff", "-z", "--name-status", "-M", "--relative", "HEAD", "--", *folders))
    changed: dict[str, str] = {}
    index = 0
    while index < len(output):
        status = output[index]
        if status[:1] in ("R", "C") and index + 2 < len(output):
            changed[output[index + 2]] = output[index + 1] if status[0] == "R" else output[index + 2]
            index += 3
        else:
            if index + 1 < len(output) and status[:1] != "D":
                changed[output[index + 1]] = output[index + 1]
            index += 2
    return changed


def changed_since(root: Path, revision: str, folders: Iterable[str] = CONTENT_DIRS) -> set[str]:
    """Files that differ between a revision and the working folder: changed, added, removed, untracked."""
    present = [folder for folder in folders if (root / folder).exists()] or list(folders)
    tracked = _paths(git.run(root, "diff", "-z", "--name-only", "--no-renames", "--relative", revision, "--", *present))
    untracked = _paths(git.run(root, "ls-files", "-z", "--others", "--exclude-standard", "--", *present))
    return set(tracked) | set(untracked)


def changed_between(root: Path, old: str, new: str, folders: Iterable[str] = CONTENT_DIRS) -> set[str]:
    """Files that differ between two commits (changed, added, removed)."""
    return set(
        _paths(git.run(root, "diff", "-z", "--name-only", "--no-renames", "--relative", old, new, "--", *folders))
    )


def read_files(folder: Path, paths: Iterable[str]) -> list[Document]:
    """The plan files among `paths` that exist in `folder`, read and field-checked as loader.read_documents
    does (findings are not reported: a version with errors can still be compared)."""
    diagnostics = Diagnostics()
    found = []
    for path in sorted(set(paths)):
        kind = classify(path)
        if kind is None or not (folder / path).is_file():
            continue
        source = read_source(folder, path, diagnostics)
        if source is not None:
            found.append(check_fields(Found(kind, source), diagnostics))
    return found


@dataclass(frozen=True)
class Vergleich:
    """The Synopse of the changed files, and how many items of the new version did not change."""

    synopse: Synopse  # holds the changed items (and content/plan.md, for the order of the fields)
    unveraendert: int


def export_files(root: Path, commit: str, paths: Iterable[str], target: Path) -> None:
    """Write the files among `paths` (relative to the plan root) as they are in `commit` into `target`, with
    one `git cat-file --batch` for all of them: a few changed files, not the whole plan as git.export does."""
    place = git.prefix(root)
    wanted = sorted(set(paths))
    for path, data in zip(wanted, git.blobs(root, [f"{commit}:{place}{path}" for path in wanted]), strict=True):
        if data is None:
            continue  # "missing": the file is new since that version
        destination = target / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)


def synopse_since(root: Path, bisher: str, label: str | None = None, neu_label: str | None = None) -> Vergleich:
    """The working folder compared with the revision `bisher`, reading only the files that differ."""
    base = git.resolve(root, bisher)  # an unknown version is reported as such
    changed = changed_since(root, base.hash) | {PLAN_FILE}  # the plan file orders the Handlungsfelder
    old_stand = Stand(label or bisher, base.hash, base.datum, git.tag_of(root, base.hash))
    with tempfile.TemporaryDirectory(prefix="lip-fassung-") as folder:
        export_files(root, base.hash, changed, Path(folder))
        old_docs = read_files(Path(folder), changed)
    with checkout(root, None, neu_label) as (new_folder, new_stand):
        new_docs = read_files(new_folder, changed)
    synopse = compare(old_docs, new_docs, old_stand, new_stand)
    in_changes = sum(1 for e in synopse.geaendert if e.neu is not None)
    total = sum(1 for path in discover(root) if classify(path) is not None)
    return Vergleich(synopse, total - in_changes)
