"""The tables of the Drucksache, built directly as pandoc table nodes.

Every table holds values of the model (numbers, names, titles) and links to goals and
measures, never Markdown from a text. Building the nodes here instead of writing pipe tables
keeps the column widths exact, needs no escaping, and spares pandoc's Markdown reader the
slowest part of its work (a plan with 1,000 measures has 1,000 fact tables). The assembled
Markdown holds an empty div `lip-tabelle` in each table's place; `insert` fills them in.
"""

from __future__ import annotations

from collections.abc import Sequence
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


Inline = str | Link | Bold
Cell = str | Link | Bold | tuple[Inline, ...]


@dataclass(frozen=True)
class Tabelle:
    headers: tuple[str, ...]  # all empty: a table without header row
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[int, ...]  # relative, in percent
    right: frozenset[int] = frozenset()  # right-aligned columns
    caption: str | None = None


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
    ) -> str:
        self.items.append(
            Tabelle(tuple(headers), tuple(tuple(r) for r in rows), tuple(widths), frozenset(right), caption)
        )
        return f'::: {{.{PLACEHOLDER} lip-nummer="{len(self.items) - 1}"}}\n:::'


def _words(text: str) -> list[Node]:
    out: list[Node] = []
    for word in text.split():
        if out:
            out.append({"t": "Space"})
        out.append({"t": "Str", "c": word})
    return out


def _inlines(cell: Cell) -> list[Node]:
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


def insert(blocks: list[Node], tabellen: Sequence[Tabelle]) -> list[Node]:
    """Replace every placeholder div by its table (in block lists at any depth of divs)."""
    out: list[Node] = []
    for block in blocks:
        if block["t"] == "Div":
            attr, children = block["c"]
            if PLACEHOLDER in attr[1]:
                number = int(next(v for k, v in attr[2] if k == "lip-nummer"))
                out.append(node(tabellen[number]))
                continue
            block = {"t": "Div", "c": [attr, insert(children, tabellen)]}
        out.append(block)
    return out
