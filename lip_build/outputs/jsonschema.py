"""`lip schema`: JSON Schemas of the front matter, generated from schema.py.

Editors with yaml-language-server (VS Code's YAML extension, IntelliJ, …) use them for
completion and checks while typing. They mirror the field check; reference and status
checks remain the job of `lip validate`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lip_build import schema as s
from lip_build.atomic import atomic_file
from lip_build.load.files import FILE_KINDS

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def to_json_schema(t: s.FieldType, description: str = "", title: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {"title": title} if title else {}
    if description:
        out["description"] = description
    if isinstance(t, s.Obj):
        out.update(
            type="object",
            properties={f.key: to_json_schema(f.type, f.help, f.label) for f in t.fields},
            required=[f.key for f in t.fields if f.required],
            additionalProperties=False,
        )
    elif isinstance(t, s.ListOf):
        out.update(type="array", items=to_json_schema(t.item), minItems=t.min_items)
        if not isinstance(t.item, s.Obj):
            out["uniqueItems"] = True
    elif isinstance(t, s.MapOf):
        out.update(
            type="object",
            propertyNames={"pattern": s.KINDS[t.key.kind].pattern.pattern},
            additionalProperties=to_json_schema(t.value),
        )
    elif isinstance(t, s.Text):
        out.update(type="string", minLength=1)
    elif isinstance(t, s.Integer):
        out.update(type="integer", minimum=t.minimum, maximum=t.maximum)
    elif isinstance(t, s.Number):
        out["type"] = "number"
        if t.minimum is not None:
            out["minimum"] = t.minimum
    elif isinstance(t, s.Boolean):
        out["type"] = "boolean"
    elif isinstance(t, s.Date):
        out.update(type="string", format="date", pattern=r"^\d{4}-\d{2}-\d{2}$")
    elif isinstance(t, s.Choice):
        out.update(type="string", enum=list(t.values))
        out["description"] = (description + " – " if description else "") + "; ".join(
            f"{v}: {label}" for v, label in t.options
        )
    elif isinstance(t, s.Pattern):
        out.update(type="string", pattern=t.regex.pattern, examples=[t.example])
    elif isinstance(t, (s.Key, s.Ref)):
        kind = s.KINDS[t.kind]
        out.update(type="string", pattern=kind.pattern.pattern, examples=[kind.example])
    elif isinstance(t, s.Partner):
        out.update(type="string", minLength=1)
    return out


def schemas() -> dict[str, dict[str, Any]]:
    result = {}
    for kind in FILE_KINDS:
        body = to_json_schema(kind.spec)
        result[f"{kind.name}.schema.json"] = {
            "$schema": SCHEMA_URL,
            "$id": f"lip:{kind.name}",
            "title": f"Kopfbereich: {kind.name}",
            **body,
        }
    return result


def editor_mapping(folder: str) -> dict[str, list[str]]:
    """Schema file → file globs, in the form of the `yaml.schemas` setting of yaml-language-server."""
    return {f"{folder}/{kind.name}.schema.json": [kind.glob] for kind in FILE_KINDS}


def write_schemas(folder: Path, relative_folder: str = "schemas") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    files = {**schemas(), "yaml-schemas.json": {"yaml.schemas": editor_mapping(relative_folder)}}
    for name, content in files.items():
        target = folder / name
        atomic_file(target, json.dumps(content, ensure_ascii=False, indent=2) + "\n")
        written.append(target)
    return written
