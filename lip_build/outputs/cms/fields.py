"""The form fields of the web editor, derived from schema.py: one Decap CMS field per schema field.

Nothing here names a field of the plan: labels, hints, required flags, patterns and vocabularies all
come from the declarations in schema.py, so a new field appears in the forms without further work
(tests/test_cms_config.py compares both).
"""

from __future__ import annotations

from typing import Any

from lip_build import schema as s
from lip_build.model.plan import Plan

FieldConfig = dict[str, Any]

# Vocabularies and plan elements that have a collection of their own: a relation widget reads their
# entries from the repository, shows names and stores the ID (value_field).
RELATION = {
    "zielgruppe": ("zielgruppen", "id", ["name"]),
    "querschnittsthema": ("querschnittsthemen", "id", ["name"]),
    "gremium": ("gremien", "id", ["name"]),
    "oe": ("plan", "einheiten.*.oe", ["einheiten.*.oe", "einheiten.*.name"]),
}
OE_FILE = "organisationseinheiten"


def hint(f: s.Field) -> str:
    return f.help


def _pattern(regex: str, what: str, example: str) -> list[str]:
    return [regex, f"Bitte {what} eingeben, z. B. {example}."]


def widget(t: s.FieldType, plan: Plan, own: dict[str, str]) -> FieldConfig:
    """The widget options for a value of type `t`; `own` fixes values of the collection ({"handlungsfeld": "BIL"})."""
    if isinstance(t, s.Text):
        return {"widget": "text" if t.markdown else "string"}
    if isinstance(t, s.Integer):
        return {"widget": "number", "value_type": "int", "min": t.minimum, "max": t.maximum, "step": 1}
    if isinstance(t, s.Number):
        options: FieldConfig = {"widget": "number", "value_type": "float"}
        if t.minimum is not None:
            options["min"] = t.minimum
        return options
    if isinstance(t, s.Boolean):
        return {"widget": "boolean", "default": False}
    if isinstance(t, s.Date):
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "DD.MM.YYYY",
            "time_format": False,
            "picker_utc": True,
        }
    if isinstance(t, s.Choice):
        return {"widget": "select", "options": [{"label": label, "value": value} for value, label in t.options]}
    if isinstance(t, s.Pattern):
        return {"widget": "string", "pattern": _pattern(t.regex.pattern, f"eine {t.what}", t.example)}
    if isinstance(t, s.Key):
        kind = s.KINDS[t.kind]
        if t.kind in ("ziel", "massnahme"):
            return {"widget": "lip-kennung"}  # the next free ID, as `lip new` gives it (lip-cms.js)
        return {
            "widget": "string",
            "pattern": _pattern(kind.pattern.pattern, f"eine gültige {kind.label}", kind.example),
        }
    if isinstance(t, s.Ref):
        return _reference(t.kind, plan, own, multiple=False)
    if isinstance(t, s.Partner):
        return {"widget": "string"}
    if isinstance(t, s.ListOf):
        return _list(t, plan, own)
    if isinstance(t, s.MapOf):
        return {"widget": "hidden"}  # written by tools (`lip review confirm`); kept as it is
    if isinstance(t, s.Obj):
        return {"widget": "object", "collapsed": False, "fields": fields(t, plan, own)}
    raise TypeError(f"unknown field type {t!r}")  # pragma: no cover - schema is static


def _reference(kind: str, plan: Plan, own: dict[str, str], multiple: bool) -> FieldConfig:
    if kind in own:
        return {"widget": "hidden", "default": own[kind]}
    if kind in RELATION:
        collection, value, shown = RELATION[kind]
        options: FieldConfig = {
            "widget": "relation",
            "collection": collection,
            "value_field": value,
            "search_fields": shown,
            "display_fields": shown,
            "multiple": multiple,
            "options_length": 200,
        }
        if kind == "oe":
            options["file"] = OE_FILE
        return options
    if kind in ("ziel", "element"):
        # Goals (and measures) lie in one collection per Handlungsfeld; "lip-verweis" (lip-cms.js) is
        # Decap's relation widget asking all of them, so new goals are offered as soon as they exist.
        kinds = ("ziel",) if kind == "ziel" else ("ziel", "massnahme")
        names = [collection_name(k, h.ordner) for k in kinds for h in plan.handlungsfelder]
        return {
            "widget": "lip-verweis",
            "collection": names[0],
            "collections": names,
            "value_field": "id",
            "search_fields": ["id", "titel"],
            "display_fields": ["id", "titel"],
            "multiple": multiple,
            "options_length": 200,
        }
    if kind == "handlungsfeld":
        # The six chapters are files of one files collection, which a relation widget cannot list:
        # the choice comes from the plan of the build (names shown, codes stored).
        choices = [{"label": f"{h.code} – {h.name}", "value": h.code} for h in plan.handlungsfelder]
        return {"widget": "select", "options": choices, "multiple": multiple}
    raise TypeError(kind)  # pragma: no cover - every kind of reference is handled above


def collection_name(kind: str, ordner: str) -> str:
    """The collection of the goals or measures of one Handlungsfeld folder: "ziele-bildung"."""
    return f"{s.KINDS[kind].plural.lower().replace('ß', 'ss')}-{ordner}"


def _list(t: s.ListOf, plan: Plan, own: dict[str, str]) -> FieldConfig:
    item = t.item
    if isinstance(item, s.Ref):
        options = _reference(item.kind, plan, own, multiple=True)
    elif isinstance(item, s.Obj):
        options = {
            "widget": "list",
            "collapsed": False,
            "minimize_collapsed": False,
            "fields": fields(item, plan, own),
        }
        if t.entry:
            options["label_singular"] = t.entry
        first = item.fields[0].key
        options["summary"] = "{{fields." + first + "}}"
    else:
        inner = widget(item, plan, own)
        options = {"widget": "list", "collapsed": False, "field": {"name": "eintrag", "label": "Eintrag", **inner}}
    if t.min_items:
        options["min"] = t.min_items
    return options


def field(f: s.Field, plan: Plan, own: dict[str, str]) -> FieldConfig:
    config: FieldConfig = {"name": f.key, "label": f.label or f.key, "required": f.required}
    if f.help:
        config["hint"] = hint(f)
    config.update(widget(f.type, plan, own))
    if config["widget"] == "hidden":
        config.pop("hint", None)
    return config


def fields(spec: s.Obj, plan: Plan, own: dict[str, str] | None = None) -> list[FieldConfig]:
    return [field(f, plan, own or {}) for f in spec.fields]
