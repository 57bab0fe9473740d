"""Pages per Handlungsfeld and per goal, and the overviews of both."""

from __future__ import annotations

from lip_build.model.plan import Handlungsfeld, Kennzahl, Plan, Ziel
from lip_build.outputs.site import markup as mk
from lip_build.outputs.site.git_history import NO_HISTORY, SiteHistory
from lip_build.outputs.site.pages_changes import history_block
from lip_build.outputs.site.pages_massnahme import edit_link
from lip_build.outputs.site.pagetree import Html, Markdown, Page, relative
from lip_build.view import formats as fmt
from lip_build.view.plantext import label


def field_cards(plan: Plan, page: str, heading_level: int = 3) -> str:
    """The six Handlungsfelder as cards (start page and overview)."""
    cards = []
    for position, feld in enumerate(plan.handlungsfelder):
        ziele, massnahmen = len(plan.ziele_von(feld.code)), len(plan.massnahmen_von(feld.code))
        cards.append(
            f'<li class="lip-card lip-card--feld lip-feld--{position % 6 + 1}">'
            f'<p class="lip-card__number" aria-hidden="true">{plan.nummer(feld.code)}</p>'
            f'<h{heading_level} class="lip-card__title">'
            f"{mk.a(relative(page, mk.path_of(feld)), feld.name, 'lip-card__link')}</h{heading_level}>"
            f'<p class="lip-card__text">{mk.esc(feld.kurzfassung)}</p>'
            f'<p class="lip-card__meta">{ziele} Ziele · {massnahmen} Maßnahmen</p></li>'
        )
    return f'<ul class="lip-cards">{"".join(cards)}</ul>'


def _goal_block(plan: Plan, ziel: Ziel, page: str) -> str:
    return (
        '<section class="lip-goal">'
        f'<h3 class="lip-goal__title"><span class="lip-goal__number">Ziel {plan.nummer(ziel.id)}</span> '
        f"{mk.a(relative(page, mk.path_of(ziel)), ziel.titel)}</h3>"
        f"{mk.measure_list(plan, plan.massnahmen_zu(ziel.id), page)}</section>"
    )


def field_page(plan: Plan, feld: Handlungsfeld) -> Page:
    page = mk.path_of(feld)
    gruppe = next((g for g in plan.gremien if g.id == feld.expertengruppe), None)
    ziele = plan.ziele_von(feld.code)
    head = (
        f'<p class="lip-eyebrow">Handlungsfeld {plan.nummer(feld.code)}</p><h1>{mk.esc(feld.name)}</h1>'
        f'<p class="lip-lead">{mk.esc(feld.kurzfassung)}</p>'
        '<ul class="lip-keyfacts">'
        f"<li><strong>{len(ziele)}</strong> Ziele</li>"
        f"<li><strong>{len(plan.massnahmen_von(feld.code))}</strong> Maßnahmen</li>"
        + (f"<li>erarbeitet von der {mk.a(relative(page, mk.path_of(gruppe)), gruppe.name)}</li>" if gruppe else "")
        + "</ul>"
    )
    blocks: list[Html | Markdown] = [Html(head)]
    if feld.leichte_sprache:
        lines = "".join(f"<p>{mk.esc(line)}</p>" for line in feld.leichte_sprache.splitlines() if line.strip())
        blocks.append(
            Html(
                '<aside class="lip-easy" aria-labelledby="leicht"><h2 id="leicht" class="lip-easy__title">'
                f"In Leichter Sprache</h2>{lines}</aside>"
            )
        )
    blocks.append(Markdown(mk.body(feld.text, plan, page, "Ausgangslage", feld.quelle.pfad)))
    blocks.append(Markdown(mk.heading("Ziele und Maßnahmen")))
    blocks.append(Html("".join(_goal_block(plan, z, page) for z in ziele) + edit_link(plan, feld.quelle.pfad)))
    return Page(page, f"Handlungsfeld {plan.nummer(feld.code)}: {feld.name}", tuple(blocks), feld.kurzfassung)


def _kennzahlen(kennzahlen: tuple[Kennzahl, ...]) -> str:
    rows = []
    for k in kennzahlen:
        quelle = f'<span class="lip-detail">Quelle: {mk.esc(k.quelle)}</span>' if k.quelle else ""
        rows.append(
            f'<tr><th scope="row">{mk.esc(k.name)}{quelle}</th>'
            f"<td>{fmt.zahl(k.ausgangswert)} {mk.esc(k.einheit)} {_jahr(k.ausgangsjahr)}</td>"
            f"<td>{fmt.zahl(k.zielwert)} {mk.esc(k.einheit)} {_jahr(k.zieljahr)}</td></tr>"
        )
    return (
        '<div class="lip-table-wrap"><table class="lip-table"><caption>Kennzahlen mit Ausgangs- und Zielwert</caption>'
        '<thead><tr><th scope="col">Kennzahl</th><th scope="col">Ausgangswert (Jahr)</th>'
        f'<th scope="col">Zielwert (Jahr)</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )


def goal_page(plan: Plan, ziel: Ziel, history: SiteHistory = NO_HISTORY) -> Page:
    page = mk.path_of(ziel)
    feld = plan.handlungsfeld(ziel.handlungsfeld)
    herkunft = next((g for g in plan.gremien if g.id == ziel.herkunft), None) if ziel.herkunft else None
    head = (
        '<nav class="lip-crumbs" aria-label="Sie sind hier"><ol class="lip-crumbs__list">'
        f"<li>{mk.a(relative(page, mk.FELDER), 'Handlungsfelder')}</li>"
        f"<li>{mk.a(relative(page, mk.path_of(feld)), feld.name)}</li>"
        f'<li aria-current="page">Ziel {plan.nummer(ziel.id)}</li></ol></nav>'
        f'<p class="lip-eyebrow">Ziel {plan.nummer(ziel.id)} · {mk.esc(feld.name)} · '
        f'<span class="lip-id">{mk.esc(ziel.id)}</span></p><h1>{mk.esc(ziel.titel)}</h1>'
    )
    if herkunft:
        head += (
            f'<p class="lip-detail">Vorgeschlagen von: {mk.a(relative(page, mk.path_of(herkunft)), herkunft.name)}</p>'
        )
    blocks: list[Html | Markdown] = [
        Html(head),
        Markdown(mk.body(ziel.text, plan, page, "Worum es geht", ziel.quelle.pfad)),
    ]
    if ziel.kennzahlen:
        blocks += [Markdown(mk.heading("Kennzahlen")), Html(_kennzahlen(ziel.kennzahlen))]
    eigene = tuple(m for m in plan.massnahmen_zu(ziel.id) if m.handlungsfeld == ziel.handlungsfeld)
    andere = tuple(m for m in plan.massnahmen_zu(ziel.id) if m.handlungsfeld != ziel.handlungsfeld)
    blocks += [Markdown(mk.heading("Maßnahmen zu diesem Ziel")), Html(mk.measure_list(plan, eigene, page))]
    if andere:
        blocks += [
            Markdown(mk.heading("Beiträge aus anderen Handlungsfeldern", 3)),
            Html(mk.measure_list(plan, andere, page)),
        ]
    blocks.append(Html(history_block(history, ziel.quelle.pfad) + edit_link(plan, ziel.quelle.pfad)))
    return Page(page, label(plan, ziel), tuple(blocks), f"{label(plan, ziel)} – {feld.name}")


def fields_overview(plan: Plan) -> Page:
    page = mk.FELDER
    head = (
        "<h1>Handlungsfelder</h1>"
        '<p class="lip-lead">Der Plan ist nach sechs Lebensbereichen gegliedert. Jedes Handlungsfeld beschreibt die '
        "Ausgangslage, legt Ziele fest und ordnet ihnen Maßnahmen zu.</p>"
    )
    return Page(page, "Handlungsfelder", (Html(head + field_cards(plan, page, 2)),), "Die Handlungsfelder des Plans")


def goals_overview(plan: Plan) -> Page:
    page = mk.ZIELE
    parts = ["<h1>Alle Ziele</h1>"]
    for feld in plan.handlungsfelder:
        items = "".join(f"<li>{mk.goal_link(plan, z, page)}</li>" for z in plan.ziele_von(feld.code))
        parts.append(
            f"<h2>{plan.nummer(feld.code)} {mk.a(relative(page, mk.path_of(feld)), feld.name)}</h2>"
            f'<ul class="lip-goals">{items}</ul>'
        )
    return Page(page, "Alle Ziele", (Html("".join(parts)),), "Alle Ziele des Plans nach Handlungsfeld")


def _jahr(year: int) -> str:
    return f"<span class='lip-detail'>({year})</span>"
