"""German formats shared by every output: 1.250.000 €, 26.11.2026, 12,5, "ab 2027, laufend"."""

from __future__ import annotations

import datetime as dt
import re

from lip_build.model.plan import Zeitraum

NBSP = "\u00a0"  # between amount and € so that a line never breaks inside a sum


def zahl(value: float) -> str:
    """28.0 → "28", 2.5 → "2,5", 12000 → "12.000"."""
    if float(value).is_integer():
        return f"{value:,.0f}".replace(",", ".")
    text = f"{value:,}".rstrip("0")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def euro(amount: float) -> str:
    """1250000 → "1.250.000 €"; cents only where there are any: "1.234,50 €"."""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return f"{text}{NBSP}€"


def anzahl(count: int, eins: str, mehr: str) -> str:
    """3 → "3 Maßnahmen", 1 → "1 Maßnahme"."""
    return f"{zahl(count)} {eins if count == 1 else mehr}"


def datum(value: dt.date) -> str:
    return f"{value:%d.%m.%Y}"


def plan_stand(version: str, stand: dt.date) -> str:
    """What every page of every output says about the state of the plan: its version and date ("Version 2.0 ·
    Stand 20.11.2026"), as on the title page of Anlage 1. The commit is the build's business (metadata only)."""
    return f"Version {version} · Stand {datum(stand)}"


def zeitraum(value: Zeitraum) -> str:
    if value.ende is None:
        return f"ab {value.beginn}, laufend"
    if value.ende == value.beginn:
        return str(value.beginn)
    return f"{value.beginn}–{value.ende}"


_DATE = (
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"), (3, 2, 1)),
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), (1, 2, 3)),
)


def parse_date(text: str) -> dt.date | None:
    """A date written TT.MM.JJJJ or JJJJ-MM-TT; None when `text` is neither (or no real day)."""
    for pattern, (y, m, d) in _DATE:
        match = pattern.match(text.strip())
        if match:
            try:
                return dt.date(int(match[y]), int(match[m]), int(match[d]))
            except ValueError:
                return None
    return None
