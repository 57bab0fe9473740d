"""Checked front-matter values → the frozen dataclasses of the model, driven by schema.py.

One generic binder instead of a hand-written mapper per kind of file: a model field takes the
value of the schema field of the same name, nested objects become their dataclass, lists become
tuples. Model fields that no front-matter key holds (the body text, its Quelle, the Handlungsfeld
folder) come from the file itself, as `extras`. tests/test_schema_model.py fails when a schema key
has no model field or the other way round, so a new field cannot be dropped silently.

`bind` returns None when a required value is missing, i.e. the field check already reported an
error for the file; the plan-wide checks then treat the file as broken, like an unreadable one.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable, Mapping
from functools import cache
from types import NoneType, UnionType
from typing import Any, TypeVar

from lip_build import schema as s
from lip_build.model import plan as m

T = TypeVar("T")

# The dataclass that holds each kind of file.
RECORDS: dict[str, type] = {
    "plan": m.PlanInfo,
    "drucksache": m.Drucksache,
    "organisationseinheiten": m.Organisationseinheiten,
    "glossar": m.Glossar,
    "zeitleiste": m.Zeitleiste,
    "leichte_sprache": m.LeichteSprache,
    "kapitel": m.Kapitel,
    "gremium": m.Gremium,
    "zielgruppe": m.Begriff,
    "querschnittsthema": m.Begriff,
    "handlungsfeld": m.Handlungsfeld,
    "ziel": m.Ziel,
    "massnahme": m.Massnahme,
    "sitzung": m.Sitzung,
    "stellungnahme": m.Stellungnahme,
}

Record = (
    m.PlanInfo
    | m.Drucksache
    | m.Organisationseinheiten
    | m.Glossar
    | m.Zeitleiste
    | m.LeichteSprache
    | m.Kapitel
    | m.Gremium
    | m.Begriff
    | m.Handlungsfeld
    | m.Ziel
    | m.Massnahme
    | m.Sitzung
    | m.Stellungnahme
)

_MISSING = object()  # a required value is absent: the file cannot become a record
Convert = Callable[[Any], Any]


def bind_file(kind: str, values: Mapping[str, Any], extras: Mapping[str, Any]) -> Record | None:
    """The record of one file of `kind`, or None when the field check left a required value out."""
    record: Record | None = bind(RECORDS[kind], s.SPECS[kind], values, extras)
    return record


def bind(cls: type[T], spec: s.Obj, values: Mapping[str, Any], extras: Mapping[str, Any] | None = None) -> T | None:
    key = (id(cls), id(spec))  # the schema never changes; hashing its frozen tree per file would cost more
    build = _BINDERS.get(key)
    if build is None:
        build = _BINDERS[key] = _binder(typing.cast(type, cls), spec)
    result = build(values, extras or {})
    return None if result is _MISSING else typing.cast(T, result)


_BINDERS: dict[tuple[int, int], Callable[[Mapping[str, Any], Mapping[str, Any]], Any]] = {}


@cache
def _binder(cls: type, spec: s.Obj) -> Callable[[Mapping[str, Any], Mapping[str, Any]], Any]:
    """A function that builds `cls` from checked values, prepared once per dataclass and spec."""
    hints = typing.get_type_hints(cls)
    # (name, required, converter or None: from extras, value when absent or _MISSING: the dataclass default)
    plan: list[tuple[str, bool, Convert | None, Any]] = []
    for f in dataclasses.fields(cls):
        declared = spec.field(f.name)
        has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        if declared is None:
            plan.append((f.name, not has_default, None, _MISSING))
        else:
            absent = _MISSING if has_default else _empty(declared.type)
            plan.append((f.name, declared.required, _converter(declared.type, hints[f.name]), absent))

    def build(values: Mapping[str, Any], extras: Mapping[str, Any]) -> Any:
        kwargs: dict[str, Any] = {}
        for name, required, convert, absent in plan:
            if convert is None:
                if name in extras:
                    kwargs[name] = extras[name]
                elif required:
                    raise TypeError(f"{cls.__name__}.{name}: kein Wert aus der Datei (extras)")
                continue
            value = values.get(name, _MISSING)
            if value is _MISSING:
                if required:
                    return _MISSING
                if absent is not _MISSING:
                    kwargs[name] = absent
                continue
            converted = convert(value)
            if converted is _MISSING:
                return _MISSING
            kwargs[name] = converted
        return cls(**kwargs)

    return build


def _converter(t: s.FieldType, hint: Any) -> Convert:
    target = _without_none(hint)
    if isinstance(t, s.Obj):
        nested = _binder(target, t)
        return lambda value: nested(value, {})
    if isinstance(t, s.ListOf):
        (item_hint, _) = typing.get_args(target)
        item = _converter(t.item, item_hint)

        def convert_list(value: Any) -> Any:
            items = tuple(item(v) for v in value)
            return _MISSING if any(v is _MISSING for v in items) else items

        return convert_list
    if isinstance(t, s.MapOf):
        return dict
    return _same


def _empty(t: s.FieldType) -> Any:
    """An optional list or mapping that is left out is empty; other optional values need a default."""
    if isinstance(t, s.ListOf):
        return ()
    if isinstance(t, s.MapOf):
        return {}
    return None


def _same(value: Any) -> Any:
    return value


def _without_none(hint: Any) -> Any:
    """`X | None` → X; other hints unchanged."""
    if isinstance(hint, UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not NoneType]
        if len(args) == 1:
            return args[0]
    return hint
