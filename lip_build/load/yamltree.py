"""Front matter YAML as a tree of values that remember where they stand.

The file is parsed once with libyaml's composer; the node tree gives both the values and
their lines. Duplicate keys (which PyYAML silently drops) and anchors/aliases (which can
blow up a hostile file) are reported instead of passing through.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import NamedTuple

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from lip_build.codes import LIP106, LIP107, LIP109
from lip_build.diagnostics import Diagnostics

try:  # libyaml is ten times faster; fall back to pure Python where it is missing
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

_CONSTRUCTOR = SafeConstructor()


def _fast_resolver(base: type) -> type:
    """The safe loader without YAML path resolvers (lip registers none): the same tags, resolved with
    one dictionary lookup per scalar instead of two method calls and a list concatenation."""
    resolvers: dict[str | None, list[tuple[str, re.Pattern[str]]]] = base.yaml_implicit_resolvers  # type: ignore[attr-defined]
    wildcard = tuple(resolvers.get(None, []))
    by_first = {char: (*found, *wildcard) for char, found in resolvers.items() if char is not None}
    scalar: str = base.DEFAULT_SCALAR_TAG  # type: ignore[attr-defined]
    sequence: str = base.DEFAULT_SEQUENCE_TAG  # type: ignore[attr-defined]
    mapping: str = base.DEFAULT_MAPPING_TAG  # type: ignore[attr-defined]

    class Loader(base):  # type: ignore[misc]
        def descend_resolver(self, current_node: object, current_index: object) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass

        def resolve(self, kind: type, value: object, implicit: tuple[bool, bool]) -> str:
            if kind is yaml.ScalarNode:
                if implicit[0] and isinstance(value, str):
                    for tag, regexp in by_first.get(value[:1], wildcard):
                        if regexp.match(value):
                            return str(tag)
                return scalar
            return sequence if kind is yaml.SequenceNode else mapping

    return Loader


_ComposeLoader = _fast_resolver(_Loader)
_STR = "tag:yaml.org,2002:str"


class Pos(NamedTuple):
    line: int
    column: int


@dataclass(frozen=True)
class BadDate:
    """A scalar that YAML reads as a date but that is no real day (2026-02-30)."""

    text: str


class YScalar(NamedTuple):  # NamedTuples: a plan has hundreds of thousands of these
    value: object
    pos: Pos
    quoted: bool = False


class YEntry(NamedTuple):
    key_pos: Pos
    value: YNode


class YMap(NamedTuple):
    entries: dict[str, YEntry]
    pos: Pos


class YSeq(NamedTuple):
    items: list[YNode]
    pos: Pos


YNode = YScalar | YMap | YSeq


def describe(node: YNode) -> str:
    """What a node holds, in German, as the object of "enthält …" (for type errors)."""
    if isinstance(node, YMap):
        return "eingerückte Angaben"
    if isinstance(node, YSeq):
        return "eine Liste"
    value = node.value
    if value is None:
        return "keinen Wert"
    if isinstance(value, bool):
        return f"den Wahrheitswert {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        return f"die Zahl {value}"
    if isinstance(value, (dt.date, BadDate)):
        return "ein Datum"
    return f"den Text „{value}“"


class _Builder:
    """Node tree → Y tree in one pass. Hot: a plan has hundreds of thousands of nodes, so this
    avoids method calls per node and builds the tuples directly (tuple.__new__ skips the
    NamedTuple constructors written in Python)."""

    def __init__(self, path: str, line_offset: int, diagnostics: Diagnostics) -> None:
        self.path = path
        self.offset = line_offset
        self.diagnostics = diagnostics

    def build(self, node: yaml.Node) -> YNode:
        new, offset, scalar = tuple.__new__, self.offset, yaml.ScalarNode
        kind = type(node)
        mark = node.start_mark
        pos = new(Pos, (mark.line + offset, mark.column + 1))
        if kind is yaml.MappingNode:
            entries: dict[str, YEntry] = {}
            for key_node, value_node in node.value:
                key = str(key_node.value) if type(key_node) is scalar else "?"
                key_mark = key_node.start_mark
                key_pos = new(Pos, (key_mark.line + offset, key_mark.column + 1))
                if key in entries:
                    first = entries[key].key_pos.line
                    self.diagnostics.add(LIP107, self.path, key_pos.line, key_pos.column, schluessel=key, zeile=first)
                    continue
                if type(value_node) is scalar and value_node.tag == _STR:  # most values: plain text, inline
                    value_mark = value_node.start_mark
                    value_pos = new(Pos, (value_mark.line + offset, value_mark.column + 1))
                    value: YNode = new(YScalar, (value_node.value, value_pos, value_node.style in _QUOTES))
                else:
                    value = self.build(value_node)
                entries[key] = new(YEntry, (key_pos, value))
            return new(YMap, (entries, pos))
        if kind is yaml.SequenceNode:
            return new(YSeq, ([self.build(item) for item in node.value], pos))
        assert isinstance(node, yaml.ScalarNode)
        quoted = node.style in _QUOTES
        if node.tag == _STR:  # the common case, without the constructor's overhead
            return new(YScalar, (node.value, pos, quoted))
        return new(YScalar, (_construct(node), pos, quoted))


_QUOTES = ("'", '"')


def _construct(node: yaml.ScalarNode) -> object:
    construct = SafeConstructor.yaml_constructors.get(node.tag)
    if construct is None:  # explicit foreign tag such as !!python/object: keep the text
        return str(node.value)
    try:
        return construct(_CONSTRUCTOR, node)
    except (ConstructorError, ValueError, OverflowError):
        if node.tag == "tag:yaml.org,2002:timestamp":
            return BadDate(str(node.value))
        return str(node.value)


# PyYAML's English problem text → the variant of LIP106 that explains it; the first match wins.
_YAML_HINTS = (
    ("mapping values are not allowed", "doppelpunkt"),
    ("could not find expected ':'", "doppelpunkt_fehlt"),
    ("that cannot start any token", "zeichen"),
    ("while scanning an alias", "alias"),
    ("while scanning an anchor", "anker"),
    ("found undefined alias", "alias_unbekannt"),
    ("while scanning a quoted scalar", "anfuehrungszeichen"),
    ("expected ',' or ']'", "liste"),
    ("expected ',' or '}'", "klammern"),
    ("did not find expected '-' indicator", "listeneintrag"),
    ("did not find expected key", "einrueckung"),
    ("expected <block end>", "einrueckung"),
    ("found unknown escape character", "escape"),
    ("found unexpected end of stream", "ende"),
)


def yaml_error_wording(error: yaml.YAMLError, line_text: str = "") -> dict[str, str]:
    """The variant of LIP106 (and its values) for a PyYAML error, as keyword arguments of Diagnostics.add."""
    text = str(error)
    if "\t" in line_text and ("cannot start any token" in text or "\\t" in text):
        return {"variant": "tabulator"}
    for needle, variant in _YAML_HINTS:
        if needle in text:
            return {"variant": variant}
    return {"problem": str(getattr(error, "problem", None) or "unbekannter Fehler")}


# A value that starts with & or * is an anchor or alias in YAML: "&Co KG" silently becomes "KG", and
# aliases can multiply a small file into a huge one. Cheap text test first, the scanner only on a hit.
_MAYBE_ANCHOR_OR_ALIAS = re.compile(r"[:\[,\-]\s*[&*]")  # a superset of the next pattern, several times faster
_ANCHOR_OR_ALIAS = re.compile(r"(?:[:\[,]|^\s*-)\s+[&*]|[\[,][&*]", re.MULTILINE)


def _anchors_and_aliases(text: str, path: str, first_line: int, diagnostics: Diagnostics) -> bool:
    if not _MAYBE_ANCHOR_OR_ALIAS.search(text) or not _ANCHOR_OR_ALIAS.search(text):
        return False
    found = False
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                found = True
                variant = "" if isinstance(token, yaml.AnchorToken) else "verweis"
                mark = token.start_mark
                diagnostics.add(
                    LIP109, path, mark.line + first_line, mark.column + 1, variant=variant, name=token.value
                )
    except yaml.YAMLError:
        return found  # the syntax error itself is reported by the parse
    return found


def parse_front_matter(text: str, path: str, first_line: int, diagnostics: Diagnostics) -> YNode | None:
    """Parse front matter text whose first line is file line `first_line`.

    Returns None after reporting a syntax error; an empty front matter is an empty map.
    """
    if _anchors_and_aliases(text, path, first_line, diagnostics):
        return None
    try:
        node = yaml.compose(text, Loader=_ComposeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line if mark else 0) + first_line
        column = (mark.column if mark else 0) + 1
        lines = text.split("\n")
        offending = lines[mark.line] if mark and mark.line < len(lines) else ""
        diagnostics.add(LIP106, path, line, column, **yaml_error_wording(error, offending))
        return None
    except yaml.YAMLError as error:
        diagnostics.add(LIP106, path, first_line, 1, **yaml_error_wording(error))
        return None
    if node is None:
        return YMap({}, Pos(first_line, 1))
    return _Builder(path, first_line, diagnostics).build(node)
