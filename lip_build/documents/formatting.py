"""German formatting of values, and Markdown for plain text from the model.

Money as "1.250.000 €", dates as "26.11.2026", numbers with a decimal comma. Plain text
(titles, names) is escaped so that pandoc shows it literally; Markdown text (bodies) is
prepared so that the gender star stays a star and `[[ID]]` becomes a link.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Massnahme, Plan, Zeitraum, Ziel
from ..text import label, protect_gender_star, replace_text_links

NBSP = "\u00a0"

# ASCII punctuation that means something in pandoc's Markdown. Quotes, brackets of prose,
# sentence marks and slashes stay unescaped so that pandoc's smart quotes still work.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|$~^@&+=!:-])")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")
_FENCE_LINE = re.compile(r"^(\s{0,3})(:{3,})", re.MULTILINE)
_CODE_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def euro(amount: float) -> str:
    """1250000 → "1.250.000 €"; cents only where there are any: "1.234,50 €"."""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return f"{text}{NBSP}€"


def zahl(value: float) -> str:
    """28.0 → "28", 2.5 → "2,5", 12000 → "12.000"."""
    if float(value).is_integer():
        return f"{value:,.0f}".replace(",", ".")
    text = f"{value:,}".rstrip("0")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def anzahl(count: int, eins: str, mehr: str) -> str:
    """3 → "3 Maßnahmen", 1 → "1 Maßnahme"."""
    return f"{zahl(count)} {eins if count == 1 else mehr}"


def datum(value: dt.date) -> str:
    return f"{value:%d.%m.%Y}"


def zeitraum(value: Zeitraum) -> str:
    if value.ende is None:
        return f"ab {value.beginn}, laufend"
    if value.ende == value.beginn:
        return str(value.beginn)
    return f"{value.beginn}–{value.ende}"


def md(text: str) -> str:
    """Plain text as Markdown that pandoc shows literally (one line, never a list or heading)."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _LIST_NUMBER.sub(r"\1\\\2", escaped)


def _escape_fences(markdown: str) -> str:
    """A text may not open or close a fenced div: those belong to the assembled document."""
    out: list[str] = []
    in_code: str | None = None
    for line in markdown.split("\n"):
        fence = _CODE_FENCE.match(line)
        if fence and (in_code is None or fence.group(1) == in_code):
            in_code = None if in_code else fence.group(1)
        elif in_code is None:
            line = _FENCE_LINE.sub(r"\1\\\2", line)
        out.append(line)
    return "\n".join(out)


def link(plan: Plan, item: Ziel | Massnahme) -> str:
    """A link to a goal or measure in Anlage 1: "[Maßnahme 1.3.2 Titel](#BIL-M03)"."""
    return f"[{md(label(plan, item))}](#{item.id})"


def markdown_text(plan: Plan, text: str) -> str:
    """A Markdown body of the model, ready for the assembled document."""
    prepared = protect_gender_star(_escape_fences(text.strip("\n")))
    return replace_text_links(prepared, plan, lambda item: link(plan, item))
