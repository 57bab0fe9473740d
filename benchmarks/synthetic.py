"""Synthetic plans of any size, for benchmarks: the shipped plan-wide content plus N measures.

The generated plan validates without errors or warnings, so a benchmark measures the
real path through validation and rendering.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from lip_build.check.reviews import fingerprint
from lip_build.model.plan import Kennzahl

REPO = Path(__file__).resolve().parent.parent
FIELDS = (  # code, folder, name, expert group
    ("BIL", "bildung", "Bildung", "eg-bildung"),
    ("WIR", "wirtschaft", "Wirtschaft", "eg-wirtschaft"),
    ("SOZ", "soziales", "Soziales", "eg-soziales"),
    ("STA", "stadtleben", "Stadtleben", "eg-stadtleben"),
    ("DEM", "demokratie", "Demokratie", "eg-demokratie"),
    ("VER", "stadtverwaltung", "Stadtverwaltung", "eg-stadtverwaltung"),
)
MEASURES_PER_GOAL = 3
_TEXT = (
    "Die Expert*innengruppe schlägt vor, Angebote im Stadtteil gemeinsam mit Migrant*innenselbstorganisationen "
    "weiterzuentwickeln. Beratung, Begleitung und Qualifizierung werden verzahnt, damit Teilnehmende "
    "verlässliche Ansprechpersonen finden und Übergänge gelingen."
)


def _goal_values(code: str, number: int, name: str) -> tuple[str, dict[str, object]]:
    titel = f"Ziel {number} im Handlungsfeld {name} ist erreicht."
    kennzahl = {
        "name": "Anteil der erreichten Teilnehmenden",
        "einheit": "Prozent",
        "ausgangswert": 20 + number % 30,
        "ausgangsjahr": 2023,
        "zielwert": 50 + number % 40,
        "zieljahr": 2030,
        "quelle": "Synthetische Testdaten",
    }
    return titel, kennzahl


def goal_fingerprint(code: str, number: int, name: str) -> str:
    titel, kennzahl = _goal_values(code, number, name)
    return fingerprint(titel, _TEXT, [Kennzahl(**kennzahl)])  # type: ignore[arg-type]


def _goal(code: str, number: int, name: str) -> str:
    return f"""---
id: {code}-Z{number:02d}
titel: Ziel {number} im Handlungsfeld {name} ist erreicht.
handlungsfeld: {code}
kennzahlen:
  - name: Anteil der erreichten Teilnehmenden
    einheit: Prozent
    ausgangswert: {20 + number % 30}
    ausgangsjahr: 2023
    zielwert: {50 + number % 40}
    zieljahr: 2030
    quelle: Synthetische Testdaten
---
{_TEXT}
"""


_DECISIONS = (
    '  status: beschlossen\n  gremium: ratsversammlung\n  datum: 2022-09-29\n  drucksache: "1830/2022"\n',
    "  status: zugestimmt\n  gremium: lenkungsgruppe\n  datum: 2026-09-22\n",
    "  status: vorgeschlagen\n",
)


_REPORTS = ((dt.date(2026, 12, 31), "in_umsetzung"), (dt.date(2027, 6, 30), "umgesetzt"))


def _verlauf(number: int, reports: int) -> tuple[str, str]:
    """The status and the Verlauf of a decided measure after `reports` reporting dates (0: no Verlauf).

    Every second measure is umgesetzt at the second date, so that a report lists status changes."""
    entries = _REPORTS[:reports]
    if not entries:
        return "in_umsetzung", ""
    lines = ["  verlauf:"]
    status = "in_umsetzung"
    for day, reached in entries:
        status = reached if number % 2 == 0 else "in_umsetzung"
        lines += [
            f"    - datum: {day.isoformat()}",
            f"      status: {status}",
            f"      erledigt: Bis zum {day:%d.%m.%Y} haben {number % 40 + 5} Träger mitgewirkt.",
            "      naechste_schritte: Die Angebote werden in zwei weiteren Stadtteilen eingeführt.",
            f"      ausgaben: {5000 + 100 * (number % 50)}",
        ]
    return f"{status}\n  stand: {entries[-1][0].isoformat()}", "\n".join(lines) + "\n"


def _measure(code: str, number: int, goal: int, other: str, group: str, stamps: str, reports: int = 0) -> str:
    decision = _DECISIONS[number % len(_DECISIONS)]
    progress, verlauf = _verlauf(number, reports) if number % 3 == 0 else ("nicht_begonnen", "")
    art = "jaehrlich" if number % 2 else "einmalig"
    costs = (
        ""
        if number % 4 == 0
        else f"kosten:\n  - betrag: {10000 + 1000 * (number % 50)}\n    art: {art}\n"
        "    finanzierung: Haushalt der Landeshauptstadt Hannover\n"
    )
    return f"""---
id: {code}-M{number:02d}
titel: Maßnahme {number} für Teilhabe im Stadtteil
handlungsfeld: {code}
ziele: [{code}-Z{goal:02d}, {other}]
federfuehrung: "50.60"
partner: ["51", Migrant*innenselbstorganisationen]
zielgruppen: [stadtgesellschaft, eltern]
querschnittsthemen: [partizipation, mehrsprachigkeit]
zeitraum:
  beginn: 2024
  ende: 2028
{costs}antragsberechtigt: {"true" if number % 5 == 0 else "false"}
herkunft: {group}
entscheidung:
{decision}umsetzung:
  status: {progress}
{verlauf}kontakt: "50.60"
geprueft:
{stamps}
---
## Ausgangslage

{_TEXT} Verweis auf [[{code}-Z{goal:02d}]].

## Umsetzung

{_TEXT}
"""


def write_synthetic_plan(target: Path, measures: int, reports: int = 0) -> Path:
    """Write a plan with `measures` measures (and one goal per three measures) into `target`; with `reports`
    (1 or 2) the decided measures carry that many entries in their Verlauf (31.12.2026, 30.06.2027)."""
    if target.exists():
        shutil.rmtree(target)
    # Sessions and statements name the shipped goals and measures, not the synthetic ones.
    participation = shutil.ignore_patterns("sitzungen", "stellungnahmen")
    shutil.copytree(REPO / "content", target / "content", ignore=participation)
    shutil.copytree(REPO / "templates", target / "templates")
    if (REPO / "mkdocs.yml").is_file():
        shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    per_field = [measures // len(FIELDS) + (1 if i < measures % len(FIELDS) else 0) for i in range(len(FIELDS))]
    for index, ((code, folder, name, group), count) in enumerate(zip(FIELDS, per_field, strict=True)):
        base = target / "handlungsfelder" / folder
        (base / "ziele").mkdir(parents=True)
        (base / "massnahmen").mkdir()
        shutil.copy2(REPO / "handlungsfelder" / folder / "handlungsfeld.md", base / "handlungsfeld.md")
        goals = max(1, -(-count // MEASURES_PER_GOAL))
        for goal in range(1, goals + 1):
            (base / "ziele" / f"{code}-Z{goal:02d}.md").write_text(_goal(code, goal, name), encoding="utf-8")
        other_code, other_name = FIELDS[(index + 1) % len(FIELDS)][0], FIELDS[(index + 1) % len(FIELDS)][2]
        other_stamp = f'  {other_code}-Z01: "{goal_fingerprint(other_code, 1, other_name)}"'
        for number in range(1, count + 1):
            goal = (number - 1) // MEASURES_PER_GOAL + 1
            stamps = f'  {code}-Z{goal:02d}: "{goal_fingerprint(code, goal, name)}"\n{other_stamp}'
            text = _measure(code, number, goal, f"{other_code}-Z01", group, stamps, reports)
            (base / "massnahmen" / f"{code}-M{number:02d}.md").write_text(text, encoding="utf-8")
    return target
