"""The Synopse as data for the Typst template (templates/typst/synopse.typ), written as JSON.

No text of the plan ever becomes Typst markup: the template reads this data with `json(...)` and
sets every string as text, so `#read(...)`, `]`, `$`, `*`, `_`, `<` or `@` in a measure's text stay
literal characters (and the gender star stays a star). The layout decisions that depend on the
content are made here: which rows an item's two-column table has, which paragraphs are shown,
how a changed value is marked (synopse_pdf_text.py), which label a field gets
(synopse_pdf_labels.py) and which names replace IDs (synopse_pdf_namen.py).

Rows: "paar" (bisherige | neue Fassung, with the label of the field or "Text" on top of both
cells) and "hinweis" (spans both columns: "… 3 unveränderte Absätze …", "Text unverändert").
"""

from __future__ import annotations

from dataclasses import dataclass

from lip_build.history.compare import BOOKKEEPING, Aenderung, Element, Feldaenderung, Synopse
from lip_build.history.textdiff import Art, Stueck, compare_text, paragraphs
from lip_build.outputs.synopse.pdf_labels import field_label
from lip_build.outputs.synopse.pdf_names import Namen
from lip_build.outputs.synopse.pdf_text import (
    Block,
    absaetze,
    absatz,
    clean,
    geaendert,
    is_heading,
    liste,
    seite,
    teile,
)
from lip_build.outputs.synopse.render_html import anchor
from lip_build.outputs.synopse.render_text import bookkeeping, status

TITEL = "Synopse zum Lokalen Integrationsplan"
FULL_TEXT_PARAGRAPHS = 8  # longer texts show only the changed paragraphs and their headings
_IN_FIELD = ("handlungsfeld", "ziel", "massnahme")
_PLAN_PARTS = ("plan", "kapitel", "leichte_sprache")

Paar = tuple[tuple[Block, ...], tuple[Block, ...]]  # left and right column of a row


@dataclass(frozen=True)
class Zeile:
    art: str  # "paar" or "hinweis"
    label: str = ""  # "paar": shown on top of both cells ("Kostenposten 1: Betrag", "Text")
    text: str = ""  # "hinweis"
    bisher: tuple[Block, ...] = ()
    neu: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Eintrag:
    anker: str
    ueberschrift: str  # "Maßnahme BIL-M03 „Digitale Lernbegleitung …“"
    aenderung: str  # "geaendert", "neu", "entfernt", "verschoben"
    status: str  # "geändert", "verschoben und geändert" …
    ort: str  # the file, or both files of a move
    zeilen: tuple[Zeile, ...]


@dataclass(frozen=True)
class Gruppe:
    titel: str
    eintraege: tuple[Eintrag, ...]


@dataclass(frozen=True)
class UebersichtZeile:
    anker: str
    bezeichnung: str
    titel: str
    status: str


@dataclass(frozen=True)
class Fassungsangabe:
    bezeichnung: str
    text: str


@dataclass(frozen=True)
class Anzahl:
    label: str
    anzahl: int


@dataclass(frozen=True)
class Daten:
    titel: str
    dokumenttitel: str  # for the PDF metadata
    plan: str  # title of the plan in the newer version
    herausgeberin: str
    bisher: Fassungsangabe
    neu: Fassungsangabe
    anzahlen: tuple[Anzahl, ...]
    unveraendert: int
    vermerke: str
    uebersicht: tuple[UebersichtZeile, ...]
    gruppen: tuple[Gruppe, ...]


# --- rows ---------------------------------------------------------------------------------


def _rows(pairs: list[Paar | str], label: str) -> list[Zeile]:
    """Rows from pairs of columns (or notes); a heading is kept in the row of the paragraph after it,
    so that it never stands alone at the foot of a page. `label` goes on the first row."""
    rows: list[Zeile] = []
    left: tuple[Block, ...] = ()
    right: tuple[Block, ...] = ()
    for pair in [*pairs, ""]:
        if isinstance(pair, tuple) and all(b.art == "ueberschrift" for b in (*pair[0], *pair[1])):
            left, right = left + pair[0], right + pair[1]
            continue
        if isinstance(pair, tuple):
            left, right = left + pair[0], right + pair[1]
        if left or right:
            rows.append(Zeile("paar", "" if rows else label, bisher=left, neu=right))
            left, right = (), ()
        if isinstance(pair, str) and pair:
            rows.append(Zeile("hinweis", "" if rows else label, text=pair))
    return rows


def _unveraendert(anzahl: int) -> str:
    return "… 1 unveränderter Absatz …" if anzahl == 1 else f"… {anzahl} unveränderte Absätze …"


def text_zeilen(element: Element) -> list[Zeile]:
    """The text of a changed item, paragraph by paragraph side by side. In long texts only the
    changed paragraphs are shown, each with the heading of its section; the paragraphs between
    them are counted in one line."""
    parts = paragraphs(element.text.stuecke)
    if not element.text.geaendert:
        return [Zeile("hinweis", text="Text unverändert")] if parts else []
    shown = set(range(len(parts)))
    if len(parts) > FULL_TEXT_PARAGRAPHS:
        shown = {i for i, p in enumerate(parts) if geaendert(p)}
        for index in sorted(shown):
            heading = next((i for i in range(index, -1, -1) if is_heading(parts[i])), None)
            if heading is not None:
                shown.add(heading)
    pairs: list[Paar | str] = []
    skipped = 0
    for index, paragraph in enumerate(parts):
        if index not in shown:
            skipped += 1
            continue
        if skipped:
            pairs.append(_unveraendert(skipped))
            skipped = 0
        pairs.append((seite(paragraph, "neu"), seite(paragraph, "entfernt")))
    if skipped:
        pairs.append(_unveraendert(skipped))
    return _rows(pairs, "Text")


def _wert(text: str | None, art: Art) -> tuple[Block, ...]:
    """A value that only one version has, marked as a whole; the other column says it was not there."""
    if text is None:
        return (Block("leer", label="nicht angegeben"),)
    return absaetze((Stueck(art, text),))


def feld_zeile(element: Element, change: Feldaenderung, namen: Namen) -> Zeile:
    """A changed field: its label on top of both values, changed words marked (names instead of IDs)."""
    key = change.schluessel
    old = None if change.bisher is None else namen.wert(key, change.bisher)
    new = None if change.neu is None else namen.wert(key, change.neu)
    if change.bisher is not None and change.neu is not None:
        entries_old, entries_new = namen.eintraege(key, change.bisher), namen.eintraege(key, change.neu)
        if entries_old is not None and entries_new is not None:
            left, right = liste(entries_old, entries_new)
        else:
            diff = compare_text(change.bisher, change.neu)
            left, right = absaetze(diff.bisher), absaetze(diff.neu)
    else:
        left, right = _wert(old, "entfernt"), _wert(new, "neu")
    return Zeile("paar", field_label(element.art, key), bisher=left, neu=right)


def _ganz(element: Element, side: str, namen: Namen) -> list[Zeile]:
    """A new or removed item: its fields and its text on one side, a note on the other. Fields
    that only record work on the file, and the ID and title already in the heading, are left out."""
    fassung = element.fassung

    def pair(content: tuple[Block, ...], other: tuple[Block, ...] = ()) -> Paar:
        return (other, content) if side == "neu" else (content, other)

    felder = tuple(
        Block(
            "feld", teile((Stueck("gleich", namen.wert(f.schluessel, f.wert)),)), field_label(element.art, f.schluessel)
        )
        for f in fassung.felder
        if f.schluessel.split(".", 1)[0] not in BOOKKEEPING and f.wert not in (element.id, element.titel)
    )
    note = (Block("leer", label="neu aufgenommen" if side == "neu" else "entfällt"),)
    rows = _rows([pair(felder, note)], "Angaben")
    rows += _rows([pair((absatz(p),)) for p in paragraphs((Stueck("gleich", fassung.text),))], "Text")
    return rows


# --- items and the whole document --------------------------------------------------------


def _ort(element: Element) -> str:
    if element.aenderung is Aenderung.VERSCHOBEN:
        assert element.bisher and element.neu
        return f"Datei verschoben: {element.bisher.pfad} → {element.neu.pfad}"
    return f"Datei: {element.fassung.pfad}"


def ueberschrift(element: Element) -> str:
    title = f" „{element.titel}“" if element.titel else ""
    return clean(f"{element.bezeichnung}{title}")


def _anchors(elements: tuple[Element, ...]) -> list[str]:
    """Link targets for the overview; an ID that occurs twice (a conflict in one version) gets a suffix."""
    seen: dict[str, int] = {}
    out = []
    for element in elements:
        name = anchor(element)
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}-{seen[name]}")
    return out


def eintrag(element: Element, anker: str, namen: Namen) -> Eintrag:
    if element.aenderung is Aenderung.NEU:
        rows = _ganz(element, "neu", namen)
    elif element.aenderung is Aenderung.ENTFERNT:
        rows = _ganz(element, "bisher", namen)
    else:
        rows = [feld_zeile(element, change, namen) for change in element.felder]
        rows += text_zeilen(element)
        if not element.inhalt_geaendert:
            rows = [Zeile("hinweis", text="Inhalt unverändert")]
    return Eintrag(
        anker,
        ueberschrift(element),
        element.aenderung.name.lower(),
        status(element),
        _ort(element),
        tuple(rows),
    )


def _gruppe(element: Element, felder: dict[str, str]) -> str:
    code = element.fassung.handlungsfeld
    if element.art in _IN_FIELD and code:
        return f"Handlungsfeld {felder.get(code, code)}"
    if element.art in _PLAN_PARTS:
        return "Plan und Kapitel"
    return "Gremien, Verzeichnisse und Drucksache"


def daten(synopse: Synopse) -> Daten:
    felder = {e.id: clean(e.titel or e.id) for e in synopse.elemente if e.art == "handlungsfeld"}
    plan = next((e.fassung for e in synopse.elemente if e.art == "plan"), None)
    gruppen: list[tuple[str, list[Eintrag]]] = []
    anker = _anchors(synopse.geaendert)
    namen = Namen(synopse)
    for element, name_anker in zip(synopse.geaendert, anker, strict=True):
        name = _gruppe(element, felder)
        if not gruppen or gruppen[-1][0] != name:
            gruppen.append((name, []))
        gruppen[-1][1].append(eintrag(element, name_anker, namen))
    counted = (Aenderung.NEU, Aenderung.GEAENDERT, Aenderung.VERSCHOBEN, Aenderung.ENTFERNT)
    return Daten(
        titel=TITEL,
        dokumenttitel=f"{TITEL}: {clean(synopse.bisher.bezeichnung)} → {clean(synopse.neu.bezeichnung)}",
        plan=clean(plan.titel or "") if plan else "",
        herausgeberin=clean(plan.wert("herausgeberin") or "") if plan else "",
        bisher=Fassungsangabe(clean(synopse.bisher.bezeichnung), clean(synopse.bisher.text)),
        neu=Fassungsangabe(clean(synopse.neu.bezeichnung), clean(synopse.neu.text)),
        anzahlen=tuple(Anzahl(a.value.capitalize(), synopse.anzahl(a)) for a in counted),
        unveraendert=synopse.anzahl(Aenderung.UNVERAENDERT),
        vermerke=bookkeeping(synopse),
        uebersicht=tuple(
            UebersichtZeile(a, clean(e.bezeichnung), clean(e.titel or ""), status(e))
            for e, a in zip(synopse.geaendert, anker, strict=True)
        ),
        gruppen=tuple(Gruppe(name, tuple(items)) for name, items in gruppen),
    )
