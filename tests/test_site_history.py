"""The plan's history on the website, on real Git repositories (no mocks): "Zuletzt geändert" and the change
history of goals and measures, the page "Änderungen seit Version …", and what happens without Git, without a
tag, with uncommitted or new files, after a rename, in a shallow clone, and with a base set in mkdocs.yml."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from lip_build.errors import BuildError
from lip_build.history import git, versions
from lip_build.history import incremental as site_data
from lip_build.history.compare import Aenderung
from lip_build.history.stamp import detect
from lip_build.load.files import classify, discover
from lip_build.model.plan import Massnahme, Plan
from lip_build.outputs.site import markup as mk
from lip_build.outputs.site import site_tree
from lip_build.outputs.site.git_history import read_history
from lip_build.outputs.site.pagetree import Html, Page, SiteTree
from lip_build.outputs.site.settings import load_settings
from lip_build.pipeline import load_plan
from lip_build.view.formats import euro, plan_stand
from tests.browser.sitebuild import ADDED_SENTENCE, COMMITS, TAG, BuiltSite, built_site, commit, public_pages

# --- the shared site: a plan tagged v2.0, then a measure and a goal changed -------------------------


@pytest.fixture(scope="module")
def built() -> BuiltSite:
    return built_site()


def html_of(built: BuiltSite, path: str) -> str:
    return (built.site / path / "index.html").read_text(encoding="utf-8")


def item(plan: Plan, path: str) -> Any:
    return next(i for i in (*plan.ziele, *plan.massnahmen) if i.quelle.pfad == path)


def _history(html: str) -> list[tuple[str, str]]:
    history = re.search(r'<details class="lip-history__details"[^>]*>(.*?)</details>', html, re.S)
    assert history is not None
    return re.findall(r"<li><time[^>]*>([\d.]+)</time> <span[^>]*>(.*?)</span></li>", history.group(1))


def test_measure_page_shows_last_change_and_history_newest_first(built: BuiltSite) -> None:
    """Each commit as what it changed in the measure, with the Synopse's German labels and formats: the cost
    item's amount and the added sentence; never the commit message (written for developers), a key or a hash."""
    measure = item(built.plan, built.measure)
    html = html_of(built, mk.path_of(measure))
    assert 'Zuletzt geändert am <time datetime="2026-10-15">15.10.2026</time></p>' in html
    entries = _history(html)
    assert [date for date, _ in entries] == ["15.10.2026", "29.09.2026"]
    amount = next(k.betrag for k in measure.kosten if k.betrag is not None)
    changed = f"Kostenposten 1: Betrag: {euro(amount - 5000)} → {euro(amount)}; Text ergänzt"
    assert entries == [("15.10.2026", changed), ("29.09.2026", "Erste Fassung im Plan")]
    assert "<summary>Änderungsverlauf (2 Änderungen)</summary>" in html
    for developer in (COMMITS[0][1], "Fassung für die Beschlussfassung", "kosten[", ".md"):
        assert developer not in html.split('class="lip-history"')[1].split("</details>")[0], developer


def test_goal_page_shows_its_own_history(built: BuiltSite) -> None:
    html = html_of(built, mk.path_of(item(built.plan, built.goal)))
    assert 'Zuletzt geändert am <time datetime="2026-11-10">10.11.2026</time></p>' in html
    assert _history(html) == [("10.11.2026", "Text ergänzt"), ("29.09.2026", "Erste Fassung im Plan")]
    assert COMMITS[1][1] not in html and COMMITS[0][1] not in html
    unchanged = next(m for m in built.plan.massnahmen if m.quelle.pfad != built.measure)
    other = html_of(built, mk.path_of(unchanged))
    assert 'Zuletzt geändert am <time datetime="2026-09-29">29.09.2026</time>' in other
    assert "Änderungsverlauf (1 Änderung)" in other


def test_site_shows_no_author_names(built: BuiltSite) -> None:
    for page in built.site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "Redaktion LIP" not in text and "redaktion@example.org" not in text, page


def test_changes_page_shows_the_synopse_since_the_previous_tag(built: BuiltSite) -> None:
    html = html_of(built, mk.AENDERUNGEN)
    assert f"<title>Änderungen seit Version {TAG} – " in html
    assert f"<h1>Änderungen seit Version {TAG}</h1>" in html
    info = built.plan.info
    assert f"<dt>Bisher</dt><dd>Version {TAG} vom 29.09.2026</dd>" in html
    assert f"<dt>Neu</dt><dd>Diese Fassung: {plan_stand(info.version, info.stand)}</dd>" in html
    body = html.split('class="md-content"')[1].split('<footer class="md-footer">')[0]
    assert "Commit" not in body and "<code>" not in body and ".md" not in body  # no hashes, keys or paths
    counts = re.search(r"<strong>2 geändert, (\d+) unverändert\.</strong>", html)
    files = [p for p in discover(built.root) if classify(p)]
    assert counts is not None and int(counts.group(1)) == len(files) - 2
    measure = item(built.plan, built.measure)
    assert f'id="aenderung-massnahme-{measure.id}"' in html
    number = built.plan.nummer(measure.id)
    assert f'<h2 id="aenderung-massnahme-{measure.id}">Maßnahme {number} „{measure.titel}“</h2>' in html
    assert f'">Maßnahme {number}</a></th>' in html  # the overview names it as its link does
    assert "[[" not in body  # text links by the item's name, as on the pages
    row = re.search(r"<tr><th scope=\"row\">(Kostenposten 1: Betrag)</th><td>([^<]+)</td><td>([^<]+)</td>", html)
    assert row is not None
    old, new = (int(v.replace(".", "").replace("\u00a0€", "")) for v in row.group(2, 3))
    assert new - old == 5000 and "\u00a0€" in row.group(3)  # German money format
    assert f"<ins>{ADDED_SENTENCE}</ins>" in html
    # every changed item links to its page on the site
    assert f'Zur Seite: <a href="../{mk.path_of(measure)}">' in html


def test_changes_page_is_linked_from_start_page_navigation_and_every_footer(built: BuiltSite) -> None:
    start = html_of(built, "")
    assert f'<a href="aenderungen/" class="lip-hero__changes">Änderungen seit Version {TAG}</a>' in start
    navigation = html_of(built, mk.PLAN).split('class="md-content"')[0]
    assert f"Änderungen seit Version {TAG}" in navigation
    for page in public_pages(built.site):
        text = page.read_text(encoding="utf-8")
        assert re.search(
            rf'<p class="lip-footer__changes"><a href="(?:[./]*aenderungen/|\./)">Änderungen seit Version {TAG}</a>',
            text,
        ), page


def test_change_history_is_not_in_the_search_index(built: BuiltSite) -> None:
    index = json.dumps(json.loads((built.site / "search" / "search_index.json").read_bytes()), ensure_ascii=False)
    assert "Zuletzt geändert am" in index  # the date is part of the page
    assert COMMITS[0][1] not in index and "Änderungsverlauf" not in index


# --- repositories made for one test ---------------------------------------------------------------


@pytest.fixture
def isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Git without the machine's configuration; no repository above tmp_path."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))


def run_git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True)
    return done.stdout


def new_repo(root: Path) -> Path:
    run_git(root.parent, "init", "-q", "-b", "main", str(root))
    commit(root, "Erste Fassung", "2026-03-02T10:00:00+01:00")
    return root


@pytest.fixture
def repo(isolated_git: None, plan_copy: Path) -> Path:
    return new_repo(plan_copy)


def tree_of(root: Path) -> tuple[SiteTree, Plan]:
    result = load_plan(root)
    assert result.plan is not None, [d.as_text() for d in result.diagnostics.items]
    return site_tree(root, result.plan, detect(root, result.plan.info.stand)), result.plan


def page_html(page: Page) -> str:
    return "".join(b.html for b in page.blocks if isinstance(b, Html))


def measure_path(plan: Plan, index: int = 0) -> tuple[Massnahme, str]:
    measure = plan.massnahmen[index]
    return measure, measure.quelle.pfad


def append(root: Path, path: str, sentence: str = "Ein neuer Satz.") -> None:
    target = root / path
    target.write_text(target.read_text(encoding="utf-8").rstrip("\n") + f" {sentence}\n", encoding="utf-8")


def test_outside_git_there_is_no_history_and_no_changes_page(isolated_git: None, plan_copy: Path) -> None:
    tree, _ = tree_of(plan_copy)
    assert tree.changes is None
    assert all(p.path != mk.AENDERUNGEN for p in tree.pages)
    for page in tree.pages:
        assert "lip-history" not in page_html(page)
        assert "Änderungen seit" not in page_html(page)


def test_without_a_tag_there_is_history_but_no_changes_page(repo: Path) -> None:
    tree, plan = tree_of(repo)
    assert tree.changes is None and all(p.path != mk.AENDERUNGEN for p in tree.pages)
    assert "Änderungen seit" not in page_html(tree.page(""))
    html = page_html(tree.page(mk.path_of(plan.ziele[0])))
    assert 'Zuletzt geändert am <time datetime="2026-03-02">02.03.2026</time></p>' in html


def test_uncommitted_changes_and_files_not_yet_committed_are_named(repo: Path) -> None:
    plan = load_plan(repo).plan
    assert plan is not None
    (_, changed), (model, source) = measure_path(plan, 0), measure_path(plan, 1)
    append(repo, changed)
    new_id = f"{model.handlungsfeld}-M90"
    text = (repo / source).read_text(encoding="utf-8").replace(f"id: {model.id}\n", f"id: {new_id}\n", 1)
    (repo / source).with_name(f"{new_id}.md").write_text(text, encoding="utf-8")  # a new file, not committed
    tree, plan = tree_of(repo)
    first = page_html(tree.page(mk.path_of(plan.massnahmen[0])))
    assert "02.03.2026</time> (mit nicht eingecheckten Änderungen)</p>" in first
    new = page_html(tree.page(mk.path_of(plan.massnahme(new_id))))
    assert "Noch nicht eingecheckt." in new and "Änderungsverlauf" not in new


def test_repository_without_commits_builds_and_says_nothing_is_checked_in(isolated_git: None, plan_copy: Path) -> None:
    run_git(plan_copy.parent, "init", "-q", "-b", "main", str(plan_copy))
    tree, plan = tree_of(plan_copy)
    assert tree.changes is None
    assert "Noch nicht eingecheckt." in page_html(tree.page(mk.path_of(plan.massnahmen[0])))


def test_history_follows_renames_committed_and_staged(repo: Path) -> None:
    plan = load_plan(repo).plan
    assert plan is not None
    _, path = measure_path(plan, 0)
    renamed = path.replace(".md", "-alt.md")
    run_git(repo, "mv", path, renamed)
    commit(repo, "Datei umbenannt", "2026-04-01T10:00:00+02:00")
    append(repo, renamed)
    commit(repo, "Text ergänzt", "2026-05-01T10:00:00+02:00")
    run_git(repo, "mv", renamed, path)  # back to the right name, staged but not committed
    tree, plan = tree_of(repo)
    html = page_html(tree.page(mk.path_of(plan.massnahmen[0])))
    messages = re.findall(r'<span class="lip-history__message">([^<]+)</span>', html)
    # the text added under the other name is compared with that name's version before it
    assert messages == ["Text ergänzt", "Keine Änderung am Inhalt", "Erste Fassung im Plan"]
    assert "(mit nicht eingecheckten Änderungen)" in html


def test_commit_messages_never_reach_the_page(repo: Path) -> None:
    plan = load_plan(repo).plan
    assert plan is not None
    append(repo, plan.ziele[0].quelle.pfad)
    commit(repo, "<script>alert(1)</script> & <b>fett</b> wip fix typo", "2026-04-01T10:00:00+02:00")
    tree, plan = tree_of(repo)
    html = page_html(tree.page(mk.path_of(plan.ziele[0])))
    assert "alert(1)" not in html and "wip fix typo" not in html and "<script>" not in html
    assert re.findall(r'<span class="lip-history__message">([^<]+)</span>', html)[0] == "Text ergänzt"


def test_tag_on_head_is_not_the_base_the_tag_before_it_is(repo: Path) -> None:
    run_git(repo, "tag", "v1.0")
    plan = load_plan(repo).plan
    assert plan is not None
    measure, path = measure_path(plan, 2)
    append(repo, path, "Ergänzt für die zweite Fassung.")
    commit(repo, "Zweite Fassung", "2026-04-01T10:00:00+02:00")
    run_git(repo, "tag", "v2.0")  # a release build: the page shows what changed since the release before
    tree, _ = tree_of(repo)
    assert tree.changes is not None and tree.changes.title == "Änderungen seit Version v1.0"
    html = page_html(tree.page(mk.AENDERUNGEN))
    assert f"Maßnahme {plan.nummer(measure.id)}" in html and "<ins>Ergänzt für die zweite Fassung.</ins>" in html


def test_only_a_tag_on_head_means_no_changes_page(repo: Path) -> None:
    run_git(repo, "tag", "v1.0")
    tree, _ = tree_of(repo)
    assert tree.changes is None and all(p.path != mk.AENDERUNGEN for p in tree.pages)


def test_no_changes_since_the_tag(repo: Path) -> None:
    run_git(repo, "tag", "v1.0")
    (repo / "notiz.txt").write_text("nicht Teil des Plans\n", encoding="utf-8")
    commit(repo, "Notiz", "2026-04-01T10:00:00+02:00")
    tree, plan = tree_of(repo)
    html = page_html(tree.page(mk.AENDERUNGEN))
    count = len(plan.ziele) + len(plan.massnahmen)
    assert "Seitdem hat sich am Inhalt des Plans nichts geändert." in html
    unchanged = int(re.search(r"(\d+) unverändert", html).group(1))  # type: ignore[union-attr]
    assert unchanged > count  # goals, measures and every other file of the plan


def set_base(root: Path, value: object) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    data = yaml.safe_load(text.replace("!!python/name:", ""))
    assert "aenderungen_seit" not in data["extra"]["lip"]
    line = f"    aenderungen_seit: {yaml.safe_dump(value, default_flow_style=True).splitlines()[0]}\n"
    config.write_text(text.replace("  lip:\n", "  lip:\n" + line, 1), encoding="utf-8")


def test_base_set_in_mkdocs_yml(repo: Path) -> None:
    plan = load_plan(repo).plan
    assert plan is not None
    first = run_git(repo, "rev-parse", "--short=7", "HEAD").strip()
    append(repo, plan.ziele[0].quelle.pfad)
    commit(repo, "Ziel ergänzt", "2026-04-01T10:00:00+02:00")
    run_git(repo, "tag", "v9.0", "HEAD")  # the automatic choice would find no earlier tag
    set_base(repo, first)
    assert load_settings(repo).aenderungen_seit == first
    tree, _ = tree_of(repo)
    assert tree.changes is not None and tree.changes.title == "Änderungen seit dem Stand vom 02.03.2026"
    assert f"Ziel {plan.nummer(plan.ziele[0].id)}" in page_html(tree.page(mk.AENDERUNGEN))


def test_base_false_turns_the_page_off(repo: Path) -> None:
    run_git(repo, "tag", "v1.0")
    append(repo, load_plan(repo).plan.ziele[0].quelle.pfad)  # type: ignore[union-attr]
    commit(repo, "Ziel ergänzt", "2026-04-01T10:00:00+02:00")
    set_base(repo, False)
    tree, _ = tree_of(repo)
    assert tree.changes is None and all(p.path != mk.AENDERUNGEN for p in tree.pages)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("v7.0", "„v7.0“ (Eintrag „extra.lip.aenderungen_seit“) vergleichen, aber das geht nicht: Die Version"),
        (True, "muss eine Version sein"),
        (["v1"], "muss eine Version sein"),
    ],
)
def test_a_wrong_base_is_a_clear_error(repo: Path, value: object, message: str) -> None:
    set_base(repo, value)
    with pytest.raises(BuildError, match=re.escape(message)) as error:
        tree_of(repo)
    assert str(error.value).startswith("mkdocs.yml: ")


def test_shallow_clone_shows_no_misleading_dates(repo: Path, tmp_path: Path) -> None:
    append(repo, load_plan(repo).plan.ziele[0].quelle.pfad)  # type: ignore[union-attr]
    commit(repo, "Zweite Fassung", "2026-04-01T10:00:00+02:00")
    clone = tmp_path / "klon"
    run_git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    assert site_data.is_shallow(clone)
    tree, plan = tree_of(clone)
    assert "lip-history" not in page_html(tree.page(mk.path_of(plan.massnahmen[0])))


def test_history_is_read_with_one_walk_through_git(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_git(repo, "tag", "v1.0")
    append(repo, load_plan(repo).plan.massnahmen[0].quelle.pfad)  # type: ignore[union-attr]
    commit(repo, "Zweite Fassung", "2026-04-01T10:00:00+02:00")
    plan = load_plan(repo).plan
    assert plan is not None
    calls: list[list[str]] = []
    real = subprocess.run

    def counting(command: list[str], *args: Any, **kwargs: Any) -> Any:
        calls.append(list(command))
        return real(command, *args, **kwargs)

    monkeypatch.setattr(git.subprocess, "run", counting)
    history = read_history(repo, plan, load_settings(repo))
    items = len(plan.ziele) + len(plan.massnahmen)
    assert len(history.files) == items and history.changes is not None
    walks = [c for c in calls if "log" in c and "--name-status" in c]
    assert sum(1 for c in walks if "--first-parent" not in c) == 1  # the files' histories
    assert sum(1 for c in walks if "--first-parent" in c) == 1  # the measures' statuses over time
    # the Synopse's files, the statuses, and every version of every item file for its change history
    assert sum(1 for c in calls if c[-2:] == ["cat-file", "--batch"]) == 3
    assert len(calls) < 30 < items  # a fixed number of git calls, not one per page

    # Read again, as `lip serve` does after an edit: the committed versions are compared already.
    calls.clear()
    again = read_history(repo, plan, load_settings(repo))
    assert again.files == history.files
    assert sum(1 for c in calls if c[-2:] == ["cat-file", "--batch"]) == 2  # the Synopse and the statuses
    # A new commit: only the history of the file it changed is compared again.
    append(repo, plan.massnahmen[1].quelle.pfad)
    commit(repo, "Dritte Fassung", "2026-05-01T10:00:00+02:00")
    calls.clear()
    third = read_history(repo, plan, load_settings(repo))
    assert sum(1 for c in calls if c[-2:] == ["cat-file", "--batch"]) == 3
    changed = plan.massnahmen[1].quelle.pfad
    assert len(third.files[changed].steps) == len(history.files[changed].steps) + 1
    assert third.files[changed].steps[0] is not None  # the new commit, compared with the one before
    unchanged = plan.massnahmen[0].quelle.pfad
    assert third.files[unchanged] == history.files[unchanged]


# --- the Synopse of changed files only is the Synopse of the whole plan --------------------------------


def test_synopse_of_changed_files_equals_the_full_synopse(repo: Path) -> None:
    run_git(repo, "tag", "v1.0")
    plan = load_plan(repo).plan
    assert plan is not None
    a, b, c = (m.quelle.pfad for m in plan.massnahmen[:3])
    append(repo, a, "Geändert.")
    run_git(repo, "mv", b, b.replace(".md", "-neu.md"))  # moved: the same ID under another name
    commit(repo, "Geändert und verschoben", "2026-04-01T10:00:00+02:00")
    (repo / c).unlink()  # removed, not committed
    append(repo, plan.kapitel[0].quelle.pfad, "Neuer Satz im Kapitel.")  # not committed
    result = site_data.synopse_since(repo, "v1.0")
    full = versions.synopse(repo, "v1.0")
    assert result.synopse.geaendert == full.geaendert
    assert [e.aenderung for e in full.geaendert].count(Aenderung.VERSCHOBEN) == 1
    assert {e.aenderung for e in full.geaendert} >= {Aenderung.GEAENDERT, Aenderung.ENTFERNT, Aenderung.VERSCHOBEN}
    assert result.unveraendert == full.anzahl(Aenderung.UNVERAENDERT)
    assert result.synopse.neu.geaendert and result.synopse.bisher.tag == "v1.0"
