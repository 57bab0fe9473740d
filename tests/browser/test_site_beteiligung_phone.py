"""The participation pages in a real browser (issue 13): on a 375 px phone every table row of the
decision histories, statement points and overviews is a card inside the screen, no page scrolls
sideways; on a 1280 px screen the same tables fit without scrolling; axe finds nothing."""

from __future__ import annotations

from typing import Any

import pytest

from lip_build.outputs.site import markup as mk

from .conftest import Site, run_axe


def _paths(site: Site) -> dict[str, str]:
    plan = site.built.plan
    measure = max(plan.massnahmen, key=lambda m: (len(plan.beschluesse_zu(m.id)), len(plan.punkte_zu(m.id))))
    return {
        "Beteiligung": mk.BETEILIGUNG,
        "Sitzung": mk.path_of(max(plan.sitzungen, key=lambda x: len(x.beschluesse))),
        "Stellungnahme": mk.path_of(plan.stellungnahmen[0]),
        "Maßnahme": mk.path_of(measure),
    }


CARDS = """() => Array.from(document.querySelectorAll("table.lip-beteiligung tbody tr")).map(row => {
    const box = row.getBoundingClientRect();
    return {display: getComputedStyle(row).display, left: box.left, right: box.right,
            label: getComputedStyle(row.querySelector("td[data-label]"), "::before").content};
})"""


@pytest.mark.parametrize("kind", ["Beteiligung", "Sitzung", "Stellungnahme", "Maßnahme"])
def test_participation_tables_are_cards_on_a_phone(open_page: Any, site: Site, kind: str) -> None:
    page = open_page(_paths(site)[kind], width=375, height=812)
    cards = page.evaluate(CARDS)
    assert cards, kind
    assert all(c["display"] == "block" and c["left"] >= 0 and c["right"] <= 375 for c in cards), cards[:3]
    assert all(c["label"].endswith(': "') for c in cards)  # every value names its column
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 375
    assert page.locator("[data-lip-scrolls]").count() == 0


@pytest.mark.parametrize("kind", ["Beteiligung", "Sitzung", "Stellungnahme", "Maßnahme"])
def test_participation_tables_fit_a_wide_screen(open_page: Any, site: Site, kind: str) -> None:
    page = open_page(_paths(site)[kind], width=1280, height=900)
    assert page.locator("table.lip-beteiligung").count() >= 1
    assert page.locator("[data-lip-scrolls]").count() == 0  # no table needs sideways scrolling


@pytest.mark.parametrize("kind", ["Beteiligung", "Sitzung", "Stellungnahme", "Maßnahme"])
def test_participation_pages_have_no_axe_violations(open_page: Any, site: Site, kind: str) -> None:
    for width in (375, 1280):
        page = open_page(_paths(site)[kind], width=width, height=812)
        assert run_axe(page) == [], width
