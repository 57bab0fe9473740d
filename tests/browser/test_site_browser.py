"""The website in a real Chromium: the change history by keyboard, no third-party requests, catalogue
filters, sorting by keyboard, search, and the catalogue without JavaScript. (axe-core over every page,
320 px and layout shift of every page type: test_site_pages.py.)"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from lip_build.model.plan import Plan
from lip_build.outputs.site import markup as mk

from .conftest import Site, is_local, run_axe


def test_change_history_opens_by_keyboard_and_has_no_axe_violations(open_page: Any, site: Site) -> None:
    """A measure changed after the tag: "Zuletzt geändert" is visible, the history opens with the keyboard."""
    measure = next(m for m in site.built.plan.massnahmen if m.quelle.pfad == site.built.measure)
    page = open_page(mk.path_of(measure))
    assert page.locator(".lip-history__last").inner_text() == "Zuletzt geändert am 15.10.2026"
    entries = page.locator(".lip-history__list li")
    assert not entries.first.is_visible()
    summary = page.locator("details.lip-history__details summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert entries.count() == 2 and entries.first.is_visible()
    assert entries.first.inner_text().startswith("15.10.2026")
    assert run_axe(page) == []


def test_changes_page_is_reached_from_the_start_page(open_page: Any, site: Site) -> None:
    page = open_page("")
    page.get_by_role("link", name="Änderungen seit Version v2.0").first.click()
    page.wait_for_url("**/aenderungen/")
    assert page.locator("h1").inner_text() == "Änderungen seit Version v2.0"
    assert page.locator("article.lip-synopse-element").count() == 2
    assert page.locator(".lip-synopse ins").count() >= 1


def _visible_rows(page: Any) -> list[dict[str, str]]:
    return page.evaluate(
        """() => Array.from(document.querySelectorAll("[data-lip-katalog] tbody tr"))
            .filter(row => !row.hidden)
            .map(row => ({id: row.querySelector(".lip-id").textContent, feld: row.dataset.feld,
                          umsetzung: row.dataset.umsetzung}))"""
    )


def test_catalogue_filters_work_and_stay_accessible(open_page: Any, site: Site) -> None:
    plan = site.built.plan
    feld = plan.handlungsfelder[1]
    page = open_page(mk.KATALOG)
    assert len(_visible_rows(page)) == len(plan.massnahmen)

    page.locator("#filter-feld").select_option(feld.code)
    expected = [m.id for m in plan.massnahmen if m.handlungsfeld == feld.code]
    assert [r["id"] for r in _visible_rows(page)] == expected
    assert (
        page.locator("[data-lip-count]").inner_text()
        == f"{len(expected)} von {len(plan.massnahmen)} Maßnahmen angezeigt"
    )
    assert f"feld={feld.code}" in page.url

    status = Counter(m.umsetzung.status for m in plan.massnahmen if m.handlungsfeld == feld.code).most_common(1)[0][0]
    page.locator("#filter-umsetzung").select_option(status)
    both = [m.id for m in plan.massnahmen if m.handlungsfeld == feld.code and m.umsetzung.status == status]
    assert [r["id"] for r in _visible_rows(page)] == both
    assert run_axe(page) == []

    # a shared address opens the same filtered view
    shared = open_page(f"{mk.KATALOG}?feld={feld.code}&umsetzung={status}")
    assert [r["id"] for r in _visible_rows(shared)] == both

    page.get_by_role("button", name="Filter zurücksetzen").click()
    page.wait_for_function(
        f"document.querySelectorAll('[data-lip-katalog] tbody tr:not([hidden])').length === {len(plan.massnahmen)}"
    )


def test_catalogue_sorts_by_keyboard(open_page: Any, site: Site) -> None:
    plan = site.built.plan
    page = open_page(mk.KATALOG)
    button = page.get_by_role("button", name="Maßnahme", exact=True)
    button.focus()
    page.keyboard.press("Enter")
    titles = page.evaluate(
        "() => Array.from(document.querySelectorAll('[data-lip-katalog] tbody th a')).map(a => a.textContent)"
    )
    assert titles == sorted((m.titel for m in plan.massnahmen), key=lambda t: _german_key(t))
    assert page.locator("th[aria-sort='ascending']").inner_text().strip() == "Maßnahme"


def _german_key(text: str) -> str:
    table = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "Ä": "a", "Ö": "o", "Ü": "u"})
    return text.translate(table).lower()


def test_catalogue_is_a_complete_table_without_javascript(open_page: Any, site: Site) -> None:
    page = open_page(mk.KATALOG, javascript=False)
    assert page.locator("[data-lip-katalog] tbody tr").count() == len(site.built.plan.massnahmen)
    assert not page.locator("form.lip-filter").is_visible()
    assert page.locator("[data-lip-katalog] tbody tr:visible").count() == len(site.built.plan.massnahmen)


def _unique_word(plan: Plan) -> tuple[str, str]:
    """A word from one measure's text that no other text of the plan contains."""
    words = {m.id: set(re.findall(r"\b[A-Za-zÄÖÜäöüß]{9,}\b", m.text.source)) for m in plan.massnahmen}
    others = " ".join(
        [z.text.source + z.titel for z in plan.ziele]
        + [f.text.source + f.kurzfassung for f in plan.handlungsfelder]
        + [k.text.source for k in plan.kapitel]
        + [m.titel for m in plan.massnahmen]
    )
    for m in plan.massnahmen:
        rest = set().union(*(w for i, w in words.items() if i != m.id))
        for word in sorted(words[m.id]):
            if word not in rest and word.lower() not in others.lower():
                return word, m.id
    raise AssertionError("Kein Wort gefunden, das nur in einer Maßnahme vorkommt")


def _open_search(page: Any, query: str) -> None:
    """Open the search dialog the way a keyboard user does (the "/" key) and type the query."""
    page.keyboard.press("/")
    field = page.locator("input.md-search__input")
    field.wait_for(state="visible")
    field.press_sequentially(query, delay=20)


def test_search_finds_a_measure_by_a_word_from_its_text(open_page: Any, site: Site) -> None:
    word, measure = _unique_word(site.built.plan)
    page = open_page("")
    _open_search(page, word)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert any(f"massnahmen/{measure.lower()}/" in h for h in hrefs), (word, hrefs)
    assert page.get_by_role("dialog", name="Suche").is_visible()
    assert run_axe(page) == []


def test_search_is_german_umlauts_and_word_stems(open_page: Any, site: Site) -> None:
    """An inflected form that is not in the text ("Lernräumen" for "Lernräume") still finds the measure."""
    plan = site.built.plan
    candidates = sorted(
        (word, m.id)
        for m in plan.massnahmen
        for word in set(re.findall(r"\b[A-ZÄÖÜ][a-zäöüß]*[äöü][a-zäöüß]*e\b", m.text.source))
        if len(word) >= 8 and word + "n" not in m.text.source
    )
    assert candidates, "Kein Wort mit Umlaut auf -e in den Maßnahmen gefunden"
    word, measure = candidates[0]
    page = open_page("")
    _open_search(page, word + "n")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert any(f"massnahmen/{measure.lower()}/" in h for h in hrefs), (word + "n", hrefs)


def test_keyboard_reaches_the_content_first(open_page: Any) -> None:
    page = open_page(mk.KATALOG)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Zum Inhalt springen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"


def test_no_request_leaves_127_0_0_1(open_page: Any, site: Site) -> None:
    """Fonts, scripts, the search worker and its index all come from the site itself. (Every other
    browser test checks its own pages the same way when it ends, in the open_page fixture.)"""
    site.requests.clear()
    page = open_page(mk.path_of(site.built.plan.massnahmen[0]))
    _open_search(page, "Sprache")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.wait_for_load_state("networkidle")
    requests = list(site.requests)
    assert any(url.endswith("search_index.json") for url in requests), requests
    assert any(url.endswith(".woff2") for url in requests), requests
    assert [u for u in requests if not is_local(u)] == []


def test_search_index_is_loaded_only_when_the_search_is_used(open_page: Any, site: Site) -> None:
    """The index (about 500 KiB) is not part of opening a page; focusing the search field asks for it."""
    site.requests.clear()
    page = open_page(mk.path_of(site.built.plan.massnahmen[0]))
    page.wait_for_load_state("networkidle")
    assert not any(url.endswith("search_index.json") for url in site.requests), site.requests
    assert any("/workers/" in url for url in site.requests)  # the search itself is ready to start
    page.locator("input.md-search__input").focus()
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim() !== ''")
    page.wait_for_load_state("networkidle")
    assert [url for url in site.requests if url.endswith("search_index.json")] != []


def _focused(page: Any) -> dict[str, Any]:
    return page.evaluate(
        """() => { const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
            return {search: !!e.closest(".md-search"), field: e.classList.contains("md-search__input"),
                    href: e.getAttribute("href") || "", visible: r.width > 0 && r.height > 0 &&
                    s.visibility === "visible" && r.bottom > 0 && r.top < innerHeight,
                    open: document.getElementById("__search").checked}; }"""
    )


@pytest.mark.parametrize("width", [1280, 375])
def test_search_field_by_keyboard(open_page: Any, site: Site, width: int) -> None:
    """Tab reaches the search field right after the skip link and the links of the top bar; the arrow keys
    walk the hits, Enter opens one; Tab leaves the search, closes it and lands on something visible."""
    word, measure = _unique_word(site.built.plan)

    def tab_to_the_field_and_search() -> Any:
        page = open_page(mk.path_of(site.built.plan.massnahmen[1]), width=width, height=812)
        for presses in range(1, 6):
            page.keyboard.press("Tab")
            where = _focused(page)
            assert where["visible"], (presses, where)
            if where["field"]:
                break
        assert where["field"] and presses <= 4, where  # skip link, "Leichte Sprache", (logo,) search field
        page.keyboard.type(word, delay=20)
        page.locator(".md-search-result__item a").first.wait_for(timeout=10_000)
        return page

    page = tab_to_the_field_and_search()
    page.keyboard.press("ArrowDown")
    first = _focused(page)
    assert first["search"] and f"massnahmen/{measure.lower()}/" in first["href"], first
    page.keyboard.press("ArrowUp")
    assert _focused(page)["field"]
    page.keyboard.press("Tab")
    after = _focused(page)
    assert not after["open"] and not after["search"] and after["visible"], after
    # the first hit, opened with Enter
    page = tab_to_the_field_and_search()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/massnahmen/{measure.lower()}/**")
