"""Front matter YAML: libyaml's node tree, and a light copy of it for the code that needs one.

The file is parsed once with libyaml's composer; the node tree gives both the values (the
text as written, typed later by the schema) and their lines. The field check walks that tree
directly (check/fields.py); positions for messages and the history's display of invalid
values use `to_tree`, a copy with plain positions, built only when asked for. Anchors and
aliases (which can blow up a hostile file) are reported instead of passing through; duplicate
keys (which PyYAML silently drops) are reported by the field check.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

import yaml

from lip_build.codes import LIP106, LIP109
from lip_build.diagnostics import Diagnostics

try:  # libyaml is ten times faster; fall back to pure Python where it is missing
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

_IMPLICIT = "?"  # the tag of every scalar written without an explicit tag


class _ComposeLoader(_Loader):  # type: ignore[misc]
    """Composes without PyYAML's YAML 1.1 type guessing: what a scalar means is decided by the schema
    (check/fields.py), from the text as written. `resolve` is called once per node from C; a str's
    bound `format` returns the constant tag without running Python code."""

    resolve = _IMPLICIT.format

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class Pos(NamedTuple):
    line: int
    column: int


class YScalar(NamedTuple):  # NamedTuples: a plan has hundreds of thousands of these
    """One scalar as written: its text (without quotes) and whether it was plain (unquoted, no block
    scalar, no explicit !!str), the only form in which YAML 1.2 reads numbers, true/false and null."""

    text: str
    pos: Pos
    plain: bool = False


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


class Front(NamedTuple):
    """The front matter of a file as composed by libyaml; its line 0 is file line `line_offset`."""

    node: yaml.Node
    line_offset: int


# --- YAML 1.2 core schema: what a plain scalar means --------------------------------------------
# YAML 1.1 (PyYAML's default) also reads yes/no/on/off as booleans, 1_000 and 1:30 as numbers and
# 2026-11-26 as a date; JSON Schema validators and the web editor's writer use YAML 1.2. lip reads
# the 1.2 core schema, so the file means the same to all of them.
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_SPECIAL_FLOATS = {
    **{f"{sign}{inf}": float(f"{sign or '+'}inf") for sign in ("", "+", "-") for inf in (".inf", ".Inf", ".INF")},
    **{nan: float("nan") for nan in (".nan", ".NaN", ".NAN")},
}
_DATE_LIKE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?")


def core_value(node: YScalar) -> object:
    """The value of a scalar under the YAML 1.2 core schema: None, a bool, an int, a float or its text."""
    return scalar_value(node.text, node.plain)


def scalar_value(text: str, plain: bool) -> object:
    """The value of a scalar's text under the YAML 1.2 core schema; only plain scalars are typed."""
    if not plain:
        return text
    if text in NULLS:
        return None
    first = text[:1]
    if first in "tTfF" and text in _BOOLS:
        return _BOOLS[text]
    if first in "+-.0123456789":
        if _INT.fullmatch(text):
            if text.startswith(("0o", "0x")):
                return int(text[2:], 8 if text[1] == "o" else 16)
            return int(text)
        if _FLOAT.fullmatch(text):
            return float(text)
        if text in _SPECIAL_FLOATS:
            return _SPECIAL_FLOATS[text]
    return text


def is_null(node: YScalar) -> bool:
    return node.plain and node.text in NULLS


def describe(node: YNode) -> str:
    """What a node holds, in German, as the object of "enthält …" (for type errors)."""
    if isinstance(node, YMap):
        return "eingerückte Angaben"
    if isinstance(node, YSeq):
        return "eine Liste"
    value = core_value(node)
    if value is None:
        return "keinen Wert"
    if isinstance(value, bool):
        return f"den Wahrheitswert {node.text}"
    if isinstance(value, (int, float)):
        return f"die Zahl {node.text}"
    if node.plain and _DATE_LIKE.fullmatch(node.text):
        return "ein Datum"
    return f"den Text „{node.text}“"


def to_tree(node: yaml.Node, line_offset: int) -> YNode:
    """The copy of a node tree with plain positions (file lines, columns from 1); the first of duplicate keys counts."""
    new, scalar = tuple.__new__, yaml.ScalarNode
    mark = node.start_mark
    pos = new(Pos, (mark.line + line_offset, mark.column + 1))
    if type(node) is yaml.MappingNode:
        entries: dict[str, YEntry] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if type(key_node) is scalar else "?"
            if key not in entries:
                key_mark = key_node.start_mark
                key_pos = new(Pos, (key_mark.line + line_offset, key_mark.column + 1))
                entries[key] = new(YEntry, (key_pos, to_tree(value_node, line_offset)))
        return new(YMap, (entries, pos))
    if type(node) is yaml.SequenceNode:
        return new(YSeq, ([to_tree(item, line_offset) for item in node.value], pos))
    return new(YScalar, (node.value, pos, is_plain(node)))


# Explicit tags that keep YAML's typing of a plain scalar; any other tag (!!str, !custom) makes it text.
TYPING_TAGS = frozenset(
    {_IMPLICIT, *(f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "null", "timestamp"))}
)


def is_plain(node: yaml.Node) -> bool:
    """Written without quotes, block style or !!str: the only scalars YAML types as numbers, booleans or null."""
    return not node.style and node.tag in TYPING_TAGS  # type: ignore[attr-defined]  # called for scalars only


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


# When PyYAML fails, it names where it gave up, often lines after the cause (an unclosed quote on
# line 3 becomes an indentation error on line 6). Before its wording is used, the text up to that
# line is searched for causes that PyYAML cannot name; the first one found is reported instead.
_ODD_SPACE = "\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff"  # no-break and other spaces YAML does not know
_ODD_SPACE_AT = re.compile(rf"^[ \t]*(?:-[ \t]*)?(?:[^\s:#\"'][^:#]*?:[ \t]*)?([{_ODD_SPACE}])")
_KEY_NO_SPACE = re.compile(r"^[ \t]*(?:-[ \t]+)?([a-z][a-z0-9_]*):(?=[^\s/])")
_KEY_HEAD = re.compile(r"^([ \t]*)(?:-[ \t]+)?(?:([^\s#\"'\-\[{][^#]*?):(?:[ \t]+|$))?")
_KEY_LINE = re.compile(r"^([ \t]*)(?:-[ \t]+)?[^\s#\"'][^:#]*:(?:[ \t]|$)")
_TYPOGRAPHIC = "„“”‚‘’«»"


def _close(text: str, start: int, quote: str) -> int | None:
    """Index of the quote that ends a quoted scalar whose text starts at `start`, or None."""
    index = start
    while index < len(text):
        char = text[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and text[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return None


def _unclosed_quote(line: str) -> tuple[int, str] | None:
    """Column and character of a quote that starts a value on this line and does not end on it."""
    head = _KEY_HEAD.match(line)
    index = head.end() if head else 0
    token_start = True
    while index < len(line):
        char = line[index]
        if char in "\"'" and token_start:
            end = _close(line, index + 1, char)
            if end is None:
                return index, char
            index, token_start = end + 1, False
            continue
        if char == "#" and (index == 0 or line[index - 1] in " \t"):
            return None  # a comment
        if char in "[{,":
            token_start = True
        elif char not in " \t":
            token_start = False
        index += 1
    return None


def real_cause(text: str, error_line: int) -> tuple[int, int, dict[str, str]] | None:
    """(0-based line, 1-based column, LIP106 wording) of the cause of a syntax error at `error_line`."""
    lines = text.split("\n")
    upto = lines[: error_line + 1]
    for number, line in enumerate(upto):
        odd = _ODD_SPACE_AT.match(line)
        if odd:
            char = odd.group(1)
            return number, odd.start(1) + 1, {"variant": "leerzeichen_sonder", "codepunkt": f"U+{ord(char):04X}"}
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for number, line in enumerate(upto):
        unclosed = _unclosed_quote(line)
        if unclosed is None:
            continue
        column, quote = unclosed
        end = _close(text, offsets[number] + column + 1, quote)
        end_line = bisect.bisect_right(offsets, end) - 1 if end is not None else len(lines) - 1
        indent = len(line) - len(line.lstrip(" \t"))
        later = [_KEY_LINE.match(n) for n in lines[number + 1 : end_line + 1]]
        swallowed = any(m and len(m.group(1)) <= indent for m in later)  # the text ran into the next key
        if end is None or end_line > error_line or swallowed:
            head = _KEY_HEAD.match(line)
            key = head.group(2) if head and head.group(2) else "dem Listeneintrag"
            return (
                number,
                column + 1,
                {"variant": "anfuehrungszeichen_offen", "schluessel": key.strip(), "zeichen": quote},
            )
    for number, line in enumerate(upto):
        missing = _KEY_NO_SPACE.match(line)
        if missing and ": " not in line:
            return number, missing.end(), {"variant": "leerzeichen_fehlt", "schluessel": missing.group(1)}
    if error_line < len(lines) and any(c in lines[error_line] for c in _TYPOGRAPHIC):
        return error_line, 1, {"variant": "typografisch"}
    return None


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


def explain_syntax_error(error: yaml.YAMLError, text: str) -> tuple[int, int, dict[str, str]]:
    """(0-based line, 1-based column, LIP106 wording) for a PyYAML error in `text`: the real cause where
    the pre-scan finds one, else PyYAML's position with its problem in German."""
    mark = (error.problem_mark or error.context_mark) if isinstance(error, yaml.MarkedYAMLError) else None
    line, column = (mark.line, mark.column + 1) if mark else (0, 1)
    lines = text.split("\n")
    wording = yaml_error_wording(error, lines[line] if line < len(lines) else "")
    cause = real_cause(text, line) if wording.get("variant") != "tabulator" else None
    if cause is None and wording.get("variant") in ("liste", "klammern"):
        opening = _unclosed_bracket(lines[: line + 1], "[" if wording["variant"] == "liste" else "{")
        if opening is not None:
            return opening[0], opening[1], wording
    return cause if cause is not None else (line, column, wording)


def _unclosed_bracket(lines: list[str], bracket: str) -> tuple[int, int] | None:
    """(line, column) of the last bracket that opens a flow list or map and is not closed on its line."""
    closing = "]" if bracket == "[" else "}"
    for number in range(len(lines) - 1, -1, -1):
        depth, first, quote = 0, -1, ""
        for index, char in enumerate(lines[number]):
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'" and depth:
                quote = char
            elif char == "#" and (index == 0 or lines[number][index - 1] in " \t"):
                break
            elif char == bracket:
                depth, first = depth + 1, first if depth else index
            elif char == closing and depth:
                depth -= 1
        if depth > 0:
            return number, first + 1
    return None


def check_yaml_syntax(text: str, path: str, diagnostics: Diagnostics) -> bool:
    """Only the syntax of a YAML file that is not front matter (mkdocs.yml); tags are not resolved."""
    try:
        yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        line, column, wording = explain_syntax_error(error, text)
        diagnostics.add(LIP106, path, line + 1, column, **wording)
        return False
    return True


def parse_front_matter(text: str, path: str, first_line: int, diagnostics: Diagnostics) -> Front | None:
    """Compose front matter text whose first line is file line `first_line`.

    Returns None after reporting a syntax error; an empty front matter is an empty mapping.
    """
    if _anchors_and_aliases(text, path, first_line, diagnostics):
        return None
    try:
        node = yaml.compose(text, Loader=_ComposeLoader)
    except yaml.YAMLError as error:
        line, column, wording = explain_syntax_error(error, text)
        diagnostics.add(LIP106, path, line + first_line, column, **wording)
        return None
    if node is None:
        start = yaml.Mark(path, 0, 0, 0, "", 0)
        node = yaml.MappingNode(_IMPLICIT, [], start, start)
    return Front(node, first_line)
