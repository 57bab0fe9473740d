"""The validated plan: typed, immutable, the one model every output reads.

Field names mirror the German front-matter keys (schema.py); bind.py fills them generically.
Display numbers are computed in assemble.py and never stored in files. Markdown texts are kept
as parsed when the file was read (load/markdown.py: `Text`), so every output transforms the very
parse that was checked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from lip_build.load.markdown import Text


@dataclass(frozen=True)
class Quelle:
    """Where an element comes from: its file and the line on which its text starts."""

    pfad: str
    text_zeile: int


@dataclass(frozen=True)
class Messwert:
    """One measured value of an indicator (kennzahlen[].werte[])."""

    jahr: int
    wert: float
    einheit: str
    quelle: str | None = None


@dataclass(frozen=True)
class Kennzahl:
    name: str
    einheit: str
    ausgangswert: float
    ausgangsjahr: int
    zielwert: float
    zieljahr: int
    quelle: str | None = None
    werte: tuple[Messwert, ...] = ()  # oldest year first (LIP358)


@dataclass(frozen=True)
class Ziel:
    id: str
    titel: str
    handlungsfeld: str
    kennzahlen: tuple[Kennzahl, ...]
    text: Text
    quelle: Quelle
    reihenfolge: int | None = None
    herkunft: str | None = None


@dataclass(frozen=True)
class Kosten:
    betrag: float
    art: str  # einmalig | jaehrlich
    finanzierung: str


@dataclass(frozen=True)
class Zeitraum:
    beginn: int
    ende: int | None = None


@dataclass(frozen=True)
class Entscheidung:
    status: str
    gremium: str | None = None
    datum: dt.date | None = None
    drucksache: str | None = None
    bemerkung: str | None = None


@dataclass(frozen=True)
class Verlaufseintrag:
    """One dated report on a measure's implementation (umsetzung.verlauf[])."""

    datum: dt.date
    status: str  # schema.UMSETZUNG_STATUS
    erledigt: str
    naechste_schritte: str | None = None
    gruende: str | None = None
    ausgaben: float | None = None  # spent since the previous entry, in euros


@dataclass(frozen=True)
class Umsetzung:
    """The current state (status, stand, bemerkung) and the dated entries that led to it.

    With entries, status and stand equal those of the latest entry (LIP356)."""

    status: str
    stand: dt.date | None = None
    bemerkung: str | None = None
    verlauf: tuple[Verlaufseintrag, ...] = ()  # oldest first (LIP355)


@dataclass(frozen=True)
class Massnahme:
    id: str
    titel: str
    handlungsfeld: str
    ziele: tuple[str, ...]
    federfuehrung: str
    partner: tuple[str, ...]
    zielgruppen: tuple[str, ...]
    querschnittsthemen: tuple[str, ...]
    zeitraum: Zeitraum
    kosten: tuple[Kosten, ...]
    antragsberechtigt: bool
    herkunft: str
    entscheidung: Entscheidung
    umsetzung: Umsetzung
    kontakt: str
    text: Text
    quelle: Quelle
    reihenfolge: int | None = None
    geprueft: Mapping[str, str] = field(default_factory=dict)  # goal ID → confirmed fingerprint

    def kosten_summe(self, art: str) -> float:
        return sum(k.betrag for k in self.kosten if k.art == art)


@dataclass(frozen=True)
class Handlungsfeld:
    code: str
    name: str
    ordner: str
    expertengruppe: str
    kurzfassung: str
    text: Text
    quelle: Quelle
    leichte_sprache: str | None = None


@dataclass(frozen=True)
class Mitgliedsart:
    art: str
    anzahl: int | None = None


@dataclass(frozen=True)
class Gremium:
    id: str
    name: str
    art: str
    zusammensetzung: tuple[Mitgliedsart, ...]
    text: Text
    quelle: Quelle
    kurzname: str | None = None
    artikel: str | None = None
    handlungsfeld: str | None = None
    vorsitz: str | None = None


@dataclass(frozen=True)
class Begriff:
    """An entry of a vocabulary with a page of its own: a Zielgruppe or a Querschnittsthema."""

    id: str
    name: str
    text: Text
    quelle: Quelle


@dataclass(frozen=True)
class Organisationseinheit:
    oe: str
    name: str
    dezernat: str | None = None


@dataclass(frozen=True)
class Organisationseinheiten:
    """The file content/organisationseinheiten.md: the city's units that plans name by number."""

    einheiten: tuple[Organisationseinheit, ...]


@dataclass(frozen=True)
class LeichteSprache:
    """The plan in Leichter Sprache: one page of its own."""

    titel: str
    text: Text
    quelle: Quelle


@dataclass(frozen=True)
class Kapitel:
    titel: str
    reihenfolge: int
    text: Text
    quelle: Quelle
    kurztitel: str | None = None


@dataclass(frozen=True)
class Glossareintrag:
    begriff: str
    erklaerung: str


@dataclass(frozen=True)
class Glossar:
    titel: str
    begriffe: tuple[Glossareintrag, ...]
    text: Text
    quelle: Quelle


@dataclass(frozen=True)
class Ereignis:
    datum: dt.date
    titel: str
    gremium: str | None = None
    drucksache: str | None = None
    geplant: bool = False


@dataclass(frozen=True)
class Zeitleiste:
    titel: str
    ereignisse: tuple[Ereignis, ...]
    text: Text
    quelle: Quelle


@dataclass(frozen=True)
class Beratung:
    gremium: str
    rolle: str  # beratung | entscheidung | kenntnis


@dataclass(frozen=True)
class Drucksache:
    nummer: str
    art: str
    titel: str
    beratungsfolge: tuple[Beratung, ...]
    gender_aspekte: Text
    oe: str
    datum: dt.date
    begruendung: Text
    quelle: Quelle
    antrag: Text | None = None
    kosten_text: Text | None = None
    klimawirkung: Text | None = None


@dataclass(frozen=True)
class Beschluss:
    element: str  # ID of a goal or measure
    entscheidung: str  # schema.BESCHLUSS_ART
    aenderung: str | None = None
    begruendung: str | None = None


@dataclass(frozen=True)
class Sitzung:
    """One session of a Gremium: content/sitzungen/<id>.md."""

    id: str
    titel: str
    gremium: str
    datum: dt.date
    tagesordnung: tuple[str, ...]
    beschluesse: tuple[Beschluss, ...]
    text: Text
    quelle: Quelle


@dataclass(frozen=True)
class Punkt:
    anliegen: str
    betrifft: tuple[str, ...]
    antwort: str  # schema.ANTWORT
    begruendung: str | None = None


@dataclass(frozen=True)
class Stellungnahme:
    """One written statement of a Gremium: content/stellungnahmen/<id>.md."""

    id: str
    titel: str
    gremium: str
    datum: dt.date
    punkte: tuple[Punkt, ...]
    text: Text
    quelle: Quelle


@dataclass(frozen=True)
class PlanInfo:
    titel: str
    herausgeberin: str
    version: str
    status: str
    stand: dt.date
    handlungsfelder: tuple[str, ...]
    einleitung: Text
    quelle: Quelle
    untertitel: str | None = None
    repository: str | None = None
    hoechstbetrag: float | None = None  # plausibility limit of one cost item (LIP354); None: the default


@dataclass(frozen=True)
class Plan:
    info: PlanInfo
    drucksache: Drucksache
    handlungsfelder: tuple[Handlungsfeld, ...]  # in the plan's order
    ziele: tuple[Ziel, ...]  # in display order
    massnahmen: tuple[Massnahme, ...]  # in display order
    gremien: tuple[Gremium, ...]
    zielgruppen: tuple[Begriff, ...]
    querschnittsthemen: tuple[Begriff, ...]
    organisationseinheiten: tuple[Organisationseinheit, ...]
    kapitel: tuple[Kapitel, ...]
    nummern: Mapping[str, str] = field(repr=False)  # Handlungsfeld code / Ziel or Maßnahme ID → "1.3.2"
    glossar: Glossar | None = None
    zeitleiste: Zeitleiste | None = None
    leichte_sprache: LeichteSprache | None = None
    sitzungen: tuple[Sitzung, ...] = ()  # by date
    stellungnahmen: tuple[Stellungnahme, ...] = ()  # by date

    def beschluesse_zu(self, id: str) -> tuple[tuple[Sitzung, Beschluss], ...]:
        """The decision history of a goal or measure, oldest first."""
        return tuple((s, b) for s in self.sitzungen for b in s.beschluesse if b.element == id)

    def punkte_zu(self, id: str) -> tuple[tuple[Stellungnahme, int, Punkt], ...]:
        """The statement points that concern a goal or measure, with their number in their statement."""
        return tuple(
            (s, nr, p) for s in self.stellungnahmen for nr, p in enumerate(s.punkte, start=1) if id in p.betrifft
        )

    def sitzung(self, id: str) -> Sitzung:
        return next(s for s in self.sitzungen if s.id == id)

    @cached_property
    def _index(self) -> dict[str, object]:
        items: list[tuple[str, object]] = []
        items += [(h.code, h) for h in self.handlungsfelder]
        items += [(z.id, z) for z in self.ziele]
        items += [(m.id, m) for m in self.massnahmen]
        return dict(items)

    def ziel(self, id: str) -> Ziel:
        item = self._index[id]
        assert isinstance(item, Ziel)
        return item

    def massnahme(self, id: str) -> Massnahme:
        item = self._index[id]
        assert isinstance(item, Massnahme)
        return item

    def element(self, id: str) -> Ziel | Massnahme:
        """The goal or measure a text link [[ID]] names (the check resolved it)."""
        item = self._index[id]
        assert isinstance(item, Ziel | Massnahme)
        return item

    def handlungsfeld(self, code: str) -> Handlungsfeld:
        item = self._index[code]
        assert isinstance(item, Handlungsfeld)
        return item

    def gremium(self, id: str) -> Gremium:
        return next(g for g in self.gremien if g.id == id)

    def organisationseinheit(self, oe: str) -> Organisationseinheit:
        return next(o for o in self.organisationseinheiten if o.oe == oe)

    def ziele_von(self, code: str) -> tuple[Ziel, ...]:
        return tuple(z for z in self.ziele if z.handlungsfeld == code)

    def massnahmen_von(self, code: str) -> tuple[Massnahme, ...]:
        return tuple(m for m in self.massnahmen if m.handlungsfeld == code)

    def massnahmen_zu(self, ziel_id: str) -> tuple[Massnahme, ...]:
        """Every measure that serves the goal, from any Handlungsfeld, in display order."""
        return tuple(m for m in self.massnahmen if ziel_id in m.ziele)

    def nummer(self, id_or_code: str) -> str:
        return self.nummern[id_or_code]
