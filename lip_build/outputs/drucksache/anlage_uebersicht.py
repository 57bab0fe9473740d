"""Anlage 2, the Maßnahmenübersicht: one row per measure, one table per Handlungsfeld.

The tables break across pages and repeat their header row (templates/typst: breakable figures).
"""

from __future__ import annotations

from lip_build import schema as s
from lip_build.model.plan import Massnahme, Plan
from lip_build.outputs.drucksache import blocks as m
from lip_build.outputs.drucksache.escape import anzahl, md, zeitraum
from lip_build.outputs.drucksache.tables import Cell, Link, Tabellen
from lip_build.view.steckbrief import kosten_kurz

IDENTIFIER = "lip-anlage-2"
TITEL = "Maßnahmenübersicht"

HEADERS = ["Nr.", "Kennung", "Maßnahme", "Federführung", "Zeitraum", "Kosten", "Entscheidung", "Umsetzung"]
WIDTHS = [5, 7, 28, 9, 10, 14, 14, 13]


def _zeile(plan: Plan, measure: Massnahme) -> list[Cell]:
    return [
        plan.nummer(measure.id),
        measure.id,
        Link(measure.titel, measure.id),
        measure.federfuehrung,
        zeitraum(measure.zeitraum),
        kosten_kurz(measure, "; ", "–"),
        s.ENTSCHEIDUNG_STATUS.label(measure.entscheidung.status),
        s.UMSETZUNG_STATUS.label(measure.umsetzung.status),
    ]


def anlage_uebersicht_markdown(plan: Plan, nummer: int, tabellen: Tabellen) -> str:
    intro = (
        f"Die Übersicht enthält alle {anzahl(len(plan.massnahmen), 'Maßnahme', 'Maßnahmen')} des Plans mit "
        "Nummer, Kennung, federführender Stelle (OE-Nummer), Zeitraum, Kosten sowie Entscheidungs- und "
        "Umsetzungsstand. Die ausführliche Beschreibung jeder Maßnahme steht in Anlage 1."
    )
    parts = [m.heading(1, f"Anlage {nummer}: {TITEL}", IDENTIFIER), intro]
    for feld in plan.handlungsfelder:
        measures = plan.massnahmen_von(feld.code)
        feldnummer = plan.nummer(feld.code)
        parts.append(m.heading(2, f"Handlungsfeld {feldnummer}: {md(feld.name)}", f"uebersicht-{feld.code}"))
        if not measures:
            parts.append("Für dieses Handlungsfeld sind keine Maßnahmen vorgesehen.")
            continue
        parts.append(
            tabellen.add(
                HEADERS,
                [_zeile(plan, x) for x in measures],
                WIDTHS,
                caption=f"Maßnahmen im Handlungsfeld {feldnummer}: {feld.name}",
            )
        )
    return m.div("lip-querformat", m.blocks(parts))
