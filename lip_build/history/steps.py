"""What each commit changed in an item, compared field by field with the file's version before it.

For the public change history of goals and measures: not the commit messages (written for developers),
but the plan's own field diff, as the Synopse shows it ("Kosten: 640.000 € → 645.000 €"). All versions of
all files come from one `git cat-file --batch`; each is read and field-checked as the Synopse reads an
old version (incremental.document_of), so a version with errors is still compared.

A committed version never changes, so the comparisons of a file's history are kept in memory by the
commits they compare: `lip serve` rebuilds after an edit without reading the history again.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from lip_build.check.document import Document
from lip_build.history import git
from lip_build.history.compare import Element, compare_documents
from lip_build.history.incremental import document_of

_Key = tuple[str, tuple[tuple[str, str], ...]]  # the repository, and (commit, name) of each version
_KNOWN: dict[_Key, tuple[Element | None, ...]] = {}
_KNOWN_AT_MOST = 50_000  # histories kept; then forgotten all at once


def steps(
    root: Path, commits: Mapping[str, tuple[tuple[git.Commit, str], ...]]
) -> dict[str, tuple[Element | None, ...]]:
    """For each path and each of its commits (newest first, with the file's name in that commit, as
    log.named_histories gives them): the item compared with its version in the commit before, or None for
    the file's first commit."""
    keys = {path: (str(root), tuple((c.hash, name) for c, name in history)) for path, history in commits.items()}
    known = {path: _KNOWN[key] for path, key in keys.items() if key in _KNOWN}
    if len(known) < len(commits):
        if len(_KNOWN) > _KNOWN_AT_MOST:
            _KNOWN.clear()
        fresh = _compare(root, {path: history for path, history in commits.items() if path not in known})
        _KNOWN.update({keys[path]: compared for path, compared in fresh.items()})
        known.update(fresh)
    return {path: known[path] for path in commits}


def _compare(
    root: Path, commits: Mapping[str, tuple[tuple[git.Commit, str], ...]]
) -> dict[str, tuple[Element | None, ...]]:
    place = git.prefix(root)
    wanted = [(name, commit.hash) for found in commits.values() for commit, name in found]
    data = git.blobs(root, [f"{commit}:{place}{name}" for name, commit in wanted])
    versions: dict[tuple[str, str], Document] = {}
    for (name, commit), content in zip(wanted, data, strict=True):
        if content is None or (name, commit) in versions:
            continue
        document = document_of(name, content)
        if document is not None:
            versions[(name, commit)] = document
    found: dict[str, tuple[Element | None, ...]] = {}
    for path, history in commits.items():
        docs = [versions.get((name, c.hash)) for c, name in history]
        compared: list[Element | None] = []
        for index, new in enumerate(docs):
            old = docs[index + 1] if index + 1 < len(docs) else None
            compared.append(compare_documents(old, new) if old is not None and new is not None else None)
        found[path] = tuple(compared)
    return found
