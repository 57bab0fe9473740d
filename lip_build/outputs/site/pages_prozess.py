"""The process: timeline, the path of the Drucksache through the council, and the Gremien."""

from __future__ import annotations

from lip_build import schema as s
from lip_build.model.plan import Ereignis, Gremium, Plan
from lip_build.outputs.site import fragments as fr
from lip_build.outputs.site import markup as mk
from lip_build.outputs.site.pages_beteiligung import gremium_blocks
from lip_build.outputs.site.pagetree import Html, Markdown, Page, relative
from lip_build.view import formats as fmt


def timeline(plan: Plan, page: str, events: tuple[Ereignis, ...]) -> str:
    gremien = {g.id: g for g in plan.gremien}
    items = []
    for e in events:
        details = []
        if e.gremium and e.gremium in gremien:
            details.append(mk.a(relative(page, mk.path_of(gremien[e.gremium])), gremien[e.gremium].name))
        if e.drucksache:
            details.append(f"Drucks. Nr. {mk.esc(e.drucksache)}")
        tag = ' <span class="lip-badge lip-badge--neutral">geplant</span>' if e.geplant else ""
        extra = f'<p class="lip-detail">{" · ".join(details)}</p>' if details else ""
        items.append(
            f'<li class="lip-timeline__item{" lip-timeline__item--planned" if e.geplant else ""}">'
            f'<p class="lip-timeline__date"><time datetime="{e.datum.isoformat()}">{fmt.datum(e.datum)}</time>{tag}</p>'
            f'<p class="lip-timeline__title">{mk.esc(e.titel)}</p>{extra}</li>'
        )
    return f'<ol class="lip-timeline">{"".join(items)}</ol>'


def _beratungsfolge(plan: Plan, page: str) -> str:
    gremien = {g.id: g for g in plan.gremien}
    items = []
    for schritt in plan.drucksache.beratungsfolge:
        gremium = gremien.get(schritt.gremium)
        name = mk.a(relative(page, mk.path_of(gremium)), gremium.name) if gremium else mk.esc(schritt.gremium)
        items.append(f"<li>{name} <span class='lip-detail'>{mk.esc(s.BERATUNG_ROLLE.label(schritt.rolle))}</span></li>")
    d = plan.drucksache
    return (
        f"<p>Der Plan wird dem Rat als {mk.esc(s.DRUCKSACHE_ART.label(d.art))} Drucks. Nr. {mk.esc(d.nummer)} "
        f"„{mk.esc(d.titel)}“ vom {fmt.datum(d.datum)} vorgelegt. Sie geht diesen Weg durch die Gremien:</p>"
        f'<ol class="lip-steps">{"".join(items)}</ol>'
    )


def process_page(plan: Plan) -> Page:
    page = mk.PROZESS
    blocks: list[Html | Markdown] = [
        Html(
            "<h1>Prozess und Zeitleiste</h1>"
            '<p class="lip-lead">Wie der Plan entstanden ist, wer daran mitgewirkt hat und wie er beschlossen wird.</p>'
        )
    ]
    if plan.zeitleiste:
        blocks.append(Markdown(mk.body(plan.zeitleiste.text, plan, page, "Überblick", plan.zeitleiste.quelle.pfad)))
        blocks.append(Markdown(mk.heading(plan.zeitleiste.titel)))
        blocks.append(Html(timeline(plan, page, plan.zeitleiste.ereignisse)))
    blocks.append(Markdown(mk.heading("Der Weg durch die Ratsgremien")))
    blocks.append(Html(_beratungsfolge(plan, page)))
    blocks.append(Markdown(mk.heading("Beteiligte Gremien")))
    blocks.append(Html(_gremien_list(plan, page)))
    if plan.sitzungen or plan.stellungnahmen:
        blocks.append(
            Markdown(
                "Wer was vorgeschlagen hat, was die Gremien in ihren Sitzungen entschieden haben und was aus "
                f"den Stellungnahmen geworden ist, zeigt die Seite [Beteiligung]({relative(page, mk.BETEILIGUNG)})."
            )
        )
    return Page(page, "Prozess und Zeitleiste", tuple(blocks), "Wie der Plan entstanden ist und beschlossen wird")


def _gremien_list(plan: Plan, page: str, level: int = 3) -> str:
    """The committees as cards; their titles one level below the heading above the list."""
    items = "".join(
        f'<li class="lip-card"><h{level} class="lip-card__title">{mk.a(relative(page, mk.path_of(g)), g.name)}'
        f"</h{level}>"
        f'<p class="lip-card__meta">{mk.esc(s.GREMIUM_ART.label(g.art))}</p></li>'
        for g in plan.gremien
    )
    return f'<ul class="lip-cards lip-cards--small">{items}</ul>'


def gremien_page(plan: Plan) -> Page:
    page = mk.GREMIEN
    head = (
        "<h1>Gremien</h1>"
        '<p class="lip-lead">Diese Gremien haben den Plan erarbeitet, beraten und beschließen ihn. Sie werden nur '
        "mit ihren Funktionen beschrieben, nicht mit Namen.</p>"
    )
    return Page(page, "Gremien", (Html(head + _gremien_list(plan, page, level=2)),), "Die Gremien des Plans")


def gremium_page(plan: Plan, g: Gremium) -> Page:
    page = mk.path_of(g)
    facts = [f"<div><dt>Art</dt><dd>{mk.esc(s.GREMIUM_ART.label(g.art))}</dd></div>"]
    if g.kurzname:
        facts.append(f"<div><dt>Kurzname</dt><dd>{mk.esc(g.kurzname)}</dd></div>")
    if g.vorsitz:
        facts.append(f"<div><dt>Vorsitz</dt><dd>{mk.esc(g.vorsitz)}</dd></div>")
    if g.handlungsfeld:
        feld = plan.handlungsfeld(g.handlungsfeld)
        facts.append(f"<div><dt>Handlungsfeld</dt><dd>{mk.a(relative(page, mk.path_of(feld)), feld.name)}</dd></div>")
    members = "".join(f"<li>{mk.esc(m.art)}{f' ({m.anzahl})' if m.anzahl else ''}</li>" for m in g.zusammensetzung)
    facts.append(f'<div><dt>Zusammensetzung</dt><dd><ul class="lip-plain">{members}</ul></dd></div>')
    head = (
        f'<p class="lip-eyebrow">{mk.a(relative(page, mk.GREMIEN), "Gremien")}</p><h1>{mk.esc(g.name)}</h1>'
        '<section class="lip-facts" aria-label="Angaben zum Gremium">'
        f'<dl class="lip-facts__list">{"".join(facts)}</dl></section>'
    )
    blocks: list[Html | Markdown] = [Html(head), Markdown(mk.body(g.text, plan, page, "Aufgaben", g.quelle.pfad))]
    vorgeschlagen = tuple(m for m in plan.massnahmen if m.herkunft == g.id)
    if vorgeschlagen:
        blocks += [
            Markdown(mk.heading("Von diesem Gremium vorgeschlagene Maßnahmen")),
            Html(fr.measure_list(plan, vorgeschlagen, page)),
        ]
    blocks += gremium_blocks(plan, g.id, page)
    return Page(page, g.name, tuple(blocks), f"{g.name}: {s.GREMIUM_ART.label(g.art)}")
