"""Anlage 1, the plan: title page, contents, plan-wide chapters, Handlungsfelder with goals and measures.

Display numbers come from the model (plan.nummer), exactly as on the website.
"""

from __future__ import annotations

from lip_build import schema as s
from lip_build.model.plan import Handlungsfeld, Plan, Ziel
from lip_build.outputs.drucksache import blocks as m
from lip_build.outputs.drucksache.escape import datum, link, md
from lip_build.outputs.drucksache.massnahme import massnahme_markdown
from lip_build.outputs.drucksache.tables import Cell, Tabellen
from lip_build.view import steckbrief as sb
from lip_build.view.plantext import label

IDENTIFIER = "lip-anlage-1"


def titel(plan: Plan) -> str:
    return plan.info.titel


def _titelseite(plan: Plan, nummer: int) -> str:
    info = plan.info
    angaben = [
        md(info.herausgeberin),
        md(f"Version {info.version} · {s.PLAN_STATUS.label(info.status)} · Stand {datum(info.stand)}"),
        md(f"Anlage {nummer} zur Drucksache Nr. {plan.drucksache.nummer}"),
    ]
    parts = [
        m.heading(1, f"Anlage {nummer}: {md(info.titel)}", IDENTIFIER),
        m.div("lip-untertitel", md(info.untertitel)) if info.untertitel else "",
        m.div("lip-angaben", m.line_break(angaben)),
    ]
    return m.div("lip-titelseite", m.blocks(parts))


def _kennzahlen(ziel: Ziel, nummer: str, tabellen: Tabellen) -> str:
    werte = sb.kennzahlen(ziel)
    if not werte:
        return ""
    rows: list[list[Cell]] = [
        [k.name, f"{k.ausgangswert} ({k.ausgangsjahr})", f"{k.zielwert} ({k.zieljahr})", k.quelle or "–"] for k in werte
    ]
    return tabellen.add(list(sb.KENNZAHL_SPALTEN), rows, [38, 17, 17, 28], caption=f"Kennzahlen zu Ziel {nummer}")


def meta(steckbrief: sb.Steckbrief) -> str:
    """The Steckbrief of a goal or Handlungsfeld in one line below its heading."""
    return " · ".join(md(sb.row_text(row)) for row in steckbrief.document)


def _ziel(plan: Plan, ziel: Ziel, tabellen: Tabellen) -> str:
    nummer = plan.nummer(ziel.id)
    own = [x for x in plan.massnahmen_zu(ziel.id) if x.ziele[0] == ziel.id]
    other = [x for x in plan.massnahmen_zu(ziel.id) if x.ziele[0] != ziel.id]
    parts = [
        m.heading(3, md(label(plan, ziel)), ziel.id),
        m.div("lip-meta", meta(sb.ziel(plan, ziel))),
        m.text(plan, ziel.text, ziel.quelle, 3),
        _kennzahlen(ziel, nummer, tabellen),
    ]
    if other:
        beitraege = "; ".join(link(plan, x) for x in other)
        parts.append(f"Auch Maßnahmen anderer Handlungsfelder tragen zu diesem Ziel bei: {beitraege}.")
    parts += [massnahme_markdown(plan, x, tabellen) for x in own]
    return m.div("lip-ziel", m.blocks(parts))


def _handlungsfeld(plan: Plan, feld: Handlungsfeld, tabellen: Tabellen) -> str:
    ziele = plan.ziele_von(feld.code)
    return m.div(
        "lip-handlungsfeld",
        m.blocks(
            [
                m.heading(2, f"Handlungsfeld {plan.nummer(feld.code)}: {md(feld.name)}", f"hf-{feld.code}"),
                m.div("lip-meta", meta(sb.handlungsfeld(plan, feld))),
                m.div("lip-kurzfassung", md(feld.kurzfassung)),
                m.text(plan, feld.text, feld.quelle, 2),
                *(_ziel(plan, z, tabellen) for z in ziele),
            ]
        ),
    )


def _glossar(plan: Plan) -> str:
    glossar = plan.glossar
    if glossar is None:
        return ""
    entries = [f"{md(b.begriff)}\n:   {md(b.erklaerung)}" for b in glossar.begriffe]
    return m.blocks(
        [
            m.heading(2, md(glossar.titel), "lip-glossar"),
            m.text(plan, glossar.text, glossar.quelle, 2),
            m.div("lip-glossar", m.blocks(entries)),
        ]
    )


def anlage_plan_markdown(plan: Plan, nummer: int, tabellen: Tabellen) -> str:
    info = plan.info
    parts = [
        _titelseite(plan, nummer),
        m.div("lip-inhalt", "**Inhalt**"),
        m.heading(2, "Einleitung", "lip-einleitung") if info.einleitung else "",
        m.text(plan, info.einleitung, info.quelle, 2),
    ]
    for index, kapitel in enumerate(plan.kapitel, start=1):
        parts += [
            m.heading(2, md(kapitel.titel), f"lip-kapitel-{index}"),
            m.text(plan, kapitel.text, kapitel.quelle, 2),
        ]
    parts += [_handlungsfeld(plan, feld, tabellen) for feld in plan.handlungsfelder]
    parts.append(_glossar(plan))
    return m.blocks(parts)
