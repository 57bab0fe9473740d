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
    pattern: re.Pattern[str]
    required: str | None = None  # the path, where exactly one such file must exist


def _kind(name: str, spec: s.Obj, pattern: str, required: bool = False) -> FileKind:
    return FileKind(name, spec, re.compile(pattern), pattern.strip("^$").replace("\\", "") if required else None)


FILE_KINDS = (
    _kind("plan", s.PLAN, r"^content/plan\.md$", required=True),
    _kind("drucksache", s.DRUCKSACHE, r"^content/drucksache\.md$", required=True),
    _kind("organisationseinheiten", s.ORGANISATIONSEINHEITEN, r"^content/organisationseinheiten\.md$", required=True),
    _kind("glossar", s.GLOSSAR, r"^content/glossar\.md$"),
    _kind("zeitleiste", s.ZEITLEISTE, r"^content/zeitleiste\.md$"),
    _kind("leichte_sprache", s.LEICHTE_SPRACHE, r"^content/leichte-sprache\.md$"),
    _kind("kapitel", s.KAPITEL, r"^content/kapitel/[^/]+\.md$"),
    _kind("gremium", s.GREMIUM, r"^content/gremien/[^/]+\.md$"),
    _kind("zielgruppe", s.ZIELGRUPPE, r"^content/zielgruppen/[^/]+\.md$"),
    _kind("querschnittsthema", s.QUERSCHNITTSTHEMA, r"^content/querschnittsthemen/[^/]+\.md$"),
    _kind("handlungsfeld", s.HANDLUNGSFELD, r"^handlungsfelder/[^/]+/handlungsfeld\.md$"),
    _kind("ziel", s.ZIEL, r"^handlungsfelder/[^/]+/ziele/[^/]+\.md$"),
    _kind("massnahme", s.MASSNAHME, r"^handlungsfelder/[^/]+/massnahmen/[^/]+\.md$"),
)

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
    return next((k for k in FILE_KINDS if k.pattern.match(path)), None)


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
        if kind.required and kind.required not in present:
            diagnostics.add(
                "LIP112",
                kind.required,
                1,
                1,
                f"Die Datei „{kind.required}“ fehlt, ohne sie kann der Plan nicht erstellt werden. "
                "Legen Sie sie wieder an (siehe doku/inhaltsmodell.md).",
            )
    return documents, unreadable


def _unknown_place_message(path: str) -> str:
    places = "content/kapitel/, content/gremien/, handlungsfelder/<feld>/ziele/, handlungsfelder/<feld>/massnahmen/"
    return (
        f"Die Datei „{path}“ liegt an keinem Ort, den lip kennt, und wird nicht verwendet. "
        f"Verschieben Sie sie (z. B. nach {places}) oder löschen Sie sie."
    )
