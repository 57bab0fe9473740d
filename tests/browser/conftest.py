"""Browser tests of the website: Debian's Chromium driven by Playwright, axe-core from tests/browser/vendor.

Needs `apt-get install -y chromium` and `pip install playwright` (no browser download). Without them the
tests are skipped with a reason; set LIP_BROWSER_REQUIRED=1 (as CI does) to make that a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from .sitebuild import BuiltSite, built_site

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
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
def open_page(browser: Any, site: Site) -> Iterator[Any]:
    """Open a page of the site. Requests to any other host are blocked, and the test fails if a page asked
    for one: every browser test also checks that no request leaves 127.0.0.1."""
    contexts: list[Any] = []
    requests: list[str] = []

    def record(route: Any) -> None:
        url = route.request.url
        requests.append(url)
        site.requests.append(url)
        if is_local(url):
            route.continue_()
        else:
            route.abort()

    def opener(path: str, width: int = 1280, height: int = 900, javascript: bool = True) -> Any:
        context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=javascript, locale="de-DE"
        )
        contexts.append(context)
        context.route("**/*", record)
        page = context.new_page()
        page.goto(site.base + path, wait_until="load")
        return page

    yield opener
    for context in contexts:
        context.close()
    outside = [url for url in requests if not is_local(url)]
    assert outside == [], f"Anfragen an andere Rechner als 127.0.0.1: {outside}"


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob") or parts.hostname in LOCAL_HOSTS


def run_axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now (WCAG 2.0/2.1/2.2 A and AA plus best practices)."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result: dict[str, Any] = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
            resultTypes: ["violations"]
        })"""
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]
    ]
