"""One page per measure: fact box, text, goals, and the link to propose a change."""

from __future__ import annotations

from lip_build import schema as s
from lip_build.model.plan import Massnahme, Plan
from lip_build.outputs.site import markup as mk
from lip_build.outputs.site.git_history import NO_HISTORY, SiteHistory
from lip_build.outputs.site.pages_changes import history_block
from lip_build.outputs.site.pagetree import Html, Markdown, Page, relative
from lip_build.view import formats as fmt
from lip_build.view.plantext import label


def edit_link(plan: Plan, pfad: str) -> str:
    """ "Änderung vorschlagen": opens the file in the repository's web editor (omitted without repository)."""
    if not plan.info.repository:
        return ""
    url = f"{plan.info.repository.rstrip('/')}/edit/main/{pfad}"
    return (
        f'<p class="lip-edit"><a href="{mk.esc(url)}" rel="nofollow">Änderung vorschlagen</a> '
        f'<span class="lip-edit__hint">(öffnet die Datei {mk.esc(pfad)} im Web-Editor des Repositorys)</span></p>'
    )


def _row(term: str, value: str) -> str:
    return f"<div><dt>{mk.esc(term)}</dt><dd>{value}</dd></div>"


def _entscheidung(plan: Plan, m: Massnahme) -> str:
    e = m.entscheidung
    details = []
    if e.gremium:
        details.append(mk.esc(mk.gremium_name(plan, e.gremium)))
    if e.datum:
        details.append(f"am {fmt.datum(e.datum)}")
    if e.drucksache:
        details.append(f"Drucks. Nr. {mk.esc(e.drucksache)}")
    text = mk.badge_entscheidung(e.status)
    if details:
        text += f'<span class="lip-detail">{", ".join(details)}</span>'
    if e.bemerkung:
        text += f'<span class="lip-detail">{mk.esc(e.bemerkung)}</span>'
    return text


def _umsetzung(m: Massnahme) -> str:
    u = m.umsetzung
    text = mk.badge_umsetzung(u.status)
    if u.stand:
        text += f'<span class="lip-detail">Stand: {fmt.datum(u.stand)}</span>'
    if u.bemerkung:
        text += f'<span class="lip-detail">{mk.esc(u.bemerkung)}</span>'
    return text


def _kosten(m: Massnahme) -> str:
    if not m.kosten:
        return "keine zusätzlichen Kosten"
    items = [
        f"<li>{fmt.euro(k.betrag)} {mk.esc(s.KOSTEN_ART.label(k.art))}"
        f'<span class="lip-detail">{mk.esc(k.finanzierung)}</span></li>'
        for k in m.kosten
    ]
    return f'<ul class="lip-plain">{"".join(items)}</ul>'


def _partner(plan: Plan, m: Massnahme) -> str:
    known = {o.oe for o in plan.organisationseinheiten}
    names = [mk.oe_name(plan, p) if p in known else p for p in m.partner]
    if not names:
        return "–"
    return f'<ul class="lip-plain">{"".join(f"<li>{mk.esc(n)}</li>" for n in names)}</ul>'


def _links(items: list[tuple[str, str]]) -> str:
    if not items:
        return "–"
    return ", ".join(mk.a(href, text) for href, text in items)


def fact_box(plan: Plan, m: Massnahme, page: str) -> str:
    feld = plan.handlungsfeld(m.handlungsfeld)
    zielgruppen = {z.id: z for z in plan.zielgruppen}
    themen = {t.id: t for t in plan.querschnittsthemen}
    herkunft = next((g for g in plan.gremien if g.id == m.herkunft), None)
    rows = [
        _row("Handlungsfeld", mk.a(relative(page, mk.path_of(feld)), f"{plan.nummer(feld.code)} {feld.name}")),
        _row("Federführung", mk.esc(mk.oe_name(plan, m.federfuehrung))),
        _row("Partner*innen", _partner(plan, m)),
        _row("Zeitraum", mk.esc(mk.zeitraum(m))),
        _row("Kosten", _kosten(m)),
        _row("Entscheidung", _entscheidung(plan, m)),
        _row("Umsetzung", _umsetzung(m)),
        _row(
            "Zielgruppen",
            _links(
                [
                    (relative(page, mk.path_of_begriff("zielgruppe", zielgruppen[z])), zielgruppen[z].name)
                    for z in m.zielgruppen
                ]
            ),
        ),
        _row(
            "Querschnittsthemen",
            _links(
                [
                    (relative(page, mk.path_of_begriff("querschnittsthema", themen[t])), themen[t].name)
                    for t in m.querschnittsthemen
                ]
            ),
        ),
        _row(
            "Vorgeschlagen von",
            mk.a(relative(page, mk.path_of(herkunft)), herkunft.name) if herkunft else mk.esc(m.herkunft),
        ),
        _row(
            "Antragsberechtigt",
            "ja – Vereine und Initiativen können die Durchführung beantragen" if m.antragsberechtigt else "nein",
        ),
        _row("Ansprechstelle", mk.esc(mk.oe_name(plan, m.kontakt))),
    ]
    return (
        '<section class="lip-facts" aria-labelledby="steckbrief">'
        '<h2 id="steckbrief" class="lip-facts__title">Steckbrief</h2>'
        f'<dl class="lip-facts__list">{"".join(rows)}</dl></section>'
    )


def measure_page(plan: Plan, m: Massnahme, history: SiteHistory = NO_HISTORY) -> Page:
    page = mk.path_of(m)
    feld = plan.handlungsfeld(m.handlungsfeld)
    ziel = plan.ziel(m.ziele[0])
    crumbs = (
        '<nav class="lip-crumbs" aria-label="Sie sind hier"><ol class="lip-crumbs__list">'
        f"<li>{mk.a(relative(page, mk.FELDER), 'Handlungsfelder')}</li>"
        f"<li>{mk.a(relative(page, mk.path_of(feld)), feld.name)}</li>"
        f"<li>{mk.a(relative(page, mk.path_of(ziel)), f'Ziel {plan.nummer(ziel.id)}')}</li>"
        f'<li aria-current="page">Maßnahme {plan.nummer(m.id)}</li></ol></nav>'
    )
    head = (
        f'{crumbs}<p class="lip-eyebrow">Maßnahme {plan.nummer(m.id)} · {mk.esc(feld.name)}'
        f' · <span class="lip-id">{mk.esc(m.id)}</span></p><h1>{mk.esc(m.titel)}</h1>'
    )
    goals = "".join(f"<li>{mk.goal_link(plan, plan.ziel(z), page)}</li>" for z in m.ziele)
    blocks = (
        Html(head),
        Html(fact_box(plan, m, page)),
        Markdown(mk.body(m.text, plan, page, "Beschreibung", m.quelle.pfad)),
        Markdown(mk.heading("Ziele, denen die Maßnahme dient")),
        Html(
            f'<ul class="lip-goals">{goals}</ul>{history_block(history, m.quelle.pfad)}{edit_link(plan, m.quelle.pfad)}'
        ),
    )
    return Page(page, label(plan, m), blocks, description=f"{label(plan, m)} – {feld.name}", hide=("navigation",))
