"""Small building blocks for pages: page paths, prepared Markdown, and escaped HTML for the pages
that are not yet in templates (fragments.py renders the others)."""

from __future__ import annotations

import html
import re
from pathlib import PurePosixPath

from lip_build.load.markdown import Text
from lip_build.model.plan import Begriff, Gremium, Handlungsfeld, Kapitel, Massnahme, Plan, Sitzung, Stellungnahme, Ziel
from lip_build.outputs.site.files import link_edits
from lip_build.outputs.site.pagetree import relative
from lip_build.view.plantext import label, replace_text_links

_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")


def esc(text: object) -> str:
    """Escape a value from the plan for HTML text and attributes."""
    return html.escape(str(text), quote=True)


def md_inline(text: str) -> str:
    """Plain text (a title) for use inside Markdown: special characters are escaped."""
    return _MD_SPECIAL.sub(r"\\\1", text)


# --- paths of pages -------------------------------------------------------------------------

START = ""
KATALOG = "massnahmen/"
STATUS = "status/"
ZIELE = "ziele/"
FELDER = "handlungsfelder/"
PROZESS = "prozess/"
GREMIEN = "gremien/"
GLOSSAR = "glossar/"
ZIELGRUPPEN = "zielgruppen/"
THEMEN = "querschnittsthemen/"
LEICHTE_SPRACHE = "leichte-sprache/"
PLAN = "plan/"
IMPRESSUM = "impressum/"
DATENSCHUTZ = "datenschutz/"
BARRIEREFREIHEIT = "barrierefreiheit/"
DOWNLOADS = "downloads/"
EINZELN = f"{DOWNLOADS}einzeln/"  # the Drucksache without Anlagen and each Anlage on its own (dist/einzeln/)
DATEN = "downloads/daten/"  # the open data of lip export (dist/daten/)
AENDERUNGEN = "aenderungen/"
BETEILIGUNG = "beteiligung/"  # the overview; sessions and statements below it
SITZUNGEN = f"{BETEILIGUNG}sitzungen/"
STELLUNGNAHMEN = f"{BETEILIGUNG}stellungnahmen/"


def path_of(item: Ziel | Massnahme | Handlungsfeld | Gremium | Sitzung | Stellungnahme) -> str:
    if isinstance(item, Sitzung):
        return f"{SITZUNGEN}{item.id}/"
    if isinstance(item, Stellungnahme):
        return f"{STELLUNGNAHMEN}{item.id}/"
    if isinstance(item, Massnahme):
        return f"{KATALOG}{item.id.lower()}/"
    if isinstance(item, Ziel):
        return f"{ZIELE}{item.id.lower()}/"
    if isinstance(item, Handlungsfeld):
        return f"{FELDER}{item.ordner}/"
    return f"{GREMIEN}{item.id}/"


def path_of_begriff(kind: str, item: Begriff) -> str:
    return f"{ZIELGRUPPEN if kind == 'zielgruppe' else THEMEN}{item.id}/"


def path_of_kapitel(item: Kapitel) -> str:
    stem = re.sub(r"^\d+-", "", PurePosixPath(item.quelle.pfad).stem)
    return f"{PLAN}{stem}/"


# --- Markdown from the plan -----------------------------------------------------------------


def prepare(text: Text, plan: Plan, page: str, source: str | None = None, span: tuple[int, int] | None = None) -> str:
    """The plan's Markdown for a page: links to files and text links become relative links, the gender
    star stays literal. `source` is the file the text comes from (for relative image paths); `span`
    limits it to a part of the text."""

    def link(item: Ziel | Massnahme) -> str:
        return f"[{md_inline(label(plan, item))}]({relative(page, path_of(item))})"

    return replace_text_links(text, plan, link, link_edits(text, source, page), span)


def body(text: Text, plan: Plan, page: str, title: str, source: str | None = None) -> str:
    """A text from the plan under a heading of its own, unless the text starts with a heading."""
    prepared = prepare(text, plan, page, source)
    return prepared if prepared.lstrip().startswith("#") else f"{heading(title)}\n{prepared}"


def heading(text: str, level: int = 2) -> str:
    """A Markdown heading from plain text (lip's own or a title from the plan)."""
    return f"{'#' * level} {md_inline(text)}\n"


# --- HTML fragments --------------------------------------------------------------------------


def a(href: str, text: str, css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    return f'<a href="{esc(href)}"{klass}>{esc(text)}</a>'


# Colour of the status badges (outputs/site/vorlagen/macros.html); the colour only repeats the text.
ENTSCHEIDUNG_CSS = {
    "vorgeschlagen": "neutral",
    "zugestimmt": "info",
    "zurueckgestellt": "warn",
    "abgelehnt": "stop",
    "empfehlung_an_das_land": "neutral",
    "beschlossen": "ok",
}
BESCHLUSS_CSS = {
    "vorgeschlagen": "neutral",
    "zugestimmt": "info",
    "geaendert": "info",
    "zurueckgestellt": "warn",
    "abgelehnt": "stop",
    "empfehlung_an_das_land": "neutral",
    "beschlossen": "ok",
}
ANTWORT_CSS = {"beruecksichtigt": "ok", "teilweise": "warn", "nicht": "stop"}
UMSETZUNG_CSS = {
    "nicht_begonnen": "neutral",
    "in_umsetzung": "info",
    "umgesetzt": "ok",
    "regelbetrieb": "ok",
    "eingestellt": "stop",
}
