"""The tables of the Drucksache, built directly as pandoc table nodes (DOCX) or Typst markup (PDF).

Every table holds values of the model (numbers, names, titles) and links to goals and
measures, never Markdown from a text. Building them here instead of writing pipe tables
keeps the column widths exact and spares pandoc's Markdown reader the slowest part of its
work (a plan with 1,000 measures has 1,000 fact tables). The assembled Markdown holds an
empty div `lip-tabelle` in each table's place; `insert` fills them in.

For the PDF each table becomes one raw Typst block, the same figure and table that pandoc's
Typst writer would write for the table node, but without the node: the tables double the
size of the tree and pandoc needed most of its Typst-writing time for them. Every text goes
into a Typst string literal, so nothing in it is read as markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

Node = dict[str, Any]
PLACEHOLDER = "lip-tabelle"


@dataclass(frozen=True)
class Link:
    text: str
    target: str  # identifier in the document, without "#"


@dataclass(frozen=True)
class Bold:
    text: str


@dataclass(frozen=True)
class Lines:
    """Several lines in one cell (the goals or partners of a measure), separated by line breaks."""

    items: tuple[Cell, ...]


Inline = str | Link | Bold
Cell = str | Link | Bold | Lines | tuple[Inline, ...]

# A table of at most this many rows is kept on one page, with the heading or caption above it; a
# longer one may break between rows, and its header row repeats on the next page. In the PDF a short
# table must also be at most half a page high (Typst measures it), else it breaks like a long one.
SHORT = 20


@dataclass(frozen=True)
class Tabelle:
    headers: tuple[str, ...]  # all empty: a table without header row
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[int, ...]  # relative, in percent
    right: frozenset[int] = frozenset()  # right-aligned columns
    caption: str | None = None
    # The first column labels its row (the fact table of a measure): its cells are header cells
    # with row scope (TH, /Scope /Row in the PDF; a header column in the DOCX). Only for tables
    # without a header row, so that the PDF and DOCX steps can find them by that alone.
    row_headers: bool = False

    def __post_init__(self) -> None:
        if self.row_headers and any(self.headers):
            raise ValueError("Eine Tabelle hat entweder eine Kopfzeile oder eine Kopfspalte, nicht beides.")

    @property
    def short(self) -> bool:
        return len(self.rows) + (1 if any(self.headers) else 0) <= SHORT


@dataclass
class Tabellen:
    """Collects the tables while the document is assembled; each gets a placeholder."""

    items: list[Tabelle] = field(default_factory=list)

    def add(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[int],
        right: Sequence[int] = (),
        caption: str | None = None,
        row_headers: bool = False,
    ) -> str:
        self.items.append(
            Tabelle(
                tuple(headers), tuple(tuple(r) for r in rows), tuple(widths), frozenset(right), caption, row_headers
            )
        )
        return f'::: {{.{PLACEHOLDER} lip-nummer="{len(self.items) - 1}"}}\n:::'

    def zeilenkopf_tabellen(self) -> int:
        """How many of the tables so far have row headers."""
        return sum(1 for t in self.items if t.row_headers)


def _words(text: str) -> list[Node]:
    """The words of a text; a space at its start or end stays (a cell can be made of several parts)."""
    out: list[Node] = []
    for word in text.split():
        if out:
            out.append({"t": "Space"})
        out.append({"t": "Str", "c": word})
    if not out:
        return [{"t": "Space"}] if text[:1].isspace() else []
    if text[:1].isspace():
        out.insert(0, {"t": "Space"})
    if text[-1:].isspace():
        out.append({"t": "Space"})
    return out


def _inlines(cell: Cell) -> list[Node]:
    if isinstance(cell, Lines):
        out: list[Node] = []
        for item in cell.items:
            out += ([{"t": "LineBreak"}] if out else []) + _inlines(item)
        return out
    if isinstance(cell, tuple):
        return [node for part in cell for node in _inlines(part)]
    if isinstance(cell, Link):
        return [{"t": "Link", "c": [["", [], []], _words(cell.text), [f"#{cell.target}", ""]]}]
    if isinstance(cell, Bold):
        return [{"t": "Strong", "c": _words(cell.text)}]
    return _words(cell)


def _cell(content: Cell, align: str) -> list[Any]:
    inlines = _inlines(content)
    blocks = [{"t": "Plain", "c": inlines}] if inlines else []
    return [["", [], []], {"t": align}, 1, 1, blocks]


def node(tabelle: Tabelle) -> Node:
    """The pandoc Table node (pandoc-types 1.23)."""
    total = sum(tabelle.widths)
    aligns = ["AlignRight" if i in tabelle.right else "AlignLeft" for i in range(len(tabelle.widths))]
    colspecs = [[{"t": a}, {"t": "ColWidth", "c": w / total}] for a, w in zip(aligns, tabelle.widths, strict=True)]
    head_rows = []
    if any(tabelle.headers):
        head_rows = [[["", [], []], [_cell(h, a) for h, a in zip(tabelle.headers, aligns, strict=True)]]]
    body_rows = [[["", [], []], [_cell(c, a) for c, a in zip(row, aligns, strict=True)]] for row in tabelle.rows]
    caption_blocks = [{"t": "Plain", "c": _words(tabelle.caption)}] if tabelle.caption else []
    return {
        "t": "Table",
        "c": [
            ["", [], []],
            [None, caption_blocks],
            colspecs,
            [["", [], []], head_rows],
            [[["", [], []], 0, [], body_rows]],
            [["", [], []], []],
        ],
    }


def typst_string(text: str) -> str:
    """A Typst string literal: shown exactly as written, never read as markup."""
    cleaned = "".join(ch if ch >= " " else " " for ch in text)
    return '"' + cleaned.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _typst_inline(cell: Cell) -> str:
    if isinstance(cell, Lines):
        return "#linebreak()".join(_typst_inline(item) for item in cell.items)
    if isinstance(cell, tuple):
        return "".join(_typst_inline(part) for part in cell)
    if isinstance(cell, str):  # spaces at the ends stay, as between the parts of a tuple
        text = re.sub(r"\s+", " ", cell)
        return f"#{typst_string(text)}" if text else ""
    text = " ".join(cell.text.split())
    if not text:
        return ""
    if isinstance(cell, Link):
        return f"#link(label({typst_string(cell.target)}), {typst_string(text)})"
    return f"#strong({typst_string(text)})"


def _typst_row(cells: Sequence[Cell], aligns: Sequence[str]) -> str:
    return " ".join(f"table.cell(align: {a})[{_typst_inline(c)}]," for c, a in zip(cells, aligns, strict=True))


def _percent(share: float) -> str:
    return f"{100 * share:.2f}".rstrip("0").rstrip(".") + "%"


def typst(tabelle: Tabelle) -> Node:
    """The table as a raw Typst block: a figure (kind table) around `table`, header row in `table.header`
    so that its cells are tagged as header cells (TH) in the PDF. A short table no higher than half a page
    is set in an unbreakable block, so that it never starts at a page foot with one row or leaves its
    caption behind (the heading above it is sticky and moves with it).
    The row header cells of a `row_headers` table are tagged by pdf_tags.py after Typst: the installed
    Typst has no function for them (`pdf.header-cell` needs the feature flag a11y-extras, which the
    typst package cannot switch on)."""
    total = sum(tabelle.widths)
    aligns = ["right" if i in tabelle.right else "left" for i in range(len(tabelle.widths))]
    lines = [
        "#layout(size => { let t = figure(" if tabelle.short else "#figure(",
        "  align(center)[#table(",
        f"    columns: ({', '.join(_percent(w / total) for w in tabelle.widths)}),",
        f"    align: ({''.join(a + ',' for a in aligns)}),",
    ]
    if any(tabelle.headers):
        lines += [f"    table.header({_typst_row(tabelle.headers, aligns)}),", "    table.hline(),"]
    lines += [f"    {_typst_row(row, aligns)}" for row in tabelle.rows]
    lines.append("  )]")
    if tabelle.caption:
        lines.append(f"  , caption: [{_typst_inline(tabelle.caption)}]")
    lines += ["  , kind: table", "  )"]
    if tabelle.short:
        lines.append(
            "  if measure(t, width: size.width).height <= size.height / 2 { block(breakable: false, t) } else { t } })"
        )
    return {"t": "RawBlock", "c": ["typst", "\n".join(lines)]}


def insert(blocks: list[Node], tabellen: Sequence[Tabelle], make: Callable[[Tabelle], Node] = node) -> list[Node]:
    """Replace every placeholder div by its table, made by `make` (in block lists at any depth of divs)."""
    out: list[Node] = []
    for block in blocks:
        if block["t"] == "Div":
            attr, children = block["c"]
            if PLACEHOLDER in attr[1]:
                number = int(next(v for k, v in attr[2] if k == "lip-nummer"))
                out.append(make(tabellen[number]))
                continue
            block = {"t": "Div", "c": [attr, insert(children, tabellen, make)]}
        out.append(block)
    return out
