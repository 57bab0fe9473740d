"""The website, checked on the built files: one page per element, the catalogue, text links, German
formats, the gender star everywhere (search index included), links that resolve, and the footer."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest

from lip_build.outputs.site import markup as mk
from lip_build.outputs.site.pages_massnahme import VERLAUF_SPALTEN
from lip_build.outputs.site.pagetree import relative
from lip_build.view.formats import euro
from lip_build.view.formats import zahl as _zahl
from lip_build.view.plantext import label
from lip_build.view.steckbrief import field_label
from tests.browser.sitebuild import BuiltSite, built_site, public_pages


@pytest.fixture(scope="module")
def built() -> BuiltSite:
    return built_site()


def page(built: BuiltSite, path: str) -> str:
    return (built.site / path / "index.html").read_text(encoding="utf-8")


def test_every_handlungsfeld_goal_and_measure_has_a_page(built: BuiltSite) -> None:
    plan = built.plan
    for item in (*plan.handlungsfelder, *plan.ziele, *plan.massnahmen):
        html = page(built, mk.path_of(item))
        title = item.name if hasattr(item, "name") else item.titel
        assert title in html.replace("&amp;", "&"), mk.path_of(item)
    assert len(list((built.site / "massnahmen").glob("*/index.html"))) == len(plan.massnahmen)
    assert len(list((built.site / "ziele").glob("*/index.html"))) == len(plan.ziele)


def test_handlungsfeld_key_facts_name_the_expert_group_once(built: BuiltSite) -> None:
    for feld in built.plan.handlungsfelder:
        facts = page(built, mk.path_of(feld)).split('<ul class="lip-keyfacts">', 1)[1].split("</ul>", 1)[0]
        gruppe = built.plan.gremium(feld.expertengruppe)
        assert gruppe.name.startswith("Expert*innengruppe")
        assert f">{gruppe.name}</a>" in facts
        assert facts.count("Expert*innengruppe") == 1, facts


def test_catalogue_lists_every_measure_in_display_order(built: BuiltSite) -> None:
    html = page(built, mk.KATALOG)
    ids = re.findall(r'<span class="lip-id">([A-Z]{3}-M\d+)</span>', html)
    assert ids == [m.id for m in built.plan.massnahmen]
    rows = re.findall(r"<tr data-feld=", html)
    assert len(rows) == len(built.plan.massnahmen)
    assert '<form class="lip-filter" data-lip-filter hidden' in html  # appears only with JavaScript


def test_measure_page_has_fact_box_german_formats_and_goal_links(built: BuiltSite) -> None:
    plan = built.plan
    m = next(m for m in plan.massnahmen if m.entscheidung.datum and m.kosten)
    html = page(built, mk.path_of(m))
    assert f"Maßnahme {plan.nummer(m.id)}" in html
    for key in ("federfuehrung", "partner", "zeitraum", "kosten", "entscheidung", "umsetzung", "zielgruppen"):
        assert f"<dt>{field_label('massnahme', key)}</dt>" in html  # the Steckbrief's labels are the schema's
    assert m.entscheidung.datum is not None
    assert m.entscheidung.datum.strftime("%d.%m.%Y") in html
    betrag = m.kosten[0].betrag
    assert euro(betrag) in html
    for ziel_id in m.ziele:
        assert f'href="../../ziele/{ziel_id.lower()}/"' in html
    assert "Änderung vorschlagen" not in html  # the shipped plan names no repository


def test_measure_page_shows_its_course_as_a_table_and_a_measure_without_one_shows_none(built: BuiltSite) -> None:
    plan = built.plan
    m = next(m for m in plan.massnahmen if any(e.gruende for e in m.umsetzung.verlauf))
    html = page(built, mk.path_of(m)).replace("&amp;", "&")
    table = html.split("<caption>Verlauf der Umsetzung, ältester Stand zuerst</caption>", 1)[1].split("</table>", 1)[0]
    head = re.findall(r'<th scope="col">([^<]+)</th>', table)
    assert head == [field_label("massnahme", f"umsetzung.verlauf[].{k}") for k in VERLAUF_SPALTEN]
    rows = re.findall(r'<tr>\s*<th scope="row">(\d\d\.\d\d\.\d{4})</th>', table)
    assert rows == [e.datum.strftime("%d.%m.%Y") for e in m.umsetzung.verlauf]
    for e in m.umsetzung.verlauf:
        assert e.erledigt in table and (e.naechste_schritte or "–") in table
        assert not e.gruende or f"Gründe: {e.gruende}" in table
    without = next(m for m in plan.massnahmen if not m.umsetzung.verlauf)
    assert "Verlauf der Umsetzung" not in page(built, mk.path_of(without))


def test_text_links_show_number_and_title_and_point_to_the_item(built: BuiltSite) -> None:
    plan = built.plan
    source = next(m for m in plan.massnahmen if "[[" in m.text.source)
    target_id = re.search(r"\[\[\s*([A-Z]{3}-[ZM]\d+)\s*\]\]", source.text.source)
    assert target_id is not None
    target = plan.massnahme(target_id.group(1)) if "-M" in target_id.group(1) else plan.ziel(target_id.group(1))
    html = page(built, mk.path_of(source))
    link = re.search(rf'<a href="([^"]+)">{re.escape(label(plan, target))}</a>', html)
    assert link is not None, label(plan, target)
    assert link.group(1) == relative(mk.path_of(source), mk.path_of(target))
    resolved = (built.site / mk.path_of(source) / link.group(1) / "index.html").resolve()
    assert resolved == (built.site / mk.path_of(target) / "index.html").resolve()
    assert "[[" not in html


def test_gender_star_is_literal_in_titles_navigation_text_and_search_index(built: BuiltSite) -> None:
    gruppe = next(g for g in built.plan.gremien if "*" in g.name)
    html = page(built, mk.path_of(gruppe))
    assert f"<title>{gruppe.name} – " in html
    assert f"<h1>{gruppe.name}</h1>" in html
    zielgruppe = next(z for z in built.plan.zielgruppen if "*" in z.name)
    navigation = page(built, mk.ZIELGRUPPEN).split('class="md-content"')[0]
    assert zielgruppe.name in navigation
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [d["title"] for d in index["docs"]]
    assert gruppe.name in titles
    everything = json.dumps(index, ensure_ascii=False)
    assert "*innen" in everything
    assert "<em>innen" not in everything and "\\\\*" not in everything
    for html_file in built.site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert not re.search(r"[a-zäöü]<em>[a-zäöü]", text), html_file


def test_footer_shows_version_and_legal_pages_on_every_page(built: BuiltSite) -> None:
    for html_file in public_pages(built.site):
        text = html_file.read_text(encoding="utf-8")
        for name in ("Impressum", "Datenschutz", "Barrierefreiheit", "Leichte Sprache"):
            assert f">{name}</a>" in text, (html_file, name)
        assert "ohne Git" in text or "Stand " in text or "Version " in text
    barrierefreiheit = page(built, mk.BARRIEREFREIHEIT)
    assert "Feedback und Kontakt" in barrierefreiheit and "mailto:" in barrierefreiheit
    assert 'href="leichte-sprache/"' in page(built, "")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.targets.append(value)


def test_every_internal_link_resolves_and_nothing_is_loaded_from_elsewhere(built: BuiltSite) -> None:
    broken = []
    external_assets = []
    for html_file in built.site.rglob("*.html"):
        if html_file.name == "404.html":  # served at any address, so MkDocs writes absolute links there
            continue
        parser = _Links()
        text = html_file.read_text(encoding="utf-8")
        parser.feed(text)
        for target in parser.targets:
            parts = urlsplit(target)
            if parts.scheme in ("http", "https", "mailto", "tel") or target.startswith("#"):
                continue
            path = unquote(parts.path)
            resolved = (html_file.parent / path).resolve() if path else html_file
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.exists():
                broken.append((str(html_file.relative_to(built.site)), target))
        external_assets += re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?://[^"]+)"', text)
    assert broken == []
    assert external_assets == []


def _wide_charts(html: str) -> str:
    """The page without the narrow drawings for phones (charts.NARROW); each wide chart must have one."""
    narrow = re.findall(r'<div class="lip-chart-schmal">(<svg .*?</svg>)</div>', html, re.S)
    wide = re.sub(r'<div class="lip-chart-schmal">.*?</div>', "", html, flags=re.S)
    assert len(narrow) == wide.count('<svg class="lip-chart') and all('-schmal-title"' in n for n in narrow)
    return wide


def test_status_overview_has_charts_with_text_alternatives_and_tables(built: BuiltSite) -> None:
    html = _wide_charts(page(built, mk.STATUS))
    charts = re.findall(r'<svg class="lip-chart"[^>]*role="img"[^>]*aria-labelledby="([^"]+)"', html)
    fields = len(built.plan.handlungsfelder)  # and per Handlungsfeld the course over time, from Git
    assert len(charts) == 3 + fields
    assert [c for c in charts if c.startswith("chart-verlauf-")] == [
        f"chart-verlauf-{f.code}-title chart-verlauf-{f.code}-desc" for f in built.plan.handlungsfelder
    ]
    for ids in charts:
        for element_id in ids.split():
            assert f'id="{element_id}"' in html
    assert html.count("<table") == 3 + fields
    totals = re.findall(r"<tfoot><tr><th scope=\"row\">Gesamt</th>(.*?)</tr>", html)
    umsetzung = sum(int(n) for n in re.findall(r">(\d+)</td>", totals[0]))
    assert umsetzung == len(built.plan.massnahmen)


def test_built_site_is_german(built: BuiltSite) -> None:
    start = page(built, "")
    assert '<html lang="de"' in start
    assert "Suche" in start
    config = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["lang"] == ["de"]
    assert "stemmer" in config["pipeline"]


def test_no_generator_banner_and_search_dialog_has_a_name(built: BuiltSite) -> None:
    start = page(built, "")
    assert "Made with" not in start
    assert 'role="dialog" aria-label="Suche"' in start
    assert "fonts.googleapis" not in start and "fonts.gstatic" not in start


def test_downloads_from_dist_are_offered_when_present(built: BuiltSite) -> None:
    # the shared build has no dist/: the start page says so instead of showing dead links
    assert "sobald sie erstellt ist" in page(built, "")


def test_site_fragments_ship_as_package_data() -> None:
    """`pip install .` (scripts/bauen.sh) copies only declared package data; every fragment must be declared."""
    import fnmatch
    import tomllib
    from pathlib import Path

    from lip_build.outputs.site import fragments

    repo = Path(__file__).resolve().parent.parent
    config = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["lip_build.outputs.site"]
    package = Path(fragments.__file__).resolve().parent
    files = sorted(p.relative_to(package).as_posix() for p in fragments.FRAGMENTS.iterdir() if p.is_file())
    assert files and fragments.FRAGMENTS.is_relative_to(package)
    assert [f for f in files if not any(fnmatch.fnmatch(f, pattern) for pattern in patterns)] == []


def test_goal_page_charts_each_indicator_from_baseline_over_values_to_target(built: BuiltSite) -> None:
    ziel = next(z for z in built.plan.ziele if any(k.werte for k in z.kennzahlen))
    html = _wide_charts(page(built, mk.path_of(ziel)))
    charts = re.findall(r'<svg class="lip-chart lip-chart--klein"[^>]*role="img"[^>]*aria-labelledby="([^"]+)"', html)
    assert len(charts) == len(ziel.kennzahlen)
    for ids in charts:
        assert all(f'id="{element_id}"' in html for element_id in ids.split())
    k = ziel.kennzahlen[0]
    section = html[html.index('id="kennzahl-1"') :].split("</section>")[0]
    rows = re.findall(r'<tr><th scope="row">(\d{4})</th><td class=lip-num>([^<]+)</td><td>([^<]+)', section)
    expected = [
        (str(k.ausgangsjahr), f"{_zahl(k.ausgangswert)} {k.einheit}", "Ausgangswert"),
        *((str(w.jahr), f"{_zahl(w.wert)} {k.einheit}", "gemessen") for w in k.werte),
        (str(k.zieljahr), f"{_zahl(k.zielwert)} {k.einheit}", "Zielwert"),
    ]
    assert rows == expected
    points = re.findall(r"<circle [^>]*><title>(\d{4}): ", section)
    assert points == [r[0] for r in expected]  # baseline, every measured value, target
    assert section.count('stroke-dasharray="6 4"') == 1  # the way still to go, to the target


def test_search_indexes_the_items_not_the_overviews_that_list_them(built: BuiltSite) -> None:
    """Catalogue, status, the overviews and the start page repeat what the pages of measures, goals and
    fields say; indexed, the catalogue was the top hit for "Maßnahme Kita" as one run of table cells. Lists of
    links and breadcrumbs on the item pages are left out too."""
    from lip_build.outputs.site.pages import OVERVIEWS

    docs = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pages = {d["location"].split("#")[0] for d in docs}
    assert {mk.KATALOG, mk.STATUS, mk.ZIELE, mk.FELDER, mk.START} <= OVERVIEWS
    assert pages.isdisjoint(OVERVIEWS), sorted(pages & OVERVIEWS)
    plan = built.plan
    for item in (*plan.massnahmen, *plan.ziele, *plan.handlungsfelder, *plan.gremien):
        assert mk.path_of(item) in pages, mk.path_of(item)
    assert mk.path_of_kapitel(plan.kapitel[0]) in pages
    measure = plan.massnahmen[0]
    first = next(d for d in docs if d["location"] == mk.path_of(measure))
    assert measure.titel in first["text"] and "<li>Handlungsfelder</li>" not in first["text"]  # no breadcrumbs
    goal = next(d["text"] for d in docs if d["location"] == mk.path_of(plan.ziele[0]) + "#manahmen-zu-diesem-ziel")
    assert goal == ""  # the goal's list of measures: found on the measures' own pages
    # the pages themselves keep their markup; the attribute is for the indexer only
    assert "lip-crumbs" in page(built, mk.path_of(measure))
