"""The plan as it stood on a Stichtag: each measure's implementation from its Verlauf, each goal's values.

A report to the council is made as of a day. The model keeps the dated entries (umsetzung.verlauf) and
the measured values (kennzahlen[].werte); as of the Stichtag only the entries of that day or before
count, and only the values measured up to its year. Entries after the Stichtag are not used: each such
measure gets a note (`Hinweis`) with its file, so that a report built later for an earlier day says
what it left out. `lip stats --stichtag` and `lip bericht` read the same view, so their numbers agree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from lip_build import schema as s
from lip_build.model.plan import Kennzahl, Massnahme, Plan, Umsetzung, Ziel
from lip_build.view.formats import anzahl, datum


@dataclass(frozen=True)
class Hinweis:
    pfad: str
    text: str

    def as_text(self) -> str:
        return f"{self.pfad}: Hinweis: {self.text}"


@dataclass(frozen=True)
class Stichtagsstand:
    stichtag: dt.date
    plan: Plan  # measures and goals as of the Stichtag; everything else as in the files
    hinweise: tuple[Hinweis, ...]  # in the plan's order


def zum_stichtag(plan: Plan, stichtag: dt.date) -> Stichtagsstand:
    """The plan as of the Stichtag (see the module's description)."""
    hinweise: list[Hinweis] = []
    massnahmen = tuple(_massnahme(m, stichtag, hinweise) for m in plan.massnahmen)
    ziele = tuple(_ziel(z, stichtag) for z in plan.ziele)
    return Stichtagsstand(stichtag, dataclasses.replace(plan, massnahmen=massnahmen, ziele=ziele), tuple(hinweise))


def _massnahme(m: Massnahme, stichtag: dt.date, hinweise: list[Hinweis]) -> Massnahme:
    u = m.umsetzung
    tag = datum(stichtag)
    if not u.verlauf:
        if u.stand is not None and u.stand > stichtag:
            hinweise.append(
                Hinweis(
                    m.quelle.pfad,
                    f"Der Umsetzungsstand ist vom {datum(u.stand)}, also nach dem Stichtag {tag}; ohne Verlauf "
                    f"ist kein früherer Stand bekannt, verwendet wird „{s.UMSETZUNG_STATUS.label(u.status)}“. "
                    "Halten Sie Berichtsstände unter „umsetzung.verlauf“ fest.",
                )
            )
        return m
    bis = tuple(e for e in u.verlauf if e.datum <= stichtag)
    spaeter = u.verlauf[len(bis) :]
    if not spaeter:
        return m
    tage = ", ".join(datum(e.datum) for e in spaeter)
    if bis:
        neu = Umsetzung(bis[-1].status, bis[-1].datum, None, bis)
        folge = f"verwendet wird der Eintrag vom {datum(bis[-1].datum)}"
    else:
        neu = Umsetzung("nicht_begonnen", None, None, ())
        folge = "bis zum Stichtag gibt es keinen Eintrag, die Maßnahme gilt als nicht begonnen"
    eintraege = anzahl(len(spaeter), "Eintrag", "Einträge")
    hinweise.append(
        Hinweis(m.quelle.pfad, f"{eintraege} im Verlauf nach dem Stichtag {tag} ({tage}) nicht verwendet; {folge}.")
    )
    return dataclasses.replace(m, umsetzung=neu)


def _ziel(z: Ziel, stichtag: dt.date) -> Ziel:
    if not any(w.jahr > stichtag.year for k in z.kennzahlen for w in k.werte):
        return z
    kennzahlen = tuple(_kennzahl(k, stichtag) for k in z.kennzahlen)
    return dataclasses.replace(z, kennzahlen=kennzahlen)


def _kennzahl(k: Kennzahl, stichtag: dt.date) -> Kennzahl:
    return dataclasses.replace(k, werte=tuple(w for w in k.werte if w.jahr <= stichtag.year))


def vorheriger_stand(plan: Plan, stichtag: dt.date) -> dt.date | None:
    """The newest Berichtsstand before the Stichtag in any measure's Verlauf: the day of the previous report."""
    return max((e.datum for x in plan.massnahmen for e in x.umsetzung.verlauf if e.datum < stichtag), default=None)
