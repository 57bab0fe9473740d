"""`lip import status`: an edited export written back, only the implementation columns, all or nothing."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from lip_build.cli import cli
from lip_build.edit.status_import import column_letter
from lip_build.outputs.opendata.columns import columns

from .conftest import REPO, copy_plan

LABELS = [c.label for c in columns("massnahme")]
STATUS = column_letter(LABELS.index("Umsetzungsstand"))
STAND = column_letter(LABELS.index("Umsetzungsstand: Stand vom"))
TITEL = column_letter(LABELS.index("Titel"))
KENNUNG = column_letter(LABELS.index("Kennung"))


def _git(root: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t")
    env["GIT_COMMITTER_EMAIL"] = "t@example.org"
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with the shipped plan, committed, and its export in dist/daten/ (ignored)."""
    root = copy_plan(REPO, tmp_path / "plan")
    (root / ".gitignore").write_text("dist/\n")
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "Plan")
    result = CliRunner().invoke(cli, ["--plan", str(root), "export"])
    assert result.exit_code == 0, result.output
    return root


def _import(root: Path, path: Path, *extra: str, answer: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--plan", str(root), "import", "status", str(path), *extra], input=answer)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _daten(root: Path, name: str) -> Path:
    return root / "dist" / "daten" / name


@pytest.mark.parametrize("name", ["katalog.xlsx", "massnahmen.csv", "massnahmen-maschinenlesbar.csv"])
def test_an_unchanged_export_changes_nothing(repo: Path, name: str) -> None:
    code, output = _import(repo, _daten(repo, name), "--ja")
    assert code == 0, output
    assert "Keine Änderungen" in output
    assert _git(repo, "status", "--porcelain") == ""


def _edit_xlsx(path: Path, edits: dict[str, tuple[str, str]]) -> None:
    """Set cells of measures: ID → (column heading, value), on whatever sheet the measure is."""
    book = load_workbook(path)
    for sheet in book.worksheets:
        header = [c.value for c in sheet[1]]
        if "Kennung" not in header or "Umsetzungsstand" not in header:
            continue
        for row in sheet.iter_rows(min_row=2):
            ident = str(row[header.index("Kennung")].value)
            if ident in edits:
                heading, value = edits[ident]
                row[header.index(heading)].value = value
    book.save(path)


def test_three_statuses_changed_in_excel_change_exactly_three_lines(repo: Path) -> None:
    path = _daten(repo, "katalog.xlsx")
    _edit_xlsx(
        path,
        {
            "BIL-M10": ("Umsetzungsstand", "umgesetzt"),
            "SOZ-M08": ("Umsetzungsstand", "eingestellt"),  # the key is taken as well as the label
            "DEM-M02": ("Umsetzungsstand", "in den Regelbetrieb übergegangen"),
        },
    )
    code, output = _import(repo, path, answer="n\n")  # asked first; "no" writes nothing
    assert "3 Änderungen in 3 Maßnahmen schreiben? [j/N]" in output
    assert code == 1, output
    assert "BIL-M10 · Umsetzungsstand: nicht begonnen → umgesetzt" in output
    assert "Nichts geschrieben" in output
    assert _git(repo, "status", "--porcelain") == ""
    code, output = _import(repo, path, "--ja")
    assert code == 0, output
    numstat = sorted(line.split("\t")[2] for line in _git(repo, "diff", "--numstat").splitlines())
    assert [line.split("\t")[:2] for line in _git(repo, "diff", "--numstat").splitlines()] == [["1", "1"]] * 3
    assert [Path(p).stem for p in numstat] == ["BIL-M10", "DEM-M02", "SOZ-M08"]
    changed = [
        line for line in _git(repo, "diff", "-U0").splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert sorted(line for line in changed if line.startswith("+")) == [
        "+  status: eingestellt",
        "+  status: regelbetrieb",
        "+  status: umgesetzt",
    ]
    assert all(re.fullmatch(r"[-+]  status: \w+", line) for line in changed)
    result = CliRunner().invoke(cli, ["--plan", str(repo), "validate"])
    assert result.exit_code == 0, result.output
    code, output = _import(repo, path, "--ja")  # the same file again: nothing left to do
    assert (code, "Keine Änderungen" in output) == (0, True)


def _german_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))


def _write_german(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(("\ufeff" + buffer.getvalue()).encode("utf-8"))


def _row_of(rows: list[list[str]], ident: str) -> int:
    return next(i for i, row in enumerate(rows) if row[1] == ident)


CASES = {
    "unbekannte Kennung": ("Kennung", "BIL-M99", f"Spalte {KENNUNG} (Kennung)", "„BIL-M99“ gibt es im Plan nicht"),
    "unbekannter Status": ("Umsetzungsstand", "fertig", f"Spalte {STATUS} (Umsetzungsstand)", "kein Umsetzungsstand"),
    "unmögliches Datum": (
        "Umsetzungsstand: Stand vom",
        "31.02.2026",
        f"Spalte {STAND} (Umsetzungsstand: Stand vom)",
        "gibt es nicht im Kalender",
    ),
    "kein Datum": ("Umsetzungsstand: Stand vom", "Ende Juni", f"Spalte {STAND}", "kein Datum"),
    "geänderte Titelspalte": ("Titel", "Ein neuer Titel", f"Spalte {TITEL} (Titel)", "darf nicht geändert werden"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_cell_in_the_german_csv_is_named_and_nothing_is_written(repo: Path, case: str) -> None:
    heading, value, column, reason = CASES[case]
    path = _daten(repo, "massnahmen.csv")
    rows = _german_rows(path)
    status = rows[0].index("Umsetzungsstand")
    rows[_row_of(rows, "BIL-M02")][status] = "eingestellt"  # a good change in another row is not written either
    bad = _row_of(rows, "BIL-M04")
    rows[bad][rows[0].index(heading)] = value
    _write_german(path, rows)
    code, output = _import(repo, path, "--ja")
    assert code == 1, output
    assert f"Zeile {bad + 1}, {column}" in output
    assert reason in output
    assert "Nichts geschrieben" in output
    assert _git(repo, "status", "--porcelain") == ""


def test_a_change_that_the_validator_refuses_is_named_with_its_cell_and_nothing_is_written(repo: Path) -> None:
    """BIL-M09 is zurückgestellt: a status "in Umsetzung" contradicts the decision (LIP351)."""
    path = _daten(repo, "massnahmen.csv")
    rows = _german_rows(path)
    status = rows[0].index("Umsetzungsstand")
    rows[_row_of(rows, "BIL-M02")][status] = "eingestellt"  # a good change is not written either
    bad = _row_of(rows, "BIL-M09")
    assert rows[bad][rows[0].index("Entscheidungsstand")] == "zurückgestellt"
    rows[bad][status] = "in Umsetzung"
    _write_german(path, rows)
    code, output = _import(repo, path, "--ja")
    assert code == 1, output
    assert f"massnahmen.csv: Zeile {bad + 1}, Spalte {STATUS} (Umsetzungsstand): mit dieser Änderung" in output
    assert "handlungsfelder/bildung/massnahmen/BIL-M09.md:" in output and "LIP351 Fehler" in output
    assert "Nichts geschrieben" in output
    assert _git(repo, "status", "--porcelain") == ""


@pytest.mark.parametrize("case", ["unbekannter Status", "unmögliches Datum", "geänderte Titelspalte"])
def test_a_bad_cell_in_the_workbook_names_sheet_row_and_column(repo: Path, case: str) -> None:
    heading, value, column, reason = CASES[case]
    path = _daten(repo, "katalog.xlsx")
    _edit_xlsx(path, {"BIL-M02": ("Umsetzungsstand", "umgesetzt"), "BIL-M04": (heading, value)})
    book = load_workbook(path, read_only=True)
    ids = [r[1] for r in book["Bildung"].iter_rows(values_only=True)]
    code, output = _import(repo, path, "--ja")
    assert code == 1, output
    assert f"Blatt „Bildung“, Zeile {ids.index('BIL-M04') + 1}, {column}" in output
    assert reason in output
    assert _git(repo, "status", "--porcelain") == ""


def test_a_missing_id_column_and_a_file_that_is_no_export_are_refused(repo: Path) -> None:
    path = _daten(repo, "massnahmen.csv")
    rows = _german_rows(path)
    column = rows[0].index("Kennung")
    _write_german(path, [row[:column] + row[column + 1 :] for row in rows])
    code, output = _import(repo, path, "--ja")
    assert code == 1, output
    assert "die Spalte „Kennung“ fehlt" in output
    other = repo / "liste.csv"
    other.write_text("Name;Betrag\nA;1\n", encoding="utf-8")
    code, output = _import(repo, other, "--ja")
    assert code == 1 and "keine Maßnahmen-Tabelle" in output, output
    broken = repo / "kaputt.xlsx"
    broken.write_bytes(b"keine Arbeitsmappe")
    code, output = _import(repo, broken, "--ja")
    assert code == 1 and "keine lesbare Excel-Arbeitsmappe" in output, output
    latin = repo / "latin.csv"
    latin.write_bytes("Kennung;Umsetzungsstand\nBIL-M04;in Umsetzung für Jugendliche\n".encode("cp1252"))
    code, output = _import(repo, latin.with_name("latin.csv"), "--ja")
    assert code == 1, output
    assert _git(repo, "status", "--porcelain") == "?? kaputt.xlsx\n?? latin.csv\n?? liste.csv\n"


def test_date_and_remark_from_the_machine_csv(repo: Path) -> None:
    path = _daten(repo, "massnahmen-maschinenlesbar.csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    row = next(r for r in rows if r[1] == "BIL-M10")
    row[rows[0].index("umsetzung.stand")] = "2026-12-01"
    row[rows[0].index("umsetzung.bemerkung")] = "Zwölf neue Tandems; Mentor*innen gesucht."
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    code, output = _import(repo, path, "--ja")
    assert code == 0, output
    assert "BIL-M10 · Umsetzungsstand: Stand vom: (leer) → 01.12.2026" in output
    diff = _git(repo, "diff", "-U0")
    assert "+  stand: 2026-12-01" in diff
    assert "+  bemerkung: Zwölf neue Tandems; Mentor*innen gesucht." in diff
    assert _git(repo, "diff", "--name-only").strip() == "handlungsfelder/bildung/massnahmen/BIL-M10.md"


def test_status_of_a_measure_with_a_course_is_refused_but_its_remark_is_written(repo: Path) -> None:
    """BIL-M04 keeps dated entries: its state is the newest entry, so only a new entry in the file changes it."""
    path = _daten(repo, "katalog.xlsx")
    _edit_xlsx(path, {"BIL-M04": ("Umsetzungsstand", "umgesetzt")})
    code, output = _import(repo, path, "--ja")
    assert code == 1, output
    assert "BIL-M04 führt einen Verlauf der Umsetzung (umsetzung.verlauf in handlungsfelder/bildung/" in output
    assert "Nichts geschrieben" in output
    assert _git(repo, "status", "--porcelain") == ""
    _edit_xlsx(path, {"BIL-M04": ("Umsetzungsstand", "in Umsetzung")})
    _edit_xlsx(path, {"BIL-M04": ("Umsetzungsstand: Bemerkung", "Fünf Vereine, 79 Tandems.")})
    code, output = _import(repo, path, "--ja")
    assert code == 0, output
    assert "+  bemerkung: Fünf Vereine, 79 Tandems." in _git(repo, "diff", "-U0")
    result = CliRunner().invoke(cli, ["--plan", str(repo), "validate"])
    assert result.exit_code == 0, result.output


def test_libreoffice_converts_the_workbook_without_errors(repo: Path, tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        if os.environ.get("LIP_BROWSER_REQUIRED"):  # CI installs LibreOffice (.ci/run): there it must run
            pytest.fail("LibreOffice (soffice) fehlt, wird in der CI aber verlangt")
        pytest.skip("LibreOffice (soffice) ist nicht installiert (sudo apt-get install libreoffice-calc-nogui)")
    out = tmp_path / "lo"
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profil'}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,2",
            "--outdir",
            str(out),
            str(_daten(repo, "katalog.xlsx")),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr, done.stderr
    sheet = (out / "katalog-Bildung.csv").read_text(encoding="utf-8")
    assert "BIL-M04" in sheet and "Migrant*innenselbstorganisationen" in sheet


@pytest.mark.parametrize(
    ("answer", "meant"), [("j", True), (" Ja ", True), ("y", True), ("n", False), ("", False), ("nein", False)]
)
def test_the_question_takes_a_german_yes(answer: str, meant: bool) -> None:
    from lip_build.commands.status_import import _yes

    assert _yes(answer) is meant
