"""The Anlage "Stellungnahmen und ihre Berücksichtigung" (issue 13): per statement its Gremium, date and
a table of every point with the goals and measures it concerns, the response and its reason.

Only plans with statements (content/stellungnahmen/) have it; it follows the Maßnahmenübersicht and is
set in landscape like it, because the table has five columns of text. The rows come from
view/beteiligung.py, as on the website.
"""

from __future__ import annotations

from lip_build import schema as s
from lip_build.model.plan import Plan
from lip_build.outputs.drucksache import blocks as m
from lip_build.outputs.drucksache.escape import anzahl, datum, md
from lip_build.outputs.drucksache.tables import Cell, Lines, Link, Tabellen
from lip_build.view import beteiligung as bt
from lip_build.view.steckbrief import field_label

IDENTIFIER = "lip-anlage-stellungnahmen"
TITEL = "Stellungnahmen und ihre Berücksichtigung"

HEADERS = ("Nr.", "Anliegen", "Betrifft", "Berücksichtigung", "Begründung")
WIDTHS = (4, 31, 17, 14, 34)


def betrifft(plan: Plan, id: str) -> Link:
    """ "BIL-M10 (Maßnahme 1.6.1)", linked to the item in Anlage 1."""
    art = "Maßnahme" if id in {x.id for x in plan.massnahmen} else "Ziel"
    return Link(f"{id} ({art} {plan.nummer(id)})", id)


def _zeile(plan: Plan, b: bt.Bezug) -> list[Cell]:
    items = tuple(betrifft(plan, id) for id in b.punkt.betrifft)
    return [
        str(b.nr),
        b.punkt.anliegen,
        items[0] if len(items) == 1 else Lines(items),
        s.ANTWORT.label(b.punkt.antwort),
        b.punkt.begruendung or "–",
    ]


def anlage_stellungnahmen_markdown(plan: Plan, nummer: int, tabellen: Tabellen) -> str:
    gesamt = bt.bilanz(*plan.stellungnahmen)
    gremien = {st.gremium for st in plan.stellungnahmen}
    intro = (
        f"Zum Entwurf des Plans {'hat' if len(gremien) == 1 else 'haben'} "
        f"{anzahl(len(gremien), 'Gremium', 'Gremien')} schriftlich Stellung genommen. Diese Anlage gibt jeden "
        "Punkt der Stellungnahmen wieder, nennt die Ziele und Maßnahmen, die er betrifft (mit ihrer Kennung "
        "und ihrer Nummer in Anlage 1), und sagt, ob er berücksichtigt wurde und warum. Von "
        f"{anzahl(gesamt.gesamt, 'Punkt', 'Punkten')} wurden {md(gesamt.text)}."
    )
    parts = [m.heading(1, f"Anlage {nummer}: {TITEL}", IDENTIFIER), intro]
    for st in plan.stellungnahmen:
        gremium = plan.gremium(st.gremium)
        bilanz = bt.bilanz(st)
        punkte = bt.punkte(plan, st)
        parts.append(m.heading(2, f"{md(gremium.name)}, {datum(st.datum)}", f"stellungnahme-{st.id}"))
        meta = [
            f"{field_label('stellungnahme', 'gremium')}: {md(gremium.name)}",
            f"{field_label('stellungnahme', 'datum')}: {datum(st.datum)}",
            f"{anzahl(bilanz.gesamt, 'Punkt', 'Punkte')}: {md(bilanz.text)}",
        ]
        parts.append(m.div("lip-meta", " · ".join(meta)))
        parts.append(md(st.titel))
        parts.append(
            tabellen.add(
                HEADERS,
                [_zeile(plan, b) for b in punkte],
                WIDTHS,
                caption=f"Punkte der Stellungnahme: {gremium.name}, {datum(st.datum)}",
            )
        )
    return m.div("lip-querformat", m.div("lip-stellungnahmen", m.blocks(parts)))
