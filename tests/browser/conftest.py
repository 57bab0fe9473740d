"""Browser tests of the website: Debian's Chromium driven by Playwright, axe-core from npm (the version
pinned in scripts/axe/package-lock.json, installed by scripts/axe-install.sh).

Needs `apt-get install -y chromium`, `pip install playwright` (no browser download) and axe-core. Without
them the tests are skipped with a reason; set LIP_BROWSER_REQUIRED=1 (as CI does) to make that a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest

from .sitebuild import REPO, BuiltSite, built_site

AXE = REPO / "scripts" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1"}


def _missing(reason: str) -> None:
    if os.environ.get("LIP_BROWSER_REQUIRED"):
        pytest.fail(f"Browser-Tests nicht möglich: {reason}")
    pytest.skip(f"Browser-Tests übersprungen: {reason}")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Site:
    base: str  # "http://127.0.0.1:PORT/"
    built: BuiltSite
    requests: list[str] = field(default_factory=list)  # every URL any test page asked for


@pytest.fixture(scope="session")
def site() -> Iterator[Site]:
    built = built_site()
    handler = functools.partial(_QuietHandler, directory=str(built.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(f"http://127.0.0.1:{server.server_address[1]}/", built)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("das Python-Paket playwright fehlt (pip install playwright)")
    executable = shutil.which("chromium")
    if executable is None:
        _missing("Chromium fehlt (apt-get install -y chromium)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture
def new_context(browser: Any, site: Site) -> Iterator[Any]:
    """A browser context for the site. Requests to any other host are blocked, and the test fails if a page
    asked for one: every browser test also checks that no request leaves 127.0.0.1.

    With `cache=True` the requests are only recorded, not intercepted: Playwright turns the browser's cache
    off for a context with routes, and a test that visits every page would fetch every script, font and
    style sheet again for each of them. A request to another host still fails the test."""
    contexts: list[Any] = []
    requests: list[str] = []

    def note(url: str) -> None:
        requests.append(url)
        site.requests.append(url)

    def route(route: Any) -> None:
        note(route.request.url)
        if is_local(route.request.url):
            route.continue_()
        else:
            route.abort()

    def make(width: int = 1280, height: int = 900, javascript: bool = True, cache: bool = False) -> Any:
        context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=javascript, locale="de-DE"
        )
        contexts.append(context)
        if cache:
            context.on("request", lambda request: note(request.url))
        else:
            context.route("**/*", route)
        return context

    yield make
    for context in contexts:
        context.close()
    outside = [url for url in requests if not is_local(url)]
    assert outside == [], f"Anfragen an andere Rechner als 127.0.0.1: {outside}"


@pytest.fixture
def open_page(new_context: Any, site: Site) -> Any:
    """Open a page of the site in a context of its own (see new_context)."""

    def opener(path: str, width: int = 1280, height: int = 900, javascript: bool = True) -> Any:
        page = new_context(width, height, javascript).new_page()
        page.goto(site.base + path, wait_until="load")
        return page

    return opener


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob") or parts.hostname in LOCAL_HOSTS


@functools.cache
def axe_source() -> str:
    if not AXE.is_file():
        _missing("axe-core fehlt (./scripts/axe-install.sh)")
    return AXE.read_text(encoding="utf-8")


def run_axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now (WCAG 2.0/2.1/2.2 A and AA plus best practices).
    axe is added to the page unless an init script put it there already."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source())
    result: dict[str, Any] = page.evaluate(
        "async tags => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        list(AXE_TAGS),
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]
    ]
