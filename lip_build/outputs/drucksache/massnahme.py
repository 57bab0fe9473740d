"""One measure as a structured block in Anlage 1: heading, fact table (the Steckbrief), text."""

from __future__ import annotations

from lip_build.model.plan import Massnahme, Plan
from lip_build.outputs.drucksache import blocks as m
from lip_build.outputs.drucksache.escape import md
from lip_build.outputs.drucksache.tables import Bold, Cell, Lines, Link, Tabellen
from lip_build.view import steckbrief as sb
from lip_build.view.plantext import label

LEVEL = 4  # Anlage 1 (1) › Handlungsfeld (2) › Ziel (3) › Maßnahme (4)
LINKED = ("ziel", "massnahme")  # kinds with an anchor in the document; other links are shown as text


def cell(entry: sb.Entry) -> Cell:
    """An entry of the Steckbrief as a table cell: a goal as a link, everything else as its text."""
    part = entry.part
    if isinstance(part, sb.Link) and part.kind in LINKED and not entry.details and not entry.note:
        return Link(part.text, part.id)
    return sb.entry_text(entry)


def lines(row: sb.Row) -> list[Cell]:
    """The value of a row: one cell per line (entries of a list row, else all entries in one line)."""
    if row.lines:
        return [cell(e) for e in row.entries]
    return [", ".join(sb.entry_text(e) for e in row.entries)]


def fakten(plan: Plan, measure: Massnahme) -> list[tuple[str, list[Cell]]]:
    """The rows of the fact table: label and value lines, as in the Steckbrief for print."""
    return [(row.label, lines(row)) for row in sb.massnahme(plan, measure).document]


def massnahme_markdown(plan: Plan, measure: Massnahme, tabellen: Tabellen) -> str:
    # One row per fact, its label a row header; the lines of a list (goals, partners) in one cell.
    rows: list[list[Cell]] = [
        [Bold(key), values[0] if len(values) == 1 else Lines(tuple(values))] for key, values in fakten(plan, measure)
    ]
    table = tabellen.add(["", ""], rows, [24, 76], row_headers=True)
    return m.div(
        "lip-massnahme",
        m.blocks(
            [
                m.heading(LEVEL, md(label(plan, measure)), measure.id),
                m.div("lip-fakten", table),
                m.text(plan, measure.text, measure.quelle, LEVEL),
            ]
        ),
    )
