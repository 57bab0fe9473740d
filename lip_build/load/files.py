"""The files of a plan: which kinds exist, where each lies, and reading all of them.

Every file under content/ and handlungsfelder/ is found, classified by its place and read
(source.py); problems of a single file or of the set of files (LIP1xx) become diagnostics.
What the values mean is checked afterwards (lip_build.check).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from lip_build import schema as s
from lip_build.codes import LIP111, LIP112
from lip_build.diagnostics import Diagnostics
from lip_build.load.source import SourceFile, read_source

PLAN_FILE = "content/plan.md"


@dataclass(frozen=True)
class FileKind:
    name: str
    glob: str  # where such files lie, e.g. handlungsfelder/*/ziele/*.md ("*" never crosses a folder)
    required: bool = False  # exactly this one file must exist (globs without "*")

    @property
    def spec(self) -> s.Obj:
        return s.SPECS[self.name]

    @property
    def pattern(self) -> re.Pattern[str]:
        return re.compile("^" + re.escape(self.glob).replace(r"\*", "[^/]+") + "$")


FILE_KINDS = (
    FileKind("plan", "content/plan.md", required=True),
    FileKind("drucksache", "content/drucksache.md", required=True),
    FileKind("organisationseinheiten", "content/organisationseinheiten.md", required=True),
    FileKind("glossar", "content/glossar.md"),
    FileKind("zeitleiste", "content/zeitleiste.md"),
    FileKind("leichte_sprache", "content/leichte-sprache.md"),
    FileKind("kapitel", "content/kapitel/*.md"),
    FileKind("gremium", "content/gremien/*.md"),
    FileKind("zielgruppe", "content/zielgruppen/*.md"),
    FileKind("querschnittsthema", "content/querschnittsthemen/*.md"),
    FileKind("handlungsfeld", "handlungsfelder/*/handlungsfeld.md"),
    FileKind("ziel", "handlungsfelder/*/ziele/*.md"),
    FileKind("massnahme", "handlungsfelder/*/massnahmen/*.md"),
)
_PATTERNS = [(kind.pattern, kind) for kind in FILE_KINDS]

CONTENT_DIRS = ("content", "handlungsfelder")


@dataclass(frozen=True)
class Found:
    """A file of a known kind, read: its front matter tree and body."""

    kind: FileKind
    source: SourceFile


def classify(path: str) -> FileKind | None:
    return next((kind for pattern, kind in _PATTERNS if pattern.match(path)), None)


def find_plan_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds content/plan.md (as git finds .git)."""
    for folder in (start.resolve(), *start.resolve().parents):
        if (folder / PLAN_FILE).is_file():
            return folder
    return None


def discover(root: Path) -> list[str]:
    found = []
    for top in CONTENT_DIRS:
        base = root / top
        if base.is_dir():
            found += [p.relative_to(root).as_posix() for p in base.rglob("*.md") if p.is_file()]
    return sorted(found)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a plan is read and checked.

    Reading creates hundreds of thousands of small objects that all stay alive; each automatic
    collection walks all of them again, which made reading 5,000 measures several times slower
    (measured: composing the YAML alone went from 0.6 s to 2.7 s). The objects form no cycles
    that would need collecting, so collection resumes afterwards (as mypy and pip tune it).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_files(root: Path, diagnostics: Diagnostics) -> tuple[list[Found], list[str]]:
    """Read every content file; also return the paths that could not be read."""
    documents = []
    unreadable = []
    paths = discover(root)
    for path in paths:
        kind = classify(path)
        if kind is None:
            diagnostics.add(LIP111, path, 1, 1, pfad=path)
            continue
        source = read_source(root, path, diagnostics)
        if source is None:
            unreadable.append(path)
            continue
        documents.append(Found(kind, source))
    present = set(paths)
    for kind in FILE_KINDS:
        if kind.required and kind.glob not in present:
            diagnostics.add(LIP112, kind.glob, 1, 1, pfad=kind.glob)
    return documents, unreadable
