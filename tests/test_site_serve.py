"""`lip serve`: the preview rebuilds when a file changes, reloads open pages, and prints the validator's
messages instead of crashing when an edit is broken."""

from __future__ import annotations

import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from lip_build.outputs.site.serve import RELOAD_SCRIPT, VERSION_PATH, Running, start
from tests.browser.sitebuild import copy_plan


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


@pytest.fixture(scope="module")
def plan_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_plan(tmp_path_factory.mktemp("serve") / "plan")


@pytest.fixture(scope="module")
def running(plan_root: Path) -> Iterator[tuple[Running, list[str]]]:
    messages: list[str] = []
    preview = start(plan_root, 0, messages.append)
    thread = threading.Thread(target=preview.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield preview, messages
    finally:
        preview.server.shutdown()
        preview.stop()


def _wait_for(condition: object, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError("Zeitüberschreitung beim Warten auf die Vorschau")


def test_preview_serves_on_127_0_0_1_with_reload_script(running: tuple[Running, list[str]]) -> None:
    preview, _ = running
    assert preview.address.startswith("http://127.0.0.1:")
    html = _get(preview.address)
    assert RELOAD_SCRIPT in html and "Lokaler Integrationsplan" in html
    assert int(_get(preview.address.rstrip("/") + VERSION_PATH)) >= 1
    css = _get(preview.address + "assets/stylesheets/lip.css")
    assert RELOAD_SCRIPT not in css


def test_edit_rebuilds_and_broken_edit_keeps_last_good_preview(
    running: tuple[Running, list[str]], plan_root: Path
) -> None:
    preview, messages = running
    measure = plan_root / "handlungsfelder" / "bildung" / "massnahmen" / "BIL-M01.md"
    text = measure.read_text(encoding="utf-8")
    version = preview.address.rstrip("/") + VERSION_PATH

    measure.write_text(text.replace("titel: ", "titel: Geändert – ", 1), encoding="utf-8")
    before = int(_get(version))
    _wait_for(lambda: _get(version) == str(before + 1))
    assert "Geändert – " in _get(preview.address + "massnahmen/bil-m01/")

    measure.write_text(text.replace("ziele: [", "ziele: [XXX-Z99, ", 1), encoding="utf-8")
    _wait_for(lambda: any("letzten fehlerfreien Stand" in m for m in messages))
    assert any("BIL-M01.md" in m and "LIP3" in m for m in messages), messages
    assert _get(version) == str(before + 1)
    assert "Geändert – " in _get(preview.address + "massnahmen/bil-m01/")

    measure.write_text(text, encoding="utf-8")
    _wait_for(lambda: _get(version) == str(before + 2))
    assert "Geändert – " not in _get(preview.address + "massnahmen/bil-m01/")
