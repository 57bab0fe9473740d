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


def test_the_fast_yaml_loader_resolves_every_scalar_like_pyyaml() -> None:
    """lip composes with a trimmed resolver (no path resolvers); the tags must be PyYAML's own."""
    import yaml

    from lip_build.load.yamltree import _ComposeLoader, _Loader

    text = (
        'a: 1\nb: 1.5\nc: true\nd: no\ne: ~\nf: ""\ng: 2026-02-30\nh: "2026-02-01"\ni: 0x1F\nj: .inf\n'
        "k: 1_000\nl: -3\nm: =\nn: <<\no: 'x'\np:\nq: [1, a, null]\nr: {s: 2}\nt: 50.60\nu: Yes\nv: 12:30\n"
    )

    def tags(node: yaml.Node) -> list[str]:
        if isinstance(node, yaml.ScalarNode):
            return [node.tag]
        items = [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else node.value
        return [node.tag, *(tag for item in items for tag in tags(item))]

    assert tags(yaml.compose(text, Loader=_ComposeLoader)) == tags(yaml.compose(text, Loader=_Loader))
