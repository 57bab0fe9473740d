"""Versions of the plan to compare: a Git revision (read from Git into a temporary folder) or the
working folder as it is, with uncommitted changes.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from lip_build.check.document import Document, read_documents
from lip_build.diagnostics import Diagnostics
from lip_build.errors import GitError
from lip_build.history import git
from lip_build.history.compare import Stand, Synopse, compare

WORKING_FOLDER = "Arbeitsordner"


@contextlib.contextmanager
def checkout(root: Path, revision: str | None, label: str | None = None) -> Iterator[tuple[Path, Stand]]:
    """The plan folder of a version and its description; a revision lives in a temporary folder
    that is removed afterwards. `revision` None means the working folder itself."""
    if revision is None:
        try:
            head = git.resolve(root, "HEAD")
            stand = Stand(
                label or WORKING_FOLDER, head.hash, head.datum, git.tag_of(root, head.hash), True, git.is_dirty(root)
            )
        except GitError:  # a plan outside Git, or a repository without commits
            stand = Stand(label or WORKING_FOLDER, arbeitsordner=True)
        yield root, stand
        return
    work = Path(tempfile.mkdtemp(prefix="lip-fassung-"))
    try:
        commit = git.export(root, revision, work)
        yield work, Stand(label or revision, commit.hash, commit.datum, git.tag_of(root, commit.hash))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def documents(root: Path, revision: str | None, label: str | None = None) -> tuple[list[Document], Stand]:
    """The documents of a version after the field check; validation errors do not stop the reading."""
    with checkout(root, revision, label) as (folder, stand):
        found, _ = read_documents(folder, Diagnostics())
    return found, stand


def synopse(root: Path, bisher: str, neu: str | None = None) -> Synopse:
    """Compare two versions of the plan in the repository at `root` (neu None: the working folder).

    This is the entry point for the site ("Änderungen seit Version …") and the Synopse PDF.
    """
    old_docs, old_stand = documents(root, bisher)
    new_docs, new_stand = documents(root, neu)
    return compare(old_docs, new_docs, old_stand, new_stand)
