"""Building blocks of the assembled Markdown document: headings, fenced divs, texts of the model.

Every block is a string that ends without a newline; `blocks()` joins them with blank lines.
Heading texts must already be Markdown (plain text goes through formatting.md); tables are
built as pandoc nodes (tables.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lip_build.load.markdown import Text
from lip_build.model.plan import Plan, Quelle
from lip_build.outputs.drucksache.escape import markdown_text

# Classes of the divs that the renderers know (render_typst.py, render_docx.py).
TEXT = "lip-text"  # a text of the model; attributes lip-quelle (file) and lip-ebene (heading level)


def blocks(parts: Iterable[str]) -> str:
    return "\n\n".join(p for p in parts if p)


def heading(level: int, text: str, identifier: str | None = None) -> str:
    attributes = f" {{#{identifier}}}" if identifier else ""
    return f"{'#' * level} {text}{attributes}"


def div(classes: str, content: str, **attributes: str) -> str:
    """A fenced div; `classes` like "lip-fakten"; attribute names with "_" get "-"."""

    def quoted(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    extra = "".join(f" {key.replace('_', '-')}={quoted(value)}" for key, value in attributes.items())
    return f"::: {{.{classes}{extra}}}\n\n{content}\n\n:::"


def text(plan: Plan, body: Text | None, quelle: Quelle, ebene: int) -> str:
    """A Markdown text of the model below a heading of level `ebene`, with its origin for the checks."""
    if not body:
        return ""
    return div(TEXT, markdown_text(plan, body), lip_quelle=quelle.pfad, lip_ebene=str(ebene))


def line_break(lines: Sequence[str]) -> str:
    """Lines of one paragraph, separated by hard line breaks."""
    return "\\\n".join(lines)
