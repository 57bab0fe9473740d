"""German formatting of values, and Markdown for plain text from the model.

The German formats themselves live in lip_build.view.formats (re-exported here). Plain text
(titles, names) is escaped so that pandoc shows it literally; Markdown text (bodies) is
prepared so that the gender star stays a star and `[[ID]]` becomes a link.
"""

from __future__ import annotations

import re

from lip_build.load.markdown import Edit, Text
from lip_build.model.plan import Massnahme, Plan, Ziel
from lip_build.view.formats import NBSP, anzahl, datum, euro, zahl, zeitraum
from lip_build.view.plantext import label, replace_text_links

# ASCII punctuation that means something in pandoc's Markdown. Quotes, brackets of prose,
# sentence marks and slashes stay unescaped so that pandoc's smart quotes still work.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|$~^@&+=!:-])")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")
_FENCE_LINE = re.compile(r"^(\s{0,3})(:{3,})", re.MULTILINE)


def md(text: str) -> str:
    """Plain text as Markdown that pandoc shows literally (one line, never a list or heading)."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _LIST_NUMBER.sub(r"\1\\\2", escaped)


def _fence_edits(text: Text) -> list[Edit]:
    """A text may not open or close a fenced div: those belong to the assembled document. A line of
    colons outside code blocks gets a backslash (within inline code too: pandoc ends a div there)."""
    if ":::" not in text.source:
        return []
    return [
        Edit(match.start(2), match.start(2), "\\")
        for match in _FENCE_LINE.finditer(text.source)
        if not text.in_code(match.start(2), ("fence", "indented"))
    ]


def link(plan: Plan, item: Ziel | Massnahme) -> str:
    """A link to a goal or measure in Anlage 1: "[Maßnahme 1.3.2 Titel](#BIL-M03)"."""
    return f"[{md(label(plan, item))}](#{item.id})"


def markdown_text(plan: Plan, text: Text, span: tuple[int, int] | None = None) -> str:
    """A Markdown text of the model (or the part `span` of it), ready for the assembled document."""
    return replace_text_links(text, plan, lambda item: link(plan, item), _fence_edits(text), span)


__all__ = ["NBSP", "anzahl", "datum", "euro", "link", "markdown_text", "md", "zahl", "zeitraum"]
