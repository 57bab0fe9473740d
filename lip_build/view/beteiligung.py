"""The record of participation as every output shows it: a goal's or measure's decision history, the
statement points that concern it, what became of a statement's points, and who proposed what.

Built once from the model for the site and the Drucksache, so that both count and word alike. Gremien
only, never persons: the plan's files name no one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lip_build import schema as s
from lip_build.model.plan import Beschluss, Gremium, Plan, Punkt, Sitzung, Stellungnahme
from lip_build.view import formats as fmt
from lip_build.view.steckbrief import Status

# Decision statuses of a measure, in the order the overview lists them.
_ENTSCHEIDUNGEN = s.ENTSCHEIDUNG_STATUS.values


@dataclass(frozen=True)
class Schritt:
    """One decision of a session on a goal or measure (a row of its decision history)."""

    sitzung: Sitzung
    gremium: Gremium
    beschluss: Beschluss

    @property
    def status(self) -> Status:
        return Status("beschluss", self.beschluss.entscheidung)


@dataclass(frozen=True)
class Bezug:
    """A statement point with its number in the statement and the Gremium that wrote it."""

    stellungnahme: Stellungnahme
    gremium: Gremium
    nr: int
    punkt: Punkt

    @property
    def status(self) -> Status:
        return Status("antwort", self.punkt.antwort)


def geschichte(plan: Plan, id: str) -> tuple[Schritt, ...]:
    """The decisions on a goal or measure, oldest first."""
    return tuple(Schritt(sitzung, plan.gremium(sitzung.gremium), b) for sitzung, b in plan.beschluesse_zu(id))


def bezuege(plan: Plan, id: str) -> tuple[Bezug, ...]:
    """The statement points that concern a goal or measure, by the statements' dates."""
    return tuple(Bezug(st, plan.gremium(st.gremium), nr, p) for st, nr, p in plan.punkte_zu(id))


def punkte(plan: Plan, st: Stellungnahme) -> tuple[Bezug, ...]:
    """Every point of a statement, numbered from 1."""
    gremium = plan.gremium(st.gremium)
    return tuple(Bezug(st, gremium, nr, p) for nr, p in enumerate(st.punkte, start=1))


@dataclass(frozen=True)
class Bilanz:
    """How many points of one or more statements were taken up, by response (in schema order)."""

    anzahl: Counter[str]

    @property
    def gesamt(self) -> int:
        return sum(self.anzahl.values())

    def __getitem__(self, antwort: str) -> int:
        return self.anzahl[antwort]

    @property
    def text(self) -> str:
        """ "8 berücksichtigt, 2 teilweise berücksichtigt, 1 nicht berücksichtigt" (responses that occur)."""
        return ", ".join(f"{fmt.zahl(self[a])} {s.ANTWORT.label(a)}" for a in s.ANTWORT.values if self[a])


def bilanz(*statements: Stellungnahme) -> Bilanz:
    return Bilanz(Counter(p.antwort for st in statements for p in st.punkte))


@dataclass(frozen=True)
class Vorschlaege:
    """What one Gremium proposed (the goals and measures whose herkunft it is) and where its measures stand."""

    gremium: Gremium
    ziele: int
    massnahmen: int
    entscheidungen: tuple[tuple[Status, int], ...]  # the measures' decision statuses that occur, with counts


def vorschlaege(plan: Plan) -> tuple[Vorschlaege, ...]:
    """Every Gremium that proposed goals or measures, in the order of the Gremien."""
    rows = []
    for g in plan.gremien:
        ziele = sum(1 for z in plan.ziele if z.herkunft == g.id)
        measures = [m for m in plan.massnahmen if m.herkunft == g.id]
        if not ziele and not measures:
            continue
        counts = Counter(m.entscheidung.status for m in measures)
        stand = tuple((Status("entscheidung", e), counts[e]) for e in _ENTSCHEIDUNGEN if counts[e])
        rows.append(Vorschlaege(g, ziele, len(measures), stand))
    return tuple(rows)


def sitzungen_von(plan: Plan, gremium: str) -> tuple[Sitzung, ...]:
    return tuple(x for x in plan.sitzungen if x.gremium == gremium)


def stellungnahmen_von(plan: Plan, gremium: str) -> tuple[Stellungnahme, ...]:
    return tuple(x for x in plan.stellungnahmen if x.gremium == gremium)
