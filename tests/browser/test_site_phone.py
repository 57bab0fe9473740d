"""The website as residents meet it on a phone (issue 10): catalogue and Kennzahlen as cards, tables that
scroll say so, the keyboard never lands in the closed drawer, one opaque skip link, a German 404 page, and
one "Stand" (the plan's) in the footer. (320 px, layout shift and axe at 375 px for every page type:
test_site_pages.py.)"""

from __future__ import annotations

from typing import Any

import pytest

from lip_build.outputs.site import markup as mk
from lip_build.view.formats import plan_stand

from .conftest import Site, run_axe


def test_catalogue_is_one_card_per_measure_on_a_phone(open_page: Any, site: Site) -> None:
    plan = site.built.plan
    page = open_page(mk.KATALOG, width=375, height=812)
    boxes = page.evaluate(
        """() => Array.from(document.querySelectorAll("[data-lip-katalog] tbody tr")).map(row => {
            const title = row.querySelector("th a").getBoundingClientRect();
            const money = row.querySelector("td.lip-num").getBoundingClientRect();
            return {left: title.left, right: Math.max(title.right, money.right), label:
                getComputedStyle(row.querySelector("td[data-label]"), "::before").content};
        })"""
    )
    assert len(boxes) == len(plan.massnahmen)
    assert all(b["left"] >= 0 and b["right"] <= 375 for b in boxes), boxes[:3]
    assert boxes[0]["label"] == '"Handlungsfeld: "'
    assert page.locator("[data-lip-scrolls]").count() == 0  # nothing in the catalogue scrolls sideways
    # sorting stays possible: the sort buttons are a visible row above the cards
    button = page.get_by_role("button", name="Maßnahme", exact=True)
    assert button.is_visible()
    button.click()
    assert page.locator("th[aria-sort='ascending']").inner_text().strip() == "Maßnahme"


def test_a_status_table_that_scrolls_says_so_and_is_reached_by_keyboard(open_page: Any, site: Site) -> None:
    page = open_page(mk.STATUS, width=375, height=812)
    scrolling = page.locator(".lip-table-wrap[data-lip-scrolls]")
    assert scrolling.count() >= 1
    wrap = scrolling.first
    assert wrap.get_attribute("tabindex") == "0"
    hint = wrap.evaluate("el => getComputedStyle(el, '::before').content")
    assert hint == '"Tabelle seitlich verschiebbar →"'
    wrap.evaluate("el => { el.scrollLeft = 400; }")
    first = wrap.locator("tbody th").first.bounding_box()
    box = wrap.bounding_box()
    assert first is not None and box is not None and abs(first["x"] - box["x"]) < 2  # the first column stays
    # on a wide screen the same tables fit and need no hint
    wide = open_page(mk.STATUS)
    assert wide.locator(".lip-table-wrap[data-lip-scrolls]").count() == 0


def test_keyboard_never_lands_in_the_closed_drawer_on_a_phone(open_page: Any, site: Site) -> None:
    page = open_page(mk.path_of(site.built.plan.massnahmen[0]), width=375, height=812)
    for _ in range(12):
        page.keyboard.press("Tab")
        where = page.evaluate(
            """() => { const e = document.activeElement, r = e.getBoundingClientRect();
                return {drawer: !!e.closest(".md-sidebar--primary"), search: !!e.closest(".md-search"),
                        inView: r.right > 0 && r.left < innerWidth, text: e.textContent.trim().slice(0, 40)}; }"""
        )
        if where["search"]:  # the search field opens the search, in view
            continue
        assert not where["drawer"] and where["inView"], where


def test_one_opaque_skip_link_and_a_light_focus_ring_on_the_dark_top_bar(open_page: Any, site: Site) -> None:
    page = open_page(mk.KATALOG, width=375, height=812)
    assert page.locator("a[href='#inhalt'], a.md-skip").count() == 1
    page.keyboard.press("Tab")
    skip = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return [s.backgroundColor, s.opacity]; }"
    )
    assert skip == ["rgb(28, 33, 39)", "1"]
    page.keyboard.press("Tab")
    ring = page.evaluate(
        """() => { const e = document.activeElement, s = getComputedStyle(e);
            return [e.closest(".lip-topbar") !== null, s.outlineColor, s.outlineStyle]; }"""
    )
    assert ring == [True, "rgb(255, 255, 255)", "solid"]  # white on #1c2127: 16:1


def test_the_404_page_is_german_with_search_links_and_a_working_skip_link(open_page: Any, site: Site) -> None:
    page = open_page("404.html", width=375, height=812)
    assert page.locator("h1").inner_text() == "Seite nicht gefunden"
    for name in ("Startseite", "Maßnahmenkatalog: alle Maßnahmen", "Stand der Umsetzung"):
        assert page.get_by_role("link", name=name, exact=True).count() == 1
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"
    assert run_axe(page) == []
    page.get_by_role("button", name="Im Plan suchen").click()
    page.locator("input.md-search__input").wait_for(state="visible")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")


def test_the_footer_names_the_plans_version_and_the_commit_only_in_the_metadata(site: Site) -> None:
    info = site.built.plan.info
    for name in ("index.html", "404.html", f"{mk.KATALOG}index.html"):
        text = (site.built.site / name).read_text(encoding="utf-8")
        assert f'<p class="lip-footer__version">{plan_stand(info.version, info.stand)}</p>' in text
        assert '<meta name="lip-herkunft" content="Commit ' in text
        assert "Commit" not in text.split('<footer class="md-footer">')[1]


def test_search_hits_list_no_missing_words_for_words_that_matched(open_page: Any, site: Site) -> None:
    """Material compared the typed word ("Förderung") with the matched stem ("forderung") and showed
    "Es fehlt: förderung" under almost every hit; the measure with the word comes first."""
    from .test_site_browser import _open_search, _unique_word

    word, measure = _unique_word(site.built.plan)
    for query in (word, "Förderung"):
        page = open_page("", width=375, height=812)
        _open_search(page, query)
        results = page.locator(".md-search-result__item")
        results.first.wait_for(timeout=10_000)
        if query == word:
            first = page.locator(".md-search-result__item a").first.get_attribute("href") or ""
            assert f"massnahmen/{measure.lower()}/" in first, (word, first)
        assert "Es fehlt" not in page.locator(".md-search-result").inner_text(), query


# Rendered size of every visible chart text (CSS font size times the SVG's scale) and whether it lies within
# its chart.
CHART_TEXT = """() => Array.from(document.querySelectorAll("svg.lip-chart text"))
    .filter(t => t.getBoundingClientRect().width > 0)
    .map(t => { const m = t.getScreenCTM(), r = t.getBoundingClientRect(),
                      box = t.closest("svg").getBoundingClientRect();
        return {text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
                inside: r.left >= box.left - 1 && r.right <= box.right + 1}; })"""


@pytest.mark.parametrize("width", [320, 1280])
def test_chart_text_is_at_least_12_px_and_within_the_chart(open_page: Any, site: Site, width: int) -> None:
    """At 320 px the wide drawing would shrink 12 px text to 5 px; phones get the narrow drawing instead."""
    goal = next(z for z in site.built.plan.ziele if any(k.werte for k in z.kennzahlen))
    for path in (mk.STATUS, mk.path_of(goal)):
        page = open_page(path, width=width, height=800)
        texts = page.evaluate(CHART_TEXT)
        assert len(texts) > 10, path
        small = [t for t in texts if t["size"] < 12 or not t["inside"]]
        assert small == [], (path, small[:5])
        shown = page.locator("svg.lip-chart:visible").count()
        assert shown == page.locator("figure.lip-figure__chart").count()  # one drawing of each chart
