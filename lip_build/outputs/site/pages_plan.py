"""Plan-wide pages: the foreword, the chapters of the strategy paper, glossary, Leichte Sprache,
and the pages per target group and cross-cutting theme."""

from __future__ import annotations

from lip_build.model.plan import Begriff, Kapitel, Plan
from lip_build.outputs.site import fragments as fr
from lip_build.outputs.site import markup as mk
from lip_build.outputs.site.pagetree import Html, Markdown, Page, relative


def intro_page(plan: Plan) -> Page:
    page = mk.PLAN
    chapters = "".join(f"<li>{mk.a(relative(page, mk.path_of_kapitel(k)), k.titel)}</li>" for k in plan.kapitel)
    head = f'<p class="lip-eyebrow">{mk.esc(plan.info.herausgeberin)}</p><h1>{mk.esc(plan.info.titel)}</h1>' + (
        f'<p class="lip-lead">{mk.esc(plan.info.untertitel)}</p>' if plan.info.untertitel else ""
    )
    blocks: list[Html | Markdown] = [
        Html(head),
        Markdown(mk.body(plan.info.einleitung, plan, page, "Einleitung", plan.info.quelle.pfad)),
    ]
    if chapters:
        blocks += [Markdown(mk.heading("Das Strategiepapier")), Html(f'<ol class="lip-chapters">{chapters}</ol>')]
    return Page(page, "Über den Plan", tuple(blocks), plan.info.untertitel or plan.info.titel)


def chapter_page(plan: Plan, kapitel: Kapitel) -> Page:
    page = mk.path_of_kapitel(kapitel)
    head = (
        f'<p class="lip-eyebrow">{mk.a(relative(page, mk.PLAN), "Strategiepapier")} · Kapitel {kapitel.reihenfolge}</p>'
        f"<h1>{mk.esc(kapitel.titel)}</h1>"
    )
    return Page(
        page,
        kapitel.titel,
        (Html(head), Markdown(mk.prepare(kapitel.text, plan, page, kapitel.quelle.pfad))),
        kapitel.titel,
    )


def glossary_page(plan: Plan) -> Page:
    page = mk.GLOSSAR
    glossar = plan.glossar
    assert glossar is not None
    entries = sorted(glossar.begriffe, key=lambda b: b.begriff.lower())
    items = "".join(
        f'<div class="lip-glossary__entry"><dt>{mk.esc(b.begriff)}</dt><dd>{mk.esc(b.erklaerung)}</dd></div>'
        for b in entries
    )
    blocks: list[Html | Markdown] = [Html(f"<h1>{mk.esc(glossar.titel)}</h1>")]
    if glossar.text:
        blocks.append(Markdown(mk.prepare(glossar.text, plan, page, glossar.quelle.pfad)))
    blocks.append(Html(f'<dl class="lip-glossary">{items}</dl>'))
    return Page(page, glossar.titel, tuple(blocks), "Begriffe des Plans, kurz erklärt")


def easy_page(plan: Plan) -> Page:
    page = mk.LEICHTE_SPRACHE
    ls = plan.leichte_sprache
    assert ls is not None
    felder = "".join(
        f'<section class="lip-easy"><h3 class="lip-easy__title">{mk.esc(f.name)}</h3>'
        + "".join(f"<p>{mk.esc(line)}</p>" for line in (f.leichte_sprache or "").splitlines() if line.strip())
        + f"<p>{mk.a(relative(page, mk.path_of(f)), f'Mehr über {f.name} (in schwerer Sprache)')}</p></section>"
        for f in plan.handlungsfelder
        if f.leichte_sprache
    )
    blocks: list[Html | Markdown] = [
        Html(f"<h1>{mk.esc(ls.titel)}</h1>"),
        Markdown(mk.prepare(ls.text, plan, page, ls.quelle.pfad)),
    ]
    if felder:
        blocks += [Markdown(mk.heading("Die 6 Teile vom Plan")), Html(felder)]
    return Page(page, "Leichte Sprache", tuple(blocks), "Der Plan in Leichter Sprache")


def _begriff_overview(plan: Plan, kind: str, items: tuple[Begriff, ...], title: str, lead: str) -> Page:
    page = mk.ZIELGRUPPEN if kind == "zielgruppe" else mk.THEMEN
    key = "zielgruppen" if kind == "zielgruppe" else "querschnittsthemen"
    cards = "".join(
        f'<li class="lip-card"><h2 class="lip-card__title">'
        f"{mk.a(relative(page, mk.path_of_begriff(kind, b)), b.name)}</h2>"
        f'<p class="lip-card__meta">{sum(b.id in getattr(m, key) for m in plan.massnahmen)} Maßnahmen</p></li>'
        for b in sorted(items, key=lambda b: b.name.lower())
    )
    html = f'<h1>{title}</h1><p class="lip-lead">{lead}</p><ul class="lip-cards lip-cards--small">{cards}</ul>'
    return Page(page, title, (Html(html),), lead)


def begriff_pages(plan: Plan, kind: str) -> list[Page]:
    items = plan.zielgruppen if kind == "zielgruppe" else plan.querschnittsthemen
    key = "zielgruppen" if kind == "zielgruppe" else "querschnittsthemen"
    if kind == "zielgruppe":
        title, lead, what = "Zielgruppen", "Für wen die Maßnahmen gedacht sind.", "Zielgruppe"
    else:
        title, lead, what = (
            "Querschnittsthemen",
            "Themen, die in allen Handlungsfeldern mitgedacht werden.",
            "Querschnittsthema",
        )
    pages = [_begriff_overview(plan, kind, items, title, lead)]
    for b in items:
        page = mk.path_of_begriff(kind, b)
        measures = tuple(m for m in plan.massnahmen if b.id in getattr(m, key))
        overview = relative(page, mk.ZIELGRUPPEN if kind == "zielgruppe" else mk.THEMEN)
        head = f'<p class="lip-eyebrow">{mk.a(overview, what)}</p><h1>{mk.esc(b.name)}</h1>'
        pages.append(
            Page(
                page,
                f"{what}: {b.name}",
                (
                    Html(head),
                    Markdown(mk.prepare(b.text, plan, page, b.quelle.pfad)),
                    Markdown(mk.heading(f"Maßnahmen ({len(measures)})")),
                    Html(fr.measure_list(plan, measures, page)),
                ),
                f"{what} {b.name}: alle Maßnahmen",
            )
        )
    return pages
