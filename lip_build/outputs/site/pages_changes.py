"""The plan's history on the site: "Zuletzt geändert am …" with the change history on goal and measure
pages, and the page "Änderungen seit Version …" with the Synopse (rendered by history.render_html,
which escapes every value from the plan)."""

from __future__ import annotations

import re

from lip_build.history.compare import ART_LABEL, Aenderung, Element, Feldaenderung, Stand, Synopse
from lip_build.history.textdiff import TextDiff
from lip_build.load.markdown import TEXT_LINK
from lip_build.model.plan import Plan
from lip_build.outputs.site import fragments as fr
from lip_build.outputs.site import markup as mk
from lip_build.outputs.site.git_history import SiteHistory
from lip_build.outputs.site.pagetree import Html, NavLink, Page, relative
from lip_build.outputs.synopse import render_html, render_text
from lip_build.outputs.synopse.pdf_labels import field_label
from lip_build.view import formats as fmt
from lip_build.view.plantext import label

_LONG = 120  # values longer than this (both together) are named, not quoted: "Partner*innen geändert"


def _field_change(art: str, change: Feldaenderung) -> str:
    name = field_label(art, change.schluessel)
    if change.bisher is None:
        return f"{name}: {change.neu} (neu)" if len(change.neu or "") <= _LONG else f"{name} neu"
    if change.neu is None:
        return f"{name}: {change.bisher} (entfernt)" if len(change.bisher) <= _LONG else f"{name} entfernt"
    if change.text is not None or len(change.bisher) + len(change.neu) > _LONG:
        return f"{name} geändert"
    return f"{name}: {change.bisher} → {change.neu}"


def _text_change(diff: TextDiff) -> str:
    kinds = {piece.art for piece in diff.stuecke}
    if "entfernt" not in kinds:
        return "Text ergänzt"
    if "neu" not in kinds:
        return "Text gekürzt"
    return "Text überarbeitet"


def step_summary(element: Element | None, first: bool) -> list[str]:
    """What one commit changed in an item, in plain German with the Synopse's labels
    ("Kostenposten 1: Betrag: 640.000 € → 645.000 €", "Text ergänzt"); never keys, paths or hashes."""
    if element is None:
        return ["Erste Fassung im Plan"] if first else ["Diese Fassung lässt sich nicht vergleichen"]
    parts = [_field_change(element.art, change) for change in element.felder]
    if element.text.geaendert:
        parts.append(_text_change(element.text))
    return parts or ["Keine Änderung am Inhalt"]


def history_block(history: SiteHistory, pfad: str) -> str:
    """ "Zuletzt geändert am …" and what each commit changed in the item, newest first, in a collapsible
    list: dates and the field diff to the version before, never commit messages or the people's names."""
    found = history.of(pfad)
    if found is None:
        return ""
    steps = found.steps or (None,) * len(found.commits)
    entries = tuple(
        (commit, tuple(step_summary(step, index == len(found.commits) - 1)))
        for index, (commit, step) in enumerate(zip(found.commits, steps, strict=True))
    )
    return fr.render(
        "history.html",
        entries=entries,
        uncommitted=found.uncommitted,
        count=fmt.anzahl(len(found.commits), "Änderung", "Änderungen"),
    )


def _title(synopse: Synopse) -> str:
    bisher = synopse.bisher
    if bisher.tag:
        return f"Änderungen seit Version {bisher.tag}"
    if bisher.datum:
        return f"Änderungen seit dem Stand vom {fmt.datum(bisher.datum.date())}"
    return f"Änderungen seit {bisher.bezeichnung}"


def changes_link(history: SiteHistory) -> NavLink | None:
    """The page "Änderungen seit Version …", for navigation, start page and footer (None: no page)."""
    return NavLink(mk.AENDERUNGEN, _title(history.changes.synopse)) if history.changes else None


def _pages(plan: Plan) -> dict[str, tuple[str, str]]:
    """Source file → (page path, link text) for every item that has a page of its own."""
    found: dict[str, tuple[str, str]] = {plan.info.quelle.pfad: (mk.PLAN, "Über den Plan")}
    for z in plan.ziele:
        found[z.quelle.pfad] = (mk.path_of(z), label(plan, z))
    for m in plan.massnahmen:
        found[m.quelle.pfad] = (mk.path_of(m), label(plan, m))
    for f in plan.handlungsfelder:
        found[f.quelle.pfad] = (mk.path_of(f), f"Handlungsfeld {plan.nummer(f.code)} {f.name}")
    for g in plan.gremien:
        found[g.quelle.pfad] = (mk.path_of(g), g.name)
    for kind, items in (("zielgruppe", plan.zielgruppen), ("querschnittsthema", plan.querschnittsthemen)):
        found.update({b.quelle.pfad: (mk.path_of_begriff(kind, b), b.name) for b in items})
    for k in plan.kapitel:
        found[k.quelle.pfad] = (mk.path_of_kapitel(k), k.titel)
    if plan.glossar:
        found[plan.glossar.quelle.pfad] = (mk.GLOSSAR, plan.glossar.titel)
    if plan.leichte_sprache:
        found[plan.leichte_sprache.quelle.pfad] = (mk.LEICHTE_SPRACHE, "Leichte Sprache")
    if plan.zeitleiste:
        found[plan.zeitleiste.quelle.pfad] = (mk.PROZESS, "Prozess und Zeitleiste")
    return found


def _name(plan: Plan, element: Element) -> str:
    """How the site names an item: "Maßnahme 1.2.2", "Ziel 3.1", "Handlungsfeld 2" (their numbers, as on their
    pages), "Kapitel"; an item no longer in the plan by its ID ("Maßnahme BIL-M09")."""
    art = ART_LABEL.get(element.art, element.art)
    if element.art in ("ziel", "massnahme", "handlungsfeld") and element.id in plan.nummern:
        return f"{art} {plan.nummer(element.id)}"
    return art if element.art == "kapitel" else element.bezeichnung


def _named_links(plan: Plan, html: str) -> str:
    """Text links in the compared texts ("[[BIL-M05]]", escaped HTML) by the item's name, as the pages show
    them ("Maßnahme 1.1.5 Elternbegleitung …"); an ID the plan no longer has stays as written."""
    items = {z.id: z for z in plan.ziele} | {m.id: m for m in plan.massnahmen}

    def name(found: re.Match[str]) -> str:
        item = items.get(found.group(1))
        return found.group(0) if item is None else mk.esc(label(plan, item))

    return TEXT_LINK.sub(name, html)


def _stand(stand: Stand, plan: Plan, neu: bool) -> str:
    """One side of the comparison in words: "Version v2.0 vom 29.09.2026"; this build by the plan's own
    version and date, as in the footer. The commits are the build's business (page metadata)."""
    if neu:
        return f"Diese Fassung: {fmt.plan_stand(plan.info.version, plan.info.stand)}"
    when = f" vom {fmt.datum(stand.datum.date())}" if stand.datum else ""
    if stand.tag:
        return f"Version {stand.tag}{when}"
    return f"Stand{when}" if when else stand.bezeichnung


def _counts(synopse: Synopse, unchanged: int) -> str:
    kinds = [a for a in Aenderung if a is not Aenderung.UNVERAENDERT and synopse.anzahl(a)]
    parts = [f"{synopse.anzahl(a)} {a.value}" for a in kinds] + [f"{unchanged} unverändert"]
    return ", ".join(parts) + "."


def _overview(plan: Plan, elements: tuple[Element, ...], pages: dict[str, tuple[str, str]], page: str) -> str:
    rows = []
    for e in elements:
        target = pages.get(e.neu.pfad) if e.neu else None
        title = mk.esc(e.titel or "")
        if target:
            title = mk.a(relative(page, target[0]), e.titel or target[1])
        rows.append(
            f'<tr><th scope="row"><a href="#{render_html.anchor(e)}">{mk.esc(_name(plan, e))}</a></th>'
            f"<td>{title}</td><td>{mk.esc(render_text.status(e))}</td></tr>"
        )
    return (
        '<div class="lip-table-wrap"><table class="lip-table"><caption>Übersicht der Änderungen</caption>'
        '<thead><tr><th scope="col">Element</th><th scope="col">Titel</th><th scope="col">Änderung</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def changes_page(plan: Plan, history: SiteHistory) -> Page | None:
    """The Synopse between the version compared with and this build (None: nothing to compare with)."""
    if history.changes is None:
        return None
    page = mk.AENDERUNGEN
    synopse, title = history.changes.synopse, _title(history.changes.synopse)
    head = (
        f"<h1>{mk.esc(title)}</h1>"
        '<p class="lip-lead">Was sich am Plan geändert hat: neue, geänderte, verschobene und entfernte Ziele, '
        "Maßnahmen und Texte – jede Angabe mit bisherigem und neuem Wert, jeder Text Wort für Wort.</p>"
        '<dl class="lip-synopse-staende">'
        f"<div><dt>Bisher</dt><dd>{mk.esc(_stand(synopse.bisher, plan, False))}</dd></div>"
        f"<div><dt>Neu</dt><dd>{mk.esc(_stand(synopse.neu, plan, True))}</dd></div></dl>"
        f"<p><strong>{mk.esc(_counts(synopse, history.changes.unveraendert))}</strong>"
        + (f" {mk.esc(render_text.bookkeeping(synopse))}" if render_text.bookkeeping(synopse) else "")
        + "</p>"
    )
    changed = synopse.geaendert
    if not changed:
        body = "<p>Seitdem hat sich am Inhalt des Plans nichts geändert.</p>"
    else:
        pages = _pages(plan)
        parts = [
            '<p class="lip-detail">Gestrichene Wörter sind durchgestrichen und rot hinterlegt, neue Wörter '
            "unterstrichen und grün hinterlegt; Screenreader lesen „gestrichen“ und „eingefügt“ vor.</p>",
            _overview(plan, changed, pages, page),
        ]
        for e in changed:
            target = pages.get(e.neu.pfad) if e.neu else None
            article = _named_links(
                plan, render_html.element_html(e, 2, name=_name(plan, e), field_name=field_label, public=True)
            )
            if target:
                link = f'<p class="lip-synopse-seite">Zur Seite: {mk.a(relative(page, target[0]), target[1])}</p>'
                article = article.removesuffix("</article>") + link + "\n</article>"
            parts.append(article)
        body = '<div class="lip-synopse">' + "\n".join(parts) + "</div>"
    return Page(page, title, (Html(head + body),), f"{title}: die Synopse der Änderungen am Plan", hide=("toc",))
