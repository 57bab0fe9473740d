"""`lip report` and `lip codeowners` on real Git repositories."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from lip_build.model.plan import Plan
from lip_build.outputs.pull_request import build_report, render

from .conftest import REPO, copy_plan
from .test_history_git import M01, MINI, Repo, isolate_git, lip, make_repo

Z_SOZ = "handlungsfelder/soziales/ziele/SOZ-Z01.md"


@pytest.fixture
def git_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path)


@pytest.fixture
def repo(git_env: None, tmp_path: Path) -> Repo:
    return make_repo(tmp_path / "plan")


M03 = "handlungsfelder/bildung/massnahmen/BIL-M03.md"


def _new_measure(repo: Repo, identifier: str, titel: str, name: str | None = None) -> None:
    text = (repo.path / M01).read_text(encoding="utf-8")
    text = text.replace("id: BIL-M01", f"id: {identifier}").replace("titel: Sprachcafés für Eltern", f"titel: {titel}")
    (repo.path / M01).with_name(name or f"{identifier}.md").write_text(text, encoding="utf-8")


def test_report_lists_validation_changes_fields_and_rechecks(repo: Repo) -> None:
    repo.git("switch", "-q", "-c", "aenderung")
    repo.edit(Z_SOZ, "Text des Ziels.", "Text des Ziels, jetzt mit Beratung in allen Stadtteilen.")
    repo.edit(Z_SOZ, "zielwert: 40", "zielwert: 45")
    repo.edit(M01, "betrag: 25000", "betrag: 30000")
    repo.edit(M01, "status: in_umsetzung", "status: fertig")  # an error the report must show
    repo.commit("SOZ-Z01 geschärft, BIL-M01 Kosten")

    code, text = lip(repo.path, "report", "--base", "main")
    assert code == 0, text
    assert text.startswith("## Bericht zum Lokalen Integrationsplan\n")
    # validation of the head, with counts and every diagnostic
    # BIL-M01 has an error, so its follow-up checks (LIP311 among them) wait until it is fixed
    assert "❌ 1 Fehler und 1 Warnung in 2 Dateien (21 Dateien geprüft)." in text
    assert f"{M01}:" in text and "LIP205 Fehler: „fertig“ ist kein erlaubter Wert" in text
    assert "LIP311 Warnung" in text
    # every changed item with its title and what changed
    assert "- **Ziel SOZ-Z01** „Ein Ziel im Handlungsfeld Soziales ist erreicht.“ – geändert: Angaben: " in text
    assert "`kennzahlen[1].zielwert`; Text: 1 Wort entfernt, 7 Wörter neu" in text
    assert "Text des ~~Ziels.~~ **Ziels, jetzt mit Beratung in allen Stadtteilen.**" in text
    assert "| umsetzung.status | in Umsetzung | fertig (ungültig) |" in text
    assert "| kennzahlen\\[1\\].zielwert | 40 | 45 |" in text
    assert "- **Maßnahme BIL-M01** „Sprachcafés für Eltern“ – geändert: Angaben: `kosten[1].betrag`" in text
    # Handlungsfelder and expert groups concerned, with the Gremium's name
    assert "| Soziales (SOZ) | Expert\\*innengruppe Soziales (`eg-soziales`) | 1 geändert, 1 zu prüfen |" in text
    assert "| Bildung (BIL) | Expert\\*innengruppe Bildung (`eg-bildung`) | 1 geändert, 1 zu prüfen |" in text
    assert "<summary>Maßnahme BIL-M01 „Sprachcafés für Eltern“</summary>" in text
    # measures serving the changed goal, from both fields
    assert (
        "**Ziel SOZ-Z01** „Ein Ziel im Handlungsfeld Soziales ist erreicht.“ wurde geändert (Text, Kennzahlen)." in text
    )
    assert "- **Maßnahme BIL-M01** „Sprachcafés für Eltern“ (Bildung, Expert\\*innengruppe Bildung)" in text
    assert "- **Maßnahme SOZ-M01** „Beratung im Stadtteil“ (Soziales, Expert\\*innengruppe Soziales)" in text
    assert "`lip review confirm SOZ-Z01`" in text
    assert "ID schon vergeben" not in text


def test_unchanged_goal_layout_needs_no_recheck(repo: Repo) -> None:
    repo.edit(Z_SOZ, "Text des Ziels.", "Text des\nZiels.")
    repo.commit("nur umbrochen")
    bericht = build_report(repo.path, "HEAD~1", "HEAD")
    assert bericht.pruefungen == ()
    assert bericht.synopse.geaendert == ()


def test_new_id_already_taken_on_the_base_is_flagged(repo: Repo) -> None:
    repo.git("switch", "-q", "-c", "neue-massnahme")
    _new_measure(repo, "BIL-M03", "Lesepaten in Grundschulen")
    repo.commit("BIL-M03 neu: Lesepaten")
    repo.git("switch", "-q", "main")
    _new_measure(repo, "BIL-M03", "Sprachförderung im Sportverein")
    repo.commit("BIL-M03 neu: Sportverein")

    # the PR branch as it is (GitLab merge requests): compared with its branch point on main
    code, text = lip(repo.path, "report", "--base", "main", "--head", "neue-massnahme")
    assert code == 0, text
    assert "### ⚠️ ID schon vergeben" in text
    assert (
        "**Maßnahme BIL-M03** „Lesepaten in Grundschulen“ ist hier neu, aber die ID **BIL-M03** gibt es auf `main` "
        f"inzwischen schon (`{M03}`)."
    ) in text
    assert "„Sportverein" not in text  # main's own new measure is not reported as removed by the PR
    assert "Änderungen am Plan (1)" in text


def test_merge_result_with_duplicate_id_is_flagged_and_invalid(repo: Repo) -> None:
    repo.git("switch", "-q", "-c", "neue-massnahme")
    _new_measure(repo, "BIL-M03", "Lesepaten in Grundschulen", name="BIL-M03-lesepaten.md")
    repo.commit("BIL-M03 neu, Datei anders benannt")
    repo.git("switch", "-q", "main")
    _new_measure(repo, "BIL-M03", "Sprachförderung im Sportverein")
    repo.commit("BIL-M03 neu")
    # what GitHub checks out for a pull request: the merge of the branch into the base
    repo.git("switch", "-q", "-c", "pr-merge")
    repo.git("merge", "-q", "--no-edit", "neue-massnahme")

    bericht = build_report(repo.path, "main", "pr-merge")
    assert [(k.element.id, k.basis_pfad) for k in bericht.kollisionen] == [("BIL-M03", M03)]
    assert "LIP301" in {d.code for d in bericht.diagnostics.items}


def test_report_without_plan_changes(repo: Repo) -> None:
    (repo.path / "notizen.txt").write_text("keine Plandatei\n")
    repo.commit("Notiz")
    code, text = lip(repo.path, "report", "--base", "HEAD~1", "--head", "HEAD")
    assert code == 0, text
    assert "✅ Keine Probleme gefunden" in text
    assert "Dieser Pull-Request ändert keine Inhalte des Plans" in text


def test_report_names_files_the_plan_does_not_read(repo: Repo) -> None:
    """A file saved without .md changes the plan's folders: never "ändert keine Inhalte"."""
    (repo.path / "handlungsfelder/bildung/protokoll.txt").write_text("Protokoll der Sitzung\n")
    repo.commit("Protokoll")
    code, text = lip(repo.path, "report", "--base", "HEAD~1", "--head", "HEAD")
    assert code == 0, text
    assert "ändert keine Inhalte" not in text
    assert "aber Dateien in content/ oder handlungsfelder/: `handlungsfelder/bildung/protokoll.txt`" in text
    assert "LIP111 Fehler" in text


def test_report_shows_a_measure_renamed_to_txt(repo: Repo) -> None:
    (repo.path / M01).rename((repo.path / M01).with_suffix(".txt"))
    repo.commit("BIL-M01 umbenannt")
    code, text = lip(repo.path, "report", "--base", "HEAD~1", "--head", "HEAD")
    assert code == 0, text
    assert "ändert keine" not in text
    assert "LIP113 Fehler" in text and "BIL-M01" in text


def test_report_unknown_base_is_a_german_error(repo: Repo) -> None:
    code, output = lip(repo.path, "report", "--base", "origin/main")
    assert code == 1
    assert "Die Version „origin/main“ gibt es in diesem Repository nicht." in output


# --- lip codeowners -------------------------------------------------------------------------

CONFIG = """# Teams
standard: "@stadt/redaktion"
gremien:
  eg-bildung: ["@stadt/eg-bildung", "@stadt/ag-jugend"]
  eg-soziales: "@stadt/eg-soziales"
"""


def test_codeowners_routes_each_field_to_its_expert_group(git_env: None, tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(MINI, plan)
    (plan / "codeowners.yml").write_text(CONFIG, encoding="utf-8")
    code, output = lip(plan, "codeowners")
    assert code == 0, output
    assert "Geschrieben: .github/CODEOWNERS (2 Handlungsfelder)" in output
    lines = (plan / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    rules = [line for line in lines if line and not line.startswith("#")]
    assert rules == [
        "* @stadt/redaktion",
        "/handlungsfelder/bildung/ @stadt/eg-bildung @stadt/ag-jugend",
        "/handlungsfelder/soziales/ @stadt/eg-soziales",
    ]
    assert "# Soziales (SOZ): Expert*innengruppe Soziales" in lines


def test_codeowners_in_a_subfolder_and_to_stdout(git_env: None, tmp_path: Path) -> None:
    plan = make_repo(tmp_path / "repo", plan_dir="plaene/lip").path / "plaene" / "lip"
    (plan / "codeowners.yml").write_text(CONFIG, encoding="utf-8")
    code, output = lip(plan, "codeowners", "--ausgabe", "-")
    assert code == 0, output
    assert "/plaene/lip/handlungsfelder/soziales/ @stadt/eg-soziales\n" in output
    assert not (plan / ".github").exists()


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (None, "Die Datei codeowners.yml fehlt."),
        (
            'gremien:\n  eg-bildung: "@stadt/eg-bildung"\n',
            "Für das Gremium „eg-soziales“ (Expert*innengruppe Soziales, Expert*innengruppe des Handlungsfelds "
            "Soziales) steht in codeowners.yml kein Team.",
        ),
        ('gremien:\n  eg-bildung: "stadt eg"\n  eg-soziales: "@s/t"\n', "„stadt eg“ (bei „gremien → eg-bildung“"),
        ("gremien: [\n", "codeowners.yml ist kein gültiges YAML (Zeile 2)"),
        ('teams:\n  eg-bildung: "@s/t"\n', "fehlt der Abschnitt „gremien:“"),
    ],
)
def test_codeowners_configuration_errors_are_german(
    git_env: None,
    tmp_path: Path,
    config: str | None,
    message: str,
) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(MINI, plan)
    if config is not None:
        (plan / "codeowners.yml").write_text(config, encoding="utf-8")
    code, output = lip(plan, "codeowners")
    assert code == 1, output
    assert message in output
    assert "Traceback" not in output
    assert not (plan / ".github").exists()


def test_shipped_codeowners_configuration_covers_every_field() -> None:
    code, output = lip(REPO, "codeowners", "--ausgabe", "-")
    assert code == 0, output
    assert output.count("/handlungsfelder/") == 6


def test_report_on_the_shipped_plan_lists_every_measure_of_a_changed_goal(
    git_env: None,
    tmp_path: Path,
    shipped_plan: Plan,
) -> None:
    shipped = Repo(copy_plan(REPO, tmp_path / "plan"))
    shipped.git("init", "-q", "-b", "main")
    shipped.commit("LIP 2.0")
    goal = shipped_plan.ziel("BIL-Z02")
    shipped.edit(goal.quelle.pfad, f"zielwert: {goal.kennzahlen[0].zielwert:g}", "zielwert: 99")
    bericht = build_report(shipped.path, "main")
    (check,) = bericht.pruefungen
    assert check.ziel.id == "BIL-Z02" and check.gruende == ("Kennzahlen",)
    expected = [m.id for m in shipped_plan.massnahmen_zu("BIL-Z02")]
    assert len(expected) >= 2
    assert sorted(m.id for m in check.massnahmen) == sorted(expected)
    fields = {g.code for g in bericht.felder}
    assert fields == {"BIL"} | {m.handlungsfeld for m in shipped_plan.massnahmen_zu("BIL-Z02")}
    assert bericht.dateien == 153 or bericht.dateien > 100


def _confirm(repo: Repo, path: str, goal: str, value: str) -> None:
    """Write the bookkeeping block `geprueft:` (as `lip review confirm` does) with one entry."""
    text = (repo.path / path).read_text(encoding="utf-8")
    front, _, body = text[4:].partition("\n---\n")
    front = re.sub(r"\ngeprueft:\n(?:  .*\n?)*", "\n", front + "\n").rstrip("\n")
    (repo.path / path).write_text(f'---\n{front}\ngeprueft:\n  {goal}: "{value}"\n---\n{body}', encoding="utf-8")


def test_confirmations_are_bookkeeping_and_listed_separately(repo: Repo) -> None:
    soz = "handlungsfelder/soziales/massnahmen/SOZ-M01.md"
    _confirm(repo, soz, "SOZ-Z01", "11111111")
    repo.commit("bestätigt")
    repo.edit(Z_SOZ, "Text des Ziels.", "Text des Ziels mit Beratung.")
    _confirm(repo, soz, "SOZ-Z01", "22222222")
    _new_measure(repo, "BIL-M03", "Lesepaten")
    _confirm(repo, M03, "BIL-Z01", "33333333")
    repo.commit("Ziel geändert, SOZ-M01 bestätigt, BIL-M03 neu")

    bericht = build_report(repo.path, "HEAD~1", "HEAD")
    soz_m01 = bericht.synopse.element("massnahme", "SOZ-M01")
    assert soz_m01 is not None and soz_m01.felder == () and not soz_m01.inhalt_geaendert
    assert [(v.schluessel, v.bisher, v.neu) for v in soz_m01.vermerke] == [("geprueft.SOZ-Z01", "11111111", "22222222")]
    assert "SOZ-M01" not in [e.id for e in bericht.synopse.geaendert]

    text = render(bericht)
    assert (
        "- **Maßnahme SOZ-M01** „Beratung im Stadtteil“ (Soziales, Expert\\*innengruppe Soziales) – in diesem" in text
    )
    assert "### Bestätigt" in text
    assert "- **Maßnahme SOZ-M01** „Beratung im Stadtteil“ passt weiterhin zu SOZ-Z01" in text
    assert "Lesepaten“ passt weiterhin" not in text  # a new measure is not "still" fitting
    _, synopse_text = lip(repo.path, "diff", "HEAD~1", "HEAD")
    assert "Nur Prüfvermerke (geprueft) geändert: 1 Element." in synopse_text
    assert "geprueft" not in synopse_text.split("\n", 3)[3]
