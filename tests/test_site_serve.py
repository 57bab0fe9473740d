"""`lip serve`: the preview rebuilds when a file changes, reloads open pages, and prints the validator's
messages instead of crashing when an edit is broken."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from lip_build.outputs.site.pagetree import Markdown, NavItem, NavLink, NavSection, Page, SiteTree
from lip_build.outputs.site.serve import (
    RELOAD_SCRIPT,
    VERSION_PATH,
    Preview,
    Running,
    _Watcher,
    changed_pages,
    start,
)
from tests.browser.sitebuild import commit, copy_plan, git_environment, make_history


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

    measure.write_text(text.replace("ziele:\n", "ziele:\n  - XXX-Z99\n", 1), encoding="utf-8")
    _wait_for(lambda: any("letzten fehlerfreien Stand" in m for m in messages))
    assert any("BIL-M01.md" in m and "LIP3" in m for m in messages), messages
    assert _get(version) == str(before + 1)
    assert "Geändert – " in _get(preview.address + "massnahmen/bil-m01/")

    measure.write_text(text, encoding="utf-8")
    _wait_for(lambda: _get(version) == str(before + 2))
    assert "Geändert – " not in _get(preview.address + "massnahmen/bil-m01/")


def test_a_commit_alone_rebuilds_the_preview(tmp_path: Path) -> None:
    """A commit changes no file of the plan, only Git's refs; the pages must stop saying "nicht eingecheckt"."""
    root = copy_plan(tmp_path / "plan")
    make_history(root)
    running = start(root, 0, lambda message: None)
    threading.Thread(target=running.server.serve_forever, daemon=True).start()
    try:
        version, page = running.address.rstrip("/") + VERSION_PATH, running.address + "massnahmen/bil-m01/"
        measure = root / MEASURE
        measure.write_text(measure.read_text(encoding="utf-8").replace("titel: ", "titel: Neu – ", 1), encoding="utf-8")
        _wait_for(lambda: "nicht eingecheckten Änderungen" in _get(page))
        before = int(_get(version))
        commit(root, "Titel geschärft", "2026-12-01T10:00:00+01:00")
        _wait_for(lambda: int(_get(version)) > before)
        assert "nicht eingecheckten Änderungen" not in _get(page)
    finally:
        running.server.shutdown()
        running.stop()


@pytest.mark.parametrize(
    ("path", "relevant"),
    [
        ("handlungsfelder/bildung/massnahmen/BIL-M01.md", True),
        ("mkdocs.yml", True),
        ("handlungsfelder/bildung/massnahmen/.BIL-M01.md.swp", False),  # an editor's backup
        ("site/index.html", False),  # the preview's own output
        ("README.md", False),
        (".git/HEAD", True),
        (".git/refs/heads/main", True),
        (".git/refs/tags/v2.1", True),
        (".git/packed-refs", True),
        (".git/refs/heads/main.lock", False),  # renamed to main when Git is done
        (".git/index", False),  # staging changes nothing the site shows (and lip's own Git calls write it)
        (".git/objects/ab/cdef0123", False),
        (".git/logs/HEAD", False),
    ],
)
def test_the_watcher_reacts_to_files_of_the_plan_and_to_gits_record_of_the_commit(
    tmp_path: Path, path: str, relevant: bool
) -> None:
    preview = dataclasses.make_dataclass("P", [("root", Path)])(tmp_path)
    assert _Watcher(preview).relevant(str(tmp_path / path)) is relevant  # type: ignore[arg-type]


# Rebuilding only what an edit changed: the preview after each rebuild must be the site that a full build
# (`lip build --site`) writes for the same plan, file for file.

MEASURE = Path("handlungsfelder") / "bildung" / "massnahmen" / "BIL-M01.md"
FIELD = Path("handlungsfelder") / "bildung" / "handlungsfeld.md"


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    root = copy_plan(tmp_path / "plan")
    # An editor's template may show other pages' titles (here: of every page in the navigation)
    template = root / "templates" / "site" / "main.html"
    titles = "{% block footer %}{{ super() }}<p>{% for other in nav.pages %}{{ other.title }} {% endfor %}</p>"
    titles += "{% endblock %}\n"
    template.write_text(template.read_text(encoding="utf-8") + titles, encoding="utf-8")
    config = root / "mkdocs.yml"  # with OParl (site/oparl/), which every rebuild writes anew
    config.write_text(config.read_text(encoding="utf-8") + "site_url: https://lip.example.org/\n", encoding="utf-8")
    built = Preview(root, lambda message: None)
    messages: list[str] = []
    built.echo = messages.append
    assert built.rebuild(), messages
    try:
        yield built
    finally:
        built.close()


def _pages(site: Path) -> dict[str, int]:
    """Every HTML page of a site with its inode: a page that was not built again is the same file.
    The web editor's page (admin/, written anew with every build) is no page of the tree."""
    return {
        str(p.relative_to(site)): p.stat().st_ino
        for p in site.rglob("*.html")
        if not str(p.relative_to(site)).startswith("admin/")
    }


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}


_FULL_BUILD = """
import sys
from pathlib import Path
from lip_build.history.stamp import detect
from lip_build.outputs.progress import Progress
from lip_build.outputs.site import build_site
from lip_build.pipeline import load_plan
root = Path(sys.argv[1])
plan = load_plan(root).plan
build_site(root, plan, detect(root, plan.info.stand), Progress(quiet=True))
"""


def _assert_same_as_full_build(preview: Preview) -> None:
    """The site of `lip build --site` (without the open-data files it exports first), built in a process of its
    own: nothing that the preview keeps between rebuilds is shared."""
    done = subprocess.run([sys.executable, "-c", _FULL_BUILD, str(preview.root)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    full, shown = _files(preview.root / "site"), _files(preview.site)
    assert sorted(shown) == sorted(full)
    different = [name for name in full if full[name] != shown[name]]
    assert different == [], _first_difference(full[different[0]], shown[different[0]])


def _first_difference(full: bytes, shown: bytes) -> str:
    at = next(i for i, (a, b) in enumerate(zip(full, shown, strict=False)) if a != b)
    return f"full build: {full[at - 80 : at + 80]!r}\npreview:    {shown[at - 80 : at + 80]!r}"


def test_title_edit_rebuilds_only_the_pages_that_show_the_title(preview: Preview) -> None:
    before = _pages(preview.site)
    measure = preview.root / MEASURE
    measure.write_text(measure.read_text(encoding="utf-8").replace("titel: ", "titel: Geändert – ", 1), "utf-8")

    assert preview.rebuild()
    after = _pages(preview.site)
    rebuilt = {name for name in after if after[name] != before[name]}
    assert 1 < preview.rendered < len(before) // 2, rebuilt
    for page in ("massnahmen/bil-m01/index.html", "massnahmen/index.html", "ziele/bil-z01/index.html"):
        assert page in rebuilt
        assert "Geändert – Alltagsintegrierte" in (preview.site / page).read_text(encoding="utf-8"), page
    assert "impressum/index.html" not in rebuilt
    assert "Geändert – Alltagsintegrierte" not in (preview.site / "impressum/index.html").read_text(encoding="utf-8")
    search = json.loads((preview.site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    assert any("Geändert – Alltagsintegrierte" in entry["title"] for entry in search)
    assert any(entry["location"] == "impressum/" for entry in search)  # pages not built again stay findable
    _assert_same_as_full_build(preview)


def test_goal_edit_shows_on_the_measure_pages_of_the_goal(preview: Preview) -> None:
    """A measure page lists its goals with their titles: fragments kept from the last rebuild
    (fragments.render) must not hide the edit. The title is in the navigation, so every page is built."""
    goal = preview.root / "handlungsfelder" / "bildung" / "ziele" / "BIL-Z01.md"
    goal.write_text(goal.read_text(encoding="utf-8").replace("titel: ", "titel: Neu gefasst – ", 1), "utf-8")

    assert preview.rebuild()
    measure = (preview.site / "massnahmen/bil-m01/index.html").read_text(encoding="utf-8")
    assert "Neu gefasst – Sprachbildung" in measure.split("Ziele, denen die Maßnahme dient")[-1]
    _assert_same_as_full_build(preview)


def test_navigation_change_rebuilds_every_page(preview: Preview) -> None:
    before = _pages(preview.site)
    field = preview.root / FIELD
    field.write_text(
        field.read_text(encoding="utf-8").replace("name: Bildung", "name: Bildung und Sprache", 1), "utf-8"
    )

    assert preview.rebuild()
    after = _pages(preview.site)
    assert preview.rendered == len(after) - 1  # all but 404.html, which is not a page of the tree
    assert sorted(after) == sorted(before)
    assert [name for name in after if after[name] == before[name]] == []  # every page built again
    assert "Bildung und Sprache" in (preview.site / "ziele/index.html").read_text(encoding="utf-8")
    _assert_same_as_full_build(preview)


def test_a_rebuild_writes_the_oparl_files_anew(preview: Preview) -> None:
    def paper() -> dict[str, object]:
        path = preview.site / "oparl" / "paper" / "2610-2026.json"  # each build has a folder of its own
        data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
        return data

    assert paper()["name"] == "Lokaler Integrationsplan 2.0 (LIP 2.0) – Fortschreibung des Ziel- und Maßnahmenkatalogs"
    drucksache = preview.root / "content" / "drucksache.md"
    text = drucksache.read_text(encoding="utf-8")
    drucksache.write_text(text.replace("titel: ", "titel: Geändert – ", 1), encoding="utf-8")

    assert preview.rebuild()
    assert preview.rendered < len(_pages(preview.site))  # a partial rebuild
    assert str(paper()["name"]).startswith("Geändert – Lokaler Integrationsplan 2.0")
    _assert_same_as_full_build(preview)


def test_rebuild_without_changes_builds_no_page(preview: Preview) -> None:
    before, site, generation = _pages(preview.site), preview.site, preview.generation
    measure = preview.root / MEASURE
    measure.write_text(measure.read_text(encoding="utf-8"), encoding="utf-8")  # saved, not changed

    assert preview.rebuild()
    assert (preview.site, preview.generation, _pages(preview.site)) == (site, generation, before)


def test_broken_edit_after_a_partial_rebuild_keeps_the_last_good_preview(preview: Preview) -> None:
    measure = preview.root / MEASURE
    text = measure.read_text(encoding="utf-8")
    measure.write_text(text.replace("titel: ", "titel: Geändert – ", 1), encoding="utf-8")
    assert preview.rebuild()
    good, generation = _files(preview.site), preview.generation

    measure.write_text(text.replace("ziele:\n", "ziele:\n  - XXX-Z99\n", 1), encoding="utf-8")
    assert not preview.rebuild()
    assert (_files(preview.site), preview.generation) == (good, generation)

    measure.write_text(text, encoding="utf-8")
    assert preview.rebuild()
    assert preview.rendered < len(_pages(preview.site))  # the sources of the last good preview are still known
    assert "Geändert – " not in (preview.site / "massnahmen/bil-m01/index.html").read_text(encoding="utf-8")
    _assert_same_as_full_build(preview)


# In a Git repository the pages also show what Git knows (history, "Zuletzt geändert", the changes since the
# last tag, the statuses over time, the footer's version); the preview keeps Git's answers while the refs
# stay the same and must notice every commit and tag.


@pytest.fixture
def git_preview(tmp_path: Path) -> Iterator[Preview]:
    root = copy_plan(tmp_path / "plan")
    make_history(root)
    built = Preview(root, lambda message: None)
    assert built.rebuild()
    try:
        yield built
    finally:
        built.close()


def _page(preview: Preview, path: str) -> str:
    return (preview.site / path / "index.html").read_text(encoding="utf-8")


def test_rebuilds_in_git_follow_edits_commits_statuses_and_tags(git_preview: Preview) -> None:
    root, measure = git_preview.root, git_preview.root / MEASURE
    text = measure.read_text(encoding="utf-8")
    measure.write_text(text.replace("titel: ", "titel: Geändert – ", 1), encoding="utf-8")
    assert git_preview.rebuild()
    assert "nicht eingecheckten Änderungen" in _page(git_preview, "massnahmen/bil-m01")
    assert "Geändert – Alltagsintegrierte" in _page(git_preview, "aenderungen")
    _assert_same_as_full_build(git_preview)

    commit(root, "Titel geschärft", "2026-12-01T10:00:00+01:00")  # only the refs change, no file
    assert git_preview.rebuild()
    assert "nicht eingecheckten Änderungen" not in _page(git_preview, "massnahmen/bil-m01")
    assert '<time datetime="2026-12-01">' in _page(git_preview, "massnahmen/bil-m01")
    _assert_same_as_full_build(git_preview)

    before, after = "  status: in_umsetzung\n  stand: 2027-06-30", "  status: umgesetzt\n  stand: 2027-09-30"
    reported = measure.read_text(encoding="utf-8").replace(before, after)
    new_entry = "    - datum: 2027-09-30\n      status: umgesetzt\n      erledigt: Alle Stellen sind besetzt.\n"
    measure.write_text(reported.replace('\nkontakt: "51.4"', f'\n{new_entry}kontakt: "51.4"', 1), encoding="utf-8")
    commit(root, "Bericht zum 30.09.2027", "2026-12-02T10:00:00+01:00")
    assert git_preview.rebuild()
    assert "30.09.2027" in _page(git_preview, "status")  # the statuses over time, read from Git
    _assert_same_as_full_build(git_preview)

    tag = ["git", "-C", str(root), "tag", "-a", "v2.1", "-m", "LIP 2.1"]
    subprocess.run(tag, check=True, env=git_environment("2026-12-03T10:00:00+01:00"))
    assert git_preview.rebuild()
    assert '<meta name="lip-herkunft" content="Git-Tag v2.1, Commit' in _page(git_preview, "")
    _assert_same_as_full_build(git_preview)


def _tree(*pages: Page, nav: tuple[NavItem, ...] = ()) -> SiteTree:
    return SiteTree(pages, nav or (NavLink("", "Start"), NavSection("Teil", (NavLink("b/", "B"),), "a/")))


def test_changed_pages_are_found_by_comparing_the_page_trees() -> None:
    start, a, b, c = (Page(path, path or "Start", (Markdown("Text"),)) for path in ("", "a/", "b/", "c/"))
    before = _tree(start, a, b, c)
    assert changed_pages(None, before) is None
    assert changed_pages(before, before) == frozenset()
    assert changed_pages(before, _tree(start, a, b, Page("c/", "Neu", (Markdown("Text"),)))) == {"c/"}
    assert changed_pages(before, _tree(start, a, b, Page("c/", "c/", (Markdown("Neu"),)))) == {"c/"}
    assert changed_pages(before, _tree(start, Page("a/", "Neu", ()), b, c)) is None  # section index, in the nav
    assert changed_pages(before, _tree(start, a, Page("b/", "Neu", ()), c)) is None  # in the nav
    assert changed_pages(before, _tree(start, a, b)) is None  # a page less
    assert changed_pages(before, _tree(start, a, c, b)) is None  # another order
    assert changed_pages(before, _tree(start, a, b, c, nav=(NavLink("", "Start"),))) is None
    assert changed_pages(before, dataclasses.replace(before, version="Stand neu")) is None


def test_the_theme_loader_finds_the_static_files_that_mkdocs_finds(tmp_path: Path) -> None:
    """engine._ThemeLoader lists the theme without hidden folders (Material's 14,000 icons); MkDocs, which lists
    the theme to copy its static files, must find the same files as with its own loader."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from lip_build.outputs.site.engine import _ThemeLoader

    root = copy_plan(tmp_path / "plan")
    (tmp_path / "docs").mkdir()
    config = load_config(config_file=str(root / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"))
    found = []
    for loader in (None, _ThemeLoader(config.theme.dirs)):
        env = config.theme.get_env()
        env.loader = loader or env.loader
        files = Files([])
        files.add_files_from_theme(env, config)
        found.append([(file.src_uri, file.abs_src_path) for file in files])
    assert found[0] == found[1] and len(found[0]) > 20
