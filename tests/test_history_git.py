"""`lip diff` and the Git layer on real repositories created in a temporary folder (no mocks)."""

from __future__ import annotations

import copy
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from lip_build.cli import cli
from lip_build.commands.history import codeowners_command, diff_command, report_command
from lip_build.history import git, log
from lip_build.history.compare import Aenderung, Feldaenderung
from lip_build.history.textdiff import compare_text
from lip_build.history.versions import synopse
from lip_build.outputs.synopse import render_html, render_markdown

from .conftest import REPO

MINI = REPO / "tests" / "plaene" / "mini"
M01 = "handlungsfelder/bildung/massnahmen/BIL-M01.md"
M02 = "handlungsfelder/bildung/massnahmen/BIL-M02.md"


class Repo:
    """A real Git repository holding a plan, with helpers to change and commit it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.commits = 0

    def git(self, *args: str) -> str:
        done = subprocess.run(["git", "-C", str(self.path), *args], capture_output=True, text=True, check=True)
        return done.stdout

    def commit(self, message: str) -> str:
        self.commits += 1
        stamp = f"2026-0{min(self.commits, 9)}-15T10:00:00+01:00"
        self.git("add", "-A")
        env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
        subprocess.run(["git", "-C", str(self.path), "commit", "-q", "-m", message], check=True, env=env)
        return self.git("rev-parse", "HEAD").strip()

    def edit(self, path: str, old: str, new: str) -> None:
        target = self.path / path
        text = target.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")


def isolate_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Git without the machine's configuration, with a fixed identity; no repository above tmp_path."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Redaktion LIP")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "redaktion@example.org")


@pytest.fixture
def git_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path)


def make_repo(folder: Path, plan_source: Path = MINI, plan_dir: str = "") -> Repo:
    """A repository with the plan (optionally in a subfolder) and one commit."""
    shutil.copytree(plan_source, folder / plan_dir if plan_dir else folder, dirs_exist_ok=True)
    repo = Repo(folder)
    repo.git("init", "-q", "-b", "main")
    repo.commit("Erste Fassung")
    return repo


@pytest.fixture
def repo(git_env: None, tmp_path: Path) -> Repo:
    return make_repo(tmp_path / "plan")


def full_cli() -> click.Group:
    """The lip command tree with this package's commands, as cli.py registers them."""
    group = copy.copy(cli)
    group.commands = {**cli.commands, "diff": diff_command, "report": report_command, "codeowners": codeowners_command}
    return group


def lip(plan: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(full_cli(), ["--plan", str(plan), *args])
    return result.exit_code, result.output


# --- must show: field change and word change ------------------------------------------------


def test_cost_and_text_change_appear_as_field_change_and_word_change(repo: Repo) -> None:
    repo.edit(M01, "betrag: 25000", "betrag: 30000")
    repo.edit(M01, "lädt wöchentlich ein", "lädt zweimal pro Woche ein")
    repo.commit("BIL-M01: Kosten und Turnus")

    code, text = lip(repo.path, "diff", "HEAD~1", "HEAD")
    assert code == 0, text
    assert "1 geändert" in text
    assert "Maßnahme BIL-M01 „Sprachcafés für Eltern“" in text
    assert "kosten[1].betrag: 25.000 € → 30.000 €" in text
    assert "Text: 1 Wort entfernt, 3 Wörter neu" in text

    code, clean = lip(repo.path, "diff", "HEAD~1")  # the working folder, without uncommitted changes
    assert f"→ Arbeitsordner (Commit {repo.git('rev-parse', '--short=7', 'HEAD').strip()} vom 15.02.2026)\n" in clean
    assert clean.split("\n", 1)[1] == text.split("\n", 1)[1]

    code, markdown = lip(repo.path, "diff", "HEAD~1", "HEAD", "--format", "markdown")
    assert code == 0, markdown
    assert "| kosten\\[1\\].betrag | 25.000\u00a0€ | 30.000\u00a0€ |" in markdown
    assert "Die Stadtbibliothek lädt ~~wöchentlich~~ **zweimal pro Woche** ein." in markdown

    element = synopse(repo.path, "HEAD~1", "HEAD").element("massnahme", "BIL-M01")
    assert element is not None and element.aenderung is Aenderung.GEAENDERT
    assert element.felder == (Feldaenderung("kosten[1].betrag", "25.000\u00a0€", "30.000\u00a0€"),)
    changes = [(s.art, s.text.strip()) for s in element.text.stuecke if s.art != "gleich"]
    assert changes == [("entfernt", "wöchentlich"), ("neu", "zweimal pro Woche")]


def test_two_column_html_for_the_site_and_the_pdf(repo: Repo) -> None:
    repo.edit(M01, "betrag: 25000", "betrag: 30000")
    repo.edit(M01, "lädt wöchentlich ein", "lädt zweimal pro Woche ein")
    repo.commit("BIL-M01")
    element = synopse(repo.path, "HEAD~1", "HEAD").element("massnahme", "BIL-M01")
    assert element is not None
    table = render_html.zweispaltig(element)
    assert '<th scope="col">Bisherige Fassung</th><th scope="col">Neue Fassung</th>' in table
    left, right = table.split("<tbody>")[1].split("</tr><tr>")[1].split("</td><td>")
    assert "lädt <del>wöchentlich</del> ein." in left and "<ins>" not in left
    assert "lädt <ins>zweimal pro Woche</ins> ein." in right and "<del>" not in right
    assert '<p class="lip-synopse-ueberschrift"><strong>Umsetzung</strong></p>' in left
    assert "<code>kosten[1].betrag</code>: 25.000\u00a0€</td><td><code>kosten[1].betrag</code>: 30.000\u00a0€" in table


def test_status_change_shows_labels_and_dotted_keys(repo: Repo) -> None:
    repo.edit(M01, "status: in_umsetzung", "status: umgesetzt")
    repo.commit("BIL-M01 umgesetzt")
    code, text = lip(repo.path, "diff", "HEAD~1", "HEAD")
    assert code == 0, text
    assert "umsetzung.status: in Umsetzung → umgesetzt" in text


# --- must show: a rename with the same ID is a move -----------------------------------------


def test_moved_file_with_same_id_is_a_move_not_removal_and_addition(repo: Repo) -> None:
    target = "handlungsfelder/soziales/massnahmen/BIL-M02.md"
    repo.git("mv", M02, target)
    # rewrite the text completely: the match must come from the ID, not from Git's rename detection
    text = (repo.path / target).read_text(encoding="utf-8")
    head, _, _ = text.rpartition("---\n")
    (repo.path / target).write_text(head + "---\nEin ganz neuer Text ohne gemeinsame Wörter.\n", encoding="utf-8")
    repo.commit("BIL-M02 nach Soziales verschoben")

    result = synopse(repo.path, "HEAD~1", "HEAD")
    assert [e.id for e in result.geaendert] == ["BIL-M02"]
    moved = result.geaendert[0]
    assert moved.aenderung is Aenderung.VERSCHOBEN
    assert (moved.bisher and moved.bisher.pfad, moved.neu and moved.neu.pfad) == (M02, target)
    assert result.anzahl(Aenderung.NEU) == result.anzahl(Aenderung.ENTFERNT) == 0

    code, output = lip(repo.path, "diff", "HEAD~1", "HEAD")
    assert code == 0, output
    assert "verschoben und geändert  Maßnahme BIL-M02 „Lernpatenschaften“\n" in output
    assert f"Datei: {M02} → {target}" in output
    assert "neu " not in output.split("\n", 2)[2] and "entfernt " not in output.split("\n", 2)[2]


def test_renamed_file_name_is_a_move(repo: Repo) -> None:
    repo.git("mv", M02, M02.replace("BIL-M02.md", "lernpaten.md"))
    repo.commit("falscher Dateiname")
    result = synopse(repo.path, "HEAD~1", "HEAD")
    assert [(e.id, e.aenderung) for e in result.geaendert] == [("BIL-M02", Aenderung.VERSCHOBEN)]
    assert not result.geaendert[0].inhalt_geaendert


def test_new_and_removed_items(repo: Repo) -> None:
    (repo.path / M02).unlink()
    new = repo.path / "handlungsfelder/bildung/massnahmen/BIL-M03.md"
    new.write_text((repo.path / M01).read_text(encoding="utf-8").replace("BIL-M01", "BIL-M03"), encoding="utf-8")
    repo.commit("BIL-M02 gestrichen, BIL-M03 neu")
    result = synopse(repo.path, "HEAD~1", "HEAD")
    assert [(e.id, e.aenderung) for e in result.geaendert] == [
        ("BIL-M02", Aenderung.ENTFERNT),
        ("BIL-M03", Aenderung.NEU),
    ]
    _, markdown = lip(repo.path, "diff", "HEAD~1", "HEAD", "--format", "markdown")
    assert "## Maßnahme BIL-M03 „Sprachcafés für Eltern“\n\nneu: `handlungsfelder/bildung/" in markdown
    assert "| titel | Sprachcafés für Eltern |" in markdown


# --- must show: reading old versions does not touch the working tree --------------------------


def _snapshot(repo: Repo) -> tuple[str, str, str, dict[str, str]]:
    files = {
        p.relative_to(repo.path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(repo.path.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(repo.path).parts
    }
    index = hashlib.sha256((repo.path / ".git" / "index").read_bytes()).hexdigest()
    return repo.git("status", "--porcelain", "--untracked-files=all"), repo.git("rev-parse", "HEAD"), index, files


def test_reading_old_versions_leaves_working_tree_and_index_alone(repo: Repo) -> None:
    repo.edit(M01, "lädt wöchentlich ein", "lädt zweimal pro Woche ein")
    repo.commit("Turnus")
    repo.edit(M01, "Eltern wünschen", "Viele Eltern wünschen")  # unstaged change
    repo.edit(M02, "titel: Lernpatenschaften", "titel: Lernpatenschaften für alle")
    repo.git("add", M02)  # staged change
    (repo.path / "handlungsfelder/bildung/massnahmen/BIL-M09.md").write_text("---\nid: BIL-M09\n---\n")  # untracked
    before = _snapshot(repo)
    assert before[0].count("\n") == 3

    for args in (("diff", "HEAD~1"), ("diff", "HEAD~1", "HEAD", "--format", "html"), ("report", "--base", "HEAD~1")):
        code, output = lip(repo.path, *args)
        assert code == 0, output
    assert _snapshot(repo) == before

    code, text = lip(repo.path, "diff", "HEAD~1")
    head = repo.git("rev-parse", "--short=7", "HEAD").strip()
    assert f"→ Arbeitsordner (Commit {head} vom 15.02.2026, mit nicht eingecheckten Änderungen)" in text
    assert "titel: Lernpatenschaften → Lernpatenschaften für alle" in text  # the staged change, read from the files
    assert "Maßnahme BIL-M09" in text  # the untracked file is part of the working folder


def test_old_version_with_errors_can_still_be_compared(repo: Repo) -> None:
    repo.edit(M01, "status: in_umsetzung", "status: läuft")
    repo.edit(M02, "titel: Lernpatenschaften", "titel: [kaputt")
    repo.commit("kaputt")
    repo.edit(M01, "status: läuft", "status: umgesetzt")
    repo.edit(M02, "titel: [kaputt", "titel: Lernpatenschaften")
    repo.commit("repariert")
    result = synopse(repo.path, "HEAD~1", "HEAD")
    m01 = result.element("massnahme", "BIL-M01")
    assert m01 is not None
    assert [(c.schluessel, c.bisher, c.neu) for c in m01.felder] == [
        ("umsetzung.status", "läuft (ungültig)", "umgesetzt")
    ]
    # BIL-M02 could not be read in the old version (YAML error): it shows up as new, not as a crash
    assert result.element("massnahme", "BIL-M02") is not None


# --- escaping -------------------------------------------------------------------------------


def test_markdown_and_html_escape_content_and_keep_the_gender_star(repo: Repo) -> None:
    repo.edit(M01, "lädt wöchentlich ein.", "lädt Expert*innen ein <b>fett</b> [Link](https://x.example) | #1 @team.")
    repo.edit(M01, "titel: Sprachcafés für Eltern", 'titel: "*Sprachcafés* für Eltern_innen"')
    repo.commit("Sonderzeichen")
    _, markdown = lip(repo.path, "diff", "HEAD~1", "HEAD", "--format", "markdown")
    assert "Expert\\*innen" in markdown
    assert "\\<b\\>fett\\</b\\>" in markdown and "<b>" not in markdown
    assert "~~wöchentlich ein.~~ **Expert\\*innen ein \\<b\\>fett\\</b\\> \\[Link\\](https://x.example) " in markdown
    assert " \\| \\#1 \\@team.**" in markdown
    assert "„\\*Sprachcafés\\* für Eltern\\_innen“" in markdown
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    assert (
        "<s>wöchentlich ein.</s> <strong>Expert*innen ein &lt;b&gt;fett&lt;/b&gt; "
        "[Link](https://x.example) | #1 @team.</strong>"
    ) in rendered
    assert "<h2>Maßnahme BIL-M01 „*Sprachcafés* für Eltern_innen“</h2>" in rendered
    assert "<td>titel</td>\n<td>Sprachcafés für Eltern</td>\n<td>*Sprachcafés* für Eltern_innen</td>" in rendered
    _, page = lip(repo.path, "diff", "HEAD~1", "HEAD", "--format", "html")
    assert (
        "<del>wöchentlich ein.</del> <ins>Expert*innen ein &lt;b&gt;fett&lt;/b&gt; [Link](https://x.example) | #1 "
        "@team.</ins>"
    ) in page
    assert "<b>" not in page and '<html lang="de">' in page


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Text des Ziels.", "Text des Ziels, jetzt mit Beratung."),
        ("Beginn (2025).", "Beginn (2026)."),
        ("Das Ende 2025.", "Das Ende 2026!"),
        ("„Zitat“ bleibt", "„Zitat neu“ bleibt"),
        ("Expert*innen und Kolleg*innen", "Expert*innen, Kolleg*innen"),
        ("- Punkt eins\n- Punkt zwei", "- Punkt eins\n- Punkt drei\n- Punkt vier"),
    ],
)
def test_marks_cover_whole_words_so_that_markdown_renders_them(old: str, new: str) -> None:
    diff = compare_text(old, new)
    assert diff.geaendert
    markdown = render_markdown.text_block(diff)
    rendered = MarkdownIt("commonmark").enable("strikethrough").render(markdown)
    assert "*" not in rendered.replace("Expert*innen", "").replace("Kolleg*innen", "")
    assert "~" not in rendered and ("<s>" in rendered or "<strong>" in rendered)
    assert "".join(s.text for s in diff.bisher) == old and "".join(s.text for s in diff.neu) == new


def test_output_file_is_written(repo: Repo, tmp_path: Path) -> None:
    repo.edit(M01, "betrag: 25000", "betrag: 30000")
    target = tmp_path / "synopse.html"
    code, output = lip(repo.path, "diff", "HEAD", "--format", "html", "--ausgabe", str(target))
    assert code == 0, output
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "30.000\u00a0€" in target.read_text(encoding="utf-8")


# --- German errors --------------------------------------------------------------------------


def test_unknown_revision_is_a_german_error(repo: Repo) -> None:
    repo.git("tag", "v1.0")
    code, output = lip(repo.path, "diff", "v9.9")
    assert code == 1
    assert "Fehler: Die Version „v9.9“ gibt es in diesem Repository nicht. Vorhandene Tags: v1.0." in output
    assert "Traceback" not in output


def test_option_like_revision_is_refused(repo: Repo) -> None:
    code, output = lip(repo.path, "diff", "--", "--output=/tmp/x")
    assert code == 1 and "keine gültige Angabe einer Version" in output


def test_outside_git_is_a_german_error(git_env: None, tmp_path: Path) -> None:
    plan = tmp_path / "ohne-git"
    shutil.copytree(MINI, plan)
    code, output = lip(plan, "diff", "HEAD")
    assert code == 1
    assert "liegt in keinem Git-Repository" in output


def test_missing_git_is_a_german_error(repo: Repo, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    empty = tmp_path / "leer"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    code, output = lip(repo.path, "diff", "HEAD")
    assert code == 1
    assert "Das Programm git ist nicht installiert" in output


def test_wrong_format_is_a_usage_error(repo: Repo) -> None:
    code, output = lip(repo.path, "diff", "HEAD", "--format", "docx")
    assert code == 2
    assert "Möglich sind: text, markdown, html, pdf" in output


# --- plan below the top of the repository; versions and history ---------------------------------


def test_plan_in_a_subfolder_of_the_repository(git_env: None, tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", plan_dir="plaene/lip")
    plan = repo.path / "plaene" / "lip"
    (repo.path / "README.md").write_text("anderes Projekt\n")
    repo.edit(f"plaene/lip/{M01}", "betrag: 25000", "betrag: 26000")
    repo.commit("Kosten")
    result = synopse(plan, "HEAD~1", "HEAD")
    assert [e.id for e in result.geaendert] == ["BIL-M01"]
    assert git.prefix(plan) == "plaene/lip/"
    changed = repo.git("rev-parse", "HEAD").strip()
    assert log.file_log(plan, M01)[0].hash == changed
    assert log.histories(plan, [M01])[M01][0].hash == changed


def test_tags_history_and_last_change(repo: Repo) -> None:
    first = repo.git("rev-parse", "HEAD").strip()
    repo.git("tag", "v2.0")
    repo.edit(M01, "betrag: 25000", "betrag: 30000")
    second = repo.commit("BIL-M01: Kosten")
    repo.git("tag", "-a", "v2.1", "-m", "Fassung 2.1")
    moved = "handlungsfelder/soziales/massnahmen/BIL-M01.md"
    repo.git("mv", M01, moved)
    third = repo.commit("BIL-M01 nach Soziales")

    assert [(t.name, t.commit) for t in git.tags(repo.path)] == [("v2.0", first), ("v2.1", second)]
    assert git.tag_of(repo.path, second) == "v2.1"
    assert synopse(repo.path, "v2.0", "v2.1").neu.tag == "v2.1"

    followed = log.file_log(repo.path, moved)
    assert [c.hash for c in followed] == [third, second, first]
    assert followed[1].betreff == "BIL-M01: Kosten" and followed[1].datum.year == 2026
    batch = log.histories(repo.path, [moved, M02, "content/plan.md", "gibt/es/nicht.md"])
    assert batch[moved] == followed
    assert [c.hash for c in batch[M02]] == [first]
    assert batch["gibt/es/nicht.md"] == ()
    last = log.last_change(repo.path, M02)
    assert last is not None and last.hash == first
    assert log.last_change(repo.path, "gibt/es/nicht.md") is None
