"""Consistency of statuses, periods and the council paper (LIP35x, conditional LIP202)."""

from __future__ import annotations

from typing import Any

from lip_build import schema as s
from lip_build.check.document import Document
from lip_build.diagnostics import Diagnostics

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


def check_statuses(documents: list[Document], diagnostics: Diagnostics) -> None:
    for doc in documents:
        if doc.kind.name == "massnahme":
            _massnahme(doc, diagnostics)
        elif doc.kind.name == "ziel":
            for index, kennzahl in enumerate(_list(doc.values.get("kennzahlen"))):
                _years(doc, diagnostics, kennzahl, "ausgangsjahr", "zieljahr", ("kennzahlen", index, "zieljahr"))
        elif doc.kind.name == "drucksache":
            _drucksache(doc, diagnostics)


def _report(diagnostics: Diagnostics, doc: Document, code: str, keys: tuple[str | int, ...], message: str) -> None:
    pos = doc.source.line_of(*keys)
    diagnostics.add(code, doc.path, pos.line, pos.column, message)


def _list(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _massnahme(doc: Document, diagnostics: Diagnostics) -> None:
    entscheidung = doc.values.get("entscheidung")
    umsetzung = doc.values.get("umsetzung")
    status = entscheidung.get("status") if isinstance(entscheidung, dict) else None
    if isinstance(entscheidung, dict) and status in NEEDS:
        label = s.ENTSCHEIDUNG_STATUS.label(status)
        missing = [k for k in NEEDS[status] if k not in entscheidung]
        if missing:
            _report(
                diagnostics,
                doc,
                "LIP350",
                ("entscheidung", "status"),
                f"Der Entscheidungsstand „{status}“ ({label}) braucht auch "
                f"{', '.join('entscheidung.' + k for k in missing)}. Ergänzen Sie "
                f"{_example(missing)}.",
            )
        unused = [k for k in ("gremium", "datum", "drucksache") if k in entscheidung and k not in NEEDS[status]]
        if unused:
            _report(
                diagnostics,
                doc,
                "LIP353",
                ("entscheidung", unused[0]),
                f"Beim Entscheidungsstand „{status}“ wird {', '.join('entscheidung.' + k for k in unused)} "
                "nicht verwendet. Ist der Status veraltet? Sonst löschen Sie die Angabe.",
            )
    if isinstance(umsetzung, dict) and status in NOT_STARTED_ONLY:
        stand = umsetzung.get("status")
        if stand and stand != "nicht_begonnen":
            _report(
                diagnostics,
                doc,
                "LIP351",
                ("umsetzung", "status"),
                f"Die Maßnahme ist „{s.ENTSCHEIDUNG_STATUS.label(status)}“, ihr Umsetzungsstand ist aber "
                f"„{s.UMSETZUNG_STATUS.label(stand)}“. Eine solche Maßnahme wird nicht umgesetzt: setzen Sie "
                "umsetzung.status auf nicht_begonnen oder korrigieren Sie den Entscheidungsstand.",
            )
    zeitraum = doc.values.get("zeitraum")
    if isinstance(zeitraum, dict):
        _years(doc, diagnostics, zeitraum, "beginn", "ende", ("zeitraum", "ende"))


def _years(
    doc: Document, diagnostics: Diagnostics, values: dict[str, Any], first: str, last: str, keys: tuple[str | int, ...]
) -> None:
    start, end = values.get(first), values.get(last)
    if isinstance(start, int) and isinstance(end, int) and end < start:
        _report(
            diagnostics,
            doc,
            "LIP352",
            keys,
            f"„{last}“ ({end}) liegt vor „{first}“ ({start}). Prüfen Sie beide Jahreszahlen.",
        )


def _drucksache(doc: Document, diagnostics: Diagnostics) -> None:
    if doc.values.get("art") == "beschlussdrucksache" and not doc.values.get("antrag"):
        _report(
            diagnostics,
            doc,
            "LIP202",
            ("art",),
            "Eine Beschlussdrucksache braucht den Beschlusstext „antrag“ (z. B. „den in der Anlage 1 "
            "beigefügten … zu beschließen.“). Ergänzen Sie ihn oder wählen Sie art: informationsdrucksache.",
        )


def _example(missing: list[str]) -> str:
    examples = {
        "gremium": "gremium: lenkungsgruppe",
        "datum": "datum: 2026-09-22",
        "drucksache": 'drucksache: "1830/2022"',
    }
    return ", ".join(f"„{examples[k]}“" for k in missing)
