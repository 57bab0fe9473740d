"""The rules of the canonical front matter that every writer shares: lip format (edit/frontmatter.py) and
the web editor's writer in JavaScript (outputs/cms, which receives them in lip-daten.js).

Which texts need quotes, how wide a line may be, and what the writer must know of each field (its shape).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lip_build import schema as s

WIDTH = 100

# A text that YAML 1.1 or 1.2 might read as something else, or whose plain form is no valid YAML: every
# number, date, time or sexagesimal value begins with one of "+-.0123456789", every boolean or null is one
# of these words. Shared with the JavaScript writer through the generated CMS configuration.
NEEDS_QUOTES = (
    r"^$",
    r"^[\s\-?:,\[\]{}#&*!|>'\"%@`+.0-9~=<]",
    r"^(?:y|n|yes|no|true|false|on|off|null)$",
    r"[\s:]$",
    r": |\s#|\t",
    r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]",
)
NEEDS_QUOTES_RE = tuple(re.compile(p, re.IGNORECASE) for p in NEEDS_QUOTES)
BLOCK_UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[ \t]\n")
FOLDABLE = re.compile(r"^\S+(?: \S+)+$")


@dataclass(frozen=True)
class Shape:
    """What the writer needs to know of a field: always quoted, a date, or the fields of an object."""

    quoted: bool = False
    quoted_if: str = ""  # quoted when the whole text matches this pattern (partners: OE numbers)
    date: bool = False
    value: str = "text"  # how a scalar is read: "text" as written, "number", "boolean", "date", "any"
    fields: tuple[tuple[str, bool, Shape], ...] | None = None  # (key, required, shape) of an object
    item: Shape | None = None  # of the entries of a list or the values of a mapping


def shape_of(t: s.FieldType) -> Shape:
    if isinstance(t, s.Obj):
        return Shape(fields=tuple((f.key, f.required, shape_of(f.type)) for f in t.fields))
    if isinstance(t, s.ListOf):
        return Shape(item=shape_of(t.item))
    if isinstance(t, s.MapOf):
        return Shape(item=shape_of(t.value))
    if isinstance(t, s.Pattern) or (isinstance(t, (s.Key, s.Ref)) and t.kind == "oe"):
        return Shape(quoted=True)
    if isinstance(t, s.Partner):
        return Shape(quoted_if=s.KINDS["oe"].pattern.pattern)  # an OE number is quoted, a name is not
    if isinstance(t, s.Date):
        return Shape(date=True, value="date")
    if isinstance(t, (s.Integer, s.Number)):
        return Shape(value="number")
    if isinstance(t, s.Boolean):
        return Shape(value="boolean")
    return Shape()


ANY = Shape(value="any")
