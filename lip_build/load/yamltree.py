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

from lip_build.diagnostics import Diagnostics

try:  # libyaml is ten times faster; fall back to pure Python where it is missing
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

_CONSTRUCTOR = SafeConstructor()
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


@dataclass(frozen=True)
class YMap:
    entries: dict[str, YEntry]
    pos: Pos


@dataclass(frozen=True)
class YSeq:
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
    def __init__(self, path: str, line_offset: int, diagnostics: Diagnostics) -> None:
        self.path = path
        self.offset = line_offset
        self.diagnostics = diagnostics

    def pos(self, node: yaml.Node) -> Pos:
        mark = node.start_mark
        return Pos(mark.line + self.offset, mark.column + 1)

    def build(self, node: yaml.Node) -> YNode:
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node)
        if isinstance(node, yaml.SequenceNode):
            return YSeq([self.build(item) for item in node.value], self.pos(node))
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode) -> YMap:
        entries: dict[str, YEntry] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            key_pos = self.pos(key_node)
            if key in entries:
                first = entries[key].key_pos.line
                self.diagnostics.add(
                    "LIP107",
                    self.path,
                    key_pos.line,
                    key_pos.column,
                    f"Der Schlüssel „{key}“ steht doppelt (zuerst in Zeile {first}). YAML würde "
                    "stillschweigend nur den letzten Wert nehmen. Führen Sie beide Angaben zusammen "
                    "und löschen Sie eine.",
                )
                continue
            entries[key] = YEntry(key_pos, self.build(value_node))
        return YMap(entries, self.pos(node))

    def _scalar(self, node: yaml.ScalarNode) -> YScalar:
        pos = self.pos(node)
        quoted = node.style in ("'", '"')
        if node.tag == _STR:  # the common case, without the constructor's overhead
            return YScalar(node.value, pos, quoted)
        construct = SafeConstructor.yaml_constructors.get(node.tag)
        if construct is None:  # explicit foreign tag such as !!python/object: keep the text
            return YScalar(str(node.value), pos, quoted)
        try:
            value = construct(_CONSTRUCTOR, node)
        except (ConstructorError, ValueError, OverflowError):
            if node.tag == "tag:yaml.org,2002:timestamp":
                return YScalar(BadDate(str(node.value)), pos, quoted)
            return YScalar(str(node.value), pos, quoted)
        return YScalar(value, pos, quoted)


_YAML_HINTS = (
    (
        "mapping values are not allowed",
        "Hier steht ein Doppelpunkt, wo keiner stehen darf. Enthält ein "
        "Text „: “? Dann setzen Sie den ganzen Text in Anführungszeichen.",
    ),
    ("could not find expected ':'", "Hier fehlt der Doppelpunkt nach einem Schlüssel (Form: „schluessel: Wert“)."),
    (
        "that cannot start any token",
        "Ein Wert beginnt mit einem Zeichen, das YAML nicht erlaubt (z. B. @ oder `). "
        "Setzen Sie den Wert in Anführungszeichen.",
    ),
    ("while scanning an alias", 'Ein Wert beginnt mit * . Setzen Sie ihn in Anführungszeichen, z. B. "*innen".'),
    ("while scanning an anchor", "Ein Wert beginnt mit & . Setzen Sie ihn in Anführungszeichen."),
    ("found undefined alias", "Ein Wert beginnt mit * . Setzen Sie ihn in Anführungszeichen."),
    ("while scanning a quoted scalar", "Ein Anführungszeichen wird nicht geschlossen."),
    ("expected ',' or ']'", "In einer Liste in eckigen Klammern fehlt ein Komma oder die schließende Klammer ]."),
    ("expected ',' or '}'", "In geschweiften Klammern fehlt ein Komma oder die schließende Klammer }."),
    ("did not find expected '-' indicator", "Die Einrückung eines Listeneintrags („- “) stimmt nicht."),
    (
        "did not find expected key",
        "Die Einrückung stimmt nicht: Schlüssel auf derselben Ebene müssen genau untereinander stehen.",
    ),
    (
        "expected <block end>",
        "Die Einrückung stimmt nicht: Schlüssel auf derselben Ebene müssen genau untereinander stehen.",
    ),
    (
        "found unknown escape character",
        "In einem Text in doppelten Anführungszeichen steht ein ungültiges \\ . "
        "Verwenden Sie einfache Anführungszeichen oder schreiben Sie \\\\.",
    ),
    ("found unexpected end of stream", "Der Kopfbereich endet mitten in einem Wert (fehlt ein Anführungszeichen?)."),
)


_TAB_HINT = "Hier steht ein Tabulatorzeichen. YAML erlaubt zum Einrücken nur Leerzeichen."


def yaml_error_message(error: yaml.YAMLError, line_text: str = "") -> str:
    text = str(error)
    if "\t" in line_text and ("cannot start any token" in text or "\\t" in text):
        return _TAB_HINT
    for needle, hint in _YAML_HINTS:
        if needle in text:
            return hint
    problem = getattr(error, "problem", None) or "unbekannter Fehler"
    return f"Der Kopfbereich ist kein gültiges YAML ({problem})."


# A value that starts with & or * is an anchor or alias in YAML: "&Co KG" silently becomes "KG", and
# aliases can multiply a small file into a huge one. Cheap text test first, the scanner only on a hit.
_ANCHOR_OR_ALIAS = re.compile(r"(?:[:\[,]|^\s*-)\s+[&*]|[\[,][&*]", re.MULTILINE)


def _anchors_and_aliases(text: str, path: str, first_line: int, diagnostics: Diagnostics) -> bool:
    if not _ANCHOR_OR_ALIAS.search(text):
        return False
    found = False
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                found = True
                sign = "&" if isinstance(token, yaml.AnchorToken) else "*"
                mark = token.start_mark
                diagnostics.add(
                    "LIP109",
                    path,
                    mark.line + first_line,
                    mark.column + 1,
                    f"Der Wert beginnt mit „{sign}{token.value}“. In YAML ist das ein "
                    f"{'Anker' if sign == '&' else 'Verweis'}, kein Text – der Wert ginge verloren. Setzen Sie den "
                    f'ganzen Wert in Anführungszeichen, z. B. "{sign}{token.value} …".',
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
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line if mark else 0) + first_line
        column = (mark.column if mark else 0) + 1
        lines = text.split("\n")
        offending = lines[mark.line] if mark and mark.line < len(lines) else ""
        diagnostics.add("LIP106", path, line, column, yaml_error_message(error, offending))
        return None
    except yaml.YAMLError as error:
        diagnostics.add("LIP106", path, first_line, 1, yaml_error_message(error))
        return None
    if node is None:
        return YMap({}, Pos(first_line, 1))
    return _Builder(path, first_line, diagnostics).build(node)
