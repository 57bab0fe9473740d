"""The whole site as a neutral page tree: every page and the navigation, generated from the model."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from lip_build.model.plan import Plan
from lip_build.outputs.site import markup as mk
from lip_build.outputs.site import pages_beteiligung as beteiligung
from lip_build.outputs.site.catalogue import catalogue_page
from lip_build.outputs.site.git_history import NO_HISTORY, SiteHistory
from lip_build.outputs.site.legal import legal_pages
from lip_build.outputs.site.pages_changes import changes_link, changes_page
from lip_build.outputs.site.pages_felder import field_page, fields_overview, goal_page, goals_overview
from lip_build.outputs.site.pages_massnahme import measure_page
from lip_build.outputs.site.pages_plan import begriff_pages, chapter_page, easy_page, glossary_page, intro_page
from lip_build.outputs.site.pages_prozess import gremien_page, gremium_page, process_page
from lip_build.outputs.site.pages_start import start_page
from lip_build.outputs.site.pagetree import NavItem, NavLink, NavSection, Page, SiteTree
from lip_build.outputs.site.settings import SiteSettings
from lip_build.outputs.site.status import status_page

# Pages that only list or tabulate what other pages say: left out of the search, so that a search finds the
# measure, goal, Handlungsfeld or chapter itself, not the catalogue's table cells run together.
OVERVIEWS = frozenset(
    {
        mk.START,
        mk.KATALOG,
        mk.STATUS,
        mk.ZIELE,
        mk.FELDER,
        mk.GREMIEN,
        mk.ZIELGRUPPEN,
        mk.THEMEN,
        mk.AENDERUNGEN,
        mk.BETEILIGUNG,
    }
)


def _nav(plan: Plan, changes: NavLink | None) -> tuple[NavItem, ...]:
    plan_section: list[NavItem] = [NavLink(mk.PLAN, "Über den Plan")]
    plan_section += [NavLink(mk.path_of_kapitel(k), k.kurztitel or k.titel) for k in plan.kapitel]
    if changes:
        plan_section.append(changes)
    plan_section.append(NavLink(mk.PROZESS, "Prozess und Zeitleiste"))
    plan_section.append(
        NavSection("Gremien", tuple(NavLink(mk.path_of(g), g.kurzname or g.name) for g in plan.gremien), mk.GREMIEN)
    )
    if plan.glossar:
        plan_section.append(NavLink(mk.GLOSSAR, "Glossar"))
    felder: list[NavItem] = [NavLink(mk.ZIELE, "Alle Ziele")]
    for feld in plan.handlungsfelder:
        goals = tuple(NavLink(mk.path_of(z), f"Ziel {plan.nummer(z.id)}") for z in plan.ziele_von(feld.code))
        felder.append(NavSection(f"{plan.nummer(feld.code)} {feld.name}", goals, mk.path_of(feld)))
    massnahmen: list[NavItem] = [
        NavLink(mk.KATALOG, "Maßnahmenkatalog"),
        NavLink(mk.STATUS, "Stand der Umsetzung"),
        NavSection(
            "Zielgruppen",
            tuple(NavLink(mk.path_of_begriff("zielgruppe", z), z.name) for z in plan.zielgruppen),
            mk.ZIELGRUPPEN,
        ),
        NavSection(
            "Querschnittsthemen",
            tuple(NavLink(mk.path_of_begriff("querschnittsthema", t), t.name) for t in plan.querschnittsthemen),
            mk.THEMEN,
        ),
    ]
    nav: list[NavItem] = [
        NavLink(mk.START, "Start"),
        NavSection("Der Plan", tuple(plan_section)),
        NavSection("Handlungsfelder", tuple(felder), mk.FELDER),
        NavSection("Maßnahmen", tuple(massnahmen)),
    ]
    beteiligung_section = beteiligung.nav(plan)
    if beteiligung_section:
        nav.append(beteiligung_section)
    if plan.leichte_sprache:
        nav.append(NavLink(mk.LEICHTE_SPRACHE, "Leichte Sprache"))
    return tuple(nav)


def build_tree(
    plan: Plan,
    settings: SiteSettings,
    downloads: tuple[Path, ...] = (),
    history: SiteHistory = NO_HISTORY,
    data: tuple[Path, ...] = (),
    parts: tuple[Path, ...] = (),
) -> SiteTree:
    """Every page and the navigation; `history` (changes.read_history) adds what Git knows about the plan."""
    changes = changes_link(history)
    pages: list[Page] = [start_page(plan, downloads, changes, parts), intro_page(plan)]
    pages += [chapter_page(plan, k) for k in plan.kapitel]
    changes_overview = changes_page(plan, history)
    if changes_overview:
        pages.append(changes_overview)
    pages += [fields_overview(plan), goals_overview(plan)]
    pages += [field_page(plan, f) for f in plan.handlungsfelder]
    pages += [goal_page(plan, z, history) for z in plan.ziele]
    pages += [catalogue_page(plan, data), status_page(plan, data, history)]
    pages += [measure_page(plan, m, history) for m in plan.massnahmen]
    pages += [process_page(plan), gremien_page(plan)]
    pages += [gremium_page(plan, g) for g in plan.gremien]
    pages += beteiligung.pages(plan)
    pages += begriff_pages(plan, "zielgruppe") + begriff_pages(plan, "querschnittsthema")
    if plan.glossar:
        pages.append(glossary_page(plan))
    if plan.leichte_sprache:
        pages.append(easy_page(plan))
    pages += legal_pages(settings)
    files = {f"{mk.DOWNLOADS}{d.name}": d for d in downloads}
    files.update({f"{mk.EINZELN}{d.name}": d for d in parts})
    files.update({f"{mk.DATEN}{d.name}": d for d in data})
    pages = [dataclasses.replace(p, searchable=False) if p.path in OVERVIEWS else p for p in pages]
    return SiteTree(tuple(pages), _nav(plan, changes), files, changes=changes)
