"""The columns of the catalogue exports, derived from schema.py: one per field of a measure or a goal.

A nested field gets its parent's label ("Entscheidungsstand", "Entscheidungsstand: Datum"); lists
of objects are summarised (costs summed per kind and listed, indicators listed, the dated statuses
of the implementation listed); the review fingerprints (`geprueft`) are bookkeeping, not data, and
stay out. A field added to the schema appears in every export without touching this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lip_build import schema as s
from lip_build.model.plan import Kennzahl, Kosten, Plan, Verlaufseintrag
from lip_build.view.formats import datum, euro, zahl

# What a cell holds before a format writes it: text, a number, a truth value, a date, a list of
# texts (IDs, partners; each format joins them its way) or nothing.
Cell = str | int | float | bool | dt.date | tuple[str, ...] | None

_LEFT_OUT = frozenset({"geprueft"})


@dataclass(frozen=True)
class Spalte:
    key: str  # as in the file: "entscheidung.status"; derived columns: "kosten.einmalig"
    label: str  # German heading: "Entscheidungsstand"
    art: str  # text | ids | choice | number | euro | integer | boolean | date
    get: Callable[[Any], Any]  # record → the raw value
    choice: s.Choice | None = None  # for "choice": the German labels of the values

    def value(self, record: Any) -> Cell:
        return _cell(self.get(record))


def _cell(value: Any) -> Cell:
    if isinstance(value, tuple):
        return tuple(str(v) for v in value) or None
    return value  # type: ignore[no-any-return]


def _getter(path: tuple[str, ...]) -> Callable[[Any], Any]:
    def get(record: Any) -> Any:
        value = record
        for name in path:
            value = getattr(value, name, None)
            if value is None:
                return None
        return value

    return get


def _art(t: s.FieldType) -> str:
    if isinstance(t, s.ListOf):
        return "ids"
    if isinstance(t, s.Choice):
        return "choice"
    if isinstance(t, s.Number):
        return "euro" if t.euro else "number"
    if isinstance(t, s.Integer):
        return "integer"
    if isinstance(t, s.Boolean):
        return "boolean"
    if isinstance(t, s.Date):
        return "date"
    return "text"


def _sum(kind: str) -> Callable[[Any], Any]:
    def total(record: Any) -> float:
        return float(sum(k.betrag for k in record.kosten if k.art == kind))

    return total


def _kostenposten(record: Any) -> str | None:
    items: tuple[Kosten, ...] = record.kosten
    parts = [f"{euro(k.betrag)} {s.KOSTEN_ART.label(k.art)} ({k.finanzierung})" for k in items]
    return "; ".join(parts).replace("\u00a0", " ") or None


def kostenposten_machine(record: Any) -> str | None:
    """The cost items for programs: amount with a point and two decimals, kind as key, e.g.
    "95000.00 jaehrlich (Förderprogramm …)"; items separated by ";" like every list of the machine CSV."""
    items: tuple[Kosten, ...] = record.kosten
    return ";".join(f"{k.betrag:.2f} {k.art} ({k.finanzierung})" for k in items) or None


def _kennzahlen(record: Any) -> str | None:
    items: tuple[Kennzahl, ...] = record.kennzahlen
    parts = [
        f"{k.name}: {zahl(k.ausgangswert)} {k.einheit} ({k.ausgangsjahr}) → {zahl(k.zielwert)} {k.einheit} "
        f"({k.zieljahr})" + (f", Quelle: {k.quelle}" if k.quelle else "")
        for k in items
    ]
    return "; ".join(parts) or None


def _verlauf(record: Any) -> str | None:
    """The dated statuses, oldest first: "31.12.2026: in Umsetzung; 30.06.2027: umgesetzt"."""
    items: tuple[Verlaufseintrag, ...] = record.umsetzung.verlauf
    return "; ".join(f"{datum(e.datum)}: {s.UMSETZUNG_STATUS.label(e.status)}" for e in items) or None


def _summaries(key: str, label: str) -> list[Spalte]:
    """The columns that stand for a list of objects."""
    if key == "kosten":
        return [
            Spalte("kosten.einmalig", "Kosten einmalig (Summe)", "euro", _sum("einmalig")),
            Spalte("kosten.jaehrlich", "Kosten jährlich (Summe)", "euro", _sum("jaehrlich")),
            Spalte("kosten", label, "text", _kostenposten),
        ]
    if key == "kennzahlen":
        return [Spalte("kennzahlen", label, "text", _kennzahlen)]
    if key == "umsetzung.verlauf":
        return [Spalte("umsetzung.verlauf", label, "text", _verlauf)]
    raise ValueError(f"Keine Zusammenfassung für die Liste „{key}“ festgelegt (outputs/opendata/columns.py)")


def columns(kind: str) -> tuple[Spalte, ...]:
    """The columns for the files of one kind ("massnahme", "ziel"), in the schema's order."""
    out = [Spalte("nummer", "Nr.", "text", lambda record: None)]  # filled from Plan.nummern (rows())
    labels: dict[str, str] = {}
    for key, f in s.walk(s.SPECS[kind]):
        top = key.split(".")[0].split("[")[0]
        if top in _LEFT_OUT or "[]" in key:
            continue
        parent, _, _ = key.rpartition(".")
        label = f.label
        if parent:
            label = labels[parent] if f.main else f"{labels[parent]}: {f.label}"
        labels[key] = label
        if isinstance(f.type, s.Obj):
            continue
        if isinstance(f.type, s.ListOf) and isinstance(f.type.item, s.Obj):
            out += _summaries(key, label)
            continue
        choice = f.type if isinstance(f.type, s.Choice) else None
        out.append(Spalte(key, label, _art(f.type), _getter(tuple(key.split("."))), choice))
    return tuple(out)


def rows(plan: Plan, kind: str) -> list[tuple[Any, list[Cell]]]:
    """Every measure or goal of the plan in display order, with its cells (Nr. from the plan's numbering)."""
    records = plan.massnahmen if kind == "massnahme" else plan.ziele
    spalten = columns(kind)
    out = []
    for record in records:
        cells = [spalte.value(record) for spalte in spalten]
        cells[0] = plan.nummern.get(record.id)
        out.append((record, cells))
    return out
