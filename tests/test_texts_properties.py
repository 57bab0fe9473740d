"""Properties of any text an author may write, generated with hypothesis into a copy of the mini plan:

(a) `lip validate` never fails with a traceback, whatever the body or the front-matter values;
(b) a plan that validates without errors also builds: site, PDF and DOCX.

Bodies are made of Markdown fragments (headings, German paragraphs with umlauts and gender stars,
emphasis, lists, fenced, indented and inline code, text links to existing and unknown IDs inside and
outside code, HTML, images with and without alternative text, raw `{=typst}`, stray `[[`, backticks,
`|`, `$`, `#`, `\\`); titles and the Antrag carry quotes, colons, `#`, `*`, brackets and umlauts.
Derandomized, without an example database, so every run checks the same examples.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from lip_build.cli import cli
from lip_build.pipeline import load_plan
from tests.conftest import REPO
from tests.test_diagnostics import MINI

MEASURE = "handlungsfelder/bildung/massnahmen/BIL-M02.md"
DRUCKSACHE = "content/drucksache.md"
ANTRAG = "antrag: den beigefügten Testplan zu beschließen."

WORDS = ["Kinder", "lernen", "gemeinsam", "Übergänge", "Straße", "Förderung", "Kita", "Expert*innen", "Nutzer*innen"]
KNOWN = ["[[BIL-M01]]", "[[ SOZ-Z01 ]]", "[[BIL-Z01]]", "[[SOZ-M01]]"]
UNKNOWN = ["[[ABC-M99]]", "[[BIL-M99]]", "[[kein Verweis]]"]
IMAGE = "![Sprachcafé im Stadtteil](../bilder/sprachcafe.png)"
# Inline pieces that a valid text may contain (references to unknown IDs only inside code).
SAFE_INLINE = [
    *WORDS,
    *KNOWN,
    "*kursiv*",
    "**fett**",
    "`code`",
    "`[[ABC-M99]]`",
    "``a ` [[BIL-M99]]``",
    "[[",
    "]]",
    "`",
    "|",
    "$x$",
    "#",
    "\\",
    "\\*",
    "50 %",
    "[Bericht](https://example.org/bericht)",
    IMAGE,
]
RISKY_INLINE = [*UNKNOWN, "<b>fett</b>", "<br>", "![](../bilder/sprachcafe.png)", "`#pagebreak()`{=typst}", "<"]


def _paragraph(pieces: list[str]) -> st.SearchStrategy[str]:
    line = st.lists(st.sampled_from(pieces), min_size=1, max_size=8).map(" ".join)
    return st.lists(line, min_size=1, max_size=3).map("\n".join)


def _blocks(pieces: list[str], risky: bool) -> st.SearchStrategy[str]:
    paragraph = _paragraph(pieces)
    code_line = st.sampled_from(["[[BIL-M99]]", "Expert*innen", "<b>x</b>", "::: ende", "`", "$a$ | b"])
    options = [
        paragraph,
        paragraph.map(lambda p: "## " + p.split("\n")[0]),
        paragraph.map(lambda p: "- " + p.replace("\n", "\n  ") + "\n- " + p.split("\n")[0]),
        paragraph.map(lambda p: "> " + p.replace("\n", "\n> ")),
        st.lists(code_line, min_size=1, max_size=3).map(lambda lines: "```\n" + "\n".join(lines) + "\n```"),
        st.lists(code_line, min_size=1, max_size=3).map(lambda lines: "\n".join("    " + x for x in lines)),
    ]
    if risky:
        options += [
            paragraph.map(lambda p: "### " + p.split("\n")[0]),
            paragraph.map(lambda p: "#### " + p.split("\n")[0]),
            st.just("<div>HTML</div>"),
            st.just("```{=typst}\n#pagebreak()\n```"),
            st.just("~~~\nnicht geschlossen"),
        ]
    return st.one_of(options)


def bodies(risky: bool) -> st.SearchStrategy[str]:
    pieces = SAFE_INLINE + (RISKY_INLINE if risky else [])
    first = _paragraph(pieces)
    rest = st.lists(_blocks(pieces, risky), max_size=5)
    return st.tuples(first, rest).map(lambda parts: "\n\n".join([parts[0], *parts[1]]) + "\n")


TITLE_CHARS = st.sampled_from([*"abcÄÖÜäöüß \"'„“:#*[]()!?&–-€é", "[[BIL-M01]]", "Expert*innen"])
titles = st.lists(TITLE_CHARS, min_size=1, max_size=20).map("".join).filter(lambda t: t.strip() != "")


@pytest.fixture(scope="module")
def plan_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("eigenschaften") / "plan"
    shutil.copytree(MINI, root)
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def write(root: Path, body: str, titel: str, antrag: str) -> None:
    """Put the generated values into the plan, starting each time from the files of the mini plan."""
    original = (MINI / MEASURE).read_text(encoding="utf-8")
    front, _ = original.split("\n---\n", 1)
    front = front.replace("titel: Lernpatenschaften", f"titel: {json.dumps(titel, ensure_ascii=False)}")
    (root / MEASURE).write_text(f"{front}\n---\n{body}", encoding="utf-8")
    drucksache = (MINI / DRUCKSACHE).read_text(encoding="utf-8")
    assert ANTRAG in drucksache
    replaced = drucksache.replace(ANTRAG, f"antrag: {json.dumps(antrag, ensure_ascii=False)}")
    (root / DRUCKSACHE).write_text(replaced, encoding="utf-8")


def lip(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--plan", str(root), *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


@settings(max_examples=100, deadline=None, derandomize=True, database=None)
@given(body=bodies(risky=True), titel=titles, antrag=bodies(risky=True))
def test_validate_never_fails_with_a_traceback(plan_root: Path, body: str, titel: str, antrag: str) -> None:
    write(plan_root, body, titel, antrag.strip())
    code, output = lip(plan_root, "validate")
    assert code in (0, 1), output
    assert "Traceback" not in output and "Interner Fehler" not in output, output


@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.generate],  # shrinking a build takes many minutes; the report shows the texts
)
@given(
    body=bodies(risky=False),
    titel=titles,
    antrag=_paragraph([*SAFE_INLINE, "![Karte](../handlungsfelder/bildung/bilder/sprachcafe.png)"]),
)
def test_a_plan_that_validates_builds_site_pdf_and_docx(plan_root: Path, body: str, titel: str, antrag: str) -> None:
    write(plan_root, body, titel, antrag)
    result = load_plan(plan_root)
    assume(not result.diagnostics.has_errors)
    code, output = lip(plan_root, "build", "-q")
    assert code == 0, f"{output}\n--- Text:\n{body}\n--- Titel: {titel!r}\n--- Antrag: {antrag!r}"
    assert (plan_root / "site" / "massnahmen" / "bil-m02" / "index.html").is_file()
    assert sorted(p.suffix for p in (plan_root / "dist").iterdir() if p.is_file()) == [".docx", ".pdf"]
    assert (plan_root / "dist" / "daten" / "plan.json").is_file()
