"""The course of a goal's indicators for its page: baseline, measured values and target as a small chart and a
table with the same values (a chart alone is not accessible)."""

from __future__ import annotations

from types import SimpleNamespace

from lip_build.model.plan import Kennzahl, Ziel
from lip_build.outputs.site import fragments as fr
from lip_build.outputs.site.charts import Punkt, course
from lip_build.view import formats as fmt

ART = {"ausgang": "Ausgangswert", "gemessen": "gemessen", "ziel": "Zielwert"}


def punkte(k: Kennzahl) -> tuple[Punkt, ...]:
    return (
        Punkt(k.ausgangsjahr, k.ausgangswert, fmt.zahl(k.ausgangswert), "ausgang"),
        *(Punkt(w.jahr, w.wert, fmt.zahl(w.wert), "gemessen") for w in k.werte),
        Punkt(k.zieljahr, k.zielwert, fmt.zahl(k.zielwert), "ziel"),
    )


def _beschreibung(k: Kennzahl) -> str:
    werte = ", ".join(f"{w.jahr}: {fmt.zahl(w.wert)}" for w in k.werte)
    gemessen = f"; gemessen {werte}" if k.werte else "; noch kein Messwert"
    return (
        f"Linie in {k.einheit}: Ausgangswert {fmt.zahl(k.ausgangswert)} ({k.ausgangsjahr}){gemessen}; "
        f"gestrichelt zum Zielwert {fmt.zahl(k.zielwert)} ({k.zieljahr}). Die Werte stehen auch in der Tabelle."
    )


def _zeilen(k: Kennzahl) -> list[SimpleNamespace]:
    """The table's rows: year, value with unit, what it is, and a measured value's own source."""
    quellen = {w.jahr: w.quelle for w in k.werte}
    return [
        SimpleNamespace(
            jahr=p.jahr,
            text=f"{p.text} {k.einheit}",
            art=ART[p.art],
            quelle=quellen.get(p.jahr) if p.art == "gemessen" else None,
        )
        for p in punkte(k)
    ]


def kennzahl_verlauf(ziel: Ziel) -> list[SimpleNamespace]:
    out = []
    for index, k in enumerate(ziel.kennzahlen, start=1):
        chart_id = f"chart-kennzahl-{index}"
        out.append(
            SimpleNamespace(
                id=f"kennzahl-{index}",
                name=k.name,
                chart=fr.html(course(chart_id, f"Verlauf der Kennzahl „{k.name}“", _beschreibung(k), punkte(k))),
                caption=f"Werte der Kennzahl „{k.name}“ in {k.einheit}",
                rows=_zeilen(k),
            )
        )
    return out
