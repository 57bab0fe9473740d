"""`lip import status`: the implementation columns of an edited export written back into the measures.

Reads an export of `lip export` (katalog.xlsx, massnahmen.csv for Excel, massnahmen-maschinenlesbar.csv)
after an editor changed it. Only the columns umsetzung.status, umsetzung.stand and umsetzung.bemerkung
may differ from a fresh export of the plan (status and stand only where the measure keeps no dated
entries in umsetzung.verlauf: there the newest entry is the state, and a new one is written in the
file); every other cell is compared with it and a difference is refused. All problems are collected
and named with row and column as the spreadsheet shows them; if there is one, nothing is written. A
change is written with the canonical front-matter writer of `lip format`, so that only the lines of
the changed field change; before anything is written, the whole plan is checked with the changed
texts, and a change that would make it fail `lip validate` (a status "umgesetzt" for a measure the
council has not adopted, LIP351) is refused with its cell and the validator's message.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lip_build import schema as s
from lip_build.atomic import atomic_file
from lip_build.diagnostics import Diagnostics, Severity
from lip_build.edit.frontmatter import front_matter, plain, shape_of
from lip_build.edit.reformat import canonical_text
from lip_build.errors import StatusImportError
from lip_build.load.files import classify
from lip_build.load.source import FENCE, split
from lip_build.model.plan import Massnahme, Plan

WRITABLE = ("umsetzung.status", "umsetzung.stand", "umsetzung.bemerkung")
_FIELD = {"umsetzung.status": "status", "umsetzung.stand": "stand", "umsetzung.bemerkung": "bemerkung"}


@dataclass(frozen=True)
class Table:
    """One sheet (or a CSV file): its header and rows of cells, with the sheet name for messages."""

    sheet: str | None
    header: list[str]
    rows: list[list[Any]]


@dataclass(frozen=True)
class Change:
    id: str
    key: str  # "umsetzung.status"
    label: str  # the column's heading: "Umsetzungsstand"
    before: Any
    after: Any
    where: str = ""  # "katalog.xlsx: Blatt „Bildung“, Zeile 3, Spalte W (Umsetzungsstand)"


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the letters a spreadsheet shows for the cell at `index` of a row."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def read_tables(name: str, data: bytes) -> tuple[str, list[Table]]:
    """The kind of export ("xlsx", "german", "machine") and its tables; StatusImportError if unreadable."""
    if name.lower().endswith(".xlsx"):
        return "xlsx", _xlsx_tables(name, data)
    if not name.lower().endswith(".csv"):
        raise StatusImportError([f"{name}: nur Dateien aus „lip export“ (.xlsx oder .csv) können eingelesen werden."])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StatusImportError(
            [f"{name}: die Datei ist nicht in UTF-8 gespeichert. Speichern Sie sie in Excel als „CSV UTF-8“."]
        ) from None
    first = text.split("\n", 1)[0]
    german = first.count(";") >= first.count(",")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if german else ","))
    if not rows:
        raise StatusImportError([f"{name}: die Datei ist leer."])
    return ("german" if german else "machine"), [Table(None, rows[0], rows[1:])]


def _xlsx_tables(name: str, data: bytes) -> list[Table]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), data_only=True, read_only=True)
    except (BadZipFile, KeyError, ValueError, OSError):
        raise StatusImportError([f"{name}: keine lesbare Excel-Arbeitsmappe (.xlsx)."]) from None
    tables = []
    for sheet in book.worksheets:
        values = [list(row) for row in sheet.iter_rows(values_only=True)]
        if values:
            tables.append(Table(sheet.title, [str(v) if v is not None else "" for v in values[0]], values[1:]))
    book.close()
    return tables


def _where(table: Table, row: int, column: int, label: str) -> str:
    sheet = f"Blatt „{table.sheet}“, " if table.sheet else ""
    return f"{sheet}Zeile {row + 2}, Spalte {column_letter(column)} ({label})"


def _same(a: Any, b: Any) -> bool:
    return bool(_norm(a) == _norm(b))


def _norm(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.replace("\r\n", "\n")
    return value


_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _date(value: Any) -> dt.date | str | None:
    """A date, None for an empty cell, or the reason why it is none (a German sentence)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    german, iso = _GERMAN_DATE.match(text), _ISO_DATE.match(text)
    if german:
        day, month, year = (int(g) for g in german.groups())
    elif iso:
        year, month, day = (int(g) for g in iso.groups())
    else:
        return f"„{text}“ ist kein Datum; schreiben Sie es als TT.MM.JJJJ, z. B. 30.06.2026."
    try:
        return dt.date(year, month, day)
    except ValueError:
        return f"den {text} gibt es nicht im Kalender."


def _status(value: Any) -> str | None:
    text = "" if value is None else str(value).strip()
    for key, label in s.UMSETZUNG_STATUS.options:
        if text in (key, label) or text.casefold() == label.casefold():
            return key
    return None


def changes(
    name: str, uploaded: list[Table], reference: list[Table], keys: list[str], plan: Plan, titles: dict[str, str]
) -> list[Change]:
    """What the edited export changes; StatusImportError naming every problem (row and column).

    `reference` are the measure tables of a fresh export of `plan` in the same format, `keys` the field key
    of each of their columns (the same for every table), `titles` the German heading of each key."""
    header = reference[0].header
    key_of = dict(zip(header, keys, strict=True))
    id_label = header[keys.index("id")]
    problems: list[str] = []
    writable = {h for h, k in key_of.items() if k in WRITABLE}
    tables = [t for t in uploaded if writable & set(t.header)]  # the sheets of measures (not overview, goals)
    if not tables:
        raise StatusImportError(
            [
                f"{name}: das ist keine Maßnahmen-Tabelle aus „lip export“: keine Spalte zum Umsetzungsstand "
                f"({', '.join(f'„{h}“' for h in header if h in writable)}) steht in der ersten Zeile."
            ]
        )
    expected: dict[str, list[Any]] = {}
    for table in reference:
        for row in table.rows:
            expected[str(row[keys.index("id")])] = row
    measures = {m.id: m for m in plan.massnahmen}
    seen: dict[str, str] = {}
    found: list[Change] = []
    for table in tables:
        sheet = f"Blatt „{table.sheet}“: " if table.sheet else ""
        if id_label not in table.header:
            problems.append(f"{name}: {sheet}die Spalte „{id_label}“ fehlt; ohne sie ist keine Zeile zuzuordnen.")
            continue
        unknown = [h for h in table.header if h and h not in key_of]
        for h in unknown:
            problems.append(
                f"{name}: {sheet}Zeile 1, Spalte {column_letter(table.header.index(h))}: die Spalte „{h}“ gibt es "
                "im Export nicht (Spalten dürfen nicht umbenannt oder hinzugefügt werden)."
            )
        id_column = table.header.index(id_label)
        for number, row in enumerate(table.rows):
            cells = list(row) + [None] * (len(table.header) - len(row))
            if all(_norm(c) == "" for c in cells):
                continue
            ident = str(_norm(cells[id_column])).strip()
            if ident not in measures or ident not in expected:
                problems.append(
                    f"{name}: {_where(table, number, id_column, id_label)}: eine Maßnahme „{ident}“ gibt es im "
                    "Plan nicht (die Kennung darf nicht geändert werden)."
                )
                continue
            place = _where(table, number, id_column, id_label)
            if ident in seen:
                problems.append(f"{name}: {place}: „{ident}“ steht schon in {seen[ident]}.")
                continue
            seen[ident] = place
            measure, fresh = measures[ident], expected[ident]
            for column, heading in enumerate(table.header):
                key = key_of.get(heading)
                if key is None:
                    continue
                where = f"{name}: {_where(table, number, column, heading)}"
                value = cells[column]
                if key not in WRITABLE:
                    planned = fresh[keys.index(key)]
                    if not _same(value, planned):
                        problems.append(
                            f"{where}: diese Spalte darf nicht geändert werden (im Plan: „{_shown(planned)}“, "
                            f"in der Datei: „{_shown(value)}“). Nur die Spalten zum Umsetzungsstand werden übernommen."
                        )
                    continue
                problem, change = _writable(key, titles.get(key, heading), value, measure)
                if problem:
                    problems.append(f"{where}: {problem}")
                elif change:
                    found.append(dataclasses.replace(change, where=where))
    if problems:
        raise StatusImportError(problems)
    return found


def _shown(value: Any) -> str:
    value = _norm(value)
    return value.strftime("%d.%m.%Y") if isinstance(value, dt.date) else str(value)


def _writable(key: str, heading: str, value: Any, measure: Massnahme) -> tuple[str | None, Change | None]:
    field = _FIELD[key]
    before: Any = getattr(measure.umsetzung, field)
    after: Any
    if field == "status":
        after = _status(value)
        if after is None:
            labels = ", ".join(f"„{label}“" for _, label in s.UMSETZUNG_STATUS.options)
            return f"„{_shown(value)}“ ist kein Umsetzungsstand. Möglich sind: {labels}.", None
    elif field == "stand":
        after = _date(value)
        if isinstance(after, str):
            return after, None
    else:
        text = str(_norm(value)).strip()
        after = text or None
        before = (before or "").strip() or None
    if after == before:
        return None, None
    if field != "bemerkung" and measure.umsetzung.verlauf:
        # The current state is the newest entry of the measure's course (LIP356): a new one needs an entry.
        return (
            f"{measure.id} führt einen Verlauf der Umsetzung (umsetzung.verlauf in {measure.quelle.pfad}); ein neuer "
            "Stand gehört dort als neuer Eintrag mit Datum, Status und „erledigt“ hinein, danach werden Status und "
            "Stand oben angepasst. Lassen Sie die Zelle wie im Export.",
            None,
        )
    return None, Change(measure.id, key, heading, before, after)


def describe(change: Change) -> str:
    """ "BIL-M04 · Umsetzungsstand: in Umsetzung → umgesetzt" """

    def shown(value: Any) -> str:
        if value is None:
            return "(leer)"
        if change.key == "umsetzung.status":
            return s.UMSETZUNG_STATUS.label(value)
        if isinstance(value, dt.date):
            return value.strftime("%d.%m.%Y")
        return f"„{value}“"

    return f"{change.id} · {change.label}: {shown(change.before)} → {shown(change.after)}"


def apply(root: Path, plan: Plan, found: list[Change]) -> list[Path]:
    """Write the changes; every file is prepared first, so that a problem leaves all of them untouched."""
    measures = {m.id: m for m in plan.massnahmen}
    by_file: dict[str, list[Change]] = {}
    for change in found:
        by_file.setdefault(measures[change.id].quelle.pfad, []).append(change)
    prepared: dict[str, str] = {}  # path → the new text
    problems = []
    for path, items in sorted(by_file.items()):
        target = root / path
        text = target.read_text(encoding="utf-8")
        kind = classify(path)
        diagnostics = Diagnostics()
        source = split(text, path, diagnostics)
        if kind is None or source is None or canonical_text(text, path, Diagnostics()) != text:
            problems.append(
                f"{path}: der Kopfbereich ist nicht in der einheitlichen Form; führen Sie zuerst „lip format“ aus."
            )
            continue
        data = plain(source.front, shape_of(kind.spec))
        umsetzung = dict(data.get("umsetzung") or {})
        for change in items:
            umsetzung[_FIELD[change.key]] = change.after
        data["umsetzung"] = umsetzung
        prepared[path] = f"{FENCE}\n{front_matter(data, kind.spec)}{FENCE}\n{source.body}"
    if problems:
        raise StatusImportError(problems)
    _check_changed_plan(root, prepared, by_file)
    for path, new in prepared.items():
        atomic_file(root / path, new)
    return [root / path for path in prepared]


def _check_changed_plan(root: Path, texts: dict[str, str], by_file: dict[str, list[Change]]) -> None:
    """The plan as it would be after the changes must pass `lip validate`; else every error is named with
    the cells that changed its file."""
    from lip_build.pipeline import load_plan

    errors = [d for d in load_plan(root, texts).diagnostics.items if d.severity is Severity.ERROR]
    problems = []
    for error in errors:
        cells = "; ".join(c.where for c in by_file.get(error.path, ())) or "die eingelesene Datei"
        problems.append(f"{cells}: mit dieser Änderung meldet die Prüfung des Plans: {error.as_text()}")
    if problems:
        raise StatusImportError(problems)
