"""The plan's history on the site: "Zuletzt geändert am …" with the change history on goal and measure
pages, and the page "Änderungen seit Version …" with the Synopse (rendered by history.render_html,
which escapes every value from the plan)."""

from __future__ import annotations

from lip_build.history.compare import Aenderung, Element, Synopse
from lip_build.model.plan import Plan
from lip_build.outputs.site import fragments as fr
from lip_build.outputs.site import markup as mk
from lip_build.outputs.site.git_history import SiteHistory
from lip_build.outputs.site.pagetree import Html, NavLink, Page, relative
from lip_build.outputs.synopse import render_html, render_text
from lip_build.view import formats as fmt
from lip_build.view.plantext import label


def history_block(history: SiteHistory, pfad: str) -> str:
    """ "Zuletzt geändert am …" and the commits that changed the file, newest first, in a collapsible list.
    Only dates and commit messages: no names of the people who made the changes."""
    found = history.of(pfad)
    if found is None:
        return ""
    return fr.render(
        "history.html",
        commits=found.commits,
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


def _counts(synopse: Synopse, unchanged: int) -> str:
    kinds = [a for a in Aenderung if a is not Aenderung.UNVERAENDERT and synopse.anzahl(a)]
    parts = [f"{synopse.anzahl(a)} {a.value}" for a in kinds] + [f"{unchanged} unverändert"]
    return ", ".join(parts) + "."


def _overview(elements: tuple[Element, ...], pages: dict[str, tuple[str, str]], page: str) -> str:
    rows = []
    for e in elements:
        target = pages.get(e.neu.pfad) if e.neu else None
        title = mk.esc(e.titel or "")
        if target:
            title = mk.a(relative(page, target[0]), e.titel or target[1])
        rows.append(
            f'<tr><th scope="row"><a href="#{render_html.anchor(e)}">{mk.esc(e.bezeichnung)}</a></th>'
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
        f"<div><dt>Bisher</dt><dd>{mk.esc(synopse.bisher.text)}</dd></div>"
        f"<div><dt>Neu</dt><dd>{mk.esc(synopse.neu.text)}</dd></div></dl>"
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
            _overview(changed, pages, page),
        ]
        for e in changed:
            target = pages.get(e.neu.pfad) if e.neu else None
            article = render_html.element_html(e, 2)
            if target:
                link = f'<p class="lip-synopse-seite">Zur Seite: {mk.a(relative(page, target[0]), target[1])}</p>'
                article = article.removesuffix("</article>") + link + "\n</article>"
            parts.append(article)
        body = '<div class="lip-synopse">' + "\n".join(parts) + "</div>"
    return Page(page, title, (Html(head + body),), f"{title}: die Synopse der Änderungen am Plan", hide=("toc",))
