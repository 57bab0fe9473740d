"""One content file after the field check: its kind, its source and the checked values."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from lip_build.check.fields import Checked, FieldChecker
from lip_build.diagnostics import Diagnostics
from lip_build.load.files import FileKind, Found, read_files
from lip_build.load.source import SourceFile


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


def check_fields(found: Found, diagnostics: Diagnostics) -> Document:
    """Check the front matter of a file that was read against the declaration of its kind."""
    checked = FieldChecker(found.source.path, diagnostics).check(found.kind.spec, found.source.front)
    return Document(found.kind, found.source, checked)


def read_documents(root: Path, diagnostics: Diagnostics) -> tuple[list[Document], list[str]]:
    """Read and field-check every content file; also return the paths that could not be read."""
    found, unreadable = read_files(root, diagnostics)
    return [check_fields(f, diagnostics) for f in found], unreadable
