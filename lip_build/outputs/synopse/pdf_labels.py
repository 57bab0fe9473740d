"""German labels for the front-matter keys in the Synopse PDF: "kosten[1].betrag" → "Kostenposten 1: Betrag".

A council committee reads labels, not keys. The labels are the ones schema.py gives each field;
keys come from history/flatten.py (dotted, with list positions or names in brackets). The part
of a key that the schema does not know (e.g. a misspelt key marked "(ungültig)") is shown as
written, so nothing is hidden.
"""

from __future__ import annotations

import re

from lip_build import schema as s

_SEGMENT = re.compile(r"^(?P<name>[^\[\]]+)(?:\[(?P<position>[^\]]*)\])?$")


def field_label(art: str, key: str) -> str:
    """The German label of a front-matter key of a file of kind `art` ("massnahme", "ziel" …)."""
    spec: s.FieldType | None = s.SPECS.get(art)
    shown: list[str] = []
    for part in _split(key):
        found = _SEGMENT.match(part)
        field = spec.field(found.group("name")) if found and isinstance(spec, s.Obj) else None
        if field is None or found is None:
            shown.append(part)
            spec = None
            continue
        position = found.group("position")
        if isinstance(field.type, s.ListOf) and position is not None:
            quoted = field.type.quote_names and not position.isdigit()
            shown.append(f"{field.type.entry} „{position}“" if quoted else f"{field.type.entry} {position}")
            spec = field.type.item
        elif isinstance(field.type, s.MapOf):
            shown.append(field.label)
            spec = None  # the rest of the key is an identifier: shown as written
        else:
            if not field.main:
                shown.append(field.label)
            spec = field.type
    return ": ".join(shown)


def _split(key: str) -> list[str]:
    """Split at dots outside brackets ("einheiten[50.60].name" → "einheiten[50.60]", "name")."""
    parts, depth, current = [], 0, ""
    for char in key:
        depth += {"[": 1, "]": -1}.get(char, 0)
        if char == "." and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts
