"""The web editor's writer (lip-cms.js, run in Node) writes exactly what `lip format` writes.

Every file of the shipped plan is read and written back by the JavaScript writer as the CMS does on a
save without changes: the text must stay byte for byte. Form input that is sloppy or hostile is cleaned
the same way the issue asks (trimmed, emptied optional fields left out, a body that starts like front
matter stays body), and every tricky text reads back unchanged in PyYAML (YAML 1.1) and js-yaml (1.2).
Needs Node; skipped without it unless LIP_BROWSER_REQUIRED is set (as in CI).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from lip_build.diagnostics import Diagnostics
from lip_build.edit.reformat import canonical_text
from lip_build.load.files import discover
from lip_build.outputs.cms import HERE, VENDOR, collections, editor_data
from lip_build.pipeline import load_plan

from .conftest import REPO
from .test_format import CANONICAL, HAND_WRITTEN, MEASURE, TRICKY

RUNNER = """
globalThis.window = globalThis;
const fs = require("fs");
globalThis.jsyaml = require(process.argv[1]);
window.LIP_CMS = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
eval(fs.readFileSync(process.argv[3], "utf8"));
const jobs = JSON.parse(fs.readFileSync(0, "utf8"));
const W = window.LIP_WRITER;
const out = jobs.map(([op, arg]) => {
  if (op === "roundtrip") return W.toFile(W.fromFile(arg));
  if (op === "save") return W.toFile(arg);
  if (op === "parse") return W.fromFile(arg);
  if (op === "next") return W.nextId(arg[0], arg[1]);
  throw new Error(op);
});
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def node(tmp_path_factory: pytest.TempPathFactory) -> Any:
    executable = shutil.which("node")
    if executable is None:
        if os.environ.get("LIP_BROWSER_REQUIRED"):
            pytest.fail("Node.js fehlt (für den Test des Web-Editors nötig)")
        pytest.skip("Node.js fehlt")
    plan = load_plan(REPO).plan
    assert plan is not None
    data = tmp_path_factory.mktemp("cms") / "daten.json"
    data.write_text(json.dumps(editor_data(plan, collections(plan)), ensure_ascii=False), encoding="utf-8")

    def run(jobs: list[tuple[str, object]]) -> list[Any]:
        args = [executable, "-e", RUNNER, str(VENDOR / "js-yaml.min.js"), str(data), str(HERE / "lip-cms.js")]
        done = subprocess.run(args, input=json.dumps(jobs), capture_output=True, text=True, check=True)
        result: list[Any] = json.loads(done.stdout)
        return result

    return run


def test_every_shipped_file_is_written_back_unchanged(node: Any) -> None:
    paths = discover(REPO)
    texts = [(REPO / p).read_text(encoding="utf-8") for p in paths]
    written = node([("roundtrip", t) for t in texts])
    changed = [p for p, before, after in zip(paths, texts, written, strict=True) if before != after]
    assert changed == [], changed[:5]


def test_the_cms_writer_and_lip_format_agree_on_a_hand_written_file(node: Any) -> None:
    hand = HAND_WRITTEN.replace("betrag: 1000.0", "betrag: 1000")  # JS has one kind of number
    (from_cms,) = node([("roundtrip", hand)])
    assert from_cms == CANONICAL
    assert canonical_text(from_cms, MEASURE, Diagnostics()) == from_cms


def test_form_input_is_trimmed_emptied_fields_go_and_the_body_cannot_inject_front_matter(node: Any) -> None:
    (parsed,) = node([("parse", CANONICAL)])
    parsed["titel"] = "  Sprachcafés  "
    parsed["umsetzung"]["bemerkung"] = "   "
    parsed["querschnittsthemen"] = []
    parsed["partner"] = ["40", " "]
    parsed["lip_nummer"] = "01"
    parsed["body"] = "---\nstatus: x\n---\nText\n"
    (saved,) = node([("save", parsed)])
    front, body = saved.split("---\n", 2)[1:]
    assert body == "---\nstatus: x\n---\nText\n"
    values = yaml.safe_load(front)
    assert values["titel"] == "Sprachcafés" and "status" not in values
    assert "bemerkung" not in values["umsetzung"] and "querschnittsthemen" not in values
    assert values["partner"] == ["40"] and "lip_nummer" not in values
    path = REPO / MEASURE
    again = load_plan_of_file(saved, path)
    assert again == []  # the saved file passes the field check


def load_plan_of_file(text: str, path: Path) -> list[str]:
    from lip_build.check.fields import FieldChecker
    from lip_build.load.source import split

    diagnostics = Diagnostics()
    source = split(text, MEASURE, diagnostics)
    assert source is not None
    from lip_build import schema as s

    FieldChecker(MEASURE, diagnostics).check(s.MASSNAHME, source.composed)
    return [d.as_text() for d in diagnostics.items]


def test_tricky_texts_read_back_unchanged_in_both_yaml_versions(node: Any) -> None:
    plan = {"titel": "Plan", "reihenfolge": 1}
    jobs: list[tuple[str, object]] = [("save", {**plan, "kurztitel": value, "body": ""}) for value in TRICKY]
    written = node(jobs)
    parsed = node([("parse", text) for text in written])
    for value, text, back in zip(TRICKY, written, parsed, strict=True):
        expected = value.strip()
        assert yaml.safe_load(text.split("---\n")[1])["kurztitel"] == expected, text
        assert back["kurztitel"] == expected, text


def test_the_next_id_is_one_above_the_highest(node: Any) -> None:
    assert node([("next", ["BIL-M", ["BIL-M01", "BIL-M11", "SOZ-M20", "BIL-M7"]])]) == ["BIL-M12"]
    assert node([("next", ["VER-Z", []])]) == ["VER-Z01"]
