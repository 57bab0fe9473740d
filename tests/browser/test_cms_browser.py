"""The web editor end to end (issue 11): in Chromium, an expert group creates a measure through the form,
changes the cost of an existing one, and saves a body that starts like front matter; decap-server (git
mode, 127.0.0.1) turns each save into a branch of a dedicated clone. Then Git and lip check the result.
No request leaves 127.0.0.1. With LIP_SCREENSHOTS=FOLDER the views are saved as PNG (1280 and 375 px).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from lip_build.diagnostics import Diagnostics
from lip_build.load.source import split

from .cmsrun import NEW_GOAL_ID, Editor, available, git, running_editor
from .conftest import _missing, is_local, run_axe
from .sitebuild import REPO, git_environment

LIP = REPO / ".venv" / "bin" / "lip"
NEW_TITLE = "Sprachcafés in Stadtteilbibliotheken"
CHANGED = "handlungsfelder/bildung/massnahmen/BIL-M01.md"
HOSTILE = "handlungsfelder/bildung/massnahmen/BIL-M02.md"
# Upstream findings of axe-core in Decap CMS 3.16.3 that the configuration cannot change (see the report in
# doku/web-editor.md, „Barrierefreiheit“); every other finding fails the test.
UPSTREAM: dict[str, str] = {
    "color-contrast": "Decap's own colours: grey navigation links, the red 'unsaved' badge, toasts, field labels",
    "region": "best practice, not WCAG: Decap renders its app outside landmarks (and a canvas for its charts)",
    "frame-title": "the preview pane is Decap's iframe without a title attribute",
    "aria-command-name": "the drag handles of list entries (dnd-kit) have no name",
    "button-name": "the collapse and remove buttons of list entries show only an icon",
    "aria-input-field-name": "the Markdown editor (Slate) has role=textbox without a name",
    "label-content-name-mismatch": "the date picker's 'now' button is labelled in English ('Set … to now')",
}


@pytest.fixture(scope="module")
def editor() -> Iterator[Editor]:
    reason = available()
    if reason:
        _missing(reason)
    with tempfile.TemporaryDirectory(prefix="lip-cms-test-") as work, running_editor(Path(work)) as running:
        yield running


@pytest.fixture(scope="module")
def session(browser: Any, editor: Editor) -> Iterator[dict[str, Any]]:
    requests: list[str] = []
    console: list[str] = []

    def record(route: Any) -> None:
        requests.append(route.request.url)
        if is_local(route.request.url):
            route.continue_()
        else:
            route.abort()

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    context.route("**/*", record)
    page = context.new_page()
    page.on("console", lambda message: console.append(message.text))
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(editor.base + "admin/")
    page.get_by_role("button", name="Login").click()
    page.get_by_role("link", name="Maßnahmen: Bildung").first.wait_for()
    yield {"page": page, "context": context, "requests": requests, "console": console, "axe": {}}
    context.close()


def _shot(page: Any, name: str) -> None:
    folder = os.environ.get("LIP_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 900), (375, 812)):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(300)
        page.screenshot(path=str(Path(folder) / f"{name}-{width}.png"))
    page.set_viewport_size({"width": 1280, "height": 900})


def _axe(state: dict[str, Any], view: str) -> None:
    found = run_axe(state["page"])
    state["axe"][view] = [v for v in found if v["id"] not in UPSTREAM]
    state.setdefault("upstream", {}).update({v["id"]: v["nodes"] for v in found if v["id"] in UPSTREAM})


def _pick(page: Any, label: str, text: str) -> None:
    """Choose an option of a react-select input (select and relation widgets) by typing and Enter."""
    field = page.get_by_label(label, exact=True)
    field.click()
    field.fill(text)
    page.locator("[class*='option']", has_text=text).first.wait_for()
    field.press("Enter")


def _open(page: Any, editor: Editor, slug: str) -> None:
    """Open an existing measure and wait until its form shows it."""
    page.goto(editor.base + "admin/#/collections/massnahmen-bildung")
    page.get_by_text(f"{slug} –").first.click()
    page.wait_for_function(
        "id => { const f = document.querySelector('input[readonly]'); return f && f.value === id; }", arg=slug
    )


def _body(page: Any) -> Any:
    """The Markdown editor of the body (raw mode: a contenteditable, without an input for its label)."""
    return page.locator("[aria-label='markdown field'] [contenteditable='true']").first


def _type_body(page: Any, text: str) -> None:
    """Type into the Markdown editor once it has the focus (keys sent before that are lost), and wait
    until it shows the last line."""
    body = _body(page)
    body.click()
    page.wait_for_function("document.activeElement && document.activeElement.isContentEditable")
    page.keyboard.type(text)
    last = text.rsplit("\n", 1)[-1]
    page.wait_for_function(
        "t => { const e = document.activeElement; return e && e.isContentEditable && e.innerText.includes(t); }",
        arg=last,
    )


def _save(page: Any, editor: Editor, slug: str) -> str:
    """Save the entry; return the branch decap-server made (or moved) for it, once its commit is there."""
    before = {b: git(editor.clone, "rev-parse", b) for b in _branches(editor)}
    page.get_by_role("button", name="Speichern", exact=True).click()
    page.get_by_text("Ungespeicherte Änderungen").first.wait_for(state="hidden", timeout=20000)
    last = None
    for _ in range(200):
        now = {b: git(editor.clone, "rev-parse", b) for b in _branches(editor)}
        moved = [b for b in now if b.lower().endswith("/" + slug.lower()) and before.get(b) != now[b]]
        if moved and git(editor.clone, "rev-list", "--count", f"main..{moved[0]}").strip() != "0":
            if last == now[moved[0]]:  # unchanged since the last look: the save is complete
                return moved[0]
            last = now[moved[0]]
        page.wait_for_timeout(100)
    raise AssertionError(f"Nicht gespeichert: {page.inner_text('body')[:2000]}")


def _file_on(editor: Editor, branch: str, path: str) -> str:
    return git(editor.clone, "show", f"{branch}:{path}")


def _branches(editor: Editor) -> list[str]:
    return git(editor.clone, "branch", "--format=%(refname:short)").split()


def _branch_of(editor: Editor, slug: str) -> str:
    """The branch decap-server made for an entry: cms/<collection>/<slug>."""
    found = [b for b in _branches(editor) if b.startswith("cms/") and b.lower().endswith("/" + slug.lower())]
    assert len(found) == 1, _branches(editor)
    return found[0]


def test_the_editor_uses_the_local_proxy_and_lists_the_collections(session: dict[str, Any]) -> None:
    page = session["page"]
    assert any("Detected Decap CMS Proxy Server" in line for line in session["console"]), session["console"]
    page.get_by_role("link", name="Maßnahmen: Bildung").first.click()
    page.get_by_text("BIL-M01 –").first.wait_for()
    _axe(session, "Liste")
    _shot(page, "web-editor-liste")


def test_a_new_measure_through_the_form_gets_the_next_free_id(session: dict[str, Any], editor: Editor) -> None:
    page = session["page"]
    page.goto(editor.base + "admin/#/collections/massnahmen-bildung/new")
    kennung = page.get_by_label("Kennung", exact=True)
    kennung.wait_for()
    page.wait_for_function(
        "document.querySelector('input[readonly]') && /M\\d+$/.test(document.querySelector('input[readonly]').value)"
    )
    assert kennung.input_value() == "BIL-M12"
    page.get_by_label("Titel", exact=True).fill(f"  {NEW_TITLE}  ")
    _pick(page, "Ziele", "BIL-Z03")
    _pick(page, "Ziele", NEW_GOAL_ID)  # committed after the site was built
    page.get_by_label("Ziele", exact=True).scroll_into_view_if_needed()
    _shot(page, "web-editor-ziele")
    _pick(page, "Federführung", "51.4")
    _pick(page, "Zielgruppen", "Eltern")
    page.get_by_label("Beginn", exact=True).fill("2027")
    page.get_by_role("button", name="Kostenposten hinzufügen").click()
    page.get_by_label("Betrag", exact=True).fill("12000")
    _pick(page, "Art", "jährlich")
    page.get_by_label("Finanzierung", exact=True).fill("Haushalt der Landeshauptstadt Hannover")
    _pick(page, "Vorgeschlagen von", "Bildung")
    statuses = page.get_by_label("Status", exact=True)
    statuses.nth(0).click()
    statuses.nth(0).fill("vorgeschlagen")
    statuses.nth(0).press("Enter")
    statuses.nth(1).click()
    statuses.nth(1).fill("nicht begonnen")
    statuses.nth(1).press("Enter")
    _pick(page, "Ansprechstelle", "51.4")
    _type_body(page, "## Ausgangslage\n\nEltern lernen Deutsch im Stadtteil.")
    _axe(session, "Neue Maßnahme")
    _shot(page, "web-editor-formular")
    branch = _save(page, editor, "BIL-M12")
    assert branch == "cms/massnahmen-bildung/BIL-M12"
    text = _file_on(editor, branch, "handlungsfelder/bildung/massnahmen/BIL-M12.md")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["id"] == "BIL-M12" and front["titel"] == NEW_TITLE
    assert front["ziele"] == ["BIL-Z03", NEW_GOAL_ID] and front["kosten"][0]["betrag"] == 12000
    assert "lip_nummer" not in text and "partner" not in front
    _validate(editor, branch)


def test_changing_a_cost_changes_only_that_line(session: dict[str, Any], editor: Editor) -> None:
    page = session["page"]
    _open(page, editor, "BIL-M01")
    betrag = page.get_by_label("Betrag", exact=True).first
    betrag.wait_for()
    page.frame_locator("iframe").get_by_text("Steckbrief").wait_for()
    old = betrag.input_value()
    new = int(float(old)) + 10000
    betrag.fill(str(new))
    shown = f"{new:,}".replace(",", ".") + "\u00a0€"  # the preview's Steckbrief shows the new cost
    page.frame_locator("iframe").get_by_text(shown).first.wait_for()
    _axe(session, "Maßnahme ändern")
    _shot(page, "web-editor-vorschau")
    branch = _save(page, editor, "BIL-M01")
    diff = git(editor.clone, "diff", "--unified=0", f"main..{branch}", "--", CHANGED)
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == [f"-  - betrag: {old}", f"+  - betrag: {new}"], diff
    _validate(editor, branch)


def test_a_body_that_starts_like_front_matter_leaves_the_front_matter_unchanged(
    session: dict[str, Any], editor: Editor
) -> None:
    page = session["page"]
    _open(page, editor, "BIL-M02")
    body = _body(page)
    body.wait_for()
    before = (editor.root / HOSTILE).read_text(encoding="utf-8")
    hostile = "---\nstatus: x\n---\n" + before.split("---\n", 2)[2]
    body.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(hostile)
    after = _file_on(editor, _save(page, editor, "BIL-M02"), HOSTILE)
    assert after.split("---\n")[1] == before.split("---\n")[1]
    source = split(after, HOSTILE, Diagnostics())
    assert source is not None and "status" not in source.front.entries
    assert source.body.rstrip("\n") == hostile.rstrip("\n"), after


def test_lip_report_lists_both_changes_once_merged(editor: Editor) -> None:
    work = editor.clone.parent / "merged"
    git(editor.clone, "worktree", "add", "-q", "-b", "zusammen", str(work), "main")
    for branch in (_branch_of(editor, "BIL-M12"), _branch_of(editor, "BIL-M01")):
        git(work, "merge", "-q", "--no-edit", branch)
    report = subprocess.run(
        [str(LIP), "report", "--base", "main"], cwd=work, capture_output=True, text=True, env=git_environment()
    )
    assert report.returncode == 0, report.stdout + report.stderr
    assert "BIL-M12" in report.stdout and "BIL-M01" in report.stdout, report.stdout


def test_no_request_left_127_0_0_1_and_no_axe_violations(session: dict[str, Any]) -> None:
    outside = [url for url in session["requests"] if not is_local(url)]
    assert outside == []
    assert set(session["axe"]) == {"Liste", "Neue Maßnahme", "Maßnahme ändern"}
    assert all(found == [] for found in session["axe"].values()), session["axe"]


def _validate(editor: Editor, branch: str) -> None:
    work = editor.clone.parent / branch.replace("/", "-")
    git(editor.clone, "worktree", "add", "-q", "--detach", str(work), branch)
    done = subprocess.run([str(LIP), "validate"], cwd=work, capture_output=True, text=True, env=git_environment())
    assert done.returncode == 0, done.stdout
