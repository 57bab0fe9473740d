"""Markdown text of the model, prepared for the renderers (site, PDF, DOCX).

Two things every output needs, done once here on the text as it was parsed and checked
(load/markdown.py):
- the gender star (Expert*innen) must stay a literal `*` and never become emphasis in
  pandoc or Python-Markdown, so a star between two letters is escaped;
- text links `[[BIL-M03]]` become links that show number and title.
Code (fenced, indented and inline) is left untouched: it has no text links and no gender stars.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from lip_build.load.markdown import Edit, Reference, Text
from lip_build.model.plan import Massnahme, Plan, Ziel

GENDER_STAR = re.compile(r"(?<=[^\W\d_])\*(?=[^\W\d_])")


def escape_gender_star(prose: str) -> str:
    """Escape the gender star in text that is not code: Expert*innen → Expert\\*innen."""
    return GENDER_STAR.sub(r"\\*", prose) if "*" in prose else prose


def protect_gender_star(text: Text) -> str:
    """The text with its gender stars escaped outside code; text links stay as written."""
    return text.render(lambda ref: text.source[ref.start : ref.end], escape_gender_star)


def first_paragraph(text: Text, below: str | None = None) -> tuple[int, int]:
    """Where the first paragraph of plain text is in the text (an empty span if there is none); with
    `below`, the first one under the heading of that name ("Umsetzung": what a measure does, its
    Kurzfassung in a report), or the first of the text when there is no such heading."""
    offset = 0
    if below is not None:
        heading = re.search(rf"^#+[ \t]+{re.escape(below)}[ \t]*$", text.source, re.MULTILINE)
        if heading is not None and not text.in_code(heading.start()):
            offset = heading.end()
    for chunk in text.source[offset:].split("\n\n"):
        core = chunk.strip()
        if core and not core.startswith(("#", "-", "*", "|", ">", "```", "1.")):
            start = offset + chunk.index(core)
            return start, start + len(core)
        offset += len(chunk) + 2
    return 0, 0


def label(plan: Plan, item: Ziel | Massnahme) -> str:
    """The human name of a goal or measure: "Maßnahme 1.3.2 Sprach-Kitas verstetigen"."""
    kind = "Ziel" if isinstance(item, Ziel) else "Maßnahme"
    return f"{kind} {plan.nummer(item.id)} {item.titel}"


def replace_text_links(
    text: Text,
    plan: Plan,
    render: Callable[[Ziel | Massnahme], str],
    edits: Sequence[Edit] = (),
    span: tuple[int, int] | None = None,
) -> str:
    """The text for a renderer: every text link the check resolved becomes what `render` makes of
    its goal or measure, gender stars are escaped outside code, and the renderer's own `edits`
    (rewritten link targets, escaped div fences) are applied; `span` limits it to a part of the
    text. Blank lines at both ends are dropped."""

    def one(reference: Reference) -> str:
        return render(plan.element(reference.target))

    return text.render(one, escape_gender_star, edits, span).strip("\n")
