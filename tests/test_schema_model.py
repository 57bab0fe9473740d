"""schema.py and the model agree: every field of every kind of file has a model field, and back.

A field added to schema.py validates; without a field in lip_build/model/plan.py it would then be
silently missing from the plan that every output reads. This test fails first.
"""

from __future__ import annotations

import dataclasses
import typing

import pytest

from lip_build import schema as s
from lip_build.model import plan as m

# Model fields that no front-matter key holds: the body text (under its name in the model), where
# the element comes from (a Quelle), and the Handlungsfeld folder.
BODY_AND_PLACE = {"text", "ordner", "begruendung", "einleitung"}


def _model_keys(model: type) -> set[str]:
    hints = typing.get_type_hints(model)
    return {f.name for f in dataclasses.fields(model) if f.name not in BODY_AND_PLACE and hints[f.name] is not m.Quelle}


# Each kind of file (and each nested object) with the dataclass that holds it in the model.
BINDINGS: list[tuple[str, s.Obj, type]] = [
    ("plan", s.PLAN, m.PlanInfo),
    ("drucksache", s.DRUCKSACHE, m.Drucksache),
    ("handlungsfeld", s.HANDLUNGSFELD, m.Handlungsfeld),
    ("ziel", s.ZIEL, m.Ziel),
    ("massnahme", s.MASSNAHME, m.Massnahme),
    ("gremium", s.GREMIUM, m.Gremium),
    ("zielgruppe", s.ZIELGRUPPE, m.Begriff),
    ("querschnittsthema", s.QUERSCHNITTSTHEMA, m.Begriff),
    ("kapitel", s.KAPITEL, m.Kapitel),
    ("glossar", s.GLOSSAR, m.Glossar),
    ("zeitleiste", s.ZEITLEISTE, m.Zeitleiste),
]


def _nested(spec: s.Obj, model: type) -> list[tuple[str, s.Obj, type]]:
    """The object fields of a spec with the dataclass their model field holds."""
    hints = typing.get_type_hints(model)
    found = []
    for field in spec.fields:
        inner = field.type.item if isinstance(field.type, s.ListOf) else field.type
        if not isinstance(inner, s.Obj) or field.key not in hints:
            continue
        target = hints[field.key]
        args = [a for a in typing.get_args(target) if a is not type(None) and a is not Ellipsis]
        candidates = [a for a in (target, *args) if dataclasses.is_dataclass(a)]
        assert candidates, f"{model.__name__}.{field.key}: kein Datenklassen-Typ für ein Objektfeld"
        found.append((f"{model.__name__}.{field.key}", inner, candidates[0]))
    return found


def _all_bindings() -> list[tuple[str, s.Obj, type]]:
    result, todo = [], list(BINDINGS)
    while todo:
        name, spec, model = todo.pop(0)
        result.append((name, spec, model))
        todo += _nested(spec, model)
    return result


@pytest.mark.parametrize(("name", "spec", "model"), _all_bindings(), ids=lambda v: v if isinstance(v, str) else "")
def test_schema_keys_and_model_fields_agree(name: str, spec: s.Obj, model: type) -> None:
    keys = {f.key for f in spec.fields}
    fields = _model_keys(model)
    assert keys - fields == set(), f"{name}: Schlüssel ohne Feld im Modell"
    assert fields - keys == set(), f"{name}: Felder im Modell ohne Schlüssel im Schema"


def test_organisationseinheiten_bind_to_their_dataclass() -> None:
    entry = s.ORGANISATIONSEINHEITEN.field("einheiten")
    assert entry is not None and isinstance(entry.type, s.ListOf) and isinstance(entry.type.item, s.Obj)
    assert {f.key for f in entry.type.item.fields} == {f.name for f in dataclasses.fields(m.Organisationseinheit)}


def test_every_file_kind_is_bound() -> None:
    from lip_build.load.files import FILE_KINDS

    bound = {name for name, _, _ in BINDINGS} | {"organisationseinheiten", "leichte_sprache"}
    assert {k.name for k in FILE_KINDS} == bound
