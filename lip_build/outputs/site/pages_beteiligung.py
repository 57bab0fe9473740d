"""The record of participation on the site (issue 13): the overview "Beteiligung", a page per session and
per statement, and on every goal and measure page its decision history and the statement points that
concern it (view/beteiligung.py), with what became of them."""

from __future__ import annotations

from types import SimpleNamespace

from lip_build import schema as s
from lip_build.model.plan import Plan, Sitzung, Stellungnahme
from lip_build.outputs.site import fragments as fr
from lip_build.outputs.site import markup as mk
from lip_build.outputs.site.pagetree import Html, Markdown, NavLink, NavSection, Page, relative
from lip_build.view import beteiligung as bt
from lip_build.view import formats as fmt
from lip_build.view.plantext import label
from lip_build.view.steckbrief import Status, field_label

ENTSCHEIDUNGEN = "Entscheidungen der Gremien"
STELLUNGNAHMEN = "Aus den Stellungnahmen"


def _labels() -> SimpleNamespace:
    def of(kind: str, key: str) -> str:
        return field_label(kind, key)

    return SimpleNamespace(
        datum=of("sitzung", "datum"),
        gremium=of("sitzung", "gremium"),
        element=of("sitzung", "beschluesse[].element"),
        beschluss=of("sitzung", "beschluesse[].entscheidung"),
        aenderung=of("sitzung", "beschluesse[].aenderung"),
        begruendung=of("sitzung", "beschluesse[].begruendung"),
        anliegen=of("stellungnahme", "punkte[].anliegen"),
        betrifft=of("stellungnahme", "punkte[].betrifft"),
        antwort=of("stellungnahme", "punkte[].antwort"),
        antwort_begruendung=of("stellungnahme", "punkte[].begruendung"),
    )


LABELS = _labels()
REASONS = "Erläuterung"  # the amendment and the reason, each with its label
ANSWER = f"{LABELS.antwort} und {LABELS.antwort_begruendung}"


# --- on goal and measure pages --------------------------------------------------------------------


def element_blocks(plan: Plan, id: str, page: str) -> tuple[Markdown | Html, ...]:
    """The decision history and the statement points of a goal or measure; nothing where there are none."""
    blocks: list[Markdown | Html] = []
    schritte = bt.geschichte(plan, id)
    if schritte:
        history = [(relative(page, mk.path_of(r.sitzung)), r) for r in schritte]
        columns: tuple[str, ...] = (LABELS.datum, "Sitzung", LABELS.beschluss, REASONS)
        blocks += [
            Markdown(mk.heading(ENTSCHEIDUNGEN)),
            Html(fr.render("entscheidungen.html", rows=history, columns=columns, labels=LABELS)),
        ]
    bezuege = bt.bezuege(plan, id)
    if bezuege:
        points = [
            (
                SimpleNamespace(
                    href=relative(page, mk.path_of(b.stellungnahme)),
                    text=f"{b.gremium.kurzname or b.gremium.name}, Punkt {b.nr}",
                    detail=f"Stellungnahme vom {fmt.datum(b.stellungnahme.datum)}",
                ),
                b,
                (),
            )
            for b in bezuege
        ]
        table = fr.render(
            "punkte.html",
            rows=points,
            columns=("Stellungnahme", LABELS.anliegen, ANSWER),
            labels=LABELS,
            css="lip-beteiligung--quelle",
            caption="Punkte aus Stellungnahmen, die dies betreffen, und was daraus wurde",
        )
        blocks += [Markdown(mk.heading(STELLUNGNAHMEN)), Html(table)]
    return tuple(blocks)


# --- the pages of sessions and statements ---------------------------------------------------------


def _head(plan: Plan, page: str, eyebrow: str, title: str, facts: list[tuple[str, str, str]], what: str) -> str:
    return fr.render(
        "beteiligung_head.html",
        crumbs=[(relative(page, mk.BETEILIGUNG), "Beteiligung")],
        current=eyebrow,
        eyebrow=eyebrow,
        title=title,
        facts=facts,
        facts_label=f"Angaben zur {what}",
    )


def sitzung_page(plan: Plan, sitzung: Sitzung) -> Page:
    page = mk.path_of(sitzung)
    gremium = plan.gremium(sitzung.gremium)
    eyebrow = f"Sitzung vom {fmt.datum(sitzung.datum)}"
    facts = [
        (LABELS.gremium, gremium.name, relative(page, mk.path_of(gremium))),
        (LABELS.datum, fmt.datum(sitzung.datum), ""),
        ("Beschlüsse", fmt.anzahl(len(sitzung.beschluesse), "Beschluss", "Beschlüsse"), ""),
    ]
    blocks: list[Markdown | Html] = [
        Html(_head(plan, page, eyebrow, sitzung.titel, facts, "Sitzung")),
        Markdown(mk.body(sitzung.text, plan, page, "Ergebnis", sitzung.quelle.pfad)),
        Markdown(mk.heading(field_label("sitzung", "tagesordnung"))),
        Html(fr.render("tagesordnung.html", items=sitzung.tagesordnung)),
    ]
    if sitzung.beschluesse:
        rows = [
            (
                relative(page, mk.path_of(plan.element(b.element))),
                label(plan, plan.element(b.element)),
                b,
                Status("beschluss", b.entscheidung),
            )
            for b in sitzung.beschluesse
        ]
        table = fr.render(
            "beschluesse.html",
            rows=rows,
            columns=(LABELS.element, LABELS.beschluss, REASONS),
            labels=LABELS,
            caption=f"Beschlüsse der Sitzung vom {fmt.datum(sitzung.datum)}",
        )
        blocks += [Markdown(mk.heading("Beschlüsse")), Html(table)]
    title = f"{sitzung.titel} ({fmt.datum(sitzung.datum)})"
    return Page(page, title, tuple(blocks), f"{sitzung.titel}: Tagesordnung und Beschlüsse")


def stellungnahme_page(plan: Plan, st: Stellungnahme) -> Page:
    page = mk.path_of(st)
    gremium = plan.gremium(st.gremium)
    bilanz = bt.bilanz(st)
    eyebrow = f"Stellungnahme vom {fmt.datum(st.datum)}"
    facts = [
        (field_label("stellungnahme", "gremium"), gremium.name, relative(page, mk.path_of(gremium))),
        (field_label("stellungnahme", "datum"), fmt.datum(st.datum), ""),
        (field_label("stellungnahme", "punkte"), f"{fmt.anzahl(bilanz.gesamt, 'Punkt', 'Punkte')}: {bilanz.text}", ""),
    ]
    rows = [
        (
            SimpleNamespace(href="", text=str(b.nr), detail=""),
            b,
            [(relative(page, mk.path_of(plan.element(i))), label(plan, plan.element(i))) for i in b.punkt.betrifft],
        )
        for b in bt.punkte(plan, st)
    ]
    table = fr.render(
        "punkte.html",
        rows=rows,
        columns=("Nr.", LABELS.anliegen, ANSWER),
        labels=LABELS,
        css="lip-beteiligung--nr",
        caption=f"Die {fmt.anzahl(bilanz.gesamt, 'Punkt', 'Punkte')} der Stellungnahme und ihre Berücksichtigung",
    )
    blocks = (
        Html(_head(plan, page, eyebrow, st.titel, facts, "Stellungnahme")),
        Markdown(mk.body(st.text, plan, page, "Text der Stellungnahme", st.quelle.pfad)),
        Markdown(mk.heading("Die Punkte und was daraus wurde")),
        Html(table),
    )
    title = f"Stellungnahme: {gremium.kurzname or gremium.name} ({fmt.datum(st.datum)})"
    return Page(page, title, blocks, f"{st.titel}: jeder Punkt mit seiner Berücksichtigung")


# --- the overview -----------------------------------------------------------------------------


def overview(plan: Plan) -> Page:
    page = mk.BETEILIGUNG
    vorschlaege = bt.vorschlaege(plan)
    bilanz = bt.bilanz(*plan.stellungnahmen)
    beschluesse = sum(len(x.beschluesse) for x in plan.sitzungen)
    figures = [
        (fmt.zahl(sum(v.massnahmen for v in vorschlaege)), f"Maßnahmen, vorgeschlagen von {len(vorschlaege)} Gremien"),
        (fmt.zahl(beschluesse), f"Beschlüsse in {fmt.anzahl(len(plan.sitzungen), 'Sitzung', 'Sitzungen')}"),
        (
            fmt.zahl(bilanz["beruecksichtigt"] + bilanz["teilweise"]),
            f"von {fmt.anzahl(bilanz.gesamt, 'Punkt', 'Punkten')} aus "
            f"{fmt.anzahl(len(plan.stellungnahmen), 'Stellungnahme', 'Stellungnahmen')} ganz oder teilweise "
            "berücksichtigt",
        ),
    ]
    blocks: list[Markdown | Html] = [
        Html(fr.render("beteiligung.html", figures=figures, katalog_href=relative(page, mk.KATALOG)))
    ]
    if vorschlaege:
        proposals = [(relative(page, mk.path_of(v.gremium)), v) for v in vorschlaege]
        columns: tuple[str, ...] = ("Gremium", "Ziele", "Maßnahmen", "Entscheidungsstand der Maßnahmen")
        blocks += [
            Markdown(mk.heading("Wer was vorgeschlagen hat")),
            Html(fr.render("vorschlaege.html", rows=proposals, columns=columns)),
        ]
    if plan.sitzungen:
        sessions = [
            (relative(page, mk.path_of(x)), x, plan.gremium(x.gremium), len(x.beschluesse)) for x in plan.sitzungen
        ]
        columns = (LABELS.datum, "Sitzung", LABELS.gremium, "Beschlüsse")
        blocks += [Markdown(mk.heading("Sitzungen")), Html(fr.render("sitzungen.html", rows=sessions, columns=columns))]
    if plan.stellungnahmen:
        statements = [
            (relative(page, mk.path_of(x)), x, plan.gremium(x.gremium), bt.bilanz(x)) for x in plan.stellungnahmen
        ]
        statement_columns = ("Stellungnahme", "Punkte", *(s.ANTWORT.label(a) for a in s.ANTWORT.values))
        table = fr.render("stellungnahmen.html", rows=statements, columns=statement_columns, antworten=s.ANTWORT.values)
        blocks += [Markdown(mk.heading("Stellungnahmen")), Html(table)]
    return Page(page, "Beteiligung", tuple(blocks), "Wer was vorgeschlagen hat, was entschieden wurde und warum")


def pages(plan: Plan) -> list[Page]:
    """The overview and a page per session and statement; none for a plan without either."""
    if not plan.sitzungen and not plan.stellungnahmen:
        return []
    return [overview(plan), *(sitzung_page(plan, x) for x in plan.sitzungen)] + [
        stellungnahme_page(plan, x) for x in plan.stellungnahmen
    ]


def nav(plan: Plan) -> NavSection | None:
    """ "Beteiligung" in the navigation: the overview, then the sessions and the statements.

    One flat list: Material takes the first page of a section without its own index page as the
    section's index (navigation.indexes), which would hide the oldest session."""
    if not plan.sitzungen and not plan.stellungnahmen:
        return None

    def kurz(gremium: str) -> str:
        g = plan.gremium(gremium)
        return g.kurzname or g.name

    links = [NavLink(mk.path_of(x), f"Sitzung {fmt.datum(x.datum)}: {kurz(x.gremium)}") for x in plan.sitzungen]
    links += [NavLink(mk.path_of(x), f"Stellungnahme: {kurz(x.gremium)}") for x in plan.stellungnahmen]
    return NavSection("Beteiligung", tuple(links), mk.BETEILIGUNG)


def gremium_blocks(plan: Plan, gremium: str, page: str) -> tuple[Markdown | Html, ...]:
    """On a Gremium's page: its sessions and its statements, each with a link to its page."""
    blocks: list[Markdown | Html] = []
    sessions = [
        (
            relative(page, mk.path_of(x)),
            x.titel,
            f"{fmt.datum(x.datum)} · {fmt.anzahl(len(x.beschluesse), 'Beschluss', 'Beschlüsse')}",
        )
        for x in bt.sitzungen_von(plan, gremium)
    ]
    if sessions:
        blocks += [Markdown(mk.heading("Sitzungen")), Html(fr.render("beteiligung_links.html", items=sessions))]
    statements = [
        (relative(page, mk.path_of(x)), x.titel, f"{fmt.datum(x.datum)} · {bt.bilanz(x).text}")
        for x in bt.stellungnahmen_von(plan, gremium)
    ]
    if statements:
        blocks += [Markdown(mk.heading("Stellungnahmen")), Html(fr.render("beteiligung_links.html", items=statements))]
    return tuple(blocks)
