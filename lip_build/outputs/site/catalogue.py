"""The Maßnahmenkatalog: every measure in one table.

Without JavaScript it is a plain, complete table. With JavaScript (assets/javascripts/lip.js) the
filter form above it appears and the column headers become sort buttons; the filters read the
data-* attributes of each row and are kept in the address (?feld=BIL&umsetzung=in_umsetzung).
"""

from __future__ import annotations

from lip_build import schema as s
from lip_build.model.plan import Massnahme, Plan
from lip_build.outputs.site import markup as mk
from lip_build.outputs.site.pagetree import Html, Page, relative

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


def _form(plan: Plan) -> str:
    options = _options(plan)
    fields = []
    for name, text, _ in FILTERS:
        choices = "".join(f'<option value="{mk.esc(v)}">{mk.esc(lbl)}</option>' for v, lbl in options[name])
        fields.append(
            f'<div class="lip-filter__field"><label for="filter-{name}">{text}</label>'
            f'<select id="filter-{name}" name="{name}"><option value="">alle</option>{choices}</select></div>'
        )
    return (
        '<form class="lip-filter" data-lip-filter hidden aria-labelledby="filter-titel">'
        '<h2 id="filter-titel" class="lip-filter__title">Maßnahmen filtern</h2>'
        f'<div class="lip-filter__fields">{"".join(fields)}</div>'
        '<div class="lip-filter__actions"><button type="reset" class="md-button">Filter zurücksetzen</button>'
        '<p class="lip-filter__count" role="status" aria-live="polite" data-lip-count></p></div></form>'
    )


def _sort_number(plan: Plan, m: Massnahme) -> str:
    return ".".join(part.zfill(4) for part in plan.nummer(m.id).split("."))


def _row(plan: Plan, m: Massnahme, page: str) -> str:
    feld = plan.handlungsfeld(m.handlungsfeld)
    data = {
        "feld": m.handlungsfeld,
        "entscheidung": m.entscheidung.status,
        "umsetzung": m.umsetzung.status,
        "zielgruppen": " ".join(m.zielgruppen),
        "themen": " ".join(m.querschnittsthemen),
        "antrag": "ja" if m.antragsberechtigt else "nein",
    }
    attributes = " ".join(f'data-{key}="{mk.esc(value)}"' for key, value in data.items())
    kosten = m.kosten_summe("jaehrlich") + m.kosten_summe("einmalig")
    return (
        f"<tr {attributes}>"
        f'<td data-sort="{_sort_number(plan, m)}">{plan.nummer(m.id)}</td>'
        f'<th scope="row" data-sort="{mk.esc(m.titel.lower())}">'
        f"{mk.a(relative(page, mk.path_of(m)), m.titel)}"
        f'<span class="lip-id">{mk.esc(m.id)}</span></th>'
        f'<td data-sort="{plan.nummer(feld.code).zfill(4)}">{mk.esc(feld.name)}</td>'
        f'<td data-sort="{s.ENTSCHEIDUNG_STATUS.values.index(m.entscheidung.status)}">'
        f"{mk.badge_entscheidung(m.entscheidung.status)}</td>"
        f'<td data-sort="{s.UMSETZUNG_STATUS.values.index(m.umsetzung.status)}">'
        f"{mk.badge_umsetzung(m.umsetzung.status)}</td>"
        f'<td data-sort="{m.zeitraum.beginn}">{mk.esc(mk.zeitraum(m))}</td>'
        f'<td data-sort="{kosten:.0f}" class="lip-num">{mk.esc(mk.kosten_kurz(m))}</td>'
        f"<td>{data['antrag']}</td></tr>"
    )


COLUMNS = ("Nr.", "Maßnahme", "Handlungsfeld", "Entscheidung", "Umsetzung", "Zeitraum", "Kosten", "Antrags­berechtigt")


def catalogue_page(plan: Plan) -> Page:
    page = mk.KATALOG
    heads = (
        "".join(f'<th scope="col" data-sortable>{c}</th>' for c in COLUMNS[:-1]) + f'<th scope="col">{COLUMNS[-1]}</th>'
    )
    rows = "".join(_row(plan, m, page) for m in plan.massnahmen)
    intro = (
        "<h1>Maßnahmenkatalog</h1>"
        f'<p class="lip-lead">Alle {len(plan.massnahmen)} Maßnahmen des Plans in einer Tabelle. '
        "Filtern Sie nach Handlungsfeld, Stand, Zielgruppe, Querschnittsthema oder danach, ob Vereine und "
        "Initiativen die Durchführung beantragen können. Ein Klick auf eine Spaltenüberschrift sortiert die "
        "Tabelle.</p>"
        f"<p>{mk.a(relative(page, mk.STATUS), 'Zur Statusübersicht mit Diagrammen')}</p>"
    )
    table = (
        f'<div class="lip-table-wrap" tabindex="0" role="region" aria-labelledby="katalog-caption">'
        '<table class="lip-table lip-katalog" data-lip-katalog>'
        f'<caption id="katalog-caption">Maßnahmenkatalog: {len(plan.massnahmen)} Maßnahmen</caption>'
        f"<thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table></div>"
        '<p class="lip-empty" data-lip-none hidden>Keine Maßnahme passt zu diesen Filtern.</p>'
    )
    return Page(
        page,
        "Maßnahmenkatalog",
        (Html(intro + _form(plan) + table),),
        "Alle Maßnahmen des Plans",
        hide=("navigation", "toc"),
    )
