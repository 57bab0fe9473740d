"""One page per measure: Steckbrief, text, goals, and the link to propose a change."""

from __future__ import annotations

from lip_build.model.plan import Massnahme, Plan
from lip_build.outputs.site import fragments as fr
from lip_build.outputs.site import markup as mk
from lip_build.outputs.site.git_history import NO_HISTORY, SiteHistory
from lip_build.outputs.site.pages_beteiligung import element_blocks
from lip_build.outputs.site.pages_changes import history_block
from lip_build.outputs.site.pagetree import Html, Markdown, Page, relative
from lip_build.view import steckbrief as sb
from lip_build.view.plantext import label


def edit_link(plan: Plan, pfad: str) -> str:
    """ "Änderung vorschlagen": opens the file in the repository's web editor (omitted without repository)."""
    if not plan.info.repository:
        return ""
    return fr.render("edit_link.html", url=f"{plan.info.repository.rstrip('/')}/edit/main/{pfad}", pfad=pfad)


def fact_box(plan: Plan, m: Massnahme, page: str) -> str:
    """The Steckbrief of the measure (view.steckbrief), as on every output, with the rows for the site."""
    rows = sb.massnahme(plan, m).site
    return fr.render("steckbrief.html", title=sb.STECKBRIEF, rows=rows, href=fr.Links(plan, page))


VERLAUF_SPALTEN = ("datum", "status", "erledigt", "naechste_schritte")


def course(m: Massnahme) -> tuple[Markdown | Html, ...]:
    """The dated entries of the implementation as a small table (labels from schema.py); none without entries."""
    if not m.umsetzung.verlauf:
        return ()
    label = {k: sb.field_label("massnahme", f"umsetzung.verlauf[].{k}") for k in (*VERLAUF_SPALTEN, "gruende")}
    rows = tuple((e, sb.Status("umsetzung", e.status)) for e in m.umsetzung.verlauf)
    columns = tuple(label[k] for k in VERLAUF_SPALTEN)
    table = fr.render("verlauf.html", columns=columns, rows=rows, gruende=label["gruende"])
    return Markdown(mk.heading("Verlauf der Umsetzung")), Html(table)


def measure_page(plan: Plan, m: Massnahme, history: SiteHistory = NO_HISTORY) -> Page:
    page = mk.path_of(m)
    feld = plan.handlungsfeld(m.handlungsfeld)
    ziel = plan.ziel(m.ziele[0])
    head = fr.render(
        "page_head.html",
        crumbs=(
            (relative(page, mk.FELDER), "Handlungsfelder"),
            (relative(page, mk.path_of(feld)), feld.name),
            (relative(page, mk.path_of(ziel)), f"Ziel {plan.nummer(ziel.id)}"),
        ),
        current=f"Maßnahme {plan.nummer(m.id)}",
        feld=feld.name,
        id=m.id,
        title=m.titel,
        facts=(),
        href=fr.Links(plan, page),
    )
    goals = tuple((relative(page, mk.path_of(plan.ziel(z))), label(plan, plan.ziel(z))) for z in m.ziele)
    after = fr.html(history_block(history, m.quelle.pfad) + edit_link(plan, m.quelle.pfad))
    blocks = (
        Html(head),
        Html(fact_box(plan, m, page)),
        Markdown(mk.body(m.text, plan, page, "Beschreibung", m.quelle.pfad)),
        *course(m),
        *element_blocks(plan, m.id, page),
        Markdown(mk.heading("Ziele, denen die Maßnahme dient")),
        Html(fr.render("goal_list.html", goals=goals, after=after)),
    )
    return Page(page, label(plan, m), blocks, description=f"{label(plan, m)} – {feld.name}", hide=("navigation",))
