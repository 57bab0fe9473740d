"""One content file after the field check: its kind, its source, the checked values and its record."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from lip_build import schema as s
from lip_build.check.fields import Checked, FieldChecker, Mention
from lip_build.diagnostics import Diagnostics
from lip_build.load.files import FileKind, Found, gc_paused, read_files
from lip_build.load.markdown import Text, parse
from lip_build.load.source import SourceFile
from lip_build.model.bind import Record, bind_file
from lip_build.model.plan import Quelle


@dataclass
class Document:
    """One content file after reading and the field check.

    `record` is the typed model of the file; None when the field check reported an error. Checks
    that compare values across files read the record and skip such broken files, so a malformed
    value is reported once, as what it is, and never again as missing (LIP350 after a bad date).
    The identifiers a broken file defines and references still count (`checked`).
    """

    kind: FileKind
    source: SourceFile
    checked: Checked
    record: Record | None
    texts: dict[str, Text] = field(default_factory=dict)  # front-matter values written in Markdown, parsed

    @property
    def path(self) -> str:
        return self.source.path

    @cached_property
    def folder(self) -> str | None:
        """The Handlungsfeld folder of a file below handlungsfelder/."""
        return folder_of(self.path)

    @property
    def identifier(self) -> str | None:
        """The ID the file defines at its top level (id, or code of a Handlungsfeld), even when it is broken."""
        return next((d.value for d in self.checked.definitions if "." not in d.key and "[" not in d.key), None)

    def references(self, key: str) -> list[Mention]:
        """The valid identifiers the file names in one field (e.g. "ziele"), even when it is broken."""
        return [m for m in self.checked.references if m.key == key or m.key.startswith(key + "[")]

    @property
    def values(self) -> dict[str, Any]:
        """The checked values as plain data, for schema-driven walks (history/flatten.py) only."""
        return self.checked.values


def folder_of(path: str) -> str | None:
    parts = path.split("/")  # paths are relative and use forward slashes (SourceFile.path)
    return parts[1] if parts[0] == "handlungsfelder" and len(parts) > 1 else None


def check_fields(found: Found, diagnostics: Diagnostics) -> Document:
    """Check the front matter of a file that was read against the declaration of its kind."""
    source = found.source
    checked = FieldChecker(source.path, diagnostics).check(found.kind.spec, source.composed)
    text = source.text
    texts = markdown_values(found.kind.spec, checked, source)
    extras = {
        "text": text,
        "einleitung": text,
        "begruendung": text,
        "quelle": Quelle(source.path, source.body_line),
        "ordner": folder_of(source.path) or "",
    }
    values = {**checked.values, **texts}
    record = bind_file(found.kind.name, values, extras) if not checked.broken else None
    source.release()
    return Document(found.kind, source, checked, record, texts)


def markdown_values(spec: s.Obj, checked: Checked, source: SourceFile) -> dict[str, Text]:
    """Front-matter texts that the outputs render as Markdown (e.g. the Antrag of the Drucksache),
    parsed once like a body; their positions count from the line of the key."""
    return {
        f.key: parse(checked.values[f.key], source.line_of(f.key).line)
        for f in spec.fields
        if isinstance(f.type, s.Text) and f.type.markdown and isinstance(checked.values.get(f.key), str)
    }


def read_documents(
    root: Path, diagnostics: Diagnostics, replaced: Mapping[str, str] | None = None
) -> tuple[list[Document], list[str]]:
    """Read and field-check every content file (those in `replaced` with the text given there); also return
    the paths that could not be read."""
    with gc_paused():
        found, unreadable = read_files(root, diagnostics, replaced)
        return [check_fields(f, diagnostics) for f in found], unreadable


R = TypeVar("R")


def records(documents: Iterable[Document], kind: str, cls: type[R]) -> list[tuple[Document, R]]:
    """The files of one kind whose values bound to their record, with the record typed as `cls`."""
    found = []
    for doc in documents:
        if doc.kind.name == kind and doc.record is not None:
            assert isinstance(doc.record, cls), (kind, cls)
            found.append((doc, doc.record))
    return found
