"""The status overview: measures per Handlungsfeld and status, costs per Handlungsfeld.

Each chart stands next to a table with the same numbers (a chart alone is not accessible).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from lip_build import schema as s
from lip_build.history.transitions import Statuswechsel, statuses_by_day
from lip_build.model.plan import Plan
from lip_build.outputs.site import fragments as fr
from lip_build.outputs.site import markup as mk
from lip_build.outputs.site.charts import Series, grouped_bars, legend, stacked_bars
from lip_build.outputs.site.git_history import NO_HISTORY, SiteHistory
from lip_build.outputs.site.pagetree import Html, Page, relative
from lip_build.view import formats as fmt

UMSETZUNG_FARBEN = {
    "nicht_begonnen": "#8C8C8C",
    "in_umsetzung": "#0072B2",
    "umgesetzt": "#009E73",
    "regelbetrieb": "#005A45",
    "eingestellt": "#D55E00",
}
ENTSCHEIDUNG_FARBEN = {
    "vorgeschlagen": "#8C8C8C",
    "zugestimmt": "#56B4E9",
    "zurueckgestellt": "#E69F00",
    "abgelehnt": "#D55E00",
    "empfehlung_an_das_land": "#CC79A7",
    "beschlossen": "#009E73",
}
KOSTEN_FARBEN = {"einmalig": "#E69F00", "jaehrlich": "#0072B2"}


def _section(
    section_id: str,
    heading: str,
    text: str,
    chart: str,
    caption: str,
    headers: list[str],
    rows: list[list[str]],
    total: list[str],
) -> SimpleNamespace:
    return SimpleNamespace(
        id=section_id,
        heading=heading,
        text=text,
        chart=fr.html(chart),
        caption=caption,
        headers=headers,
        rows=rows,
        total=total,
    )


def _status_section(plan: Plan, key: str) -> SimpleNamespace:
    choice = s.UMSETZUNG_STATUS if key == "umsetzung" else s.ENTSCHEIDUNG_STATUS
    farben = UMSETZUNG_FARBEN if key == "umsetzung" else ENTSCHEIDUNG_FARBEN
    felder = plan.handlungsfelder
    counts = {
        v: tuple(sum(getattr(m, key).status == v for m in plan.massnahmen_von(f.code)) for f in felder)
        for v in choice.values
    }
    series = tuple(Series(choice.label(v), farben[v], tuple(float(n) for n in counts[v])) for v in choice.values)
    name = "Umsetzungsstand" if key == "umsetzung" else "Entscheidungsstand"
    summary = ", ".join(f"{choice.label(v)}: {sum(counts[v])}" for v in choice.values)
    chart = stacked_bars(
        f"chart-{key}",
        f"{name} der Maßnahmen je Handlungsfeld",
        f"Gestapelte Balken, einer je Handlungsfeld. Insgesamt {len(plan.massnahmen)} Maßnahmen; {summary}. "
        "Die Zahlen stehen auch in der Tabelle darunter.",
        tuple(f.name for f in felder),
        series,
    )
    rows = [[f.name, *(str(counts[v][i]) for v in choice.values)] for i, f in enumerate(felder)]
    total = ["Gesamt", *(str(sum(counts[v])) for v in choice.values)]
    text = (
        f"Wie viele Maßnahmen jedes Handlungsfelds welchen {name} haben."
        if key == "umsetzung"
        else "Wie weit die Beratung und Beschlussfassung über die Maßnahmen jedes Handlungsfelds ist."
    )
    return _section(
        key,
        f"{name} je Handlungsfeld",
        text,
        chart + legend(series),
        f"{name} je Handlungsfeld (Anzahl der Maßnahmen)",
        ["Handlungsfeld", *(choice.label(v) for v in choice.values)],
        rows,
        total,
    )


def _cost_section(plan: Plan) -> SimpleNamespace:
    felder = plan.handlungsfelder
    sums = {
        art: tuple(sum(m.kosten_summe(art) for m in plan.massnahmen_von(f.code)) for f in felder)
        for art in ("einmalig", "jaehrlich")
    }
    series = tuple(Series(f"Kosten {s.KOSTEN_ART.label(a)}", KOSTEN_FARBEN[a], sums[a]) for a in sums)
    texts = tuple(tuple(fmt.euro(v) for v in sums[a]) for a in sums)
    chart = grouped_bars(
        "chart-kosten",
        "Kosten der Maßnahmen je Handlungsfeld",
        "Zwei Balken je Handlungsfeld: einmalige und jährliche Kosten in Euro. Insgesamt "
        f"{fmt.euro(sum(sums['einmalig']))} einmalig und {fmt.euro(sum(sums['jaehrlich']))} jährlich. "
        "Die Beträge stehen auch in der Tabelle darunter.",
        tuple(f.name for f in felder),
        series,
        texts,
    )
    rows = [[f.name, fmt.euro(sums["einmalig"][i]), fmt.euro(sums["jaehrlich"][i])] for i, f in enumerate(felder)]
    total = ["Gesamt", fmt.euro(sum(sums["einmalig"])), fmt.euro(sum(sums["jaehrlich"]))]
    text = "Summe der Kosten aller Maßnahmen eines Handlungsfelds, getrennt nach einmaligen und jährlichen Kosten."
    return _section(
        "kosten",
        "Kosten je Handlungsfeld",
        text,
        chart + legend(series),
        "Kosten je Handlungsfeld in Euro",
        ["Handlungsfeld", "einmalig", "jährlich"],
        rows,
        total,
    )


def _timeline_sections(plan: Plan, staende: tuple[Statuswechsel, ...]) -> list[SimpleNamespace]:
    """Per Handlungsfeld: its measures by implementation status on each Berichtsstand that Git knows of."""
    values = s.UMSETZUNG_STATUS.values
    sections = []
    for feld in plan.handlungsfelder:
        ids = [m.id for m in plan.massnahmen_von(feld.code)]
        days = statuses_by_day(staende, ids)
        if not ids or len(days) < 2:  # one day is no course over time
            continue
        counts = {v: tuple(float(sum(st == v for st in state.values())) for _, state in days) for v in values}
        labels = tuple(fmt.datum(day) for day, _ in days)
        series = tuple(Series(s.UMSETZUNG_STATUS.label(v), UMSETZUNG_FARBEN[v], counts[v]) for v in values)
        last = ", ".join(f"{s.UMSETZUNG_STATUS.label(v)}: {counts[v][-1]:g}" for v in values if counts[v][-1])
        chart = stacked_bars(
            f"chart-verlauf-{feld.code}",
            f"Umsetzungsstand der Maßnahmen im Handlungsfeld {feld.name} im Zeitverlauf",
            f"Gestapelte Balken, einer je Berichtsstand vom {labels[0]} bis {labels[-1]}, für die {len(ids)} "
            f"Maßnahmen des Handlungsfelds. Zuletzt {last}. Die Zahlen stehen auch in der Tabelle daneben.",
            labels,
            series,
        )
        sections.append(
            _section(
                f"verlauf-{feld.code}",
                f"Zeitverlauf im Handlungsfeld {feld.name}",
                "Wie viele Maßnahmen an jedem Berichtsstand welchen Umsetzungsstand hatten, so wie er an diesem "
                "Tag eingetragen war (aus der Versionsgeschichte des Plans).",
                chart + legend(series),
                f"Umsetzungsstand im Handlungsfeld {feld.name} je Berichtsstand (Anzahl der Maßnahmen)",
                ["Berichtsstand", *(s.UMSETZUNG_STATUS.label(v) for v in values)],
                [[label, *(f"{counts[v][i]:g}" for v in values)] for i, label in enumerate(labels)],
                [],
            )
        )
    return sections


def status_page(plan: Plan, data: tuple[Path, ...] = (), history: SiteHistory = NO_HISTORY) -> Page:
    page = mk.STATUS
    html = fr.render(
        "status.html",
        count=len(plan.massnahmen),
        katalog_href=relative(page, mk.KATALOG),
        sections=[
            _status_section(plan, "umsetzung"),
            *_timeline_sections(plan, history.staende),
            _status_section(plan, "entscheidung"),
            _cost_section(plan),
        ],
    )
    return Page(
        page,
        "Stand der Umsetzung",
        (Html(html), Html(fr.data_downloads(page, data))),
        "Maßnahmen je Handlungsfeld und Status, Kosten",
        hide=("navigation", "toc"),
    )
