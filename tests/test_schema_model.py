"""schema.py and the model agree: every field of every kind of file has a model field, and back.

A field added to schema.py validates; without a field in lip_build/model/plan.py it would then be
silently missing from the plan that every output reads. This test fails first.
"""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path

import pytest

from lip_build import schema as s
from lip_build.load.markdown import Text
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
    ("sitzung", s.SITZUNG, m.Sitzung),
    ("stellungnahme", s.STELLUNGNAHME, m.Stellungnahme),
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
    # the body and its place belong to files; a nested object may have a field named like one ("begruendung")
    fields = _model_keys(model) if "." not in name else {f.name for f in dataclasses.fields(model)}
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


@pytest.mark.parametrize("kind", sorted(s.SPECS))
def test_every_field_has_a_german_label(kind: str) -> None:
    """Labels are what readers see (Steckbrief, Synopse, forms); a field without one would show its key."""
    for key, field in s.walk(s.SPECS[kind]):
        assert field.label.strip(), f"{kind}: {key} hat kein label"
        assert field.label != field.key or field.key == "geplant", f"{kind}: {key}: label ist nur der Schlüssel"
        if isinstance(field.type, s.ListOf) and isinstance(field.type.item, s.Obj):
            assert field.type.entry, f"{kind}: {key}: Liste von Objekten ohne Namen für einen Eintrag (entry)"
        if isinstance(field.type, s.ListOf) and field.type.named_by:
            item = field.type.item
            assert isinstance(item, s.Obj) and item.field(field.type.named_by), f"{kind}: {key}: named_by unbekannt"


def test_synopse_names_every_reference_field_of_the_schema() -> None:
    """The Synopse shows names for identifiers; its list of reference keys is derived, not a hand copy."""
    from lip_build.outputs.synopse.pdf_names import _REFERENCES

    for spec in s.SPECS.values():
        for key, field in s.walk(spec):
            target = field.type.item if isinstance(field.type, s.ListOf) else field.type
            if isinstance(target, s.Ref):
                assert _REFERENCES[key] == target.kind
    assert _REFERENCES["ziele"] == "ziel" and _REFERENCES["handlungsfelder"] == "handlungsfeld"


@pytest.mark.parametrize("kind", sorted(s.SPECS))
def test_synopse_labels_come_from_the_schema(kind: str) -> None:
    from lip_build.outputs.synopse.pdf_labels import field_label

    for key, field in s.walk(s.SPECS[kind]):
        shown = field_label(kind, key.replace("[]", "[1]"))
        if not field.main:
            assert shown.endswith(field.label), (key, shown)
        assert "_" not in shown and "[" not in shown, (key, shown)


def _as_values(spec: s.Obj, record: object) -> dict[str, object]:
    """The record back as checked values (tuples as lists), restricted to the schema's keys."""
    out: dict[str, object] = {}
    for field in spec.fields:
        value = getattr(record, field.key)
        if value is None or value == () or value == {}:
            continue
        inner = field.type.item if isinstance(field.type, s.ListOf) else field.type
        if isinstance(field.type, s.ListOf):
            value = [_as_values(inner, v) if isinstance(inner, s.Obj) else v for v in value]
        elif isinstance(inner, s.Obj):
            value = _as_values(inner, value)
        elif isinstance(field.type, s.MapOf):
            value = dict(value)
        elif isinstance(value, Text):  # a Markdown value of the front matter, parsed (load/markdown.py)
            value = value.source
        out[field.key] = value
    return out


def test_every_checked_value_reaches_the_model() -> None:
    """The generic binder drops nothing: each file's record holds exactly its checked values."""
    from lip_build.check.document import read_documents
    from lip_build.diagnostics import Diagnostics
    from tests.test_diagnostics import MINI

    documents, unreadable = read_documents(MINI, Diagnostics())
    assert not unreadable and len(documents) > 15
    kinds = set()
    for doc in documents:
        assert doc.record is not None, doc.path
        assert _as_values(doc.kind.spec, doc.record) == doc.checked.values, doc.path
        kinds.add(doc.kind.name)
    assert {"massnahme", "ziel", "drucksache", "organisationseinheiten", "gremium"} <= kinds


def test_a_file_without_a_required_value_has_no_record(tmp_path: Path) -> None:
    import shutil

    from lip_build.check.document import read_documents
    from lip_build.diagnostics import Diagnostics
    from tests.test_diagnostics import MINI

    plan = tmp_path / "plan"
    shutil.copytree(MINI, plan)
    target = plan / "handlungsfelder/soziales/massnahmen/SOZ-M01.md"
    target.write_text(target.read_text(encoding="utf-8").replace("  status: zugestimmt\n", ""), encoding="utf-8")
    diagnostics = Diagnostics()
    documents, _ = read_documents(plan, diagnostics)
    broken = next(d for d in documents if d.path.endswith("SOZ-M01.md"))
    assert broken.record is None and broken.checked.values["id"] == "SOZ-M01"
    assert [d.code for d in diagnostics.items] == ["LIP202"]
