"""Consistency of statuses, periods and the council paper, plausible amounts (LIP35x, conditional LIP202)."""

from __future__ import annotations

from lip_build import schema as s
from lip_build.check.document import Document, records
from lip_build.codes import LIP202, LIP350, LIP351, LIP352, LIP353, LIP354, Code
from lip_build.diagnostics import Diagnostics
from lip_build.model.plan import Drucksache, Massnahme, PlanInfo, Ziel

# What a decision status needs (LIP350) and what it does not use (LIP353).
NEEDS: dict[str, tuple[str, ...]] = {
    "vorgeschlagen": (),
    "zugestimmt": ("gremium", "datum"),
    "zurueckgestellt": ("gremium", "datum"),
    "abgelehnt": ("gremium", "datum"),
    "empfehlung_an_das_land": ("gremium", "datum"),
    "beschlossen": ("gremium", "datum", "drucksache"),
}
NOT_STARTED_ONLY = ("zurueckgestellt", "abgelehnt", "empfehlung_an_das_land")
# One cost item above this is most likely a typo (LIP354); content/plan.md may set its own limit.
DEFAULT_LIMIT = 10_000_000


def check_statuses(documents: list[Document], diagnostics: Diagnostics) -> None:
    """Only files whose fields passed: a malformed value was reported already and is not judged again."""
    plans = records(documents, "plan", PlanInfo)
    limit = next((info.hoechstbetrag for _, info in plans if info.hoechstbetrag is not None), DEFAULT_LIMIT)
    for doc, massnahme in records(documents, "massnahme", Massnahme):
        _massnahme(doc, massnahme, diagnostics)
        _amounts(doc, massnahme, limit, diagnostics)
    for doc, ziel in records(documents, "ziel", Ziel):
        for index, kennzahl in enumerate(ziel.kennzahlen):
            years = (kennzahl.ausgangsjahr, kennzahl.zieljahr)
            _years(doc, diagnostics, years, ("ausgangsjahr", "zieljahr"), ("kennzahlen", index, "zieljahr"))
    for doc, drucksache in records(documents, "drucksache", Drucksache):
        _drucksache(doc, drucksache, diagnostics)


def _report(
    diagnostics: Diagnostics,
    doc: Document,
    code: Code,
    keys: tuple[str | int, ...],
    /,
    variant: str = "",
    **values: object,
) -> None:
    pos = doc.source.line_of(*keys)
    diagnostics.add(code, doc.path, pos.line, pos.column, variant=variant, **values)


def _amounts(doc: Document, massnahme: Massnahme, limit: float, diagnostics: Diagnostics) -> None:
    for index, kosten in enumerate(massnahme.kosten):
        if kosten.betrag > limit:
            feld = f"kosten[{index + 1}].betrag"
            _report(
                diagnostics,
                doc,
                LIP354,
                ("kosten", index, "betrag"),
                betrag=_euros(kosten.betrag),
                feld=feld,
                grenze=_euros(limit),
            )


def _euros(amount: float) -> str:
    """12500000 → "12.500.000" (German thousands dots, no cents)."""
    return f"{round(amount):,}".replace(",", ".")


def _massnahme(doc: Document, massnahme: Massnahme, diagnostics: Diagnostics) -> None:
    entscheidung, umsetzung = massnahme.entscheidung, massnahme.umsetzung
    status = entscheidung.status
    given = {k for k in ("gremium", "datum", "drucksache") if getattr(entscheidung, k) is not None}
    if status in NEEDS:
        label = s.ENTSCHEIDUNG_STATUS.label(status)
        missing = [k for k in NEEDS[status] if k not in given]
        if missing:
            _report(
                diagnostics,
                doc,
                LIP350,
                ("entscheidung", "status"),
                status=status,
                bezeichnung=label,
                fehlend=", ".join("entscheidung." + k for k in missing),
                beispiele=_example(missing),
            )
        unused = [k for k in ("gremium", "datum", "drucksache") if k in given and k not in NEEDS[status]]
        if unused:
            _report(
                diagnostics,
                doc,
                LIP353,
                ("entscheidung", unused[0]),
                status=status,
                angaben=", ".join("entscheidung." + k for k in unused),
            )
    if status in NOT_STARTED_ONLY:
        stand = umsetzung.status
        if stand != "nicht_begonnen":
            _report(
                diagnostics,
                doc,
                LIP351,
                ("umsetzung", "status"),
                entscheidung=s.ENTSCHEIDUNG_STATUS.label(status),
                umsetzung=s.UMSETZUNG_STATUS.label(stand),
            )
    zeitraum = massnahme.zeitraum
    _years(doc, diagnostics, (zeitraum.beginn, zeitraum.ende), ("beginn", "ende"), ("zeitraum", "ende"))


def _years(
    doc: Document,
    diagnostics: Diagnostics,
    years: tuple[int, int | None],
    names: tuple[str, str],
    keys: tuple[str | int, ...],
) -> None:
    (start, end), (first, last) = years, names
    if end is not None and end < start:
        _report(
            diagnostics,
            doc,
            LIP352,
            keys,
            bis=last,
            bis_jahr=end,
            von=first,
            von_jahr=start,
        )


def _drucksache(doc: Document, drucksache: Drucksache, diagnostics: Diagnostics) -> None:
    if drucksache.art == "beschlussdrucksache" and not drucksache.antrag:
        _report(
            diagnostics,
            doc,
            LIP202,
            ("art",),
            "antrag",
        )


def _example(missing: list[str]) -> str:
    examples = {
        "gremium": "gremium: lenkungsgruppe",
        "datum": "datum: 2026-09-22",
        "drucksache": 'drucksache: "1830/2022"',
    }
    return ", ".join(f"„{examples[k]}“" for k in missing)
