"""The canonical front matter: one way to write every value, so that no two tools fight over a file.

`lip format` writes it, and the web editor (lip_build/outputs/cms/lip-cms.js) writes the same, so that a
save in the CMS changes only the lines of the fields that were changed. The rules, which the JavaScript
writer follows line by line (tests/test_cms_format.py runs both over the shipped plan):

- Keys in the order of the schema; keys the schema does not know keep their order after them.
- Block style only: lists as "  - value" under their key, objects indented by two spaces.
- A text is written plain unless YAML 1.1 (PyYAML) or YAML 1.2 (the browser) could read it as anything
  but that text; then in double quotes, escaped as JSON. OE numbers, Drucksache numbers and
  fingerprints (fields with a fixed pattern) are always quoted.
- A text with line breaks becomes a literal block (|-); a text too long for one line of 100 characters
  becomes a folded block (>-) wrapped at 100 characters.
- Dates as JJJJ-MM-TT, numbers as digits, true/false.
- An empty optional value (no value, "", [], {}) is left out; an empty required one stays (as "" or
  []), so that `lip validate` still names it.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from typing import Any

from lip_build import schema as s
from lip_build.load.yamltree import YMap, YNode, YScalar, YSeq, is_null, scalar_value
from lip_build.view.yamlform import ANY, BLOCK_UNSAFE, FOLDABLE, NEEDS_QUOTES, NEEDS_QUOTES_RE, WIDTH, Shape, shape_of

__all__ = ["NEEDS_QUOTES", "WIDTH", "Raw", "Shape", "front_matter", "needs_quotes", "plain", "shape_of"]


class Raw(str):
    """A plain scalar written back as it stands (a date, or a value of the wrong type for its field:
    the canonical form never changes what `lip validate` reads)."""


def needs_quotes(text: str) -> bool:
    return any(p.search(text) for p in NEEDS_QUOTES_RE)


# Kept raw by JSON, but refused by YAML or read as line breaks:
_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def quote(text: str) -> str:
    """Double quotes, escaped as JSON; characters YAML does not allow raw as \\uXXXX."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def scalar(value: object, shape: Shape, start: int, indent: str) -> str:
    """One value as YAML; `start` is the column where it begins, `indent` the indentation of block lines."""
    if value is None:
        return '""'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
            return str(int(value))
        return repr(value) if math.isfinite(value) else quote(str(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Raw):
        return str(value)
    text = str(value)
    if shape.quoted or (shape.quoted_if and re.search(shape.quoted_if, text)):
        return quote(text)
    if "\n" in text:
        if BLOCK_UNSAFE.search(text) or text != text.strip():
            return quote(text)
        return "|-" + "".join("\n" + (indent + line if line else "") for line in text.split("\n"))
    if needs_quotes(text):
        return quote(text)
    if start + len(text) > WIDTH and FOLDABLE.match(text):
        return ">-" + "".join("\n" + indent + line for line in _wrap(text, WIDTH - len(indent)))
    return text


def _wrap(text: str, width: int) -> list[str]:
    words = text.split(" ")
    lines = [words[0]]
    for word in words[1:]:
        if len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _key(key: str) -> str:
    return quote(key) if needs_quotes(key) else key


def mapping(data: dict[str, Any], shape: Shape, indent: str, first: str | None = None) -> list[str]:
    """The lines of an object; `first` replaces the indentation of the first line (for "- " entries)."""
    order = [key for key, _, _ in shape.fields or ()]
    known = {key: (required, inner) for key, required, inner in shape.fields or ()}
    keys = [k for k in order if k in data] + [k for k in data if k not in known]
    lines: list[str] = []
    for key in keys:
        value = data[key]
        required, inner = known.get(key, (True, ANY if shape.fields is not None else shape.item or ANY))
        if _empty(value) and not required:
            continue
        lead = first if first is not None and not lines else indent
        lines += entry(lead + _key(key) + ":", value, inner, indent)
    return lines


def entry(head: str, value: object, shape: Shape, indent: str) -> list[str]:
    """`head` ("  key:" or "  -") followed by the value, inline or on the lines below."""
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return [head + " {}"]
        return [head, *mapping(value, shape, inner)]
    if isinstance(value, list):
        if not value:
            return [head + " []"]
        lines = [head]
        for item in value:
            lines += list_item(item, shape.item or ANY, inner)
        return lines
    return [head + " " + scalar(value, shape, len(head) + 1, inner)]


def list_item(item: object, shape: Shape, indent: str) -> list[str]:
    if isinstance(item, dict) and item:
        return mapping(item, shape, indent + "  ", first=indent + "- ")
    if isinstance(item, list):
        raise ValueError("Listen in Listen")
    return entry(indent + "-", item, shape, indent)


def front_matter(data: dict[str, Any], spec: s.Obj) -> str:
    """The canonical text between the two "---" lines, ending with a line break."""
    lines = mapping(data, shape_of(spec), "")
    return "".join(line + "\n" for line in lines)


def plain(node: YNode, shape: Shape = ANY) -> Any:
    """The values of a front matter tree as the writer needs them, read as the schema expects them (YAML 1.2
    core): texts as written, numbers and booleans typed, dates and everything else plain kept as written."""
    if isinstance(node, YMap):
        known = {key: inner for key, _, inner in shape.fields or ()}
        other = ANY if shape.fields is not None else shape.item or ANY
        return {key: plain(e.value, known.get(key, other)) for key, e in node.entries.items()}
    if isinstance(node, YSeq):
        return [plain(item, shape.item or ANY) for item in node.items]
    assert isinstance(node, YScalar)
    if is_null(node):
        return None
    if not node.plain or shape.value == "text":
        return node.text
    value = scalar_value(node.text, True)
    if shape.value == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if shape.value == "boolean" and isinstance(value, bool):
        return value
    return Raw(node.text)
