"""What the website needs from Git, in a few cheap calls: the commit that is checked out, the version
to compare with, files with uncommitted changes, and the Synopse of only the files that changed.

`synopse_since` gives the same changed items as `versions.synopse(root, bisher)` (the working folder
against a revision), but reads and compares only the files Git reports as different instead of every
file of both versions, so that the site of a plan with a thousand measures does not wait for the
word-by-word comparison of hundreds of unchanged texts. Every failure of Git raises GitError.
"""

from __future__ import annotations

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
from lip_build.load.source import parse_source
from lip_build.memo import Memo


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


@git.by_refs
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


def document_of(path: str, data: bytes) -> Document | None:
    """A plan file of any version, given its content, read and field-checked as loader.read_documents does
    (findings are not reported: a version with errors can still be compared); None for a file that is no plan
    file or cannot be read."""
    kind = classify(path)
    if kind is None:
        return None
    diagnostics = Diagnostics()
    source = parse_source(data, path, diagnostics)
    return None if source is None else check_fields(Found(kind, source), diagnostics)


def read_document(path: str, data: bytes) -> Document | None:
    """`document_of`, kept by path and content: `lip serve` reads each version of a file for the Synopse once."""
    return _DOCUMENTS.get((path, data), lambda: document_of(path, data))


_DOCUMENTS: Memo[tuple[str, bytes], Document | None] = Memo()


def read_files(folder: Path, paths: Iterable[str]) -> list[Document]:
    """The plan files among `paths` that exist in `folder`, read as `read_document` reads them."""
    found = []
    for path in sorted(set(paths)):
        try:
            data = (folder / path).read_bytes()
        except OSError:  # not there (removed since), a folder, or unreadable
            continue
        document = read_document(path, data)
        if document is not None:
            found.append(document)
    return found


@dataclass(frozen=True)
class Vergleich:
    """The Synopse of the changed files, and how many items of the new version did not change."""

    synopse: Synopse  # holds the changed items (and content/plan.md, for the order of the fields)
    unveraendert: int


@git.by_refs
def committed_files(root: Path, commit: str, paths: tuple[str, ...]) -> tuple[tuple[str, bytes], ...]:
    """The files among `paths` (relative to the plan root) as they are in `commit`, with one
    `git cat-file --batch` for all of them: a few changed files, not the whole plan as git.export reads."""
    place = git.prefix(root)
    found = git.blobs(root, [f"{commit}:{place}{path}" for path in paths])
    return tuple((path, data) for path, data in zip(paths, found, strict=True) if data is not None)  # else new since


def synopse_since(root: Path, bisher: str, label: str | None = None, neu_label: str | None = None) -> Vergleich:
    """The working folder compared with the revision `bisher`, reading only the files that differ."""
    base = git.resolve(root, bisher)  # an unknown version is reported as such
    changed = changed_since(root, base.hash) | {PLAN_FILE}  # the plan file orders the Handlungsfelder
    old_stand = Stand(label or bisher, base.hash, base.datum, git.tag_of(root, base.hash))
    old_files = committed_files(root, base.hash, tuple(sorted(changed)))
    old_docs = [doc for path, data in old_files if (doc := read_document(path, data)) is not None]
    with checkout(root, None, neu_label) as (new_folder, new_stand):
        new_docs = read_files(new_folder, changed)
    synopse = compare(old_docs, new_docs, old_stand, new_stand)
    in_changes = sum(1 for e in synopse.geaendert if e.neu is not None)
    total = sum(1 for path in discover(root) if classify(path) is not None)
    return Vergleich(synopse, total - in_changes)
