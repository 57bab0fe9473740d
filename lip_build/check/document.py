"""One content file after the field check: its kind, its source, the checked values and its record."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from lip_build.check.fields import Checked, FieldChecker
from lip_build.diagnostics import Diagnostics
from lip_build.load.files import FileKind, Found, read_files
from lip_build.load.source import SourceFile
from lip_build.model.bind import Record, bind_file
from lip_build.model.plan import Quelle


@dataclass
class Document:
    """One content file after reading and the field check.

    `record` is the typed model of the file; None when a required value is missing or invalid (the
    field check reported it). Checks that read values use the record and skip such broken files;
    the identifiers a broken file defines and references still count (`checked`).
    """

    kind: FileKind
    source: SourceFile
    checked: Checked
    record: Record | None

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def folder(self) -> str | None:
        """The Handlungsfeld folder of a file below handlungsfelder/."""
        return folder_of(self.path)

    @property
    def values(self) -> dict[str, Any]:
        """The checked values as plain data, for schema-driven walks (history/flatten.py) only."""
        return self.checked.values


def folder_of(path: str) -> str | None:
    parts = PurePosixPath(path).parts
    return parts[1] if parts[0] == "handlungsfelder" else None


def check_fields(found: Found, diagnostics: Diagnostics) -> Document:
    """Check the front matter of a file that was read against the declaration of its kind."""
    source = found.source
    checked = FieldChecker(source.path, diagnostics).check(found.kind.spec, source.front)
    text = source.body.strip("\n")
    extras = {
        "text": text,
        "einleitung": text,
        "begruendung": text,
        "quelle": Quelle(source.path, source.body_line),
        "ordner": folder_of(source.path) or "",
    }
    return Document(found.kind, source, checked, bind_file(found.kind.name, checked.values, extras))


def read_documents(root: Path, diagnostics: Diagnostics) -> tuple[list[Document], list[str]]:
    """Read and field-check every content file; also return the paths that could not be read."""
    found, unreadable = read_files(root, diagnostics)
    return [check_fields(f, diagnostics) for f in found], unreadable
