"""The whole validated plan as JSON, with a JSON Schema derived from schema.py and a version stamp.

Every item is written as its file says it – the keys and values of its front matter, plus its
body (`text`, Markdown) and its file (`datei`) – so the published schema of an item is the schema
of its front matter (outputs/jsonschema.py) with these two additions.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from lip_build import schema as s
from lip_build.history.stamp import Version
from lip_build.load.markdown import Text
from lip_build.model.plan import Plan
from lip_build.outputs.jsonschema import SCHEMA_URL, to_json_schema

FORMAT_VERSION = "1"
# collection in the JSON → kind of file (schema.SPECS) and the Plan attribute that holds its records
COLLECTIONS = {
    "handlungsfelder": ("handlungsfeld", "handlungsfelder"),
    "ziele": ("ziel", "ziele"),
    "massnahmen": ("massnahme", "massnahmen"),
    "gremien": ("gremium", "gremien"),
    "zielgruppen": ("zielgruppe", "zielgruppen"),
    "querschnittsthemen": ("querschnittsthema", "querschnittsthemen"),
}


def plain(t: s.FieldType, value: Any) -> Any:
    """A model value as the front matter writes it (tuples as lists, dates as JJJJ-MM-TT)."""
    if isinstance(t, s.Obj):
        return _object(t, value)
    if isinstance(t, s.ListOf):
        return [plain(t.item, item) for item in value]
    if isinstance(t, s.MapOf):
        return {key: plain(t.value, item) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Text):
        return value.source
    return value


def _object(spec: s.Obj, record: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in spec.fields:
        value = record.get(f.key) if isinstance(record, Mapping) else getattr(record, f.key, None)
        if value is None or (not f.required and value in ((), {}, [])):
            continue
        out[f.key] = plain(f.type, value)
    return out


def _item(kind: str, record: Any) -> dict[str, Any]:
    out = _object(s.SPECS[kind], record)
    text = getattr(record, "text", None)
    if isinstance(text, Text):
        out["text"] = text.source
    out["datei"] = record.quelle.pfad
    return out


def model_json(plan: Plan, version: Version) -> bytes:
    document = {
        "$schema": "lip-plan.schema.json",
        "format": FORMAT_VERSION,
        "version": {
            "bezeichnung": version.bezeichnung,
            "commit": version.commit,
            "tag": version.tag,
            "datum": version.datum.isoformat(),
            "text": version.text,
        },
        "plan": _object(s.SPECS["plan"], plan.info),
        **{
            name: [_item(kind, record) for record in getattr(plan, attribute)]
            for name, (kind, attribute) in COLLECTIONS.items()
        },
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def model_schema() -> bytes:
    """The JSON Schema of model_json(): each collection's items follow the schema of their files."""

    def item(kind: str) -> dict[str, Any]:
        body = to_json_schema(s.SPECS[kind])
        body["properties"] = {
            **body["properties"],
            "text": {"type": "string", "title": "Text", "description": "Der Text der Datei (Markdown)"},
            "datei": {"type": "string", "title": "Datei", "description": "Pfad der Datei im Repository"},
        }
        body["required"] = [*body["required"], "datei"]
        return body

    schema = {
        "$schema": SCHEMA_URL,
        "$id": "lip-plan.schema.json",
        "title": "Lokaler Integrationsplan als offene Daten",
        "type": "object",
        "required": ["format", "version", "plan", *COLLECTIONS],
        "properties": {
            "$schema": {"type": "string"},
            "format": {"const": FORMAT_VERSION},
            "version": {
                "type": "object",
                "required": ["bezeichnung", "datum", "text"],
                "properties": {
                    "bezeichnung": {"type": "string"},
                    "commit": {"type": ["string", "null"]},
                    "tag": {"type": ["string", "null"]},
                    "datum": {"type": "string", "format": "date-time"},
                    "text": {"type": "string"},
                },
            },
            "plan": to_json_schema(s.SPECS["plan"]),
            **{name: {"type": "array", "items": item(kind)} for name, (kind, _) in COLLECTIONS.items()},
        },
        "additionalProperties": False,
    }
    return (json.dumps(schema, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
