"""Checking and rendering read the same parse of a text: a text link in code is no text link.

Before the shared parse (load/markdown.py) the checker skipped fenced and indented code while the
renderers knew only fences and backtick spans: `    Verweis [[BIL-M99]]` (indented code) passed
`lip validate` and then ended `lip build --site` in an internal error, and `[[ABC-M99]]` in inline
code was reported as LIP305 although no output would ever resolve it. And text links in the
Drucksache's front-matter texts (antrag, …) were rendered but never checked.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lip_build.cli import cli
from lip_build.load.markdown import parse
from lip_build.pipeline import load_plan
from tests.conftest import REPO
from tests.test_diagnostics import MINI

BIL_M02 = "handlungsfelder/bildung/massnahmen/BIL-M02.md"
DRUCKSACHE = "content/drucksache.md"


def mini_with(root: Path, path: str, old: str, new: str) -> Path:
    """A copy of the mini plan with the site settings of the repository and one text changed."""
    shutil.copytree(MINI, root)
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    target = root / path
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def errors(root: Path) -> list[str]:
    return [d.as_text() for d in load_plan(root).diagnostics.items if d.severity.name == "ERROR"]


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        ("Kinder lernen gemeinsam.\n\n    Verweis [[BIL-M99]]\n", "<pre><code>Verweis [[BIL-M99]]"),
        ("Kinder lernen `[[ABC-M99]]` gemeinsam.", "<code>[[ABC-M99]]</code>"),
        ("Kinder lernen gemeinsam.\n\n```\n[[ABC-M99]] und Expert*innen\n```\n", "[[ABC-M99]] und Expert*innen"),
    ],
    # ASCII ids: a second pytest.main in one process (mutmut's workers) escapes a non-ASCII id twice
    # ("einger\\xfcckter"), finds no test under the id it was given (exit 4) and counts the mutant as timeout
    ids=["eingerueckter Code", "Inline-Code", "Codeblock"],
)
def test_text_link_in_code_validates_builds_and_shows_literally(body: str, shown: str, tmp_path: Path) -> None:
    root = mini_with(tmp_path / "plan", BIL_M02, "Kinder lernen gemeinsam.", body)
    assert errors(root) == []
    result = CliRunner().invoke(cli, ["--plan", str(root), "build", "--site", "-q"])
    assert result.exit_code == 0, result.output
    page = (root / "site" / "massnahmen" / "bil-m02" / "index.html").read_text(encoding="utf-8")
    assert shown in html.unescape(page)


def test_text_link_outside_code_next_to_code_is_still_checked(tmp_path: Path) -> None:
    root = mini_with(tmp_path / "plan", BIL_M02, "Kinder lernen gemeinsam.", "Kinder `[[` lernen [[BIL-M99]].")
    found = errors(root)
    assert len(found) == 1 and f"{BIL_M02}:22:20: LIP305" in found[0], found


def test_text_link_in_a_front_matter_text_of_the_drucksache_is_checked(tmp_path: Path) -> None:
    root = mini_with(
        tmp_path / "plan",
        DRUCKSACHE,
        "antrag: den beigefügten Testplan zu beschließen.",
        'antrag: "den Testplan mit [[BIL-M99]] zu beschließen."',
    )
    found = errors(root)
    assert len(found) == 1 and f"{DRUCKSACHE}:8:" in found[0] and "LIP305" in found[0], found


def test_parse_finds_code_spans_and_references_with_positions() -> None:
    source = "## Titel\n\nSiehe [[BIL-M01]], `[[X]]` und\n> `über\n> [[Y]] zwei` [[ SOZ-Z01 ]]\n\n    [[Z]]\n"
    text = parse(source, 5)
    assert [(r.target, r.line, r.column) for r in text.references] == [("BIL-M01", 7, 7), ("SOZ-Z01", 9, 15)]
    assert [(c.kind, source[c.start : c.end]) for c in text.code] == [
        ("inline", "`[[X]]`"),
        ("inline", "`über\n> [[Y]] zwei`"),
        ("indented", "    [[Z]]"),
    ]
    assert [(h.level, h.line) for h in text.headings] == [(2, 5)]
    rendered = text.render(lambda ref: f"<{ref.target}>", lambda prose: prose.upper())
    assert rendered.startswith("## TITEL\n\nSIEHE <BIL-M01>, `[[X]]` UND\n> `über\n> [[Y]] zwei` <SOZ-Z01>")


def test_image_in_a_front_matter_text_of_the_drucksache_is_checked(tmp_path: Path) -> None:
    root = mini_with(
        tmp_path / "plan",
        DRUCKSACHE,
        "antrag: den beigefügten Testplan zu beschließen.",
        'antrag: "den Testplan ![Karte](../bilder/fehlt.png) zu beschließen."',
    )
    found = errors(root)
    assert len(found) == 1 and f"{DRUCKSACHE}:8:" in found[0] and "LIP404" in found[0], found
