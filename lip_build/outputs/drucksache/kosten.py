"""The Kostentabelle of the Drucksache: the measures' costs per Handlungsfeld and in total.

Computed from the measures, never typed: each row sums the cost items of the measures of
one Handlungsfeld, and the total row is the sum over all measures of the plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from lip_build.model.plan import Massnahme, Plan


@dataclass(frozen=True)
class Kostenzeile:
    nummer: str  # "1"; empty for the total
    name: str  # Handlungsfeld, or "Summe"
    massnahmen: int
    mit_kosten: int
    einmalig: float
    jaehrlich: float


def _zeile(nummer: str, name: str, measures: tuple[Massnahme, ...]) -> Kostenzeile:
    return Kostenzeile(
        nummer=nummer,
        name=name,
        massnahmen=len(measures),
        mit_kosten=sum(1 for m in measures if m.kosten),
        einmalig=sum(m.kosten_summe("einmalig") for m in measures),
        jaehrlich=sum(m.kosten_summe("jaehrlich") for m in measures),
    )


def kostentabelle(plan: Plan) -> tuple[tuple[Kostenzeile, ...], Kostenzeile]:
    """The rows per Handlungsfeld (in the plan's order) and the total row."""
    rows = tuple(_zeile(plan.nummer(f.code), f.name, plan.massnahmen_von(f.code)) for f in plan.handlungsfelder)
    return rows, _zeile("", "Summe", plan.massnahmen)
