"""One measure as a structured block in Anlage 1: heading, fact table, text."""

from __future__ import annotations

from lip_build import schema as s
from lip_build.model.plan import Kosten, Massnahme, Plan
from lip_build.outputs.drucksache import blocks as m
from lip_build.outputs.drucksache.escape import datum, euro, md, zeitraum
from lip_build.outputs.drucksache.tables import Bold, Cell, Link, Tabellen
from lip_build.view.plantext import label

LEVEL = 4  # Anlage 1 (1) › Handlungsfeld (2) › Ziel (3) › Maßnahme (4)


def oe_name(plan: Plan, oe: str) -> str:
    """ "Bereich Kindertagesstätten (51.4)"; a partner that is no OE number stays as written."""
    einheit = next((o for o in plan.organisationseinheiten if o.oe == oe), None)
    return f"{einheit.name} ({einheit.oe})" if einheit else oe


def _kosten(posten: tuple[Kosten, ...]) -> list[Cell]:
    if not posten:
        return ["keine zusätzlichen Kosten"]
    return [f"{euro(k.betrag)} {s.KOSTEN_ART.label(k.art)} ({k.finanzierung})" for k in posten]


def _entscheidung(plan: Plan, measure: Massnahme) -> str:
    e = measure.entscheidung
    details = []
    if e.gremium:
        details.append(plan.gremium(e.gremium).kurzname or plan.gremium(e.gremium).name)
    if e.datum:
        details.append(f"am {datum(e.datum)}")
    if e.drucksache:
        details.append(f"Drucks. Nr. {e.drucksache}")
    text = s.ENTSCHEIDUNG_STATUS.label(e.status) + (f" ({', '.join(details)})" if details else "")
    return text + (f": {e.bemerkung}" if e.bemerkung else "")


def _umsetzung(measure: Massnahme) -> str:
    u = measure.umsetzung
    text = s.UMSETZUNG_STATUS.label(u.status) + (f" (Stand {datum(u.stand)})" if u.stand else "")
    return text + (f": {u.bemerkung}" if u.bemerkung else "")


def fakten(plan: Plan, measure: Massnahme) -> list[tuple[str, Cell | list[Cell]]]:
    """The rows of the fact table: label and value (a list: one line each)."""
    rows: list[tuple[str, Cell | list[Cell]]] = [
        ("Kennung", measure.id),
        ("Ziele", [Link(label(plan, plan.ziel(z)), z) for z in measure.ziele]),
        ("Federführung", oe_name(plan, measure.federfuehrung)),
    ]
    if measure.partner:
        rows.append(("Partner*innen", "; ".join(oe_name(plan, p) for p in measure.partner)))
    names = {b.id: b.name for b in plan.zielgruppen}
    rows.append(("Zielgruppen", ", ".join(names[z] for z in measure.zielgruppen)))
    if measure.querschnittsthemen:
        themen = {b.id: b.name for b in plan.querschnittsthemen}
        rows.append(("Querschnittsthemen", ", ".join(themen[q] for q in measure.querschnittsthemen)))
    herkunft = plan.gremium(measure.herkunft)
    rows += [
        ("Zeitraum", zeitraum(measure.zeitraum)),
        ("Kosten", _kosten(measure.kosten)),
        (
            "Antragsberechtigt",
            "ja: Vereine und Initiativen können die Durchführung beantragen" if measure.antragsberechtigt else "nein",
        ),
        ("Vorgeschlagen von", herkunft.name),
        ("Entscheidungsstand", _entscheidung(plan, measure)),
        ("Umsetzungsstand", _umsetzung(measure)),
        ("Ansprechstelle", oe_name(plan, measure.kontakt)),
    ]
    return rows


def massnahme_markdown(plan: Plan, measure: Massnahme, tabellen: Tabellen) -> str:
    rows: list[list[Cell]] = []
    for key, value in fakten(plan, measure):
        lines = value if isinstance(value, list) else [value]
        rows += [[Bold(key) if index == 0 else "", line] for index, line in enumerate(lines)]
    table = tabellen.add(["", ""], rows, [24, 76])
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
