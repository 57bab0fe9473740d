"""Step 3: check and prepare pandoc's document tree (its JSON form) before any output is written.

Texts from pull requests are not trusted. Inside each `lip-text` div (one text of the model):
- raw blocks or inlines (HTML, Typst, LaTeX) stop the build; pandoc's reader is set up so that
  none can arise, this is the second line of defence;
- every image must be a file inside the repository; its path becomes relative to the root;
- headings move below the heading the text belongs to (a text's `##` under a level-4 measure
  becomes level 5);
- identifiers that clash with the document's own (a heading `{#BIL-M01}` in a text) are removed.
Finally, links to anchors that do not exist become plain text (Typst would stop on them).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlparse

from lip_build.errors import BuildError

Node = dict[str, Any]
TEXT = "lip-text"
IMAGE_PATH = "lip-pfad"  # attribute of a checked image: its path relative to the root
_WITH_ATTR = {"Header": 1, "Div": 0, "Span": 0, "CodeBlock": 0, "Code": 0, "Link": 0, "Image": 0, "Figure": 0}
MAX_LEVEL = 6


_LEAVES = frozenset(("Str", "Space", "SoftBreak", "LineBreak", "Code", "Math"))


class Walker:
    """Rebuilds pandoc's JSON tree; `element` may replace one element by several."""

    def run(self, value: Any) -> Any:
        if isinstance(value, list):
            out: list[Any] = []
            for item in value:
                if isinstance(item, dict) and "t" in item:
                    if item["t"] in _LEAVES:
                        out.append(item)
                    else:
                        out.extend(self.element(item))
                else:
                    out.append(self.run(item))
            return out
        if isinstance(value, dict):
            return {key: self.run(item) for key, item in value.items()}
        return value

    def element(self, node: Node) -> list[Node]:
        if "c" in node:
            return [{"t": node["t"], "c": self.run(node["c"])}]
        return [node]


def attr(node: Node) -> list[Any] | None:
    index = _WITH_ATTR.get(node["t"])
    if index is None:
        return None
    found: list[Any] = node["c"][index]
    return found


def classes(node: Node) -> list[str]:
    found = attr(node)
    return list(found[1]) if found else []


def attribute(node: Node, key: str) -> str | None:
    found = attr(node)
    return next((v for k, v in found[2] if k == key), None) if found else None


def plain_text(inlines: list[Node]) -> str:
    """The text of inlines, as a screen reader says it (for alt texts)."""
    out: list[str] = []

    def visit(value: Any) -> None:
        if isinstance(value, list):
            for item in value:
                visit(item)
        elif isinstance(value, dict) and "t" in value:
            kind = value["t"]
            if kind == "Str":
                out.append(value["c"])
            elif kind in ("Space", "SoftBreak", "LineBreak"):
                out.append(" ")
            elif kind in ("Code", "Math"):
                out.append(value["c"][1])
            elif kind != "Note" and "c" in value:
                visit(value["c"])

    visit(inlines)
    return "".join(out)


class _OwnIds(Walker):
    """The identifiers the assembled document sets itself, outside the texts."""

    def __init__(self) -> None:
        self.ids: set[str] = set()

    def element(self, node: Node) -> list[Node]:
        if node["t"] == "Div" and TEXT in classes(node):
            return [node]
        found = attr(node)
        if found and found[0]:
            self.ids.add(found[0])
        return super().element(node)


class _Texts(Walker):
    def __init__(self, root: Path, own: set[str]) -> None:
        self.root = root.resolve()
        self.ids: set[str] = set(own)
        self.quelle: str | None = None
        self.ebene = 1

    def element(self, node: Node) -> list[Node]:
        kind = node["t"]
        if kind in ("RawBlock", "RawInline"):
            where = self.quelle or "im zusammengestellten Dokument"
            raise BuildError(
                f"{where}: Der Text enthält Rohcode ({node['c'][0]}). Rohcode für HTML, Typst oder LaTeX wird aus "
                "Sicherheitsgründen nicht übernommen; „lip validate“ nennt die Stelle (LIP403)."
            )
        if kind == "Div" and TEXT in classes(node):
            outer = (self.quelle, self.ebene)
            self.quelle = attribute(node, "lip-quelle") or "?"
            self.ebene = int(attribute(node, "lip-ebene") or "1")
            children: list[Node] = self.run(node["c"][1])
            self.quelle, self.ebene = outer
            return children
        if self.quelle is not None:
            node = self._in_text(node)
        elif kind == "Image":
            raise BuildError(
                "Im zusammengestellten Dokument steht ein Bild außerhalb eines Textes; das ist ein Fehler in lip."
            )
        return super().element(node)

    def _in_text(self, node: Node) -> Node:
        kind = node["t"]
        if kind == "Header":
            level, header_attr, inlines = node["c"]
            node = {"t": kind, "c": [min(MAX_LEVEL, level + self.ebene - 1), header_attr, inlines]}
        if kind == "Image":
            node = self._image(node)
        found = attr(node)
        if found and found[0]:
            if found[0] in self.ids:
                found[0] = ""
            else:
                self.ids.add(found[0])
        return node

    def _image(self, node: Node) -> Node:
        image_attr, alt, (url, title) = node["c"]
        where = self.quelle
        parsed = urlparse(url)
        relative = unquote(parsed.path)
        if parsed.scheme or url.startswith("//") or not relative or relative.startswith(("/", "\\")):
            raise BuildError(
                f"{where}: Das Bild „{url}“ ist keine Datei im Repository. Bilder müssen relativ zur Datei "
                "angegeben werden und im Repository liegen, z. B. „bilder/grafik.png“ (siehe „lip validate“)."
            )
        resolved = (self.root / PurePosixPath(str(where)).parent / relative).resolve()
        if not resolved.is_relative_to(self.root) or not resolved.is_file():
            raise BuildError(
                f"{where}: Das Bild „{url}“ liegt nicht im Repository oder fehlt. Nur Dateien im Repository "
                "dürfen in die Drucksache; prüfen Sie den Pfad mit „lip validate“."
            )
        rel = resolved.relative_to(self.root).as_posix()
        kvs = [[k, v] for k, v in image_attr[2] if k != IMAGE_PATH] + [[IMAGE_PATH, rel]]
        return {"t": "Image", "c": [[image_attr[0], image_attr[1], kvs], alt, [rel, title]]}


class _Links(Walker):
    def __init__(self, ids: set[str]) -> None:
        self.ids = ids

    def element(self, node: Node) -> list[Node]:
        if node["t"] == "Link":
            url = node["c"][2][0]
            if url.startswith("#") and url[1:] not in self.ids:
                return list(self.run(node["c"][1]))
        return super().element(node)


def prepare(document: Node, root: Path) -> Node:
    """The checked tree: texts unwrapped, headings shifted, images inside the repository."""
    own = _OwnIds()
    own.run(document["blocks"])
    texts = _Texts(root, own.ids)
    blocks = texts.run(document["blocks"])
    blocks = _Links(texts.ids).run(blocks)
    return {**document, "blocks": blocks}
