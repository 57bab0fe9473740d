"""`lip bericht` on real Git repositories: the changes it lists, older states from an older tag, and the
refusal of broken entries with file and line (issue 12)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from lip_build.cli import cli

from .documents.helpers import flat, pages
from .test_history_git import M01, Repo
from .test_history_transitions import history  # noqa: F401 (the fixture: mini plan, tag v1, three commits)

PDF = "dist/LIP-0.1-Sachstandsbericht-2027-06-30.pdf"  # the mini plan is version 0.1
DOCX = "dist/LIP-0.1-Sachstandsbericht-2027-06-30.docx"


def lip(plan: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--plan", str(plan), *args])
    return result.exit_code, result.output


def report_text(root: Path) -> str:
    text = " ".join(flat(t) for t in pages((root / PDF).read_bytes()))
    return re.sub(r"(?<=[a-zäöüß])- (?=[a-zäöüß])", "", text)  # words hyphenated at line ends


def test_changes_since_a_tag_are_exactly_the_commits_transitions(history: Repo) -> None:  # noqa: F811
    code, output = lip(history.path, "bericht", "--stichtag", "30.06.2027", "--seit", "v1", "--nummer", "1234/2027")
    assert code == 0, output
    assert f"Geschrieben: {PDF}" in output and f"Geschrieben: {DOCX}" in output
    text = report_text(history.path)
    section = text[text.index("Änderungen des Umsetzungsstands seit der Fassung v1") : text.index("Handlungsfeld 1:")]
    found = re.findall(r"(BIL-M0\d) [^:]+: ([^→]+?) → ([^(]+?) \(([^)]+)\)", section)
    assert found == [
        ("BIL-M01", "in Umsetzung", "umgesetzt", "Stand 31.12.2026, eingetragen am 15.02.2026"),
        ("BIL-M02", "nicht begonnen", "in Umsetzung", "eingetragen am 15.03.2026"),
        ("BIL-M01", "umgesetzt", "in den Regelbetrieb übergegangen", "Stand 30.06.2027, eingetragen am 15.04.2026"),
    ]
    assert "BIL-M01 · Umsetzungsstand: in den Regelbetrieb übergegangen" in text
    assert "BIL-M02 · Umsetzungsstand: in Umsetzung" in text


def test_a_stichtag_before_a_change_leaves_it_out_with_a_note(history: Repo) -> None:  # noqa: F811
    code, output = lip(history.path, "bericht", "--stichtag", "2027-03-31", "--seit", "v1", "--nummer", "1234/2027")
    assert code == 0, output
    assert "Hinweis: 1 Änderungen des Umsetzungsstands nach dem Stichtag werden nicht aufgeführt (BIL-M01)." in output
    assert "LIP-0.1-Sachstandsbericht-2027-03-31.pdf" in output
    pdf = history.path / "dist/LIP-0.1-Sachstandsbericht-2027-03-31.pdf"
    march = " ".join(flat(t) for t in pages(pdf.read_bytes()))
    assert "in den Regelbetrieb" not in march.split("Änderungen des Umsetzungsstands")[1].split("Handlungsfeld 1:")[0]


def test_a_report_built_from_an_older_tag_shows_the_older_states(history: Repo) -> None:  # noqa: F811
    history.git("checkout", "-q", "v1")
    code, output = lip(history.path, "bericht", "--stichtag", "30.06.2027", "--seit", "v1", "--nummer", "1234/2027")
    assert code == 0, output
    text = report_text(history.path)
    assert "BIL-M01 · Umsetzungsstand: in Umsetzung (Stand 30.06.2026)" in text
    assert "BIL-M02 · Umsetzungsstand: nicht begonnen" in text
    assert "Seit der Fassung v1" in text and "hat keine Maßnahme ihren Umsetzungsstand geändert" in text


BIL_M01 = "handlungsfelder/bildung/massnahmen/BIL-M01.md"


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("- datum: 2026-12-31\n      status: in_umsetzung", "- datum: 2026-12-31\n      status: fertig", "LIP205"),
        ("- datum: 2027-06-30", "- datum: 2026-12-01", "LIP355"),
    ],
    ids=["unbekannter-status", "reihenfolge"],
)
def test_a_broken_entry_stops_the_report_with_file_and_line(plan_copy: Path, old: str, new: str, code: str) -> None:
    path = plan_copy / BIL_M01
    text = path.read_text(encoding="utf-8")
    assert old in text
    broken = text.replace(old, new, 1)
    path.write_text(broken, encoding="utf-8")
    line = broken[: broken.index(new) + len(new)].count("\n") + 1  # the last line of the change
    exit_code, output = lip(plan_copy, "bericht", "--stichtag", "30.06.2027", "--nummer", "1234/2027")
    assert exit_code == 1, output
    assert re.search(rf"^{re.escape(BIL_M01)}:{line}:\d+: {code} Fehler: ", output, re.MULTILINE), output
    assert not list((plan_copy / "dist").glob("*Sachstandsbericht*"))


def test_an_entry_after_the_stichtag_stops_the_report_with_file_and_line(plan_copy: Path) -> None:
    """A typed year (2072) or a Stichtag too early: the report cannot know an entry after its day."""
    path = plan_copy / BIL_M01
    text = path.read_text(encoding="utf-8")
    broken = text.replace("- datum: 2027-06-30", "- datum: 2072-06-30", 1).replace(
        "stand: 2027-06-30", "stand: 2072-06-30"
    )
    assert broken.count("2072-06-30") == 2  # the newest entry and the current state (LIP356)
    path.write_text(broken, encoding="utf-8")
    line = broken[: broken.index("- datum: 2072-06-30")].count("\n") + 1
    exit_code, output = lip(plan_copy, "bericht", "--stichtag", "30.06.2027", "--nummer", "1234/2027")
    assert exit_code == 1, output
    expected = f"{BIL_M01}:{line}:7: Fehler: Der Eintrag im Verlauf vom 30.06.2072 liegt nach dem Stichtag 30.06.2027."
    assert expected in output.splitlines(), output
    assert "--ohne-spaetere" in output and "Nichts geschrieben." in output
    assert not list((plan_copy / "dist").glob("*Sachstandsbericht*"))


def test_a_report_for_an_earlier_stichtag_leaves_later_entries_out_when_asked(plan_copy: Path) -> None:
    exit_code, output = lip(plan_copy, "bericht", "--stichtag", "31.12.2026", "--nummer", "1234/2027", "-q")
    assert exit_code == 1 and "liegt nach dem Stichtag 31.12.2026" in output, output
    exit_code, output = lip(
        plan_copy, "bericht", "--stichtag", "31.12.2026", "--nummer", "1234/2027", "-q", "--ohne-spaetere"
    )
    assert exit_code == 0, output
    assert "Hinweis: 1 Eintrag im Verlauf nach dem Stichtag 31.12.2026 (30.06.2027) nicht verwendet" in output
    assert (plan_copy / "dist" / "LIP-2.0-Sachstandsbericht-2026-12-31.pdf").is_file()


def test_a_value_in_the_wrong_unit_stops_the_report(plan_copy: Path) -> None:
    path = plan_copy / "handlungsfelder/bildung/ziele/BIL-Z01.md"
    text = path.read_text(encoding="utf-8")
    match = re.search(r"(      - jahr: \d{4}\n        wert: [\d.]+\n        einheit: )(.+)", text)
    assert match, path
    path.write_text(text.replace(match.group(0), match.group(1) + "Kilogramm", 1), encoding="utf-8")
    exit_code, output = lip(plan_copy, "bericht", "--stichtag", "30.06.2027", "--nummer", "1234/2027")
    assert exit_code == 1, output
    relative = path.relative_to(plan_copy).as_posix()
    assert re.search(rf"^{re.escape(relative)}:\d+:\d+: LIP357 Fehler: ", output, re.MULTILINE), output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--stichtag", "31.02.2027", "--nummer", "1234/2027"], "„31.02.2027“ ist kein Datum."),
        (["--stichtag", "30.06.2027", "--nummer", "12/27"], "„12/27“ ist keine Drucksachennummer."),
        (["--nummer", "1234/2027"], "Die Angabe „--stichtag“ fehlt."),
    ],
)
def test_wrong_calls_are_german_usage_errors(plan_copy: Path, args: list[str], message: str) -> None:
    exit_code, output = lip(plan_copy, "bericht", *args)
    assert exit_code == 2 and message in output, output


def test_an_unknown_tag_is_a_german_error(history: Repo) -> None:  # noqa: F811
    code, output = lip(history.path, "bericht", "--stichtag", "30.06.2027", "--seit", "v9", "--nummer", "1234/2027")
    assert code == 1, output
    assert "Die Version „v9“ gibt es in diesem Repository nicht. Vorhandene Tags: v1." in output
    assert not (history.path / PDF).exists()


def test_the_report_needs_no_git_when_there_is_no_previous_report(history: Repo) -> None:  # noqa: F811
    """The mini plan keeps no Verlauf: without --seit there is no period, so no section of changes."""
    history.edit(M01, "Eltern wünschen", "Alle Eltern wünschen")
    code, output = lip(history.path, "bericht", "--stichtag", "30.06.2027", "--nummer", "1234/2027", "-q")
    assert code == 0, output
    assert "Änderungen des Umsetzungsstands" not in report_text(history.path)


def test_outside_git_the_report_has_no_changes_section_and_says_why(plan_copy: Path) -> None:
    """The shipped plan keeps a Verlauf, so without --seit the period starts at its previous report (31.12.2026);
    a copy outside Git cannot say what changed since then, which the report and a note say, instead of failing."""
    code, output = lip(plan_copy, "bericht", "--stichtag", "30.06.2027", "--nummer", "1234/2027", "-q")
    assert code == 0, output
    assert "Hinweis: Die Änderungen seit dem 31.12.2026 fehlen im Bericht, weil Git sie nicht liefert:" in output
    text = " ".join(flat(t) for t in pages((plan_copy / "dist/LIP-2.0-Sachstandsbericht-2027-06-30.pdf").read_bytes()))
    assert "Änderungen des Umsetzungsstands" not in text
    code, output = lip(
        plan_copy, "bericht", "--stichtag", "30.06.2027", "--seit", "31.12.2026", "--nummer", "1234/2027"
    )
    assert code == 1 and "in keinem Git-Repository" in output, output  # asked for explicitly: an error
