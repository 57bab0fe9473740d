"""The Synopse as Markdown (GitHub/GitLab flavour), e.g. for a pull-request comment.

Content is escaped, so that nothing in a measure's text becomes a link, a heading, a table
cell border, a mention or emphasis (the gender star in Expert*innen stays a literal star).
Removed words are ~~struck through~~, added words **bold**.
"""

from __future__ import annotations

import re

from lip_build.history.compare import Aenderung, Element, Feldaenderung, Synopse
from lip_build.history.textdiff import Stueck, TextDiff, shown_paragraphs
from lip_build.outputs.synopse.render_text import bookkeeping, counts, status

_INLINE = re.compile(r"([\\`*_\[\]<>~|&#$@])")
_LINE_START = re.compile(r"(^|\n)[ \t]*(?:([-+=])(?=[\s=-]|$)|(\d+)([.)])(?=\s|$))")
_MARK = {"gleich": "", "entfernt": "~~", "neu": "**"}


def escape(text: str, line_start: bool = True) -> str:
    """Escape Markdown syntax; `line_start`: the text begins a line (lists, numbering)."""
    escaped = _INLINE.sub(r"\\\1", text)

    def block(match: re.Match[str]) -> str:
        if not line_start and match.start() == 0 and not match.group(1):
            return match.group(0)
        lead = match.group(1)
        if match.group(2):
            return f"{lead}\\{match.group(2)}"
        return f"{lead}{match.group(3)}\\{match.group(4)}"

    return _LINE_START.sub(block, escaped)


def _marked(art: str, text: str) -> str:
    """Wrap each line's words in the marker, keeping whitespace and line breaks outside it."""
    mark = _MARK[art]
    if not mark:
        return text
    out = []
    for line in text.split("\n"):
        core = line.strip()
        if not core:
            out.append(line)
            continue
        start = line.index(core)
        out.append(f"{line[:start]}{mark}{core}{mark}{line[start + len(core) :]}")
    return "\n".join(out)


def inline(stuecke: tuple[Stueck, ...]) -> str:
    """Pieces of text as Markdown with markers; line breaks stay "\\n"."""
    out, at_line_start = [], True
    for piece in stuecke:
        out.append(_marked(piece.art, escape(piece.text, at_line_start)))
        at_line_start = piece.text.rstrip(" \t").endswith("\n")
    return "".join(out)


def _paragraph(stuecke: tuple[Stueck, ...]) -> str:
    first = stuecke[0]
    level = len(first.text) - len(first.text.lstrip("#"))
    if 0 < level <= 6 and first.text[level : level + 1] == " ":  # a heading of the text: bold, without hashes
        rest = (Stueck(first.art, first.text[level + 1 :]), *stuecke[1:])
        return f"**{inline(rest).strip()}**" if first.art == "gleich" else inline(rest).strip()
    lines = [line.strip() for line in inline(stuecke).split("\n")]
    return "\\\n".join(line for line in lines if line)  # keep the lines of lists and addresses


def text_block(diff: TextDiff, only_changed: bool = True) -> str:
    """The text with its changes, paragraph by paragraph; unchanged paragraphs become "…"."""
    return "\n\n".join("…" if p is None else _paragraph(p) for p in shown_paragraphs(diff.stuecke, only_changed))


def plain(text: str) -> str:
    """A whole text, escaped, paragraph by paragraph."""
    return text_block(TextDiff((Stueck("gleich", text),), (), (), 0, 0), only_changed=False)


def cell(stuecke: tuple[Stueck, ...] | str | None) -> str:
    if stuecke is None:
        return "—"
    pieces = (Stueck("gleich", stuecke),) if isinstance(stuecke, str) else stuecke
    return "<br>".join(line.strip() for line in inline(pieces).split("\n") if line.strip()) or "—"


def _change_row(change: Feldaenderung) -> str:
    if change.text is not None:
        old, new = cell(change.text.bisher), cell(change.text.neu)
    else:
        old, new = cell(change.bisher), cell(change.neu)
    return f"| {escape(change.schluessel)} | {old} | {new} |"


def heading(element: Element) -> str:
    title = f" „{escape(element.titel, False)}“" if element.titel else ""
    return f"{escape(element.bezeichnung)}{title}"


def element_body(element: Element) -> str:
    """What changed in one item: where it lies, a table Feld | bisher | neu, and the text."""
    parts = []
    if element.aenderung is Aenderung.VERSCHOBEN:
        assert element.bisher and element.neu
        parts.append(f"{status(element)}: `{element.bisher.pfad}` → `{element.neu.pfad}`")
    else:
        parts.append(f"{status(element)}: `{element.fassung.pfad}`")
    if element.aenderung is Aenderung.ENTFERNT:
        return "\n\n".join(parts)
    if element.aenderung is Aenderung.NEU:
        rows = [f"| {escape(c.schluessel)} | {cell(c.neu)} |" for c in element.felder]
        if rows:
            parts.append("\n".join(["| Feld | Wert |", "|---|---|", *rows]))
        if element.fassung.text:
            parts.append("**Text**\n\n" + plain(element.fassung.text))
        return "\n\n".join(parts)
    if element.felder:
        parts.append("\n".join(["| Feld | bisher | neu |", "|---|---|---|", *map(_change_row, element.felder)]))
    if element.text.geaendert:
        parts.append("**Text** (~~entfernt~~, **neu**)\n\n" + text_block(element.text))
    return "\n\n".join(parts)


def render(synopse: Synopse, level: int = 1) -> str:
    h = "#" * level
    out = [
        f"{h} Synopse",
        f"**Bisher:** {escape(synopse.bisher.text)}  \n**Neu:** {escape(synopse.neu.text)}",
        " ".join(filter(None, [counts(synopse) + ".", bookkeeping(synopse)])),
    ]
    changed_items = synopse.geaendert
    if not changed_items:
        out.append("Keine Unterschiede im Plan.")
        return "\n\n".join(out) + "\n"
    rows = [f"| {escape(e.bezeichnung)} | {escape(e.titel or '')} | {status(e)} |" for e in changed_items]
    out.append("\n".join(["| Element | Titel | Änderung |", "|---|---|---|", *rows]))
    for element in changed_items:
        out.append(f"{h}# {heading(element)}")
        out.append(element_body(element))
    return "\n\n".join(out) + "\n"
