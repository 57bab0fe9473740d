"""One content file after the field check: its kind, its source, the checked values and its record."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import Any, TypeVar

from lip_build import schema as s
from lip_build.check.fields import Checked, FieldChecker, Mention
from lip_build.diagnostics import Diagnostics
from lip_build.load import files
from lip_build.load.files import FileKind, Found, gc_paused
from lip_build.load.forked import in_two
from lip_build.load.markdown import Text, parse
from lip_build.load.source import SourceFile
from lip_build.load.yamltree import Pos
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
    return bind(field_check(found, diagnostics))


def field_check(found: Found, diagnostics: Diagnostics) -> Document:
    """The field check of one file, without its record yet (`bind`)."""
    source = found.source
    checked = FieldChecker(source.path, diagnostics).check(found.kind.spec, source.composed)
    texts = markdown_values(found.kind.spec, checked, source)
    source.release()
    return Document(found.kind, source, checked, None, texts)


def bind(doc: Document) -> Document:
    """The document with its record, the typed model of its values (none for a file with errors)."""
    if not doc.checked.broken:
        source = doc.source
        extras = {
            "text": source.text,
            "einleitung": source.text,
            "begruendung": source.text,
            "quelle": Quelle(source.path, source.body_line),
            "ordner": folder_of(source.path) or "",
        }
        doc.record = bind_file(doc.kind.name, {**doc.checked.values, **doc.texts}, extras)
    return doc


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
    the paths that could not be read. A large plan is read by two processes (load/forked.py)."""
    with gc_paused():
        survey = files.survey(root)
        parts = in_two(survey.planned, partial(_read_part, root, replaced), _pack_part, _unpack_part, _bind_part)
        documents = []
        misplaced = []
        unreadable = []
        for part in parts:
            documents += part.documents
            misplaced += part.misplaced
            unreadable += part.unreadable
            diagnostics.extend(part.diagnostics)
        fields = [doc.source for doc in documents if doc.kind.name == "handlungsfeld"]
        placed = files.settle(root, survey, fields, misplaced, diagnostics)
        documents += [check_fields(found, diagnostics) for found in placed]
        documents.sort(key=lambda doc: doc.path)
        return documents, unreadable


@dataclass
class _Part:
    """Some of the plan's files, read and field-checked; the records are bound in the main process (binding
    costs less than sending them: 5,000 measures 0.12 s against 0.29 s to pickle and 0.22 s to unpickle)."""

    documents: list[Document]
    misplaced: list[Found]  # goals or measures in the other folder: checked once `files.settle` placed them
    unreadable: list[str]
    diagnostics: Diagnostics


def _bind_part(part: _Part) -> _Part:
    for doc in part.documents:
        bind(doc)
    return part


def _read_part(root: Path, replaced: Mapping[str, str] | None, planned: Sequence[tuple[str, FileKind]]) -> _Part:
    part = _Part([], [], [], Diagnostics())
    for path, kind in planned:
        found = files.read_one(root, path, kind, part.diagnostics, replaced)
        if found is None:
            part.unreadable.append(path)
        elif files.belongs_elsewhere(found):
            found.source.release()
            part.misplaced.append(found)
        else:
            part.documents.append(field_check(found, part.diagnostics))
    return part


# -- sending a part from the child process as plain tuples (load/forked.py) ----------------------------

_KINDS = {kind.name: kind for kind in files.FILE_KINDS}
_Packed = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[str], Diagnostics]


def _pack_part(part: _Part) -> _Packed:
    return (
        [_pack_document(doc) for doc in part.documents],
        [(found.kind.name, _pack_source(found.source)) for found in part.misplaced],
        part.unreadable,
        part.diagnostics,  # few objects: pickled as they are
    )


def _unpack_part(packed: _Packed) -> _Part:
    documents, misplaced, unreadable, diagnostics = packed
    return _Part(
        [_unpack_document(doc) for doc in documents],
        [Found(_KINDS[kind], _unpack_source(source)) for kind, source in misplaced],
        unreadable,
        diagnostics,
    )


def _pack_source(source: SourceFile) -> tuple[Any, ...]:
    s = source
    return (s.path, s.body, s.body_line, s.text, s.front_text, s.front_line, s.latin1)


def _unpack_source(packed: tuple[Any, ...]) -> SourceFile:
    return SourceFile(*packed)


def _pack_mention(m: Mention) -> tuple[str, str, str, int, int, str]:
    return (m.kind, m.value, m.path, m.pos.line, m.pos.column, m.key)


def _unpack_mention(m: tuple[str, str, str, int, int, str]) -> Mention:
    return Mention(m[0], m[1], m[2], Pos(m[3], m[4]), m[5])


def _pack_document(doc: Document) -> tuple[Any, ...]:
    checked = doc.checked
    definitions = [_pack_mention(m) for m in checked.definitions]
    references = [_pack_mention(m) for m in checked.references]
    return (doc.kind.name, _pack_source(doc.source), checked.values, definitions, references, checked.broken, doc.texts)


def _unpack_document(packed: tuple[Any, ...]) -> Document:
    kind, source, values, definitions, references, broken, texts = packed
    mentions = [_unpack_mention(m) for m in definitions], [_unpack_mention(m) for m in references]
    checked = Checked(values, *mentions, broken)
    return Document(_KINDS[kind], _unpack_source(source), checked, None, texts)


R = TypeVar("R")


def records(documents: Iterable[Document], kind: str, cls: type[R]) -> list[tuple[Document, R]]:
    """The files of one kind whose values bound to their record, with the record typed as `cls`."""
    found = []
    for doc in documents:
        if doc.kind.name == kind and doc.record is not None:
            assert isinstance(doc.record, cls), (kind, cls)
            found.append((doc, doc.record))
    return found
