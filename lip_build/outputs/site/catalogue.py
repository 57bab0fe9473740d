"""The Maßnahmenkatalog: every measure in one table.

Without JavaScript it is a plain, complete table. With JavaScript (assets/javascripts/lip.js) the
filter form above it appears and the column headers become sort buttons; the filters read the
data-* attributes of each row and are kept in the address (?feld=BIL&umsetzung=in_umsetzung).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from lip_build import schema as s
from lip_build.model.plan import Massnahme, Plan
from lip_build.outputs.site import fragments as fr
from lip_build.outputs.site import markup as mk
from lip_build.outputs.site.pagetree import Html, Page, relative
from lip_build.view import formats as fmt
from lip_build.view import steckbrief as sb

# (name of the filter, label, data attribute of the row)
FILTERS = (
    ("feld", "Handlungsfeld", "feld"),
    ("entscheidung", "Entscheidungsstand", "entscheidung"),
    ("umsetzung", "Umsetzungsstand", "umsetzung"),
    ("zielgruppe", "Zielgruppe", "zielgruppen"),
    ("thema", "Querschnittsthema", "themen"),
    ("antrag", "Antragsberechtigt", "antrag"),
)


def _options(plan: Plan) -> dict[str, list[tuple[str, str]]]:
    return {
        "feld": [(f.code, f"{plan.nummer(f.code)} {f.name}") for f in plan.handlungsfelder],
        "entscheidung": list(s.ENTSCHEIDUNG_STATUS.options),
        "umsetzung": list(s.UMSETZUNG_STATUS.options),
        "zielgruppe": sorted(((z.id, z.name) for z in plan.zielgruppen), key=lambda o: o[1].lower()),
        "thema": sorted(((t.id, t.name) for t in plan.querschnittsthemen), key=lambda o: o[1].lower()),
        "antrag": [("ja", "ja"), ("nein", "nein")],
    }


def _filters(plan: Plan) -> list[SimpleNamespace]:
    options = _options(plan)
    return [SimpleNamespace(name=name, label=text, options=options[name]) for name, text, _ in FILTERS]


def _sort_number(plan: Plan, m: Massnahme) -> str:
    return ".".join(part.zfill(4) for part in plan.nummer(m.id).split("."))


def _row(plan: Plan, m: Massnahme, page: str) -> SimpleNamespace:
    feld = plan.handlungsfeld(m.handlungsfeld)
    antrag = "ja" if m.antragsberechtigt else "nein"
    data = {
        "feld": m.handlungsfeld,
        "entscheidung": m.entscheidung.status,
        "umsetzung": m.umsetzung.status,
        "zielgruppen": " ".join(m.zielgruppen),
        "themen": " ".join(m.querschnittsthemen),
        "antrag": antrag,
    }
    entscheidung, umsetzung = fr.statuses(m)
    return SimpleNamespace(
        data=list(data.items()),
        nummer=plan.nummer(m.id),
        sort_nummer=_sort_number(plan, m),
        href=relative(page, mk.path_of(m)),
        titel=m.titel,
        id=m.id,
        feld=feld.name,
        sort_feld=plan.nummer(feld.code).zfill(4),
        entscheidung=entscheidung,
        sort_entscheidung=s.ENTSCHEIDUNG_STATUS.values.index(m.entscheidung.status),
        umsetzung=umsetzung,
        sort_umsetzung=s.UMSETZUNG_STATUS.values.index(m.umsetzung.status),
        beginn=m.zeitraum.beginn,
        zeitraum=fmt.zeitraum(m.zeitraum),
        sort_kosten=f"{m.kosten_summe('jaehrlich') + m.kosten_summe('einmalig'):.0f}",
        kosten=sb.kosten_kurz(m),
        antrag=antrag,
    )


COLUMNS = (
    "Nr.",
    "Maßnahme",
    "Handlungsfeld",
    "Entscheidung",
    "Umsetzung",
    "Zeitraum",
    "Kosten",
    "Antrags\u00adberechtigt",
)


def catalogue_page(plan: Plan, data: tuple[Path, ...] = ()) -> Page:
    page = mk.KATALOG
    html = fr.render(
        "catalogue.html",
        rows=[_row(plan, m, page) for m in plan.massnahmen],
        filters=_filters(plan),
        columns=COLUMNS,
        status_href=relative(page, mk.STATUS),
    )
    blocks = (Html(html), Html(fr.data_downloads(page, data)))
    return Page(page, "Maßnahmenkatalog", blocks, "Alle Maßnahmen des Plans", hide=("navigation", "toc"))
