"""The web editor's configuration agrees with schema.py, field for field; the public pages load none of it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from lip_build import schema as s
from lip_build.cli import cli
from lip_build.errors import BuildError
from lip_build.load.files import FILE_KINDS, classify
from lip_build.model.plan import Plan
from lip_build.outputs import cms
from lip_build.outputs.cms.fields import RELATION

from .browser.sitebuild import built_site
from .conftest import REPO


def _kind_of(collection: dict[str, Any], file: dict[str, Any] | None) -> str:
    path = file["file"] if file else f"{collection['folder']}/X.md"
    kind = classify(path)
    assert kind is not None, path
    return kind.name


def _forms(plan: Plan) -> list[tuple[str, list[dict[str, Any]]]]:
    out = []
    for c in cms.config(plan, None)["collections"]:
        for f in c.get("files", [None]):
            out.append((_kind_of(c, f), (f or c)["fields"]))
    return out


def _expected_widget(t: s.FieldType) -> str:
    if isinstance(t, s.ListOf):
        if isinstance(t.item, s.Ref):
            return _expected_widget(t.item)
        return "list"
    return {
        s.Text: "string",
        s.Integer: "number",
        s.Number: "number",
        s.Boolean: "boolean",
        s.Date: "datetime",
        s.Choice: "select",
        s.Pattern: "string",
        s.Partner: "string",
        s.MapOf: "hidden",
        s.Obj: "object",
    }.get(type(t), "")


def _agree(spec: s.Obj, configured: list[dict[str, Any]], where: str, folders: list[str]) -> None:
    assert [c["name"] for c in configured] == [f.key for f in spec.fields], where
    for f, c in zip(spec.fields, configured, strict=True):
        here = f"{where}.{f.key}"
        assert c["label"] == f.label and c["required"] is f.required, here
        if c["widget"] != "hidden":
            assert c["hint"] == f.help, here
        t = f.type
        if isinstance(t, s.Text) and t.markdown:
            assert c["widget"] == "text", here
        elif isinstance(t, s.Key):
            wanted = "lip-kennung" if t.kind in ("ziel", "massnahme") else "string"
            assert c["widget"] == wanted, here
            if wanted == "string":
                assert c["pattern"][0] == s.KINDS[t.kind].pattern.pattern, here
        elif isinstance(t, (s.Ref, s.ListOf)) and isinstance(getattr(t, "item", t), s.Ref):
            ref = t if isinstance(t, s.Ref) else t.item
            assert isinstance(ref, s.Ref)
            multiple = isinstance(t, s.ListOf)
            if c["widget"] == "hidden":
                assert ref.kind == "handlungsfeld" and re.fullmatch(r"[A-Z]{3}", c["default"]), here
            elif ref.kind in RELATION:
                collection, value, _ = RELATION[ref.kind]
                assert (c["widget"], c["collection"], c["value_field"], c["multiple"]) == (
                    "relation",
                    collection,
                    value,
                    multiple,
                ), here
            elif ref.kind in ("ziel", "element"):
                kinds = ("ziele",) if ref.kind == "ziel" else ("ziele", "massnahmen")
                assert (c["widget"], c["value_field"], c["multiple"]) == ("lip-verweis", "id", multiple), here
                assert c["collections"] == [f"{k}-{f}" for k in kinds for f in folders], here
                assert c["collection"] == c["collections"][0], here
            else:
                assert ref.kind == "handlungsfeld", here
                assert c["widget"] == "select" and c["multiple"] is multiple, here
            if multiple and isinstance(t, s.ListOf) and t.min_items:
                assert c["min"] == t.min_items, here
        else:
            assert c["widget"] == _expected_widget(t), here
        if isinstance(t, s.Choice):
            assert [(o["value"], o["label"]) for o in c["options"]] == list(t.options), here
        if isinstance(t, s.Pattern):
            assert c["pattern"][0] == t.regex.pattern and t.example in c["pattern"][1], here
        if isinstance(t, s.Integer):
            assert (c["min"], c["max"], c["value_type"]) == (t.minimum, t.maximum, "int"), here
        if isinstance(t, s.Date):
            assert (c["format"], c["time_format"]) == ("YYYY-MM-DD", False), here
        if isinstance(t, s.Obj):
            _agree(t, c["fields"], here, folders)
        if isinstance(t, s.ListOf) and isinstance(t.item, s.Obj):
            _agree(t.item, c["fields"], here, folders)
            assert c.get("label_singular", "") == t.entry and c["min"] == t.min_items if t.min_items else True


def test_every_form_has_exactly_the_schema_fields_with_labels_hints_flags_and_widgets(shipped_plan: Plan) -> None:
    forms = _forms(shipped_plan)
    assert {kind for kind, _ in forms} == {k.name for k in FILE_KINDS}
    for kind, configured in forms:
        assert configured[-1]["name"] == "body" and configured[-1]["widget"] == "markdown"
        _agree(s.SPECS[kind], configured[:-1], kind, [h.ordner for h in shipped_plan.handlungsfelder])


def test_the_agreement_test_notices_a_field_written_by_hand(shipped_plan: Plan) -> None:
    kind, configured = _forms(shipped_plan)[0]
    configured[1]["label"] = "Titel der Maßnahme"
    with pytest.raises(AssertionError):
        _agree(s.SPECS[kind], configured[:-1], kind, [h.ordner for h in shipped_plan.handlungsfelder])


def test_collections_per_field_folder_new_files_named_by_id_and_german_ui(shipped_plan: Plan) -> None:
    config = cms.config(shipped_plan, None)
    assert config["locale"] == "de" and config["publish_mode"] == "editorial_workflow"
    names = [c["name"] for c in config["collections"]]
    for feld in shipped_plan.handlungsfelder:
        for name, letter in (("massnahmen", "M"), ("ziele", "Z")):
            c = config["collections"][names.index(f"{name}-{feld.ordner}")]
            assert c["folder"] == f"handlungsfelder/{feld.ordner}/{name}" and c["create"] is True
            assert c["slug"] == f"{feld.code}-{letter}{{{{fields.lip_nummer}}}}"
            assert c["format"] == "lip"
    for c in config["collections"]:
        if c.get("create"):
            sample = c["slug"].replace("{{fields.lip_nummer}}", "07").replace("{{fields.id}}", "beispiel")
            kind = classify(f"{c['folder']}/{sample}.md")
            assert kind is not None and kind.name in (
                "massnahme",
                "ziel",
                "gremium",
                "zielgruppe",
                "querschnittsthema",
                "sitzung",
                "stellungnahme",
            )


def _write_mkdocs(root: Path, block: str) -> None:
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(text.replace("  lip:\n", "  lip:\n" + block, 1), encoding="utf-8")


def test_backends_come_from_one_place_in_mkdocs_yml(tmp_path: Path, shipped_plan: Plan) -> None:
    _write_mkdocs(
        tmp_path,
        "    web_editor:\n      backend: gitlab\n      repo: stadt/lip\n      base_url: https://gitlab.example.org\n"
        '      app_id: "abc123"\n',
    )
    settings = cms.editor_settings(tmp_path)
    assert settings is not None
    assert cms.backend(settings)["auth_type"] == "pkce"
    _write_mkdocs(
        tmp_path, "    web_editor:\n      backend: github\n      repo: stadt/lip\n      open_authoring: true\n"
    )
    settings = cms.editor_settings(tmp_path)
    assert settings is not None and cms.backend(settings)["open_authoring"] is True
    _write_mkdocs(tmp_path, "    web_editor:\n      backend: gitea\n      repo: stadt/lip\n")
    with pytest.raises(BuildError, match="forgejo"):
        cms.editor_settings(tmp_path)
    _write_mkdocs(tmp_path, "    web_editor:\n      backend: gitlab\n      repo: stadt/lip\n")
    with pytest.raises(BuildError, match="app_id"):
        cms.editor_settings(tmp_path)


def test_a_changed_vendor_file_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vendor = tmp_path / "vendor"
    shutil.copytree(cms.VENDOR, vendor)
    (vendor / "js-yaml.min.js").write_text("alert(1)", encoding="utf-8")
    monkeypatch.setattr(cms, "VENDOR", vendor)
    with pytest.raises(BuildError, match="Prüfsumme"):
        cms.vendored()


def test_lip_cms_writes_the_editor_and_the_site_has_it_at_admin_but_no_public_page_loads_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--plan", str(REPO), "cms", "--ausgabe", str(tmp_path / "admin")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "admin" / "config.yml").is_file()
    site = built_site().site
    admin = site / cms.ADMIN
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["locale"] == "de"
    assert (admin / "vendor" / "decap-cms.js").is_file()
    for page in site.rglob("*.html"):
        if admin in page.parents:
            continue
        text = page.read_text(encoding="utf-8")
        assert "decap" not in text.lower() and "admin/" not in text, page
