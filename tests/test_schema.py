"""`lip schema`: the JSON Schemas accept the shipped plan and reject what the validator rejects."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from lip_build.cli import cli
from lip_build.load.files import classify, discover
from lip_build.outputs.jsonschema import schemas

from .conftest import REPO


def _front_matter(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text.split("---\n", 2)[1])

    def plain(value: Any) -> Any:  # editors see dates as text, as yaml-language-server does
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value

    return plain(data)


def test_shipped_front_matter_matches_the_schemas() -> None:
    by_name = schemas()
    checked = 0
    for relative in discover(REPO):
        kind = classify(relative)
        assert kind is not None, relative
        schema = by_name[f"{kind.name}.schema.json"]
        jsonschema.validate(_front_matter(REPO / relative), schema)
        checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    ("change", "value"),
    [("federfuehrung", 50.6), ("antragsberechtigt", "ja"), ("unbekannt", 1), ("id", "bil-m1")],
)
def test_schema_rejects_broken_measures(change: str, value: Any) -> None:
    path = next((REPO / "handlungsfelder").glob("*/massnahmen/*.md"))
    data = _front_matter(path)
    data[change] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schemas()["massnahme.schema.json"])


def test_cli_writes_schema_files(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--plan", str(REPO), "schema", "--ausgabe", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in tmp_path.glob("*.schema.json"))
    assert "massnahme.schema.json" in written and "ziel.schema.json" in written
    for path in tmp_path.glob("*.schema.json"):
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("1", 1),
        ("-3", -3),
        ("+12", 12),
        ("0x1F", 31),
        ("0o17", 15),
        ("017", 17),  # YAML 1.1 read 15 (octal)
        ("1.5", 1.5),
        ("95.000", 95.0),  # why money fields judge the text (check/fields.py)
        ("1e3", 1000.0),  # YAML 1.1 read a text
        (".inf", float("inf")),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("", None),
        ("yes", "yes"),  # YAML 1.1 read true
        ("no", "no"),
        ("On", "On"),
        ("1_000", "1_000"),  # YAML 1.1 read 1000
        ("12:30", "12:30"),  # YAML 1.1 read 750 (sexagesimal)
        ("2026-02-01", "2026-02-01"),  # a date only where the schema expects one
        ("50.60", 50.6),
        ('"50.60"', "50.60"),
        ("'true'", "true"),
        ("!!str 5", "5"),
        ("|\n  5\n", "5\n"),
        ("=", "="),
    ],
)
def test_plain_scalars_mean_what_yaml_1_2_core_says(written: str, meant: object) -> None:
    """lip, JSON Schema validators and the web editor's YAML writer read a file the same way."""
    from lip_build.diagnostics import Diagnostics
    from lip_build.load.yamltree import YMap, YScalar, core_value, parse_front_matter, to_tree

    front = parse_front_matter(f"a: {written}\n", "datei.md", 2, Diagnostics())
    assert front is not None
    tree = to_tree(front.node, front.line_offset)
    assert isinstance(tree, YMap)
    node = tree.entries["a"].value
    assert isinstance(node, YScalar)
    value = core_value(node)
    assert value == meant and type(value) is type(meant)
