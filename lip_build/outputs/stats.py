"""`lip stats`: goals and measures per Handlungsfeld and status, and their costs."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from lip_build import schema as s
from lip_build.history.stamp import Version
from lip_build.model.plan import Massnahme, Plan
from lip_build.view.formats import euro


def _counts(measures: tuple[Massnahme, ...]) -> dict[str, Any]:
    return {
        "entscheidung": {v: sum(m.entscheidung.status == v for m in measures) for v in s.ENTSCHEIDUNG_STATUS.values},
        "umsetzung": {v: sum(m.umsetzung.status == v for m in measures) for v in s.UMSETZUNG_STATUS.values},
        "antragsberechtigt": sum(m.antragsberechtigt for m in measures),
        "kosten": {
            "einmalig": sum(m.kosten_summe("einmalig") for m in measures),
            "jaehrlich": sum(m.kosten_summe("jaehrlich") for m in measures),
        },
    }


def collect(plan: Plan) -> dict[str, Any]:
    felder = []
    for feld in plan.handlungsfelder:
        measures = plan.massnahmen_von(feld.code)
        felder.append(
            {
                "code": feld.code,
                "name": feld.name,
                "nummer": plan.nummer(feld.code),
                "ziele": len(plan.ziele_von(feld.code)),
                "massnahmen": len(measures),
                **_counts(measures),
            }
        )
    return {
        "plan": plan.info.titel,
        "version": plan.info.version,
        "status": plan.info.status,
        "gesamt": {
            "handlungsfelder": len(plan.handlungsfelder),
            "ziele": len(plan.ziele),
            "massnahmen": len(plan.massnahmen),
            **_counts(plan.massnahmen),
        },
        "handlungsfelder": felder,
    }


_SHORT = {
    "zugestimmt": "zugestimmt",
    "beschlossen": "beschlossen",
    "empfehlung_an_das_land": "Empf. Land",
    "regelbetrieb": "Regelbetrieb",
}


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        return "  ".join([first, *(c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))]).rstrip()

    return [line(headers), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]


def as_text(data: dict[str, Any]) -> str:
    rows = [*data["handlungsfelder"], {"name": "Gesamt", **data["gesamt"]}]
    out = [f"{data['plan']} – Version {data['version']} ({s.PLAN_STATUS.label(data['status'])})"]
    if "stichtag" in data:
        out.append(f"Umsetzungsstand zum Stichtag {dt.date.fromisoformat(data['stichtag']):%d.%m.%Y}")
    out += [f"Erstellt aus: {data['quelle']['text']}", ""] if "quelle" in data else [""]
    out += _table(
        ["Handlungsfeld", "Ziele", "Maßnahmen", "antragsberechtigt", "einmalig", "jährlich"],
        [
            [
                r["name"],
                str(r["ziele"]),
                str(r["massnahmen"]),
                str(r["antragsberechtigt"]),
                euro(r["kosten"]["einmalig"]),
                euro(r["kosten"]["jaehrlich"]),
            ]
            for r in rows
        ],
    )
    for key, choice, title in (
        ("entscheidung", s.ENTSCHEIDUNG_STATUS, "Entscheidungsstand"),
        ("umsetzung", s.UMSETZUNG_STATUS, "Umsetzungsstand"),
    ):
        out += ["", f"{title} der Maßnahmen"]
        out += _table(
            ["Handlungsfeld", *[_SHORT.get(v, choice.label(v)) for v in choice.values]],
            [[r["name"], *[str(r[key][v]) for v in choice.values]] for r in rows],
        )
    return "\n".join(out)


def render_stats(plan: Plan, fmt: str, version: Version | None = None, stichtag: dt.date | None = None) -> str:
    """The counts; with a Stichtag, `plan` is the plan as of that day (view/stichtag.py) and says so."""
    data = collect(plan)
    if stichtag is not None:
        data["stichtag"] = stichtag.isoformat()
    if version is not None:  # an export names the state of the repository it was made from
        data["quelle"] = {
            "text": version.text,
            "bezeichnung": version.bezeichnung,
            "commit": version.commit,
            "datum": version.datum.isoformat(),
            "tag": version.tag,
            "geaendert": version.geaendert,
        }
    return json.dumps(data, ensure_ascii=False, indent=2) if fmt == "json" else as_text(data)
