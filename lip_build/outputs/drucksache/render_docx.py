"""Step 4 for the DOCX: the same tree as the PDF, written by pandoc with the reference document.

Special blocks get Word paragraph styles (custom-style), page breaks and a table of contents
field; quotation marks become German („…“), images are embedded from the checked paths. The
reference document's header and footer placeholders receive the Drucksache number, the ENTWURF
marking and the version. Time stamps come from the commit (SOURCE_DATE_EPOCH), so the same
commit gives the same bytes.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from html import escape as _html_escape
from pathlib import Path
from typing import Any

from lip_build.errors import BuildError
from lip_build.history.stamp import Version
from lip_build.outputs.drucksache import pandoc
from lip_build.outputs.drucksache.assemble import Dokument
from lip_build.outputs.drucksache.docx_layout import LANDSCAPE, PLACEHOLDERS, PORTRAIT, section
from lip_build.outputs.drucksache.docx_tables import finish_tables
from lip_build.outputs.drucksache.pandoc_tree import IMAGE_PATH, Node, Walker, classes
from lip_build.outputs.drucksache.paths import resource
from lip_build.outputs.drucksache.tables import PLACEHOLDER, Tabelle, insert
from lip_build.outputs.drucksache.zipfiles import read_zip, write_zip

REFERENCE = "templates/docx/reference.docx"

_STYLES = {
    "lip-meta": "Metazeile",
    "lip-kurzfassung": "Kurzfassung",
    "lip-zeichnung": "Zeichnung",
    "lip-untertitel": "Subtitle",
    "lip-angaben": "Angaben",
    "lip-kolophon": "Metazeile",
    "lip-vorspann": "Vorspann",
}
_BREAK_BEFORE = {"lip-titelseite", "lip-handlungsfeld"}
_PAGE_BREAK = '<w:p><w:r><w:br w:type="page" /></w:r></w:p>'
# The landscape Anlagen (2 and, with statements, 3) come last: the portrait section ends before the first
# of them, the document's last section is turned.
_END_OF_PORTRAIT = f"<w:p><w:pPr>{section(PORTRAIT)}</w:pPr></w:p>"
_TOC = (
    '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents" /><w:docPartUnique />'
    "</w:docPartObj></w:sdtPr><w:sdtContent>"
    '<w:p><w:pPr><w:pStyle w:val="TOCHeading" /></w:pPr><w:r><w:t>Inhalt</w:t></w:r></w:p>'
    '<w:p><w:r><w:fldChar w:fldCharType="begin" w:dirty="true" /></w:r>'
    '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate" /></w:r>'
    "<w:r><w:t>Das Inhaltsverzeichnis erscheint, wenn Word die Felder aktualisiert (F9).</w:t></w:r>"
    '<w:r><w:fldChar w:fldCharType="end" /></w:r></w:p>'
    "</w:sdtContent></w:sdt>"
)
_QUOTES = {"DoubleQuote": ("„", "“"), "SingleQuote": ("‚", "‘")}


def _xml(value: str) -> str:
    """Text for an XML element: &, < and > escaped (quotes may stay; xml.sax.saxutils would pull in urllib)."""
    return _html_escape(value, quote=False)


def _raw(xml: str) -> Node:
    return {"t": "RawBlock", "c": ["openxml", xml]}


class _ToDocx(Walker):
    def __init__(self, root: Path) -> None:
        self.root = root
        self.landscape = False  # a landscape Anlage has begun

    def element(self, node: Node) -> list[Node]:
        kind = node["t"]
        if kind == "Div":
            names = classes(node)
            if PLACEHOLDER in names:
                return [node]
            if "lip-inhalt" in names:
                return [_raw(_TOC), _raw(_PAGE_BREAK)]
            before = [_raw(_PAGE_BREAK)] if _BREAK_BEFORE.intersection(names) else []
            if "lip-querformat" in names:
                # The first landscape Anlage ends the portrait section; the next one only starts a page.
                before = [_raw(_PAGE_BREAK if self.landscape else _END_OF_PORTRAIT)]
                self.landscape = True
            style = next((_STYLES[n] for n in names if n in _STYLES), None)
            children = self.run(node["c"][1])
            if style:
                return [*before, {"t": "Div", "c": [["", [], [["custom-style", style]]], children]}]
            return [*before, *children]
        if kind == "Quoted":
            opening, closing = _QUOTES[node["c"][0]["t"]]
            inner = self.run(node["c"][1])
            return [{"t": "Str", "c": opening}, *inner, {"t": "Str", "c": closing}]
        if kind == "Image":
            image_attr, alt, (_url, title) = node["c"]
            path = next(v for k, v in image_attr[2] if k == IMAGE_PATH)
            return [{"t": "Image", "c": [image_attr, alt, [str(self.root.resolve() / path), title]]}]
        return super().element(node)


def docx_tree(tree: dict[str, Any], root: Path, tabellen: Sequence[Tabelle]) -> dict[str, Any]:
    return {**tree, "blocks": insert(_ToDocx(root).run(tree["blocks"]), tabellen)}


def _reference(root: Path, work: Path, dok: Dokument) -> Path:
    """The reference document with this build's header and footer."""
    source = resource(root, REFERENCE)
    try:
        files = read_zip(source.read_bytes())
    except (OSError, ValueError, zipfile.BadZipFile) as error:
        raise BuildError(
            f"Die Word-Vorlage {source} ist beschädigt ({error}). Erzeugen Sie sie neu: "
            "python -m lip_build.outputs.drucksache.reference_docx"
        ) from None
    values = dict(zip(PLACEHOLDERS, (dok.kopfzeile, "ENTWURF" if dok.entwurf else "", dok.fusszeile), strict=True))
    for part in ("word/header1.xml", "word/footer1.xml"):
        if part in files:
            text = files[part].decode("utf-8")
            for placeholder, value in values.items():
                text = text.replace(placeholder, _xml(value))
            files[part] = text.encode("utf-8")
    target = work / "reference.docx"
    target.write_bytes(write_zip(files))
    return target


def _finish(docx: bytes, dok: Dokument) -> bytes:
    """Header columns and short tables kept together (docx_tables.py); landscape for the last section
    (Anlage 2); title, author, language and the commit in the document properties."""
    files = read_zip(docx)
    document = finish_tables(files["word/document.xml"].decode("utf-8"), sum(1 for t in dok.tabellen if t.row_headers))
    if _END_OF_PORTRAIT in document:
        last = document.rfind("<w:sectPr")
        end = document.find("</w:sectPr>", last) + len("</w:sectPr>")
        document = document[:last] + section(LANDSCAPE) + document[end:]
    files["word/document.xml"] = document.encode("utf-8")
    core = files.get("docProps/core.xml", b"").decode("utf-8")
    properties = (
        ("dc:title", dok.titel),
        ("dc:creator", dok.autorin),
        ("dc:language", "de-DE"),
        ("dc:description", dok.herkunft),  # the commit; the footer shows the plan's version and date
    )
    for tag, value in properties:
        element = f"<{tag}>{_xml(value)}</{tag}>"
        core, count = re.subn(rf"<{tag}\s*/>|<{tag}>.*?</{tag}>", element.replace("\\", "\\\\"), core, flags=re.S)
        if count == 0:
            core = core.replace("</cp:coreProperties>", f"{element}</cp:coreProperties>")
    files["docProps/core.xml"] = core.encode("utf-8")
    return write_zip(files)


def build_docx(root: Path, work: Path, tree: dict[str, Any], dok: Dokument, version: Version) -> bytes:
    reference = _reference(root, work, dok)
    epoch = str(int(version.datum.timestamp()))
    data = pandoc.write(
        docx_tree(tree, root, dok.tabellen),
        "docx",
        "der Umwandlung in DOCX",
        work / "drucksache.md",
        ["--reference-doc", str(reference), "--metadata", "lang=de-DE", "--output", "-"],
        {"SOURCE_DATE_EPOCH": epoch},
    )
    return _finish(data, dok)
