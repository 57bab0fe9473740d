"""The catalogue as spreadsheets: CSV for German Excel, CSV for programs, and XLSX.

German CSV: UTF-8 with BOM, semicolons, decimal commas, dates TT.MM.JJJJ and the German labels
of statuses – what Excel in a German locale opens correctly by double-click. Machine CSV: UTF-8
without BOM, commas, ISO dates, numbers with a point and the values as written in the files.
XLSX: one sheet per Handlungsfeld, an overview and the goals; header row frozen and filterable,
amounts and dates as typed cells. The same content always gives the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence

from lip_build.model.plan import Plan
from lip_build.outputs.opendata.columns import Cell, Spalte, columns, kostenposten_machine, rows
from lip_build.view.formats import NBSP, datum, euro


def _german(spalte: Spalte, value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ", ".join(value)
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dt.date):
        return datum(value)
    if spalte.art == "euro" and isinstance(value, (int, float)):
        return euro(value).removesuffix(f"{NBSP}€")  # the column heading says it is euros
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    if spalte.choice is not None and isinstance(value, str) and value in spalte.choice.values:
        return spalte.choice.label(value)
    return str(value)


def _machine(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ";".join(value)  # IDs never contain ";", and partners' names rarely do
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def csv_german(plan: Plan, kind: str) -> bytes:
    spalten = columns(kind)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([spalte.label for spalte in spalten])
    for _, cells in rows(plan, kind):
        writer.writerow([_german(spalte, cell) for spalte, cell in zip(spalten, cells, strict=True)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def csv_machine(plan: Plan, kind: str) -> bytes:
    spalten = columns(kind)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([spalte.key for spalte in spalten])
    for record, cells in rows(plan, kind):
        # the cost items are written for programs, not with the German amounts of the other exports
        values = [kostenposten_machine(record) if s.key == "kosten" else c for s, c in zip(spalten, cells, strict=True)]
        writer.writerow([_machine(cell) for cell in values])
    return buffer.getvalue().encode("utf-8")


_FORMATS = {"euro": '#,##0.00 "€"', "date": "DD.MM.YYYY", "number": "#,##0.##", "integer": "0"}


def xlsx(plan: Plan, stand: dt.datetime) -> bytes:
    """The workbook; `stand` becomes its creation date, so that a rebuild gives the same file."""
    from openpyxl import Workbook  # imported here: only the exports need it

    from lip_build.outputs.drucksache.zipfiles import read_zip, write_zip

    book = Workbook()
    overview = book.active
    assert overview is not None
    overview.title = "Übersicht"
    _sheet(
        overview,
        ["Handlungsfeld", "Ziele", "Maßnahmen", "Kosten einmalig (Summe)", "Kosten jährlich (Summe)"],
        [_overview_row(plan, feld.code, feld.name) for feld in plan.handlungsfelder],
        ["text", "integer", "integer", "euro", "euro"],
    )
    measures = rows(plan, "massnahme")
    spalten = columns("massnahme")
    for feld in plan.handlungsfelder:
        sheet = book.create_sheet(_sheet_title(feld.name))
        selected = [cells for record, cells in measures if record.handlungsfeld == feld.code]
        _sheet(sheet, [s.label for s in spalten], selected, [s.art for s in spalten], spalten)
    goal_columns = columns("ziel")
    goals = [cells for _, cells in rows(plan, "ziel")]
    _sheet(
        book.create_sheet("Ziele"), [s.label for s in goal_columns], goals, [s.art for s in goal_columns], goal_columns
    )
    book.properties.creator = plan.info.herausgeberin
    book.properties.title = f"{plan.info.titel}: Ziele und Maßnahmen"
    moment = stand.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    book.properties.created = moment
    buffer = io.BytesIO()
    book.save(buffer)
    package = read_zip(buffer.getvalue())
    # openpyxl stamps "modified" with the time of saving; the plan's version date makes rebuilds identical
    core = package["docProps/core.xml"].decode("utf-8")
    stamp = moment.isoformat() + "Z"
    core = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rf"\g<1>{stamp}\g<2>", core)
    package["docProps/core.xml"] = core.encode("utf-8")
    return write_zip(package)  # fixed time stamps inside the package


def _overview_row(plan: Plan, code: str, name: str) -> list[Cell]:
    measures = [m for m in plan.massnahmen if m.handlungsfeld == code]
    once = sum(k.betrag for m in measures for k in m.kosten if k.art == "einmalig")
    yearly = sum(k.betrag for m in measures for k in m.kosten if k.art == "jaehrlich")
    goals = sum(1 for z in plan.ziele if z.handlungsfeld == code)
    return [name, goals, len(measures), once, yearly]


def _sheet_title(name: str) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet name."""
    cleaned = "".join("-" if c in "[]:*?/\\" else c for c in name)
    return cleaned[:31]


def _sheet(
    sheet: object,
    header: list[str],
    data: Sequence[Sequence[Cell]],
    arts: list[str],
    spalten: Sequence[Spalte] = (),
) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    assert isinstance(sheet, Worksheet)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in data:
        row: list[str | int | float | dt.date | None] = []
        for index, value in enumerate(values):
            choice = spalten[index].choice if spalten else None
            if isinstance(value, bool):
                row.append("ja" if value else "nein")
            elif isinstance(value, tuple):
                row.append(", ".join(value))
            elif choice is not None and isinstance(value, str) and value in choice.values:
                row.append(choice.label(value))
            else:
                row.append(value)
        sheet.append(row)
    for index, art in enumerate(arts, start=1):
        letter = get_column_letter(index)
        if art in _FORMATS:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = _FORMATS[art]
        longest = max([len(header[index - 1]), *(len(_german_width(v)) for v in (r[index - 1] for r in data))])
        sheet.column_dimensions[letter].width = min(max(longest + 2, 8), 60)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(data) + 1}"


def _german_width(value: Cell) -> str:
    if isinstance(value, dt.date):
        return "00.00.0000"
    if isinstance(value, tuple):
        return ", ".join(value)
    return "" if value is None else str(value)
