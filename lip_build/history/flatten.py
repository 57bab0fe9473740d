"""Front matter as a flat list of display values: "entscheidung.status" → "vom Rat beschlossen".

Nested objects become dotted keys, lists of objects get their position ("kosten[1].betrag") or,
for long vocabularies, their own name ("begriffe[Quartier].erklaerung"), so that inserting one
glossary entry does not shift all others. Values are formatted as people read them: dates as
29.09.2022, amounts in euros, booleans as ja/nein, statuses with their German label. A value
that failed the field check is shown as written, marked "(ungültig)".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from lip_build import schema as s
from lip_build.load.yamltree import YMap, YNode, YScalar, YSeq, is_null
from lip_build.view.formats import datum, euro, zahl


@dataclass(frozen=True)
class Feld:
    schluessel: str  # dotted key as in the file, e.g. "entscheidung.status" or "kosten[1].betrag"
    wert: str  # formatted for reading


def flatten(spec: s.Obj, values: dict[str, Any]) -> tuple[Feld, ...]:
    """Every value of a checked front matter, in the order the schema declares the keys."""
    out: list[Feld] = []
    _object(spec, values, "", out)
    return tuple(out)


def _object(spec: s.Obj, values: dict[str, Any], prefix: str, out: list[Feld]) -> None:
    for field in spec.fields:
        if field.key in values:
            _value(field.type, values[field.key], prefix + field.key, out)


def _value(kind: s.FieldType, value: Any, key: str, out: list[Feld]) -> None:
    if isinstance(kind, s.Obj) and isinstance(value, dict):
        _object(kind, value, key + ".", out)
    elif isinstance(kind, s.ListOf) and isinstance(kind.item, s.Obj) and isinstance(value, list):
        name_key = kind.named_by  # long vocabularies: entries matched by name, not position
        names = [item.get(name_key) for item in value if isinstance(item, dict)] if name_key else []
        unique = name_key is not None and len(set(map(str, names))) == len(value) and all(names)
        for index, item in enumerate(value, start=1):
            if isinstance(item, dict):
                label = str(item[name_key]) if unique and name_key else str(index)
                _object(kind.item, item, f"{key}[{label}].", out)
    elif isinstance(kind, s.ListOf) and isinstance(value, list):
        out.append(Feld(key, ", ".join(format_value(kind.item, v) for v in value)))
    elif isinstance(kind, s.MapOf) and isinstance(value, dict):
        for name in sorted(value, key=str):
            out.append(Feld(f"{key}.{name}", format_value(kind.value, value[name])))
    else:
        out.append(Feld(key, format_value(kind, value, key)))


def format_value(kind: s.FieldType, value: Any, key: str = "") -> str:
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dt.date):
        return datum(value)
    if isinstance(kind, s.Choice) and value in kind.values:
        return kind.label(value)
    if isinstance(kind, s.Number) and isinstance(value, (int, float)):
        return euro(value) if kind.euro or key.endswith("betrag") else zahl(value)
    return str(value)


def invalid(node: YMap, values: dict[str, Any], prefix: str = "") -> tuple[Feld, ...]:
    """Values that did not pass the field check (typos in keys, unknown statuses …), as written."""
    out: list[Feld] = []
    for key, entry in node.entries.items():
        label = prefix + key
        if key not in values:
            if not _empty(entry.value):
                out.append(Feld(label, f"{_raw(entry.value)} (ungültig)"))
        elif isinstance(entry.value, YMap) and isinstance(values[key], dict):
            out += invalid(entry.value, values[key], label + ".")
    return tuple(out)


def _empty(node: YNode) -> bool:
    if isinstance(node, YScalar):
        return is_null(node) or not node.text.strip()
    return isinstance(node, YSeq) and not node.items


def _raw(node: YNode) -> str:
    if isinstance(node, YMap):
        return "; ".join(f"{key}: {_raw(entry.value)}" for key, entry in node.entries.items())
    if isinstance(node, YSeq):
        return ", ".join(_raw(item) for item in node.items)
    return node.text
