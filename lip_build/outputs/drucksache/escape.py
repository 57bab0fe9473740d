"""German formatting of values, and Markdown for plain text from the model.

The German formats themselves live in lip_build.view.formats (re-exported here). Plain text
(titles, names) is escaped so that pandoc shows it literally; Markdown text (bodies) is
prepared so that the gender star stays a star and `[[ID]]` becomes a link.
"""

from __future__ import annotations

import re

from lip_build.model.plan import Massnahme, Plan, Ziel
from lip_build.view.formats import NBSP, anzahl, datum, euro, zahl, zeitraum
from lip_build.view.plantext import label, protect_gender_star, replace_text_links

# ASCII punctuation that means something in pandoc's Markdown. Quotes, brackets of prose,
# sentence marks and slashes stay unescaped so that pandoc's smart quotes still work.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|$~^@&+=!:-])")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")
_FENCE_LINE = re.compile(r"^(\s{0,3})(:{3,})", re.MULTILINE)
_CODE_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


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


__all__ = ["NBSP", "anzahl", "datum", "euro", "link", "markdown_text", "md", "zahl", "zeitraum"]
