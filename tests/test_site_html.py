"""Every page of the built site is valid HTML, checked by an independent checker: the Nu Html Checker
(vnu.jar from npm's vnu-jar, installed by scripts/vnu-install.sh; Java from Debian's default-jre-headless).

One Java call checks all files of site/ together with a small page that is known to be invalid: the
checker must report that page (so the test would notice a checker that reports nothing) and nothing else.
Skipped with a reason where Java or the checker is missing; LIP_BROWSER_REQUIRED=1 (as in CI) makes that
a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .browser.sitebuild import REPO, built_site

VNU = REPO / "scripts" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Two errors the site once had: tabindex="" on a label, autocomplete on a checkbox.
INVALID = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Falsch</title></head>
<body><input type="checkbox" id="a" autocomplete="off"><label for="a" tabindex="">A</label></body></html>
"""


def _missing(reason: str) -> None:
    if os.environ.get("LIP_BROWSER_REQUIRED"):
        pytest.fail(f"HTML-Prüfung nicht möglich: {reason}")
    pytest.skip(f"HTML-Prüfung übersprungen: {reason}")


def _errors(paths: list[Path]) -> list[dict[str, Any]]:
    java = shutil.which("java")
    if java is None:
        _missing("Java fehlt (apt-get install -y default-jre-headless)")
    if not VNU.is_file():
        _missing("der Nu Html Checker fehlt (./scripts/vnu-install.sh)")
    args = [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", *map(str, paths)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1), done.stderr[-2000:]  # 1: errors found
    messages: list[dict[str, Any]] = json.loads(done.stderr)["messages"]
    return messages


def test_every_page_of_the_site_is_valid_html(tmp_path: Path) -> None:
    site = built_site().site
    assert len(list(site.rglob("*.html"))) > 160
    invalid = tmp_path / "falsch.html"
    invalid.write_text(INVALID, encoding="utf-8")
    messages = _errors([site, invalid])
    found = [m for m in messages if m.get("url", "").endswith("/falsch.html")]
    assert {m["type"] for m in found} == {"error"} and len(found) >= 2, found
    errors = [
        f"{m.get('url', '?').removeprefix('file:' + str(site))}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m not in found
    ]
    assert errors == [], "\n".join(errors[:30])
