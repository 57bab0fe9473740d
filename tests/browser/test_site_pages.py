"""Every page of the built site in Chromium (issue 10): axe-core finds no violation of WCAG 2.2 AA on any
page at 1280 px, nor on one page of each page type at 375 px; at 320 px no page type is wider than the
screen (WCAG 1.4.10 Reflow), and no page type shifts its layout after load (CLS < 0.1) on a phone or a
desktop.

All pages run one after the other in one browser tab (with the browser's cache), axe-core added by an
init script before each page's own scripts: the check of 160+ pages takes one to three minutes, most of it
axe's own work.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .conftest import Site, axe_source, run_axe
from .sitebuild import public_pages

# Sums the layout shifts not caused by input into window.lipLayoutShift, from the start of the page on
# (buffered) and for as long as the page stays open.
CLS_COUNTER = """() => {
    window.lipLayoutShift = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) { if (!entry.hadRecentInput) window.lipLayoutShift += entry.value; }
    }).observe({type: "layout-shift", buffered: true});
}"""


def page_paths(site: Path) -> list[str]:
    """Every public page as a path below the site's address: "" for the start page, "massnahmen/" …"""
    paths = [p.parent.relative_to(site).as_posix() + "/" for p in public_pages(site)]
    return ["" if p == "./" else p for p in paths] + ["404.html"]


def page_type(path: str) -> str:
    """The kind of page a path is: the start page, the 404 page, a section's overview ("ziele/") or one
    page inside a section ("ziele/*")."""
    parts = path.strip("/").split("/")
    if path in ("", "404.html"):
        return path or "Startseite"
    return parts[0] + "/" if len(parts) == 1 else parts[0] + "/*"


def one_page_per_type(site: Path) -> dict[str, str]:
    first: dict[str, str] = {}
    for path in page_paths(site):
        first.setdefault(page_type(path), path)
    return first


def test_page_types_cover_the_site(site: Site) -> None:
    """The helpers above see what the site has: the start page, the 404 page, overviews and single pages."""
    paths = page_paths(site.built.site)
    types = one_page_per_type(site.built.site)
    assert len(paths) > 160 and len(set(paths)) == len(paths)
    assert {"Startseite", "404.html", "massnahmen/", "massnahmen/*", "ziele/*", "status/", "plan/*"} <= set(types)
    assert types["massnahmen/*"].startswith("massnahmen/") and types["massnahmen/*"] != "massnahmen/"


def _tab(new_context: Any, width: int, height: int) -> Any:
    context = new_context(width, height, cache=True)
    context.add_init_script(script=axe_source())
    return context.new_page()


def _violations(page: Any, base: str, paths: list[str]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for path in paths:
        page.goto(base + path, wait_until="load")
        if violations := run_axe(page):
            found[path or "/"] = violations
    return found


def test_every_page_has_no_axe_violations_at_1280_px(new_context: Any, site: Site) -> None:
    page = _tab(new_context, 1280, 900)
    paths = page_paths(site.built.site)
    assert _violations(page, site.base, paths) == {}


def test_every_page_type_has_no_axe_violations_at_375_px(new_context: Any, site: Site) -> None:
    page = _tab(new_context, 375, 812)
    paths = list(one_page_per_type(site.built.site).values())
    assert _violations(page, site.base, paths) == {}


def test_no_page_type_is_wider_than_a_320_px_phone(new_context: Any, site: Site) -> None:
    page = new_context(320, 640, cache=True).new_page()
    wide: dict[str, int] = {}
    for path in one_page_per_type(site.built.site).values():
        page.goto(site.base + path, wait_until="load")
        width = page.evaluate("document.scrollingElement.scrollWidth")
        if width > 320:
            wide[path or "/"] = width
    assert wide == {}


def test_no_page_type_moves_after_load(new_context: Any, site: Site) -> None:
    """Cumulative layout shift, summed by a PerformanceObserver as Chrome's Web Vitals do, on a phone and a
    desktop screen. Each page is loaded in a browser context of its own (nothing cached, as on a first
    visit); the observer keeps counting on every page until the last one has loaded and one more second
    has passed."""
    loaded: list[tuple[str, Any]] = []
    for width, height in ((375, 812), (1280, 900)):
        for path in one_page_per_type(site.built.site).values():
            page = new_context(width, height).new_page()
            page.goto(site.base + path, wait_until="load")
            page.evaluate(CLS_COUNTER)
            loaded.append((f"{path or '/'} bei {width} px", page))
    loaded[-1][1].wait_for_timeout(1000)
    shifts = {name: round(page.evaluate("window.lipLayoutShift"), 3) for name, page in loaded}
    assert len(shifts) == 2 * len(one_page_per_type(site.built.site))
    assert {name: shift for name, shift in shifts.items() if shift >= 0.1} == {}
