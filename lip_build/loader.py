"""Load a plan: find its files, read and check each one, then check the plan as a whole.

Gather, check, then build: every file is read and checked, every diagnostic collected,
and the typed model (model.py) is built only from a plan without errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from . import schema as s
from .diagnostics import Diagnostics
from .fields import Checked, FieldChecker
from .source import SourceFile, read_source

PLAN_FILE = "content/plan.md"


@dataclass(frozen=True)
class FileKind:
    name: str
    spec: s.Obj
    glob: str  # where such files lie, e.g. handlungsfelder/*/ziele/*.md ("*" never crosses a folder)
    required: bool = False  # exactly this one file must exist (globs without "*")

    @property
    def pattern(self) -> re.Pattern[str]:
        return re.compile("^" + re.escape(self.glob).replace(r"\*", "[^/]+") + "$")


FILE_KINDS = (
    FileKind("plan", s.PLAN, "content/plan.md", required=True),
    FileKind("drucksache", s.DRUCKSACHE, "content/drucksache.md", required=True),
    FileKind("organisationseinheiten", s.ORGANISATIONSEINHEITEN, "content/organisationseinheiten.md", required=True),
    FileKind("glossar", s.GLOSSAR, "content/glossar.md"),
    FileKind("zeitleiste", s.ZEITLEISTE, "content/zeitleiste.md"),
    FileKind("leichte_sprache", s.LEICHTE_SPRACHE, "content/leichte-sprache.md"),
    FileKind("kapitel", s.KAPITEL, "content/kapitel/*.md"),
    FileKind("gremium", s.GREMIUM, "content/gremien/*.md"),
    FileKind("zielgruppe", s.ZIELGRUPPE, "content/zielgruppen/*.md"),
    FileKind("querschnittsthema", s.QUERSCHNITTSTHEMA, "content/querschnittsthemen/*.md"),
    FileKind("handlungsfeld", s.HANDLUNGSFELD, "handlungsfelder/*/handlungsfeld.md"),
    FileKind("ziel", s.ZIEL, "handlungsfelder/*/ziele/*.md"),
    FileKind("massnahme", s.MASSNAHME, "handlungsfelder/*/massnahmen/*.md"),
)
_PATTERNS = [(kind.pattern, kind) for kind in FILE_KINDS]

CONTENT_DIRS = ("content", "handlungsfelder")


@dataclass
class Document:
    """One content file after reading and the field check."""

    kind: FileKind
    source: SourceFile
    checked: Checked

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def folder(self) -> str | None:
        """The Handlungsfeld folder of a file below handlungsfelder/."""
        parts = PurePosixPath(self.path).parts
        return parts[1] if parts[0] == "handlungsfelder" else None

    @property
    def values(self) -> dict[str, Any]:
        return self.checked.values


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


def read_documents(root: Path, diagnostics: Diagnostics) -> tuple[list[Document], list[str]]:
    """Read and field-check every content file; also return the paths that could not be read."""
    documents = []
    unreadable = []
    paths = discover(root)
    for path in paths:
        kind = classify(path)
        if kind is None:
            diagnostics.add("LIP111", path, 1, 1, _unknown_place_message(path))
            continue
        source = read_source(root, path, diagnostics)
        if source is None:
            unreadable.append(path)
            continue
        checked = FieldChecker(path, diagnostics).check(kind.spec, source.front)
        documents.append(Document(kind, source, checked))
    present = set(paths)
    for kind in FILE_KINDS:
        if kind.required and kind.glob not in present:
            diagnostics.add(
                "LIP112",
                kind.glob,
                1,
                1,
                f"Die Datei „{kind.glob}“ fehlt, ohne sie kann der Plan nicht erstellt werden. "
                "Legen Sie sie wieder an (siehe doku/inhaltsmodell.md).",
            )
    return documents, unreadable


def _unknown_place_message(path: str) -> str:
    places = "content/kapitel/, content/gremien/, handlungsfelder/<feld>/ziele/, handlungsfelder/<feld>/massnahmen/"
    return (
        f"Die Datei „{path}“ liegt an keinem Ort, den lip kennt, und wird nicht verwendet. "
        f"Verschieben Sie sie (z. B. nach {places}) oder löschen Sie sie."
    )
