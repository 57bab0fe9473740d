"""The council paper itself, as Hannover writes it (domain.md, "Anatomy of a Hannover Drucksache").

Head (issuer, type, Beratungsfolge, the table Nr. | Anzahl der Anlagen | Zu TOP), title,
Antrag, Gender-Aspekte, Kostentabelle, Klimawirkung, Begründung, OE and "Hannover / date",
and the list of Anlagen. The head is also handed to the Typst template as data (`Kopf`).
"""

from __future__ import annotations

from dataclasses import dataclass

from lip_build import schema as s
from lip_build.model.plan import Beratung, Plan
from lip_build.outputs.drucksache import blocks as m
from lip_build.outputs.drucksache.escape import anzahl, datum, euro, md
from lip_build.outputs.drucksache.kosten import (
    BESCHLOSSEN,
    NICHT_WEITERVERFOLGT,
    ZUR_ENTSCHEIDUNG,
    Kostenzeile,
    Summen,
    kostentabelle,
    nach_entscheidung,
)
from lip_build.outputs.drucksache.tables import Bold, Cell, Tabellen


@dataclass(frozen=True)
class Anlage:
    nummer: int
    titel: str
    identifier: str


@dataclass(frozen=True)
class Kopf:
    """What the first page shows above the title; plain text, rendered by the templates."""

    herausgeberin: str
    art: str  # "Beschlussdrucksache"
    beratungsfolge: tuple[str, ...]
    nummer: str
    anlagen: int
    zu_top: str = ""


def beratungsfolge_zeile(plan: Plan, beratung: Beratung) -> str:
    """ "In den Ausschuss für … (Internationaler Ausschuss)", "An die Integrationsbeiräte (zur Kenntnis)".

    The short name follows in brackets unless the full name begins with it; then the short
    name alone is used ("In die Ratsversammlung").
    """
    gremium = plan.gremium(beratung.gremium)
    name = gremium.name
    if gremium.kurzname:
        name = gremium.kurzname if gremium.name.startswith(gremium.kurzname) else f"{name} ({gremium.kurzname})"
    if gremium.artikel is None:
        return f"{name} ({s.BERATUNG_ROLLE.label(beratung.rolle)})"
    if beratung.rolle == "kenntnis":
        return f"An {gremium.artikel} {name} (zur Kenntnis)"
    return f"In {gremium.artikel} {name}"


def kopf(plan: Plan, anlagen: tuple[Anlage, ...]) -> Kopf:
    d = plan.drucksache
    return Kopf(
        herausgeberin=plan.info.herausgeberin,
        art=s.DRUCKSACHE_ART.label(d.art),
        beratungsfolge=tuple(beratungsfolge_zeile(plan, b) for b in d.beratungsfolge),
        nummer=d.nummer,
        anlagen=len(anlagen),
    )


def kopf_markdown(k: Kopf, tabellen: Tabellen) -> str:
    """The head for the DOCX (the PDF draws it from the data in its template)."""
    nr_table = tabellen.add(["Nr.", "Anzahl der Anlagen", "Zu TOP"], [[k.nummer, str(k.anlagen), ""]], [30, 40, 30])
    return m.div(
        "lip-kopf",
        m.blocks(
            [
                f"**{md(k.herausgeberin)}**",
                f"**{md(k.art)}**",
                m.line_break([md(line) for line in k.beratungsfolge]),
                nr_table,
            ]
        ),
    )


def _anzahl(count: int) -> str:
    return "keine Maßnahme" if count == 0 else anzahl(count, "Maßnahme", "Maßnahmen")


_HYPHENS = {"Maßnahmen": "Maß\u00adnahmen", "beschlossen": "beschlos\u00adsen", "Entscheidung": "Ent\u00adscheidung"}


def _hyphenated(text: str) -> str:
    """Soft hyphens in the long words of narrow column headers, so that Word and Typst break them there."""
    for word, hyphenated in _HYPHENS.items():
        text = text.replace(word, hyphenated)
    return text


def _verb(summe: Summen, one: str, many: str) -> str:
    return one if summe.massnahmen <= 1 else many


def _kosten(summe: Summen, dativ: bool = True) -> str:
    endung = "en" if dativ else "e"
    return f"einmalig{endung} Kosten von {euro(summe.einmalig)} und jährlich{endung} Kosten von {euro(summe.jaehrlich)}"


def _kostentabelle(plan: Plan, tabellen: Tabellen) -> str:
    """Two tables: the sums by decision state (what the council is asked to fund, apart from what it
    decided before and what is not pursued), then per Handlungsfeld the decided costs and those up for
    decision, each summed on its own."""
    gruppen = nach_entscheidung(plan)
    by_state = tabellen.add(
        ["Entscheidungsstand", _hyphenated("Maßnahmen"), "davon mit Kosten", "einmalig", "jährlich"],
        [
            [
                (Bold(g.name), f" ({g.erklaerung})"),  # the group and the statuses it counts
                str(summe.massnahmen),
                str(summe.mit_kosten),
                euro(summe.einmalig),
                euro(summe.jaehrlich),
            ]
            for g, summe in gruppen
        ],
        [35, 16, 15, 17, 17],
        right=(1, 2, 3, 4),
        caption="Kosten der Maßnahmen nach Entscheidungsstand",
    )
    rows, total = kostentabelle(plan)

    def money(z: Kostenzeile) -> list[str]:
        b, e = z.beschlossen, z.zur_entscheidung
        return [euro(b.einmalig), euro(b.jaehrlich), euro(e.einmalig), euro(e.jaehrlich)]

    body: list[list[Cell]] = [[r.nummer, r.name, str(r.massnahmen), *money(r)] for r in rows]
    body.append(["", Bold(total.name), Bold(str(total.massnahmen)), *(Bold(v) for v in money(total))])
    by_field = tabellen.add(
        [
            "Nr.",
            "Handlungsfeld",
            _hyphenated("Maßnahmen"),
            f"{_hyphenated(BESCHLOSSEN.name)} einmalig",
            f"{_hyphenated(BESCHLOSSEN.name)} jährlich",
            f"{_hyphenated(ZUR_ENTSCHEIDUNG.name)} einmalig",
            f"{_hyphenated(ZUR_ENTSCHEIDUNG.name)} jährlich",
        ],
        body,
        [6, 18, 14, 16, 16, 15, 15],
        right=(2, 3, 4, 5, 6),
        caption="Kosten der Maßnahmen nach Handlungsfeldern (ohne nicht weiterverfolgte Maßnahmen)",
    )
    summe = dict((g.key, x) for g, x in gruppen)
    offen, alt, nicht = summe[ZUR_ENTSCHEIDUNG.key], summe[BESCHLOSSEN.key], summe[NICHT_WEITERVERFOLGT.key]
    summary = " ".join(
        [
            f"Zur Entscheidung {_verb(offen, 'steht', 'stehen')} mit dieser Drucksache {_anzahl(offen.massnahmen)}"
            + (f" mit {_kosten(offen)}." if offen.massnahmen else "."),
            f"Bereits vom Rat beschlossen {_verb(alt, 'ist', 'sind')} {_anzahl(alt.massnahmen)}"
            + (f" mit {_kosten(alt)}." if alt.massnahmen else "."),
            f"Nicht weiterverfolgt {_verb(nicht, 'wird', 'werden')} {_anzahl(nicht.massnahmen)}"
            + (
                f" ({NICHT_WEITERVERFOLGT.erklaerung}); ihre Kosten ({_kosten(nicht, dativ=False)}) sind nicht "
                "Teil des Antrags und in der Tabelle nach Handlungsfeldern nicht enthalten."
                if nicht.massnahmen
                else "."
            ),
            "Die Beträge je Maßnahme stehen in Anlage 1 bei der jeweiligen Maßnahme und in der "
            "Maßnahmenübersicht (Anlage 2).",
        ]
    )
    return m.blocks([m.div("lip-kostentabelle", m.blocks([by_state, by_field])), summary])


def drucksache_markdown(plan: Plan, anlagen: tuple[Anlage, ...], tabellen: Tabellen) -> str:
    d = plan.drucksache
    quelle = d.quelle
    parts = [kopf_markdown(kopf(plan, anlagen), tabellen), m.heading(1, md(d.titel), "lip-drucksache")]
    if d.art == "informationsdrucksache":
        parts.append(f"Mit dieser Drucksache informiert die Verwaltung über {md(d.titel)} und bittet um Kenntnisnahme.")
    if d.antrag:
        parts += [m.heading(2, "Antrag,", "lip-antrag"), m.text(plan, d.antrag, quelle, 2)]
    parts += [
        m.heading(2, "Berücksichtigung von Gender\\-Aspekten", "lip-gender"),
        m.text(plan, d.gender_aspekte, quelle, 2),
        m.heading(2, "Kostentabelle", "lip-kosten"),
        m.div("lip-vorspann", m.text(plan, d.kosten_text, quelle, 2)),  # stays with the tables below
        _kostentabelle(plan, tabellen),
    ]
    if d.klimawirkung:
        parts += [
            m.heading(2, "Auswirkungen auf den Klimaschutz", "lip-klima"),
            m.text(plan, d.klimawirkung, quelle, 2),
        ]
    begruendung = "Begründung des Antrages" if d.art == "beschlussdrucksache" else "Begründung"
    parts += [
        m.heading(2, begruendung, "lip-begruendung"),
        m.text(plan, d.begruendung, quelle, 2),
        m.div("lip-zeichnung", m.line_break([md(d.oe), f"Hannover / {datum(d.datum)}"])),
        m.div("lip-anlagen", _anlagen_liste(anlagen)),
    ]
    return m.blocks(parts)


def _anlagen_liste(anlagen: tuple[Anlage, ...]) -> str:
    lines = [f"- [Anlage {a.nummer}: {md(a.titel)}](#{a.identifier})" for a in anlagen]
    return m.blocks(["**Anlagen**", "\n".join(lines)])
