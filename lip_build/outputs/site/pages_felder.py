"""Pages per Handlungsfeld and per goal, and the overviews of both."""

from __future__ import annotations

from types import SimpleNamespace

from lip_build.model.plan import Handlungsfeld, Plan, Ziel
from lip_build.outputs.site import fragments as fr
from lip_build.outputs.site import markup as mk
from lip_build.outputs.site.git_history import NO_HISTORY, SiteHistory
from lip_build.outputs.site.kennzahlen import kennzahl_verlauf
from lip_build.outputs.site.pages_beteiligung import element_blocks
from lip_build.outputs.site.pages_changes import history_block
from lip_build.outputs.site.pages_massnahme import edit_link
from lip_build.outputs.site.pagetree import Html, Markdown, Page, relative
from lip_build.view import steckbrief as sb
from lip_build.view.plantext import label


def field_cards(plan: Plan, page: str, heading_level: int = 3) -> str:
    """The six Handlungsfelder as cards (start page and overview)."""
    cards = [
        SimpleNamespace(
            colour=position % 6 + 1,
            nummer=plan.nummer(feld.code),
            href=relative(page, mk.path_of(feld)),
            name=feld.name,
            kurzfassung=feld.kurzfassung,
            ziele=len(plan.ziele_von(feld.code)),
            massnahmen=len(plan.massnahmen_von(feld.code)),
        )
        for position, feld in enumerate(plan.handlungsfelder)
    ]
    return fr.render("field_cards.html", cards=cards, level=heading_level)


def field_page(plan: Plan, feld: Handlungsfeld) -> Page:
    page = mk.path_of(feld)
    head = fr.render(
        "field_head.html",
        nummer=plan.nummer(feld.code),
        name=feld.name,
        kurzfassung=feld.kurzfassung,
        facts=sb.handlungsfeld(plan, feld).site,
        href=fr.Links(plan, page),
    )
    blocks: list[Html | Markdown] = [Html(head)]
    if feld.leichte_sprache:
        lines = [line for line in feld.leichte_sprache.splitlines() if line.strip()]
        blocks.append(Html(fr.render("easy.html", lines=lines)))
    blocks.append(Markdown(mk.body(feld.text, plan, page, "Ausgangslage", feld.quelle.pfad)))
    blocks.append(Markdown(mk.heading("Ziele und Maßnahmen")))
    goals = [
        SimpleNamespace(
            nummer=plan.nummer(z.id),
            href=relative(page, mk.path_of(z)),
            titel=z.titel,
            measures=fr.html(fr.measure_list(plan, plan.massnahmen_zu(z.id), page)),
        )
        for z in plan.ziele_von(feld.code)
    ]
    after = fr.html(edit_link(plan, feld.quelle.pfad))
    blocks.append(Html(fr.render("goal_blocks.html", goals=goals, after=after)))
    return Page(page, f"Handlungsfeld {plan.nummer(feld.code)}: {feld.name}", tuple(blocks), feld.kurzfassung)


def _kennzahlen(ziel: Ziel) -> str:
    table = fr.render(
        "kennzahlen.html",
        columns=sb.KENNZAHL_SPALTEN[:3],
        columns_quelle=sb.KENNZAHL_SPALTEN[3],
        rows=sb.kennzahlen(ziel),
    )
    return table + fr.render("kennzahl_verlauf.html", kennzahlen=kennzahl_verlauf(ziel))


def goal_page(plan: Plan, ziel: Ziel, history: SiteHistory = NO_HISTORY) -> Page:
    page = mk.path_of(ziel)
    feld = plan.handlungsfeld(ziel.handlungsfeld)
    head = fr.render(
        "page_head.html",
        crumbs=((relative(page, mk.FELDER), "Handlungsfelder"), (relative(page, mk.path_of(feld)), feld.name)),
        current=f"Ziel {plan.nummer(ziel.id)}",
        feld=feld.name,
        id=ziel.id,
        title=ziel.titel,
        facts=sb.ziel(plan, ziel).site,
        href=fr.Links(plan, page),
    )
    blocks: list[Html | Markdown] = [
        Html(head),
        Markdown(mk.body(ziel.text, plan, page, "Worum es geht", ziel.quelle.pfad)),
    ]
    if ziel.kennzahlen:
        blocks += [Markdown(mk.heading("Kennzahlen")), Html(_kennzahlen(ziel))]
    eigene = tuple(m for m in plan.massnahmen_zu(ziel.id) if m.handlungsfeld == ziel.handlungsfeld)
    andere = tuple(m for m in plan.massnahmen_zu(ziel.id) if m.handlungsfeld != ziel.handlungsfeld)
    blocks += [Markdown(mk.heading("Maßnahmen zu diesem Ziel")), Html(fr.measure_list(plan, eigene, page))]
    if andere:
        blocks += [
            Markdown(mk.heading("Beiträge aus anderen Handlungsfeldern", 3)),
            Html(fr.measure_list(plan, andere, page)),
        ]
    blocks += element_blocks(plan, ziel.id, page)
    blocks.append(Html(history_block(history, ziel.quelle.pfad) + edit_link(plan, ziel.quelle.pfad)))
    return Page(page, label(plan, ziel), tuple(blocks), f"{label(plan, ziel)} – {feld.name}")


def fields_overview(plan: Plan) -> Page:
    page = mk.FELDER
    head = fr.render("fields_overview.html", cards=fr.html(field_cards(plan, page, 2)))
    return Page(page, "Handlungsfelder", (Html(head),), "Die Handlungsfelder des Plans")


def goals_overview(plan: Plan) -> Page:
    page = mk.ZIELE
    felder = [
        SimpleNamespace(
            nummer=plan.nummer(feld.code),
            href=relative(page, mk.path_of(feld)),
            name=feld.name,
            goals=[(relative(page, mk.path_of(z)), label(plan, z)) for z in plan.ziele_von(feld.code)],
        )
        for feld in plan.handlungsfelder
    ]
    return Page(
        page,
        "Alle Ziele",
        (Html(fr.render("goals_overview.html", felder=felder)),),
        "Alle Ziele des Plans nach Handlungsfeld",
    )
