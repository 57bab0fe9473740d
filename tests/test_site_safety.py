"""The website's defences and failure modes: HTML from texts is escaped (the validator rejects it too),
a failed build leaves site/ untouched, mkdocs.yml is checked, and the page tree stays engine-neutral."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import markdown
import pytest
import yaml
from click.testing import CliRunner

from lip_build.cli import cli
from lip_build.errors import BuildError
from lip_build.history.stamp import detect
from lip_build.model.plan import Plan
from lip_build.outputs.progress import Progress
from lip_build.outputs.site import build_site, site_tree
from lip_build.outputs.site.engine import render
from lip_build.outputs.site.mdsafe import end_marker, makeExtension, safe_url, start_marker
from lip_build.outputs.site.pages_massnahme import measure_page
from lip_build.outputs.site.pagetree import Html, Markdown, NavLink, Page, SiteTree, relative
from lip_build.outputs.site.settings import load_settings
from lip_build.pipeline import load_plan

SITE_PACKAGE = Path(__file__).resolve().parent.parent / "lip_build" / "site"
NONCE = "0123456789abcdef0123"


def _md(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", makeExtension(nonce=NONCE)])


def test_markdown_renderer_escapes_raw_html_and_unsafe_links() -> None:
    html = _md(
        "Text <script>alert(1)</script> und <b onclick='x()'>fett</b>\n\n"
        '<div onmouseover="x()">Block</div>\n\n'
        "[klick](javascript:alert(1)) [gut](../ziele/bil-z01/) [post](mailto:a@example.org)\n\n"
        "![Bild](data:text/html;base64,PHNjcmlwdD4=)"
    )
    assert "<script>" not in html and "<b " not in html and "<div " not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html and "data:text/html" not in html
    assert 'href="../ziele/bil-z01/"' in html and 'href="mailto:a@example.org"' in html


def test_only_html_marked_with_the_builds_key_passes() -> None:
    trusted = f'{start_marker(NONCE)}\n<section class="ok">lip</section>\n{end_marker(NONCE)}'
    forged = f'{start_marker("x" * 20)}\n<section class="bad">Text</section>\n{end_marker("x" * 20)}'
    html = _md(f"{trusted}\n\n{forged}")
    assert '<section class="ok">lip</section>' in html
    assert '<section class="bad">' not in html and "&lt;section" in html


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("../massnahmen/bil-m03/", True),
        ("https://example.org/a", True),
        ("mailto:a@example.org", True),
        ("bilder/a.png", True),
        ("?feld=BIL", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" java\tscript:alert(1)", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
    ],
)
def test_safe_url(url: str, safe: bool) -> None:
    assert safe_url(url) is safe


@pytest.mark.parametrize(
    ("source", "target", "link"),
    [
        ("", "massnahmen/bil-m03/", "massnahmen/bil-m03/"),
        ("massnahmen/bil-m03/", "massnahmen/bil-m04/", "../bil-m04/"),
        ("handlungsfelder/bildung/", "", "../../"),
        ("ziele/", "ziele/", "./"),
        ("massnahmen/", "downloads/plan.pdf", "../downloads/plan.pdf"),
    ],
)
def test_relative_links(source: str, target: str, link: str) -> None:
    assert relative(source, target) == link


def test_validator_rejects_html_in_texts(plan_copy: Path) -> None:
    measure = next((plan_copy / "handlungsfelder").rglob("massnahmen/*.md"))
    measure.write_text(measure.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    result = load_plan(plan_copy)
    assert result.plan is None
    assert any(d.code == "LIP403" for d in result.diagnostics.items)


def test_mkdocs_output_escapes_titles_and_texts_that_bypass_the_validator(plan_copy: Path, tmp_path: Path) -> None:
    evil = '<script>alert("t")</script> & "Co" Expert*innen'
    tree = SiteTree(
        pages=(
            Page("", "Start", (Html("<h1>Start</h1>"), Markdown("Hallo"))),
            Page(
                "boese/",
                evil,
                (Html("<h1>sicher</h1>"), Markdown("Text <script>alert(2)</script> [x](javascript:alert(3))")),
                description=evil,
            ),
        ),
        nav=(NavLink("", "Start"), NavLink("boese/", evil)),
        version="Stand test",
    )
    out = tmp_path / "out"
    out.mkdir()
    render(plan_copy, tree, out)
    html = (out / "boese" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "javascript:alert" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title is not None and "&lt;script&gt;" in title.group(1) and "Expert*innen" in title.group(1)
    description = re.search(r'<meta name="description" content="([^"]*)"', html)
    assert description is not None and "<" not in description.group(1)
    index = (out / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script>" not in json.dumps(json.loads(index), ensure_ascii=False)
    assert "Stand test" in html


def test_failed_mkdocs_step_leaves_previous_site_untouched(plan_copy: Path, shipped_plan: Plan) -> None:
    previous = plan_copy / "site"
    previous.mkdir()
    (previous / "index.html").write_text("vorher", encoding="utf-8")
    template = plan_copy / "templates" / "site" / "main.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n{% block kaputt %}\n", encoding="utf-8")
    with pytest.raises(BuildError, match="MkDocs konnte die Website nicht erstellen"):
        build_site(plan_copy, shipped_plan, detect(plan_copy, shipped_plan.info.stand), Progress(quiet=True))
    assert (previous / "index.html").read_text(encoding="utf-8") == "vorher"
    assert [p.name for p in plan_copy.iterdir() if p.name.startswith(".site")] == []


def test_invalid_plan_builds_nothing(plan_copy: Path) -> None:
    previous = plan_copy / "site"
    previous.mkdir()
    (previous / "index.html").write_text("vorher", encoding="utf-8")
    measure = next((plan_copy / "handlungsfelder").rglob("massnahmen/*.md"))
    measure.write_text(
        measure.read_text(encoding="utf-8").replace("ziele:\n", "ziele:\n  - XXX-Z99\n", 1), encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["--plan", str(plan_copy), "build", "--site"])
    assert result.exit_code == 1, result.output
    assert (previous / "index.html").read_text(encoding="utf-8") == "vorher"


def _edit_config(root: Path, change: object) -> None:
    path = root / "mkdocs.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_missing_legal_contact_data_is_a_clear_error(plan_copy: Path) -> None:
    _edit_config(plan_copy, lambda d: d["extra"]["lip"]["kontakt"].pop("email"))
    with pytest.raises(BuildError, match=r"mkdocs.yml: Der Eintrag „extra.lip.kontakt.email“ fehlt"):
        load_settings(plan_copy)


def test_plugins_that_download_are_refused(plan_copy: Path, tmp_path: Path) -> None:
    _edit_config(plan_copy, lambda d: d["plugins"].append("privacy"))
    tree = SiteTree((Page("", "Start", (Markdown("Hallo"),)),), (NavLink("", "Start"),))
    with pytest.raises(BuildError, match="privacy"):
        render(plan_copy, tree, tmp_path / "out")


def test_edit_link_uses_the_repository_and_the_source_file(shipped_plan: Plan) -> None:
    info = dataclasses.replace(shipped_plan.info, repository="https://github.com/stadt/lip")
    plan = dataclasses.replace(shipped_plan, info=info)
    m = plan.massnahmen[0]
    html = "".join(b.html for b in measure_page(plan, m).blocks if isinstance(b, Html))
    assert f'href="https://github.com/stadt/lip/edit/main/{m.quelle.pfad}"' in html
    assert "Änderung vorschlagen" in html


def test_downloads_in_dist_are_linked_from_the_start_page(plan_copy: Path, shipped_plan: Plan) -> None:
    (plan_copy / "dist").mkdir()
    (plan_copy / "dist" / "LIP-Drucksache.pdf").write_bytes(b"%PDF-1.7 test")
    tree = site_tree(plan_copy, shipped_plan, detect(plan_copy, shipped_plan.info.stand))
    start = "".join(b.html for b in tree.page("").blocks if isinstance(b, Html))
    assert 'href="downloads/LIP-Drucksache.pdf"' in start
    assert tree.files["downloads/LIP-Drucksache.pdf"] == plan_copy / "dist" / "LIP-Drucksache.pdf"
    assert "einzeln" not in start  # no parts built: no list of them


def test_downloads_say_what_they_hold(plan_copy: Path, shipped_plan: Plan) -> None:
    dist = plan_copy / "dist"
    dist.mkdir()
    names = [
        "LIP-2.0-Sachstandsbericht-2027-06-30.docx",
        "LIP-2.0-Drucksache-2610-2026.docx",
        "LIP-2.0-Sachstandsbericht-2027-06-30.pdf",
        "LIP-2.0-Drucksache-2610-2026.pdf",
        "Beschlussliste-lenkungsgruppe-2024-03-12.pdf",
        "notiz.pdf",
    ]
    for name in names:
        (dist / name).write_bytes(b"%PDF-1.7 test")
    tree = site_tree(plan_copy, shipped_plan, detect(plan_copy, shipped_plan.info.stand))
    start = "".join(b.html for b in tree.page("").blocks if isinstance(b, Html))
    sitzung = next(s for s in shipped_plan.sitzungen if s.id == "lenkungsgruppe-2024-03-12")
    assert re.findall(r"download=\"([^\"]+)\">([^<]+)</a>", start) == [
        ("Beschlussliste-lenkungsgruppe-2024-03-12.pdf", f"Beschlussliste: {sitzung.titel}"),
        ("LIP-2.0-Drucksache-2610-2026.pdf", "Drucksache Nr. 2610/2026 mit allen Anlagen (PDF)"),
        ("LIP-2.0-Drucksache-2610-2026.docx", "Drucksache Nr. 2610/2026 mit allen Anlagen (Word, zum Bearbeiten)"),
        ("LIP-2.0-Sachstandsbericht-2027-06-30.pdf", "Sachstandsbericht zum 30.06.2027 (PDF)"),
        ("LIP-2.0-Sachstandsbericht-2027-06-30.docx", "Sachstandsbericht zum 30.06.2027 (Word, zum Bearbeiten)"),
        ("notiz.pdf", "notiz.pdf"),  # a file lip did not write keeps its name
    ]


def test_the_parts_set_on_their_own_follow_the_whole_drucksache(plan_copy: Path, shipped_plan: Plan) -> None:
    dist = plan_copy / "dist"
    (dist / "einzeln").mkdir(parents=True)
    (dist / "LIP-D.pdf").write_bytes(b"%PDF-1.7 ganz")
    for name in ("LIP-D-Anlage-2.pdf", "LIP-D-ohne-Anlagen.pdf", "LIP-D-Anlage-1.pdf"):
        (dist / "einzeln" / name).write_bytes(b"%PDF-1.7 Teil")
    tree = site_tree(plan_copy, shipped_plan, detect(plan_copy, shipped_plan.info.stand))
    start = "".join(b.html for b in tree.page("").blocks if isinstance(b, Html))
    links = re.findall(r'href="(downloads/[^"]+)"', start)
    assert links == [
        "downloads/LIP-D.pdf",
        "downloads/einzeln/LIP-D-ohne-Anlagen.pdf",
        "downloads/einzeln/LIP-D-Anlage-1.pdf",
        "downloads/einzeln/LIP-D-Anlage-2.pdf",
    ]
    assert all(tree.files[link] == dist / link.removeprefix("downloads/") for link in links)


def test_page_tree_does_not_depend_on_mkdocs() -> None:
    engine_modules = {"engine.py", "serve.py"}
    for module in SITE_PACKAGE.glob("*.py"):
        if module.name in engine_modules:
            continue
        source = module.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import) mkdocs", source, re.M), module.name
        assert "material" not in re.findall(r"^\s*(?:from|import) (\w+)", source, re.M), module.name


def test_images_in_texts_are_copied_and_linked_relative_to_the_page(shipped_plan: Plan) -> None:
    from lip_build.load.markdown import parse
    from lip_build.outputs.site.files import linked_files, rewrite

    source = "handlungsfelder/bildung/massnahmen/BIL-M03.md"
    text = parse(
        "![Karte der Standorte](../bilder/karte.png) und [Bericht](bericht.pdf) und [extern](https://example.org)", 1
    )
    rewritten = rewrite(text, source, "massnahmen/bil-m03/")
    assert "![Karte der Standorte](../../dateien/handlungsfelder/bildung/bilder/karte.png)" in rewritten
    assert "[Bericht](../../dateien/handlungsfelder/bildung/massnahmen/bericht.pdf)" in rewritten
    assert "[extern](https://example.org)" in rewritten
    m = dataclasses.replace(
        shipped_plan.massnahmen[0],
        text=text,
        quelle=dataclasses.replace(shipped_plan.massnahmen[0].quelle, pfad=source),
    )
    plan = dataclasses.replace(shipped_plan, massnahmen=(m, *shipped_plan.massnahmen[1:]))
    assert linked_files(plan) == {
        "handlungsfelder/bildung/bilder/karte.png",
        "handlungsfelder/bildung/massnahmen/bericht.pdf",
    }
