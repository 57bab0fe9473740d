"""The files of a plan: which kinds exist, where each lies, and reading all of them.

Every file under content/ and handlungsfelder/ is found, classified by its place and read
(source.py); problems of a single file or of the set of files (LIP1xx) become diagnostics.
What the values mean is checked afterwards (lip_build.check).
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from lip_build import schema as s
from lip_build.codes import LIP111, LIP112, LIP113
from lip_build.diagnostics import Diagnostics
from lip_build.load.source import SourceFile, read_source, split

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
    FileKind("sitzung", "content/sitzungen/*.md"),
    FileKind("stellungnahme", "content/stellungnahmen/*.md"),
    FileKind("handlungsfeld", "handlungsfelder/*/handlungsfeld.md"),
    FileKind("ziel", "handlungsfelder/*/ziele/*.md"),
    FileKind("massnahme", "handlungsfelder/*/massnahmen/*.md"),
)
_PATTERNS = [(kind.pattern, kind) for kind in FILE_KINDS]

CONTENT_DIRS = ("content", "handlungsfelder")

# Files under the content folders that are allowed without being part of the plan: images and
# documents that texts link to (the site copies them), a README, and hidden files of tools (.gitkeep).
# Every other file is either a file of the plan or an error (LIP111, LIP113), so nothing vanishes silently.
ALLOWED_SUFFIXES = frozenset(
    (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".csv")
)
ALLOWED_NAMES = frozenset(("README.md", "LIESMICH.md", "Thumbs.db", "desktop.ini"))

# A goal's or measure's ID in a file name ("BIL-M04 (Kopie).txt") or in its front matter.
_ID_IN_NAME = re.compile(r"^([A-Za-z]{3})-([ZzMm])(\d{2,3})(?!\d)")
_ID_IN_FRONT = re.compile(r"^id:[ \t]*[\"']?([A-Z]{3})-([ZM])(\d{2,3})[\"']?[ \t]*(?:#.*)?$", re.MULTILINE)
_SUBFOLDER = {"Z": ("ziel", "ziele"), "M": ("massnahme", "massnahmen")}


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
    """The Markdown files under the content folders."""
    return [path for path in discover_all(root) if path.endswith(".md")]


def discover_all(root: Path) -> list[str]:
    """Every file under the content folders, hidden ones (.gitkeep, .git/) left out.

    os.scandir, not Path.rglob: the directory entries know whether they are files, and plain strings
    are cheaper than Path objects (5,000 measures: about a third of the time of rglob).
    """
    found: list[str] = []
    stack = [top for top in CONTENT_DIRS if (root / top).is_dir()]
    while stack:
        folder = stack.pop()
        with os.scandir(root / folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir():
                    stack.append(f"{folder}/{entry.name}")
                elif entry.is_file():
                    found.append(f"{folder}/{entry.name}")
    return sorted(found)


def allowed(path: str) -> bool:
    """A file that may lie under the content folders without being part of the plan."""
    name = path.rsplit("/", 1)[-1]
    return name in ALLOWED_NAMES or any(name.lower().endswith(suffix) for suffix in ALLOWED_SUFFIXES)


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
            # Everything allocated while paused sits in the youngest generation, and the first
            # allocation after gc.enable() would collect it, walking every object just read (0.06 s
            # at 5,000 measures). It is long-lived: move it straight to the oldest generation.
            gc.freeze()
            gc.enable()
            gc.unfreeze()


@dataclass(frozen=True)
class Survey:
    """Every file under the content folders (sorted): those of a known kind with it, and the others."""

    planned: list[tuple[str, FileKind]]
    strays: list[str]  # neither a file of the plan nor allowed beside it
    present: frozenset[str]


def survey(root: Path) -> Survey:
    planned = []
    strays = []
    paths = discover_all(root)
    for path in paths:
        kind = classify(path)
        if kind is not None:
            planned.append((path, kind))
        elif not allowed(path):
            strays.append(path)
    return Survey(planned, strays, frozenset(paths))


def read_one(
    root: Path, path: str, kind: FileKind, diagnostics: Diagnostics, replaced: Mapping[str, str] | None = None
) -> Found | None:
    """One file of the plan, read (or as the text `replaced` gives for it: a change checked before it is
    written); None when it cannot be read."""
    if replaced and path in replaced:
        source = split(replaced[path], path, diagnostics)
    else:
        source = read_source(root, path, diagnostics)
    return None if source is None else Found(kind, source)


def belongs_elsewhere(found: Found) -> bool:
    """A goal whose ID says it is a measure, or the other way round (checked while the file is fresh in memory)."""
    letter = _OTHER_LETTER.get(found.kind.name)
    return letter is not None and _id_letter(found.source) == letter


def settle(
    root: Path, survey: Survey, fields: Iterable[SourceFile], misplaced: Iterable[Found], diagnostics: Diagnostics
) -> list[Found]:
    """What the set of files says once each was read: goals and measures in the wrong folder or under the
    wrong name get LIP113 with the place where they belong and are returned to be checked as what they
    hold (with the others found read); any other unknown file is LIP111; a missing required file LIP112.
    `fields` are the Handlungsfeld files read, for the folder of each code."""
    folders = _field_folders(fields)
    placed = [_wrong_kind(found, folders, survey.present, diagnostics) for found in misplaced]
    strays = (_stray(root, path, folders, survey.present, diagnostics) for path in survey.strays)
    placed += [found for found in strays if found is not None]
    for kind in FILE_KINDS:
        if kind.required and kind.glob not in survey.present:
            diagnostics.add(LIP112, kind.glob, 1, 1, pfad=kind.glob)
    return placed


def _field_folders(fields: Iterable[SourceFile]) -> dict[str, str]:
    """Folder of each Handlungsfeld by its code (BIL → bildung), from its file."""
    folders = {}
    for source in fields:
        code = _top_scalar(source, "code")
        if code is not None:
            folders[code] = source.path.split("/")[1]
    return folders


def _target(path: str, match: re.Match[str], folders: dict[str, str]) -> tuple[str, str, str]:
    """(kind, ID, path where the file belongs) for a goal or measure ID."""
    code, letter, number = match.groups()
    kind, sub = _SUBFOLDER[letter.upper()]
    ident = f"{code.upper()}-{letter.upper()}{number}"
    parts = path.split("/")
    folder = folders.get(code.upper()) or (parts[1] if parts[0] == "handlungsfelder" and len(parts) > 2 else None)
    return kind, ident, f"handlungsfelder/{folder or '<ordner>'}/{sub}/{ident}.md"


_OTHER_LETTER = {"ziel": "M", "massnahme": "Z"}  # the letter of an ID that belongs in the other folder


def _top_scalar(source: SourceFile, key: str) -> str | None:
    """The text of a top-level scalar in the composed front matter (no tree with positions is built)."""
    node = source.composed.node
    if type(node) is yaml.MappingNode:
        for key_node, value_node in node.value:
            if key_node.value == key:
                return value_node.value if type(value_node) is yaml.ScalarNode else None
    return None


def _id_letter(source: SourceFile) -> str | None:
    """Z or M from the ID in a file's front matter ("BIL-M04" → "M")."""
    value = _top_scalar(source, "id")
    return value[4:5] if value is not None else None


def _wrong_kind(found: Found, folders: dict[str, str], present: frozenset[str], diagnostics: Diagnostics) -> Found:
    """A measure saved in ziele/ (or a goal in massnahmen/) is checked as what it is, with LIP113."""
    value = _top_scalar(found.source, "id")
    if value is None:
        return found
    match = _ID_IN_NAME.match(value)
    if match is None or match.group(0) != value:
        return found
    kind, ident, target = _target(found.source.path, match, folders)
    art = s.KINDS[kind].label
    pos = found.source.line_of("id")
    if target in present:
        diagnostics.add(
            LIP113, found.source.path, pos.line, pos.column, variant="kopie", art=art, id=ident, ziel=target
        )
        return found
    diagnostics.add(
        LIP113,
        found.source.path,
        pos.line,
        pos.column,
        variant="ordner",
        art=art,
        id=ident,
        ziel=target,
        ordner=found.source.path.rsplit("/", 1)[0] + "/",
    )
    return Found(next(k for k in FILE_KINDS if k.name == kind), found.source)


def _stray(
    root: Path, path: str, folders: dict[str, str], present: frozenset[str], diagnostics: Diagnostics
) -> Found | None:
    """An unknown file: LIP113 with its place if it holds a goal or measure (then it is read as one), else LIP111."""
    name = path.rsplit("/", 1)[-1]
    text = _peek(root / path)
    match = _ID_IN_FRONT.search(text) if text is not None else None
    match = match or _ID_IN_NAME.match(name)
    if match is None:
        if name.endswith(".md"):
            diagnostics.add(LIP111, path, 1, 1, pfad=path)
        else:
            diagnostics.add(LIP111, path, 1, 1, variant="andere", name=name)
        return None
    kind, ident, target = _target(path, match, folders)
    art = s.KINDS[kind].label
    if target in present:
        diagnostics.add(LIP113, path, 1, 1, variant="kopie", art=art, id=ident, ziel=target)
        return None
    if name.endswith(".md"):
        diagnostics.add(
            LIP113, path, 1, 1, variant="ordner", art=art, id=ident, ziel=target, ordner=path.rsplit("/", 1)[0] + "/"
        )
    else:
        diagnostics.add(LIP113, path, 1, 1, art=art, id=ident, ziel=target, name=name)
    if text is None:
        return None
    source = read_source(root, path, diagnostics) if text.startswith("---") else None
    return Found(next(k for k in FILE_KINDS if k.name == kind), source) if source is not None else None


def _peek(path: Path) -> str | None:
    """The start of a file as text, or None for a binary or unreadable file."""
    try:
        with path.open("rb") as handle:
            data = handle.read(4096)
    except OSError:
        return None
    if b"\x00" in data:
        return None
    return data.decode("utf-8", errors="replace").removeprefix("\ufeff").replace("\r\n", "\n")
