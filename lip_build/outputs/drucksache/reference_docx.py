"""Generates templates/docx/reference.docx, the Word styles of the DOCX, from pandoc's own default.

Run after changing the styles:  python -m lip_build.outputs.drucksache.reference_docx
The result is committed. Fonts, sizes and colours follow the PDF (templates/typst); Word uses
Arial because the PDF's Noto Sans is rarely installed on administration computers. The header
and footer carry placeholders that render_docx.py fills in for each build: the Drucksache number,
the ENTWURF marking and the version; the footer counts "Seite X von Y" with Word fields.
"""

from __future__ import annotations

import re
import sys

from lip_build.outputs.drucksache import pandoc
from lip_build.outputs.drucksache.docx_layout import (
    ACCENT,
    DARK,
    FOOTER,
    GREY,
    HEADER,
    LINE,
    PORTRAIT,
    SURFACE,
    section,
)
from lip_build.outputs.drucksache.paths import LIP_REPO
from lip_build.outputs.drucksache.zipfiles import read_zip, write_zip

TARGET = LIP_REPO / "templates" / "docx" / "reference.docx"
_FONT = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial" />'


def _heading(level: int, size_pt: float, before: int, italic: bool = False) -> str:
    half = int(size_pt * 2)
    return (
        f'<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}" />'
        '<w:basedOn w:val="Normal" /><w:next w:val="BodyText" /><w:uiPriority w:val="9" /><w:qFormat />'
        f'<w:pPr><w:keepNext /><w:keepLines /><w:spacing w:before="{before}" w:after="120" />'
        f'<w:outlineLvl w:val="{level - 1}" /></w:pPr>'
        f'<w:rPr>{_FONT}<w:b /><w:bCs />{"<w:i />" if italic else ""}<w:color w:val="{DARK}" />'
        f'<w:sz w:val="{half}" /><w:szCs w:val="{half}" /></w:rPr></w:style>'
    )


def _paragraph(style_id: str, name: str, ppr: str = "", rpr: str = "", based_on: str = "BodyText") -> str:
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}"><w:name w:val="{name}" />'
        f'<w:basedOn w:val="{based_on}" /><w:qFormat /><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>'
    )


STYLES = {
    "Heading1": _heading(1, 17, 480),
    "Heading2": _heading(2, 14, 360),
    "Heading3": _heading(3, 12, 300),
    "Heading4": _heading(4, 11, 280),
    "Heading5": _heading(5, 10, 240),
    "Heading6": _heading(6, 10, 240, italic=True),
    "BodyText": _paragraph(
        "BodyText",
        "Body Text",
        '<w:spacing w:before="0" w:after="140" w:line="288" w:lineRule="auto" />',
        based_on="Normal",
    ).replace(' w:customStyle="1"', ""),
    "Compact": _paragraph("Compact", "Compact", '<w:spacing w:before="20" w:after="20" />'),
    "Subtitle": _paragraph(
        "Subtitle", "Subtitle", '<w:spacing w:after="360" />', f'<w:color w:val="{GREY}" /><w:sz w:val="28" />'
    ).replace(' w:customStyle="1"', ""),
    "Metazeile": _paragraph(
        "Metazeile",
        "Metazeile",
        '<w:keepNext /><w:spacing w:before="0" w:after="200" />',  # with the text below, as its heading is
        f'<w:color w:val="{GREY}" /><w:sz w:val="17" />',
    ),
    "Kurzfassung": _paragraph(
        "Kurzfassung",
        "Kurzfassung",
        f'<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="{ACCENT}" /></w:pBdr>'
        f'<w:shd w:val="clear" w:color="auto" w:fill="{SURFACE}" /><w:ind w:left="170" w:right="113" />'
        '<w:spacing w:before="120" w:after="280" />',
    ),
    # A text that introduces a table (the Kostentabelle's): kept on the page of the table's start.
    "Vorspann": _paragraph(
        "Vorspann",
        "Vorspann",
        '<w:keepNext /><w:keepLines /><w:spacing w:before="0" w:after="140" w:line="288" w:lineRule="auto" />',
    ),
    "Zeichnung": _paragraph("Zeichnung", "Zeichnung", '<w:spacing w:before="480" w:after="480" />'),
    "Angaben": _paragraph("Angaben", "Angaben", '<w:spacing w:before="720" />'),
    "Kopfzeile": _paragraph(
        "Kopfzeile",
        "Kopfzeile",
        '<w:spacing w:before="0" w:after="0" />',
        f'<w:color w:val="{GREY}" /><w:sz w:val="17" />',
        "Normal",
    ),
    "Fusszeile": _paragraph(
        "Fusszeile",
        "Fußzeile",
        '<w:spacing w:before="0" w:after="0" />',
        f'<w:color w:val="{GREY}" /><w:sz w:val="17" />',
        "Normal",
    ),
    "TableCaption": _paragraph(
        "TableCaption",
        "Table Caption",
        '<w:keepNext /><w:spacing w:before="200" w:after="80" />',
        f'<w:b /><w:color w:val="{GREY}" /><w:sz w:val="18" />',
        "Normal",
    ),
    "Hyperlink": f'<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink" />'
    f'<w:basedOn w:val="BodyTextChar" /><w:rPr><w:color w:val="{ACCENT}" /></w:rPr></w:style>',
    "Table": '<w:style w:type="table" w:default="1" w:styleId="Table"><w:name w:val="Table" />'
    '<w:basedOn w:val="TableNormal" /><w:qFormat /><w:tblPr><w:tblInd w:w="0" w:type="dxa" />'
    f'<w:tblBorders><w:top w:val="single" w:sz="4" w:color="{LINE}" />'
    f'<w:bottom w:val="single" w:sz="4" w:color="{LINE}" />'
    f'<w:insideH w:val="single" w:sz="4" w:color="{LINE}" /></w:tblBorders>'
    '<w:tblCellMar><w:top w:w="40" w:type="dxa" /><w:left w:w="100" w:type="dxa" />'
    '<w:bottom w:w="40" w:type="dxa" /><w:right w:w="100" w:type="dxa" /></w:tblCellMar></w:tblPr>'
    f'<w:tblStylePr w:type="firstRow"><w:rPr><w:b /></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" '
    f'w:fill="{SURFACE}" /><w:vAlign w:val="bottom" /></w:tcPr></w:tblStylePr>'
    # the header column of a fact table (tblLook firstColumn, set by docx_tables.py)
    f'<w:tblStylePr w:type="firstCol"><w:rPr><w:b /></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" '
    f'w:fill="{SURFACE}" /></w:tcPr></w:tblStylePr></w:style>',
}


def _styles(xml: str) -> str:
    for style_id, definition in STYLES.items():
        xml = re.sub(rf'<w:style [^>]*w:styleId="{style_id}"[^>]*>.*?</w:style>\s*', "", xml, flags=re.S)
        xml = xml.replace("</w:styles>", definition + "\n</w:styles>")
    defaults = (
        f'<w:rPrDefault><w:rPr>{_FONT}<w:color w:val="{DARK}" /><w:sz w:val="20" /><w:szCs w:val="20" />'
        '<w:lang w:val="de-DE" w:eastAsia="de-DE" w:bidi="ar-SA" /></w:rPr></w:rPrDefault>'
    )
    return re.sub(r"<w:rPrDefault>.*?</w:rPrDefault>", defaults, xml, flags=re.S)


def generate() -> bytes:
    """The reference document: pandoc's default with the styles, header and footer of the Drucksache."""
    default = pandoc.run(
        ["--print-default-data-file", "reference.docx"], None, "dem Lesen der Standard-Vorlage", TARGET
    )
    files = read_zip(default)
    files["word/styles.xml"] = _styles(files["word/styles.xml"].decode("utf-8")).encode("utf-8")
    files["word/header1.xml"] = HEADER.encode("utf-8")
    files["word/footer1.xml"] = FOOTER.encode("utf-8")
    rels = files["word/_rels/document.xml.rels"].decode("utf-8")
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Type="{base}/header" Id="rIdLipKopf" Target="header1.xml" />'
        f'<Relationship Type="{base}/footer" Id="rIdLipFuss" Target="footer1.xml" /></Relationships>',
    )
    files["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    types = files["[Content_Types].xml"].decode("utf-8")
    kind = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    types = types.replace(
        "</Types>",
        f'<Override PartName="/word/header1.xml" ContentType="{kind}.header+xml" />'
        f'<Override PartName="/word/footer1.xml" ContentType="{kind}.footer+xml" /></Types>',
    )
    files["[Content_Types].xml"] = types.encode("utf-8")
    document = files["word/document.xml"].decode("utf-8")
    document = re.sub(r"<w:sectPr>.*?</w:sectPr>", section(PORTRAIT), document, flags=re.S)
    files["word/document.xml"] = document.encode("utf-8")
    settings = files["word/settings.xml"].decode("utf-8")
    if "w:updateFields" not in settings:
        settings = settings.replace("<w:footnotePr>", '<w:updateFields w:val="true" />\n  <w:footnotePr>', 1)
    files["word/settings.xml"] = settings.encode("utf-8")
    return write_zip(files)


def main() -> int:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(generate())
    print(f"Geschrieben: {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
