"""The Steckbrief: the facts of a measure, a goal or a Handlungsfeld as label/value rows, built once
for every output (the fact box of the site, the fact table of the Drucksache in PDF and DOCX).

The rows hold structured values, not HTML or Markdown: plain text, links to elements or vocabulary
entries by kind and ID, statuses with their vocabulary value, counts. Each output renders them in its
own way (a badge on the site, the status's label in print), but all show the same rows in the same
order with the same wording. A row that only one output needs (the ID and the goals in print, where
no goal list follows; the Handlungsfeld on the site, where the page does not stand below it) says so
with its flags `site` and `document`.

Labels of rows that show a field are the field's German label in schema.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from lip_build import schema as s
from lip_build.model.plan import Handlungsfeld, Kennzahl, Massnahme, Plan, Ziel
from lip_build.view import formats as fmt
from lip_build.view.plantext import label as item_label

STECKBRIEF = "Steckbrief"
KEINE_KOSTEN = "keine zusätzlichen Kosten"
ANTRAG_JA = "ja – Vereine und Initiativen können die Durchführung beantragen"
ANTRAG_NEIN = "nein"


# --- parts of a value ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Plain text, shown as it is (escaped by each output)."""

    text: str


@dataclass(frozen=True)
class Link:
    """A plan element (handlungsfeld, ziel, massnahme, gremium) or vocabulary entry (zielgruppe,
    querschnittsthema) by its kind (a key of schema.KINDS) and ID; `text` is what the link shows."""

    kind: str
    id: str
    text: str


@dataclass(frozen=True)
class Status:
    """A status from a vocabulary: `kind` names it (a key of STATUS_KINDS), `value` is the vocabulary value.

    "entscheidung" and "umsetzung" are a measure's statuses, "beschluss" a session's decision and
    "antwort" the response to a statement point."""

    kind: str
    value: str

    @property
    def text(self) -> str:
        return STATUS_KINDS[self.kind].label(self.value)


STATUS_KINDS = {
    "entscheidung": s.ENTSCHEIDUNG_STATUS,
    "umsetzung": s.UMSETZUNG_STATUS,
    "beschluss": s.BESCHLUSS_ART,
    "antwort": s.ANTWORT,
}


@dataclass(frozen=True)
class Count:
    """A number of things: "6 Ziele" (the row's label is the plural, `one` the singular)."""

    number: int
    one: str
    many: str

    @property
    def text(self) -> str:
        return fmt.anzahl(self.number, self.one, self.many)


Part = Text | Link | Status | Count


@dataclass(frozen=True)
class Entry:
    """One item of a value: the item itself, details that qualify it (who decided, when; where the money
    comes from) and a remark. The site shows details smaller after the item; print puts them in brackets."""

    part: Part
    details: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Row:
    label: str
    entries: tuple[Entry, ...]
    field: str | None = None  # the dotted key in schema.py whose value the row shows ("entscheidung")
    lines: bool = False  # one entry per line (a list); otherwise the entries are joined with ", "
    site: bool = True  # shown on the website
    document: bool = True  # shown in the Drucksache (PDF and DOCX)


@dataclass(frozen=True)
class Steckbrief:
    spec: str  # key of schema.SPECS the rows' fields belong to: "massnahme", "ziel", "handlungsfeld"
    rows: tuple[Row, ...]

    @property
    def site(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.site)

    @property
    def document(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.document)


def field_label(spec: str, key: str) -> str:
    """The German label of a field: field_label("massnahme", "entscheidung") → "Entscheidungsstand"."""
    found = dict(s.walk(s.SPECS[spec]))[key]
    return found.label


def _row(
    spec: str, key: str, entries: tuple[Entry, ...], *, lines: bool = False, site: bool = True, document: bool = True
) -> Row:
    return Row(field_label(spec, key), entries, key, lines, site, document)


# --- names shared by every output ---------------------------------------------------------------


def oe_name(plan: Plan, oe: str) -> str:
    """ "Bereich Kindertagesstätten (51.4)"; a partner that is no OE number stays as written."""
    unit = next((o for o in plan.organisationseinheiten if o.oe == oe), None)
    return f"{unit.name} ({unit.oe})" if unit else oe


def gremium_link(plan: Plan, gremium_id: str) -> Part:
    gremium = next((g for g in plan.gremien if g.id == gremium_id), None)
    return Link("gremium", gremium.id, gremium.name) if gremium else Text(gremium_id)


def feld_link(plan: Plan, feld: Handlungsfeld) -> Link:
    return Link("handlungsfeld", feld.code, f"{plan.nummer(feld.code)} {feld.name}")


def kosten_kurz(m: Massnahme, separator: str = ", ", none: str = KEINE_KOSTEN) -> str:
    """The sums of a measure's costs in one line: "20.000 € einmalig, 640.000 € jährlich"."""
    parts = []
    for art in ("einmalig", "jaehrlich"):
        total = m.kosten_summe(art)
        if total:
            parts.append(f"{fmt.euro(total)} {s.KOSTEN_ART.label(art)}")
    return separator.join(parts) if parts else none


# --- the measure ----------------------------------------------------------------------------------


def _entscheidung(plan: Plan, m: Massnahme) -> Entry:
    e = m.entscheidung
    details = []
    if e.gremium:
        details.append(gremium_link(plan, e.gremium).text)
    if e.datum:
        details.append(f"am {fmt.datum(e.datum)}")
    if e.drucksache:
        details.append(f"Drucks. Nr. {e.drucksache}")
    return Entry(Status("entscheidung", e.status), tuple(details), e.bemerkung)


def _umsetzung(m: Massnahme) -> Entry:
    u = m.umsetzung
    details = (f"{field_label('massnahme', 'umsetzung.stand')} {fmt.datum(u.stand)}",) if u.stand else ()
    return Entry(Status("umsetzung", u.status), details, u.bemerkung)


def massnahme(plan: Plan, m: Massnahme) -> Steckbrief:
    """The facts of a measure, in the order of the fields in schema.py."""
    spec = "massnahme"
    zielgruppen = {z.id: z.name for z in plan.zielgruppen}
    themen = {t.id: t.name for t in plan.querschnittsthemen}
    kosten = tuple(
        Entry(Text(f"{fmt.euro(k.betrag)} {s.KOSTEN_ART.label(k.art)}"), (k.finanzierung,)) for k in m.kosten
    )
    rows = [
        _row(spec, "id", (Entry(Text(m.id)),), site=False),  # the site shows the ID above the title
        _row(spec, "handlungsfeld", (Entry(feld_link(plan, plan.handlungsfeld(m.handlungsfeld))),), document=False),
        _row(
            spec,
            "ziele",
            tuple(Entry(Link("ziel", z, item_label(plan, plan.ziel(z)))) for z in m.ziele),
            lines=True,
            site=False,  # the site lists the goals below the text
        ),
        _row(spec, "federfuehrung", (Entry(Text(oe_name(plan, m.federfuehrung))),)),
    ]
    if m.partner:
        rows.append(_row(spec, "partner", tuple(Entry(Text(oe_name(plan, p))) for p in m.partner), lines=True))
    rows.append(_row(spec, "zielgruppen", tuple(Entry(Link("zielgruppe", z, zielgruppen[z])) for z in m.zielgruppen)))
    if m.querschnittsthemen:
        rows.append(
            _row(
                spec,
                "querschnittsthemen",
                tuple(Entry(Link("querschnittsthema", t, themen[t])) for t in m.querschnittsthemen),
            )
        )
    rows += [
        _row(spec, "zeitraum", (Entry(Text(fmt.zeitraum(m.zeitraum))),)),
        _row(spec, "kosten", kosten, lines=True) if kosten else _row(spec, "kosten", (Entry(Text(KEINE_KOSTEN)),)),
        _row(spec, "antragsberechtigt", (Entry(Text(ANTRAG_JA if m.antragsberechtigt else ANTRAG_NEIN)),)),
        _row(spec, "herkunft", (Entry(gremium_link(plan, m.herkunft)),)),
        _row(spec, "entscheidung", (_entscheidung(plan, m),)),
        _row(spec, "umsetzung", (_umsetzung(m),)),
        _row(spec, "kontakt", (Entry(Text(oe_name(plan, m.kontakt))),)),
    ]
    return Steckbrief(spec, tuple(rows))


# --- the goal --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kennzahlwert:
    """One line of a goal's Kennzahlen table, formatted: "12,5 Prozent" in the year 2022."""

    name: str
    ausgangswert: str
    ausgangsjahr: int
    zielwert: str
    zieljahr: int
    quelle: str | None


def entry_name(spec: str, key: str) -> str:
    """The German name of one entry of a list field: entry_name("ziel", "kennzahlen") → "Kennzahl"."""
    found = dict(s.walk(s.SPECS[spec]))[key].type
    assert isinstance(found, s.ListOf)
    return found.entry


KENNZAHL_SPALTEN = (
    entry_name("ziel", "kennzahlen"),
    f"{field_label('ziel', 'kennzahlen[].ausgangswert')} (Jahr)",
    f"{field_label('ziel', 'kennzahlen[].zielwert')} (Jahr)",
    field_label("ziel", "kennzahlen[].quelle"),
)


def kennzahlen(ziel: Ziel) -> tuple[Kennzahlwert, ...]:
    def one(k: Kennzahl) -> Kennzahlwert:
        return Kennzahlwert(
            k.name,
            f"{fmt.zahl(k.ausgangswert)} {k.einheit}",
            k.ausgangsjahr,
            f"{fmt.zahl(k.zielwert)} {k.einheit}",
            k.zieljahr,
            k.quelle,
        )

    return tuple(one(k) for k in ziel.kennzahlen)


def ziel(plan: Plan, z: Ziel) -> Steckbrief:
    """The facts of a goal; its Kennzahlen are a table of their own (`kennzahlen`)."""
    spec = "ziel"
    own = [m for m in plan.massnahmen_zu(z.id) if m.ziele[0] == z.id]
    rows = [_row(spec, "id", (Entry(Text(z.id)),), site=False)]  # the site shows the ID above the title
    if z.herkunft:
        rows.append(_row(spec, "herkunft", (Entry(gremium_link(plan, z.herkunft)),)))
    rows.append(
        Row(s.KINDS["massnahme"].plural, (Entry(Count(len(own), "Maßnahme", "Maßnahmen")),), site=False)
    )  # the site lists the measures
    return Steckbrief(spec, tuple(rows))


# --- the Handlungsfeld ------------------------------------------------------------------------------


def handlungsfeld(plan: Plan, feld: Handlungsfeld) -> Steckbrief:
    spec = "handlungsfeld"
    ziele, massnahmen = plan.ziele_von(feld.code), plan.massnahmen_von(feld.code)
    rows = (
        Row(s.KINDS["ziel"].plural, (Entry(Count(len(ziele), "Ziel", "Ziele")),)),
        Row(s.KINDS["massnahme"].plural, (Entry(Count(len(massnahmen), "Maßnahme", "Maßnahmen")),)),
        _row(spec, "expertengruppe", (Entry(gremium_link(plan, feld.expertengruppe)),)),
    )
    return Steckbrief(spec, rows)


def part_text(part: Part) -> str:
    """What a part says, as plain text."""
    return part.text


def entry_text(entry: Entry) -> str:
    """An entry in one line of plain text: "vom Rat beschlossen (Ratsversammlung, am 29.09.2022): Bemerkung"."""
    text = part_text(entry.part) + (f" ({', '.join(entry.details)})" if entry.details else "")
    return text + (f": {entry.note}" if entry.note else "")


def row_text(row: Row) -> str:
    """A row in one line of plain text, for a line of facts below a heading: "Vorgeschlagen von: Rat";
    a count says what it counts by itself: "6 Ziele"."""
    if len(row.entries) == 1 and isinstance(row.entries[0].part, Count):
        return row.entries[0].part.text
    return f"{row.label}: {', '.join(entry_text(e) for e in row.entries)}"
