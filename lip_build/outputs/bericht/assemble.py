"""The Sachstandsbericht as one Markdown document, in the blocks of the Drucksache (outputs/drucksache).

An Informationsdrucksache (domain.md): head with the Beratungsfolge, every body "zur Kenntnis"; the
opening sentence; no Antrag; Gender-Aspekte; Kostentabelle (planned costs of the decided measures and
the spending the entries report); Begründung with the counts by status per Handlungsfeld and the
status changes since the previous report (from Git); then per Handlungsfeld the indicators of its
goals and per measure its status as of the Stichtag, what was done, the next steps, the reasons and its
Verlauf. Everything is read from the plan as of the Stichtag (view/stichtag.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lip_build import schema as s
from lip_build.history.stamp import Version
from lip_build.history.transitions import Statuswechsel, Verlauf
from lip_build.model.plan import Beratung, Handlungsfeld, Massnahme, Plan
from lip_build.outputs.drucksache import blocks as m
from lip_build.outputs.drucksache.assemble import KOLOPHON, Dokument
from lip_build.outputs.drucksache.drucksache import Kopf, beratungsfolge_zeile, kopf_markdown
from lip_build.outputs.drucksache.escape import datum, euro, markdown_text, md, zahl
from lip_build.outputs.drucksache.kosten import BESCHLOSSEN, gruppe, summen
from lip_build.outputs.drucksache.tables import Bold, Cell, Tabellen
from lip_build.view import steckbrief as sb
from lip_build.view.plantext import first_paragraph, label
from lip_build.view.stichtag import Stichtagsstand

ART = "informationsdrucksache"
FELD = 3  # Begründung (2) › Handlungsfeld (3) › Maßnahme (4) › Stand, Schritte, Gründe (5)


@dataclass(frozen=True)
class Auftrag:
    """What the report is: its number, its Stichtag and the period whose changes it lists."""

    nummer: str  # "1234/2027"
    stand: Stichtagsstand  # the plan as of the Stichtag
    verlauf: Verlauf | None  # status transitions since the previous report; None: no period given
    datum: dt.date  # the day it is signed ("Hannover / TT.MM.JJJJ")

    @property
    def stichtag(self) -> dt.date:
        return self.stand.stichtag


def titel(plan: Plan, stichtag: dt.date) -> str:
    """ "Sachstandsbericht Lokaler Integrationsplan 2.0: Stand der Umsetzung zum 30.06.2027"."""
    return f"Sachstandsbericht {plan.info.titel}: Stand der Umsetzung zum {datum(stichtag)}"


def eroeffnung(plan: Plan, stichtag: dt.date) -> str:
    return (
        f"Mit dieser Drucksache informiert die Verwaltung über den Stand der Umsetzung des Plans "
        f"„{plan.info.titel}“ zum {datum(stichtag)} und bittet um Kenntnisnahme."
    )


def beginn_text(verlauf: Verlauf) -> str:
    """ "dem 31.12.2026" or "der Fassung v2.0 (Commit a1b2c3d vom 03.12.2026)", after "seit"."""
    b = verlauf.beginn
    return f"dem {datum(b.datum)}" if b.datum else f"der Fassung {b.text}"


def kopf(plan: Plan, nummer: str) -> Kopf:
    """The head: the bodies of the plan's Beratungsfolge, each only informed."""
    return Kopf(
        herausgeberin=plan.info.herausgeberin,
        art=s.DRUCKSACHE_ART.label(ART),
        beratungsfolge=tuple(
            beratungsfolge_zeile(plan, Beratung(b.gremium, "kenntnis")) for b in plan.drucksache.beratungsfolge
        ),
        nummer=nummer,
        anlagen=0,
    )


def _status(value: str) -> str:
    return s.UMSETZUNG_STATUS.label(value)


# --- Kostentabelle ------------------------------------------------------------------------------


def _ausgaben(measures: tuple[Massnahme, ...], ab: dt.date | None) -> float:
    """What the entries (as of the Stichtag) report as spent, after the day `ab` (None: all)."""
    return sum(e.ausgaben or 0 for x in measures for e in x.umsetzung.verlauf if ab is None or e.datum > ab)


def _kostentabelle(plan: Plan, auftrag: Auftrag, tabellen: Tabellen) -> str:
    ab = auftrag.verlauf.beginn.stand if auftrag.verlauf else None
    seit = f"seit {datum(ab)}" if ab else "im Berichtszeitraum"

    def row(nummer: str, name: str, measures: tuple[Massnahme, ...], bold: bool = False) -> list[Cell]:
        decided = tuple(x for x in measures if gruppe(x) is BESCHLOSSEN)
        summe = summen(decided)
        cells = [
            str(summe.massnahmen),
            euro(summe.einmalig),
            euro(summe.jaehrlich),
            euro(_ausgaben(decided, ab)),
            euro(_ausgaben(decided, None)),
        ]
        return [nummer, Bold(name) if bold else name, *(Bold(c) if bold else c for c in cells)]

    rows = [row(plan.nummer(f.code), f.name, plan.massnahmen_von(f.code)) for f in plan.handlungsfelder]
    rows.append(row("", "Summe", plan.massnahmen, bold=True))
    table = tabellen.add(
        [
            "Nr.",
            "Handlungsfeld",
            "Maß\u00adnahmen",
            "geplant einmalig",
            "geplant jährlich",
            f"ausgegeben {seit}",
            f"ausgegeben bis {datum(auftrag.stichtag)}",
        ],
        rows,
        [6, 22, 12, 15, 15, 15, 15],
        right=(2, 3, 4, 5, 6),
        caption="Kosten und Ausgaben der beschlossenen Maßnahmen nach Handlungsfeldern",
    )
    vorspann = (
        "Die Tabelle nennt je Handlungsfeld die geplanten Kosten der vom Rat beschlossenen Maßnahmen und die "
        "Ausgaben, die in den Berichtsständen der Maßnahmen angegeben sind: "
        + (f"seit dem vorigen Bericht zum {datum(ab)}" if ab else "im Berichtszeitraum")
        + f" und insgesamt bis zum Stichtag {datum(auftrag.stichtag)}. Neue Kosten entstehen mit dieser "
        "Drucksache nicht."
    )
    return m.blocks([m.div("lip-vorspann", vorspann), m.div("lip-kostentabelle", table)])


# --- Begründung: counts and changes -----------------------------------------------------------


def _zaehlung(plan: Plan, stichtag: dt.date, tabellen: Tabellen) -> str:
    values = s.UMSETZUNG_STATUS.values

    def counts(measures: tuple[Massnahme, ...]) -> list[str]:
        return [str(len(measures)), *(str(sum(x.umsetzung.status == v for x in measures)) for v in values)]

    rows: list[list[Cell]] = [
        [plan.nummer(f.code), f.name, *counts(plan.massnahmen_von(f.code))] for f in plan.handlungsfelder
    ]
    rows.append(["", Bold("Summe"), *(Bold(c) for c in counts(plan.massnahmen))])
    width = 60 // len(values)
    return tabellen.add(
        ["Nr.", "Handlungsfeld", "Maß\u00adnahmen", *(_status(v) for v in values)],
        rows,
        [6, 22, 12, *(width for _ in values)],
        right=tuple(range(2, 3 + len(values))),
        caption=f"Maßnahmen nach Umsetzungsstand zum {datum(stichtag)}",
    )


def wechsel_text(plan: Plan, w: Statuswechsel) -> str:
    """ "BIL-M04 Titel: in Umsetzung → umgesetzt (Stand 30.06.2027, eingetragen am 03.12.2026)"."""
    titel = next((x.titel for x in plan.massnahmen if x.id == w.massnahme), None)
    name = f"{w.massnahme} {titel}" if titel else w.massnahme
    von = _status(w.von) if w.von else "neu im Plan"
    eingetragen = f"{w.commit.datum:%d.%m.%Y}"
    wann = f"Stand {datum(w.stand)}, eingetragen am {eingetragen}" if w.stand else f"eingetragen am {eingetragen}"
    return f"{name}: {von} → {_status(w.nach)} ({wann})"


def _aenderungen(plan: Plan, auftrag: Auftrag) -> str:
    verlauf = auftrag.verlauf
    if verlauf is None:
        return ""
    seit = beginn_text(verlauf)
    wechsel = verlauf.bis(auftrag.stichtag)
    parts = [m.heading(FELD, f"Änderungen des Umsetzungsstands seit {md(seit)}", "lip-aenderungen")]
    if not wechsel:
        parts.append(f"Seit {md(seit)} hat keine Maßnahme ihren Umsetzungsstand geändert.")
        return m.blocks(parts)
    parts.append(
        f"Seit {md(seit)} bis zum Stichtag {datum(auftrag.stichtag)} haben "
        + ("eine Maßnahme ihren" if len(wechsel) == 1 else f"{zahl(len(wechsel))} Maßnahmen ihren")
        + " Umsetzungsstand geändert (aus der Versionsgeschichte des Plans; „eingetragen am“ nennt den Tag der "
        "Änderung in der Geschichte):"
    )
    ids = {x.id: x.handlungsfeld for x in plan.massnahmen}
    for feld in plan.handlungsfelder:
        own = [w for w in wechsel if ids.get(w.massnahme) == feld.code]
        if own:
            parts += [f"**{md(feld.name)}**", "\n".join(f"- {md(wechsel_text(plan, w))}" for w in own)]
    gone = [w for w in wechsel if w.massnahme not in ids]
    if gone:
        parts += ["**Nicht mehr im Plan**", "\n".join(f"- {md(wechsel_text(plan, w))}" for w in gone)]
    return m.blocks(parts)


# --- per Handlungsfeld and measure ------------------------------------------------------------


def _kennzahlen(plan: Plan, feld: Handlungsfeld, tabellen: Tabellen) -> str:
    rows: list[list[Cell]] = []
    for ziel in plan.ziele_von(feld.code):
        for index, k in enumerate(ziel.kennzahlen):
            letzter = k.werte[-1] if k.werte else None
            rows.append(
                [
                    f"{ziel.id} {ziel.titel}" if index == 0 else ziel.id,  # the goal's title once
                    k.name,
                    f"{zahl(k.ausgangswert)} {k.einheit} ({k.ausgangsjahr})",
                    f"{zahl(letzter.wert)} {k.einheit} ({letzter.jahr})" if letzter else "noch nicht gemessen",
                    f"{zahl(k.zielwert)} {k.einheit} ({k.zieljahr})",
                ]
            )
    heading = m.heading(FELD + 1, "Ziele und Kennzahlen", f"lip-kennzahlen-{feld.code}")
    if not rows:
        return m.blocks([heading, "Für die Ziele dieses Handlungsfelds sind keine Kennzahlen festgelegt."])
    table = tabellen.add(
        ["Ziel", "Kennzahl", "Ausgangswert (Jahr)", "zuletzt gemessen (Jahr)", "Zielwert (Jahr)"],
        rows,
        [27, 25, 16, 16, 16],
        caption=f"Kennzahlen der Ziele im Handlungsfeld {feld.name}",
    )
    return m.blocks([heading, table])


def _meta(plan: Plan, x: Massnahme) -> str:
    u = x.umsetzung
    stand = f" (Stand {datum(u.stand)})" if u.stand else ""
    parts = [x.id, f"Umsetzungsstand: {_status(u.status)}{stand}"]
    if gruppe(x) is not BESCHLOSSEN:
        parts.append(f"Entscheidungsstand: {s.ENTSCHEIDUNG_STATUS.label(x.entscheidung.status)}")
    parts.append(f"Ansprechstelle: {sb.oe_name(plan, x.kontakt)}")
    return " · ".join(md(p) for p in parts)


# The Kurzfassung of a measure is the first paragraph of its section "## Umsetzung" (what it does, as the
# template for new measures lays it out), or the first paragraph of its text without such a section.
KURZFASSUNG_UNTER = "Umsetzung"


def _massnahme(plan: Plan, x: Massnahme, tabellen: Tabellen) -> str:
    verlauf = x.umsetzung.verlauf
    parts = [m.heading(FELD + 1, md(label(plan, x)), x.id), m.div("lip-meta", _meta(plan, x))]
    kurz = first_paragraph(x.text, below=KURZFASSUNG_UNTER)
    if kurz != (0, 0):
        parts += [m.heading(FELD + 2, "Kurzfassung"), markdown_text(plan, x.text, kurz)]
    if not verlauf:
        if gruppe(x) is not BESCHLOSSEN:
            grund = x.entscheidung.bemerkung
            parts.append(md(f"Die Maßnahme ist nicht zur Umsetzung beschlossen. {grund or ''}"))
        else:
            bemerkung = x.umsetzung.bemerkung or "Zum Stichtag liegt für diese Maßnahme kein Berichtsstand vor."
            parts.append(md(bemerkung))
        return m.div("lip-massnahme", m.blocks(parts))
    last = verlauf[-1]
    sections = (
        ("Stand der Umsetzung", last.erledigt),
        ("Geplante Schritte", last.naechste_schritte),
        ("Gründe", last.gruende),
    )
    for heading, value in sections:
        if value:
            parts += [m.heading(FELD + 2, heading), md(value)]
    rows: list[list[Cell]] = [
        [datum(e.datum), _status(e.status), euro(e.ausgaben) if e.ausgaben is not None else "–"] for e in verlauf
    ]
    parts.append(
        tabellen.add(
            ["Datum", "Umsetzungsstand", "Ausgaben seit dem vorigen Eintrag"],
            rows,
            [20, 45, 35],
            right=(2,),
            caption=f"Verlauf der Umsetzung von {x.id}",
        )
    )
    return m.div("lip-massnahme", m.blocks(parts))


def _handlungsfeld(plan: Plan, feld: Handlungsfeld, tabellen: Tabellen) -> str:
    return m.div(
        "lip-handlungsfeld",
        m.blocks(
            [
                m.heading(FELD, f"Handlungsfeld {plan.nummer(feld.code)}: {md(feld.name)}", f"hf-{feld.code}"),
                _kennzahlen(plan, feld, tabellen),
                *(_massnahme(plan, x, tabellen) for x in plan.massnahmen_von(feld.code)),
            ]
        ),
    )


# --- the whole document -----------------------------------------------------------------------


def assemble(auftrag: Auftrag, version: Version) -> Dokument:
    plan = auftrag.stand.plan
    stichtag = auftrag.stichtag
    d = plan.drucksache
    tabellen = Tabellen()
    herkunft = f"Erstellt mit lip aus {version.herkunft}."
    head = kopf(plan, auftrag.nummer)
    gender = (
        f"Dieser Bericht informiert über die Umsetzung der beschlossenen Maßnahmen; neue Maßnahmen schlägt er nicht "
        f"vor. Zu den Gender-Aspekten des Plans heißt es in der {s.DRUCKSACHE_ART.label(d.art)} Nr. {d.nummer}:"
    )
    ueberblick = (
        f"Der Plan umfasst {zahl(len(plan.massnahmen))} Maßnahmen in {zahl(len(plan.handlungsfelder))} "
        f"Handlungsfeldern. Die Tabelle zählt sie nach ihrem Umsetzungsstand zum {datum(stichtag)}, wie ihn der "
        "jeweils letzte Berichtsstand bis zu diesem Tag angibt."
    )
    parts = [
        kopf_markdown(head, tabellen),
        m.heading(1, md(titel(plan, stichtag)), "lip-drucksache"),
        md(eroeffnung(plan, stichtag)),
        m.heading(2, "Berücksichtigung von Gender\\-Aspekten", "lip-gender"),
        md(gender),
        m.text(plan, d.gender_aspekte, d.quelle, 2),
        m.heading(2, "Kostentabelle", "lip-kosten"),
        _kostentabelle(plan, auftrag, tabellen),
        m.heading(2, "Begründung", "lip-begruendung"),
        m.heading(FELD, "Überblick", "lip-ueberblick"),
        m.div("lip-vorspann", ueberblick),
        m.div("lip-kostentabelle", _zaehlung(plan, stichtag, tabellen)),
        _aenderungen(plan, auftrag),
        *(_handlungsfeld(plan, feld, tabellen) for feld in plan.handlungsfelder),
        m.div("lip-zeichnung", m.line_break([md(d.oe), f"Hannover / {datum(auftrag.datum)}"])),
        m.div(KOLOPHON, md(herkunft)),
    ]
    return Dokument(
        markdown=m.blocks(parts) + "\n",
        titel=f"{head.art} Nr. {auftrag.nummer}: {titel(plan, stichtag)}",
        autorin=plan.info.herausgeberin,
        kopfzeile=f"Drucksache Nr. {auftrag.nummer}",
        fusszeile=f"Sachstand zum {datum(stichtag)} · Version {plan.info.version}",
        herkunft=herkunft,
        entwurf=False,
        kopf=head,
        tabellen=tuple(tabellen.items),
        teile=(),  # a report without Anlagen: one file
    )
