"""Markdown text of the model, prepared for the renderers (site, PDF, DOCX).

Two things every output needs, done once here:
- the gender star (Expert*innen) must stay a literal `*` and never become emphasis in
  pandoc or Python-Markdown, so a star between two letters is escaped;
- text links `[[BIL-M03]]` become links that show number and title.
Fenced code and inline code are left untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lip_build.model.plan import Massnahme, Plan, Ziel

GENDER_STAR = re.compile(r"(?<=[^\W\d_])\*(?=[^\W\d_])")
TEXT_LINK = re.compile(r"\[\[\s*([A-Z]{3}-[ZM]\d{2,3})\s*\]\]")
_CODE_SPAN = re.compile(r"(`+)(?:.|\n)*?\1")


def _outside_code(markdown: str, transform: Callable[[str], str]) -> str:
    """Apply `transform` to the parts of the text that are not code."""
    out: list[str] = []
    fence: str | None = None
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            chunk = "\n".join(buffer)
            pieces, last = [], 0
            for match in _CODE_SPAN.finditer(chunk):
                pieces.append(transform(chunk[last : match.start()]))
                pieces.append(match.group(0))
                last = match.end()
            pieces.append(transform(chunk[last:]))
            out.append("".join(pieces))
            buffer.clear()

    for line in markdown.split("\n"):
        stripped = line.lstrip()
        marker = stripped[:3]
        if fence is None and marker in ("```", "~~~"):
            flush()
            fence = marker
            out.append(line)
        elif fence is not None:
            out.append(line)
            if stripped.startswith(fence):
                fence = None
        else:
            buffer.append(line)
    flush()
    return "\n".join(out)


def protect_gender_star(markdown: str) -> str:
    """Escape the gender star so that Markdown parsers show it literally: Expert\\*innen."""
    return _outside_code(markdown, lambda text: GENDER_STAR.sub(r"\\*", text))


def label(plan: Plan, item: Ziel | Massnahme) -> str:
    """The human name of a goal or measure: "Maßnahme 1.3.2 Sprach-Kitas verstetigen"."""
    kind = "Ziel" if isinstance(item, Ziel) else "Maßnahme"
    return f"{kind} {plan.nummer(item.id)} {item.titel}"


def replace_text_links(markdown: str, plan: Plan, render: Callable[[Ziel | Massnahme], str]) -> str:
    """Replace every [[ID]] with what `render` makes of the goal or measure (validated to exist)."""

    def one(match: re.Match[str]) -> str:
        identifier = match.group(1)
        item: Ziel | Massnahme = plan.ziel(identifier) if "-Z" in identifier else plan.massnahme(identifier)
        return render(item)

    return _outside_code(markdown, lambda text: TEXT_LINK.sub(one, text))
