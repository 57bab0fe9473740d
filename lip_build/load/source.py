"""Reading one content file: bytes → text → front matter tree + Markdown body, parsed once.

Every problem becomes a diagnostic; a file that cannot be read as a whole yields None
and the check of the other files goes on.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from lip_build.codes import LIP101, LIP102, LIP103, LIP104, LIP105, LIP108, LIP110
from lip_build.diagnostics import Diagnostics
from lip_build.load.markdown import Text, parse
from lip_build.load.yamltree import Front, Pos, YMap, YSeq, parse_front_matter, to_tree

MAX_BYTES = 1_000_000
FENCE = "---"


@dataclass(frozen=True)
class SourceFile:
    path: str  # relative to the plan root, with forward slashes
    body: str
    body_line: int  # file line on which the body starts
    text: Text  # the body, parsed (load/markdown.py)
    front_text: str = ""  # the front matter as written, between the fences
    front_line: int = 2  # file line of its first line
    latin1: bool = True  # every character of the file is in Latin-1 (then the PDF fonts have it; check/glyphs.py)

    @cached_property
    def composed(self) -> Front:
        """The front matter as libyaml composes it (a mapping).

        `split` stores the tree it composed while reading; the field check walks it once and then
        drops it (`release`), because for 5,000 measures the trees hold 300,000 nodes that nothing
        else reads. Messages, reviews and the Synopse that need it later compose the same text again;
        it composed without an error before, so it does again."""
        front = parse_front_matter(self.front_text, self.path, self.front_line, Diagnostics())
        assert front is not None and type(front.node) is yaml.MappingNode, "the text composed when it was read"
        return front

    def release(self) -> None:
        """Drop the composed tree after the field check; `composed` and `front` build it again on use."""
        self.__dict__.pop("composed", None)

    @cached_property
    def front(self) -> YMap:
        """The front matter with plain positions; built on first use (messages, history), not when checking."""
        tree = to_tree(self.composed.node, self.composed.line_offset)
        assert isinstance(tree, YMap)
        return tree

    def line_of(self, *keys: str | int) -> Pos:
        """Position of the value at a key path, or of the nearest existing parent."""
        node: object = self.front
        best = self.front.pos
        for key in keys:
            if isinstance(node, YMap) and isinstance(key, str) and key in node.entries:
                entry = node.entries[key]
                best = entry.key_pos
                node = entry.value
            elif isinstance(node, YSeq) and isinstance(key, int) and key < len(node.items):
                node = node.items[key]
                best = getattr(node, "pos", best)
            else:
                break
        return best


_UCS1_BASE = sys.getsizeof("é") - 2  # CPython stores a str of Latin-1 characters with one byte each


def _sized_latin1(text: str) -> bool:
    return sys.getsizeof(text) == _UCS1_BASE + len(text) + 1


def _encoded_latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


_SAMPLES = (("äöü" * 50, True), ("Straße ÿ", True), ("„Zitat“" * 9, False), ("a😀", False), ("€", False))
# O(1) where CPython's size of a str tells its character width (checked here, once); else a C-speed encode.
is_latin1 = _sized_latin1 if all(_sized_latin1(t) is r for t, r in _SAMPLES) else _encoded_latin1


def decode(data: bytes, path: str, diagnostics: Diagnostics) -> str | None:
    if len(data) > MAX_BYTES:
        diagnostics.add(LIP110, path, 1, 1, groesse=len(data) // 1000, grenze=MAX_BYTES // 1000)
        return None
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        diagnostics.add(LIP103, path, line, 1)
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        diagnostics.add(LIP101, path, line, column, byte=f"{data[error.start]:02X}")
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        diagnostics.add(LIP102, path, 1, 1)
        return None
    return text


_CLOSING_FENCE = re.compile(r"^---[^\S\n]*$", re.MULTILINE)  # "---" and trailing blanks, as str.rstrip() allows


def split(text: str, path: str, diagnostics: Diagnostics) -> SourceFile | None:
    first_end = text.find("\n")
    first_line = text if first_end < 0 else text[:first_end]
    if first_line.rstrip() != FENCE:
        diagnostics.add(LIP104, path, 1, 1)
        return None
    closing = _CLOSING_FENCE.search(text, first_end + 1) if first_end >= 0 else None
    if closing is None:
        diagnostics.add(LIP105, path, 1, 1)
        return None
    front_text = text[first_end + 1 : max(closing.start() - 1, first_end + 1)]
    front = parse_front_matter(front_text, path, 2, diagnostics)
    if front is None:
        return None
    if type(front.node) is not yaml.MappingNode:
        mark = front.node.start_mark
        diagnostics.add(LIP108, path, mark.line + front.line_offset, mark.column + 1)
        return None
    end_line = text.count("\n", 0, closing.start())  # 0-based line of the closing fence
    body = text[closing.end() + 1 :]
    source = SourceFile(path, body, end_line + 2, parse(body, end_line + 2), front_text, 2, is_latin1(text))
    source.__dict__["composed"] = front  # the cache of `composed`, filled with the tree just composed
    return source


def read_source(root: Path, path: str, diagnostics: Diagnostics) -> SourceFile | None:
    try:
        with open(os.path.join(root, path), "rb") as file:  # not Path.read_bytes: a plan has thousands of files
            data = file.read()
    except OSError as error:
        diagnostics.add(LIP103, path, 1, 1, variant="unlesbar", grund=error.strerror)
        return None
    return parse_source(data, path, diagnostics)


def parse_source(data: bytes, path: str, diagnostics: Diagnostics) -> SourceFile | None:
    """A file's content as read from the folder or from Git, decoded and split."""
    text = decode(data, path, diagnostics)
    return None if text is None else split(text, path, diagnostics)
