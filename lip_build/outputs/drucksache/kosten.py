"""The Kostentabelle of the Drucksache: the measures' costs by decision state and per Handlungsfeld.

Computed from the measures, never typed. Costs of measures in different decision states are never
added into one sum: what the council already decided, what it is asked to decide with this paper and
what is not pursued (deferred, rejected, or a recommendation to the Land, which the city does not
fund) are three different things. The first table sums each of the three groups; the second shows
per Handlungsfeld the decided costs and the costs up for decision, each with its total.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lip_build import schema as s
from lip_build.model.plan import Massnahme, Plan


@dataclass(frozen=True)
class Gruppe:
    key: str
    name: str  # as the table shows it
    statuses: tuple[str, ...]  # values of entscheidung.status

    @property
    def erklaerung(self) -> str:
        """The statuses in the group, by their labels: "vorgeschlagen, von der Lenkungsgruppe zugestimmt"."""
        return ", ".join(s.ENTSCHEIDUNG_STATUS.label(v) for v in self.statuses)


BESCHLOSSEN = Gruppe("beschlossen", "beschlossen", ("beschlossen",))
ZUR_ENTSCHEIDUNG = Gruppe("zur_entscheidung", "zur Entscheidung", ("vorgeschlagen", "zugestimmt"))
NICHT_WEITERVERFOLGT = Gruppe(
    "nicht_weiterverfolgt", "nicht weiterverfolgt", ("zurueckgestellt", "abgelehnt", "empfehlung_an_das_land")
)
GRUPPEN = (BESCHLOSSEN, ZUR_ENTSCHEIDUNG, NICHT_WEITERVERFOLGT)


def gruppe(measure: Massnahme) -> Gruppe:
    status = measure.entscheidung.status
    found = next((g for g in GRUPPEN if status in g.statuses), None)
    if found is None:  # a new status in schema.py must be given a group here (tests/test_documents_parts.py)
        raise ValueError(f"Entscheidungsstand „{status}“ gehört zu keiner Gruppe der Kostentabelle.")
    return found


@dataclass(frozen=True)
class Summen:
    massnahmen: int
    mit_kosten: int
    einmalig: float
    jaehrlich: float


def summen(measures: Iterable[Massnahme]) -> Summen:
    chosen = tuple(measures)
    return Summen(
        massnahmen=len(chosen),
        mit_kosten=sum(1 for m in chosen if m.kosten),
        einmalig=sum(m.kosten_summe("einmalig") for m in chosen),
        jaehrlich=sum(m.kosten_summe("jaehrlich") for m in chosen),
    )


def nach_entscheidung(plan: Plan) -> tuple[tuple[Gruppe, Summen], ...]:
    """The sums of each decision group, in the order of GRUPPEN; there is deliberately no total."""
    return tuple((g, summen(m for m in plan.massnahmen if gruppe(m) is g)) for g in GRUPPEN)


@dataclass(frozen=True)
class Kostenzeile:
    nummer: str  # "1"; empty for the total
    name: str  # Handlungsfeld, or "Summe"
    beschlossen: Summen
    zur_entscheidung: Summen

    @property
    def massnahmen(self) -> int:
        """The measures counted in the row: decided or up for decision."""
        return self.beschlossen.massnahmen + self.zur_entscheidung.massnahmen


def _zeile(nummer: str, name: str, measures: tuple[Massnahme, ...]) -> Kostenzeile:
    return Kostenzeile(
        nummer=nummer,
        name=name,
        beschlossen=summen(m for m in measures if gruppe(m) is BESCHLOSSEN),
        zur_entscheidung=summen(m for m in measures if gruppe(m) is ZUR_ENTSCHEIDUNG),
    )


def kostentabelle(plan: Plan) -> tuple[tuple[Kostenzeile, ...], Kostenzeile]:
    """The rows per Handlungsfeld (in the plan's order) and the total row."""
    rows = tuple(_zeile(plan.nummer(f.code), f.name, plan.massnahmen_von(f.code)) for f in plan.handlungsfelder)
    return rows, _zeile("", "Summe", plan.massnahmen)
